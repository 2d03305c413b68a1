// Editing the graph without a pointer (issue 7): the action registry's keys insert after the
// selection, move a state to a position chosen from a list, connect and reconnect a
// transition (a Choice's rule or Default, a Catch) to a state chosen from a list; and the
// context menu (right click, Shift+F10) lists the registry's actions for a state, an edge
// or the empty canvas, with their shortcuts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { studioSuite } from '../support/suite.mjs';
import { openStudio } from '../support/studio.mjs';

const suite = studioSuite();

const studio = (t, definition) => openStudio(t, suite, definition);


const selectedName = (page) =>
  page.evaluate(() => document.querySelector('[data-testid="graph"] [data-state].selected')?.getAttribute('data-state') ?? null);

/**
 * Selects `name` with the keyboard: Escape clears the selection, the first Arrow Down
 * selects the machine's start, the next ones walk down the flow.
 */
async function arrowTo(page, name) {
  await page.focus('[data-testid="graph"]');
  await page.keyboard.press('Escape');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('ArrowDown');
    if ((await selectedName(page)) === name) return;
  }
  assert.fail(`Arrow Down never reached ${name}`);
}

/** In an open chooser with the focus on its first option, walks down to `value` and presses Enter. */
async function chooseByArrows(page, value) {
  const values = await page.$$eval('[data-testid="chooser-option"]', (os) => os.map((o) => o.getAttribute('data-value')));
  const index = values.indexOf(value);
  assert.ok(index >= 0, `${value} is offered (${values.join(', ')})`);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-value')), value);
  await page.keyboard.press('Enter');
}

const menuItems = (page) =>
  page.$$eval('[data-testid="context-menu"] [role="menuitem"]', (items) => items.map((i) => i.getAttribute('data-testid').replace('context-', '')));

test('insert after the selection, move, connect and reconnect with the keyboard alone', async (t) => {
  const { page, errors, code } = await studio(t, {
    StartAt: 'A',
    States: {
      A: { Type: 'Pass', Next: 'B' },
      B: { Type: 'Pass', Next: 'C' },
      C: { Type: 'Pass', Next: 'Done' },
      Done: { Type: 'Succeed' },
    },
  });
  // The registry's shortcuts are listed in the Edit menu beside their labels.
  const shortcut = (name) => page.textContent(`[data-testid="action-${name}"] kbd`);
  assert.equal(await shortcut('insert-state'), 'I');
  assert.equal(await shortcut('move-state'), 'M');
  assert.equal(await shortcut('connect-state'), 'C');
  assert.equal(await shortcut('context-menu'), 'Shift+F10');

  // Arrow keys select A; I opens the states list, typing narrows it, Enter inserts after A.
  await arrowTo(page, 'A');
  await page.keyboard.press('i');
  await page.waitForSelector('[data-testid="chooser"][data-kind="insert"]');
  assert.match(await page.textContent('#chooser-title'), /Between A and B/);
  await page.keyboard.type('wait');
  let def = await code.change(() => page.keyboard.press('Enter'));
  assert.equal(def.States.A.Next, 'Wait');
  assert.equal(def.States.Wait.Type, 'Wait');
  assert.equal(def.States.Wait.Next, 'B');
  assert.equal(await page.locator('[data-testid="chooser"]').count(), 0);

  // M on C lists where it can go, in words; C moves between A and Wait, B leads to Done.
  await arrowTo(page, 'C');
  await page.keyboard.press('m');
  await page.waitForSelector('[data-testid="chooser"][data-kind="move"]');
  const places = await page.$$eval('[data-testid="chooser-option"]', (os) => os.map((o) => o.textContent));
  assert.ok(places.includes('Between A and Wait'), places.join(' | '));
  assert.ok(!places.includes('Between B and C'), 'not where it is already');
  await page.keyboard.type('between a and');
  def = await code.change(() => page.keyboard.press('Enter'));
  assert.equal(def.States.A.Next, 'C');
  assert.equal(def.States.C.Next, 'Wait');
  assert.equal(def.States.B.Next, 'Done');

  // C on Wait connects its Next to a state chosen from its scope's: Done, skipping B.
  await arrowTo(page, 'Wait');
  await page.keyboard.press('c');
  await page.waitForSelector('[data-testid="chooser"][data-kind="connect"]');
  assert.deepEqual(await page.$$eval('[data-testid="chooser-option"]', (os) => os.map((o) => o.getAttribute('data-value')).sort()), ['A', 'B', 'C', 'Done', 'Wait']);
  def = await code.change(() => chooseByArrows(page, 'Done'));
  assert.equal(def.States.Wait.Next, 'Done');
  assert.equal(await selectedName(page), 'Wait', 'the selection stays on the state');
  assert.deepEqual(errors, []);
});

