// Android intents, part 4: settings (volume, brightness, do-not-disturb), including the
// requests that give no number ("louder", "my screen is blinding me"), where the step and
// the call use one fixed default level (never a random one: a model cannot learn a coin flip).
import { call, type Intent, type IntentContext } from "./intent.js";
import { sayNumber } from "./spoken.js";

const VOLUME_TYPES: Array<[string, "ring" | "media" | "alarm"]> = [["ring", "ring"], ["ringer", "ring"], ["ringtone", "ring"],
  ["media", "media"], ["music", "media"], ["media", "media"], ["video", "media"], ["alarm", "alarm"]];

/** Requests without a number ("louder", "my screen is blinding me"): the step and call use a sensible default. */
export const vagueSettings: Intent = {
  id: "android.vague-setting", domain: "android", functions: ["adjust_screen_brightness"],
  say: ["{vague}"], ask: ["{complaint}"],
  steps: [["{Up} screen brightness by {percent}%"]],
  bind({ dice }: IntentContext) {
    const brighter = dice.chance(0.5);
    const percent = 20; // one default: a random one would be a label no model can learn
    return { slots: { Up: brighter ? "Increase" : "Decrease", percent: String(percent),
      vague: brighter ? dice.pick(["make the screen brighter", "brighten the screen a bit", "turn the brightness up a little", "crank up the brightness",
        "bump up the brightness", "brighten my screen", "make the display brighter", "turn up the screen a bit"])
        : dice.pick(["dim the screen a bit", "make the screen darker", "turn the brightness down a touch", "tone down the brightness",
        "dim my screen", "lower the brightness a bit", "make the display less bright", "turn the screen down a little"]),
      complaint: brighter ? dice.pick(["it's too dark, I can't see my screen", "I can barely read the screen out here", "screen's way too dim",
          "can't see anything in this sunlight", "screen too dark", "brighter pls", "brightness up", "I'm outside and can't read my phone", "my screen is so dim"])
        : dice.pick(["my screen is blinding me", "the screen is way too bright", "ouch, too bright",
          "screen too bright", "dimmer pls", "brightness down", "it's hurting my eyes", "reading in bed, screen's too bright", "way too bright in here"]) },
    calls: [call("adjust_screen_brightness", { change_percent: brighter ? percent : -percent })] };
  },
};

export const vagueVolume: Intent = {
  id: "android.vague-volume", domain: "android", functions: ["set_volume"],
  say: ["{vague}"], ask: ["{complaint}"],
  steps: [["Set the media volume to {level}", "{Turn} the media volume to {level}"]],
  bind({ dice }: IntentContext) {
    const louder = dice.chance(0.5);
    const level = louder ? 8 : 3; // fixed defaults, as for brightness
    return { slots: { level: String(level), Turn: louder ? "Turn up" : "Turn down",
      vague: louder ? dice.pick(["turn it up", "make the music louder", "turn the volume up", "pump up the volume",
        "turn the sound up", "raise the volume", "bump up the volume", "crank it up", "make it louder"])
        : dice.pick(["turn it down", "make the music quieter", "lower the volume", "turn the sound down a bit",
        "turn it down a notch", "bring the volume down", "make it quieter", "lower the sound"]),
      complaint: louder ? dice.pick(["louder", "I can't hear anything", "can you turn this up?", "louder pls",
        "volume up", "I can barely hear the video", "it's too quiet", "turn it up pls", "can't hear a thing", "louder plz I can't hear"]) : dice.pick(["too loud!", "quieter please", "that's way too loud",
        "volume down", "it's blasting", "my ears hurt, turn it down", "turn it down pls", "too loud, people are sleeping", "shh, lower it"]) },
    calls: [call("set_volume", { level, volume_type: "media" })] };
  },
};

export const volume: Intent = {
  id: "android.volume", domain: "android", functions: ["set_volume"],
  say: ["set the {type} volume to {level}", "turn the {type} volume to {level}", "put the {type} volume at {level}",
    "change the {type} volume to {level} out of 10", "adjust {type} volume to level {level}", "make the {type} volume {level}"],
  ask: ["{type} volume {level}", "can the {type} volume go to {level}?"],
  steps: [["Set the {canonical} volume to {levelDigits}", "Adjust the {canonical} volume to level {levelDigits}"]],
  bind({ dice }: IntentContext) {
    const [type, volumeType] = dice.pick(VOLUME_TYPES);
    const level = dice.integer(0, 10);
    return { slots: { type, level: sayNumber(dice, level, 0.4), levelDigits: String(level), canonical: volumeType },
      calls: [call("set_volume", { level, volume_type: volumeType })] };
  },
};

