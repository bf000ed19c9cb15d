import { describe, expect, it } from "vitest";
import { diffStates, FunctionSet, PAST_ORDER_IDS, SimulatedDevice, WORLD, type DeviceState } from "../../src/functions/index.js";

const all = FunctionSet.fromDomains(["android", "ecommerce", "video", "travel"]);

/** Sample arguments for every built-in function, and what each must change in the state ("" = nothing). */
const SAMPLES: Record<string, [Record<string, unknown>, string]> = {
  get_trending_news: [{ query: "electric vehicles", language: "fr" }, ""],
  get_weather_forecast: [{ location: "Seattle" }, ""],
  send_email: [{ recipient: "Priya Patel", title: "Deck", content: "Attached." }, "sentEmails"],
  search_youtube_videos: [{ query: "how to make sourdough" }, ""],
  find_route_google_maps: [{ origin: "Union Station", destination: "Central Park", mode: "transit" }, ""],
  send_text_message: [{ contact_name: "Mom", message: "Landing at 6" }, "sentTexts"],
  create_contact: [{ name: WORLD.newContacts[0].name, phone_number: WORLD.newContacts[0].phone }, "contacts"],
  set_timer_alarm: [{ time: "06:30", label: "gym" }, "alarms"],
  create_calendar_event: [{ title: "Dentist", start_time: "2026-12-02-09-00", end_time: "2026-12-02-10-00" }, "calendar"],
  set_volume: [{ level: 0, volume_type: "ring" }, "volume"],
  search_files: [{ query: "boarding pass" }, ""],
  print_document: [{ file_path: "/storage/documents/resume_john_smith.pdf" }, "printJobs"],
  adjust_screen_brightness: [{ change_percent: -15 }, "brightness"],
  connect_bluetooth_device: [{ device_name: "JBL Flip 6 Speaker" }, "bluetooth"],
  take_screenshot: [{}, "files,screenshots"],
  take_photo: [{ camera: "front" }, "files,photos"],
  web_search: [{ query: "best hiking trails near Seattle" }, ""],
  enable_do_not_disturb: [{ enabled: true }, "doNotDisturb"],
  search_products: [{ query: "air fryer" }, ""],
  get_product_reviews: [{ product_id: "P1016" }, ""],
  add_to_cart: [{ product_id: "P1016", quantity: 2 }, "cart"],
  apply_coupon: [{ code: "SAVE10" }, "appliedCoupons"],
  place_order: [{}, "appliedCoupons,cart,orders"],
  track_order: [{ order_id: PAST_ORDER_IDS[0] }, ""],
  cancel_order: [{ order_id: PAST_ORDER_IDS[2] }, "orders"],
  search_movies: [{ query: "stranger things" }, ""],
  play_video: [{ title: "Inception" }, "nowPlaying"],
  add_to_watchlist: [{ title: "The Bear" }, "watchlist"],
  get_recommendations: [{ genre: "horror" }, ""],
  rate_title: [{ title: "Parasite", stars: 5 }, "ratings"],
  download_episode: [{ show: "The Office", season: 2, episode: 3 }, "downloads"],
  cast_to_tv: [{ device_name: "Living Room TV" }, "castingTo"],
  search_flights: [{ origin: "SFO", destination: "London", date: "2026-12-10" }, ""],
  book_flight: [{ flight_id: "(from search_flights)", passenger_name: "Sarah Chen" }, "bookings"],
  search_hotels: [{ city: "Tokyo", check_in: "2026-12-10", check_out: "2026-12-13" }, ""],
  book_hotel: [{ hotel_id: "HTL-HND-02", check_in: "2026-12-10", check_out: "2026-12-13" }, "bookings"],
  rent_car: [{ city: "Los Angeles", pickup_date: "2026-12-05", return_date: "2026-12-08" }, "bookings"],
  get_travel_advisory: [{ country: "Mexico" }, ""],
  convert_currency: [{ amount: 250, from_currency: "USD", to_currency: "EUR" }, ""],
};

