// Files, printing and the cameras of the simulated phone.
import { DeviceError } from "./errors.js";
import { rankMatches } from "./match.js";
import type { SimulatedDevice } from "./simulated-device.js";
import type { DeviceFile } from "./state.js";

const SEARCH_LIMIT = 3;

/** Up to 3 paths, best match first; [] when nothing matches. */
export function searchFiles(device: SimulatedDevice, query: string): string[] {
  return rankMatches(query, device.state.files, (file) => file.path, SEARCH_LIMIT).map((file) => file.path);
}

function findFile(device: SimulatedDevice, functionName: string, filePath: string): DeviceFile {
  const wanted = filePath.trim();
  const files = device.state.files;
  const file = files.find((candidate) => candidate.path === wanted)
    ?? files.find((candidate) => candidate.path.toLowerCase() === wanted.toLowerCase())
    ?? files.find((candidate) => candidate.path.split("/").pop() === wanted);
  if (file) return file;
  const suggestions = rankMatches(wanted, files, (candidate) => candidate.path, SEARCH_LIMIT).map((candidate) => candidate.path);
  throw new DeviceError(
    functionName,
    `no file at "${filePath}"`,
    suggestions.length > 0 ? `Did you mean: ${suggestions.join(", ")}?` : "Call search_files first and pass one of the paths it returns.",
  );
}

export function printDocument(device: SimulatedDevice, filePath: string): { printed: string; printer: string; pages: number } {
  const file = findFile(device, "print_document", filePath);
  const printers = device.world.bluetoothDevices.filter((candidate) => candidate.kind === "printer").map((candidate) => candidate.name);
  const printer = device.state.bluetooth.connected.find((name) => printers.includes(name)) ?? device.world.defaultPrinter;
  device.state.printJobs.push({ filePath: file.path, printer, submittedAt: device.state.now });
  const pages = file.kind === "photo" || file.kind === "screenshot" ? 1 : Math.max(1, Math.round(file.sizeKb / 90));
  return { printed: file.path, printer, pages };
}

function stamp(now: string): string {
  return now.replace(/-/g, "").replace("T", "_").replace(":", "") + "00";
}

export function takeScreenshot(device: SimulatedDevice): { saved: string } {
  const number = device.state.screenshots.length + 1;
  const path = `/storage/pictures/screenshots/Screenshot_${stamp(device.state.now)}_${number}.png`;
  device.state.screenshots.push(path);
  device.state.files.push({ path, kind: "screenshot", sizeKb: 850, modified: device.state.now.slice(0, 10) });
  return { saved: path };
}

export function takePhoto(device: SimulatedDevice, camera: "front" | "back"): { saved: string; camera: string } {
  const number = device.state.photos.length + 1;
  const path = `/storage/DCIM/Camera/IMG_${stamp(device.state.now)}_${number}${camera === "front" ? "_selfie" : ""}.jpg`;
  device.state.photos.push(path);
  device.state.files.push({ path, kind: "photo", sizeKb: camera === "front" ? 2100 : 3600, modified: device.state.now.slice(0, 10) });
  return { saved: path, camera };
}
