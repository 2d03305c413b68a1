// The set-up every spec file shares: the built studio served on loopback and one browser,
// started before the file's tests and closed after them.
import { before, after } from 'node:test';
import { serveDist } from './server.mjs';
import { launch } from './browser.mjs';

/** Registers the hooks; `server` and `browser` are set on the returned object once started. */
export function studioSuite() {
  const suite = { server: null, browser: null };
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
