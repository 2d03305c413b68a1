// Pointer-move handling while a node of a generated 500-state machine is dragged over the
// graph, in headless Chromium (a measurement, not a test). Goal: under 16 ms per move.
//
//   trunk build --release && node tests/e2e/bench/drag.bench.mjs [states] [moves]
//
// The press is a real pointer press on a node (it selects the node and starts the drag);
// the moves are dispatched inside the page so that each one is timed alone: the window's
// listeners (hit-testing the drawing for a drop spot), the reactive updates of the drop
// indicator and the label following the pointer, then a forced style and layout.
import { serveDist } from '../support/server.mjs';
import { launch, openPage } from '../support/browser.mjs';
import { generateMachine } from './machine.mjs';

const STATES = Number(process.argv[2] ?? 500);
const MOVES = Number(process.argv[3] ?? 300);

const server = await serveDist();
const browser = await launch();
try {
  const { page, errors } = await openPage(browser, server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await page.waitForFunction(() => typeof window.statelabEditor?.setText === 'function');
  const machine = generateMachine(STATES);
  await page.evaluate((text) => window.statelabEditor.setText(text, true), JSON.stringify(machine, null, 2));
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="graph"] [data-state]').length === n, STATES);

  const start = machine.StartAt;
  const node = page.locator(`[data-testid="graph"] [data-state="${start}"]`).first();
  const box = await node.boundingBox();
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.evaluate(() => {
    window.addEventListener('pointerdown', (e) => { window.benchPointerId = e.pointerId; }, { capture: true, once: true });
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();

  const result = await page.evaluate(async ([x0, y0, moves]) => {
    const svg = document.querySelector('[data-testid="graph"]');
    const r = svg.getBoundingClientRect();
    const turn = () => new Promise((done) => {
      const c = new MessageChannel();
      c.port1.onmessage = () => done();
      c.port2.postMessage(0);
    });
    const times = [];
    let landed = 0;
    for (let i = 0; i < moves; i++) {
      // A zig-zag across the graph pane, passing over boxes, edges and background.
      const x = r.left + ((x0 - r.left + i * 7) % r.width);
      const y = r.top + ((y0 - r.top + i * 13) % r.height);
      const t0 = performance.now();
      const target = document.elementFromPoint(x, y) ?? svg;
      target.dispatchEvent(new PointerEvent('pointermove', {
        bubbles: true, cancelable: true, clientX: x, clientY: y,
        pointerId: window.benchPointerId ?? 1, pointerType: 'mouse', isPrimary: true, buttons: 1,
      }));
      await turn();
      const shown = document.querySelector('[data-testid="drop-indicator"]');
      shown?.getBoundingClientRect();
      document.querySelector('[data-testid="drag-ghost"]')?.getBoundingClientRect();
      times.push(performance.now() - t0);
      if (shown) landed++;
    }
    return { times, landed };
  }, [from.x, from.y, MOVES]);
  await page.keyboard.press('Escape');
  await page.mouse.up();

  const sorted = [...result.times].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(2);
  const mean = (sorted.reduce((a, b) => a + b, 0) / sorted.length).toFixed(2);
  console.log(`drag a node over ${STATES} states, ${MOVES} pointer moves (${result.landed} over a drop spot):`
    + ` mean ${mean} ms, median ${q(0.5)} ms, p95 ${q(0.95)} ms, worst ${sorted.at(-1).toFixed(2)} ms per move`);
  const slow = result.times.map((t, i) => [i, t]).filter(([, t]) => t > 16);
  console.log(`${slow.length} moves over 16 ms: ${slow.map(([i, t]) => `#${i} ${t.toFixed(1)}`).join(', ')}`);
  if (errors.length) console.log('console errors:', errors);
} finally {
  await browser.close();
  await server.close();
}
