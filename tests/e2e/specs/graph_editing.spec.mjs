// Editing the machine from the graph (issue 7): the states browser (search, drag onto an
// edge or a box with a drop indicator, Enter to insert), delete with its question, the
// selection of several states, copy/paste, duplicate, moving a node by dragging it, drops
// into empty branches and processors, and a gallery example rebuilt from a new document
// with the pointer, the keyboard and the inspector's inputs only, then run to its case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { studioSuite } from '../support/suite.mjs';
import { openStudio } from '../support/studio.mjs';
import { typeInto } from '../support/graph_edit.mjs';
import { runCase } from '../support/sim.mjs';

const suite = studioSuite();
const HOUSEKEEPING_CASE = JSON.parse(readFileSync(`${process.env.STATELAB_EXAMPLES ?? '/work/shared/examples/'}game-housekeeping.case.json`, 'utf8'));
const HOUSEKEEPING = JSON.parse(readFileSync(new URL('../../../public/examples/game-housekeeping.asl.json', import.meta.url), 'utf8'));

const studio = (t, definition) => openStudio(t, suite, definition);


const paletteIds = (page, group) =>
  page.$$eval(`[data-testid="palette-${group}"] [data-template]`, (els) => els.map((e) => e.getAttribute('data-template')));

test('the states browser searches, inserts with Enter and drops onto edges and boxes', async (t) => {
  const { page, errors, code, graph } = await studio(t, {
    StartAt: 'A',
    States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } },
  });
  // The flow states, then search narrowing to DynamoDB's three actions.
  assert.deepEqual(await paletteIds(page, 'flow'), ['Pass', 'Wait', 'Choice', 'Parallel', 'Map', 'Succeed', 'Fail']);
  await page.fill('[data-testid="palette-search"]', 'dynamodb');
  assert.deepEqual(await paletteIds(page, 'flow'), []);
  assert.deepEqual(await paletteIds(page, 'actions'), ['dynamodb-getitem', 'dynamodb-putitem', 'dynamodb-updateitem']);
  await page.fill('[data-testid="palette-search"]', 'no such state');
  await page.waitForSelector('[data-testid="palette-none"]');
  await page.fill('[data-testid="palette-search"]', '');

  // Keyboard: select A, focus Wait in the browser, Enter — Wait goes on A's way out.
  await graph.select('A');
  await page.focus('[data-testid="palette-item-Wait"]');
  let def = await code.change(() => page.keyboard.press('Enter'));
  assert.equal(def.States.A.Next, 'Wait');
  assert.equal(def.States.Wait.Type, 'Wait');
  assert.equal(def.States.Wait.Next, 'B');
  await page.waitForFunction(() => document.querySelector('[data-testid="graph"] [data-state="Wait"].selected'));

  // With nothing selected, Enter inserts first in the machine.
  await graph.focusBackground();
  await page.keyboard.press('Escape');
  await page.focus('[data-testid="palette-item-Pass"]');
  def = await code.change(() => page.keyboard.press('Enter'));
  assert.equal(def.StartAt, 'Pass');
  assert.equal(def.States.Pass.Next, 'A');

  // Pointer: the indicator names the edge before release; the drop splits it.
  const edge = await graph.edgeMiddle('Wait', 'B');
  let shown;
  def = await code.change(async () => { shown = await graph.dropTemplate('sns-publish', edge); });
  assert.equal(shown, 'edge:/States/Wait/Next');
  const sns = def.States.Wait.Next;
  assert.notEqual(sns, 'B');
  assert.equal(def.States[sns].Resource, 'arn:aws:states:::sns:publish');
  assert.equal(def.States[sns].Next, 'B');
  assert.equal(await page.locator('[data-testid="drop-indicator"]').count(), 0, 'the indicator goes with the drag');

  // Onto a terminal state's box: the new state comes after it and ends the machine.
  const textBefore = await code.text();
  def = await code.change(async () => { shown = await graph.dropTemplate('Succeed', await graph.nodeCentre('B')); });
  assert.equal(shown, 'after:/States/B');
  assert.equal(def.States.B.End, undefined);
  assert.equal(def.States[def.States.B.Next].Type, 'Succeed');

  // A drag released over nothing changes nothing.
  const now = await code.text();
  assert.equal(await graph.dropTemplate('Pass', { x: 5, y: 300 }), null);
  assert.equal(await code.text(), now);

  // One undo takes the drop back.
  await graph.focusBackground();
  await page.keyboard.press('Control+Z');
  await page.waitForFunction((t) => window.statelabEditor.getText() === t, textBefore);
  assert.deepEqual(errors, []);
});

