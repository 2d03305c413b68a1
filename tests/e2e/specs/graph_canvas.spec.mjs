// The graph canvas: every gallery machine drawn with the right nodes and edges, keyboard
// selection, pan/zoom/fit, the greyed last good graph, diagnostics marks, and no markup
// injection from definition content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { studioSuite } from '../support/suite.mjs';
import { openPage, artifactPath } from '../support/browser.mjs';
import { stateNames } from '../support/definitions.mjs';
import { expectedEdges, expectedMarkers, setDefinition, viewportTransform } from '../support/graph.mjs';

const EXAMPLES = new URL('../../../public/examples/', import.meta.url);
const GALLERY = readdirSync(EXAMPLES).filter((f) => f.endsWith('.asl.json')).sort();
const read = (file) => readFileSync(new URL(file, EXAMPLES), 'utf8');

const GRAPH = '[data-testid="graph"]';

const suite = studioSuite();

/** Waits until the canvas shows exactly `names` as states. */
async function waitForStates(page, names) {
  const want = JSON.stringify([...names].sort());
  await page.waitForFunction(
    ([sel, want]) => JSON.stringify([...document.querySelectorAll(sel)].map((n) => n.getAttribute('data-state')).sort()) === want,
    [`${GRAPH} [data-state]`, want],
  );
}

test('every gallery machine is drawn with one node per state and one edge per transition', async (t) => {
  assert.ok(GALLERY.length >= 6, 'the gallery has its six machines');
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  t.after(() => page.close());
  await page.waitForSelector(`${GRAPH} [data-state]`);
  for (const file of GALLERY) {
    const text = read(file);
    const machine = JSON.parse(text);
    await setDefinition(page, text);
    await waitForStates(page, stateNames(machine));
    const edges = await page.$$eval(`${GRAPH} [data-edge]`, (es) => es.map((e) => e.getAttribute('data-edge')));
    assert.deepEqual([...edges].sort(), expectedEdges(machine).sort(), `${file}: edges`);
    const markers = await page.$$eval(`${GRAPH} [data-marker]`, (ms) => ms.length);
    assert.equal(markers, expectedMarkers(machine), `${file}: Start/End markers`);
    // Every drawn edge has a path with an arrowhead.
    const arrows = await page.$$eval(`${GRAPH} [data-edge] path[marker-end]`, (ps) => ps.length);
    assert.equal(arrows, edges.length, `${file}: arrowheads`);
    // Names are never cut: each name's drawn text fits inside its box.
    const overflow = await page.$$eval(`${GRAPH} [data-state]`, (nodes) => nodes
      .filter((g) => {
        const shape = g.querySelector('.shape').getBBox();
        const name = g.querySelector('.name').getBBox();
        return name.width > shape.width + 0.5;
      })
      .map((g) => g.getAttribute('data-state')));
    assert.deepEqual(overflow, [], `${file}: names wider than their boxes`);
    await page.screenshot({ path: artifactPath(`graph-${file.replace('.asl.json', '')}.png`) });
  }
  assert.deepEqual(errors, []);
});

test('Parallel branches and Map processors are drawn as containers with lanes', async (t) => {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  t.after(() => page.close());
  await setDefinition(page, read('game-housekeeping.asl.json'));
  await page.waitForSelector(`${GRAPH} [data-state="Housekeeping"].container`);
  assert.equal(await page.$$eval(`${GRAPH} .lane-branch`, (l) => l.length), 3);
  await setDefinition(page, read('running-instances-map.asl.json'));
  await page.waitForSelector(`${GRAPH} [data-state="EachRegion"].container`);
  assert.equal(await page.$$eval(`${GRAPH} .lane-map`, (l) => l.length), 1);
  // The inner state is drawn inside its container's frame.
  const inside = await page.evaluate(() => {
    const box = (sel) => document.querySelector(sel).getBoundingClientRect();
    const outer = box('[data-state="EachRegion"] .shape');
    const inner = box('[data-state="GetRunningInstances"] .shape');
    return inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom;
  });
  assert.ok(inside, 'GetRunningInstances lies inside EachRegion');
  assert.deepEqual(errors, []);
});

