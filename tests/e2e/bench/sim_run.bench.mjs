// Main-thread cost of a long run in the simulate panel (a measurement, not a test):
// choice_loop_6k (24,008 history events) is run twice — the first run also loads the
// simulator's worker — while a PerformanceObserver records every long task (> 50 ms)
// and a 0 ms timer chain records the longest gap between timers. Then, on the finished
// run: the history table's render time (a scroll to the middle, and a full re-render by
// filtering to nothing and back), step-back time to arbitrary events through the slider
// and by the Back button (each until the next frame has been drawn), and "Run all" over
// three scenarios of the workload. Prints JSON.
//
//   trunk build --release && node tests/e2e/bench/sim_run.bench.mjs [dist-dir] [workload.json]
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { serveDist, DIST } from '../support/server.mjs';
import { launch, openPage } from '../support/browser.mjs';
import { openWorkload } from '../support/sim.mjs';
import { sharedPath } from '../support/shared.mjs';

const dist = process.argv[2] ? resolve(process.argv[2]) : DIST;
const file = process.argv[3] ?? sharedPath('oracle', 'workloads', 'choice_loop_6k.json');
const workload = JSON.parse(readFileSync(file, 'utf8'));
const server = await serveDist(dist);
const browser = await launch();

/** In the page: records long tasks from now on; `stop()` returns their durations. */
const LONG_TASKS = `window.__longTasks = (() => {
  const start = performance.now();
  const seen = [];
  const observer = new PerformanceObserver((list) => { for (const t of list.getEntries()) seen.push(t); });
  observer.observe({ type: 'longtask' });
  return { stop: () => { observer.disconnect(); return seen.filter((t) => t.startTime >= start).map((t) => Math.round(t.duration)); } };
})();`;

/** Runs `act` in the page and resolves once the frame after it has been drawn. */
const untilDrawn = (page, act, arg) => page.evaluate(([act, arg]) => new Promise((resolve) => {
  const t0 = performance.now();
  new Function('arg', act)(arg);
  requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
}), [act, arg]);

const summary = (tasks) => ({ longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks), longTaskMs: tasks });

/**
 * Traces the page's main thread while `act` runs: every task's wall time and the CPU
 * time the thread spent in it. On a machine shared with other work the wall time of a
 * task includes time the thread was not scheduled; the CPU time does not.
 */
async function traceMainThread(page, act) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents', options: 'enable-thread-cpu-time' });
  const result = await act();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  // The page's main thread: the renderer main thread that ran the most tasks.
  const runTasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask');
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onThread = (t) => (e) => e.pid === t.pid && e.tid === t.tid;
  const main = mains.sort((a, b) => runTasks.filter(onThread(b)).length - runTasks.filter(onThread(a)).length)[0];
  const inside = main ? events.filter((e) => onThread(main)(e) && e.ph === 'X' && e.cat?.includes('devtools.timeline')) : [];
  const tasks = (main ? runTasks.filter(onThread(main)) : []).map((e) => ({
    wall: (e.dur ?? 0) / 1000,
    cpu: (e.tdur ?? 0) / 1000,
    // What the task ran: a message from the worker, a frame, a timer, an input event…
    what: [...new Set(inside.filter((x) => x.ts >= e.ts && x.ts < e.ts + (e.dur ?? 0))
      .map((x) => x.args?.data?.type ? `${x.name}:${x.args.data.type}` : x.name))].slice(0, 4).join(' '),
  }));
  const over = (k) => tasks.filter((t) => t[k] > 50).length;
  const longest = (k) => Math.round(Math.max(0, ...tasks.map((t) => t[k])));
  return {
    result,
    tasks: {
      count: tasks.length, over50msWall: over('wall'), over50msCpu: over('cpu'), longestWallMs: longest('wall'), longestCpuMs: longest('cpu'),
      topByCpu: [...tasks].sort((a, b) => b.cpu - a.cpu).slice(0, 5).map((t) => `${Math.round(t.cpu)} ms cpu / ${Math.round(t.wall)} ms wall: ${t.what}`),
    },
  };
}
const round = (ms) => Math.round(ms * 10) / 10;

