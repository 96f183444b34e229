// Serves the release build from dist/ on 127.0.0.1, as any static host would.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `directory` at / and each `mounts` entry ({ '/bench/': 'bench/pages' })
 * at its prefix.
 */
export async function serveDirectory(directory, mounts = {}) {
  const root = resolve(directory);
  const roots = [...Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]), ['/', root]];
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`${root}/index.html is missing: run \`make build\` first`);
  });
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    const [prefix, base] = roots.find(([prefix]) => path.startsWith(prefix));
    const relative = path.slice(prefix.length - 1);
    const file = normalize(join(base, relative.endsWith('/') ? `${relative}index.html` : relative));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    // The app's own routes (/deals/…, /settings) get the app, as any
    // single-page host is set up to do; missing files stay missing.
    const served = await readFile(file)
      .then((body) => ({ body, type: TYPES[extname(file)] }))
      .catch(() => (extname(path) === '' ? readFile(join(root, 'index.html')).then((body) => ({ body, type: TYPES['.html'] })) : null));
    if (served) {
      response.writeHead(200, { 'content-type': served.type ?? 'application/octet-stream' });
      response.end(served.body);
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(done)),
  };
}
