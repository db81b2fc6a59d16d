// The viewer phase of the benchmark: <nip82-record-viewer> with 100, 1,000 and 10,000 resources
// handed in as a Bundle, and 1,000 unlocked from the local relay. For each: time to first render,
// time to interactive, and the long tasks while a user scrolls and while they search, filter
// and switch views, with real input (wheel, keys, clicks) sent through the browser.
//
// Driven from bench/run.mjs; the page side is bench/viewer-page.ts.

/** The budget for one main-thread task while scrolling or filtering. */
export const LONG_TASK_BUDGET_MS = 100;
/** From the moment a record arrives until it is interactive, no task may pass this: the browser reports none. */
export const LOAD_TASK_BUDGET_MS = 50;
/** A record handed in shows its first items within this, however many resources it holds. */
export const FIRST_RENDER_BUDGET_MS = 300;

const VIEWER = 'nip82-record-viewer';
// About a fast typist: 10 characters a second.
const KEY_DELAY_MS = 100;

const pause = (page, ms) => page.waitForTimeout(ms);
/** Tells the page what comes next, so that a long task can be told by the step it followed. */
const step = (page, name) => page.evaluate((n) => window.viewerBench.step(n), name);

/** Wheel down to the end of the page (opening more items on the way), then back to the top. */
async function scrollAround(page) {
  await page.mouse.move(640, 360);
  const downToEnd = async (maxSteps) => {
    for (let i = 0; i < maxSteps; i++) {
      await page.mouse.wheel(0, 450);
      await pause(page, 25);
      if (await page.evaluate(() => window.viewerBench.atBottom())) break;
    }
  };
  await step(page, 'wheel down');
  await downToEnd(60);
  // A reader who wants more of a section presses its "Show more" and reads on.
  for (let i = 0; i < 4; i++) {
    const more = page.locator(`${VIEWER} button.more`);
    if ((await more.count()) === 0) break;
    await step(page, 'show more');
    await more.nth(i % (await more.count())).click();
    await pause(page, 60);
    await step(page, 'wheel down');
    await downToEnd(12);
  }
  await step(page, 'wheel up');
  for (let i = 0; i < 120; i++) {
    await page.mouse.wheel(0, -900);
    await pause(page, 25);
    if (await page.evaluate(() => document.scrollingElement.scrollTop === 0)) break;
  }
}

async function clearSearch(page, search) {
  await step(page, 'clear search');
  await search.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await pause(page, 300);
}

/** Searches, hides and shows each section, switches to the timeline and back, toggles narratives. */
async function filterAround(page) {
  const search = page.locator(`${VIEWER} input[type="search"]`);
  await step(page, 'type "laceration"');
  await search.click();
  await search.pressSequentially('laceration', { delay: KEY_DELAY_MS });
  await pause(page, 400);
  await clearSearch(page, search);
  await step(page, 'type "encounter for"');
  await search.pressSequentially('encounter for', { delay: KEY_DELAY_MS });
  await pause(page, 400);
  await step(page, 'backspace x4');
  // Deleting a word letter by letter widens the result at every key.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace', { delay: KEY_DELAY_MS });
  await pause(page, 300);
  await clearSearch(page, search);

  const boxes = page.locator(`${VIEWER} fieldset.filters input[type="checkbox"]`);
  const n = await boxes.count();
  for (const shown of ['hide', 'show']) {
    for (let i = 0; i < n; i++) {
      await step(page, `${shown} section ${i + 1}`);
      await boxes.nth(i).click();
      await pause(page, 150);
    }
  }

  const button = (name) => page.locator(`${VIEWER} .view-switch button`, { hasText: name });
  await step(page, 'timeline');
  await button('Timeline').click();
  await pause(page, 300);
  await step(page, 'type "immun" (timeline)');
  await search.click();
  await search.pressSequentially('immun', { delay: KEY_DELAY_MS });
  await pause(page, 300);
  await clearSearch(page, search);
  await step(page, 'summary');
  await button('Summary').click();
  await pause(page, 300);

  const narratives = page.locator(`${VIEWER} button.narratives`);
  await step(page, 'narratives on');
  await narratives.click();
  await pause(page, 400);
  await step(page, 'narratives off');
  await narratives.click();
  await pause(page, 300);
}

