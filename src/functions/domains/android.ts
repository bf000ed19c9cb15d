// The 18 android functions in the order of ../shared/functions.md (the order is the
// functional-token index within the domain, so it must not change).
import * as apps from "./android-apps.js";
import * as system from "./android-system.js";
import type { FunctionSpec } from "../spec.js";

export const ANDROID_FUNCTIONS: readonly FunctionSpec[] = [
  apps.getTrendingNewsFunction,
  apps.getWeatherForecastFunction,
  apps.sendEmailFunction,
  apps.searchYoutubeVideosFunction,
  apps.findRouteGoogleMapsFunction,
  apps.sendTextMessageFunction,
  apps.createContactFunction,
  system.setTimerAlarmFunction,
  system.createCalendarEventFunction,
  system.setVolumeFunction,
  system.searchFilesFunction,
  system.printDocumentFunction,
  system.adjustScreenBrightnessFunction,
  system.connectBluetoothDeviceFunction,
  system.takeScreenshotFunction,
  system.takePhotoFunction,
  apps.webSearchFunction,
  system.enableDoNotDisturbFunction,
];
