// Page object for the studio's code view (CodeMirror, see app/editor/src/editor.js).

export class CodeView {
  constructor(page) {
    this.page = page;
    this.root = page.locator('[data-testid="code-view"]');
    this.content = page.locator('[data-testid="code-view"] .cm-content');
  }

  /** Waits until the editor is mounted and exposed on window. */
  async ready() {
    await this.content.waitFor();
    await this.page.waitForFunction(() => window.statelabEditor && typeof window.statelabEditor.getText === 'function');
  }

  async text() {
    return this.page.evaluate(() => window.statelabEditor.getText());
  }

  /** Replaces the whole text as the person would (one undoable edit, reported to the app). */
  async replaceText(text) {
    await this.page.evaluate((t) => window.statelabEditor.setText(t, true), text);
  }

  async selection() {
    return this.page.evaluate(() => window.statelabEditor.getSelection());
  }

  /** Clicks the text just after UTF-16 offset `offset` (scrolled into view first). */
  async clickAt(offset) {
    await this.page.evaluate((at) => {
      const view = window.statelabEditor.view;
      view.dispatch({ effects: view.constructor.scrollIntoView(at, { y: 'center' }) });
    }, offset);
    const point = await this.page.waitForFunction((at) => {
      const rect = window.statelabEditor.view.coordsAtPos(at, 1);
      return rect && { x: rect.left + 1, y: (rect.top + rect.bottom) / 2 };
    }, offset);
    const { x, y } = await point.jsonValue();
    await this.page.mouse.click(x, y);
  }

  /** Runs `act`, waits until the text changes, and returns the new text parsed. */
  async change(act) {
    const before = await this.text();
    await act();
    await this.page.waitForFunction((t) => window.statelabEditor.getText() !== t, before);
    return JSON.parse(await this.text());
  }
}