async function phase(page, run, cdp) {
  // A profiled phase is slower: its long tasks are not the reference ones.
  if (cdp) await cdp.send('Profiler.start');
  await page.evaluate(() => window.viewerBench.startPhase());
  await run(page);
  const stats = await page.evaluate(() => window.viewerBench.endPhase());
  if (cdp) stats.profile = (await cdp.send('Profiler.stop')).profile;
  return stats;
}

/**
 * Runs `work` while tracing the page, and returns the CPU time (thread time, not wall time) of the
 * renderer's main-thread tasks: the longest and the sum. On a machine busy with other work, a task
 * waits for a core and its wall time grows; its thread time says what the page itself asked.
 */
async function cpuOfTasks(context, page, work) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  let result;
  try {
    result = await work();
  } finally {
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
  }
  const named = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && (named ? e.tid === named.tid && e.pid === named.pid : true));
  const cpu = tasks.map((e) => (e.tdur ?? e.dur) / 1000);
  return { result, cpu: { maxTaskMs: Math.max(0, ...cpu), sumMs: cpu.reduce((a, b) => a + b, 0), over50: cpu.filter((x) => x > 50).length } };
}

async function runCase(context, url, relayUrl, c, profiling, cpu) {
  const page = await context.newPage();
  let cdp;
  if (profiling) {
    cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  }
  try {
    page.on('pageerror', (e) => process.stderr.write(`viewer page error: ${e.message}\n`));
    await page.goto(url, { timeout: 30_000 });
    await page.waitForFunction(() => typeof window.viewerBench === 'object', null, { timeout: 30_000 });
    let mount;
    if (c.source === 'relay') {
      await page.evaluate(([r, n]) => window.viewerBench.prepareRecord(r, n), [relayUrl, c.resources]);
      mount = () => page.evaluate((r) => window.viewerBench.mountRecord(r), relayUrl);
    } else {
      await page.evaluate((n) => window.viewerBench.prepare(n), c.resources);
      mount = () => page.evaluate(() => window.viewerBench.mount());
    }
    let mounted;
    if (cdp) await cdp.send('Profiler.start');
    if (cpu) {
      const traced = await cpuOfTasks(context, page, mount);
      mounted = { ...traced.result, loadCpu: traced.cpu };
    } else mounted = await mount();
    if (cdp) mounted.load = { profile: (await cdp.send('Profiler.stop')).profile };
    const scroll = await phase(page, scrollAround, cdp);
    const filter = await phase(page, filterAround, cdp);
    return { ...c, ...mounted, scroll, filter };
  } finally {
    await page.close();
  }
}

/**
 * @param {object} o
 * @param {import('playwright').BrowserContext} o.context
 * @param {string} o.url the viewer page
 * @param {string} o.relayUrl
 * @param {number[]} o.sizes resources per Bundle
 * @param {number[]} o.relaySizes resources per record unlocked from the relay
 * @param {(line: string) => void} o.progress
 * @param {boolean} [o.profiling] take a V8 CPU profile of the load and of each scroll and filter phase (`profile` of each)
 * @param {boolean} [o.cpu] trace the load and report the CPU time of its tasks (`loadCpu` of each)
 */
export async function runViewerBench({ context, url, relayUrl, sizes, relaySizes, progress, profiling = false, cpu = false }) {
  const cases = [...sizes.map((resources) => ({ source: 'bundle', resources })), ...relaySizes.map((resources) => ({ source: 'relay', resources }))];
  const rows = [];
  for (const c of cases) {
    progress(`viewer: ${c.resources} resources (${c.source})`);
    rows.push(await runCase(context, url, relayUrl, c, profiling, cpu));
  }
  return rows;
}

const f = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : String(n));
const round1 = (n) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : null);

/** Whether a row stays within the budget while scrolling and filtering. */
const useMet = (r) => r.scroll.maxLongTaskMs <= LONG_TASK_BUDGET_MS && r.filter.maxLongTaskMs <= LONG_TASK_BUDGET_MS;

/**
 * Whether a row opens within its budget: no task over 50 ms at load, and a record handed in shows
 * within 300 ms (one unlocked from a relay waits on the relay and the signer first, so only its tasks count).
 */
const loadMet = (r) => r.load.maxLongTaskMs <= LOAD_TASK_BUDGET_MS && (r.source === 'relay' || r.firstRenderMs <= FIRST_RENDER_BUDGET_MS);

/** Whether a row meets every goal: at load, and while scrolling and filtering. */
export function viewerMet(r) {
  return loadMet(r) && useMet(r);
}

