// A static file server for dist/ on 127.0.0.1 with a free port, stopped by the spec.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const DIST = resolve(new URL('../../..', import.meta.url).pathname, 'dist');

export async function serveDist(root = DIST, port = 0) {
  try {
    await stat(join(root, 'index.html'));
  } catch {
    throw new Error(`${root}/index.html is missing: build the studio first (trunk build --release)`);
  }
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    const file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', (err) => fail(err.code === 'EADDRINUSE'
      ? new Error(`port ${port} on 127.0.0.1 is already in use: stop what listens there, or set STATELAB_PORT`)
      : err));
    server.listen(port, '127.0.0.1', ok);
  });
  const bound = server.address().port;
  return { url: `http://127.0.0.1:${bound}/`, close: () => new Promise((ok) => server.close(ok)) };
}
