// The simulate panel's debugger: a Step Functions Local MockConfigFile imported through
// the test-case picker, a breakpoint set on the selected node, continue, the history
// filter, and the data-flow inspector's catch decision. Expected outcomes come from
// the shared example cases and the definition's own Retry/Catch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serveDist } from '../support/server.mjs';
import { launch, openPage, artifactPath } from '../support/browser.mjs';
import { setDefinition } from '../support/graph.mjs';
import { simText as text, waitFinished } from '../support/sim.mjs';

const CASE_DIR = process.env.STATELAB_EXAMPLES ?? '/work/shared/examples/';
const readCase = (f) => JSON.parse(readFileSync(CASE_DIR + f, 'utf8'));
const definition = readFileSync(new URL('../../../public/examples/retry-and-fallback.asl.json', import.meta.url), 'utf8');
const recovers = readCase('retry-and-fallback.recovers.case.json');
const givesUp = readCase('retry-and-fallback.gives-up.case.json');

/** A MockConfigFile (Step Functions Local's format) with one test case per example case. */
function mockConfig() {
  const responses = (list) => Object.fromEntries(list.map((r, i) => [String(i), r]));
  return {
    StateMachines: { RetryAndFallback: { TestCases: { Recovers: { FirstStep: 'FirstStepRecovers' }, GivesUp: { FirstStep: 'FirstStepGivesUp' } } } },
    MockedResponses: { FirstStepRecovers: responses(recovers.mocks.FirstStep), FirstStepGivesUp: responses(givesUp.mocks.FirstStep) },
  };
}

let server, browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});


test('MockConfigFile test case, breakpoint, continue, history filter and inspector', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await setDefinition(page, definition);
  await page.waitForSelector('[data-testid="graph"] [data-state="FirstStep"]');
  await page.click('[data-testid="tab-simulate"]');
  await page.fill('[data-testid="sim-input"]', JSON.stringify(givesUp.input));
  await page.click('[data-testid="sim-import-toggle"]');
  await page.fill('[data-testid="sim-import-text"]', JSON.stringify(mockConfig()));
  await page.click('[data-testid="sim-import"]');
  const options = await page.$$eval('[data-testid="sim-test-case"] option', (o) => o.map((x) => x.value));
  assert.deepEqual(options, ['Recovers', 'GivesUp']);
  await page.selectOption('[data-testid="sim-test-case"]', 'GivesUp');
  await page.click('[data-testid="sim-use-test-case"]');
  assert.equal(await page.$$eval('[data-task="FirstStep"] .sim-response', (r) => r.length), givesUp.mocks.FirstStep.length);

  // A breakpoint on the Fail state stops the run as it is entered.
  await page.click('[data-testid="graph"] [data-state="FallbackStep"]');
  await page.click('[data-testid="sim-breakpoint"]');
  assert.equal(await page.getAttribute('[data-testid="sim-breakpoint"]', 'aria-pressed'), 'true');
  await page.click('[data-testid="sim-run"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="sim-pause"]').disabled);
  assert.equal(await text(page, 'sim-status'), 'RUNNING');
  await page.waitForSelector('[data-testid="sim-history"] .sim-row.current');
  assert.equal(await page.textContent('[data-testid="sim-history"] .sim-row.current .sim-type'), 'FailStateEntered');
  // FirstStep failed and was caught at this point.
  assert.equal(await page.getAttribute('[data-testid="graph"] [data-state="FirstStep"]', 'data-run-status'), 'caught');

  await page.click('[data-testid="sim-continue"]');
  await waitFinished(page);
  assert.equal(await text(page, 'sim-status'), givesUp.expected.status);
  assert.equal(await text(page, 'sim-error-name'), givesUp.expected.error);
  assert.equal(await text(page, 'sim-cause'), givesUp.expected.cause);

  // Each of the four mocked failures is a LambdaFunctionFailed event (AWS's event type
  // for a Lambda function ARN used directly as Resource).
  await page.fill('[data-testid="sim-history-filter"]', 'LambdaFunctionFailed');
  assert.equal(await text(page, 'sim-history-count'), `${givesUp.mocks.FirstStep.length} events`);
  await page.fill('[data-testid="sim-history-filter"]', '');

  // The inspector: FirstStep's last attempt matched no retry (attempts exhausted) and Catch[0] took it.
  await page.click('[data-testid="graph"] [data-state="FirstStep"]');
  await page.waitForSelector('[data-testid="sim-inspector"]');
  assert.match(await text(page, 'sim-decision'), /caught by Catch\[0\]/);
  assert.match(await text(page, 'sim-decision'), /next FallbackStep/);
  const stages = await page.$$eval('[data-testid="sim-inspector"] [data-stage]', (s) => s.map((x) => x.getAttribute('data-stage')));
  assert.ok(stages.includes('input'), `stages: ${stages}`);
  await page.screenshot({ path: artifactPath('sim-debugger.png'), fullPage: true });

  // The other test case, same picker, with the breakpoint removed: the recovering run.
  await page.click('[data-testid="graph"] [data-state="FallbackStep"]');
  await page.click('[data-testid="sim-breakpoint"]');
  assert.equal(await page.getAttribute('[data-testid="sim-breakpoint"]', 'aria-pressed'), 'false');
  await page.click('[data-testid="sim-import"]');
  await page.selectOption('[data-testid="sim-test-case"]', 'Recovers');
  await page.click('[data-testid="sim-use-test-case"]');
  await page.fill('[data-testid="sim-input"]', JSON.stringify(recovers.input));
  await page.click('[data-testid="sim-run"]');
  await waitFinished(page);
  assert.equal(await text(page, 'sim-status'), recovers.expected.status);
  assert.deepEqual(JSON.parse(await text(page, 'sim-output')), recovers.expected.output);
  assert.equal(await text(page, 'sim-duration'), `${recovers.expected_virtual_duration_seconds} s`);
  assert.deepEqual(errors, []);
});
