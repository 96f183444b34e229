// Writes dist/winloss.html: the whole app in one file that opens from disk
// (file://) in Chromium, made from the finished release build in dist/
// (`make single-file`). Trunk has no such mode, so this takes its output
// apart and puts it back together inline:
// - the stylesheet becomes a <style>, ECharts a classic inline <script>, the
//   favicon a data: URL; the manifest and the preload links go (nothing to
//   load, and a file: page can have no service worker or web app manifest);
// - the wasm-bindgen glue becomes an inline module script (its `export`s are
//   allowed there, just never imported), followed by the start-up code that
//   Trunk's start script (boot-*.js, read here to check it still does what
//   this one does) would run: a page opened from disk cannot fetch, so the
//   WebAssembly travels in the page itself, gzip-compressed and in base64,
//   in a data block (<script type="application/octet-stream">, which is
//   never run), and reaches the glue's init as a Response;
// - the page gets its own Content-Security-Policy: only these inline
//   scripts and this style, by hash, and compiling WebAssembly; nothing is
//   fetched, from anywhere.
// The service worker is left out: file: pages cannot have one. The app
// itself routes by the URL's fragment when opened from disk
// (src/ui/from_disk.rs).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const output = join(dist, 'winloss.html');
const fail = (message) => {
  throw new Error(`single file: ${message}`);
};

// The HTML parser turns CR LF into LF; hashes must be of what it keeps.
const text = async (name) => (await readFile(join(dist, name), 'utf8')).replace(/\r\n?/g, '\n');
const sha = (algorithm, data) => createHash(algorithm).update(data).digest('base64');
const cspHash = (source) => `'sha256-${sha('sha256', Buffer.from(source, 'utf8'))}'`;

/** A file that index.html links to, checked against the link's integrity attribute. */
async function linked(tag) {
  const path = tag.match(/\s(?:href|src)="\/([^"]+)"/)?.[1] ?? fail(`no local file in ${tag}`);
  const bytes = await readFile(join(dist, path));
  const integrity = tag.match(/\sintegrity="sha384-([^"]+)"/)?.[1];
  if (integrity && integrity !== sha('sha384', bytes)) {
    fail(`${path} does not match its integrity in index.html; rebuild with \`make build\``);
  }
  return { path, bytes };
}

/** Inline <script> or <style> text must not be able to end its element early. */
function safeInline(name, source, closing) {
  const unsafe = new RegExp(`<${closing}|<!--|<script`, 'i').exec(source);
  if (unsafe) fail(`${name} contains "${unsafe[0]}", which would break out of its inline element`);
  return source;
}

let html = await text('index.html');
const files = await readdir(dist);
const tags = {
  icon: /<link rel="icon"[^>]*>/,
  manifest: /\s*<link rel="manifest"[^>]*>/,
  style: /<link rel="stylesheet"[^>]*>/,
  echarts: /<script src="\/echarts[^"]*"[^>]*><\/script>/,
  start: /<script type="module" src="\/boot-[^"]+"[^>]*><\/script>/,
  preloads: /\s*<link rel="(?:modulepreload|preload)"[^>]*>/g,
  policy: /\s*<meta http-equiv="Content-Security-Policy"[^>]*>/,
  charset: /\s*<meta charset="utf-8"\s*\/?>/,
};
for (const [name, pattern] of Object.entries(tags)) {
  if (!pattern.test(html)) fail(`dist/index.html has no ${name} tag; was it built by \`make build\`?`);
  pattern.lastIndex = 0;
}
const tag = (name) => html.match(tags[name])[0];

