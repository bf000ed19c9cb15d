// Calls that a real phone or service would refuse: each throws a DeviceError naming the
// function, with a hint, and leaves the state as it was.
import { describe, expect, it } from "vitest";
import { DeviceError, diffStates, FunctionSet, PAST_ORDER_IDS, SimulatedDevice } from "../../src/functions/index.js";

const all = FunctionSet.fromDomains(["android", "ecommerce", "video", "travel"]);

describe("realistic failures", () => {
  const failures: Array<[string, Record<string, unknown>, RegExp]> = [
    ["print_document", { file_path: "/storage/documents/Q4_report.pdf" }, /no file at "\/storage\/documents\/Q4_report\.pdf"/],
    ["set_timer_alarm", { time: "25:99" }, /invalid time "25:99"/],
    ["create_calendar_event", { title: "Sync", start_time: "2026-12-02-10-00", end_time: "2026-12-02-09-00" }, /end_time 2026-12-02-09-00 is not after start_time/],
    ["create_calendar_event", { title: "Sync", start_time: "2026-02-30-10-00", end_time: "2026-03-01-09-00" }, /invalid date "2026-02-30-10-00"/],
    ["connect_bluetooth_device", { device_name: "Millennium Falcon" }, /no Bluetooth device named/],
    ["send_text_message", { contact_name: "Gandalf", message: "hi" }, /no contact named "Gandalf"/],
    ["send_email", { recipient: "not an@address", title: "t", content: "c" }, /not a valid email address/],
    ["create_contact", { name: "Sarah Chen", phone_number: "+14155550000" }, /already exists/],
    ["create_contact", { name: "Pat Doe", phone_number: "call me" }, /is not a phone number/],
    ["get_product_reviews", { product_id: "P9999" }, /unknown product id "P9999"/],
    ["apply_coupon", { code: "SUMMER2026" }, /has expired/],
    ["apply_coupon", { code: "WELCOME20" }, /needs a subtotal of at least \$50/],
    ["place_order", {}, /the cart is empty/],
    ["track_order", { order_id: "ORD-1" }, /unknown order id "ORD-1"/],
    ["cancel_order", { order_id: PAST_ORDER_IDS[0] }, /has already been shipped and cannot be cancelled/],
    ["play_video", { title: "Gone with the Wind" }, /is not in the catalogue/],
    ["download_episode", { show: "Inception", season: 1, episode: 1 }, /is a movie/],
    ["download_episode", { show: "Breaking Bad", season: 6, episode: 1 }, /has no season 6/],
    ["download_episode", { show: "Breaking Bad", season: 1, episode: 8 }, /season 1 has no episode 8/],
    ["get_recommendations", { genre: "western" }, /unknown genre "western"/],
    ["cast_to_tv", { device_name: "Garage Projector" }, /no cast device named/],
    ["search_flights", { origin: "Atlantis", destination: "Paris", date: "2026-12-10" }, /unknown city or airport "Atlantis"/],
    ["search_flights", { origin: "Paris", destination: "CDG", date: "2026-12-10" }, /both Paris/],
    ["search_flights", { origin: "Paris", destination: "Rome", date: "2026-11-01" }, /is in the past/],
    ["book_flight", { flight_id: "UA123-SFO-JFK-20261203", passenger_name: "Sarah Chen" }, /unknown flight id/],
    ["book_hotel", { hotel_id: "HTL-XXX-01", check_in: "2026-12-10", check_out: "2026-12-12" }, /unknown hotel id/],
    ["search_hotels", { city: "Paris", check_in: "2026-12-10", check_out: "2026-12-10" }, /check_out 2026-12-10 is not after check_in/],
    ["get_travel_advisory", { country: "Narnia" }, /no advisory data for "Narnia"/],
    ["convert_currency", { amount: 5, from_currency: "USD", to_currency: "doubloons" }, /unknown currency "doubloons"/],
  ];

  it.each(failures)("%s(%j) throws a DeviceError with a hint and leaves the state unchanged", async (name, args, message) => {
    const device = SimulatedDevice.create({ seed: 3 });
    const before = device.snapshot();
    const error = await all.execute(name, args, { device }).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeviceError);
    expect((error as DeviceError).message).toMatch(message);
    expect((error as DeviceError).message.startsWith(`${name}: `)).toBe(true);
    expect((error as DeviceError).hint).toBeTruthy();
    expect(diffStates(before, device.snapshot())).toEqual([]);
  });

  it("checks ranges even when execute is called without validation", () => {
    const device = SimulatedDevice.create();
    expect(() => all.get("set_volume").execute?.({ level: 11, volume_type: "ring" }, { device })).toThrow(/level 11 is out of range/);
    expect(() => all.get("rate_title").execute?.({ title: "Parasite", stars: 0 }, { device })).toThrow(/stars 0 is out of range/);
  });
});
