/**
 * Long local work (verifying and decrypting a record of hundreds of parts, describing thousands of
 * resources) in slices, so that the page it runs in can still paint and answer input in between.
 * Scheduling only: no DOM.
 */
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

type Platform = { scheduler?: { yield?: () => Promise<void> }; setImmediate?: (callback: () => void) => unknown };

/**
 * Lets the event loop run (input, painting, other tasks), then resumes. The platform's
 * `scheduler.yield()` where there is one (the rest of the work keeps its place in line); else a
 * message to ourselves, or `setImmediate` in Node: a chain of zero timers is stretched to 4 ms
 * apiece by browsers once nested, which a long run of slices would add up.
 */
export const yieldToMain: () => Promise<void> = (() => {
  const { scheduler, setImmediate } = globalThis as Platform;
  if (typeof scheduler?.yield === 'function') return () => scheduler.yield!();
  if (typeof setImmediate === 'function') return () => new Promise<void>((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    const waiting: (() => void)[] = [];
    let channel: MessageChannel | undefined;
    return () =>
      new Promise<void>((resolve) => {
        if (!channel) {
          channel = new MessageChannel();
          channel.port1.onmessage = () => waiting.shift()?.();
        }
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
  }
  return () => new Promise<void>((resolve) => setTimeout(resolve, 0));
})();

/**
 * When the work of this module last resumed after a yield. Shared by every slicer: work in slices
 * often runs phase after phase (check the parts, decrypt them, check their attestations) in one
 * task, and a phase that starts a budget of its own would let the task grow by a budget per phase.
 * After work that yielded some other way (a relay's answer), the time is older than any budget and
 * the first step yields at once: one yield too many, never a long task.
 */
let resumedAt = now();

/** The default time slice: well under the 50 ms a long task starts at, even on a busy machine. */
export const SLICE_MS = 10;

/**
 * A function to await between steps: it yields to the event loop (through `pause`) once
 * `budgetMs` have passed since the last yield of any slicer (see `resumedAt`).
 */
export function timeSlicer(budgetMs = SLICE_MS, pause: () => Promise<void> = yieldToMain): () => Promise<void> {
  return async () => {
    if (now() - resumedAt < budgetMs) return;
    await pause();
    resumedAt = now();
  };
}

/**
 * Runs a generator of work to its end, yielding to the event loop (through `yielder`) whenever
 * `budgetMs` have passed since the last yield (checked at each of the generator's own `yield`s).
 * Stops with the signal's reason once `signal` is aborted: work nobody waits for is not finished.
 */
export async function inSlices<T>(steps: Generator<void, T, void>, budgetMs: number, signal?: AbortSignal, yielder: () => Promise<void> = yieldToMain): Promise<T> {
  const pause = timeSlicer(budgetMs, yielder);
  for (;;) {
    signal?.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** Runs a generator of work to its end at once. */
export function atOnce<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
