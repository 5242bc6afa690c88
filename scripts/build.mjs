#!/usr/bin/env node
// Bundles the extension (for the Node extension host and for the web worker extension host of
// vscode.dev / github.dev), the command line and the measuring tools with esbuild.
//   node scripts/build.mjs               build everything
//   node scripts/build.mjs --production  minified, no source maps (for the .vsix)
//   node scripts/build.mjs --if-needed   build only when a source is newer than dist/
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

// The extension's targets follow engines.vscode (VS Code 1.75 runs extensions on Node 16.14; its
// web worker host on the browsers of its time).
const entries = [
  { in: 'src/extension/extension.ts', out: 'extension', platform: 'node', target: 'node16', external: ['vscode'] },
  { in: 'src/extension/extension.ts', out: 'web/extension', platform: 'browser', target: 'es2020', external: ['vscode'] },
  // the corpus dashboard's charts (Observable Plot, d3, the world atlas): the webview's and the HTML report's script, never in the extension's bundle
  { in: 'src/webview/corpus/main.ts', out: 'webview/corpus', platform: 'browser', target: 'es2020', format: 'iife' },
  { in: 'src/cli/bin.ts', out: 'cli', platform: 'node', banner: '#!/usr/bin/env node' },
  { in: 'src/tools/eval.ts', out: 'eval', platform: 'node', external: ['playwright-core'] },
  { in: 'src/tools/bench.ts', out: 'bench', platform: 'node' },
  { in: 'src/tools/generateWorkspace.ts', out: 'generateWorkspace', platform: 'node' },
  // PDF.js (3.7 MB of the 5.6 MB the command line was) in files of its own, loaded when a PDF is read:
  // the bundles above require them (pdfJsApart), so starting them no longer compiles it
  { in: 'node_modules/pdfjs-dist/legacy/build/pdf.mjs', out: 'pdfjs/pdf', platform: 'node' },
  { in: 'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs', out: 'pdfjs/pdf.worker', platform: 'node' },
].filter((e) => existsSync(join(root, e.in)));

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

if (args.has('--if-needed')) {
  const outputs = entries.map((e) => join(root, 'dist', e.out + '.js'));
  if (outputs.every(existsSync)) {
    const oldestOut = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
    if (newestMtime(join(root, 'src')) <= oldestOut) process.exit(0);
  }
}

/**
 * The web worker extension host has no Node: no `setImmediate`, no `Buffer`, no `process`, no
 * module but `vscode`. The web bundle is checked for their use (comments left out).
 */
function checkWebBundle(file) {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const found = [];
  for (const [name, pattern] of [
    ['setImmediate', /\bsetImmediate\s*\(/],
    ['Buffer', /\bBuffer\s*\.\s*(from|alloc|isBuffer|concat)\b/],
    ['process', /\bprocess\s*\.\s*(env|nextTick|platform|cwd|argv|versions)\b/],
    ['__dirname', /\b__dirname\b/],
  ]) {
    if (pattern.test(code)) found.push(name);
  }
  const modules = [...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]).filter((m) => m !== 'vscode');
  if (found.length || modules.length) {
    throw new Error(`${file} is for the web worker extension host but uses ${[...found, ...modules.map((m) => `require("${m}")`)].join(', ')}`);
  }
}

/** Resolves the extension's import of src/convert to src/convert/unavailable.ts, and of localFiles to localFiles.web.ts (the web build). */
const convertersUnavailable = {
  name: 'converters-unavailable',
  setup(build) {
    build.onResolve({ filter: /(^|\/)convert$/ }, (args) =>
      args.importer.includes(`${join('src', 'extension')}`) ? { path: join(root, 'src', 'convert', 'unavailable.ts') } : undefined,
    );
    // the local disk through Node's fs (src/extension/services/localFiles.ts): none in the browser
    build.onResolve({ filter: /^\.\/localFiles$/ }, (args) =>
      args.importer.includes(`${join('src', 'extension')}`) ? { path: join(root, 'src', 'extension', 'services', 'localFiles.web.ts') } : undefined,
    );
  },
};

/**
 * The Node bundles in dist/ load PDF.js from dist/pdfjs/ (built above) when src/convert/pdf.ts
 * imports it, instead of carrying it.
 */
const pdfJsApart = {
  name: 'pdfjs-apart',
  setup(build) {
    build.onResolve({ filter: /^pdfjs-dist\/legacy\/build\/pdf(\.worker)?\.mjs$/ }, (args) => ({
      path: `./pdfjs/${args.path.endsWith('.worker.mjs') ? 'pdf.worker' : 'pdf'}.js`,
      external: true,
    }));
  },
};

await Promise.all(
  entries.map((e) =>
    esbuild.build({
      absWorkingDir: root,
      entryPoints: [e.in],
      outfile: `dist/${e.out}.js`,
      bundle: true,
      platform: e.platform,
      // ESM builds first: jsonc-parser's UMD build loads its parts with a require() esbuild cannot follow
      mainFields: ['module', 'main'],
      format: e.format ?? 'cjs',
      target: e.target ?? 'node20',
      external: e.external ?? [],
      // PDF.js (src/convert) finds its optional Node helpers with import.meta.url: give the CommonJS bundle one
      define: e.platform === 'node' ? { 'import.meta.url': '__importMetaUrl' } : undefined,
      banner: e.platform === 'node' ? { js: [e.banner, "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;"].filter(Boolean).join('\n') } : undefined,
      // the converters need Node: the web build takes a stand-in that says so (src/convert/unavailable.ts)
      plugins: e.platform === 'browser' ? [convertersUnavailable] : e.out.startsWith('pdfjs/') ? [] : [pdfJsApart],
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
    }),
  ),
);
for (const e of entries) if (e.platform === 'browser') checkWebBundle(join(root, 'dist', `${e.out}.js`));
