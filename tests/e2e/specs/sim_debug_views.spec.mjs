// The simulate panel's debugging views: step over a state, per-iteration status with
// the iteration picker colouring the graph, the Choice rule that matched, the timeline
// (nested lanes, Wait and retry back-off bars, clicking a bar moves the cursor), the
// data-flow stages with their changes marked, and the variables a state assigned; a step
// over asked for while the run is still being recorded completes when the state ends.
// Expected values come from a history AWS recorded (the localstack corpus) and from the
// shared example cases, not from the studio's own output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { studioSuite } from '../support/suite.mjs';
import { openPage, artifactPath } from '../support/browser.mjs';
import { setDefinition } from '../support/graph.mjs';
import {
  simText as text, waitFinished, openWorkload, position, debugClick, gateWorkerMessages,
} from '../support/sim.mjs';
import { readShared as readJson } from '../support/shared.mjs';

const EXAMPLES = new URL('../../../public/examples/', import.meta.url);
// AWS: a Map (MaxConcurrency 1) over [1,"Hello",{},3.3,3,4,5] whose Choice sends the item 3 to a Fail state.
const breakCase = readJson('conformance', 'localstack', 'cases', 'scenarios.test_base_scenarios.test_map_state_break_condition.7539ff0f.json');
const recovers = readJson('examples', 'retry-and-fallback.recovers.case.json');
const poller = readJson('examples', 'job-poller.jsonata.case.json');
// A Parallel of 50 branches; its notes: 306 history events (the Parallel's visit spans
// nearly all of them: entered second, exited just before ExecutionSucceeded).
const fanout = readJson('oracle', 'workloads', 'parallel_fanout.json');

const suite = studioSuite();

/** Loads a definition and its case's input and mocks into the simulate panel. */
async function load(page, definition, c) {
  await page.click('[data-testid="tab-definition"]');
  await setDefinition(page, definition);
  await page.waitForSelector(`[data-testid="graph"] [data-state="${JSON.parse(definition).StartAt}"]`);
  await page.click('[data-testid="tab-simulate"]');
  await page.fill('[data-testid="sim-input"]', JSON.stringify(c.input ?? {}));
  if (c.mocks) {
    if (!(await page.isVisible('[data-testid="sim-import-text"]'))) await page.click('[data-testid="sim-import-toggle"]');
    await page.fill('[data-testid="sim-import-text"]', JSON.stringify(c.mocks));
    await page.click('[data-testid="sim-import"]');
  }
}

const currentRow = (page) => page.$eval('[data-testid="sim-history"] .sim-row.current', (r) => ({
  id: Number(r.getAttribute('data-event-id')),
  type: r.querySelector('.sim-type').textContent,
}));
const runStatus = (page, state) => page.getAttribute(`[data-testid="graph"] [data-state="${state}"]`, 'data-run-status');
const awsEvent = (id) => breakCase.expected_history.find((e) => e.id === id);

