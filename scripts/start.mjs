#!/usr/bin/env node
// `npm start`: builds the extension and opens it on samples/.
// With a desktop VS Code on PATH (`code`), it runs `code --extensionDevelopmentPath`; otherwise it
// starts the local VS Code server (installed into .cache/ on first use), prints the address to open
// in a browser, and stays up until Ctrl+C. `--server` forces the server; `--port N` (or PORT) fixes its port.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root, buildAll, startServer, workbenchUrl } from './lib/vscode-host.mjs';

const samples = join(root, 'samples');
buildAll({ tests: false });

const hasCode = !process.argv.includes('--server') && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  const child = spawn('code', ['--extensionDevelopmentPath', root, samples], { stdio: 'inherit' });
  child.on('close', (code) => process.exit(code ?? 0));
} else {
  const portArg = process.argv.indexOf('--port');
  const server = await startServer({ port: portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT) || undefined });
  const url = workbenchUrl({ port: server.port, folder: samples, extensionDevelopmentPath: root });
  process.stdout.write(`\nThai Policy Lens is running in VS Code (server) on the samples folder.\nOpen this address in a browser:\n\n  ${url}\n\nPress Ctrl+C to stop.\n`);
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30); // stay up until Ctrl+C
}
