// Accessibility of the studio's controls (issue 6): every control can be reached with the
// keyboard, shows where focus is, and has a name a screen reader can say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { studioSuite } from '../support/suite.mjs';
import { openPage } from '../support/browser.mjs';

const suite = studioSuite();

const CONTROLS = 'button, a[href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [role="button"], [role="tab"], [contenteditable="true"]';

/** Visible, enabled controls with what the audit needs of each. */
async function auditControls(page) {
  return page.$$eval(CONTROLS, (els) => els
    .filter((el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      // A control hidden from assistive technology and the tab order stands in for another
      // (the file input behind "Open file…").
      const standIn = el.closest('[aria-hidden="true"]') && el.getAttribute('tabindex') === '-1';
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.disabled && !standIn;
    })
    .map((el) => {
      const id = window.a11yKey(el);
      // The accessible name, as far as the page's own markup gives one.
      const labelledBy = el.getAttribute('aria-labelledby');
      const fromIds = labelledBy ? labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
      const label = el.labels?.[0]?.textContent ?? '';
      const name = [el.getAttribute('aria-label'), fromIds, label, el.getAttribute('title'), el.textContent, el.getAttribute('placeholder')]
        .map((t) => (t ?? '').trim()).find((t) => t.length > 0) ?? '';
      return { id, tag: el.tagName.toLowerCase(), name, html: el.outerHTML.slice(0, 120) };
    }));
}

/**
 * A control's identity across redraws. The graph's states share one tab stop (a roving
 * tabindex: arrow keys move between them, see graph_canvas.spec.mjs), so they count as one.
 */
function defineKey() {
  window.a11yKey = (el) => {
    if (el.closest('[data-testid="graph"] [data-state]')) return 'graph-states';
    const a = (n) => el.getAttribute(n) ?? '';
    return [el.tagName, a('data-testid'), a('aria-label'), a('id'), a('title'), el.textContent.trim().slice(0, 40)].join('|');
  };
}

const PANES = ['definition', 'inspector', 'simulate'];

async function openStudio(pane) {
  const { page } = await openPage(suite.browser, suite.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await page.click(`[data-testid="tab-${pane}"]`);
  await page.evaluate(defineKey);
  return page;
}

for (const pane of PANES) {
test(`${pane} pane: every visible control has an accessible name`, async () => {
  const page = await openStudio(pane);
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  const controls = await auditControls(page);
  assert.ok(controls.length > 10, `the studio shows its controls (found ${controls.length})`);
  const unnamed = controls.filter((c) => c.name === '');
  assert.deepEqual(unnamed.map((c) => c.html), [], 'controls without a name');
});

test(`${pane} pane: Tab reaches every visible control, each with a visible focus indicator`, async () => {
  const page = await openStudio(pane);
  // Every menu opened, so that its items are among the controls Tab must reach.
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  const controls = await auditControls(page);
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = false; }));
  const reached = new Set();
  const noIndicator = [];
  await page.focus('body');
  for (let i = 0; i < controls.length * 3 + 20; i++) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(async () => {
      // Focus styles may follow the focus event by a frame (the code editor's do).
      await new Promise((r) => setTimeout(r, 50));
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const owner = el;
      const s = getComputedStyle(el);
      // A graph node shows focus on its shape's outline: it must differ from an unfocused node's.
      const look = (shape) => { const c = getComputedStyle(shape); return [c.stroke, c.strokeWidth, c.strokeDasharray].join(' '); };
      const shape = el.querySelector(':scope > .shape');
      const other = shape && [...document.querySelectorAll('[data-state]:not(.selected) > .shape')].find((o) => o !== shape);
      const indicated = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
        || (shape && other && look(shape) !== look(other))
        || (!!el.closest('.cm-editor') && getComputedStyle(el.closest('.cm-editor')).outlineStyle !== 'none');
      const menu = el.tagName === 'SUMMARY' && !el.parentElement.open;
      return { id: window.a11yKey(owner), indicated, menu, editor: !!el.closest('.cm-editor'), html: el.outerHTML.slice(0, 120) };
    });
    if (!seen) continue;
    reached.add(seen.id);
    // A closed menu opens with Enter; its items then follow in the tab order.
    if (seen.menu) await page.keyboard.press('Enter');
    if (!seen.indicated) noIndicator.push(seen.html);
    // Inside the code editor Tab may indent: Escape then Tab leaves it, as CodeMirror documents.
    if (seen.editor) await page.keyboard.press('Escape');
  }
  const missed = controls.filter((c) => !reached.has(c.id)).map((c) => c.html);
  assert.deepEqual(missed, [], 'controls Tab never reached');
  assert.deepEqual([...new Set(noIndicator)], [], 'focused controls without a visible focus indicator');
});
}
