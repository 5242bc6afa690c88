#!/usr/bin/env node
// Runs a mocha suite inside a real VS Code extension host with the extension loaded.
//
//   npm run test:vscode -- [--tests PATH] [--folder PATH] [--no-build] [--verbose]
//
// --tests  a JavaScript file exporting `run(): Promise<void>` (default: the project's own
//          integration suite, out/test/integration/index.js)
// --folder the workspace folder to open (default: a fresh copy of test/fixtures/workspace)
//
// With VSCODE_EXECUTABLE set to a desktop VS Code binary (or --electron on a machine with
// internet), @vscode/test-electron runs it; otherwise the VS Code server from code-server and
// Debian's Chromium do (see scripts/lib/vscode-host.mjs). Exit status 0 only when every test passed.
import { cpSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { format } from 'node:util';
import { join, resolve } from 'node:path';
import { root, buildAll, startServer, launchBrowser, workbenchUrl } from './lib/vscode-host.mjs';

// Workbench chatter from the host that says nothing about the tests (no network here).
const NOISE = /authentication provider|^\[[\w: -]+\] |^Creating a socket|^Resolv(ing|ed) connection token|^Updating additional builtin|No signed-in session|ENOTFOUND|getaddrinfo/;

function parseArgs(argv) {
  const opts = { tests: join(root, 'out', 'test', 'integration', 'index.js'), folder: undefined, build: true, verbose: false, electron: false, timeout: 600 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--tests') opts.tests = resolve(value());
    else if (a === '--folder') opts.folder = resolve(value());
    else if (a === '--no-build') opts.build = false;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--electron') opts.electron = true;
    else if (a === '--timeout') opts.timeout = Number(value());
    else fail(`unknown option ${a}`);
  }
  return opts;
}

function fail(msg) {
  process.stderr.write(`test-vscode: ${msg}\n`);
  process.exit(2);
}

async function runWithElectron(opts, folder) {
  const { runTests } = await import('@vscode/test-electron');
  return runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: root,
    extensionTestsPath: opts.tests,
    launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust'],
  });
}

async function runWithServer(opts, folder) {
  const server = await startServer({ quiet: !opts.verbose });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!opts.verbose && NOISE.test(text)) return;
      (type === 'error' ? process.stderr : process.stdout).write(text + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    if (opts.verbose) page.on('console', (m) => process.stderr.write(`[workbench] ${m.text()}\n`));
    await page.goto(workbenchUrl({ port: server.port, folder, extensionDevelopmentPath: root, extensionTestsPath: opts.tests }));
    const timer = new Promise((r) => setTimeout(() => r('timeout'), opts.timeout * 1000));
    const code = await Promise.race([exited, timer]);
    if (code === 'timeout') {
      process.stderr.write(`test-vscode: no result from the extension host within ${opts.timeout} s\n`);
      if (!opts.verbose) process.stderr.write(server.output().slice(-4000) + '\n');
      return 1;
    }
    return code;
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.build) buildAll();
  if (!existsSync(opts.tests)) fail(`no test entry at ${opts.tests}`);
  let folder = opts.folder;
  let scratch;
  if (!folder) {
    // A fresh copy each run, so tests that write files start from the same state.
    scratch = mkdtempSync(join(tmpdir(), 'tpl-workspace-'));
    cpSync(join(root, 'test', 'fixtures', 'workspace'), scratch, { recursive: true });
    folder = scratch;
  }
  const started = Date.now();
  let code;
  try {
    code = opts.electron || process.env.VSCODE_EXECUTABLE ? await runWithElectron(opts, folder) : await runWithServer(opts, folder);
  } catch (err) {
    process.stderr.write(`test-vscode: ${err && err.stack ? err.stack : err}\n`);
    code = 1;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  process.stderr.write(`test-vscode: finished in ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${code}\n`);
  process.exit(code === 0 ? 0 : 1);
}

main();
