// A minimal binary heap ordered by a "comes first" predicate. Used by the BPE trainer (most
// frequent pair first) and by the merge step (lowest merge rank first); both rely on the
// predicate being a strict total order, so ties never depend on insertion order.

export class BinaryHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly first: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.first(items[index]!, items[parent]!)) break;
      [items[index], items[parent]] = [items[parent]!, items[index]!];
      index = parent;
    }
  }

  /** Removes and returns the first item; the heap must not be empty. */
  pop(): T {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1, right = left + 1;
        let best = index;
        if (left < items.length && this.first(items[left]!, items[best]!)) best = left;
        if (right < items.length && this.first(items[right]!, items[best]!)) best = right;
        if (best === index) break;
        [items[index], items[best]] = [items[best]!, items[index]!];
        index = best;
      }
    }
    return top;
  }
}
