// One studio page per test: opened on the starter example and closed when the test ends,
// with its code view ready; given a `definition`, that machine is set and drawn first.
import { openPage } from './browser.mjs';
import { CodeView } from './editor.mjs';
import { setDefinition } from './graph.mjs';
import { GraphEditor } from './graph_edit.mjs';

export async function openStudio(t, suite, definition) {
  const { page, errors } = await openPage(suite.browser, suite.server.url);
  t.after(() => page.close());
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  const code = new CodeView(page);
  await code.ready();
  if (definition) {
    await setDefinition(page, JSON.stringify(definition, null, 2));
    await page.waitForSelector(`[data-testid="graph"] [data-state="${definition.StartAt}"]`);
  }
  return { page, errors, code, graph: new GraphEditor(page) };
}
