// Serves the built studio (dist/) at http://127.0.0.1:8080 until interrupted.
import { serveDist } from '../tests/e2e/support/server.mjs';

const port = Number(process.env.STATELAB_PORT ?? 8080);
try {
  const server = await serveDist(undefined, port);
  console.log(`StateLab is served at ${server.url} (Ctrl+C to stop)`);
} catch (err) {
  console.error(`statelab serve: ${err.message}`);
  process.exit(1);
}
