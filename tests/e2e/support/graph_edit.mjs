// Page object for editing the machine from the graph (issue 7): the states browser, drags
// onto edges and boxes with the drop indicator, selection, and the inspector's fields.

export class GraphEditor {
  constructor(page) {
    this.page = page;
  }

  /** The centre of the node drawing state `name`, in page coordinates. */
  async nodeCentre(name) {
    const box = await this.page.locator(`[data-testid="graph"] [data-state="${name}"] .shape`).first().boundingBox();
    if (!box) throw new Error(`no node ${name}`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** The header strip of a Parallel or Map (inside its box, above its lanes). */
  async containerHeader(name) {
    const box = await this.page.locator(`[data-testid="graph"] [data-state="${name}"] .shape`).first().boundingBox();
    return { x: box.x + 10, y: box.y + 8 };
  }

  /** The middle of the drawn edge `from->to` (along its path), in page coordinates. */
  async edgeMiddle(from, to) {
    return this.page.evaluate(([key]) => {
      const path = [...document.querySelectorAll('[data-testid="graph"] [data-edge]')]
        .find((e) => e.getAttribute('data-edge') === key)?.querySelector('path');
      if (!path) throw new Error(`no edge ${key}`);
      const p = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM();
      return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
    }, [`${from}->${to}`]);
  }

  /**
   * Presses on `source` (a locator or a point), moves in steps to `target` (a point) and,
   * before releasing, returns what the drop indicator says (`data-position`) there.
   */
  async dragTo(source, target, { release = true } = {}) {
    const start = typeof source.boundingBox === 'function'
      ? await source.boundingBox().then((b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 }))
      : source;
    const mouse = this.page.mouse;
    await mouse.move(start.x, start.y);
    await mouse.down();
    for (let i = 1; i <= 8; i++) {
      await mouse.move(start.x + ((target.x - start.x) * i) / 8, start.y + ((target.y - start.y) * i) / 8);
    }
    const indicator = this.page.locator('[data-testid="graph"] [data-testid="drop-indicator"]');
    const shown = (await indicator.count()) ? await indicator.getAttribute('data-position') : null;
    if (release) await mouse.up();
    return shown;
  }

  /** Drags the states-browser entry `id` to `target`; the indicator shown before release. */
  async dropTemplate(id, target) {
    return this.dragTo(this.page.locator(`[data-testid="palette-item-${id}"]`), target);
  }

  /** Selects state `name` by clicking it (with `modifiers` to add it to the selection). */
  async select(name, modifiers = []) {
    const at = await this.nodeCentre(name);
    for (const m of modifiers) await this.page.keyboard.down(m);
    await this.page.mouse.click(at.x, at.y);
    for (const m of modifiers) await this.page.keyboard.up(m);
  }

  /** Clicks the graph's background (clearing nothing; focus goes to the graph). */
  async focusBackground() {
    await this.page.click('[data-testid="graph"]', { position: { x: 4, y: 4 } });
  }

  /** Names of the states drawn selected. */
  async selected() {
    return this.page.$$eval('[data-testid="graph"] [data-state].selected', (els) => els.map((e) => e.getAttribute('data-state')).sort());
  }
}

/**
 * Types `text` into the inspector field `key` (looking on the Configuration tab, then on
 * Input/Output) and commits it with Tab, as a person would.
 */
export async function typeInto(page, key, text, scope = '[data-testid="inspector"]') {
  const field = () => page.locator(`${scope} [data-field="${key}"]`).first().locator('input, textarea, select').first();
  const tabs = page.locator('[data-testid="inspector-tab-configuration"]');
  if (!(await field().count()) && (await tabs.count())) await tabs.click();
  if (!(await field().count())) {
    await page.click('[data-testid="inspector-tab-io"]');
  }
  const input = field();
  await input.click();
  await page.keyboard.press('Control+A');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}
