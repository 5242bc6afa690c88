#!/usr/bin/env node
// `npm start`: builds the extension and opens it on samples/, with a sample document and the
// Themes view showing (the extension reveals the view when it runs in development mode).
// With a desktop VS Code on PATH (`code`), it runs `code --extensionDevelopmentPath`; otherwise it
// starts the local VS Code server (installed into .cache/ on first use), prints the address to open
// in a browser, and stays up until Ctrl+C. `--server` forces the server; `--port N` (or PORT) fixes its port.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root, buildAll, startServer, workbenchUrl, serverPrerequisites } from './lib/vscode-host.mjs';

const samples = join(root, 'samples');
const sample = join(samples, 'cabinet-resolution-mekong.txt');

/** One line on standard error, and exit 1: for a machine that cannot run the server. */
function stop(message) {
  process.stderr.write(`npm start: ${message}\n`);
  process.exit(1);
}

buildAll({ tests: false });

const hasCode = !process.argv.includes('--server') && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  const child = spawn('code', ['--extensionDevelopmentPath', root, samples, sample], { stdio: 'inherit' });
  child.on('close', (code) => process.exit(code ?? 0));
} else {
  const missing = serverPrerequisites();
  if (missing) stop(missing);
  const portArg = process.argv.indexOf('--port');
  let server;
  try {
    server = await startServer({
      port: portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT) || undefined,
      // a newcomer's first screen: the sample and the Themes view, no chat, no welcome page
      userSettings: {
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
      },
    });
  } catch (err) {
    stop(`the VS Code server did not start (${String(err instanceof Error ? err.message : err).split('\n')[0]}); install desktop VS Code so that \`code\` is on PATH, or see CONTRIBUTING.md.`);
  }
  const url = workbenchUrl({ port: server.port, folder: samples, extensionDevelopmentPath: root, openFile: sample });
  process.stdout.write(`\nThai Policy Lens is running in VS Code (server) on the samples folder.\nOpen this address in a browser:\n\n  ${url}\n\nPress Ctrl+C to stop.\n`);
  const quit = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
  setInterval(() => {}, 1 << 30); // stay up until Ctrl+C
}
