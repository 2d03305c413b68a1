// Paste-to-rendered time of a generated 1,000-state definition in headless Chromium
// (a measurement, not a test). Goal: under 150 ms.
//
//   trunk build --release && node tests/e2e/bench/paste.bench.mjs [states] [runs] [--graph-only]
//
// `--graph-only` hides the code pane while measuring (the definition still goes through
// its textarea), which separates the graph's cost from the code view's.
//
// Each run first shows a small example, then puts the big definition into the code view
// (as one paste: one edit of the editor, reported to the app) and stops the clock at the
// first animation frame after every state's node is in the graph, i.e. once it is painted.
import { serveDist } from '../support/server.mjs';
import { launch, openPage, artifactPath } from '../support/browser.mjs';
import { stateNames } from '../support/definitions.mjs';
import { generateMachine } from './machine.mjs';

const STATES = Number(process.argv[2] ?? 1000);
const RUNS = Number(process.argv[3] ?? 9);
const GRAPH_ONLY = process.argv.includes('--graph-only');

const server = await serveDist();
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await page.waitForFunction(() => typeof window.statelabEditor?.setText === 'function');
  const big = JSON.stringify(generateMachine(STATES), null, 2);
  const small = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
  const expected = stateNames(JSON.parse(big)).length;
  if (expected !== STATES) throw new Error(`generator made ${expected} states, not ${STATES}`);

  if (GRAPH_ONLY) await page.addStyleTag({ content: '.code-pane { display: none !important; }' });
  // Where the time goes: Chromium's own per-page counters, summed over the timed pastes.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const counters = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const spent = { ScriptDuration: 0, RecalcStyleDuration: 0, LayoutDuration: 0, TaskDuration: 0 };
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate((text) => window.statelabEditor.setText(text, true), small);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="graph"] [data-state]').length === 1);
    const before = await counters();
    const ms = await page.evaluate(([text, n]) => new Promise((done) => {
      const t0 = performance.now();
      // As a paste into the code view: one whole edit, handed to the store at once.
      window.statelabEditor.setText(text, true);
      const check = () => {
        if (document.querySelectorAll('[data-testid="graph"] [data-state]').length === n) {
          // The frame after the nodes are in the DOM is the one that paints them.
          requestAnimationFrame(() => done(performance.now() - t0));
        } else {
          requestAnimationFrame(check);
        }
      };
      requestAnimationFrame(check);
    }), [big, STATES]);
    times.push(ms);
    const after = await counters();
    for (const k of Object.keys(spent)) spent[k] += after[k] - before[k];
  }
  await page.screenshot({ path: artifactPath(`bench-paste-${STATES}.png`) });
  const sorted = [...times].sort((a, b) => a - b);
  const edges = await page.$$eval('[data-testid="graph"] [data-edge]', (e) => e.length);
  console.log(`paste-to-rendered${GRAPH_ONLY ? ' (graph pane only)' : ''}, ${STATES} states (${(big.length / 1024).toFixed(0)} KB, ${edges} edges drawn), ${RUNS} runs:`
    + ` median ${sorted[Math.floor(RUNS / 2)].toFixed(1)} ms, best ${sorted[0].toFixed(1)} ms, worst ${sorted[RUNS - 1].toFixed(1)} ms`);
  const perRun = (k) => `${((spent[k] * 1000) / RUNS).toFixed(1)} ms`;
  console.log(`per paste: script ${perRun('ScriptDuration')}, style ${perRun('RecalcStyleDuration')},`
    + ` layout ${perRun('LayoutDuration')}, all main-thread tasks ${perRun('TaskDuration')}`);
  if (errors.length) console.log('console errors:', errors);
} finally {
  await browser.close();
  await server.close();
}
