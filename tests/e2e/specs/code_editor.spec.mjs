// The code view is a real editor: JSON highlighting, line numbers, bracket matching, folding,
// search, diagnostics (underlined, on hover, in the problems list), undo of a bad paste, and the
// graph following the text as it is typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, artifactPath } from '../support/browser.mjs';
import { studioSession } from '../support/io.mjs';
import { closingBracket, stateNames } from '../support/definitions.mjs';
import { CodeView } from '../support/editor.mjs';

const EXAMPLE_TEXT = readFileSync(new URL('../../../public/examples/game-housekeeping.asl.json', import.meta.url), 'utf8');
const EXAMPLE = JSON.parse(EXAMPLE_TEXT);
const GRAPH_NODES = '[data-testid="graph"] [data-state]';

const session = studioSession();

let previous;

/** A studio opened on the starter example, alone (earlier tests' pages closed, their autosave cleared). */
async function studio() {
  await previous?.close();
  const { page, errors } = await openPage(session.browser, session.server.url);
  previous = page;
  const code = new CodeView(page);
  await code.ready();
  await page.waitForSelector(GRAPH_NODES);
  return { page, errors, code };
}

/** 1-based line of a UTF-16 offset, counted from the text itself. */
function lineOf(text, offset) {
  return text.slice(0, offset).split('\n').length;
}

test('JSON is highlighted by token kind, with line numbers', async () => {
  const { page, errors, code } = await studio();
  assert.equal(await code.text(), EXAMPLE_TEXT, 'the editor holds the example byte for byte');
  const keys = await page.$$eval('.cm-content .tok-propertyName', (els) => els.map((e) => e.textContent));
  assert.ok(keys.includes('"StartAt"') && keys.includes('"States"'), `property names highlighted: ${keys.slice(0, 5)}`);
  const strings = await page.$$eval('.cm-content .tok-string', (els) => els.map((e) => e.textContent));
  assert.ok(strings.includes('"Housekeeping"'), 'string values highlighted');
  const bools = await page.$$eval('.cm-content .tok-bool', (els) => els.map((e) => e.textContent));
  assert.ok(bools.includes('true'), 'booleans highlighted');
  const colour = (sel) => page.$eval(sel, (e) => getComputedStyle(e).color);
  assert.notEqual(await colour('.cm-content .tok-propertyName'), await colour('.cm-content .tok-string'));
  const numbers = await page.$$eval('.cm-lineNumbers .cm-gutterElement:not([style*="hidden"])', (els) => els.map((e) => e.textContent));
  assert.deepEqual(numbers.slice(0, 4), ['1', '2', '3', '4']);
  await page.screenshot({ path: artifactPath('code-editor.png') });
  assert.deepEqual(errors, []);
});

test('the bracket at the cursor and its partner are marked', async () => {
  const { page, errors, code } = await studio();
  const open = EXAMPLE_TEXT.indexOf('"ResultSelector": {') + '"ResultSelector": '.length;
  const close = EXAMPLE_TEXT.indexOf('}', open);
  await code.clickAt(open);
  await page.waitForSelector('.cm-matchingBracket');
  const marked = await page.$$eval('.cm-matchingBracket', (els) => els.map((e) => e.textContent));
  assert.deepEqual(marked, ['{', '}']);
  const { from } = await code.selection();
  assert.ok(from === open || from === open + 1, `cursor beside the brace (at ${from})`);
  assert.ok(close > open);
  assert.deepEqual(errors, []);
});

test('an object folds from the gutter and unfolds, leaving the text alone', async () => {
  const { page, errors, code } = await studio();
  const shown = () => page.textContent('.cm-content');
  assert.ok((await shown()).includes('GenerateLevelReport'));
  // Fold the "States" object from its gutter marker: its states leave the screen, not the text.
  const statesLine = lineOf(EXAMPLE_TEXT, EXAMPLE_TEXT.indexOf('"States"'));
  // (Each gutter keeps one hidden spacer element for its width.)
  const markers = page.locator('.cm-foldGutter .cm-gutterElement:not([style*="hidden"])');
  await markers.nth(statesLine - 1).locator('span').click();
  await page.waitForSelector('.cm-foldPlaceholder');
  assert.ok(!(await shown()).includes('GenerateLevelReport'), 'the folded states are hidden');
  assert.equal(await code.text(), EXAMPLE_TEXT, 'folding does not change the text');
  // Unfold from the same gutter marker, the control this test is about (a click on the
  // placeholder widget sometimes left the fold in place in loaded CI runs; cause not found).
  await markers.nth(statesLine - 1).locator('span').click();
  await page.waitForSelector('.cm-foldPlaceholder', { state: 'detached' });
  assert.ok((await shown()).includes('GenerateLevelReport'), 'unfolded again');
  assert.deepEqual(errors, []);
});

