// The composer's wrapping phrases: connectors between clauses, register prefixes and suffixes,
// chatty openers and the out-of-order templates (see compose.ts).
export const CONNECTORS: Array<[string, boolean]> = [ // [text, starts a new sentence]
  [", then ", false], [" and then ", false], [", and ", false], [" and ", false], [". Then ", true], [". After that, ", true],
  [", after that ", false], ["; ", false], [", once that's done, ", false], [". Also ", true], [", also ", false], [" then ", false],
  [". Oh and ", true], [", plus ", false], [". And ", true], [" & ", false], [", next ", false], [". When that's done, ", true],
  [" + ", false], [", and also ", false], [" n ", false], [". and ", true], [", oh and ", false], [". Next, ", true], [", and after that ", false], [" also ", false]];
export const FINAL_CONNECTORS: Array<[string, boolean]> = [[", and finally ", false], [". Finally, ", true], [", and lastly ", false], [" and then ", false]];

export const PREFIXES: Array<[string, boolean]> = [ // [text, makes a question]
  ["", false], ["", false], ["", false], ["", false], ["please ", false], ["can you ", true], ["could you ", true], ["would you ", true],
  ["hey, ", false], ["I need you to ", false], ["I want you to ", false], ["go ahead and ", false], ["quick favor: ", false], ["ok so ", false],
  ["pls ", false], ["hey can you ", true], ["I'd like you to ", false], ["help me ", false], ["yo ", false], ["when you get a sec, ", false],
  ["could you please ", true], ["can u ", true], ["I'd like to ", false], ["let's ", false], ["need to ", false],
  ["can you please ", true], ["could u ", true], ["would you be able to ", true], ["do me a favor and ", false], ["I want to ", false], ["gotta ", false],
  ["plz ", false], ["kindly ", false], ["will you ", true], ["I need to ", false], ["i wanna ", false]];
export const SUFFIXES = ["", "", "", "", "", " please", " pls", " thanks", " for me", ", thanks!", " asap", " real quick", " thx", " if you can",
  " rn", " right now", " plz", " ty", " now", " when you get a chance", " for me pls", " thank you", " asap pls", " quickly"];

/** Scene-setting openers: chatty context that adds no step. */
export const OPENERS = ["ugh, ", "ok so ", "morning! ", "heading out, ", "quick one: ", "before I forget, ", "I'm in a rush: ", "so, ", "alright, ",
  "busy day tomorrow, ", "hey there, ", "one more thing: ", "real quick: ", "hmm, ", "listen, "];

export const ORDERINGS = ["before you {B}, {A}", "{B}, but first {A}", "{B}, but {A} first", "before {B_ing}, {A}", "{B} after you {A}",
  "{B} once you {A}", "first {A}, then {B}", "{A} first and then {B}"];
