// Open-vocabulary fillers for the free-text slots (a YouTube query, a web search, a news topic, a text, an email's
// subject and body, an event title, a timer label, a place). The lexicons in lexicon.ts have 10–35 values each, so a
// planner trained from scratch learns them by heart: asked about anything else it writes one of them ("the housing
// market" for a video about something it never saw). Drawn from here, a slot is a phrase built from a few hundred
// everyday words and made-up names, too many to memorise, so the model has to learn what the intents need: the
// carrier phrase decides the function, and the slot's words are copied from the request into the step.
//
// The word lists are generic on purpose (kitchen, garden, work, sport, travel, hobbies) and were not taken from any
// evaluation set. Left out: grammar beyond these patterns (plural agreement is approximate, which copying does not
// mind), and the device's own words (alarm, photo, screen, volume…), which would make a slot read as another intent.
// Measured (docs/RESULTS.md, session 9): the demo's 1M-parameter planners do not learn to copy in 8000 steps and do
// worse with these phrases, so the demo leaves them off; they are for models that can copy (bigger, or pretrained).
import type { Dice } from "./random.js";
import type { IntentContext } from "./intent.js";

export type OpenSlotKind = "topic" | "video" | "query" | "message" | "subject" | "body" | "title" | "label" | "place";

const NOUNS = `apple bakery balcony banana basket battery bean bed bench bicycle blanket boat bookshelf boots bottle bowl bread
brick bridge broom brush bucket budget bus butter cabin cabinet cake candle canoe carpet carrot castle cat ceiling chair
cheese cherry chicken chimney chocolate closet cloud coat coffee compost cookie corn cottage couch cousin cracker crayon
curtain cushion daisy deck desk dinner dog door drawer drum duck engine envelope fence fern field fish flag flour fountain
fridge frog garage garden garlic gate glove goat grape grill guitar hammer harbor hat hedge helmet hill honey horse hose
island jacket jam jar kettle kitchen kite knife ladder lake lamp lantern lawn lemon lettuce library lizard lunch mango map
marble market meadow melon mirror mitten mountain muffin mug mushroom napkin necklace noodle notebook oak ocean olive onion
orange orchard oven owl paint pancake pantry paper parrot pasta peach peanut pear pencil pepper piano pickle pie pillow
pine pizza plant plate plum pond porch potato pottery pumpkin puzzle quilt rabbit radio raft rain rake recipe rice river
road rocket roof rope rug saddle salad salmon sandal sandwich sauce scarf scooter seed shed shelf shell shoe shovel sink
skate sled soap sock sofa soup spice spinach spoon stairs stove strawberry sugar suitcase sunflower sweater table tea
tent tile toast tomato towel tower toy tractor trail train tree truck tulip turtle umbrella vase village violin wagon
wall wallet walnut watermelon wheel window wine wood wool yard yarn yogurt zucchini`.split(/\s+/);

const ADJECTIVES = `big small old new red blue green yellow purple golden silver wooden broken quiet noisy cheap fancy simple
easy quick slow warm cold spicy sweet sour crispy soft heavy light tiny giant round square shiny rusty dusty clean messy
fresh frozen homemade vintage modern rustic cozy sunny rainy windy bright dark handmade organic local famous secret
wild gentle friendly lazy busy happy lucky little`.split(/\s+/);

const VERBS = `fix clean paint build bake cook grow plant repair sharpen polish fold wash iron sew knit carve glue sand
organize decorate pack store dry freeze roast grill peel slice chop brew pickle prune water feed train draw sketch tune
replace install assemble measure cut hang wrap`.split(/\s+/);

const SYLLABLES = `ka ra mo ti lu ve no sa pe dri ko zan bel tor mi fa qui ren dor lo shi va gen tal bo nia pol cer vin
ku da min rox le sto bri hal ter`.split(/\s+/);

const WHEN = ["today", "tomorrow", "tonight", "this week", "on Monday", "after lunch", "by Friday", "next week"];
const PLACE_WORDS = ["Park", "Street", "Square", "Market", "Station", "Avenue", "Plaza", "Harbor", "Gardens", "Bridge"];
const EVENT_WORDS = ["meeting", "class", "practice", "lesson", "review", "party", "workshop", "appointment", "dinner", "planning"];

/** Syllables can spell a slur or an obscenity; such a name is drawn again. */
const UNWANTED = /rap|pak|naz|shit|fag|nig|cum|tit|sex|dic|coc|pus|hor|slu|kik|spi|chin|homo|dyk|goo|jap|coo|anal|semen|nazi/i;

/** A made-up name of two or three syllables: "Korvano". Copying it needs the request, not memory. */
function madeUpName(dice: Dice): string {
  for (;;) {
    const count = dice.integer(2, 3);
    const word = Array.from({ length: count }, () => dice.pick(SYLLABLES)).join("");
    if (!UNWANTED.test(word)) return word[0]!.toUpperCase() + word.slice(1);
  }
}

