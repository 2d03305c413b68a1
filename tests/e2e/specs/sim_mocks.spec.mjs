// The simulate panel's mocks and scenarios: a MockConfigFile round-trips through import
// and export (Step Functions Local's format: 0-based invocation keys, inclusive ranges);
// "same response for every call" and a simulated duration make a Task time out on
// every retry; a distributed Map reads a typed CSV object; scenarios with expected
// outcomes run into a pass/fail table and come back after a reload and through a share
// link. Expected outcomes come from the shared example cases, the ASL specification
// (TimeoutSeconds, Retry back-off) and the repository's AWS-documented run cases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { studioSuite } from '../support/suite.mjs';
import { launch, openPage } from '../support/browser.mjs';
import { setDefinition } from '../support/graph.mjs';
import { runAction } from '../support/io.mjs';
import { simText as text, waitFinished } from '../support/sim.mjs';

const CASE_DIR = process.env.STATELAB_EXAMPLES ?? '/work/shared/examples/';
const readCase = (f) => JSON.parse(readFileSync(CASE_DIR + f, 'utf8'));
const RETRY = readFileSync(new URL('../../../public/examples/retry-and-fallback.asl.json', import.meta.url), 'utf8');
const recovers = readCase('retry-and-fallback.recovers.case.json');
const givesUp = readCase('retry-and-fallback.gives-up.case.json');
const csvCase = JSON.parse(readFileSync(new URL('../../../engine-core/tests/run_cases/distributed_map_item_reader_csv_first_row.json', import.meta.url), 'utf8'));

/** Step Functions Local's MockConfigFile with one test case per example case. */
function mockConfig() {
  const responses = (list) => Object.fromEntries(list.map((r, i) => [String(i), r]));
  return {
    StateMachines: { RetryAndFallback: { TestCases: { Recovers: { FirstStep: 'FirstStepRecovers' }, GivesUp: { FirstStep: 'FirstStepGivesUp' } } } },
    MockedResponses: { FirstStepRecovers: responses(recovers.mocks.FirstStep), FirstStepGivesUp: responses(givesUp.mocks.FirstStep) },
  };
}

const suite = studioSuite();
// A second browser profile, to open a share link where nothing is saved.
let other;
before(async () => { other = await launch(); });
after(async () => { await other?.close(); });

async function openWith(definition) {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await setDefinition(page, definition);
  await page.waitForSelector(`[data-testid="graph"] [data-state="${JSON.parse(definition).StartAt}"]`);
  await page.click('[data-testid="tab-simulate"]');
  return { page, errors };
}

async function importText(page, value) {
  if (!(await page.isVisible('[data-testid="sim-import-text"]'))) await page.click('[data-testid="sim-import-toggle"]');
  await page.fill('[data-testid="sim-import-text"]', typeof value === 'string' ? value : JSON.stringify(value));
  await page.click('[data-testid="sim-import"]');
}

async function exportConfig(page) {
  if (!(await page.isVisible('[data-testid="sim-export-config"]'))) await page.click('[data-testid="sim-export-toggle"]');
  await page.click('[data-testid="sim-export-config"]');
  return JSON.parse(await page.inputValue('[data-testid="sim-export-text"]'));
}

const scenarioNames = (page) => page.$$eval('[data-testid="sim-scenario"] option', (o) => o.map((x) => x.textContent));

test('a MockConfigFile round-trips through import/export', async () => {
  const { page, errors } = await openWith(RETRY);
  await importText(page, mockConfig());
  await page.click('[data-testid="sim-import-all-cases"]');
  assert.equal(await text(page, 'sim-import-message'), '2 test case(s) imported as scenarios.');
  assert.deepEqual(await scenarioNames(page), ['Scenario 1', 'Recovers', 'GivesUp']);

  const first = await exportConfig(page);
  const cases = first.StateMachines.StateMachine.TestCases;
  assert.deepEqual(Object.keys(cases), ['Scenario 1', 'Recovers', 'GivesUp']);
  // Four equal failures are one inclusive range, as Step Functions Local writes "1-2".
  const gaveUp = first.MockedResponses[cases.GivesUp.FirstStep];
  assert.deepEqual(Object.keys(gaveUp), ['0-3']);
  assert.deepEqual(gaveUp['0-3'], givesUp.mocks.FirstStep[0]);
  const recovered = first.MockedResponses[cases.Recovers.FirstStep];
  const [busy, , ok] = recovers.mocks.FirstStep;
  assert.deepEqual(recovered, { '0-1': busy, 2: ok });

  // Import the export: the same mocks, and exporting again gives the same file.
  await importText(page, first);
  await page.selectOption('[data-testid="sim-test-case"]', 'GivesUp');
  await page.click('[data-testid="sim-use-test-case"]');
  assert.equal(await page.$$eval('[data-task="FirstStep"] .sim-response', (r) => r.length), givesUp.mocks.FirstStep.length);
  await page.click('[data-testid="sim-import-all-cases"]');
  assert.deepEqual(await exportConfig(page), first);

  // The case format export of the active scenario is the example's own mocks.
  await page.selectOption('[data-testid="sim-scenario"]', { label: 'GivesUp' });
  await page.click('[data-testid="sim-export-case"]');
  assert.deepEqual(JSON.parse(await page.inputValue('[data-testid="sim-export-text"]')), givesUp.mocks);
  assert.deepEqual(errors, []);
  // Closing writes the autosave now, not into the next test's fresh storage.
  await page.close();
});