test('arrow keys move the selection along edges and Enter selects the focused node', async (t) => {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  t.after(() => page.close());
  const machine = JSON.parse(read('job-poller.jsonata.asl.json'));
  await setDefinition(page, JSON.stringify(machine, null, 2));
  await waitForStates(page, stateNames(machine));
  const selected = () => page.$$eval(`${GRAPH} [data-state].selected`, (n) => n.map((g) => g.getAttribute('data-state')));
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-state') ?? null);

  // Nodes are labelled for screen readers with their name and type.
  assert.equal(await page.getAttribute(`${GRAPH} [data-state="WaitABit"]`, 'aria-label'), 'WaitABit, Wait');
  // Exactly one node is in the tab order: the start state.
  const stops = await page.$$eval(`${GRAPH} [data-state][tabindex="0"]`, (n) => n.map((g) => g.getAttribute('data-state')));
  assert.deepEqual(stops, ['StartJob']);

  await page.focus(`${GRAPH} [data-state="StartJob"]`);
  await page.keyboard.press('Enter');
  assert.deepEqual(await selected(), ['StartJob']);
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await selected(), ['WaitABit']);
  assert.equal(await focused(), 'WaitABit');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await selected(), ['IsDone']);
  // Down from the Choice follows its first rule; Right reaches the second rule's target.
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await selected(), ['Finished']);
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await selected(), ['GaveUp']);
  await page.keyboard.press('ArrowUp');
  assert.deepEqual(await selected(), ['IsDone']);
  // The selected node's edges are highlighted, and only those.
  const lit = await page.$$eval(`${GRAPH} [data-edge].selected`, (e) => e.map((x) => x.getAttribute('data-edge')).sort());
  assert.deepEqual(lit, ['GetStatus->IsDone', 'IsDone->Finished', 'IsDone->GaveUp', 'IsDone->WaitABit']);
  assert.equal(await page.getAttribute(`${GRAPH} [data-state="IsDone"]`, 'aria-pressed'), 'true');
  // A click selects too; Escape clears.
  await page.click(`${GRAPH} [data-state="GetStatus"]`);
  assert.deepEqual(await selected(), ['GetStatus']);
  await page.keyboard.press('Escape');
  assert.deepEqual(await selected(), []);
  assert.deepEqual(errors, []);
});

test('zoom buttons, the wheel, dragging and fit change the view transform', async (t) => {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  t.after(() => page.close());
  await page.waitForSelector(`${GRAPH} [data-state]`);
  const fitted = await viewportTransform(page);
  await page.click('[data-testid="zoom-in"]');
  const zoomed = await viewportTransform(page);
  assert.ok(Math.abs(zoomed.scale - fitted.scale * 1.25) < 1e-3, `zoom in: ${fitted.scale} -> ${zoomed.scale}`);
  await page.click('[data-testid="zoom-out"]');
  await page.click('[data-testid="zoom-out"]');
  assert.ok((await viewportTransform(page)).scale < fitted.scale);

  // Wheel up over the canvas zooms in about the cursor.
  const box = await page.locator(GRAPH).boundingBox();
  const before = await viewportTransform(page);
  await page.mouse.move(box.x + 40, box.y + 40);
  await page.mouse.wheel(0, -200);
  await page.waitForFunction((s) => {
    const t = document.querySelector('[data-testid="graph-viewport"]').getAttribute('transform');
    return Number(/scale\(([-\d.e]+)\)/.exec(t)[1]) > s;
  }, before.scale);

  // Dragging the background pans by the distance dragged.
  const start = await viewportTransform(page);
  await page.mouse.move(box.x + 10, box.y + box.height - 60);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + box.height - 30, { steps: 4 });
  await page.mouse.up();
  const dragged = await viewportTransform(page);
  assert.ok(Math.abs(dragged.tx - start.tx - 50) < 0.5 && Math.abs(dragged.ty - start.ty - 30) < 0.5,
    `pan: ${JSON.stringify(start)} -> ${JSON.stringify(dragged)}`);

  await page.click('[data-testid="zoom-fit"]');
  assert.deepEqual(await viewportTransform(page), fitted);
  assert.deepEqual(errors, []);
});