const article = (word: string) => (/^[aeiou]/.test(word) ? "an" : "a");

/** "bake" → "baking", "cut" → "cutting", "fold" → "folding". */
function gerund(verb: string): string {
  if (/[^e]e$/.test(verb)) return `${verb.slice(0, -1)}ing`;
  if (/^(cut|chop|knit|wrap)$/.test(verb)) return `${verb}${verb.at(-1)}ing`;
  return `${verb}ing`;
}

/** One phrase of the given kind, built from the word lists. */
export function openPhrase(dice: Dice, kind: OpenSlotKind): string {
  const noun = () => dice.pick(NOUNS);
  const adjective = () => dice.pick(ADJECTIVES);
  const verb = () => dice.pick(VERBS);
  switch (kind) {
    case "topic":
      return dice.pick([() => `${noun()} prices`, () => madeUpName(dice), () => `the ${noun()} festival`, () => `${madeUpName(dice)} ${noun()}s`,
        () => `the ${adjective()} ${noun()} trend`, () => `${noun()} farming`])();
    case "video": {
      const thing = noun();
      return dice.pick([() => `how to ${verb()} ${article(thing)} ${thing}`, () => `${adjective()} ${thing} ideas`, () => `${thing} ${noun()} tutorial`,
        () => `${thing} for beginners`, () => `${madeUpName(dice)} ${thing} review`, () => `${gerund(verb())} old ${thing}s`])();
    }
    case "query": {
      const thing = noun();
      return dice.pick([() => `how to ${verb()} ${article(thing)} ${thing}`, () => `best ${thing} shops nearby`, () => `what is ${madeUpName(dice)}`,
        () => `${thing} opening hours`, () => `how much does ${article(thing)} ${thing} cost`, () => `is ${thing} good for you`,
        () => `${adjective()} ${thing} recipes`])();
    }
    case "message": {
      const thing = noun();
      return dice.pick([() => `I'll bring the ${thing}`, () => `don't forget the ${thing}`, () => `the ${thing} is ${adjective()}`,
        () => `can you grab some ${thing}?`, () => `I found the ${thing}`, () => `where did you put the ${thing}?`,
        () => `meet me at ${madeUpName(dice)} ${dice.pick(PLACE_WORDS)}`, () => `the ${thing} is ready ${dice.pick(WHEN)}`])();
    }
    case "subject":
      return dice.pick([() => `${noun()} update`, () => `${noun()} plans`, () => `the ${madeUpName(dice)} account`, () => `${adjective()} ${noun()} proposal`,
        () => `${noun()} order`])();
    case "body": {
      const thing = noun();
      return dice.pick([() => `I'll send the ${thing} ${dice.pick(WHEN)}`, () => `please check the ${thing}`, () => `the ${thing} is ready`,
        () => `can we talk about the ${thing} ${dice.pick(WHEN)}`, () => `${madeUpName(dice)} liked the ${thing}`])();
    }
    case "title":
      return dice.pick([() => `${noun()} ${dice.pick(EVENT_WORDS)}`, () => `${gerund(verb())} class`, () => `${madeUpName(dice)} ${dice.pick(EVENT_WORDS)}`,
        () => `${adjective()} ${noun()} ${dice.pick(EVENT_WORDS)}`])();
    case "label":
      return dice.pick([() => noun(), () => `${verb()} the ${noun()}`, () => `${noun()} ${noun()}`])();
    case "place":
      return dice.pick([() => `${madeUpName(dice)} ${dice.pick(PLACE_WORDS)}`, () => `the ${noun()} shop`, () => `the ${adjective()} ${noun()}`])();
  }
}

/**
 * A free-text slot: one of the lexicon's values, or with probability `context.openSlots` (0 when unset) an open
 * phrase. The lexicon keeps the values people ask for most; the open phrases teach copying.
 */
export function freeText(context: IntentContext, kind: OpenSlotKind, lexicon: readonly string[]): string {
  return drawsOpen(context) ? openPhrase(context.dice, kind) : context.dice.pick(lexicon);
}

/** Whether this slot is open; with openSlots unset or 0 it draws nothing, so the dataset is the lexicons' alone. */
function drawsOpen({ dice, openSlots }: IntentContext): boolean {
  return openSlots !== undefined && openSlots > 0 && dice.chance(openSlots);
}

/** Someone to add to the contacts: one of the lexicon's, or (openSlots) a made-up name with a made-up US number. */
export function newContact(context: IntentContext, lexicon: ReadonlyArray<{ name: string; phone: string }>): { name: string; phone: string } {
  const { dice } = context;
  if (!drawsOpen(context)) return dice.pick(lexicon);
  const area = dice.integer(201, 989);
  const line = String(dice.integer(100, 999)).padStart(4, "0");
  return { name: `${madeUpName(dice)} ${madeUpName(dice)}`, phone: `+1${area}555${line}` };
}
