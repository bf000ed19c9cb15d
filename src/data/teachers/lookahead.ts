// Runs one async job per item with at most `lookahead` jobs at once, and yields whatever the
// jobs emit as soon as it arrives — not in item order, so a kill loses only work in flight.
// The first job failure ends the stream with its error. `check` runs before every step and may
// throw to stop the stream (the teacher's stall guard). When the stream ends for any reason —
// finished, failed, or the consumer stopped early — `signal` is aborted so jobs still running
// cancel their requests. Deliberately left out: retries (the chat client owns those).

export interface LookaheadOptions<Item, Value> {
  items: readonly Item[];
  lookahead: number;
  run: (item: Item, emit: (value: Value) => void, signal: AbortSignal) => Promise<void>;
  check?: () => void;
  /** The caller's signal: aborting it ends the stream with its reason. */
  signal?: AbortSignal;
}

export async function* runWithLookahead<Item, Value>(options: LookaheadOptions<Item, Value>): AsyncGenerator<Value> {
  const { items, run, check, signal } = options;
  const lookahead = Math.max(1, Math.floor(options.lookahead));
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  const ready: Value[] = [];
  let wake: (() => void) | undefined;
  let failure: { error: unknown } | undefined;
  let next = 0;
  let running = 0;
  const launch = () => {
    while (running < lookahead && next < items.length && !failure && !controller.signal.aborted) {
      const item = items[next++]!;
      running++;
      run(item, (value) => { ready.push(value); wake?.(); }, controller.signal)
        .catch((error: unknown) => { failure ??= { error }; })
        .finally(() => { running--; launch(); wake?.(); });
    }
  };
  try {
    launch();
    for (;;) {
      if (failure) throw failure.error;
      check?.();
      if (ready.length > 0) {
        yield ready.shift()!;
        continue;
      }
      if (running === 0 && next >= items.length) return;
      signal?.throwIfAborted();
      await new Promise<void>((resolve) => { wake = resolve; });
      wake = undefined;
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    controller.abort();
  }
}
