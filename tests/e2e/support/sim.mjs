// Page helpers for the simulate panel's specs.
import assert from 'node:assert/strict';
import { setDefinition } from './graph.mjs';

/** The text of the element with `data-testid`. */
export const simText = (page, id) => page.textContent(`[data-testid="${id}"]`);

/** Waits until the result shows a status other than RUNNING. */
export async function waitFinished(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="sim-status"]');
    return s && s.textContent !== 'RUNNING';
  });
}

/** Loads a workload (`{definition, input}`) into the studio and opens the simulate panel. */
export async function openWorkload(page, workload) {
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await setDefinition(page, JSON.stringify(workload.definition, null, 2));
  await page.waitForSelector(`[data-testid="graph"] [data-state="${workload.definition.StartAt}"]`);
  await page.click('[data-testid="tab-simulate"]');
  await page.fill('[data-testid="sim-input"]', JSON.stringify(workload.input ?? {}));
}

/**
 * Runs a shared example case (`{input, mocks, expected}`) on the document in the studio:
 * the Simulate tab's input, the mocks imported through the panel, Run; then checks the
 * status and output (or error and cause), and the virtual duration when the case gives one.
 */
export async function runCase(page, c, label) {
  await page.click('[data-testid="tab-simulate"]');
  await page.fill('[data-testid="sim-input"]', JSON.stringify(c.input ?? {}));
  if (!(await page.isVisible('[data-testid="sim-import-text"]'))) await page.click('[data-testid="sim-import-toggle"]');
  await page.fill('[data-testid="sim-import-text"]', JSON.stringify(c.mocks ?? {}));
  await page.click('[data-testid="sim-import"]');
  assert.equal(await simText(page, 'sim-import-message'), 'Mocks imported.', `${label}: import`);
  await page.click('[data-testid="sim-run"]');
  await waitFinished(page);
  const expected = c.expected;
  assert.equal(await simText(page, 'sim-status'), expected.status, `${label}: status`);
  if (expected.status === 'SUCCEEDED') {
    assert.deepEqual(JSON.parse(await simText(page, 'sim-output')), expected.output, `${label}: output`);
  } else {
    if ('error' in expected) assert.equal(await simText(page, 'sim-error-name'), expected.error, `${label}: error`);
    if ('cause' in expected) assert.equal(await simText(page, 'sim-cause'), expected.cause, `${label}: cause`);
  }
  if ('expected_virtual_duration_seconds' in c) {
    assert.equal(await simText(page, 'sim-duration'), `${c.expected_virtual_duration_seconds} s`, `${label}: virtual duration`);
  }
}
