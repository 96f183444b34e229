// Finishes Trunk's release build in dist/ for a strict Content-Security-Policy
// and for offline use:
// - Trunk starts the app with an inline module script, which a policy
//   without 'unsafe-inline' refuses: it moves to its own file, which also
//   registers the service worker;
// - the policy goes into the page as a meta tag;
// - the service worker is written with this build's file list and a cache
//   name unique to the build, so a new deployment replaces the old cache.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.mjs';

// Run by Trunk after each build (see Trunk.toml), on its staging directory.
const dist = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const indexPath = join(dist, 'index.html');
const digest = (text, algorithm = 'sha256') => createHash(algorithm).update(text).digest();

let html = await readFile(indexPath, 'utf8');
const inlineStart = /<script type="module">([\s\S]*?)<\/script>/;
const found = html.match(inlineStart);
if (!found) {
  throw new Error(`${indexPath}: Trunk's inline start-up script was not found; was dist/ already finished?`);
}
const startScript = `${found[1].trim()}\n\n${await readFile('scripts/register-service-worker.js', 'utf8')}`;
const bootName = `boot-${digest(startScript).toString('hex').slice(0, 16)}.js`;
await writeFile(join(dist, bootName), startScript);
const integrity = `sha384-${digest(startScript, 'sha384').toString('base64')}`;
html = html.replace(inlineStart, `<script type="module" src="/${bootName}" integrity="${integrity}"></script>`);
html = html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
await writeFile(indexPath, html);

const files = (await readdir(dist)).filter((name) => name !== 'sw.js').sort();
const buildHash = createHash('sha256');
for (const name of files) buildHash.update(await readFile(join(dist, name)));
const build = buildHash.digest('hex').slice(0, 16);
const worker = (await readFile('scripts/service-worker.js', 'utf8'))
  .replace('__BUILD__', build)
  .replace('__FILES__', JSON.stringify(['/', ...files.map((name) => `/${name}`)]));
await writeFile(join(dist, 'sw.js'), worker);
console.log(`dist finished: start script ${bootName}, service worker for build ${build} (${files.length} files)`);