// ASL specification: a Task that runs longer than TimeoutSeconds fails with
// States.Timeout; a retrier waits IntervalSeconds, then x BackoffRate (default 2.0).
const TIMEOUT = JSON.stringify({
  StartAt: 'Slow',
  States: {
    Slow: {
      Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' },
      TimeoutSeconds: 5,
      Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 1, MaxAttempts: 2 }],
      End: true,
    },
  },
}, null, 2);

test('same response for every call, with a simulated duration, times out on every retry', async () => {
  const { page, errors } = await openWith(TIMEOUT);
  const task = '[data-testid="sim-task"][data-task="Slow"]';
  await page.fill(`${task} [data-testid="sim-delay"]`, '10');
  await page.check(`${task} [data-testid="sim-repeat"]`);
  assert.equal(await page.textContent(`${task} [data-testid="sim-calls"]`), 'every call');
  await page.click('[data-testid="sim-run"]');
  await waitFinished(page);
  assert.equal(await text(page, 'sim-status'), 'FAILED');
  assert.equal(await text(page, 'sim-error-name'), 'States.Timeout');
  // Three attempts of 5 s each, with 1 s and 2 s back-off between them.
  assert.equal(await text(page, 'sim-duration'), '18 s');
  await page.fill('[data-testid="sim-history-filter"]', 'TaskTimedOut');
  assert.equal(await text(page, 'sim-history-count'), '3 events');

  // A bad duration is located and stops the run with its state and response named.
  await page.fill(`${task} [data-testid="sim-delay"]`, '-1');
  await page.click('[data-testid="sim-run"]');
  assert.match(await text(page, 'sim-run-error'), /Slow \(response 1\)/);
  assert.deepEqual(errors, []);
  // Closing writes the autosave now, not into the next test's fresh storage.
  await page.close();
});

test('a distributed Map reads the CSV object typed for its ItemReader', async () => {
  const { page, errors } = await openWith(JSON.stringify(csvCase.definition, null, 2));
  const source = '[data-testid="sim-map-source"][data-map="Map"]';
  await page.fill(`${source} [data-testid="sim-item-reader"]`, 'verdict,statement_date\ntrue,6/11/2008,extra\n');
  await page.waitForSelector(`${source} [data-testid="sim-item-error"]`);
  await page.fill(`${source} [data-testid="sim-item-reader"]`, csvCase.mocks.Map.ItemReader.Return);
  assert.equal(await page.textContent(`${source} [data-testid="sim-item-count"]`), `${csvCase.expected.output.length} item(s)`);
  await page.click('[data-testid="sim-run"]');
  await page.waitForSelector('[data-testid="sim-status"], [data-testid="sim-run-error"]');
  assert.equal(await page.isVisible('[data-testid="sim-run-error"]') ? await text(page, 'sim-run-error') : '', '');
  await waitFinished(page);
  assert.equal(await text(page, 'sim-status'), 'SUCCEEDED');
  assert.deepEqual(JSON.parse(await text(page, 'sim-output')), csvCase.expected.output);
  assert.deepEqual(errors, []);
  // Closing writes the autosave now, not into the next test's fresh storage.
  await page.close();
});

async function expect(page, status, fields = {}) {
  if (!(await page.isVisible('[data-testid="sim-expected-status"]'))) await page.click('[data-testid="sim-expected-toggle"]');
  await page.selectOption('[data-testid="sim-expected-status"]', status);
  if (fields.error !== undefined) await page.fill('[data-testid="sim-expected-error"]', fields.error);
  if (fields.output !== undefined) await page.fill('[data-testid="sim-expected-output"]', fields.output);
}