test('Ctrl+F opens the search panel and Enter selects the next match', async () => {
  const { page, errors, code } = await studio();
  await code.clickAt(0);
  await page.keyboard.press('Control+f');
  const field = page.locator('.cm-search input[name="search"]');
  await field.waitFor();
  await field.pressSequentially('UpdateCompletedGame');
  await field.press('Enter');
  const first = EXAMPLE_TEXT.indexOf('UpdateCompletedGame');
  await page.waitForFunction((at) => window.statelabEditor.getSelection().from === at, first);
  assert.deepEqual(await code.selection(), { from: first, to: first + 'UpdateCompletedGame'.length });
  await field.press('Enter');
  const second = EXAMPLE_TEXT.indexOf('UpdateCompletedGame', first + 1);
  await page.waitForFunction((at) => window.statelabEditor.getSelection().from === at, second);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.cm-search', { state: 'detached' });
  assert.deepEqual(errors, []);
});

test('a syntax error is underlined, explained on hover, listed, and keeps the last graph greyed', async () => {
  const { page, errors, code } = await studio();
  assert.equal(await page.textContent('[data-testid="problems-count"]'), '0');
  // Drop the comma after "StartAt": "Housekeeping": JSON then expects `,` or `}` where "States" begins.
  const comma = EXAMPLE_TEXT.indexOf('"StartAt": "Housekeeping",') + '"StartAt": "Housekeeping"'.length;
  const broken = EXAMPLE_TEXT.slice(0, comma) + EXAMPLE_TEXT.slice(comma + 1);
  const fault = broken.indexOf('"States"');
  await code.replaceText(broken);

  const problem = page.locator('[data-testid="problem"]');
  await problem.waitFor();
  assert.equal(await problem.count(), 1);
  assert.equal(await problem.getAttribute('data-line'), String(lineOf(broken, fault)));
  assert.equal(await problem.getAttribute('data-column'), String(fault - broken.lastIndexOf('\n', fault - 1)));
  assert.equal(await page.textContent('[data-testid="problems-count"]'), '1');

  // The last good graph stays, greyed, with the error shown.
  await page.waitForSelector('[data-testid="graph-stale"]');
  assert.equal(await page.locator('[data-testid="graph"].stale').count(), 1);
  assert.equal(await page.locator(GRAPH_NODES).count(), stateNames(EXAMPLE).length);

  // Underlined in the text, with the message on hover.
  const underline = page.locator('.cm-lintRange-error');
  await underline.waitFor();
  assert.equal(await underline.textContent(), '"');
  await underline.hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await tooltip.waitFor();
  assert.ok((await tooltip.textContent()).length > 0, 'the hover names the problem');

  // Clicking the problem selects its range in the editor.
  await code.clickAt(0);
  await problem.click();
  await page.waitForFunction((at) => window.statelabEditor.getSelection().from === at, fault);
  assert.deepEqual(await code.selection(), { from: fault, to: fault + 1 });
  await page.screenshot({ path: artifactPath('code-editor-error.png') });
  assert.deepEqual(errors, []);
});

test('a bad paste is one undo away from the previous text', async () => {
  const { page, errors, code } = await studio();
  await code.replaceText('{ "StartAt": oops');
  await page.waitForSelector('[data-testid="graph-stale"]');
  await code.clickAt(0);
  await page.keyboard.press('Control+z');
  await page.waitForFunction((t) => window.statelabEditor.getText() === t, EXAMPLE_TEXT);
  await page.waitForSelector('[data-testid="graph-stale"]', { state: 'detached' });
  assert.equal(await page.locator('[data-testid="graph"].stale').count(), 0);
  assert.equal(await page.textContent('[data-testid="problems-count"]'), '0');
  assert.deepEqual(errors, []);
});

