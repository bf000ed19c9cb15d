import { FunctionSet, SimulatedDevice, parseDocstrings, fromOpenAITools, diffStates } from "./src/functions/index.js";
const set = FunctionSet.fromDomains(["android","ecommerce","video","travel"]);
console.log(set.size);
const doc = set.toDocstrings();
console.log(doc.slice(0, 2500));
const parsed = FunctionSet.from(parseDocstrings(doc));
console.log(parsed.toDocstrings() === doc);
const fromTools = FunctionSet.from(fromOpenAITools(set.toOpenAITools()));
console.log(JSON.stringify(fromTools.toOpenAITools()) === JSON.stringify(set.toOpenAITools()));
console.log(JSON.stringify(set.toJsonSchema("set_timer_alarm")));
const device = SimulatedDevice.create({ seed: 1 });
const ctx = { device };
const r = await set.execute("search_files", { query: "Q3 report" }, ctx) as string[]; console.log(r);
console.log(await set.execute("print_document", { file_path: r[0] }, ctx));
console.log(await set.execute("connect_bluetooth_device", { device_name: "conference room projector" }, ctx));
console.log(await set.execute("search_flights", { origin: "SFO", destination: "new york", date: "2026-12-03" }, ctx));
console.log(await set.execute("search_products", { query: "headphones" }, ctx));
console.log(await set.execute("get_trending_news", { query: "AI" }, ctx));
console.log(await set.execute("get_recommendations", { genre: "comedies" }, ctx));
try { await set.execute("set_timer_alarm", { time: "25:99" }, ctx); } catch (e) { console.log(String(e), (e as any).hint); }
try { await set.execute("set_volume", { level: 11, volume_type: "ring" }, ctx); } catch (e) { console.log(String(e), (e as any).hint); }
try { await set.execute("set_volume", { volume_type: "ring" }, ctx); } catch (e) { console.log(String(e), (e as any).hint); }
try { set.get("nope"); } catch (e) { console.log(String(e)); }
console.log(diffStates(SimulatedDevice.create({seed:1}).snapshot(), device.snapshot()));
