// The inspector (issue 7): a state's fields edited through forms with the pointer and the
// keyboard only; every change lands in the text, undo and redo walk it back and forth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { studioSuite } from '../support/suite.mjs';
import { openStudio } from '../support/studio.mjs';

const EXAMPLE_TEXT = readFileSync(new URL('../../../public/examples/game-housekeeping.asl.json', import.meta.url), 'utf8');
const LOG_METRIC = ['States', 'Housekeeping', 'Branches', 2, 'States', 'LogMetric'];

const suite = studioSuite();

function at(value, path) {
  return path.reduce((v, k) => v?.[k], value);
}

async function studio(t) {
  const opened = await openStudio(t, suite);
  assert.equal(await opened.code.text(), EXAMPLE_TEXT, 'the starter example opens byte for byte');
  return opened;
}

/** Types `text` into the inspector field `key` and commits it with Tab, as a person would. */
async function typeInto(page, key, text, scope = '[data-testid="inspector"]') {
  const input = page.locator(`${scope} [data-field="${key}"]`).first().locator('input, textarea, select').first();
  await input.click();
  await page.keyboard.press('Control+A');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/** Waits until the store has the code view's text and returns it parsed. */
async function definition(code) {
  return JSON.parse(await code.text());
}

test('a selected state is edited through its forms, and undo and redo walk every step', async (t) => {
  const { page, errors, code } = await studio(t);
  await page.click('[data-testid="graph"] [data-state="LogMetric"]');
  await page.click('[data-testid="tab-inspector"]');
  await page.waitForSelector('[data-testid="inspector-state"]');
  assert.equal(await page.inputValue('[data-testid="inspector-name"]'), 'LogMetric');
  assert.match(await page.textContent('[data-testid="inspector-state"] .insp-name'), /Task state · JSONPath/);
  // The form shows the fields as written: the Resource, and ResultPath null (discard).
  assert.equal(await page.inputValue('[data-testid="inspector"] [data-field="Resource"] input'), 'arn:aws:states:::aws-sdk:cloudwatch:putMetricData');
  assert.equal(await page.inputValue('[data-testid="inspector"] [data-field="ResultPath"] input').catch(() => null), null, 'ResultPath is on the Input/Output tab');
  const texts = [await code.text()];

  await typeInto(page, 'Comment', 'Counts completed levels');
  await page.waitForFunction(() => window.statelabEditor.getText().includes('Counts completed levels'));
  texts.push(await code.text());
  assert.equal(at(await definition(code), [...LOG_METRIC, 'Comment']), 'Counts completed levels');

  // A value that does not fit is refused with the reason; the text stays as it was.
  await typeInto(page, 'TimeoutSeconds', 'ten');
  const refusal = page.locator('[data-testid="inspector"] [data-field="TimeoutSeconds"] .insp-error');
  assert.match(await refusal.textContent(), /TimeoutSeconds takes a whole number/);
  assert.equal(await page.inputValue('[data-testid="inspector"] [data-field="TimeoutSeconds"] input'), 'ten', 'what was typed stays');
  assert.equal(await code.text(), texts[1]);
  await typeInto(page, 'TimeoutSeconds', '30');
  await page.waitForFunction(() => window.statelabEditor.getText().includes('"TimeoutSeconds": 30'));
  assert.equal(await refusal.count(), 0);
  texts.push(await code.text());

  await page.click('[data-testid="inspector-tab-io"]');
  assert.equal(await page.inputValue('[data-testid="inspector"] [data-field="ResultPath"] input'), 'null');
  await typeInto(page, 'ResultPath', '$.metric');
  await page.waitForFunction(() => window.statelabEditor.getText().includes('"ResultPath": "$.metric"'));
  texts.push(await code.text());

  await page.click('[data-testid="inspector-tab-errors"]');
  await page.click('[data-testid="inspector-add-retrier"]');
  await page.waitForSelector('[data-testid="inspector-retriers"] fieldset');
  texts.push(await code.text());
  assert.deepEqual(at(await definition(code), [...LOG_METRIC, 'Retry', 0, 'ErrorEquals']), ['States.ALL']);
  await typeInto(page, 'MaxAttempts', '5', '[data-testid="inspector-retriers"] fieldset');
  await page.waitForFunction(() => window.statelabEditor.getText().includes('"MaxAttempts": 5'));
  texts.push(await code.text());

  // Renaming follows every reference; the selection follows the state.
  await page.fill('[data-testid="inspector-name"]', 'LogLevelMetric');
  await page.keyboard.press('Tab');
  await page.waitForSelector('[data-testid="graph"] [data-state="LogLevelMetric"]');
  texts.push(await code.text());
  const renamed = await definition(code);
  const branch = at(renamed, ['States', 'Housekeeping', 'Branches', 2]);
  assert.equal(branch.StartAt, 'LogLevelMetric');
  assert.deepEqual(Object.keys(branch.States), ['LogLevelMetric']);
  assert.equal(await page.inputValue('[data-testid="inspector-name"]'), 'LogLevelMetric');
  // Nothing in the result is wrong: the problems list for the state is empty.
  assert.equal(await page.locator('[data-testid="inspector-problems"] li').count(), 0);

  // Every byte outside the edited state is as it was.
  const before = texts[0];
  const after = texts.at(-1);
  const start = before.indexOf('"StartAt": "LogMetric"');
  assert.ok(start > 0);
  assert.equal(after.slice(0, start), before.slice(0, start));
  const tail = before.slice(before.indexOf('\n          }\n        }\n      ]'));
  assert.ok(after.endsWith(tail), 'the text after the branch is untouched');

  // Undo (Ctrl+Z outside the text) walks back through every step, redo forward again.
  await page.click('[data-testid="graph"]', { position: { x: 5, y: 5 } });
  for (let i = texts.length - 2; i >= 0; i--) {
    await page.keyboard.press('Control+Z');
    await page.waitForFunction((t) => window.statelabEditor.getText() === t, texts[i]);
  }
  assert.equal(await code.text(), EXAMPLE_TEXT, 'undo reaches the example byte for byte');
  for (let i = 1; i < texts.length; i++) {
    await page.keyboard.press('Control+Shift+Z');
    await page.waitForFunction((t) => window.statelabEditor.getText() === t, texts[i]);
  }
  assert.deepEqual(errors, []);
});

test('the Choice rule builder changes a rule\'s operator and operand; rules are added and removed', async (t) => {
  const { page, code } = await studio(t);
  await page.click('[data-testid="graph"] [data-state="LevelOrGame"]');
  await page.click('[data-testid="tab-inspector"]');
  const rules = page.locator('[data-testid="inspector-rules"] fieldset');
  await rules.first().waitFor();
  assert.equal(await rules.count(), 1, 'the example has one rule');
  const first = '[data-testid="inspector-rules"] fieldset >> nth=0';
  assert.equal(await page.locator(`${first} >> [data-field="Operator"] select`).inputValue(), 'BooleanEquals');
  await page.locator(`${first} >> [data-field="Operator"] select`).selectOption('IsPresent');
  await page.waitForFunction(() => window.statelabEditor.getText().includes('"IsPresent": true'));
  const rule = at(await definition(code), ['States', 'Housekeeping', 'Branches', 1, 'States', 'LevelOrGame', 'Choices', 0]);
  assert.deepEqual(rule, { Variable: '$.gameCompleted', IsPresent: true, Next: 'UpdateCompletedGame' });
  // An operand that does not fit the operator is refused.
  await page.locator(`${first} >> [data-field="Operator"] select`).selectOption('NumericGreaterThan');
  assert.match(await page.locator(`${first} >> .insp-error`).textContent(), /compares with a number/);
  await page.locator(`${first} >> [data-field="Operand"] textarea`).fill('3');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => window.statelabEditor.getText().includes('"NumericGreaterThan": 3'));

  await page.click('[data-testid="inspector-add-rule"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="inspector-rules"] fieldset').length === 2);
  await typeInto(page, 'Next', 'UpdateCompletedLevel', '[data-testid="inspector-rules"] fieldset:nth-of-type(2)');
  await page.waitForFunction(() => JSON.parse(window.statelabEditor.getText()).States.Housekeeping.Branches[1].States.LevelOrGame.Choices[1]?.Next === 'UpdateCompletedLevel');
  await page.click('[data-testid="inspector-rules"] fieldset >> nth=1 >> .insp-remove');
  await page.waitForFunction(() => JSON.parse(window.statelabEditor.getText()).States.Housekeeping.Branches[1].States.LevelOrGame.Choices.length === 1);
});

test('with no state selected, the inspector edits the workflow settings', async (t) => {
  const { page, code } = await studio(t);
  await page.click('[data-testid="tab-inspector"]');
  await page.waitForSelector('[data-testid="inspector-workflow"]');
  assert.match(await page.inputValue('[data-testid="inspector-workflow"] [data-field="Comment"] input'), /^Housekeeping when a player/);
  await typeInto(page, 'TimeoutSeconds', '3600', '[data-testid="inspector-workflow"]');
  await page.waitForFunction(() => JSON.parse(window.statelabEditor.getText()).TimeoutSeconds === 3600);
  await page.locator('[data-testid="inspector-workflow"] [data-field="QueryLanguage"] select').selectOption('JSONata');
  await page.waitForFunction(() => JSON.parse(window.statelabEditor.getText()).QueryLanguage === 'JSONata');
  // The JSONPath fields of the example are now problems the code view and the list report.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="problems-count"]')?.textContent) > 0);
  const value = await definition(code);
  assert.equal(value.StartAt, 'Housekeeping');
});
