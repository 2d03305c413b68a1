// Page helpers for the import/export/keep-the-work specs: paste, drop, read the graph,
// and take the document out through the "Download ASL JSON" action.
import { readFileSync } from 'node:fs';
import { before, after } from 'node:test';
import { serveDist } from './server.mjs';
import { launch } from './browser.mjs';

/** A served dist/ and a browser for the specs of one file: `session.server`, `session.browser`. */
export function studioSession() {
  const session = {};
  before(async () => {
    session.server = await serveDist();
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

export const GRAPH_NODES = '[data-testid="graph"] [data-state]';
export const DIAGNOSTIC = '[data-testid="problem"], [data-testid="parse-error"], [data-testid="graph-stale"], [role="alert"]';

/** A paste on the page outside the editor, as Ctrl+V delivers it. */
export async function pasteOnPage(page, text) {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** A file dropped onto the page. */
export async function dropFile(page, name, text) {
  await page.evaluate(([n, t]) => {
    const data = new DataTransfer();
    data.items.add(new File([t], n, { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, [name, text]);
}

/** The state names drawn on the graph, sorted. */
export async function drawnStates(page) {
  const names = await page.$$eval(GRAPH_NODES, (nodes) => nodes.map((n) => n.getAttribute('data-state')));
  return [...new Set(names)].sort();
}

/** Waits until the graph draws exactly `names` (any order). */
export async function waitForStates(page, names, timeout = 10000) {
  const expected = [...new Set(names)].sort();
  await page.waitForFunction(
    ([selector, want]) => {
      const got = [...new Set([...document.querySelectorAll(selector)].map((n) => n.getAttribute('data-state')))].sort();
      return JSON.stringify(got) === JSON.stringify(want);
    },
    [GRAPH_NODES, expected],
    { timeout },
  );
}

/** Runs a toolbar action, opening its menu first when it lives in one. */
export async function runAction(page, name) {
  const button = page.locator(`[data-testid="action-${name}"]`);
  if (!(await button.isVisible())) {
    const menu = page.locator(`details:has([data-testid="action-${name}"]) > summary`);
    await menu.click();
  }
  await button.click();
}

/** The bytes a download action produces. */
export async function downloadBytes(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), runAction(page, action)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** The document's text, taken out through "Download ASL JSON". */
export async function documentText(page) {
  return (await downloadBytes(page, 'download-json')).bytes.toString('utf8');
}
