#!/usr/bin/env node
// Runs a mocha suite inside a real VS Code extension host with the extension loaded.
//
//   npm run test:vscode -- [--suite NAME] [--min-version] [--locale LANG] [--tests PATH] [--folder PATH] [--no-build] [--verbose]
//
// --suite       default | quiet | multiroot | restricted | web | thai (see SUITES below and CONTRIBUTING.md)
// --locale      VS Code's display language (`th`: the extension's Thai bundles); the thai suite sets th
// --min-version run on the oldest VS Code the extension supports (SERVERS.min in lib/vscode-host.mjs)
// --tests       a JavaScript file exporting `run(): Promise<void>` (default: the suite's)
// --folder      the workspace folder to open (default: the suite's, a fresh copy each run)
//
// With VSCODE_EXECUTABLE set to a desktop VS Code binary (or --electron on a machine with
// internet), @vscode/test-electron runs it; otherwise the VS Code server from code-server and
// Debian's Chromium do (see scripts/lib/vscode-host.mjs). Exit status 0 only when every test passed.
import { cpSync, mkdtempSync, rmSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { format } from 'node:util';
import { join, resolve } from 'node:path';
import { root, buildAll, startServer, launchBrowser, workbenchUrl } from './lib/vscode-host.mjs';
import { writeEnglishWorkspace } from './lib/englishWorkspace.mjs';
import { DRIVER_VARIABLE, startEditorDriver } from './lib/editorDriver.mjs';

const out = join(root, 'out', 'test', 'integration');
const fixture = (name) => (dir) => cpSync(join(root, 'test', 'fixtures', name), dir, { recursive: true });

/**
 * The suites: their test entry, the folder they open (made fresh in a temporary folder), and how
 * the workbench runs (workspace trust on; the extension in the web worker extension host).
 */
const SUITES = {
  default: { tests: join(out, 'index.js'), makeFolder: fixture('workspace') },
  // An English-only workspace: no highlights, no analyses, no index work.
  quiet: { tests: join(out, 'quiet', 'index.js'), makeFolder: (dir) => writeEnglishWorkspace(dir, 60) },
  // A multi-root workspace: two folders, each with its own settings.
  multiroot: { tests: join(out, 'multiroot', 'index.js'), makeFolder: fixture('multiroot'), workspaceFile: 'multi.code-workspace' },
  // Workspace trust on, the folder untrusted: Restricted Mode.
  restricted: { tests: join(out, 'restricted', 'index.js'), makeFolder: fixture('restricted'), trust: true },
  // The browser bundle in the web worker extension host, with the tests bundled for it too.
  web: { tests: join(root, 'out', 'web-test', 'index.js'), makeFolder: fixture('workspace'), web: true },
  // Thai as VS Code's display language: the extension's package.nls.th.json and l10n bundle.
  // (the fixture's settings pin contentLanguage to th; here it is left to auto, which follows the locale)
  thai: { tests: join(out, 'thai', 'index.js'), makeFolder: (dir) => withoutSetting(fixture('workspace'), dir, 'thaiPolicyLens.contentLanguage'), locale: 'th' },
};

/** Makes the folder with `make`, then takes `setting` out of its .vscode/settings.json. */
function withoutSetting(make, dir, setting) {
  make(dir);
  const file = join(dir, '.vscode', 'settings.json');
  const settings = JSON.parse(readFileSync(file, 'utf8'));
  delete settings[setting];
  writeFileSync(file, JSON.stringify(settings, null, 2));
}

/** Answers a request of the workbench with a file of `dir` (the extension, for the web worker host). */
async function serveFile(route, dir, path) {
  try {
    if (path.split('/').includes('..')) throw new Error('outside');
    const body = await readFile(join(dir, path));
    const contentType = path.endsWith('.json') ? 'application/json' : path.endsWith('.js') ? 'text/javascript' : path.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream';
    await route.fulfill({ status: 200, contentType, body });
  } catch {
    await route.fulfill({ status: 404, body: '' });
  }
}

/**
 * The default suite for the oldest supported VS Code, whose extension host is Node 16: each test
 * file bundled with what it imports (Node 16 cannot require the ES modules some dependencies are),
 * mocha and vscode left to the host. Returns the entry.
 */
async function buildNode16Tests() {
  const dir = join(root, 'test', 'integration');
  const outdir = join(root, 'out', 'node16-test');
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'helpers.ts').map((f) => join(dir, f)),
    outdir,
    bundle: true,
    platform: 'node',
    // ESM builds first, as scripts/build.mjs does (jsonc-parser's UMD build cannot be bundled)
    mainFields: ['module', 'main'],
    format: 'cjs',
    target: 'node16',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(outdir, 'index.js');
}

/** Bundles the web suite (test/integration/web/index.ts) for the web worker: one CommonJS file, `vscode` external. */
async function buildWebTests(outfile) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['test/integration/web/index.ts'],
    outfile,
    bundle: true,
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
    format: 'cjs',
    target: 'es2020',
    external: ['vscode'],
    alias: { 'node:assert': './test/support/assert.ts' },
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

