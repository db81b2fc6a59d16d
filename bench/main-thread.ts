/**
 * What the main thread did, as the browser reports it: long tasks (over 50 ms, the
 * PerformanceObserver 'longtask' entries) and slow input events (Event Timing, input to next
 * paint), collected from page load on, so that a phase of the benchmark can ask what happened
 * between two moments.
 */

export interface Span {
  start: number;
  duration: number;
  name?: string;
}

export interface PhaseStats {
  ms: number;
  longTasks: number;
  /** Long tasks over the 100 ms budget. */
  over100: number;
  maxLongTaskMs: number;
  /** Sum of every long task's time over 50 ms (the blocking time). */
  blockingMs: number;
  /** Slowest input event, from the input to the paint that answered it. */
  maxEventMs: number;
  slowestEvent?: string;
}

const tasks: Span[] = [];
const events: Span[] = [];

/** Starts recording; call once, as early as possible. */
export function watchMainThread(): void {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Events of 16 ms or more (the smallest threshold Event Timing allows): anything a user could feel.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) events.push({ start: e.startTime, duration: e.duration, name: e.name });
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
}

/**
 * Long tasks running at any time between `from` and `to`: a task that was already running at
 * `from` counts (the task that connects the viewer also renders it, in a microtask).
 */
export function longTasks(from: number, to = Infinity): Span[] {
  return tasks.filter((t) => t.start + t.duration > from && t.start < to);
}

/** One frame painted: a timer queued from a frame callback runs after that frame's paint. */
export function afterPaint(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * When the main thread became quiet after `from`: the end of the last long task before the
 * first `quietMs` without any (or `from` itself). Gives up after `maxMs`, returning NaN.
 */
export async function quietSince(from: number, quietMs: number, maxMs: number): Promise<number> {
  const deadline = performance.now() + maxMs;
  for (;;) {
    const lastEnd = Math.max(from, ...longTasks(from).map((t) => t.start + t.duration));
    if (performance.now() - lastEnd >= quietMs) return lastEnd;
    if (performance.now() > deadline) return Number.NaN;
    await sleep(50);
  }
}

/** Statistics of the long tasks and slow events between `from` and `to`. */
export function statsBetween(from: number, to: number): PhaseStats {
  const t = longTasks(from, to);
  const e = events.filter((x) => x.start + x.duration > from && x.start < to);
  const slowest = e.reduce<Span | undefined>((a, b) => (!a || b.duration > a.duration ? b : a), undefined);
  return {
    ms: to - from,
    longTasks: t.length,
    over100: t.filter((x) => x.duration > 100).length,
    maxLongTaskMs: Math.max(0, ...t.map((x) => x.duration)),
    blockingMs: t.reduce((s, x) => s + Math.max(0, x.duration - 50), 0),
    maxEventMs: slowest?.duration ?? 0,
    slowestEvent: slowest?.name,
  };
}

/** Lets the observers deliver what the last frames did before a phase is summed up. */
export async function settle(ms = 300): Promise<number> {
  await afterPaint();
  await sleep(ms);
  await afterPaint();
  return performance.now();
}
