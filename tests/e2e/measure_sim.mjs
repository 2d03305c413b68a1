// Measures the simulate panel on the choice_loop_6k workload (24,008 history events):
// run time in the page and the longest main-thread stall during the run, the history
// table's render time (first paint after the run, and a scroll to the middle), and
// step-back time to arbitrary events. A measurement, not a test: prints JSON.
//   node tests/e2e/measure_sim.mjs [workload.json]
import { readFileSync } from 'node:fs';
import { serveDist } from './support/server.mjs';
import { launch, openPage } from './support/browser.mjs';
import { openWorkload } from './support/sim.mjs';

const file = process.argv[2] ?? '/work/shared/oracle/workloads/choice_loop_6k.json';
const workload = JSON.parse(readFileSync(file, 'utf8'));
const server = await serveDist();
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, server.url);
  await openWorkload(page, workload);

  // Run, watching for main-thread stalls with a 0 ms timer chain.
  const run = await page.evaluate(() => new Promise((resolve) => {
    let last = performance.now();
    let worst = 0;
    const tick = () => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
      const s = document.querySelector('[data-testid="sim-status"]');
      if (s && s.textContent !== 'RUNNING') {
        requestAnimationFrame(() => resolve({ ms: performance.now() - start, worstStallMs: worst, status: s.textContent }));
      } else setTimeout(tick, 0);
    };
    const start = performance.now();
    document.querySelector('[data-testid="sim-run"]').click();
    setTimeout(tick, 0);
  }));
  const events = await page.textContent('[data-testid="sim-history-count"]');
  if (run.status !== 'SUCCEEDED') run.failure = [await page.textContent('[data-testid="sim-error-name"]'), await page.textContent('[data-testid="sim-cause"]')];
  const rows = await page.$$eval('[data-testid="sim-history"] [role="row"]', (r) => r.length);

  // History table render: scroll to the middle and wait for the frame that shows it.
  const scroll = await page.evaluate(() => new Promise((resolve) => {
    const box = document.querySelector('[data-testid="sim-history"]');
    const t0 = performance.now();
    box.scrollTop = box.scrollHeight / 2;
    box.dispatchEvent(new Event('scroll'));
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
  }));
  // Full table render from scratch: filter to nothing and back to everything.
  const rerender = await page.evaluate(() => new Promise((resolve) => {
    const input = document.querySelector('[data-testid="sim-history-filter"]');
    input.value = 'no-such-event';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const t0 = performance.now();
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
  }));

  // Step back to arbitrary events through the slider; time until the frame shows it.
  const targets = [12000, 3, 20001, 7777, 1, 24000];
  const stepBack = [];
  for (const to of targets) {
    stepBack.push(await page.evaluate((to) => new Promise((resolve) => {
      const slider = document.querySelector('[data-testid="sim-cursor"]');
      const t0 = performance.now();
      slider.value = String(to);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      requestAnimationFrame(() => resolve({ to, ms: performance.now() - t0, shown: document.querySelector('[data-testid="sim-position"]').textContent }));
    }), to));
  }
  console.log(JSON.stringify({ workload: file, run, events, rowsInPage: rows, historyScrollMs: scroll, historyRerenderMs: rerender, stepBack, consoleErrors: errors }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