/** The human table, then one machine-readable line per case. */
export function reportViewer(rows, log) {
  log(`Viewer (<${VIEWER}>): first render = element connected (or unlock pressed) → first items painted;`);
  log('interactive = then main thread quiet for 500 ms; long tasks as reported by the browser (≥ 50 ms).');
  log(`Targets: at load, no task over ${LOAD_TASK_BUDGET_MS} ms, and a record handed in shows within ${FIRST_RENDER_BUDGET_MS} ms;`);
  log(`no long task over ${LONG_TASK_BUDGET_MS} ms while scrolling or filtering.`);
  log('');
  const withCpu = rows.some((r) => r.loadCpu);
  if (withCpu) log('load CPU = thread time of the longest main-thread task while loading (and of all of them): what a task costs the page, however busy the machine.');
  const head = ['resources', 'source', 'first render', 'interactive', 'load max task', ...(withCpu ? ['load CPU max (sum)'] : []), 'scroll max task (>100)', 'filter max task (>100)', 'slowest input', 'load', 'scroll + filter'];
  const cells = rows.map((r) => [
    r.resources.toLocaleString('en-US'),
    r.source === 'relay' ? `relay (${r.parts} parts)` : 'bundle',
    `${f(r.firstRenderMs)} ms`,
    `${f(r.interactiveMs)} ms`,
    `${f(r.load.maxLongTaskMs)} ms`,
    ...(withCpu ? [r.loadCpu ? `${f(r.loadCpu.maxTaskMs)} ms (${f(r.loadCpu.sumMs)} ms)` : '-'] : []),
    `${f(r.scroll.maxLongTaskMs)} ms (${r.scroll.over100})`,
    `${f(r.filter.maxLongTaskMs)} ms (${r.filter.over100})`,
    `${f(Math.max(r.scroll.maxEventMs, r.filter.maxEventMs))} ms`,
    loadMet(r) ? 'MET' : 'MISSED',
    useMet(r) ? 'MET' : 'MISSED',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `  ${c.map((x, i) => x.padEnd(widths[i])).join('  ')}`.trimEnd();
  log(line(head));
  for (const c of cells) log(line(c));
  const slow = rows.flatMap((r) =>
    ['scroll', 'filter'].flatMap((p) => r[p].tasks.filter((t) => t.ms > LONG_TASK_BUDGET_MS).map((t) => `${r.resources} ${r.source}, ${p}: ${t.ms} ms after "${t.step}"`)),
  );
  if (slow.length) {
    log(`  over ${LONG_TASK_BUDGET_MS} ms:`);
    for (const line of slow) log(`    ${line}`);
  }
  if (process.env.BENCH_VERBOSE) {
    for (const r of rows) for (const p of ['scroll', 'filter']) log(`  ${r.resources} ${r.source} ${p}: ${r[p].tasks.map((t) => `${t.ms} (${t.step})`).join(', ') || 'no long task'}`);
  }
  log('');
  for (const r of rows) {
    log(`bench-viewer: ${JSON.stringify({
      resources: r.resources,
      source: r.source,
      ...(r.parts ? { parts: r.parts } : {}),
      bundleBytes: r.bundleBytes,
      firstRenderMs: round1(r.firstRenderMs),
      interactiveMs: round1(r.interactiveMs),
      maxLongTaskLoadMs: round1(r.load.maxLongTaskMs),
      ...(r.loadCpu ? { maxCpuTaskLoadMs: round1(r.loadCpu.maxTaskMs), cpuLoadMs: round1(r.loadCpu.sumMs) } : {}),
      maxLongTaskScrollMs: round1(r.scroll.maxLongTaskMs),
      longTasksOver100Scroll: r.scroll.over100,
      maxLongTaskFilterMs: round1(r.filter.maxLongTaskMs),
      longTasksOver100Filter: r.filter.over100,
      maxInputMs: round1(Math.max(r.scroll.maxEventMs, r.filter.maxEventMs)),
      target: `load tasks <=${LOAD_TASK_BUDGET_MS}ms${r.source === 'relay' ? '' : `, first render <=${FIRST_RENDER_BUDGET_MS}ms`}; scroll and filter tasks <=${LONG_TASK_BUDGET_MS}ms`,
      loadMet: loadMet(r),
      met: viewerMet(r),
    })}`);
  }
}
