// The shop's catalogue and coupons. Reviews are written as [author, stars, text]
// tuples only to keep the file short; PRODUCTS exposes them as objects.
import type { WorldCoupon, WorldProduct } from "./types.js";

type ReviewTuple = [string, number, string];
type ProductTuple = [id: string, name: string, price: number, category: string, reviews: ReviewTuple[]];

const PRODUCT_TUPLES: ProductTuple[] = [
  ["P1001", "Sony WH-1000XM5 Wireless Noise Cancelling Headphones", 348, "electronics", [["Alex", 5, "Best noise cancelling I have used."], ["Mia", 4, "Great sound, a bit tight on the head."]]],
  ["P1002", "Apple AirPods Pro (2nd generation)", 249, "electronics", [["Sam", 5, "Seamless with my iPhone."], ["Lee", 4, "Battery could be better."]]],
  ["P1003", "Anker PowerCore 20000mAh Portable Charger", 49.99, "electronics", [["Jo", 5, "Charges my phone four times."], ["Raj", 4, "Heavy but reliable."]]],
  ["P1004", "Samsung Galaxy Tab S9 Tablet", 799.99, "electronics", [["Kim", 5, "Gorgeous screen."], ["Tom", 3, "Pricey for what it does."]]],
  ["P1005", "Kindle Paperwhite E-Reader", 149.99, "electronics", [["Ana", 5, "Reading in bed is a joy."], ["Ben", 5, "Battery lasts weeks."]]],
  ["P1006", "Logitech MX Master 3S Wireless Mouse", 99.99, "electronics", [["Eve", 5, "Most comfortable mouse ever."], ["Dan", 4, "Scroll wheel is magic."]]],
  ["P1007", "JBL Flip 6 Portable Bluetooth Speaker", 129.95, "electronics", [["Liz", 4, "Loud and waterproof."], ["Max", 4, "Bass is decent for the size."]]],
  ["P1008", "USB-C Fast Charging Cable 6ft (2-pack)", 14.99, "electronics", [["Ian", 4, "Does the job."], ["Pat", 2, "One cable frayed after a month."]]],
  ["P1009", "Garmin Forerunner 265 Running Watch", 449.99, "electronics", [["Zoe", 5, "Accurate GPS and great battery."], ["Ray", 4, "Menus take time to learn."]]],
  ["P1010", "Nintendo Switch OLED Console", 349.99, "electronics", [["Kai", 5, "The screen is stunning."], ["Amy", 5, "Whole family loves it."]]],
  ["P1011", "Instant Pot Duo 7-in-1 Pressure Cooker", 89.99, "kitchen", [["Meg", 5, "Dinner in 30 minutes."], ["Rob", 4, "Lid is a bit fiddly."]]],
  ["P1012", "Ninja Professional Blender 1000W", 99.99, "kitchen", [["Sue", 5, "Crushes ice easily."], ["Gus", 3, "Very loud."]]],
  ["P1013", "Nespresso Vertuo Coffee Machine", 179, "kitchen", [["Ada", 5, "Perfect crema every time."], ["Lou", 4, "Pods are expensive."]]],
  ["P1014", "Lodge Cast Iron Skillet 12 inch", 34.9, "kitchen", [["Tim", 5, "Will last forever."], ["Ivy", 5, "Great sear on steaks."]]],
  ["P1015", "Stainless Steel Chef Knife 8 inch", 59.95, "kitchen", [["Ned", 4, "Sharp out of the box."], ["Fay", 4, "Good balance."]]],
  ["P1016", "Cosori Air Fryer 5.8 Quart", 119.99, "kitchen", [["Bo", 5, "Crispy fries without oil."], ["Cy", 4, "Basket coating wears off."]]],
  ["P1017", "Hydro Flask 32 oz Water Bottle", 44.95, "sports", [["Vi", 5, "Ice lasts all day."], ["Al", 4, "Dents if dropped."]]],
  ["P1018", "Manduka PRO Yoga Mat", 129, "sports", [["Uma", 5, "Grippy and thick."], ["Jay", 4, "Heavy to carry."]]],
  ["P1019", "Bowflex SelectTech 552 Adjustable Dumbbells", 429, "sports", [["Rex", 5, "Replaces a whole rack."], ["Dee", 4, "Adjusting is slow."]]],
  ["P1020", "Nike Pegasus 41 Running Shoes", 139.99, "sports", [["Ola", 5, "Comfortable for long runs."], ["Ken", 4, "Runs half a size small."]]],
  ["P1021", "Coleman Sundome 4-Person Tent", 99.99, "sports", [["Hal", 4, "Easy to pitch."], ["Gia", 3, "Leaked in heavy rain."]]],
  ["P1022", "Levi's 501 Original Fit Jeans", 69.5, "clothing", [["Rio", 5, "Classic fit."], ["Pam", 4, "Stiff at first."]]],
  ["P1023", "Patagonia Better Sweater Fleece Jacket", 139, "clothing", [["Ty", 5, "Warm and well made."], ["Sky", 5, "My go-to jacket."]]],
  ["P1024", "Ray-Ban Classic Aviator Sunglasses", 163, "clothing", [["Lia", 5, "Timeless."], ["Oz", 4, "Case is flimsy."]]],
  ["P1025", "Merino Wool Crew Socks (3-pack)", 29.99, "clothing", [["Mo", 5, "No more cold feet."], ["Flo", 4, "Shrank a little."]]],
  ["P1026", "North Face Waterproof Rain Jacket", 110, "clothing", [["Abe", 4, "Kept me dry on a hike."], ["Cat", 4, "Runs large."]]],
  ["P1027", "Atomic Habits by James Clear (Hardcover)", 16.99, "books", [["Ela", 5, "Changed my routines."], ["Nat", 4, "A bit repetitive."]]],
  ["P1028", "The Pragmatic Programmer, 20th Anniversary Edition", 44.99, "books", [["Dev", 5, "Every engineer should read it."], ["Ros", 5, "Timeless advice."]]],
  ["P1029", "Project Hail Mary by Andy Weir (Paperback)", 12.99, "books", [["Kit", 5, "Could not put it down."], ["Vic", 5, "Rocky is the best."]]],
  ["P1030", "The Very Hungry Caterpillar Board Book", 7.99, "books", [["Nan", 5, "My toddler's favourite."], ["Ted", 5, "Sturdy pages."]]],
  ["P1031", "LEGO Star Wars Millennium Falcon Set", 169.99, "toys", [["Leo", 5, "Great build with my son."], ["Ari", 4, "Instructions are long."]]],
  ["P1032", "Catan Board Game", 49, "toys", [["Gil", 5, "Game nights are back."], ["Bea", 4, "Needs 4 players to shine."]]],
  ["P1033", "Dyson V15 Detect Cordless Vacuum", 749.99, "home", [["Roy", 5, "The laser shows all the dust."], ["Ivy", 4, "Battery life is short on max."]]],
  ["P1034", "Philips Hue White and Color Starter Kit", 199.99, "home", [["Jen", 5, "Easy setup with the app."], ["Pip", 4, "Bridge required."]]],
  ["P1035", "Google Nest Learning Thermostat", 279, "home", [["Wes", 5, "Saved on heating bills."], ["Ona", 3, "Install took an hour."]]],
  ["P1036", "Brooklinen Luxe Sateen Sheet Set (Queen)", 189, "home", [["Rae", 5, "Hotel-quality sheets."], ["Sol", 4, "Wrinkle easily."]]],
  ["P1037", "iRobot Roomba j7+ Robot Vacuum", 599.99, "home", [["Eli", 4, "Avoids cables well."], ["Dot", 3, "Gets stuck under the sofa."]]],
  ["P1038", "CeraVe Moisturizing Cream 16 oz", 18.99, "beauty", [["Ivy", 5, "Gentle on my skin."], ["Amy", 5, "Great value."]]],
  ["P1039", "Oral-B iO Series 9 Electric Toothbrush", 299.99, "beauty", [["Len", 4, "Teeth feel cleaner."], ["Ros", 3, "App is unnecessary."]]],
  ["P1040", "Purina Pro Plan Adult Dog Food 35 lb", 74.99, "pets", [["Ted", 5, "My lab loves it."], ["Kay", 4, "Bag is hard to reseal."]]],
];

export const PRODUCTS: WorldProduct[] = PRODUCT_TUPLES.map(([id, name, price, category, reviews]) => ({
  id,
  name,
  price,
  category,
  reviews: reviews.map(([author, stars, text]) => ({ author, stars, text })),
}));

export const COUPONS: WorldCoupon[] = [
  { code: "SAVE10", description: "10% off your order", percentOff: 10 },
  { code: "WELCOME20", description: "20% off your first order over $50", percentOff: 20, minimumSubtotal: 50 },
  { code: "FREESHIP", description: "$5.99 off: free standard shipping", amountOff: 5.99 },
  { code: "BLACKFRIDAY25", description: "25% off orders over $100", percentOff: 25, minimumSubtotal: 100 },
  { code: "TAKE15", description: "$15 off orders over $75", amountOff: 15, minimumSubtotal: 75 },
  { code: "SUMMER2026", description: "15% off, summer sale (ended)", percentOff: 15, expired: true },
];