test('delete asks where dangling transitions go; several states are copied, pasted and duplicated', async (t) => {
  const { page, errors, code, graph } = await studio(t, {
    StartAt: 'A',
    States: {
      A: { Type: 'Pass', Next: 'C' },
      C: { Type: 'Choice', Choices: [{ Variable: '$.x', BooleanEquals: true, Next: 'X' }], Default: 'Y' },
      X: { Type: 'Pass', Next: 'Z' },
      Y: { Type: 'Pass', Next: 'Z' },
      Z: { Type: 'Succeed' },
    },
  });
  // C leads two ways: deleting it asks which one A now takes. The question is a labelled
  // dialog that takes focus; Escape cancels it and leaves the document as it was.
  const untouched = await page.evaluate(() => window.statelabEditor.getText());
  await graph.select('C');
  await page.keyboard.press('Delete');
  await page.waitForSelector('[data-testid="questions"]');
  assert.equal(await page.getAttribute('[data-testid="questions"]', 'role'), 'dialog');
  assert.equal(await page.textContent('#questions-title'), 'Where should these transitions lead?');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'question-0-target');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="questions"]', { state: 'detached' });
  assert.equal(await page.evaluate(() => window.statelabEditor.getText()), untouched);
  await graph.select('C');
  await page.keyboard.press('Delete');
  await page.waitForSelector('[data-testid="questions"]');
  const options = await page.$$eval('[data-testid="question-0-target"] option', (os) => os.map((o) => o.value).sort());
  assert.deepEqual(options, ['X', 'Y']);
  await page.selectOption('[data-testid="question-0-target"]', 'Y');
  let def = await code.change(() => page.click('[data-testid="questions-apply"]'));
  assert.equal(def.States.C, undefined);
  assert.equal(def.States.A.Next, 'Y');
  assert.equal(await page.locator('[data-testid="questions"]').count(), 0);

  // Shift-click adds to the selection; Ctrl+C copies both, Ctrl+V pastes them after A.
  await graph.select('X');
  await graph.select('Y', ['Shift']);
  assert.deepEqual(await graph.selected(), ['X', 'Y']);
  await page.keyboard.press('Control+C');
  await graph.select('A');
  def = await code.change(() => page.keyboard.press('Control+V'));
  const names = Object.keys(def.States);
  assert.equal(names.length, 6);
  const pasted = names.filter((n) => !['A', 'X', 'Y', 'Z'].includes(n));
  assert.equal(pasted.length, 2);
  assert.ok(pasted.includes(def.States.A.Next), 'A leads into the pasted states');
  for (const n of pasted) assert.equal(def.States[n].Type, 'Pass');

  // Ctrl+D duplicates the selected state beside itself.
  await graph.select('Z');
  def = await code.change(() => page.keyboard.press('Control+D'));
  const copies = Object.entries(def.States).filter(([n, s]) => n !== 'Z' && s.Type === 'Succeed');
  assert.equal(copies.length, 1);

  // Backspace deletes too.
  await graph.select(copies[0][0]);
  def = await code.change(() => page.keyboard.press('Backspace'));
  assert.equal(Object.values(def.States).filter((s) => s.Type === 'Succeed').length, 1);
  assert.deepEqual(errors, []);
});

test('dragging a node onto an edge moves it there, rewiring both places', async (t) => {
  const { page, errors, code, graph } = await studio(t, {
    StartAt: 'A',
    States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'C' }, C: { Type: 'Pass', End: true } },
  });
  const target = await graph.edgeMiddle('Start', 'A');
  let shown;
  const def = await code.change(async () => { shown = await graph.dragTo(await graph.nodeCentre('C'), target); });
  assert.equal(shown, 'edge:/StartAt');
  assert.equal(def.StartAt, 'C');
  assert.equal(def.States.C.Next, 'A');
  assert.equal(def.States.A.Next, 'B');
  assert.equal(def.States.B.End, true);
  assert.equal(def.States.B.Next, undefined);
  assert.deepEqual(errors, []);
});

