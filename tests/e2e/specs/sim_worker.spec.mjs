// The simulator runs in a Web Worker (issue 8): its script and wasm are not part of the
// first load, a 24,008-event run (choice_loop_6k) happens in the worker while the page
// keeps running timers and taking input, and ends at the workload's result; a run can be
// cancelled; what goes wrong in the worker is shown as a readable message.
// Expected values: the workload's own notes (n = 6000: 12,003 transitions, 24,008
// history events) and ASL semantics (the loop stops when i >= n, Succeed passes its input).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { studioSuite } from '../support/suite.mjs';
import { openPage } from '../support/browser.mjs';
import { setDefinition } from '../support/graph.mjs';
import { openWorkload, simText as text, waitFinished } from '../support/sim.mjs';

const WORKLOAD = process.env.STATELAB_WORKLOADS ?? '/work/shared/oracle/workloads/';
const loop = JSON.parse(readFileSync(WORKLOAD + 'choice_loop_6k.json', 'utf8'));
const WORKER_SCRIPT = /sim-worker_loader\.js$/;

const suite = studioSuite();

/** Starts a 10 ms interval that records how often it ran and its longest gap. */
function watchTimers(page) {
  return page.evaluate(() => {
    const w = { ticks: 0, worstGap: 0, last: performance.now() };
    w.id = setInterval(() => {
      const now = performance.now();
      w.worstGap = Math.max(w.worstGap, now - w.last);
      w.last = now;
      w.ticks += 1;
    }, 10);
    window.__timers = w;
  });
}

const stopTimers = (page) => page.evaluate(() => {
  const w = window.__timers;
  clearInterval(w.id);
  return { ticks: w.ticks, worstGap: w.worstGap };
});

test('choice_loop_6k runs in the worker, fetched on the first run, while the page stays responsive', async () => {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  await openWorkload(page, loop);
  const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
  assert.ok(!(await fetched()).some((n) => n.includes('sim-worker')), 'the simulator is not part of the first load');

  await watchTimers(page);
  const started = Date.now();
  const worker = page.waitForEvent('worker');
  const wasm = page.waitForRequest(/sim-worker_bg\.wasm$/);
  await page.click('[data-testid="sim-run"]');
  assert.match((await worker).url(), WORKER_SCRIPT, 'the run happens in the simulator worker');
  await wasm; // the interpreter, fetched by the worker on this first run
  // Typing while the run goes on: the page takes every key.
  await page.fill('[data-testid="sim-history-filter"]', '');
  await page.type('[data-testid="sim-history-filter"]', 'Exited');
  assert.equal(await page.inputValue('[data-testid="sim-history-filter"]'), 'Exited');
  await page.fill('[data-testid="sim-history-filter"]', '');
  await waitFinished(page);
  const runMs = Date.now() - started;
  const timers = await stopTimers(page);

  assert.equal(await text(page, 'sim-status'), 'SUCCEEDED');
  assert.deepEqual(JSON.parse(await text(page, 'sim-output')), { i: loop.input.n, n: loop.input.n });
  assert.equal(Number(await text(page, 'sim-transitions')), loop._transitions);
  assert.equal(await text(page, 'sim-history-count'), `${loop._history_events} events`);
  // The main thread was never held for the run: timers kept firing all along.
  assert.ok(timers.ticks >= 10, `timers fired ${timers.ticks} times in ${runMs} ms`);
  assert.ok(timers.worstGap < Math.max(250, runMs / 2), `longest timer gap ${timers.worstGap} ms in a ${runMs} ms run`);
  // The worker is stopped once the recording is complete.
  await page.waitForFunction(() => !document.querySelector('[data-testid="sim-cancel"]')?.matches(':enabled'));
  assert.deepEqual(errors, []);
});

test('a run in progress can be cancelled; the history keeps what was recorded', async () => {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  await openWorkload(page, loop);
  await page.click('[data-testid="sim-run"]');
  await page.click('[data-testid="sim-cancel"]:enabled');
  const message = await text(page, 'sim-run-error');
  const [, count] = message.match(/^Run cancelled after (\d+) events/) ?? [];
  assert.ok(count !== undefined, message);
  assert.ok(Number(count) < loop._history_events, `${count} events before the cancel`);
  assert.ok(await page.isDisabled('[data-testid="sim-cancel"]'));
  // A new run after a cancel starts a fresh worker and completes.
  await page.click('[data-testid="sim-run"]');
  await waitFinished(page);
  assert.equal(await text(page, 'sim-status'), 'SUCCEEDED');
  assert.equal(await page.isVisible('[data-testid="sim-run-error"]'), false);
  assert.deepEqual(errors, []);
});

test('what goes wrong in the worker is shown as a readable message', async () => {
  const { page } = await openPage(suite.browser, suite.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  // Valid JSON the interpreter cannot run: StartAt names no state.
  await setDefinition(page, JSON.stringify({ StartAt: 'Missing', States: { Only: { Type: 'Pass', End: true } } }));
  await page.click('[data-testid="tab-simulate"]');
  await page.click('[data-testid="sim-run"]');
  assert.match(await text(page, 'sim-run-error'), /^The definition cannot run: .+ \(at .*\)$/);

  // The worker's script cannot be fetched (offline after the first load, say).
  await page.route(WORKER_SCRIPT, (route) => route.fulfill({ status: 404, body: '' }));
  await page.click('[data-testid="tab-definition"]');
  await setDefinition(page, JSON.stringify(loop.definition));
  await page.waitForSelector('[data-testid="graph"] [data-state="Init"]');
  await page.click('[data-testid="tab-simulate"]');
  await page.click('[data-testid="sim-run"]');
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('[data-testid="sim-run-error"]')?.textContent ?? ''));
  assert.ok(await page.isDisabled('[data-testid="sim-cancel"]'));
});
