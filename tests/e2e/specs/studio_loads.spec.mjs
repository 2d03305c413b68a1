// The studio opens with the game-housekeeping example: its graph and its text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { studioSuite } from '../support/suite.mjs';
import { openPage, artifactPath } from '../support/browser.mjs';
import { stateNames } from '../support/definitions.mjs';
import { CodeView } from '../support/editor.mjs';

const EXAMPLE = JSON.parse(readFileSync(new URL('../../../public/examples/game-housekeeping.asl.json', import.meta.url)));

const suite = studioSuite();

test('the starter example draws one node per state, with no console errors', async () => {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  const drawn = await page.$$eval('[data-testid="graph"] [data-state]', (nodes) => nodes.map((n) => n.getAttribute('data-state')));
  const expected = stateNames(EXAMPLE);
  assert.equal(expected.length, 6, 'game-housekeeping has six states');
  assert.deepEqual([...drawn].sort(), [...expected].sort());
  const code = new CodeView(page);
  await code.ready();
  assert.deepEqual(JSON.parse(await code.text()), EXAMPLE);
  await page.screenshot({ path: artifactPath('studio-loads.png'), fullPage: true });
  assert.deepEqual(errors, []);
});