test('dragging from a node\'s handle connects it; dragging an edge reconnects its end', async (t) => {
  const { page, errors, code, graph } = await studio(t, {
    StartAt: 'A',
    States: {
      A: { Type: 'Pass', Next: 'B' },
      B: { Type: 'Pass', End: true },
      C: { Type: 'Pass', End: true },
    },
  });
  // B ends; its handle dragged onto C makes C its next state.
  await graph.select('B');
  const handle = page.locator('[data-testid="connect-handle"]');
  await handle.waitFor();
  let shown;
  let def = await code.change(async () => { shown = await graph.dragTo(handle, await graph.nodeCentre('C')); });
  assert.equal(shown, 'onto:/States/C');
  assert.equal(def.States.B.Next, 'C');
  assert.equal(def.States.B.End, undefined);

  // The edge A->B picked up and dropped on C: A now leads to C.
  const edge = await graph.edgeMiddle('A', 'B');
  def = await code.change(async () => { shown = await graph.dragTo(edge, await graph.nodeCentre('C')); });
  assert.equal(shown, 'onto:/States/C');
  assert.equal(def.States.A.Next, 'C');
  assert.deepEqual(errors, []);
});

test('an empty branch and an empty Map processor are boxes to drop into; a branch\'s last state takes one after it', async (t) => {
  const { page, errors, code, graph } = await studio(t, {
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        Next: 'M',
        Branches: [
          { StartAt: 'X', States: { X: { Type: 'Pass', End: true } } },
          { StartAt: '', States: {} },
        ],
      },
      M: { Type: 'Map', End: true, ItemProcessor: { StartAt: '', States: {} } },
    },
  });
  const lane = async (pointer) => {
    const rect = page.locator(`[data-testid="graph"] [data-lane="${pointer}"].lane-empty rect`);
    const box = await rect.boundingBox();
    assert.ok(box && box.width > 40 && box.height > 20, `${pointer} is drawn as a box`);
    assert.match(await page.textContent(`[data-testid="graph"] [data-lane="${pointer}"] .lane-hint`), /Drop a state here/);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  let shown;
  let def = await code.change(async () => { shown = await graph.dropTemplate('Wait', await lane('/States/P/Branches/1')); });
  assert.equal(shown, 'start:/States/P/Branches/1');
  assert.equal(def.States.P.Branches[1].StartAt, 'Wait');
  assert.deepEqual(Object.keys(def.States.P.Branches[1].States), ['Wait']);
  assert.equal(def.States.P.Branches[1].States.Wait.Type, 'Wait');
  assert.equal(def.States.P.Branches[1].States.Wait.End, true);
  assert.equal(await page.locator('[data-testid="graph"] [data-lane="/States/P/Branches/1"].lane-empty').count(), 0, 'the lane holds a state now');

  def = await code.change(async () => { shown = await graph.dropTemplate('lambda-invoke', await lane('/States/M/ItemProcessor')); });
  assert.equal(shown, 'start:/States/M/ItemProcessor');
  const processor = def.States.M.ItemProcessor;
  assert.equal(Object.keys(processor.States).length, 1);
  assert.equal(processor.States[processor.StartAt].Resource, 'arn:aws:states:::lambda:invoke');
  assert.equal(processor.States[processor.StartAt].End, true);

  // X ends its branch (no edge to drop on): its box takes the state after it.
  def = await code.change(async () => { shown = await graph.dropTemplate('Pass', await graph.nodeCentre('X')); });
  assert.equal(shown, 'after:/States/P/Branches/0/States/X');
  const branch = def.States.P.Branches[0];
  assert.equal(branch.States.X.End, undefined);
  assert.equal(branch.States[branch.States.X.Next].End, true);
  assert.deepEqual(errors, []);
});

