// Debian's Chromium driven by playwright-core, with the flags this machine needs.
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = resolve(new URL('..', import.meta.url).pathname, 'artifacts');

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/setup.sh (apt-get install chromium chromium-driver)`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'statelab-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  return context;
}

/**
 * A page that records console errors and uncaught exceptions. The studio autosaves to
 * localStorage, and a spec's pages share one browser profile: each new page therefore
 * starts from empty storage (once; its own reloads keep what it saved), and the pages
 * opened before it are closed, unless `keepStorage` is set.
 */
export async function openPage(context, url, { keepStorage = false } = {}) {
  if (!keepStorage) {
    // An earlier test's page still open would go on autosaving into the shared profile
    // (a debounced save can land after this page cleared storage): close it first.
    await Promise.all(context.pages().map((open) => open.close()));
  }
  const page = await context.newPage();
  if (!keepStorage) {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('statelab-e2e-fresh')) {
        sessionStorage.setItem('statelab-e2e-fresh', '1');
        localStorage.clear();
      }
    });
  }
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  return { page, errors };
}

export function artifactPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
