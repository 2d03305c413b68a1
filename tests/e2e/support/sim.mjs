// Page helpers for the simulate panel's specs.
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