test('broken text keeps the last good graph, greyed, with a status line', async (t) => {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  t.after(() => page.close());
  const machine = JSON.parse(read('retry-and-fallback.asl.json'));
  await setDefinition(page, JSON.stringify(machine));
  await waitForStates(page, stateNames(machine));
  await setDefinition(page, '{"StartAt": "FirstStep", "States": {');
  await page.waitForSelector(`${GRAPH}.stale`);
  await page.waitForSelector('[data-testid="graph-stale"]');
  assert.deepEqual(
    (await page.$$eval(`${GRAPH} [data-state]`, (n) => n.map((g) => g.getAttribute('data-state')))).sort(),
    stateNames(machine).sort(),
  );
  await page.screenshot({ path: artifactPath('graph-stale.png') });
  await setDefinition(page, JSON.stringify(machine));
  await page.waitForSelector(`${GRAPH}:not(.stale)`);
  assert.equal(await page.$('[data-testid="graph-stale"]'), null);
  assert.deepEqual(errors, []);
});

test('states with problems carry a marker from the validator', async (t) => {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  t.after(() => page.close());
  await setDefinition(page, JSON.stringify({
    StartAt: 'A',
    States: {
      A: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'B' }] },
      B: { Type: 'Pass', Next: 'Nowhere' },
      C: { Type: 'Succeed' },
    },
  }));
  await waitForStates(page, ['A', 'B', 'C']);
  // A Choice with no Default is a warning; a Next naming no state is an error.
  await page.waitForSelector(`${GRAPH} [data-state="B"] .mark-error`);
  assert.ok(await page.$(`${GRAPH} [data-state="A"] .mark-warning`), 'A is marked with a warning');
  assert.equal(await page.$(`${GRAPH} [data-state="A"] .mark-error`), null);
  assert.match(await page.getAttribute(`${GRAPH} [data-state="B"]`, 'aria-label'), /\d+ error/);
  assert.match(await page.getAttribute(`${GRAPH} [data-state="A"]`, 'aria-label'), /1 warning/);
  assert.deepEqual(errors, []);
});

test('state names, comments and conditions render as text, never as markup', async (t) => {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  t.after(() => page.close());
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  const script = '<script>window.__xss = 1</script>';
  const img = '"><img src=x onerror="window.__xss = 2">';
  const svg = '</text><svg onload="window.__xss = 3"></svg>';
  const machine = {
    Comment: img,
    StartAt: script,
    States: {
      [script]: { Type: 'Task', Resource: `arn:aws:states:::${svg}:x`, Comment: script, Next: img },
      [img]: {
        Type: 'Choice',
        Comment: '<b onmouseover="window.__xss = 4">bold</b>',
        Choices: [{ Variable: '$.x', StringEquals: img, Next: svg }],
        Default: svg,
      },
      [svg]: { Type: 'Fail', Error: '<iframe src="javascript:window.__xss = 5">', Cause: img },
    },
  };
  const scriptsBefore = await page.$$eval('script', (s) => s.length);
  await setDefinition(page, JSON.stringify(machine, null, 2));
  await waitForStates(page, [script, img, svg]);
  await page.waitForTimeout(200);
  const found = await page.evaluate(() => ({
    injected: document.querySelectorAll('img, iframe, b, svg svg, [onerror], [onload], [onmouseover]').length,
    xss: window.__xss ?? null,
    names: [...document.querySelectorAll('[data-testid="graph"] [data-state] .name')].map((t) => t.textContent),
  }));
  assert.equal(found.injected, 0, 'no element was injected');
  assert.equal(found.xss, null, 'no injected script ran');
  assert.deepEqual([...found.names].sort(), [script, img, svg].sort(), 'names are shown as written');
  assert.equal(await page.$$eval('script', (s) => s.length), scriptsBefore, 'no script element was added');
  const edges = await page.$$eval(`${GRAPH} [data-edge]`, (e) => e.map((x) => x.getAttribute('data-edge')).sort());
  assert.deepEqual(edges, expectedEdges(machine).sort());
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
});
