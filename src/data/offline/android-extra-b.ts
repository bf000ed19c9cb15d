// Extra request-side phrasings for the android intents, part B (time, settings, chains).
// See android-extra-a.ts for the conventions.
import type { ExtraPhrasings } from "./android-extra-a.js";

export const EXTRA_B: Record<string, ExtraPhrasings> = {
  "android.alarm": {
    say: ["get me up at {time}{labelled}", "schedule an alarm for {time}{labelled}", "add an alarm for {time}{labelled}", "create an alarm at {time}{labelled}",
      "set the alarm for {time}{labelled}", "wake me up tomorrow at {time}", "set a wake-up alarm for {time}"],
    ask: ["alarm {time}", "alarm for {time}{labelled}", "set alarm {time} pls", "wake me up at {time} pls", "I have to get up at {time}",
      "need an alarm at {time}{labelled}", "I want to wake up at {time}", "make sure I'm up by {time}", "{time} alarm pls"],
  },
  "android.alarm-relative": {
    say: ["wake me {later}", "ring an alarm {later}", "buzz me {later}", "set an alarm that goes off {later}", "get me up {later}"],
    ask: ["taking a nap, wake me up {later}", "alarm {later} pls", "wake me {later}", "gonna nap, alarm {later}", "I need to be up {later}"],
  },
  "android.timer": {
    say: ["time {label} for {minutes} minutes", "put a {minutes} minute timer on for {label}", "start a timer for {minutes} minutes for {label}",
      "count down {minutes} minutes for {label}", "set a timer for {label}, {minutes} minutes"],
    ask: ["{minutes} min timer for {label}", "timer {minutes} mins {label}", "{label} - {minutes} minutes, start a timer", "I need a {minutes} minute timer for {label}", "timer for {label}, {minutes} minutes pls", "remind me about {label} in {minutes} minutes"],
  },
  "android.calendar": {
    say: ["put {title} on the calendar {at}", "add {title} {at} to my calendar", "make a calendar event for {title} {at}",
      "create an event for {title} {at}", "get {title} on my calendar {at}", "save {title} in my calendar {at}",
      "add an event, {title}, {at}", "set up a calendar entry for {title} {at}", "mark {title} on my calendar {at}"],
    ask: ["{title} {at}", "I've got {title} {at}, can you add it?", "add {title} {at} to calendar pls",
      "need {title} on my calendar {at}", "{title} {at}, put it on my calendar", "calendar: {title} {at}",
      "don't let me forget {title} {at}, put it in the calendar"],
  },
  "android.volume": {
    say: ["switch the {type} volume to {level}", "bring the {type} volume to {level}", "set {type} volume at {level}", "change {type} volume to {level}"],
    ask: ["{type} vol {level}", "set {type} volume to {level} pls", "I want the {type} volume at {level}", "{type} volume to {level}"],
  },
  "android.volume-extreme": {
    say: ["turn the {type} volume all the way {direction}", "set the {type} volume all the way {direction}"],
    ask: ["{extreme}", "{extremeAsk} pls", "{type} volume all the way {direction}"],
  },
  "android.brightness": {
    say: ["bump the brightness {direction} {amount}", "make the screen {brighter} by {amount}", "{up} the brightness by {amount}", "adjust the brightness by {signed}",
      "turn the screen brightness {direction} by {amount}"],
    ask: ["brightness {direction} {amount}", "screen {brighter} {amount} pls", "too {problem}, brightness {direction} {amount}", "can you make the screen {amount} {brighter}?"],
  },
  "android.dnd": {
    say: ["put do not disturb {state}", "set do not disturb {state}", "turn {state} DND mode", "switch {state} DND"],
    ask: ["turn dnd {state}", "dnd {state} pls", "do not disturb {state}", "{quiet}"],
  },
  "android.contact-text": {
    say: ["save {name} as a contact, {phone}, and text them {message}", "add {first} to my contacts at {phone} and message them {message}"],
    ask: ["save {name} {phone} and text {first}: {message}", "I just met {name}, number is {phone}. save it and text them {message}"],
  },
  "android.event-tell": {
    say: ["add {activity} with {person} {date} at {time} to my calendar and text them about it", "set up {activity} with {person} {date} at {time} and let {person} know",
      "put {activity} with {person} in my calendar {date} at {time} and ping them"],
    ask: ["{activity} with {person} {date} at {time}, put it on my calendar and let them know", "I'm doing {activity} with {person} {date} at {time}, add it and text them"],
  },
  "android.find-print-email": {
    say: ["pull up {doc}, print it, and email it to {person}", "print {doc} and send a copy to {person}"],
    ask: ["I need {doc} printed and emailed to {person}", "print {doc} and email it to {person} pls"],
  },
  "android.screenshot-text": {
    say: ["take a screen grab of {what} and text it to {person}", "screenshot {what} and send it to {person}", "capture {what} and message it to {person}"],
    ask: ["screenshot {what} and text it to {person} pls"],
  },
  "android.screenshot-print": {
    say: ["capture {what} and print it", "grab a screenshot of {what} and print it out", "screen grab {what} and print it"],
    ask: ["screenshot {what} and print it pls"],
  },
  "android.photo-email": {
    say: ["take a pic of {subject} and email it to {person}", "snap a photo of {subject} and send it over to {person} by email", "get a picture of {subject} and mail it to {person}"],
    ask: ["pic of {subject}, email it to {person}"],
  },
  "android.printer-print": {
    say: ["pair {printer}, then print {doc}", "connect to {printer} and print out {doc}", "get {printer} connected and print {doc}"],
    ask: ["print {doc} on {printer} pls, connect it first"],
  },
  "android.weather-two": {
    say: ["look up the weather in {first} and {second}", "tell me the forecast for {first} and {second}", "check the forecast in both {first} and {second}"],
    ask: ["weather {first} and {second}", "what's the weather like in {first} and {second}?", "{first} vs {second} weather?", "how's the weather in {first} and in {second}?"],
  },
};