test('game-housekeeping is rebuilt from a new document with pointer, keyboard and the inspector; undo and redo walk every step', async (t) => {
  const { page, errors, code, graph } = await studio(t);
  await page.click('[data-testid="menu-import"] summary');
  await page.click('[data-testid="action-new"]');
  await page.waitForFunction(() => window.statelabEditor.getText().includes('A new state machine'));
  await page.waitForSelector('[data-testid="graph"] [data-state="Start"]');
  await page.click('[data-testid="tab-inspector"]');
  const texts = [await code.text()];
  const step = async (act) => {
    const def = await code.change(act);
    texts.push(await code.text());
    return def;
  };
  const field = (key, text, scope) => step(() => typeInto(page, key, text, scope));
  const rename = (name) => step(async () => {
    await page.fill('[data-testid="inspector-name"]', name);
    await page.keyboard.press('Tab');
  });
  const enter = (template) => step(async () => {
    await page.focus(`[data-testid="palette-item-${template}"]`);
    await page.keyboard.press('Enter');
  });

  // An empty machine: the new document's one state deleted.
  await graph.select('Start');
  let def = await step(() => page.keyboard.press('Delete'));
  assert.deepEqual(def.States, {});
  await field('Comment', HOUSEKEEPING.Comment, '[data-testid="inspector-workflow"]');

  await enter('Parallel');
  await rename('Housekeeping');
  await step(() => page.click('[data-testid="inspector-add-branch"]'));
  await step(() => page.click('[data-testid="inspector-add-branch"]'));

  // Each branch is filled by dropping onto the Parallel: its first empty branch.
  let shown;
  await step(async () => { shown = await graph.dropTemplate('lambda-invoke', await graph.containerHeader('Housekeeping')); });
  assert.equal(shown, 'start:/States/Housekeeping/Branches/0');
  await rename('GenerateLevelReport');
  await field('Parameters', '{"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:GenerateLevelReport", "Payload.$": "$"}');
  await field('ResultSelector', '{"report.$": "$.Payload"}');

  await step(async () => { shown = await graph.dropTemplate('Choice', await graph.containerHeader('Housekeeping')); });
  assert.equal(shown, 'start:/States/Housekeeping/Branches/1');
  await rename('LevelOrGame');
  await field('Variable', '$.gameCompleted', '[data-testid="inspector-rules"] fieldset');
  // With the Choice selected, Enter fills its rule's open way out, then its Default.
  await enter('dynamodb-putitem');
  await rename('UpdateCompletedGame');
  await field('Parameters', '{"TableName": "CompletedGame", "Item": {"playerId": {"S.$": "$.playerId"}}}');
  await field('ResultPath', 'null');
  await graph.select('LevelOrGame');
  await enter('dynamodb-putitem');
  await rename('UpdateCompletedLevel');
  await field('Parameters', '{"TableName": "CompletedLevel", "Item": {"playerId": {"S.$": "$.playerId"}, "level": {"N.$": "States.Format(\'{}\', $.level)"}}}');
  await field('ResultPath', 'null');

  await step(async () => { shown = await graph.dropTemplate('aws-sdk', await graph.containerHeader('Housekeeping')); });
  assert.equal(shown, 'start:/States/Housekeeping/Branches/2');
  await rename('LogMetric');
  await field('Resource', 'arn:aws:states:::aws-sdk:cloudwatch:putMetricData');
  await field('Parameters', '{"Namespace": "Game", "MetricData": [{"MetricName": "LevelCompleted", "Value": 1}]}');
  await field('ResultPath', 'null');

  const header = await graph.containerHeader('Housekeeping');
  await page.mouse.click(header.x, header.y);
  def = await field('ResultSelector', '{"report.$": "$[0].report", "player.$": "$[1].playerId"}');

  // The same machine as the gallery's, and valid.
  assert.deepStrictEqual(def, HOUSEKEEPING);
  await page.click('[data-testid="tab-definition"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="problems-count"]')?.textContent.trim() === '0');

  // Undo back to the new document through every intermediate text, then redo to the end.
  await graph.focusBackground();
  for (let i = texts.length - 2; i >= 0; i--) {
    await page.keyboard.press('Control+Z');
    await page.waitForFunction((t) => window.statelabEditor.getText() === t, texts[i]);
  }
  for (let i = 1; i < texts.length; i++) {
    await page.keyboard.press('Control+Shift+Z');
    await page.waitForFunction((t) => window.statelabEditor.getText() === t, texts[i]);
  }
  assert.deepStrictEqual(JSON.parse(await code.text()), HOUSEKEEPING);

  // The rebuilt machine runs in the Simulate tab to the example case's result.
  await runCase(page, HOUSEKEEPING_CASE, 'game-housekeeping.case.json');
  assert.deepEqual(errors, []);
});
