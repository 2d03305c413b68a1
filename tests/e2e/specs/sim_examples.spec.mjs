// The simulate panel: every shared example case is loaded, its mocks imported through
// the panel, run, and the displayed status and output (or error/cause) compared with
// the case's own expectation; then the cursor goes back to the first event and the
// run continues to the same result. The graph shows each state's status as a class
// and a word.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { serveDist } from '../support/server.mjs';
import { launch, openPage, artifactPath } from '../support/browser.mjs';
import { setDefinition } from '../support/graph.mjs';
import { assertCaseResult, loadCase, simText as text, waitFinished } from '../support/sim.mjs';

const CASE_DIR = process.env.STATELAB_EXAMPLES ?? '/work/shared/examples/';
const EXAMPLES = new URL('../../../public/examples/', import.meta.url);
const caseFiles = readdirSync(CASE_DIR).filter((f) => f.endsWith('.case.json')).sort();

let server, browser;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('every example case runs in the page to its expected result, and steps back and forward again', async () => {
  assert.ok(caseFiles.length >= 6, 'the shared examples have their cases');
  const { page, errors } = await openPage(browser, server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  for (const file of caseFiles) {
    const c = JSON.parse(readFileSync(CASE_DIR + file, 'utf8'));
    const definition = readFileSync(new URL(c.definition_file, EXAMPLES), 'utf8');
    await page.click('[data-testid="tab-definition"]');
    await setDefinition(page, definition);
    // The document has reached the store once its start state is drawn.
    await page.waitForSelector(`[data-testid="graph"] [data-state="${JSON.parse(definition).StartAt}"]`);
    await loadCase(page, c, file);
    // Every mocked Task is listed with as many responses as the case gives.
    for (const [state, list] of Object.entries(c.mocks ?? {})) {
      if (!Array.isArray(list)) continue;
      const n = await page.$$eval(`[data-testid="sim-task"][data-task="${state}"] .sim-response`, (r) => r.length);
      assert.equal(n, list.length, `${file}: responses listed for ${state}`);
    }
    await page.click('[data-testid="sim-run"]');
    await waitFinished(page);
    await assertCaseResult(page, c, file);
    // The graph shows statuses, with a word as well as a colour.
    const coloured = await page.$$eval('[data-testid="graph"] [data-run-status]', (n) => n.map((g) => [g.getAttribute('data-run-status'), g.querySelector('.run-cue')?.textContent ?? '']));
    assert.ok(coloured.length > 0, `${file}: states coloured`);
    for (const [status, cue] of coloured) assert.ok(cue.includes(status.replace('-', ' ')), `${file}: cue for ${status}`);
    if (c.expected.status === 'FAILED') assert.ok(coloured.some(([s]) => s === 'failed'), `${file}: a failed state`);
    await page.screenshot({ path: artifactPath(`sim-${file.replace('.case.json', '')}.png`) });

    // Step back to the first event: nothing has finished, no state has run.
    await page.$eval('[data-testid="sim-cursor"]', (el) => { el.value = '1'; el.dispatchEvent(new Event('input', { bubbles: true })); });
    assert.equal(await text(page, 'sim-status'), 'RUNNING', `${file}: status at the first event`);
    assert.match(await text(page, 'sim-position'), /^event 1 of /);
    assert.equal(await page.$$eval('[data-testid="graph"] [data-run-status]', (n) => n.length), 0, `${file}: nothing has run yet`);
    // One step forward enters the first state; Continue runs to the same result.
    await page.click('[data-testid="sim-step"]');
    assert.match(await text(page, 'sim-position'), /^event 2 of /);
    await page.click('[data-testid="sim-continue"]');
    await waitFinished(page);
    await assertCaseResult(page, c, `${file} (after stepping back)`);
  }
  assert.deepEqual(errors, []);
});

test('invalid input JSON shows a clear error and Run reports it', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await page.click('[data-testid="tab-simulate"]');
  await page.fill('[data-testid="sim-input"]', '{"a": ');
  assert.match(await text(page, 'sim-input-error'), /^Input is not valid JSON/);
  await page.click('[data-testid="sim-run"]');
  assert.match(await text(page, 'sim-run-error'), /execution input is not valid JSON/);
  assert.deepEqual(errors, []);
});
