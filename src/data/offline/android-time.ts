// Android intents, part 3: time (alarms at spoken clock times, relative alarms "in 45 mins",
// timers, calendar events with spoken dates and durations). Every spoken time and date is
// normalised in the call (HH:MM, YYYY-MM-DD-HH-MM) and shown normalised in the step.
import { call, type Intent, type IntentContext } from "./intent.js";
import { freeText } from "./open-slots.js";
import { EVENT_TITLES, TIMER_LABELS } from "./lexicon.js";
import { addMinutes, displayClock, displayDate, pickDateTime } from "./slots.js";
import { randomTime, sayNumber, sayTime } from "./spoken.js";

const capitalizeFirst = (text: string) => text[0]!.toUpperCase() + text.slice(1);

export const alarm: Intent = {
  id: "android.alarm", domain: "android", functions: ["set_timer_alarm"],
  say: ["set an alarm for {time}{labelled}", "wake me up at {time}{labelled}", "set an alarm at {time}{labelled}", "put an alarm on for {time}{labelled}",
    "set my alarm to {time}{labelled}", "make an alarm for {time}{labelled}"],
  ask: ["alarm {time} pls", "alarm at {time}{labelled}", "wake me at {time}", "I need to be up at {time}", "can I get an alarm for {time}{labelled}?", "gotta be up by {time}"],
  steps: [["Set an alarm for {clock}{labelStep}", "Set an alarm at {clock}{labelStep}"]],
  unsaid: { mentions: ["labelled"], slots: { labelStep: "" }, arguments: { label: "alarm" } },
  bind(context: IntentContext) {
    const { dice } = context;
    const time = randomTime(dice, "alarm");
    const label = dice.chance(0.4) ? freeText(context, "label", TIMER_LABELS) : "alarm";
    const labelled = label === "alarm" ? "" : dice.pick([` called ${label}`, ` labeled ${label}`, ` for ${label}`, ` named "${label}"`]);
    const labelStep = label === "alarm" ? "" : ` labeled ${label}`;
    return { slots: { time: time.text, clock: displayClock(time.hour, time.minute), labelled, labelStep }, calls: [call("set_timer_alarm", { time: time.clock, label })] };
  },
};

/** The length is said in a third of the requests; otherwise an event lasts an hour (a fixed default, not a random one). */
export const calendar: Intent = {
  id: "android.calendar", domain: "android", functions: ["create_calendar_event"],
  say: ["schedule {title} {at}", "add {title} to my calendar {at}", "put {title} on my calendar {at}",
    "book {title} {at}", "create a calendar event called {title} {at}",
    "block off time {at} for {title}", "set up {title} {at}", "pencil in {title} {at}",
    "remind me about {title} {at}", "put {title} in the calendar {at}"],
  ask: ["I have {title} {at}, put it in my calendar", "{title} {at}, add it to the calendar"],
  steps: [["Create a calendar event for {title} on {day} from {start} to {end}", "Schedule {title} on {day} at {start}", "Add {title} to the calendar on {day} at {start}"]],
  bind(context: IntentContext) {
    const { dice } = context;
    const when = pickDateTime(context);
    const spoken = dice.chance(1 / 3);
    const [duration, minutes] = spoken ? dice.pick([["an hour", 60], ["30 minutes", 30], ["half an hour", 30], ["two hours", 120], ["45 minutes", 45], ["90 minutes", 90]] as const) : ["", 60];
    const title = freeText(context, "title", EVENT_TITLES);
    const end = addMinutes(when.stamp, minutes);
    const [endHour, endMinute] = end.split("-").slice(3).map(Number) as [number, number];
    const at = !spoken ? `${when.date.text} at ${when.time.text}`
      : dice.chance(0.5) ? `${when.date.text} at ${when.time.text} for ${duration}` : `${when.date.text} from ${when.time.text} to ${sayTime(dice, endHour, endMinute).text}`;
    return {
      slots: { title, at, day: displayDate(when.date.iso), start: displayClock(when.time.hour, when.time.minute), end: displayClock(endHour, endMinute) },
      calls: [call("create_calendar_event", { title: capitalizeFirst(title), start_time: when.stamp, end_time: end })],
    };
  },
};

export const alarmRelative: Intent = {
  id: "android.alarm-relative", domain: "android", functions: ["set_timer_alarm"],
  say: ["set an alarm for {later}", "wake me up {later}", "remind me {later} with an alarm", "set an alarm to go off {later}"],
  ask: ["nap time, wake me {later}", "I need an alarm {later}", "alarm {later}"],
  steps: [["Set an alarm for {clock}"]],
  bind({ dice, now }: IntentContext) {
    const [later, minutes] = dice.pick([["in 20 minutes", 20], ["in half an hour", 30], ["in 45 mins", 45], ["in an hour", 60], ["in two hours", 120],
      ["90 minutes from now", 90], ["in 3 hours", 180], ["an hour from now", 60]] as const);
    const total = now.hour * 60 + now.minute + minutes;
    const hour = Math.floor(total / 60) % 24;
    const minute = total % 60;
    return { slots: { later, clock: displayClock(hour, minute) },
      calls: [call("set_timer_alarm", { time: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`, label: "alarm" })] };
  },
};

export const timer: Intent = {
  id: "android.timer", domain: "android", functions: ["set_timer_alarm"],
  say: ["set a timer for {minutes} minutes for {label}", "start a {minutes} minute timer for {label}", "set a {label} timer for {minutes} minutes"],
  ask: ["{label} timer {minutes} min", "{minutes} minute timer for {label} please"],
  steps: [["Set a {minutesDigits}-minute {label} timer, until {clock}", "Set a {label} timer alarm for {clock}"]],
  bind(context: IntentContext) {
    const { dice, now } = context;
    const count = dice.pick([5, 10, 15, 20, 25, 30, 45]);
    const total = now.hour * 60 + now.minute + count;
    const hour = Math.floor(total / 60) % 24;
    const minute = total % 60;
    const label = freeText(context, "label", TIMER_LABELS);
    return { slots: { minutes: sayNumber(dice, count, 0.4), minutesDigits: String(count), label, clock: displayClock(hour, minute) },
      calls: [call("set_timer_alarm", { time: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`, label })] };
  },
};

export const ANDROID_TIME: Intent[] = [alarm, calendar, alarmRelative, timer];
