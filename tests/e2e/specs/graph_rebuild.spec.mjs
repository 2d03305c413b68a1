// The bars of issue 7 that a whole session meets: retry-and-fallback rebuilt from a new
// document with the keyboard, the pointer and the inspector's inputs only (no JSON typed
// in the code view), equal to the shared example, valid, and run in the Simulate tab to
// each of the example's cases; and an edit of one state of a large pasted definition
// that leaves every other byte of the text as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { studioSuite } from '../support/suite.mjs';
import { openStudio } from '../support/studio.mjs';
import { closingBracket } from '../support/definitions.mjs';
import { pasteOnPage } from '../support/io.mjs';
import { typeInto } from '../support/graph_edit.mjs';
import { runCase } from '../support/sim.mjs';
import { generateMachine } from '../bench/machine.mjs';

const suite = studioSuite();
const EXAMPLES = process.env.STATELAB_EXAMPLES ?? '/work/shared/examples/';
const example = (file) => JSON.parse(readFileSync(`${EXAMPLES}${file}`, 'utf8'));

const studio = (t) => openStudio(t, suite);


test('retry-and-fallback is rebuilt from New with keys, pointer and inspector, and runs to both cases\' results', async (t) => {
  const { page, errors, code } = await studio(t);
  const RETRY = example('retry-and-fallback.asl.json');
  await page.click('[data-testid="menu-import"] summary');
  await page.click('[data-testid="action-new"]');
  await page.waitForFunction(() => window.statelabEditor.getText().includes('A new state machine'));
  await page.waitForSelector('[data-testid="graph"] [data-state="Start"]');
  await page.click('[data-testid="tab-inspector"]');
  const field = (key, text, scope) => code.change(() => typeInto(page, key, text, scope));
  const rename = (name) => code.change(async () => {
    await page.fill('[data-testid="inspector-name"]', name);
    await page.keyboard.press('Tab');
  });
  /** I (the registry's "Insert state…") on the graph, the states list narrowed by typing, Enter. */
  const insert = (words) => code.change(async () => {
    await page.focus('[data-testid="graph"]');
    await page.keyboard.press('i');
    await page.waitForSelector('[data-testid="chooser"][data-kind="insert"]');
    await page.keyboard.type(words);
    await page.keyboard.press('Enter');
  });
  const select = async (name) => {
    await page.click(`[data-testid="graph"] [data-state="${name}"]`);
    await page.waitForFunction((n) => document.querySelector('[data-testid="inspector-name"]')?.value === n, name);
  };

  // The new document's one state goes; the machine is described.
  await select('Start');
  let def = await code.change(() => page.keyboard.press('Delete'));
  assert.deepEqual(def.States, {});
  await field('Comment', RETRY.Comment, '[data-testid="inspector-workflow"]');

  // FirstStep: a Lambda function called by its ARN, retried, its failures caught.
  await insert('lambda invoke');
  await rename('FirstStep');
  await field('Resource', RETRY.States.FirstStep.Resource);
  def = await field('Parameters', '');
  assert.equal(def.States.FirstStep.Parameters, undefined);
  await page.click('[data-testid="inspector-tab-errors"]');
  await code.change(() => page.click('[data-testid="inspector-add-retrier"]'));
  const retrier = '[data-testid="inspector-retriers"] fieldset';
  await field('ErrorEquals', 'States.TaskFailed', retrier);
  await field('IntervalSeconds', '5', retrier);
  await code.change(() => page.click('[data-testid="inspector-add-catcher"]'));
  def = await field('ResultPath', '$.error', '[data-testid="inspector-catchers"] fieldset');
  assert.deepEqual(def.States.FirstStep.Catch, [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error' }]);

  // With FirstStep selected, I inserts on its open way out: the catcher's Next.
  def = await insert('fail');
  const fallback = def.States.FirstStep.Catch[0].Next;
  assert.equal(def.States[fallback].Type, 'Fail');
  await rename('FallbackStep');
  await field('Error', RETRY.States.FallbackStep.Error);
  await field('Cause', RETRY.States.FallbackStep.Cause);

  // Then after FirstStep: the Succeed its Next leads to.
  await select('FirstStep');
  def = await insert('succeed');
  assert.equal(def.States[def.States.FirstStep.Next].Type, 'Succeed');
  await rename('SecondStep');

  // The same machine as the shared example, and valid.
  assert.deepStrictEqual(JSON.parse(await code.text()), RETRY);
  await page.click('[data-testid="tab-definition"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="problems-count"]')?.textContent.trim() === '0');

  // Each of the example's cases runs in the Simulate tab to its expected result.
  for (const file of ['retry-and-fallback.recovers.case.json', 'retry-and-fallback.gives-up.case.json']) {
    await runCase(page, example(file), file);
  }
  assert.deepEqual(errors, []);
});

/**
 * A large definition written the way people write JSON by hand: a tab-indented key here,
 * no space after a colon there, numbers as `2.0` and `1e1`, escapes in strings.
 */
function handWritten(states) {
  const text = JSON.stringify(generateMachine(states), null, 2)
    .replace('{\n', '{\n  "Comment": "A large machine \\u00e9 \\/ sized 1e1",\n  "TimeoutSeconds": 3.6e3,\n')
    .replace(/\n {4}"(Step\d+_1)": \{/g, '\n\t\t"$1" : {')
    .replace(/"Resource": "/g, '"Resource":"');
  return `${text}\n`;
}

test('editing one state of a large pasted definition leaves every other byte of the text unchanged', async (t) => {
  const { page, errors, code } = await studio(t);
  const text = handWritten(400);
  const machine = JSON.parse(text);
  assert.ok(Object.keys(machine.States).length >= 200, 'a large machine');
  assert.ok(text.includes('\t\t"Step') && text.includes('"Resource":"'), 'hand-written spacing');
  await pasteOnPage(page, text);
  await page.waitForFunction((t) => window.statelabEditor.getText() === t, text);

  // A Task in the middle of the text, selected by putting the cursor in its name.
  const names = Object.keys(machine.States).filter((n) => machine.States[n].Type === 'Task');
  const name = names[Math.floor(names.length / 2)];
  const key = text.indexOf(`"${name}": {`);
  assert.ok(key > text.length / 4, 'the state is in the middle of the text');
  await code.clickAt(key + 2);
  await page.click('[data-testid="tab-inspector"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="inspector-name"]')?.value === n, name);

  await code.change(() => typeInto(page, 'Comment', 'Checked by hand'));
  await code.change(() => typeInto(page, 'TimeoutSeconds', '45'));
  const after = await code.text();

  // Only the state's own object differs: the text before its key and after its closing
  // brace is the same, byte for byte.
  const value = JSON.parse(after).States[name];
  assert.equal(value.Comment, 'Checked by hand');
  assert.equal(value.TimeoutSeconds, 45);
  const end = closingBracket(text, text.indexOf('{', key));
  assert.equal(after.slice(0, key), text.slice(0, key), 'everything before the state');
  assert.ok(after.endsWith(text.slice(end)), 'everything after the state');
  const { Comment, TimeoutSeconds, ...rest } = value;
  assert.deepStrictEqual(rest, machine.States[name], 'the state\'s other fields are as they were');
  assert.deepEqual(errors, []);
});

