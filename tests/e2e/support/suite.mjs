// One served dist/ and one Chromium per spec file, started before its tests and closed after.
import { before, after } from 'node:test';
import { serveDist } from './server.mjs';
import { launch } from './browser.mjs';

/** Registers the hooks; the returned object's `server` and `browser` are set once they run. */
export function studioSuite() {
  const suite = { server: undefined, browser: undefined };
  before(async () => {
    suite.server = await serveDist();
    suite.browser = await launch();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
