#!/usr/bin/env node
// Writes public/examples/index.json (title, description and file of each example
// definition) from the shared examples folder, and copies definitions and run cases that
// public/examples lacks. Usage: node scripts/gallery-index.mjs [SOURCE_DIR]
// (default: ../shared/examples beside the repository).
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(new URL('..', import.meta.url).pathname);
const source = resolve(process.argv[2] ?? join(repo, '..', 'shared', 'examples'));
const target = join(repo, 'public', 'examples');

// The README's table: | stem | what it shows |
const shows = new Map();
const readme = join(source, 'README.md');
if (existsSync(readme)) {
  for (const line of readFileSync(readme, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 4 && cells[1] && !/^-+$/.test(cells[1]) && cells[1] !== 'file') shows.set(cells[1], cells[2]);
  }
}

/** "job-poller.jsonata" -> "Job poller (JSONata)". */
function title(stem) {
  const [base, ...flavours] = stem.split('.');
  const words = base.replace(/-/g, ' ');
  const suffix = flavours.map((f) => (f === 'jsonata' ? 'JSONata' : f)).join(', ');
  return words[0].toUpperCase() + words.slice(1) + (suffix ? ` (${suffix})` : '');
}

let copied = 0;
for (const file of readdirSync(source).filter((f) => f.endsWith('.json')).sort()) {
  if (!existsSync(join(target, file))) {
    copyFileSync(join(source, file), join(target, file));
    copied += 1;
  }
}

const index = readdirSync(target)
  .filter((f) => f.endsWith('.asl.json'))
  .sort()
  .map((file) => {
    const stem = file.slice(0, -'.asl.json'.length);
    const definition = JSON.parse(readFileSync(join(target, file), 'utf8'));
    const description = shows.get(stem) ?? definition.Comment ?? '';
    return { title: title(stem), description: description.charAt(0).toUpperCase() + description.slice(1), file };
  });
writeFileSync(join(target, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
console.log(`index.json lists ${index.length} examples; ${copied} files copied from ${source}`);
