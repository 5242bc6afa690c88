#!/usr/bin/env node
// `npm run fuzz [-- --runs SCALE] [--seed N]`: the property suite of test/unit/core/properties.test.ts
// for long, with a random seed (or TPL_FUZZ_SEED / --seed to replay one). Prints the seed first,
// and again with the command to replay it when a property fails. SCALE multiplies the number of
// runs `npm test` makes (default 50, about 400,000 cases).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './lib/vscode-host.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seed = Number(option('--seed') ?? process.env.TPL_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const scale = Number(option('--runs') ?? process.env.TPL_FUZZ_RUNS ?? 50);
if (!Number.isInteger(seed) || !(scale > 0)) {
  process.stderr.write('usage: npm run fuzz -- [--runs SCALE] [--seed N]\n');
  process.exit(2);
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
process.stdout.write(`fuzz: seed ${seed}, runs x${scale}\n`);
const compiled = spawnSync(bin('tsc'), ['-p', 'tsconfig.test.json'], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
const result = spawnSync(
  bin('mocha'),
  ['--config', '.mocharc.json', '--grep', 'core properties', '--timeout', '0'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TPL_FUZZ_SEED: String(seed), TPL_FUZZ_RUNS: String(scale) } },
);
if (result.status !== 0) {
  process.stdout.write(`\nfuzz: a property failed with seed ${seed}; replay it with: TPL_FUZZ_SEED=${seed} npm run fuzz -- --runs ${scale}\n`);
  process.exit(1);
}
process.stdout.write(`fuzz: no failure with seed ${seed}\n`);