// Workbench chatter from the host that says nothing about the tests (no network here).
const NOISE = /authentication provider|^\[[\w: -]+\] |^Creating a socket|^Resolv(ing|ed) connection token|^Updating additional builtin|No signed-in session|ENOTFOUND|getaddrinfo/;

function parseArgs(argv) {
  const opts = { suite: 'default', tests: undefined, folder: undefined, build: true, verbose: false, electron: false, timeout: 600, server: 'current', locale: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--suite') opts.suite = value();
    else if (a === '--min-version') opts.server = 'min';
    else if (a === '--locale') opts.locale = value();
    else if (a === '--tests') opts.tests = resolve(value());
    else if (a === '--folder') opts.folder = resolve(value());
    else if (a === '--no-build') opts.build = false;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--electron') opts.electron = true;
    else if (a === '--timeout') opts.timeout = Number(value());
    else fail(`unknown option ${a}`);
  }
  if (!SUITES[opts.suite]) fail(`unknown suite ${opts.suite} (one of ${Object.keys(SUITES).join(', ')})`);
  opts.locale ??= SUITES[opts.suite].locale;
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
    extensionDevelopmentPath: opts.extension,
    extensionTestsPath: opts.tests,
    launchArgs: [folder, '--disable-extensions', ...(SUITES[opts.suite].trust ? [] : ['--disable-workspace-trust']), ...(opts.locale ? ['--locale', opts.locale] : [])],
  });
}

async function runWithServer(opts, folder) {
  const suite = SUITES[opts.suite];
  // Restricted Mode without the start-up question: the folder simply opens untrusted.
  const userSettings = suite.trust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' } : {};
  // The tests that measure the editor from the renderer (test/integration/editor/) ask this driver
  // to type into the page; it idles otherwise. (Not for the web worker host: it has no environment.)
  let page;
  const driver = suite.web ? undefined : await startEditorDriver(() => page);
  const server = await startServer({ quiet: !opts.verbose, server: opts.server, trust: !!suite.trust, userSettings, locale: opts.locale, env: driver ? { [DRIVER_VARIABLE]: driver.url } : {} });
  const browser = await launchBrowser();
  try {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, ...(opts.locale ? { locale: opts.locale } : {}) });
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!opts.verbose && NOISE.test(text)) return;
      (type === 'error' ? process.stderr : process.stdout).write(text + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    if (opts.verbose) page.on('console', (m) => process.stderr.write(`[workbench] ${m.text()}\n`));
    if (suite.web) {
      // As on vscode.dev (and in @vscode/test-web): the extension and its tests at an http address,
      // given in the workbench's configuration (developmentOptions), run in the web worker host.
      // (same origin: the workbench's content security policy allows no other http origin)
      const base = `http://127.0.0.1:${server.port}/__tpl-extension`;
      await page.route(`${base}/**`, (route) => serveFile(route, opts.extension, new URL(route.request().url()).pathname.slice('/__tpl-extension'.length)));
      const at = (path) => ({ scheme: 'http', authority: `127.0.0.1:${server.port}`, path: `/__tpl-extension${path}` });
      const development = { extensions: [at('/')], extensionTestsPath: at(opts.tests.slice(opts.extension.length)) };
      // Before the workbench reads its configuration (a meta tag of the page), add them to it.
      await page.addInitScript((dev) => {
        const patch = (meta) => {
          const config = JSON.parse(meta.getAttribute('data-settings'));
          config.developmentOptions = { ...config.developmentOptions, ...dev };
          meta.setAttribute('data-settings', JSON.stringify(config));
        };
        new MutationObserver((_, observer) => {
          const meta = document.getElementById('vscode-workbench-web-configuration');
          if (meta) {
            patch(meta);
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      }, development);
      await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(folder)}`);
    } else {
      const workspace = suite.workspaceFile ? join(folder, suite.workspaceFile) : undefined;
      await page.goto(workbenchUrl({ port: server.port, folder, workspace, extensionDevelopmentPath: opts.extension, extensionTestsPath: opts.tests }));
    }
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
    driver?.close();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.build) buildAll();
  opts.extension = root;
  if (SUITES[opts.suite].web && !opts.tests) await buildWebTests(SUITES.web.tests);
  if (opts.server === 'min' && opts.suite === 'default' && !opts.tests) opts.tests = await buildNode16Tests();
  opts.tests ??= SUITES[opts.suite].tests;
  if (!existsSync(opts.tests)) fail(`no test entry at ${opts.tests}`);
  let folder = opts.folder;
  let scratch;
  if (!folder) {
    // A fresh folder each run, so tests that write files start from the same state.
    scratch = mkdtempSync(join(tmpdir(), 'tpl-workspace-'));
    SUITES[opts.suite].makeFolder(scratch);
    folder = scratch;
  }
  process.stderr.write(`test-vscode: suite ${opts.suite}${opts.server === 'min' ? ' on the oldest supported VS Code' : ''}${opts.locale ? ` in ${opts.locale}` : ''}\n`);
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