test('connect picks a Choice rule, its Default or a Catch, and reconnects an edge from its context menu', async (t) => {
  const { page, errors, code, graph } = await studio(t, {
    StartAt: 'Check',
    States: {
      Check: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Work' }] },
      Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'] }], End: true },
      Oops: { Type: 'Fail', Error: 'Oops' },
      Skip: { Type: 'Pass', End: true },
    },
  });
  // The Choice's open way out (its Default) is offered first; the rule is one step away.
  await graph.select('Check');
  await page.keyboard.press('c');
  await page.waitForSelector('[data-testid="chooser"][data-kind="connect"]');
  const outlets = await page.$$eval('[data-testid="chooser-outlet"] option', (os) => os.map((o) => o.textContent));
  assert.deepEqual(outlets, ['Rule 1 ($.ok) — now Work', 'Default — no target yet', 'New rule']);
  assert.equal(await page.inputValue('[data-testid="chooser-outlet"]'), '1');
  let def = await code.change(() => chooseByArrows(page, 'Skip'));
  assert.equal(def.States.Check.Default, 'Skip');
  assert.equal(def.States.Check.Choices[0].Next, 'Work');

  // With every way out written, the Choice is offered a new rule, as a drop onto it adds.
  await graph.select('Check');
  await page.keyboard.press('c');
  await page.waitForSelector('[data-testid="chooser"][data-kind="connect"]');
  assert.equal(await page.$eval('[data-testid="chooser-outlet"]', (s) => s.selectedOptions[0].textContent), 'New rule');
  def = await code.change(() => chooseByArrows(page, 'Oops'));
  assert.equal(def.States.Check.Choices.length, 2);
  assert.equal(def.States.Check.Choices[0].Next, 'Work');
  assert.equal(def.States.Check.Choices[1].Next, 'Oops');
  assert.equal(def.States.Check.Default, 'Skip');

  // The catcher without a target is the one offered for the Task.
  await graph.select('Work');
  await page.keyboard.press('c');
  await page.waitForSelector('[data-testid="chooser"][data-kind="connect"]');
  assert.match(await page.$eval('[data-testid="chooser-outlet"]', (s) => s.selectedOptions[0].textContent), /^Catch 1 \(States\.ALL\)/);
  def = await code.change(() => chooseByArrows(page, 'Oops'));
  assert.equal(def.States.Work.Catch[0].Next, 'Oops');
  assert.equal(def.States.Work.End, true);
  // A new catcher beside the States.ALL one handles States.TaskFailed and goes first (ASL
  // allows States.ALL only in the last catcher).
  await graph.select('Work');
  await page.keyboard.press('c');
  await page.waitForSelector('[data-testid="chooser"][data-kind="connect"]');
  await page.selectOption('[data-testid="chooser-outlet"]', { label: 'New catcher (States.TaskFailed)' });
  await page.focus('[data-testid="chooser-option"]');
  def = await code.change(() => chooseByArrows(page, 'Skip'));
  assert.deepEqual(def.States.Work.Catch, [{ ErrorEquals: ['States.TaskFailed'], Next: 'Skip' }, { ErrorEquals: ['States.ALL'], Next: 'Oops' }]);

  // Right click on the rule's edge: the menu is for that transition; Connect to… reconnects it.
  const edge = await graph.edgeMiddle('Check', 'Work');
  await page.mouse.click(edge.x, edge.y, { button: 'right' });
  await page.waitForSelector('[data-testid="context-menu"]');
  assert.equal(await page.getAttribute('[data-testid="context-menu"]', 'data-on'), 'edge:/States/Check/Choices/0/Next');
  assert.deepEqual(await menuItems(page), ['insert-state', 'connect-state']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="chooser"][data-kind="connect"]');
  assert.equal(await page.locator('[data-testid="context-menu"]').count(), 0, 'the menu closes once an item is chosen');
  assert.match(await page.$eval('[data-testid="chooser-outlet"]', (s) => s.selectedOptions[0].textContent), /^Rule 1/);
  def = await code.change(() => chooseByArrows(page, 'Oops'));
  assert.equal(def.States.Check.Choices[0].Next, 'Oops');
  assert.deepEqual(errors, []);
});

test('the context menu lists the actions for a state, an edge or the canvas, from the pointer or Shift+F10', async (t) => {
  const { page, errors, code, graph } = await studio(t, {
    StartAt: 'A',
    States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } },
  });
  // Shift+F10 on the focused state: its actions, with the shortcuts shown.
  await arrowTo(page, 'B');
  await page.keyboard.press('Shift+F10');
  await page.waitForSelector('[data-testid="context-menu"]');
  assert.equal(await page.getAttribute('[data-testid="context-menu"]', 'data-on'), 'state:/States/B');
  assert.deepEqual(await menuItems(page), ['insert-state', 'move-state', 'connect-state', 'delete-states', 'copy-states', 'paste-states', 'duplicate-states']);
  assert.equal(await page.textContent('[data-testid="context-delete-states"] kbd'), 'Delete');
  assert.equal(await page.isDisabled('[data-testid="context-paste-states"]'), true, 'nothing copied yet');
  // Focus is in the menu; Escape closes it and gives the keys back to the graph.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'menuitem');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-testid="context-menu"]').count(), 0);

  // Right click on the state: Duplicate from the menu.
  const b = await graph.nodeCentre('B');
  await page.mouse.click(b.x, b.y, { button: 'right' });
  await page.waitForSelector('[data-testid="context-menu"]');
  let def = await code.change(() => page.click('[data-testid="context-duplicate-states"]'));
  assert.equal(Object.keys(def.States).length, 3);

  // Right click on the empty canvas: insert first in the machine, paste, undo and redo.
  await page.click('[data-testid="graph"]', { position: { x: 6, y: 6 }, button: 'right' });
  await page.waitForSelector('[data-testid="context-menu"]');
  assert.equal(await page.getAttribute('[data-testid="context-menu"]', 'data-on'), 'canvas');
  assert.deepEqual(await menuItems(page), ['insert-state', 'paste-states', 'undo', 'redo']);
  await page.click('[data-testid="context-insert-state"]');
  await page.waitForSelector('[data-testid="chooser"][data-kind="insert"]');
  assert.match(await page.textContent('#chooser-title'), /Start of the machine, before A/);
  await page.keyboard.type('pass');
  def = await code.change(() => page.keyboard.press('Enter'));
  assert.equal(def.States[def.StartAt].Type, 'Pass');
  assert.equal(def.States[def.StartAt].Next, 'A');
  assert.deepEqual(errors, []);
});