const rowResult = (page, name) => page.textContent(`[data-testid="sim-scenario-row"][data-scenario="${name}"] [data-testid="sim-verdict"]`);

test('scenarios run into a pass/fail table and come back after a reload and through a share link', async () => {
  const { page, errors } = await openWith(RETRY);
  // Scenario 1 becomes "Gives up": the example's input, mocks and expected failure.
  await page.fill('[data-testid="sim-scenario-name"]', 'Gives up');
  await page.press('[data-testid="sim-scenario-name"]', 'Enter');
  await page.fill('[data-testid="sim-input"]', JSON.stringify(givesUp.input));
  await importText(page, givesUp.mocks);
  await expect(page, givesUp.expected.status, { error: givesUp.expected.error });
  // A duplicate with the recovering mocks and the expected output.
  await page.click('[data-testid="sim-scenario-duplicate"]');
  await page.fill('[data-testid="sim-scenario-name"]', 'Recovers');
  await page.press('[data-testid="sim-scenario-name"]', 'Enter');
  await importText(page, recovers.mocks);
  await expect(page, 'SUCCEEDED', { output: JSON.stringify(recovers.expected.output) });
  // A third that expects the wrong thing.
  await page.click('[data-testid="sim-scenario-duplicate"]');
  await expect(page, 'SUCCEEDED', { output: '{"wrong": true}' });
  assert.deepEqual(await scenarioNames(page), ['Gives up', 'Recovers', 'Recovers copy']);

  // The scenarios run in a simulator worker of their own, not on the page.
  const scenarioWorker = page.waitForEvent('worker');
  await page.click('[data-testid="sim-run-all"]');
  assert.match((await scenarioWorker).url(), /sim-worker_loader\.js$/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="sim-scenario-row"] [data-testid="sim-verdict"]').length === 3);
  assert.equal(await rowResult(page, 'Gives up'), 'PASS');
  assert.equal(await rowResult(page, 'Recovers'), 'PASS');
  assert.match(await rowResult(page, 'Recovers copy'), /^FAIL — output: expected \{"wrong":true\}/);
  assert.equal(await text(page, 'sim-scenario-summary'), '2 passed, 1 failed');

  // Delete the failing one; the run on show is compared with its scenario too.
  await page.click('[data-testid="sim-scenario-delete"]');
  assert.deepEqual(await scenarioNames(page), ['Gives up', 'Recovers']);
  await page.click('[data-testid="sim-run"]');
  await waitFinished(page);
  assert.equal(await page.textContent('.sim-verdict[data-testid="sim-verdict"]'), 'PASS');

  // A reload brings back the scenarios, the active one's input and mocks, and expectations.
  await page.waitForTimeout(600);
  await page.reload();
  await page.waitForSelector('[data-testid="graph"] [data-state="FirstStep"]');
  await page.click('[data-testid="tab-simulate"]');
  assert.deepEqual(await scenarioNames(page), ['Gives up', 'Recovers']);
  assert.equal(await page.inputValue('[data-testid="sim-scenario-name"]'), 'Recovers');
  assert.equal(await page.$$eval('[data-task="FirstStep"] .sim-response', (r) => r.length), recovers.mocks.FirstStep.length);
  await page.selectOption('[data-testid="sim-scenario"]', { label: 'Gives up' });
  assert.deepEqual(JSON.parse(await page.inputValue('[data-testid="sim-input"]')), givesUp.input);
  await page.click('[data-testid="sim-run-all"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="sim-scenario-row"] [data-testid="sim-verdict"]').length === 2);
  assert.equal(await rowResult(page, 'Gives up'), 'PASS');
  assert.equal(await rowResult(page, 'Recovers'), 'PASS');

  // A share link carries them to another browser.
  await runAction(page, 'share');
  const link = await page.inputValue('[data-testid="share-url"]');
  assert.match(link, /#asl=[A-Za-z0-9_-]+&sim=[A-Za-z0-9_-]+$/);
  const b = await openPage(other, link);
  await b.page.waitForSelector('[data-testid="graph"] [data-state="FirstStep"]');
  await b.page.click('[data-testid="tab-simulate"]');
  assert.deepEqual(await scenarioNames(b.page), ['Gives up', 'Recovers']);
  await b.page.click('[data-testid="sim-run-all"]');
  await b.page.waitForFunction(() => document.querySelectorAll('[data-testid="sim-scenario-row"] [data-testid="sim-verdict"]').length === 2);
  assert.equal(await rowResult(b.page, 'Recovers'), 'PASS');
  assert.deepEqual([...errors, ...b.errors], []);
  await page.close();
  await b.page.close();
});
