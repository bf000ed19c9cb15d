// Types of the seeded world's static data (see ../catalog.ts). Everything here is
// plain JSON so the data generator can import it without touching the device.

export interface WorldDocument {
  path: string;
  kind: "document" | "presentation" | "spreadsheet" | "invoice" | "resume" | "boarding pass" | "notes" | "photo" | "receipt" | "contract";
  sizeKb: number;
  /** "YYYY-MM-DD" */
  modified: string;
}

export interface WorldContact {
  name: string;
  /** E.164, e.g. "+14155550132" */
  phone: string;
  email: string;
}

export interface WorldBluetoothDevice {
  name: string;
  kind: "headphones" | "earbuds" | "car" | "speaker" | "projector" | "printer" | "watch" | "keyboard" | "mouse" | "tv";
}

export interface WorldReview {
  author: string;
  stars: number;
  text: string;
}

export interface WorldProduct {
  id: string;
  name: string;
  price: number;
  category: string;
  reviews: WorldReview[];
}

export interface WorldCoupon {
  code: string;
  description: string;
  percentOff?: number;
  amountOff?: number;
  minimumSubtotal?: number;
  expired?: boolean;
}

export interface WorldTitle {
  title: string;
  kind: "movie" | "show";
  genre: string;
  year: number;
  /** Episodes per season, shows only: [10, 8] = season 1 has 10 episodes, season 2 has 8. */
  seasons?: number[];
}

export interface WorldCastDevice {
  name: string;
  kind: "chromecast" | "smart tv" | "fire tv" | "apple tv" | "roku";
}

export interface WorldHotel {
  id: string;
  name: string;
  stars: number;
  pricePerNight: number;
}

export interface WorldCity {
  name: string;
  country: string;
  airportCode: string;
  airportName: string;
  hotels: WorldHotel[];
}

export interface WorldCountry {
  name: string;
  /** ISO 4217 code of the currency used there. */
  currency: string;
  /** 1 = exercise normal precautions … 4 = do not travel (US State Department scale). */
  advisoryLevel: 1 | 2 | 3 | 4;
  advisory: string;
}

export interface WorldCurrency {
  code: string;
  name: string;
  /** Units of this currency per 1 US dollar. */
  perUsd: number;
}
