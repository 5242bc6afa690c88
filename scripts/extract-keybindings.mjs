#!/usr/bin/env node
// Extracts VS Code's default keybindings, for Linux, macOS and Windows, from the VS Code server in
// .cache/ (the one the tests use) into test/fixtures/keybindings/default-<os>.json, which the unit
// test of our keybindings reads (test/unit/manifest/keybindings.test.ts).
//
//   node scripts/extract-keybindings.mjs [--server current|min]
//
// The web workbench resolves keybindings for the operating system its browser reports, so the
// script opens it three times in Chromium with a Linux, a macOS and a Windows user agent, and each
// time a tiny extension-test entry runs "Preferences: Open Default Keyboard Shortcuts (JSON)" and
// writes the text of that document. Run it again after moving to a newer VS Code server.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, SERVERS, startServer, launchBrowser, workbenchUrl } from './lib/vscode-host.mjs';

const AGENTS = {
  linux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  win: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
};

// The extension-test entry: opens the default keybindings and writes their text into the folder.
const ENTRY = `
const vscode = require('vscode');
exports.run = async function () {
  await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
  for (let i = 0; i < 100 && !vscode.window.activeTextEditor; i++) await new Promise((r) => setTimeout(r, 100));
  const text = vscode.window.activeTextEditor.document.getText();
  const folder = vscode.workspace.workspaceFolders[0].uri;
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'keybindings.json'), new TextEncoder().encode(text));
};
`;

const which = process.argv.includes('--server') ? process.argv[process.argv.indexOf('--server') + 1] : 'current';
const outDir = join(root, 'test', 'fixtures', 'keybindings');
mkdirSync(outDir, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'tpl-keybindings-'));
const entryDir = join(scratch, 'entry');
mkdirSync(entryDir);
writeFileSync(join(entryDir, 'index.js'), ENTRY);
const server = await startServer({ server: which });
const browser = await launchBrowser();
try {
  for (const [os, userAgent] of Object.entries(AGENTS)) {
    const folder = join(scratch, os);
    mkdirSync(folder);
    const page = await browser.newPage({ userAgent, viewport: { width: 1200, height: 800 } });
    let done;
    const exited = new Promise((r) => (done = r));
    await page.exposeFunction('codeAutomationLog', () => {});
    await page.exposeFunction('codeAutomationExit', (code) => done(Number(code)));
    await page.goto(workbenchUrl({ port: server.port, folder, extensionDevelopmentPath: entryDir, extensionTestsPath: join(entryDir, 'index.js') }));
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 120_000))]);
    await page.close();
    if (code !== 0) throw new Error(`no default keybindings for ${os} (${code})`);
    // The document is JSON with comments: keep the entries, as one per line, sorted.
    const text = readFileSync(join(folder, 'keybindings.json'), 'utf8');
    const entries = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[\]}])/g, '$1'));
    const lines = entries.map((k) => JSON.stringify({ key: k.key, command: k.command }));
    const header = `{"vscode":"${SERVERS[which].vscode}","os":"${os}","source":"Preferences: Open Default Keyboard Shortcuts (JSON) in the web workbench (scripts/extract-keybindings.mjs)","keybindings":[`;
    writeFileSync(join(outDir, `default-${os}.json`), `${header}\n${lines.join(',\n')}\n]}\n`);
    process.stdout.write(`${os}: ${entries.length} default keybindings\n`);
  }
} finally {
  await browser.close().catch(() => {});
  server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
