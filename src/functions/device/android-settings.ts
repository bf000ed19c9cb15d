// Alarms, calendar, volume, brightness, Bluetooth and do-not-disturb.
import { DeviceError } from "./errors.js";
import { rankMatches } from "./match.js";
import type { SimulatedDevice } from "./simulated-device.js";
import type { VolumeType } from "./state.js";
import { clockMinutes, parseClock, parseDate } from "./time.js";

export function setTimerAlarm(device: SimulatedDevice, time: string, label: string): { alarm: string; label: string } {
  const { hours, minutes } = parseClock("set_timer_alarm", "time", time);
  const normalized = `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
  device.state.alarms.push({ time: normalized, label });
  return { alarm: normalized, label };
}

export function createCalendarEvent(device: SimulatedDevice, title: string, startTime: string, endTime: string): { created: string; start: string; end: string } {
  const start = parseDate("create_calendar_event", "start_time", startTime, true);
  const end = parseDate("create_calendar_event", "end_time", endTime, true);
  if (end <= start) throw new DeviceError("create_calendar_event", `end_time ${endTime} is not after start_time ${startTime}`, "The event must end after it starts.");
  if (title.trim() === "") throw new DeviceError("create_calendar_event", "the title is empty", "Give the event a title.");
  if (start < clockMinutes(device.state.now) - 366 * 24 * 60) {
    throw new DeviceError("create_calendar_event", `start_time ${startTime} is more than a year in the past (today is ${device.state.now.slice(0, 10)})`, "Check the year.");
  }
  device.state.calendar.push({ title, startTime, endTime });
  return { created: title, start: startTime, end: endTime };
}

export function setVolume(device: SimulatedDevice, level: number, volumeType: VolumeType): { volumeType: VolumeType; level: number; previous: number } {
  if (!Number.isInteger(level) || level < 0 || level > 10) throw new DeviceError("set_volume", `level ${level} is out of range`, "Use a whole number from 0 (mute) to 10 (maximum).");
  if (!(volumeType in device.state.volume)) throw new DeviceError("set_volume", `unknown volume type "${volumeType}"`, 'Use "ring", "media" or "alarm".');
  const previous = device.state.volume[volumeType];
  device.state.volume[volumeType] = level;
  return { volumeType, level, previous };
}

export function adjustScreenBrightness(device: SimulatedDevice, changePercent: number): { brightness: number; previous: number } {
  if (!Number.isInteger(changePercent) || changePercent < -100 || changePercent > 100) {
    throw new DeviceError("adjust_screen_brightness", `change_percent ${changePercent} is out of range`, "Use a whole number from -100 to 100 (percentage points).");
  }
  const previous = device.state.brightness;
  device.state.brightness = Math.min(100, Math.max(0, previous + changePercent));
  return { brightness: device.state.brightness, previous };
}

export function connectBluetoothDevice(device: SimulatedDevice, deviceName: string): { connected: string; newlyPaired: boolean } {
  const { paired, connected } = device.state.bluetooth;
  // Paired devices come first so that "my headphones" picks the ones already known to the phone.
  const candidates = [...device.world.bluetoothDevices].sort((a, b) => Number(paired.includes(b.name)) - Number(paired.includes(a.name)));
  const found = candidates.find((candidate) => candidate.name.toLowerCase() === deviceName.trim().toLowerCase())
    ?? rankMatches(deviceName, candidates, (candidate) => `${candidate.name} ${candidate.kind}`, 1)[0];
  if (!found) {
    throw new DeviceError("connect_bluetooth_device", `no Bluetooth device named "${deviceName}" in range`, `Devices in range: ${device.world.bluetoothDevices.map((candidate) => candidate.name).join(", ")}`);
  }
  const newlyPaired = !paired.includes(found.name);
  if (newlyPaired) paired.push(found.name);
  if (!connected.includes(found.name)) connected.push(found.name);
  return { connected: found.name, newlyPaired };
}

export function enableDoNotDisturb(device: SimulatedDevice, enabled: boolean): { doNotDisturb: boolean; previous: boolean } {
  const previous = device.state.doNotDisturb;
  device.state.doNotDisturb = enabled;
  return { doNotDisturb: enabled, previous };
}