test('a recorded Map: step over, iteration picker, Choice rule, timeline and data-flow changes', async () => {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await load(page, JSON.stringify(breakCase.definition, null, 2), breakCase);

  // Step to the Map's entry (AWS event 4), then step over it: nothing nested stops the
  // cursor; the Map fails without a Catch, so its visit ends with the execution. The
  // run is recorded off the page: a step asked for before its events have arrived
  // waits for them, so the clicks need not wait for the recording.
  await page.click('[data-testid="sim-debug"]');
  for (let i = 0; i < 4; i++) await debugClick(page, 'sim-step');
  assert.equal((await position(page)).cursor, 4);
  assert.deepEqual(await currentRow(page), { id: 4, type: awsEvent(4).type });
  await debugClick(page, 'sim-step-over');
  const last = breakCase.expected_history.at(-1);
  assert.deepEqual(await currentRow(page), { id: last.id, type: last.type });
  assert.equal(await text(page, 'sim-status'), breakCase.expected.status);
  assert.equal(await text(page, 'sim-error-name'), breakCase.expected.error);

  // One status per iteration, as AWS's MapIteration* events give them.
  const awsIterations = breakCase.expected_history
    .filter((e) => /^MapIteration(Succeeded|Failed|Aborted)$/.test(e.type))
    .map((e) => [e.details.index, e.type.replace('MapIteration', '').toLowerCase()]);
  const shown = await page.$$eval('[data-testid="sim-group"][data-group="MapState"] .sim-child',
    (li) => li.map((x) => [Number(x.getAttribute('data-index')), x.getAttribute('data-status')]));
  assert.deepEqual(shown, awsIterations);

  // Picking the failed iteration: its Choice ran, Break failed, Pass never ran in it.
  const failed = awsIterations.find(([, s]) => s === 'failed')[0];
  await page.selectOption('[data-testid="sim-iteration-picker"][data-map="MapState"]', String(failed));
  await page.waitForFunction(() => document.querySelector('[data-testid="graph"] [data-state="Break"]')?.getAttribute('data-run-status') === 'failed');
  assert.equal(await runStatus(page, 'Pass'), null);
  assert.equal(await runStatus(page, 'Equals3'), 'succeeded');
  // Its Choice went to Break, which is Choices[0].Next.
  assert.equal(breakCase.definition.States.MapState.ItemProcessor.States.Equals3.Choices[0].Next, 'Break');
  await page.click('[data-testid="graph"] [data-state="Equals3"]');
  assert.match(await text(page, 'sim-choice-rule'), /^matched Choices\[0\]: /);

  // Iteration 1 (the item "Hello") went to the Default, Pass.
  await page.selectOption('[data-testid="sim-iteration-picker"][data-map="MapState"]', '1');
  await page.waitForFunction(() => document.querySelector('[data-testid="graph"] [data-state="Pass"]')?.getAttribute('data-run-status') === 'succeeded');
  assert.equal(await runStatus(page, 'Break'), null);
  assert.equal(await text(page, 'sim-choice-rule'), 'no rule matched: Default');
  const input = await page.$eval('[data-testid="sim-inspector"] [data-stage="input"] .json-tree', (t) => t.textContent);
  assert.match(input, /"Hello"/);

  // Timeline: one Equals3 lane per iteration, nested one level under the Map.
  const lanes = await page.$$eval('[data-testid="sim-tl-lane"][data-state="Equals3"]', (l) => l.map((x) => [x.textContent, x.getAttribute('data-depth')]));
  const reached = breakCase.expected_history.filter((e) => e.type === 'ChoiceStateEntered').length;
  assert.equal(lanes.length, reached);
  assert.deepEqual(lanes[0], ['MapState #0 › Equals3', '1']);
  // Clicking the failed iteration's Equals3 bar moves the cursor to AWS's ChoiceStateEntered
  // for the item 3.
  const entered = breakCase.expected_history.find((e) => e.type === 'ChoiceStateEntered' && e.details.input === 3);
  const bar = `[data-testid="sim-tl-bar"][data-state="Equals3"][data-iteration="MapState #${failed}"]`;
  await page.click(bar);
  assert.deepEqual(await currentRow(page), { id: entered.id, type: 'ChoiceStateEntered' });
  // The cursor line stands at the bar's start.
  const barX = Number(await page.getAttribute(bar, 'x'));
  const cursorX = Number(await page.getAttribute('[data-testid="sim-tl-cursor"]', 'x1'));
  assert.ok(Math.abs(barX - cursorX) < 0.01, `cursor at ${cursorX}, bar at ${barX}`);

  // Data flow of StartState: ResultPath "$.arr" adds arr to the input {} (AWS's output
  // has exactly that key), marked "added".
  await page.selectOption('[data-testid="sim-iteration-picker"][data-map="MapState"]', '');
  await page.click('[data-testid="graph"] [data-state="StartState"]');
  const outputKeys = Object.keys(awsEvent(3).details.output);
  assert.deepEqual(outputKeys, ['arr']);
  const marks = await page.$$eval('[data-testid="sim-inspector"] [data-stage="afterResultPath"] [data-mark]',
    (m) => m.map((x) => [x.getAttribute('data-pointer'), x.getAttribute('data-mark')]));
  assert.deepEqual(marks, [['/arr', 'added']]);
  await page.screenshot({ path: artifactPath('sim-debug-views.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('a step over asked while the recording is in progress completes when the state ends', async () => {
  const { page, errors } = await openPage(suite.browser, suite.server.url, { beforeLoad: gateWorkerMessages });
  await openWorkload(page, fanout);
  // Hold the recording after its first chunk of events: the Parallel has been entered
  // and its branches are running, its end has not arrived.
  await page.evaluate(() => window.__simGate.arm(3));
  await page.click('[data-testid="sim-debug"]');
  await page.waitForFunction(() => /^event 0 of [1-9]\d*\+$/.test(document.querySelector('[data-testid="sim-position"]')?.textContent ?? ''));
  const held = await position(page);
  assert.ok(held.total < fanout._history_events, `${held.total} events received before the hold`);
  await debugClick(page, 'sim-step');
  await debugClick(page, 'sim-step');
  assert.deepEqual(await currentRow(page), { id: 2, type: 'ParallelStateEntered' });

  await page.click('[data-testid="sim-step-over"]');
  assert.match(await text(page, 'sim-step-waiting'), /^Step over FanOut: waiting for its end to be recorded/);
  assert.equal(await page.getAttribute('[data-testid="sim-step-over"]', 'aria-busy'), 'true');
  // The cursor waits where it was, not at the last event received.
  assert.deepEqual(await position(page), { ...held, cursor: 2 });
  assert.equal(await text(page, 'sim-status'), 'RUNNING');

  await page.evaluate(() => window.__simGate.release());
  await page.waitForSelector('[data-testid="sim-step-waiting"]', { state: 'detached' });
  // ParallelStateExited ends the visit: the event before ExecutionSucceeded.
  assert.deepEqual(await currentRow(page), { id: fanout._history_events - 1, type: 'ParallelStateExited' });
  assert.equal(await page.getAttribute('[data-testid="sim-step-over"]', 'aria-busy'), 'false');
  await page.waitForFunction(() => /^event \d+ of \d+$/.test(document.querySelector('[data-testid="sim-position"]')?.textContent ?? ''));
  assert.deepEqual(await position(page), { cursor: fanout._history_events - 1, total: fanout._history_events, finished: true });
  await debugClick(page, 'sim-step');
  assert.equal(await text(page, 'sim-status'), 'SUCCEEDED');
  assert.deepEqual(errors, []);
});

test('retry back-off and Wait bars on the timeline; the retry decision and assigned variables', async () => {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await load(page, readFileSync(new URL(recovers.definition_file, EXAMPLES), 'utf8'), recovers);
  await page.click('[data-testid="sim-run"]');
  await waitFinished(page);
  assert.equal(await text(page, 'sim-status'), recovers.expected.status);
  // Two failures before the success: two back-off bars (5 s, then 5 × 2 = 10 s).
  const failures = recovers.mocks.FirstStep.filter((r) => r.Throw).length;
  assert.equal(await page.$$eval('[data-testid="sim-tl-bar"][data-kind="backoff"]', (b) => b.length), failures);
  await page.click('[data-testid="graph"] [data-state="FirstStep"]');
  assert.match(await text(page, 'sim-decision'), /status SUCCEEDED/);
  assert.match(await text(page, 'sim-decision'), /retryIndex 0, retryBackoffIntervalSeconds 10/);

  await load(page, readFileSync(new URL(poller.definition_file, EXAMPLES), 'utf8'), poller);
  await page.click('[data-testid="sim-run"]');
  await waitFinished(page);
  assert.deepEqual(JSON.parse(await text(page, 'sim-output')), poller.expected.output);
  // Three 30 s waits (the case's 90 s of virtual time).
  assert.equal(await page.$$eval('[data-testid="sim-tl-bar"][data-kind="waiting"]', (b) => b.length), poller.expected.output.polls);
  // GetStatus assigns polls and status ("Assign" in the definition); jobId comes from StartJob.
  await page.click('[data-testid="graph"] [data-state="GetStatus"]');
  const assigned = await page.$$eval('[data-testid="sim-variables"] [data-mark="assigned"]', (m) => m.map((x) => x.getAttribute('data-pointer')));
  assert.deepEqual(assigned.sort(), ['/polls', '/status']);
  const vars = await page.$eval('[data-testid="sim-variables"] .json-tree', (t) => t.textContent);
  assert.match(vars, /jobId/);
  assert.deepEqual(errors, []);
});
