// Expected device states as dataset records store them: only the parts a plan changed. A full snapshot is
// ~10 KB (the file list, the contacts …), a compact one is usually under 1 KB. `seed` and `now` stay, so the
// untouched parts can be rebuilt from a fresh device: expandState(compactState(s)) deep-equals s. A full
// snapshot (older datasets) is also a valid compact state: expandState leaves it as it is.
import { SimulatedDevice } from "./simulated-device.js";
import type { DeviceState } from "./state.js";

export type CompactDeviceState = Partial<DeviceState> & Pick<DeviceState, "seed" | "now">;

export function compactState(state: DeviceState): CompactDeviceState {
  const fresh = SimulatedDevice.create({ seed: state.seed, now: state.now }).snapshot() as unknown as Record<string, unknown>;
  const compact: Record<string, unknown> = { seed: state.seed, now: state.now };
  for (const [key, value] of Object.entries(state)) {
    if (JSON.stringify(value) !== JSON.stringify(fresh[key])) compact[key] = value;
  }
  return compact as CompactDeviceState;
}

export function expandState(compact: CompactDeviceState): DeviceState {
  const fresh = SimulatedDevice.create({ seed: compact.seed ?? 0, now: compact.now }).snapshot();
  return { ...fresh, ...structuredClone(compact) };
}
