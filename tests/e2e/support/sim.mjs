// Page helpers for the simulate panel's specs.

/** The text of the element with `data-testid`. */
export const simText = (page, id) => page.textContent(`[data-testid="${id}"]`);

/** Waits until the result shows a status other than RUNNING. */
export async function waitFinished(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="sim-status"]');
    return s && s.textContent !== 'RUNNING';
  });
}
