// Android functions that change the phone itself: alarms, calendar, sound, screen,
// files, printing, Bluetooth, cameras and do-not-disturb.
import { z } from "zod";
import { adjustScreenBrightness, connectBluetoothDevice, createCalendarEvent, enableDoNotDisturb, setTimerAlarm, setVolume } from "../device/android-settings.js";
import { printDocument, searchFiles, takePhoto, takeScreenshot } from "../device/android-files.js";
import { defineFunction } from "../spec.js";
import { calendarDateTime, clockTime } from "./formats.js";

const domain = "android";

export const setTimerAlarmFunction = defineFunction({
  name: "set_timer_alarm", domain,
  description: "Sets a timer or alarm for a specified time.",
  parameters: z.object({
    time: clockTime().describe('Alarm time in "HH:MM" 24-hour format. For example, "07:12" for 7:12 AM.'),
    label: z.string().describe('Custom label for the alarm, default is "alarm".').default("alarm"),
  }),
  execute: (args, { device }) => setTimerAlarm(device, args.time, args.label),
});

export const createCalendarEventFunction = defineFunction({
  name: "create_calendar_event", domain,
  description: "Schedules a new event in the calendar.",
  parameters: z.object({
    title: z.string().describe("Event title."),
    start_time: calendarDateTime().describe('Event start time as a string in ISO 8601 format "YYYY-MM-DD-HH-MM". For example, "2022-12-31-23-59" for 11:59 PM on December 31, 2022.'),
    end_time: calendarDateTime().describe('Event end time as a string in ISO 8601 format "YYYY-MM-DD-HH-MM". Must be after start_time. For example, "2023-01-01-00-00" for 12:00 AM on January 1, 2023.'),
  }),
  execute: (args, { device }) => createCalendarEvent(device, args.title, args.start_time, args.end_time),
});

export const setVolumeFunction = defineFunction({
  name: "set_volume", domain,
  description: 'Sets the volume level for a specified type : "ring" , "media" , "alarm".',
  parameters: z.object({
    level: z.number().int().min(0).max(10).describe("Target volume level, from 0 (mute) to 10 (maximum)."),
    volume_type: z.enum(["ring", "media", "alarm"]).describe('The category of volume to adjust, select from "ring" , "media" , "alarm".'),
  }),
  execute: (args, { device }) => setVolume(device, args.level, args.volume_type),
});

export const searchFilesFunction = defineFunction({
  name: "search_files", domain,
  description: "Searches the files stored on the device for documents, presentations, spreadsheets and photos whose names match a query.",
  parameters: z.object({
    query: z.string().describe("Words from the file name, e.g. 'Q3 report' or 'boarding pass'. Case, separators and file extensions are ignored."),
  }),
  returns: "list[str]: Up to three full file paths, best match first, e.g. '/storage/documents/Q3_financial_report.pdf'.",
  execute: (args, { device }) => searchFiles(device, args.query),
});

export const printDocumentFunction = defineFunction({
  name: "print_document", domain,
  description: "Sends a document stored on the device to the printer.",
  parameters: z.object({
    file_path: z.string().describe("Full path of the file to print, as returned by search_files. For example, '/storage/documents/Q3_financial_report.pdf'."),
  }),
  returns: "dict: The printed path, the printer used and the number of pages.",
  execute: (args, { device }) => printDocument(device, args.file_path),
});

export const adjustScreenBrightnessFunction = defineFunction({
  name: "adjust_screen_brightness", domain,
  description: "Adjusts the brightness of the device's screen by a relative amount.",
  parameters: z.object({
    change_percent: z.number().int().min(-100).max(100).describe("Change in percentage points, from -100 to 100. Positive values make the screen brighter, negative values dimmer. For example, 20 to brighten by 20%."),
  }),
  returns: "dict: The new brightness and the previous one, in percent.",
  execute: (args, { device }) => adjustScreenBrightness(device, args.change_percent),
});

export const connectBluetoothDeviceFunction = defineFunction({
  name: "connect_bluetooth_device", domain,
  description: "Connects the device to a Bluetooth device in range, pairing it first if needed.",
  parameters: z.object({
    device_name: z.string().describe("Name of the Bluetooth device, e.g. 'AirPods Pro' or 'Conference Room Projector'."),
  }),
  execute: (args, { device }) => connectBluetoothDevice(device, args.device_name),
});

export const takeScreenshotFunction = defineFunction({
  name: "take_screenshot", domain,
  description: "Captures a screenshot of the current screen and saves it to the device's pictures.",
  parameters: z.object({}),
  returns: "str: The path of the saved screenshot.",
  execute: (_args, { device }) => takeScreenshot(device),
});

export const takePhotoFunction = defineFunction({
  name: "take_photo", domain,
  description: "Takes a photo with the device's camera and saves it to the gallery.",
  parameters: z.object({
    camera: z.enum(["front", "back"]).describe("The camera to use, select from 'front' (selfie) or 'back'."),
  }),
  returns: "str: The path of the saved photo.",
  execute: (args, { device }) => takePhoto(device, args.camera),
});

export const enableDoNotDisturbFunction = defineFunction({
  name: "enable_do_not_disturb", domain,
  description: "Turns do-not-disturb mode on or off. While it is on, calls and notifications are silenced.",
  parameters: z.object({
    enabled: z.boolean().describe("True to turn do-not-disturb on, False to turn it off."),
  }),
  execute: (args, { device }) => enableDoNotDisturb(device, args.enabled),
});
