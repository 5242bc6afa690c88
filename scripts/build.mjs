#!/usr/bin/env node
// Bundles the extension, the command line and the measuring tools with esbuild.
//   node scripts/build.mjs               build everything
//   node scripts/build.mjs --production  minified, no source maps (for the .vsix)
//   node scripts/build.mjs --if-needed   build only when a source is newer than dist/
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

const entries = [
  { in: 'src/extension/extension.ts', out: 'extension', platform: 'node', external: ['vscode'] },
  { in: 'src/cli/bin.ts', out: 'cli', platform: 'node', banner: '#!/usr/bin/env node' },
  { in: 'src/tools/eval.ts', out: 'eval', platform: 'node', external: ['playwright-core'] },
  { in: 'src/tools/bench.ts', out: 'bench', platform: 'node' },
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
      format: 'cjs',
      target: 'node20',
      external: e.external ?? [],
      // PDF.js (src/convert) finds its optional Node helpers with import.meta.url: give the CommonJS bundle one
      define: { 'import.meta.url': '__importMetaUrl' },
      banner: { js: [e.banner, "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;"].filter(Boolean).join('\n') },
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
    }),
  ),
);
