/**
 * Long jobs in slices, so that the thread that runs them (the extension host) is never blocked
 * long: a job is a generator that yields between small steps (a document, a theme); `runSliced`
 * runs steps for up to `budgetMs`, then gives the event loop a macrotask before going on, and
 * `runAll` runs the same job at once (tests, small inputs).
 *
 * Pure: timers only (setTimeout exists in Node, the browser and the web worker extension host).
 */

/** A job in steps: it yields between them and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now. */
export function runAll<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface SliceOptions {
  /** run steps for at most about this long before yielding (default 15 ms) */
  budgetMs?: number;
  /** true when the result is no longer wanted: the job stops at the next step (the promise gives undefined) */
  cancelled?: () => boolean;
  /** told how long each slice ran (ms), for measuring */
  onSlice?: (ms: number) => void;
}

/** Runs the steps in slices of about `budgetMs`, a macrotask between slices. */
export async function runSliced<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T | undefined> {
  const budget = options.budgetMs ?? 15;
  let sliceStart = performance.now();
  for (;;) {
    if (options.cancelled?.()) return undefined;
    const next = steps.next();
    const ran = performance.now() - sliceStart;
    if (next.done) {
      options.onSlice?.(ran);
      return next.value;
    }
    if (ran > budget) {
      options.onSlice?.(ran);
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}

/** A macrotask later (setTimeout: the web worker extension host has no setImmediate). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}
