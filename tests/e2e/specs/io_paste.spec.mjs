// Import by paste: every gallery definition pasted on the page draws its states; a broken
// paste shows its diagnostic, keeps the previous graph, and "Undo import" brings the
// previous document back byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { openPage, artifactPath } from '../support/browser.mjs';
import { stateNames } from '../support/definitions.mjs';
import { DIAGNOSTIC, documentText, drawnStates, pasteOnPage, runAction, waitForStates , studioSession } from '../support/io.mjs';

const EXAMPLES = new URL('../../../public/examples/', import.meta.url);
const DEFINITIONS = readdirSync(EXAMPLES).filter((f) => f.endsWith('.asl.json')).sort();

const session = studioSession();

test('each example definition pasted on the page draws one node per state', async () => {
  assert.ok(DEFINITIONS.length >= 6, 'the gallery holds the shared examples');
  const { page, errors } = await openPage(session.browser, session.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  for (const file of DEFINITIONS) {
    const text = readFileSync(new URL(file, EXAMPLES), 'utf8');
    const names = stateNames(JSON.parse(text));
    assert.ok(names.length > 0, `${file} has states`);
    await pasteOnPage(page, text);
    await waitForStates(page, names);
    assert.deepEqual(await drawnStates(page), [...new Set(names)].sort(), file);
    assert.equal(await documentText(page), text, `${file} is the document byte for byte`);
  }
  assert.deepEqual(errors, []);
});

test('a broken paste shows a diagnostic, keeps the graph, and can be undone', async () => {
  const { page, errors } = await openPage(session.browser, session.server.url);
  const file = 'retry-and-fallback.asl.json';
  const good = readFileSync(new URL(file, EXAMPLES), 'utf8');
  await pasteOnPage(page, good);
  const names = stateNames(JSON.parse(good));
  await waitForStates(page, names);

  const broken = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Pass",, "End": true}\n';
  await pasteOnPage(page, broken);
  await page.waitForSelector(DIAGNOSTIC);
  assert.deepEqual(await drawnStates(page), [...new Set(names)].sort(), 'the previous graph remains');
  assert.equal(await documentText(page), broken, 'the broken text is open for fixing');
  await page.screenshot({ path: artifactPath('io-broken-paste.png'), fullPage: true });

  await runAction(page, 'undo-import');
  await waitForStates(page, names);
  assert.equal(await documentText(page), good, 'undo brings the previous document back exactly');
  assert.equal(await page.locator('[data-testid="action-undo-import"]').isDisabled(), false, 'the first paste is one more undo away');
  assert.deepEqual(errors, []);
});

test('pasting into the code view is just text, not an import', async () => {
  const { page, errors } = await openPage(session.browser, session.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  const before = await documentText(page);
  await page.evaluate(() => {
    const target = document.querySelector('[data-testid="code-view"]');
    const data = new DataTransfer();
    data.setData('text/plain', '{"StartAt":"Z","States":{"Z":{"Type":"Succeed"}}}');
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForTimeout(200);
  assert.equal(await page.locator('[data-testid="action-undo-import"]').isDisabled(), true, 'no import happened');
  assert.equal(await documentText(page), before);
  assert.deepEqual(errors, []);
});