export const volumeExtremes: Intent = {
  ...volume, id: "android.volume-extreme",
  say: ["{extreme}", "turn the {type} all the way {direction}", "put the {type} volume all the way {direction}"],
  ask: ["{extremeAsk}"],
  bind({ dice }: IntentContext) {
    const [type, volumeType] = dice.pick(VOLUME_TYPES);
    const loud = dice.chance(0.5);
    const extreme = loud ? dice.pick([`max out the ${type} volume`, `crank the ${type} volume all the way up`, `turn the ${type} up to max`,
      `put the ${type} volume on full`, `turn the ${type} volume up as high as it goes`, `make the ${type} as loud as possible`])
      : dice.pick([`mute the ${type}`, `silence the ${type}`, `turn the ${type} volume off`,
        `turn the ${type} all the way down`, `shut off the ${type} sound`, `put the ${type} on silent`]);
    const extremeAsk = loud ? dice.pick([`${type} on max`, `${type} volume max pls`, `max ${type} volume`, `${type} volume all the way up`, `I can't hear my ${type}, max it`]) : dice.pick([`kill the ${type} sound`, `${type} on mute`, `mute ${type}`, `no ${type} sound pls`, `${type} volume zero`]);
    return { slots: { type, direction: loud ? "up" : "down", levelDigits: loud ? "10" : "0", canonical: volumeType, extreme, extremeAsk },
      calls: [call("set_volume", { level: loud ? 10 : 0, volume_type: volumeType })] };
  },
};

export const brightness: Intent = {
  id: "android.brightness", domain: "android", functions: ["adjust_screen_brightness"],
  say: ["{up} the screen brightness by {amount}", "make the screen {amount} {brighter}", "turn the brightness {direction} {amount}",
    "{up} brightness {amount}", "change the brightness by {signed}"],
  ask: ["screen's too {problem}, {direction} the brightness {amount}", "brightness {direction} {amount} pls"],
  steps: [["{Up} screen brightness by {percent}%", "Adjust the screen brightness by {signedPercent}%"]],
  bind({ dice }: IntentContext) {
    const brighter = dice.chance(0.6);
    const percent = dice.pick([5, 10, 15, 20, 20, 25, 30, 40, 50]);
    const amount = dice.pick([`${percent}%`, `${percent} percent`, `${sayNumber(dice, percent, 1)} percent`]);
    const change = brighter ? percent : -percent;
    return {
      slots: { up: brighter ? dice.pick(["increase", "raise", "boost"]) : dice.pick(["decrease", "lower", "reduce", "dim"]),
        Up: brighter ? "Increase" : "Decrease", amount, brighter: brighter ? "brighter" : "dimmer", direction: brighter ? "up" : "down",
        signed: `${brighter ? "+" : "-"}${percent}%`, problem: brighter ? "dark" : "bright", percent: String(percent), signedPercent: String(change) },
      calls: [call("adjust_screen_brightness", { change_percent: change })],
    };
  },
};

export const doNotDisturb: Intent = {
  id: "android.dnd", domain: "android", functions: ["enable_do_not_disturb"],
  say: ["turn {state} do not disturb", "{enable} DND", "switch do not disturb {state}", "{enable} do not disturb mode", "{quiet}"],
  ask: ["DND {state}", "{quietAsk}"],
  steps: [["{Enable} Do Not Disturb mode", "Turn {state} Do Not Disturb"]],
  bind({ dice }: IntentContext) {
    const on = dice.chance(0.7);
    return { slots: { state: on ? "on" : "off", enable: on ? dice.pick(["enable", "activate", "turn on"]) : dice.pick(["disable", "deactivate", "turn off"]),
      Enable: on ? "Enable" : "Disable",
      quiet: on ? dice.pick(["silence all notifications", "put my phone on do not disturb", "stop all notifications", "hold my notifications",
        "turn on focus mode", "silence my phone", "block all notifications", "mute notifications", "make my phone stop buzzing"])
        : dice.pick(["take my phone off do not disturb", "let notifications through again", "turn notifications back on",
        "turn off focus mode", "unmute my notifications", "stop blocking notifications"]),
      quietAsk: on ? dice.pick(["no notifications for a while please", "I'm going into a meeting, no interruptions", "I don't want to be disturbed",
        "going to sleep, keep the phone quiet", "I need some focus time, block notifications",
        "no interruptions pls", "I'm about to drive, no notifications", "focus mode on", "shh no notifications", "I'm in a meeting", "don't let anything ring for the next hour", "dnd pls"])
        : dice.pick(["I'm out of the meeting, notifications back on", "ok I'm free, turn DND off", "let my calls come through again",
        "focus mode off", "I'm done, turn notifications on", "unsilence my phone", "dnd off pls"]) },
    calls: [call("enable_do_not_disturb", { enabled: on })] };
  },
};

export const ANDROID_SETTINGS: Intent[] = [vagueSettings, vagueVolume, volume, volumeExtremes, brightness, doNotDisturb];