try {
  const { page, errors } = await openPage(browser, server.url);
  await openWorkload(page, workload);

  const runs = [];
  for (const label of ['first run (loads the worker)', 'second run']) {
    await page.evaluate(LONG_TASKS);
    const { result: run, tasks: mainThread } = await traceMainThread(page, () => page.evaluate(() => new Promise((resolve) => {
      let last = performance.now();
      let worstGap = 0;
      const start = performance.now();
      const tick = () => {
        const now = performance.now();
        worstGap = Math.max(worstGap, now - last);
        last = now;
        const s = document.querySelector('[data-testid="sim-status"]');
        if (s && s.textContent !== 'RUNNING') {
          // Two frames later, so the tasks that paint the result are counted too.
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
            resolve({ ms: Math.round(performance.now() - start), status: s.textContent, worstTimerGapMs: Math.round(worstGap) });
          }, 100)));
        } else setTimeout(tick, 0);
      };
      document.querySelector('[data-testid="sim-run"]').click();
      setTimeout(tick, 0);
    })));
    runs.push({ label, ...run, ...summary(await page.evaluate(() => window.__longTasks.stop())), mainThread });
  }
  const events = await page.textContent('[data-testid="sim-history-count"]');

  await page.evaluate(LONG_TASKS);
  const historyScrollMs = await untilDrawn(page, `
    const box = document.querySelector('[data-testid="sim-history"]');
    box.scrollTop = box.scrollHeight / 2;
    box.dispatchEvent(new Event('scroll'));`);
  await page.evaluate(() => {
    const input = document.querySelector('[data-testid="sim-history-filter"]');
    input.value = 'no-such-event';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const historyRerenderMs = await untilDrawn(page, `
    const input = document.querySelector('[data-testid="sim-history-filter"]');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));`);
  const historyLongTasks = await page.evaluate(() => window.__longTasks.stop());

  await page.evaluate(LONG_TASKS);
  const seek = `
    const slider = document.querySelector('[data-testid="sim-cursor"]');
    slider.value = String(arg);
    slider.dispatchEvent(new Event('input', { bubbles: true }));`;
  const stepBack = [];
  for (const to of [24000, 12000, 3, 20001, 7777, 1]) {
    const ms = await untilDrawn(page, seek, to);
    stepBack.push({ to, ms: round(ms), shown: await page.textContent('[data-testid="sim-position"]') });
  }
  const backButton = [];
  for (let i = 0; i < 5; i++) {
    await untilDrawn(page, seek, 15000 - i * 1000);
    const ms = await untilDrawn(page, `document.querySelector('[data-testid="sim-step-back"]').click();`);
    backButton.push(round(ms));
  }
  const stepBackLongTasks = await page.evaluate(() => window.__longTasks.stop());

  // Run all: three scenarios of the workload (n = 6000, 3000, 1500), in the worker.
  for (const [i, n] of [6000, 3000, 1500].entries()) {
    if (i > 0) await page.click('[data-testid="sim-scenario-duplicate"]');
    await page.fill('[data-testid="sim-input"]', JSON.stringify({ n }));
  }
  await page.evaluate(LONG_TASKS);
  const { result: runAll, tasks: runAllThread } = await traceMainThread(page, () => page.evaluate(() => new Promise((resolve) => {
    const start = performance.now();
    let ticks = 0;
    const tick = () => {
      ticks += 1;
      const done = document.querySelectorAll('[data-testid="sim-scenario-actual"]');
      if ([...done].every((d) => d.textContent === 'SUCCEEDED') && !document.querySelector('[data-testid="sim-run-all"]').disabled) {
        resolve({ ms: Math.round(performance.now() - start), timerTicks: ticks, rows: [...done].map((d) => d.textContent) });
      } else setTimeout(tick, 0);
    };
    document.querySelector('[data-testid="sim-run-all"]').click();
    setTimeout(tick, 0);
  })));
  const runAllTasks = summary(await page.evaluate(() => window.__longTasks.stop()));

  console.log(JSON.stringify({
    dist, workload: file, events, runs,
    historyScrollMs: round(historyScrollMs), historyRerenderMs: round(historyRerenderMs), historyLongTasks,
    stepBackSliderMs: stepBack, stepBackButtonMs: backButton, stepBackLongTasks,
    runAll: { ...runAll, ...runAllTasks, mainThread: runAllThread },
    consoleErrors: errors,
  }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
