// Extra request-side phrasings for the android intents, part A (communication, maps, files,
// device). Kept apart from the intent definitions so those files stay small; broaden() in
// android-extra.ts appends these to each intent's own say/ask lists (template indices of the
// original phrasings are unchanged). `say` entries are verb phrases that fit after "please" /
// "can you" / "before you"; `ask` entries are whole utterances (needs, questions, fragments).
export interface ExtraPhrasings {
  say?: readonly string[];
  ask?: readonly string[];
}

export const EXTRA_A: Record<string, ExtraPhrasings> = {
  "android.news": {
    say: ["tell me what's going on with {topic}", "give me the headlines on {topic}{lang}", "bring up the latest on {topic}", "fill me in on {topic}",
      "read me the news about {topic}{lang}", "get the {topic} headlines", "update me on {topic}", "grab the latest {topic} stories{lang}", "search the news for {topic}"],
    ask: ["I want to know what's going on with {topic}", "headlines on {topic}", "{topic} headlines pls", "whats new w {topic}", "any updates on {topic}?",
      "what are people saying about {topic}?", "I need the latest news on {topic}{lang}", "news {topic}", "what happened with {topic} today?",
      "gimme the {topic} news", "is there any news about {topic}{lang}?", "latest {topic} news rn"],
  },
  "android.weather": {
    say: ["tell me the weather in {city}{when}", "check if I need an umbrella in {city}{when}", "pull up the forecast for {city}{when}",
      "look up how cold it is in {city}", "see what the weather's doing in {city}{when}", "check the {city} forecast{when}", "find out if it'll rain in {city}{when}"],
    ask: ["weather {city}{when}", "{city} weather{when}?", "is it gonna rain in {city}{when}?", "will it snow in {city}{when}?",
      "should I bring a jacket to {city}{when}?", "how's the weather in {city}{when}?", "temp in {city} rn", "I want to know the weather in {city}{when}",
      "forecast {city}{when} pls", "is it sunny in {city}{when}?", "what's it like outside in {city}?", "need the forecast for {city}{when}"],
  },
  "android.email": {
    say: ["mail {person} {about}", "fire off an email to {person} {about}", "send a quick email to {person} {about}",
      "write an email to {person} {about}", "send over an email to {person} {about}", "ping {person} by email {about}"],
    ask: ["I need to email {person} {about}", "email to {person} {about}", "gotta email {person} {about}",
      "I want to send {person} an email {about}", "email {person} {about} pls"],
  },
  "android.text": {
    say: ["ping {person}: {message}", "hit up {person} and say {message}", "text {person} \"{message}\"", "drop {person} a text: {message}",
      "send {person} a quick message saying {message}", "shoot a text to {person}: {message}", "send a text to {person} that says {message}"],
    ask: ["text {person} {message}", "tell {person} via text: {message}", "I need to let {person} know {message}", "msg {person}: {message}",
      "txt {person} {message} pls", "can u text {person} {message}", "gotta tell {person} {message}"],
  },
  "android.contact": {
    say: ["add a contact {name} {phone}", "put {name} in my contacts, {phone}", "add {phone} to my contacts under {name}", "save this number for {name}: {phone}",
      "create a contact named {name} with the number {phone}", "add {name}'s number {phone} to my phone"],
    ask: ["{name}'s number is {phone}, save it", "save contact {name} {phone}", "I need to save {name}'s number: {phone}", "add {name} {phone} to contacts pls"],
  },
  "android.route": {
    say: ["find me a way from {origin} to {destination} {mode}", "give me directions from {origin} to {destination} {mode}",
      "work out how to get from {origin} to {destination} {mode}", "look up the route from {origin} to {destination} {mode}", "plot a course from {origin} to {destination} {mode}"],
    ask: ["how do I get from {origin} to {destination} {mode}?", "directions {origin} to {destination} {mode}", "route from {origin} to {destination} {mode}?",
      "I need to get from {origin} to {destination} {mode}", "what's the quickest way from {origin} to {destination} {mode}?"],
  },
  "android.route-here": {
    say: ["give me directions to {destination} {mode}", "find the way to {destination} {mode}", "start navigation to {destination} {mode}", "get me to {destination} {mode}",
      "map out the route to {destination} {mode}", "guide me to {destination} {mode}", "look up how to get to {destination} {mode}"],
    ask: ["how do I get to {destination} from here {mode}?", "how long to get to {destination} {mode}?", "I need to get to {destination} {mode}", "directions {destination} {mode}",
      "what's the fastest way to {destination} {mode}?", "nav to {destination} {mode}", "where's {destination}, how do I get there {mode}?", "gotta get to {destination} {mode} asap"],
  },
  "android.youtube": {
    say: ["find me some {video} clips on YouTube", "put on {video} on YouTube", "play some {video} videos on youtube", "look for {video} videos on YouTube",
      "find a tutorial on {video} on YouTube", "bring up {video} on YouTube", "check YouTube for {video}"],
    ask: ["I want to watch {video} on YouTube", "youtube {video}", "yt {video} pls", "any videos on {video}?", "show me a video about {video}",
      "got any {video} videos on youtube?", "I need a YouTube video on {video}"],
  },
  "android.find-file": {
    say: ["pull up {doc} for me", "bring up {doc}", "track down {doc}", "find where I saved {doc}", "look up {doc} in my files", "search for {doc} on my phone",
      "locate {doc}", "fish out {doc}"],
    ask: ["where's {doc}", "where is {doc}?", "I need {doc}", "can't find {doc}, where is it?", "I'm looking for {doc}", "find {doc} pls", "{doc}, where did it go?"],
  },
  "android.print-found": {
    say: ["print me {doc}", "find {doc} and print it out", "make a printout of {doc}", "print off {doc}", "send {doc} to print", "dig up {doc} and print it"],
    ask: ["I need {doc} printed", "print {doc} pls", "gotta print {doc} asap", "I need a hard copy of {doc}", "can you print {doc} for me?", "{doc} - print it"],
  },
  "android.email-found": {
    say: ["send {doc} over to {person}", "shoot {doc} over to {person} by email", "email {person} {doc}", "attach {doc} to an email to {person}",
      "dig up {doc} and mail it to {person}", "pull up {doc} and send it to {person} by email", "find {doc} and send it over to {person}"],
    ask: ["{person} needs {doc}, email it to them", "email {doc} to {person} pls", "I need to send {doc} to {person}", "can u mail {doc} to {person}"],
  },
  "android.bluetooth": {
    say: ["pair {device}", "connect my phone to {device}", "hook my phone up to {device}", "pair with {device} over bluetooth", "turn on bluetooth and connect to {device}",
      "link up with {device}", "get {device} paired", "connect bluetooth to {device}"],
    ask: ["connect {device}", "pair {device} pls", "I want to use {device}", "bluetooth {device}", "hook up {device}", "I need {device} connected"],
  },
  "android.screenshot": {
    say: ["take a screen grab{ofWhat}", "capture the screen{ofWhat}", "screen grab {this}", "grab a screen capture{ofWhat}", "get a screenshot{ofWhat}",
      "save what's on the screen", "snap the screen"],
    ask: ["screenshot", "screenshot this", "ss pls", "take a screenshot", "I need a screenshot{ofWhat}", "cap the screen pls", "grab the screen"],
  },
  "android.screenshot-email": {
    say: ["capture {what} and email it to {person}", "screenshot {what} and send it to {person} by email", "take a screen grab of {what} and mail it to {person}"],
    ask: ["screenshot {what} and email it to {person} pls"],
  },
  "android.photo": {
    say: ["take a quick {shot}", "grab a {shot}", "snap a {shot} of {subject}", "use the {camera} camera to take a {shot}", "shoot a {shot}", "take a {shot} of {subject}"],
    ask: ["{shot} pls", "take a {shot}", "I want a {shot}", "can you snap a {shot}?", "{camera} camera, take a {shot}"],
  },
  "android.web": {
    say: ["look up {query} online", "search {query}", "check online for {query}", "search google for {query}", "look into {query}", "web search {query}"],
    ask: ["google {query}", "look up {query} pls", "I want to know {query}", "search {query}", "can u google {query}", "need info on {query}"],
  },
  "android.photo-text": {
    say: ["take a {shot} and send it to {person}", "grab a {shot} and text it to {person}", "snap a {shot} and message it to {person}"],
    ask: ["{shot} and text it to {person} pls"],
  },
  "android.place-search": {
    say: ["search for {place} near me", "find the nearest {place}", "look for {place} close by", "show me {place} around here"],
    ask: ["where are the nearest {place}?", "I need {place} nearby", "{place} nearby", "are there any {place} around here?", "closest {place}?"],
  },
};
