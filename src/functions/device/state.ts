// DeviceState: everything a call can change, as plain JSON. Static catalogues
// (WORLD) are deliberately not part of it, so snapshots stay small enough to store
// with every dataset record. Search results (news, web, YouTube, maps, flights) are
// derived from the query and seed and are not state either.

export type VolumeType = "ring" | "media" | "alarm";

export interface DeviceFile { path: string; kind: string; sizeKb: number; modified: string }
export interface Contact { name: string; phone: string; email?: string }
export interface SentEmail { recipient: string; title: string; content: string; sentAt: string }
export interface SentText { contactName: string; phone: string; message: string; sentAt: string }
export interface Alarm { time: string; label: string }
export interface CalendarEvent { title: string; startTime: string; endTime: string }
export interface PrintJob { filePath: string; printer: string; submittedAt: string }
export interface CartItem { productId: string; name: string; quantity: number; unitPrice: number }
export type OrderStatus = "processing" | "shipped" | "delivered" | "cancelled";
export interface Order {
  id: string; items: CartItem[]; subtotal: number; discount: number; total: number; coupons: string[];
  status: OrderStatus; shippingAddress: string; paymentMethod: string; placedAt: string;
}
export interface Download { show: string; season: number; episode: number }
export interface FlightBooking { confirmation: string; flightId: string; passengerName: string; origin: string; destination: string; date: string; price: number }
export interface HotelBooking { confirmation: string; hotelId: string; hotelName: string; city: string; checkIn: string; checkOut: string; nights: number; total: number }
export interface CarRental { confirmation: string; city: string; company: string; carClass: string; pickupDate: string; returnDate: string; total: number }

export interface DeviceState {
  seed: number;
  /** Device clock, "YYYY-MM-DDTHH:MM"; it does not advance, so replays are exact. */
  now: string;
  // android
  files: DeviceFile[];
  contacts: Contact[];
  sentEmails: SentEmail[];
  sentTexts: SentText[];
  alarms: Alarm[];
  calendar: CalendarEvent[];
  volume: Record<VolumeType, number>;
  /** Screen brightness in percent, 0..100. */
  brightness: number;
  bluetooth: { paired: string[]; connected: string[] };
  photos: string[];
  screenshots: string[];
  printJobs: PrintJob[];
  doNotDisturb: boolean;
  // ecommerce
  cart: CartItem[];
  appliedCoupons: string[];
  orders: Order[];
  // video
  watchlist: string[];
  ratings: Record<string, number>;
  downloads: Download[];
  castingTo: string | null;
  nowPlaying: string | null;
  // travel
  bookings: { flights: FlightBooking[]; hotels: HotelBooking[]; cars: CarRental[] };
}
