// Keeping the work: reload brings the document back; "New" keeps the replaced document in
// "Open recent".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage } from '../support/browser.mjs';
import { stateNames } from '../support/definitions.mjs';
import { documentText, pasteOnPage, runAction, waitForStates , studioSession } from '../support/io.mjs';

const EXAMPLE = readFileSync(new URL('../../../public/examples/job-poller.jsonata.asl.json', import.meta.url), 'utf8');

const session = studioSession();

test('reload restores the document exactly', async () => {
  const { page, errors } = await openPage(session.browser, session.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  // Formatting the studio would never produce: it must come back as it was.
  const text = EXAMPLE.replace(/\n/g, '\r\n').replace('"StartAt"', '"StartAt"   ');
  await pasteOnPage(page, text);
  await waitForStates(page, stateNames(JSON.parse(text)));
  await page.reload();
  await waitForStates(page, stateNames(JSON.parse(text)));
  assert.equal(await documentText(page), text);
  assert.deepEqual(errors, []);
});

test('New starts a fresh machine and Open recent brings the previous one back', async () => {
  const { page, errors } = await openPage(session.browser, session.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await pasteOnPage(page, EXAMPLE);
  await waitForStates(page, stateNames(JSON.parse(EXAMPLE)));
  await runAction(page, 'new');
  const fresh = JSON.parse(await documentText(page));
  assert.equal(typeof fresh.StartAt, 'string');
  await waitForStates(page, stateNames(fresh));

  await runAction(page, 'recent');
  const item = page.locator('[data-testid="recent-item"]', { hasText: JSON.parse(EXAMPLE).Comment.slice(0, 40) });
  await item.first().click();
  await waitForStates(page, stateNames(JSON.parse(EXAMPLE)));
  assert.equal(await documentText(page), EXAMPLE);
  assert.deepEqual(errors, []);
});
