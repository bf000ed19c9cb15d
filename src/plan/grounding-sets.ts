// The grounding a decoder uses: grounding.json's lists as sets, its clocks read, found beside the model ("auto"),
// read from a file, or given as words.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { CopyArguments } from "./copy-arguments.js";
import type { TimestampArguments } from "./timestamp-arguments.js";
import type { DistinctArguments } from "./distinct-arguments.js";
import type { EmbeddedArguments } from "./embedded-arguments.js";
import type { IntentWords } from "./intent-words.js";
import type { ClauseScope } from "./clause-scope.js";
import type { ClauseOrder } from "./clause-order.js";
import { parseClockDay, type CalendarDay } from "./named-dates.js";
import { minuteOfDay } from "./named-times.js";
import { GROUNDING_FILE, readGrounding, type GroundingWords } from "./grounding-file.js";

/** The lists as a decoder uses them. */
export interface GroundingSets {
  copyWords: ReadonlySet<string>;
  coverWords: ReadonlySet<string>;
  copyArguments: ReadonlyMap<string, ReadonlySet<string>>;
  stepArguments: ReadonlyMap<string, ReadonlySet<string>>;
  timestampArguments: TimestampArguments;
  distinctArguments: DistinctArguments;
  embeddedArguments: EmbeddedArguments;
  momentArguments: ReadonlyMap<string, ReadonlySet<string>>;
  /** The day a planner's relative dates ("tomorrow") are read from, when its steps keep to named dates. */
  namedDatesToday?: CalendarDay;
  /** The clock (minutes after midnight) a planner's worked-out times ("in two hours") are read from. */
  namedTimesClock?: number;
  eventEnds?: boolean;
  namedStarts?: boolean;
  intentWords?: IntentWords;
  clauseScope?: ClauseScope;
  clauseOrder?: ClauseOrder;
}

/**
 * The grounding a model decodes with: "off" → none; "auto" → grounding.json beside its first adapter or the model
 * (the adapter is what was trained), none if there is no such file; any other text is a file path; or the words.
 */
export function resolveGrounding(
  grounding: string | GroundingWords | undefined,
  model: { modelPath: string; lora?: ReadonlyArray<{ path: string }> },
): GroundingSets | undefined {
  const words = typeof grounding === "object" ? grounding : readSetting(grounding ?? "auto", [...(model.lora ?? []).map((file) => file.path), model.modelPath]);
  return words && {
    copyWords: new Set(words.copyWords),
    coverWords: new Set(words.coverWords),
    copyArguments: parameterSets(words.copyArguments),
    stepArguments: parameterSets(words.stepArguments),
    timestampArguments: words.timestampArguments ?? {},
    distinctArguments: words.distinctArguments ?? {},
    embeddedArguments: words.embeddedArguments ?? {},
    momentArguments: parameterSets(words.momentArguments),
    namedDatesToday: words.namedDates && parseClockDay(words.namedDates.now),
    namedTimesClock: words.namedTimes && minuteOfDay(words.namedTimes.now),
    eventEnds: words.eventEnds,
    namedStarts: words.namedStarts,
    intentWords: words.intentWords,
    clauseScope: words.clauseScope,
    clauseOrder: words.clauseOrder,
  };
}

function parameterSets(table: CopyArguments = {}): ReadonlyMap<string, ReadonlySet<string>> {
  return new Map(Object.entries(table).map(([name, parameters]) => [name, new Set(parameters)]));
}

function readSetting(setting: string, modelPaths: readonly string[]): GroundingWords | undefined {
  if (setting === "off") return undefined;
  if (setting !== "auto") return readGrounding(setting);
  const found = modelPaths.map((path) => join(dirname(path), GROUNDING_FILE)).find((path) => existsSync(path));
  return found === undefined ? undefined : readGrounding(found);
}
