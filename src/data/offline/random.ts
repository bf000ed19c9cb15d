// The offline teacher's dice: a seeded mulberry32 stream with the few helpers the
// composer needs. Every choice goes through here, so one seed gives one dataset.
// Not cryptographic, and deliberately separate from the trainer's RNG (whose state
// must be checkpointable): the generator re-derives a fresh stream per candidate.

export class Dice {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream for one (seed, index) pair, independent of every other index. */
  static derive(seed: number, ...parts: Array<number | string>): Dice {
    let hash = 0x811c9dc5 ^ (seed >>> 0);
    for (const part of parts) {
      const text = String(part);
      for (let position = 0; position < text.length; position++) {
        hash = Math.imul(hash ^ text.charCodeAt(position), 0x01000193) >>> 0;
      }
      hash = Math.imul(hash ^ 0x2f, 0x01000193) >>> 0;
    }
    return new Dice(hash);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [low, high], both inclusive. */
  integer(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("Dice.pick: nothing to pick from");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight; weights need not sum to one. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [item, weight] of entries) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return entries[entries.length - 1]![0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy;
  }

  /** `count` distinct items (fewer when there are not enough). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }
}
