#!/usr/bin/env node
// Opens the workbench with FILE shown and the extension active, and writes a PNG.
//
//   npm run screenshot -- FILE [--out PNG] [--theme dark|light] [--size 1400x900]
//                              [--command "Title in the command palette"]... [--hover LINE:COL]
//                              [--wait MS] [--locale LANG] [--no-build]
//
// The file (with the glossaries and annotations beside it) is copied to a temporary workspace (with a .vscode/settings.json for the theme),
// so nothing is written next to FILE. --command runs palette commands after the file is open (for
// example "Thai Policy Lens: Show Themes"); --hover moves the mouse onto a 1-based line and column;
// --locale makes it VS Code's display language (`th`: the extension's Thai strings; commands are
// then typed by their Thai titles).
import { cpSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { root, buildAll, startServer, launchBrowser, workbenchUrl } from './lib/vscode-host.mjs';

function usage(msg) {
  if (msg) process.stderr.write(`screenshot: ${msg}\n`);
  process.stderr.write('usage: npm run screenshot -- FILE [--out PNG] [--theme dark|light] [--size WxH] [--command TITLE]... [--hover LINE:COL] [--wait MS] [--locale LANG]\n');
  process.exit(2);
}

const argv = process.argv.slice(2);
const opts = { file: undefined, out: undefined, theme: 'dark', size: '1400x900', commands: [], hover: undefined, wait: 8000, build: true, locale: undefined };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const value = () => argv[++i] ?? usage(`${a} needs a value`);
  if (a === '--out') opts.out = resolve(value());
  else if (a === '--theme') opts.theme = value();
  else if (a === '--size') opts.size = value();
  else if (a === '--command') opts.commands.push(value());
  else if (a === '--hover') opts.hover = value();
  else if (a === '--wait') opts.wait = Number(value());
  else if (a === '--locale') opts.locale = value();
  else if (a === '--no-build') opts.build = false;
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else if (!opts.file) opts.file = resolve(a);
  else usage(`one FILE only (got ${a})`);
}
if (!opts.file) usage('FILE is required');
if (!existsSync(opts.file) || !statSync(opts.file).isFile()) usage(`no such file: ${opts.file}`);
if (!['dark', 'light'].includes(opts.theme)) usage('--theme is dark or light');
const sizeMatch = /^(\d+)x(\d+)$/.exec(opts.size);
if (!sizeMatch) usage('--size is WIDTHxHEIGHT');
opts.out ??= resolve(basename(opts.file).replace(/\.[^.]*$/, '') + '.png');

if (opts.build) buildAll({ tests: false });

// the themes' ids in VS Code 1.139 (earlier: 'Default Dark Modern')
const colorTheme = opts.theme === 'dark' ? 'Dark Modern' : 'Light Modern';
const workspace = mkdtempSync(join(tmpdir(), 'tpl-shot-'));
// The file, the glossaries beside it and its annotations: not the whole folder, which may be large.
for (const name of readdirSync(dirname(opts.file))) {
  const src = join(dirname(opts.file), name);
  if (src === opts.file || name.endsWith('.glossary.yaml') || name === '.policy-lens') cpSync(src, join(workspace, name), { recursive: true });
}
mkdirSync(join(workspace, '.vscode'), { recursive: true });
writeFileSync(
  join(workspace, '.vscode', 'settings.json'),
  JSON.stringify(
    {
      'workbench.colorTheme': colorTheme,
      'workbench.startupEditor': 'none',
      'editor.fontFamily': "'Noto Sans Mono', 'Loma', 'Garuda', monospace",
      'editor.fontSize': 15,
      'editor.wordWrap': 'on',
      'editor.minimap.enabled': false,
      'chat.commandCenter.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'window.autoDetectColorScheme': false,
    },
    null,
    2,
  ),
);
const fileInWorkspace = join(workspace, basename(opts.file));

const server = await startServer({ locale: opts.locale });
const browser = await launchBrowser();
let code = 0;
try {
  const page = await browser.newPage({ viewport: { width: Number(sizeMatch[1]), height: Number(sizeMatch[2]) }, colorScheme: opts.theme, ...(opts.locale ? { locale: opts.locale } : {}) });
  await page.goto(workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: root, openFile: fileInWorkspace }));
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 60_000 });
  await page.waitForTimeout(opts.wait);
  const palette = async (...entries) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { timeout: 10_000 });
    for (const entry of entries) {
      await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10_000 });
      await page.keyboard.type(entry);
      await page.waitForTimeout(600);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(1200);
    }
  };
  // The web workbench of VS Code 1.139 does not apply the workspace's colour theme at start-up:
  // pick it as a user would, with Preferences: Color Theme (Ctrl+K Ctrl+T).
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T'); // workbench.action.selectTheme
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10_000 });
  await page.keyboard.type(colorTheme);
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1200);
  // The secondary side bar (chat) opens by default in recent versions: close it for a clean picture.
  for (const title of ['View: Hide Secondary Side Bar', ...opts.commands]) await palette(title);
  if (opts.hover) {
    const [line, col] = opts.hover.split(':').map(Number);
    // Put the cursor there, then hover it with the keyboard-triggered hover (exact, unlike pixel guesses).
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`${line}:${col}`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.waitForTimeout(1500);
  }
  await page.screenshot({ path: opts.out });
  process.stdout.write(`${opts.out}\n`);
} catch (err) {
  process.stderr.write(`screenshot: ${err && err.message ? err.message : err}\n`);
  code = 1;
} finally {
  await browser.close().catch(() => {});
  server.stop();
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(code);
