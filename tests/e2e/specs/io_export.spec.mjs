// Export: ASL JSON byte for byte, and the other formats carry the machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, artifactPath } from '../support/browser.mjs';
import { stateNames } from '../support/definitions.mjs';
import { downloadBytes, pasteOnPage, waitForStates , studioSession } from '../support/io.mjs';
import { writeFileSync } from 'node:fs';

const EXAMPLE = readFileSync(new URL('../../../public/examples/image-processing.asl.json', import.meta.url), 'utf8');
const NAMES = stateNames(JSON.parse(EXAMPLE));

const session = studioSession();

test('the JSON download is the imported text byte for byte', async () => {
  const { page, errors } = await openPage(session.browser, session.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  const odd = `\t${EXAMPLE.replace('"Comment"', '"Comment" ').replace(/\n/g, '\r\n')}  \n`;
  await pasteOnPage(page, odd);
  await waitForStates(page, NAMES);
  const { name, bytes } = await downloadBytes(page, 'download-json');
  assert.match(name, /\.asl\.json$/);
  assert.ok(bytes.equals(Buffer.from(odd, 'utf8')));
  assert.deepEqual(errors, []);
});

test('YAML, Mermaid, SVG and PNG carry the machine', async () => {
  const { page, errors } = await openPage(session.browser, session.server.url);
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await pasteOnPage(page, EXAMPLE);
  await waitForStates(page, NAMES);

  const yaml = (await downloadBytes(page, 'download-yaml')).bytes.toString('utf8');
  assert.match(yaml, /^Comment: /m);
  for (const name of NAMES) assert.match(yaml, new RegExp(`^ *${name}:$`, 'm'), `YAML has state ${name}`);

  const mermaid = (await downloadBytes(page, 'download-mermaid')).bytes.toString('utf8');
  assert.match(mermaid, /^flowchart TD\n/);
  for (const name of NAMES) assert.ok(mermaid.includes(`"${name}"`), `Mermaid labels ${name}`);

  const svg = (await downloadBytes(page, 'download-svg')).bytes.toString('utf8');
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  for (const name of NAMES) assert.ok(svg.includes(`data-state="${name}"`), `SVG draws ${name}`);
  assert.match(svg, /style="[^"]*fill:/, 'styles travel inline');
  writeFileSync(artifactPath('io-export.svg'), svg);

  const png = (await downloadBytes(page, 'download-png')).bytes;
  assert.ok(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature');
  writeFileSync(artifactPath('io-export.png'), png);
  assert.deepEqual(errors, []);
});