// Trunk's start script, with the service worker registration after it.
const boot = await linked(tag('start'));
const bootSource = boot.bytes.toString('utf8');
const glueName = bootSource.match(/^import init, \* as bindings from '\/([^']+\.js)';/m)?.[1];
const wasmName = bootSource.match(/await init\(\{ module_or_path: '\/([^']+\.wasm)' \}\);/)?.[1];
if (!glueName || !wasmName || !/window\.wasmBindings = bindings;/.test(bootSource)
  || !/dispatchEvent\(new CustomEvent\("TrunkApplicationStarted", \{detail: \{wasm\}\}\)\);/.test(bootSource)) {
  fail(`${boot.path} is not the start script this was written for; compare it with the start code below`);
}
for (const name of [glueName, wasmName]) {
  if (!files.includes(name)) fail(`${name}, named in ${boot.path}, is not in ${dist}`);
}

// The glue's exports become window.wasmBindings, as the start script sets it.
const glue = await text(glueName);
const exported = [...glue.matchAll(/^export (?:async )?(?:class|function\*?|const|let|var) ([\w$]+)/gm)].map(([, name]) => name);
for (const [, list] of glue.matchAll(/^export \{([^}]*)\};?$/gm)) {
  for (const item of list.split(',').map((entry) => entry.trim()).filter(Boolean)) {
    const [local, as] = item.split(/\s+as\s+/);
    exported.push(as ? `${as}: ${local}` : local);
  }
}
const initName = exported.find((entry) => entry.startsWith('default: '))?.slice('default: '.length)
  ?? fail(`${glueName} has no default export (the init function)`);
const start = `

// Start-up, as Trunk's start script does it (see scripts/single-file.mjs).
// The WebAssembly is in the page: decoded from base64, then unzipped.
{
  const packed = atob(document.getElementById('winloss-wasm').textContent.trim());
  const gzipped = new Uint8Array(packed.length);
  for (let i = 0; i < packed.length; i += 1) gzipped[i] = packed.charCodeAt(i);
  const unzipped = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  const module_or_path = new Response(unzipped, { headers: { 'Content-Type': 'application/wasm' } });
  const wasm = await ${initName}({ module_or_path });
  window.wasmBindings = Object.freeze({ ${exported.join(', ')} });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}
`;
const appScript = safeInline(glueName, `${glue.trimEnd()}${start}`, '/script');
const wasm = gzipSync(await readFile(join(dist, wasmName)), { level: 9 }).toString('base64');

const echarts = await linked(tag('echarts'));
const echartsScript = safeInline(echarts.path, echarts.bytes.toString('utf8').replace(/\r\n?/g, '\n'), '/script');
const style = await linked(tag('style'));
const css = safeInline(style.path, style.bytes.toString('utf8').replace(/\r\n?/g, '\n'), '/style');
const icon = await linked(tag('icon'));
const iconType = icon.path.endsWith('.svg') ? 'image/svg+xml' : 'image/png';

const policy = [
  "default-src 'none'",
  `script-src ${cspHash(echartsScript)} ${cspHash(appScript)} 'wasm-unsafe-eval'`,
  `style-src ${cspHash(css)}`,
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Function replacements: `$` in the inlined sources must stay as it is.
html = html
  .replace(tags.policy, '')
  .replace(tags.charset, '')
  .replace('<head>', `<head>\n    <meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`)
  .replace(tags.manifest, '')
  .replace(tags.preloads, '')
  .replace(tags.icon, () => `<link rel="icon" href="data:${iconType};base64,${icon.bytes.toString('base64')}" />`)
  .replace(tags.style, () => `<style>${css}</style>`)
  .replace(tags.echarts, () => `<script>${echartsScript}</script>`)
  .replace(tags.start, () => [
    '<!-- The app\'s WebAssembly, gzip-compressed, in base64: read by the module script below. -->',
    `<script id="winloss-wasm" type="application/octet-stream">${wasm}</script>`,
    `<script type="module">${appScript}</script>`,
  ].join('\n    '));

// Everything must be in the page: no tag and no style may point to another file.
const markup = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2>/g, '$1</$2>');
const outside = [
  ...[...markup.matchAll(/\s(?:src|href|srcset|action|poster|data)\s*=\s*["']?([^"'\s>]*)/gi)].map(([, url]) => url),
  ...[...css.matchAll(/url\(\s*["']?([^"')]*)|@import\s+["']([^"']*)/gi)].map(([, url, imported]) => url ?? imported),
].filter((url) => !/^(?:data:|blob:|#)/i.test(url));
if (outside.length) fail(`links to other files are left: ${outside.join(', ')}`);

await writeFile(output, html);
console.log(`${output} written: the whole app in one file`);