function changedKeys(before: DeviceState, after: DeviceState): string {
  return diffStates(before, after).map((line) => line.split(/[.[:]/)[0]).filter((key, index, keys) => keys.indexOf(key) === index).sort().join(",");
}

describe("SimulatedDevice runs every built-in function", () => {
  it("executes each function with sample arguments, returning JSON-safe observations and changing only what it should", async () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...all.names].sort());
    const device = SimulatedDevice.create({ seed: 7 });
    for (const name of all.names) {
      const [args, expectedChange] = SAMPLES[name];
      if (name === "book_flight") args.flight_id = (await all.execute("search_flights", SAMPLES.search_flights[0], { device }) as Array<{ flightId: string }>)[0].flightId;
      const before = device.snapshot();
      const observation = await all.execute(name, args, { device });
      expect(observation, name).toBeDefined();
      expect(JSON.parse(JSON.stringify(observation)), name).toEqual(observation);
      expect(changedKeys(before, device.snapshot()), name).toBe(expectedChange);
    }
    const state = device.state;
    expect(state.sentEmails[0]).toEqual({ recipient: "priya.patel@initech.com", title: "Deck", content: "Attached.", sentAt: "2026-11-25T09:00" });
    expect(state.sentTexts[0]).toMatchObject({ contactName: "Mom", phone: "+14155550100" });
    expect(state.volume.ring).toBe(0);
    expect(state.doNotDisturb).toBe(true);
    expect(state.orders.map((order) => [order.id, order.status])).toEqual([["ORD-10021", "shipped"], ["ORD-10022", "delivered"], ["ORD-10023", "cancelled"], ["ORD-10024", "processing"]]);
    const order = state.orders[3];
    expect(order.items).toEqual([{ productId: "P1016", name: "Cosori Air Fryer 5.8 Quart", quantity: 2, unitPrice: 119.99 }]);
    expect([order.subtotal, order.discount, order.total, order.coupons]).toEqual([239.98, 24, 215.98, ["SAVE10"]]);
    expect(state.downloads).toEqual([{ show: "The Office", season: 2, episode: 3 }]);
    expect(state.bookings.hotels[0]).toMatchObject({ hotelName: "Hotel Gracery Shinjuku", nights: 3, total: 420 });
    expect(state.bookings.flights[0]).toMatchObject({ passengerName: "Sarah Chen", origin: "SFO", destination: "LHR", date: "2026-12-10" });
  });

  it("answers lookups with ids and paths, and converts currency from the rate table", async () => {
    const device = SimulatedDevice.create();
    const context = { device };
    expect(await all.execute("search_files", { query: "Q3 report" }, context)).toEqual(["/storage/documents/Q3_financial_report.pdf", "/storage/documents/Q2_financial_report.pdf"]);
    expect((await all.execute("search_files", { query: "lasagna recipe" }, context) as string[])[0]).toBe("/storage/documents/recipe_lasagna.txt");
    expect(await all.execute("search_files", { query: "quantum chromodynamics" }, context)).toEqual([]);
    expect((await all.execute("search_products", { query: "dyson vacuum" }, context) as Array<{ id: string }>)[0].id).toBe("P1033");
    expect(await all.execute("convert_currency", { amount: 100, from_currency: "eur", to_currency: "JPY" }, context)).toMatchObject({ from: "EUR", to: "JPY", converted: 16434.78 });
    expect(await all.execute("get_travel_advisory", { country: "UK" }, context)).toMatchObject({ country: "United Kingdom", level: 2 });
    expect(await all.execute("get_weather_forecast", { location: "Paris" }, context)).toHaveLength(3);
    expect((await all.execute("get_weather_forecast", { location: "Paris" }, context) as string[])[0]).toMatch(/^2026-11-25: /);
  });
});

describe("determinism", () => {
  async function run(seed: number) {
    const device = SimulatedDevice.create({ seed });
    const observations: unknown[] = [];
    for (const name of ["search_flights", "get_trending_news", "search_youtube_videos", "get_weather_forecast", "get_recommendations", "rent_car"]) {
      observations.push(await all.execute(name, SAMPLES[name][0], { device }));
    }
    return { observations, state: device.snapshot() };
  }

  it("gives the same state and observations for the same seed, and different ones for another seed", async () => {
    const first = await run(11);
    const again = await run(11);
    expect(again).toEqual(first);
    expect(diffStates(first.state, again.state)).toEqual([]);
    const other = await run(12);
    expect(other.observations).not.toEqual(first.observations);
    expect(SimulatedDevice.create({ seed: 11 }).snapshot()).not.toEqual(SimulatedDevice.create({ seed: 12 }).snapshot());
  });

  it("keeps flight ids independent of the seed so generated data can name them", async () => {
    const ids = async (seed: number) => (await all.execute("search_flights", SAMPLES.search_flights[0], { device: SimulatedDevice.create({ seed }) }) as Array<{ flightId: string }>).map((flight) => flight.flightId);
    expect(await ids(1)).toEqual(await ids(2));
  });

  it("snapshot is a deep copy and diffStates names paths", () => {
    const device = SimulatedDevice.create();
    const snapshot = device.snapshot();
    device.state.alarms.push({ time: "07:00", label: "alarm" });
    device.state.volume.media = 10 - snapshot.volume.media === 0 ? 9 : 10;
    expect(snapshot.alarms).toEqual([]);
    expect(diffStates(snapshot, device.snapshot())).toEqual([
      "alarms: expected 0 item(s), got 1",
      'alarms[0]: unexpected {"time":"07:00","label":"alarm"}',
      `volume.media: expected ${snapshot.volume.media}, got ${device.state.volume.media}`,
    ]);
    expect(() => SimulatedDevice.create({ now: "tomorrow" })).toThrow(/now must look like/);
  });
});