test('typing renames a state in the graph once typing pauses', async () => {
  const { page, errors, code } = await studio();
  // Select the key "GenerateLevelReport" inside its own "States" object and type over it.
  const key = EXAMPLE_TEXT.indexOf('"GenerateLevelReport": {') + 1;
  await code.clickAt(key);
  await page.evaluate(([from, to]) => {
    const view = window.statelabEditor.view;
    view.dispatch({ selection: { anchor: from, head: to } });
  }, [key, key + 'GenerateLevelReport'.length]);
  await page.keyboard.type('Report');
  await page.waitForSelector('[data-testid="graph"] [data-state="Report"]');
  assert.equal(await page.locator('[data-testid="graph"] [data-state="GenerateLevelReport"]').count(), 0);
  const text = await code.text();
  assert.ok(text.includes('"Report": {'));
  assert.deepEqual(errors, []);
});


test('clicking a graph node selects its state in the text', async () => {
  const { page, errors, code } = await studio();
  const key = EXAMPLE_TEXT.indexOf('"UpdateCompletedLevel": {');
  const end = closingBracket(EXAMPLE_TEXT, EXAMPLE_TEXT.indexOf('{', key));
  await page.click('[data-testid="graph"] [data-state="UpdateCompletedLevel"]');
  await page.waitForSelector('[data-testid="graph"] [data-state="UpdateCompletedLevel"].selected');
  await page.waitForFunction((at) => window.statelabEditor.getSelection().from === at, key, { timeout: 5000 })
    .catch(async (e) => { throw new Error(`${e.message}; selection ${JSON.stringify(await code.selection())}, wanted ${key}`); });
  assert.deepEqual(await code.selection(), { from: key, to: end });
  const selected = await page.evaluate(() => {
    const { from, to } = window.statelabEditor.getSelection();
    return window.statelabEditor.getText().slice(from, to);
  });
  assert.ok(selected.startsWith('"UpdateCompletedLevel": {') && selected.endsWith('}'), selected);
  await page.screenshot({ path: artifactPath('code-editor-graph-selection.png') });
  assert.deepEqual(errors, []);
});

test('moving the cursor into a state selects its node, nested states included', async () => {
  const { page, errors, code } = await studio();
  const selectedNodes = () => page.$$eval('[data-testid="graph"] [data-state].selected', (els) => els.map((e) => e.getAttribute('data-state')));
  // Inside the Choice state nested in the Parallel's second branch.
  await code.clickAt(EXAMPLE_TEXT.indexOf('"Default": "UpdateCompletedLevel"') + 3);
  await page.waitForSelector('[data-testid="graph"] [data-state="LevelOrGame"].selected');
  assert.deepEqual(await selectedNodes(), ['LevelOrGame']);
  // On the Parallel's own fields.
  await code.clickAt(EXAMPLE_TEXT.indexOf('"Type": "Parallel"') + 3);
  await page.waitForSelector('[data-testid="graph"] [data-state="Housekeeping"].selected');
  assert.deepEqual(await selectedNodes(), ['Housekeeping']);
  // Outside every state: nothing selected.
  await code.clickAt(EXAMPLE_TEXT.indexOf('"StartAt": "Housekeeping"') + 3);
  await page.waitForFunction(() => !document.querySelector('[data-testid="graph"] [data-state].selected'));
  assert.deepEqual(errors, []);
});

test('an ASL rule break (Default names no state) is listed at its line', async () => {
  const { page, errors, code } = await studio();
  // An unknown Next target is an ASL error (States.Next must name a state in the same scope).
  const good = EXAMPLE_TEXT.replace('"Default": "UpdateCompletedLevel"', '"Default": "NoSuchState"');
  await code.replaceText(good);
  const problem = page.locator('[data-testid="problem"]');
  await problem.first().waitFor();
  const lines = await problem.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-line'))));
  assert.ok(lines.includes(lineOf(good, good.indexOf('"NoSuchState"'))), `a problem on the Default line: ${lines}`);
  const severities = await problem.evaluateAll((els) => els.map((e) => e.className));
  assert.ok(severities.every((c) => /problem-(error|warning)/.test(c)));
  assert.deepEqual(errors, []);
});
