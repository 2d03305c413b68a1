// Main-thread cost of a long run in the simulate panel (a measurement, not a test):
// choice_loop_6k (24,008 history events) is run twice — the first run also loads the
// simulator's worker — while a PerformanceObserver records every long task (> 50 ms)
// and a 0 ms timer chain records the longest gap between timers. Prints JSON.
//
//   trunk build --release && node tests/e2e/bench/sim_run.bench.mjs [dist-dir] [workload.json]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveDist, DIST } from '../support/server.mjs';
import { launch, openPage } from '../support/browser.mjs';
import { openWorkload } from '../support/sim.mjs';

const dist = process.argv[2] ? resolve(process.argv[2]) : DIST;
const file = process.argv[3] ?? '/work/shared/oracle/workloads/choice_loop_6k.json';
const workload = JSON.parse(readFileSync(file, 'utf8'));
const server = await serveDist(dist);
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, server.url);
  await openWorkload(page, workload);

  const runs = [];
  for (const label of ['first run (loads the worker)', 'second run']) {
    runs.push({ label, ...await page.evaluate(() => new Promise((resolve) => {
      const longTasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const t of list.getEntries()) longTasks.push(t);
      });
      observer.observe({ type: 'longtask' });
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
            observer.disconnect();
            const tasks = longTasks.filter((t) => t.startTime >= start).map((t) => Math.round(t.duration));
            resolve({
              ms: Math.round(performance.now() - start),
              status: s.textContent,
              longTasks: tasks.length,
              longestTaskMs: Math.max(0, ...tasks),
              longTaskMs: tasks,
              worstTimerGapMs: Math.round(worstGap),
            });
          }, 100)));
        } else setTimeout(tick, 0);
      };
      document.querySelector('[data-testid="sim-run"]').click();
      setTimeout(tick, 0);
    })) });
  }
  const events = await page.textContent('[data-testid="sim-history-count"]');
  console.log(JSON.stringify({ dist, workload: file, events, runs, consoleErrors: errors }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
