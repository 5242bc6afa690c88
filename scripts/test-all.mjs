#!/usr/bin/env node
// `npm test`: lint, type-check, unit tests (mocha in Node), then integration tests inside a real
// VS Code extension host (the default suite and five others). Prints each suite's closing line and a total; exits non-zero if any step fails.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/vscode-host.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);
const steps = [
  { name: 'lint', cmd: bin('eslint'), args: ['src', 'test', 'scripts'] },
  { name: 'build', cmd: process.execPath, args: [join(root, 'scripts', 'build.mjs')] },
  { name: 'compile', cmd: bin('tsc'), args: ['-p', 'tsconfig.test.json'] },
  { name: 'type-check (webview)', cmd: bin('tsc'), args: ['-p', 'tsconfig.webview.json'] },
  { name: 'unit', cmd: bin('mocha'), args: ['--config', '.mocharc.json'], counts: true },
  { name: 'integration', cmd: process.execPath, args: [join(root, 'scripts', 'test-vscode.mjs'), '--no-build'], counts: true },
  // an English-only workspace; two folders; Restricted Mode; the web worker extension host (CONTRIBUTING.md)
  ...['quiet', 'multiroot', 'restricted', 'web', 'thai'].map((suite) => ({
    name: `integration (${suite})`,
    cmd: process.execPath,
    args: [join(root, 'scripts', 'test-vscode.mjs'), '--no-build', '--suite', suite],
    counts: true,
  })),
  // In CI (and with --min-version): the default suite again on the oldest supported VS Code.
  ...(process.env.CI || process.argv.includes('--min-version')
    ? [{ name: 'integration (oldest VS Code)', cmd: process.execPath, args: [join(root, 'scripts', 'test-vscode.mjs'), '--no-build', '--min-version'], counts: true }]
    : []),
];

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    process.stdout.write(`\n== ${step.name}\n`);
    const child = spawn(step.cmd, step.args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let last = null;
    let buffered = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        const m = /^(\d+) passed, (\d+) failed/.exec(line.trim());
        if (m) last = { passed: Number(m[1]), failed: Number(m[2]) };
      }
    });
    child.on('close', (code) => {
      const m = /^(\d+) passed, (\d+) failed/.exec(buffered.trim());
      if (m) last = { passed: Number(m[1]), failed: Number(m[2]) };
      resolve({ code, counts: last, seconds: (Date.now() - started) / 1000 });
    });
  });
}

// Compiled tests of files that were moved or deleted would still run: start from an empty out/.
rmSync(join(root, 'out'), { recursive: true, force: true });

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  const r = await run(step);
  summary.push(`${step.name}: ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(1)} s`);
  if (step.counts) {
    if (r.counts) {
      passed += r.counts.passed;
      failed += r.counts.failed;
    }
    if (r.code !== 0 && (!r.counts || r.counts.failed === 0)) failed += 1; // the suite itself broke
  } else if (r.code !== 0) {
    failed += 1;
    summary.push(`stopping: ${step.name} failed`);
    break;
  }
}
process.stdout.write(`\n${summary.join('\n')}\n`);
process.stdout.write(`total: ${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
