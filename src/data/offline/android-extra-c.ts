// Extra request-side phrasings for the android intents, part C (session 13): everyday wordings the
// hand-written sets showed the generator lacked (a question about the weather that never says
// "weather", a text asked for with "tell" or "let … know", a contact given in passing), written
// from general usage rather than copied from any test set. Conventions as in android-extra-a.ts.
import type { ExtraPhrasings } from "./android-extra-a.js";

export const EXTRA_C: Record<string, ExtraPhrasings> = {
  "android.news": {
    say: ["keep me posted on {topic}", "get me caught up on {topic}{lang}", "see what the papers say about {topic}", "find the newest stories about {topic}{lang}",
      "check what's trending on {topic}", "grab the top headlines about {topic}{lang}", "read me the news on {topic}"],
    ask: ["did anything happen with {topic} today?", "what's going on in {topic}?", "{topic}: what's new?", "latest {topic} stories?",
      "I haven't kept up with {topic}, what did I miss?", "top stories about {topic}{lang}"],
  },
  "android.weather": {
    say: ["find out if it'll be cold in {city}{when}", "get the weather report for {city}{when}", "tell me if it's raining in {city}"],
    ask: ["how cold is it in {city}{when}?", "will it be warm in {city}{when}?", "any rain in {city}{when}?",
      "should I pack a jacket for {city}{when}?", "is it nice out in {city}{when}?", "forecast {city}{when}",
      "chance of rain in {city}{when}?", "is it sunny in {city} right now?"],
  },
  "android.email": {
    say: ["send a note to {person} by email {about}", "email over to {person} {about}", "type up an email to {person} {about}", "get an email out to {person} {about}",
      "reach out to {person} by email {about}"],
    ask: ["can you email {person} {about}?", "please email {person} {about}", "quick email to {person} {about}", "emailing {person} {about}, can you send it?"],
  },
  "android.text": {
    say: ["tell {person} that {message}", "let {person} know that {message}", "send {person} a quick message: {message}", "message {person} saying {message}",
      "write {person} a text saying {message}", "send a text to {person}: {message}", "text {person} and say {message}", "shoot {person} a message: {message}"],
    ask: ["tell {person}: {message}", "let {person} know {message}", "can you text {person} {message}?", "message {person} \"{message}\"",
      "text to {person}: {message}", "say to {person} {message}"],
  },
  "android.contact": {
    say: ["put {phone} in my contacts as {name}", "save a contact for {name}: {phone}", "record {name}'s number, {phone}",
      "add {name} as a new contact, {phone}"],
    ask: ["{name} gave me her number, {phone}, save it", "{name} gave me his number {phone}, add it", "save this: {name} {phone}", "{phone} is {name}'s number, store it",
      "add {name}, {phone}", "new number for my contacts: {name} {phone}"],
  },
  "android.youtube": {
    say: ["find me a video of {video}", "put on some {video} on YouTube", "look for a {video} video on YouTube", "play {video} on YouTube", "search for {video} on YouTube",
      "queue up {video} on youtube"],
    ask: ["can I watch {video} on YouTube?", "I feel like watching {video}, find it on YouTube", "got any {video} videos?", "youtube search {video}",
      "a video on {video} please"],
  },
  "android.route-here": {
    say: ["get me directions to {destination} {mode}", "tell me how to get to {destination} {mode}", "head to {destination} {mode}, start the route",
      "point me to {destination} {mode}", "work out a route to {destination} {mode}"],
    ask: ["which way is {destination} {mode}?", "what's the route to {destination} {mode}?", "how do I reach {destination} {mode}?", "I'm going to {destination} {mode}, directions?",
      "best way to {destination} {mode}?", "where's {destination} from here {mode}?"],
  },
  "android.route": {
    say: ["get me from {origin} to {destination} {mode}", "work out a route from {origin} to {destination} {mode}"],
    ask: ["from {origin} to {destination} {mode}, which way?", "I'm at {origin}, how do I get to {destination} {mode}?"],
  },
  "android.find-file": {
    say: ["open up my files and find {doc}", "hunt down {doc}", "go find {doc} on the phone", "fetch {doc}"],
    ask: ["I can't remember where {doc} is", "have I got {doc} saved?", "is {doc} on my phone?", "find me {doc}", "where'd {doc} go?"],
  },
  "android.print-found": {
    say: ["run {doc} through the printer", "print {doc} for me", "put {doc} on paper", "get {doc} printed"],
    ask: ["I need {doc} on paper", "printout of {doc} please", "could you print {doc}?", "paper copy of {doc} pls"],
  },
  "android.email-found": {
    say: ["send {doc} to {person} by email", "get {doc} over to {person} by email", "email a copy of {doc} to {person}"],
    ask: ["can you send {doc} to {person}?", "{person} wants {doc}, send it by email", "forward {doc} to {person} pls"],
  },
  "android.bluetooth": {
    say: ["connect to {device} over bluetooth", "sync my phone with {device}", "pair up with {device}"],
    ask: ["can you connect to {device}?", "connect me to {device}", "I want to connect {device}", "link {device}", "get {device} paired pls"],
  },
  "android.screenshot": {
    say: ["capture {this}", "make a screenshot{ofWhat}", "take a picture of the screen", "save the screen as an image"],
    ask: ["screenshot that", "screen cap pls", "get a screen capture{ofWhat}", "quick screenshot{ofWhat}"],
  },
  "android.photo": {
    say: ["take a {shot} with the {camera} camera", "get a {shot}", "capture a {shot}", "click a {shot}"],
    ask: ["{shot} please", "can I get a {shot}?", "let's take a {shot}", "{camera} camera {shot}"],
  },
  "android.web": {
    say: ["search the internet for {query}", "find out {query}", "look online for {query}", "check the web for {query}", "do a quick search on {query}",
      "find info on {query}"],
    ask: ["can you look up {query}?", "search: {query}", "I wonder about {query}, look it up", "look it up: {query}", "internet search {query}"],
  },
  "android.place-search": {
    say: ["find the closest {place}", "look for {place} near here", "show me nearby {place}"],
    ask: ["where can I find {place} around here?", "{place} around here?", "nearest {place}?", "any {place} near me?"],
  },
  "android.alarm": {
    say: ["set me an alarm for {time}{labelled}", "put in an alarm for {time}{labelled}", "program an alarm for {time}{labelled}", "have the alarm go off at {time}{labelled}"],
    ask: ["alarm {time} please", "I have to be awake at {time}", "set one for {time}{labelled}", "up at {time} tomorrow, alarm please"],
  },
  "android.alarm-relative": {
    say: ["set an alarm {later}", "wake me back up {later}", "ping me with an alarm {later}"],
    ask: ["alarm {later} please", "going to rest, alarm {later}", "give me an alarm {later}"],
  },
  "android.timer": {
    say: ["time {minutes} minutes for {label}", "run a {minutes} minute timer for {label}", "give me a {minutes} minute timer for {label}"],
    ask: ["{minutes} minutes for {label}, start the timer", "{label}: {minutes} minute timer", "can you time {minutes} minutes for {label}?"],
  },
  "android.calendar": {
    say: ["add an event called {title} {at}", "log {title} in my calendar {at}", "save {title} to my calendar {at}", "set {title} in my calendar {at}",
      "make a note of {title} {at} in the calendar", "schedule me {title} {at}"],
    ask: ["{title} is {at}, add it", "I've got {title} {at}", "don't let me forget {title} {at}, calendar it"],
  },
  "android.volume": {
    say: ["set the {type} volume at level {level}", "adjust the {type} volume to {level}", "move the {type} volume to {level}"],
    ask: ["{type} volume at {level} please", "{type} to {level}", "put {type} volume on {level}"],
  },
  "android.brightness": {
    say: ["make the display {amount} {brighter}"],
    ask: ["{direction} the brightness {amount}", "screen brightness {direction} {amount}"],
  },
  "android.dnd": {
    say: ["put the phone in do not disturb {state}", "flip do not disturb {state}"],
    ask: ["do not disturb {state} please", "set dnd {state}"],
  },
};
