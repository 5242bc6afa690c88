/**
 * Writes a workspace of generated Thai policy documents for measuring the editor at scale (issue
 * 12): by default 14,000 documents of about 10 KB (about 45 million characters), with the
 * built-in glossary's terms, countries and dates, the same files for the same seed. Nothing it
 * writes is committed; docs/scale.md says how the measurements use it.
 *
 *   node dist/generateWorkspace.js FOLDER [--docs 14000] [--seed 1]
 */
import * as path from 'node:path';
import { builtinGlossaryFiles, glossaryForms, writeCorpus } from './benchCli';

function main(argv: readonly string[]): number {
  const arg = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
  const folder = argv.find((a, i) => !a.startsWith('--') && (i === 0 || !argv[i - 1].startsWith('--')));
  const docs = Number(arg('--docs', '14000'));
  const seed = Number(arg('--seed', '1'));
  if (!folder || !Number.isInteger(docs) || docs < 0 || !Number.isInteger(seed)) {
    process.stderr.write('usage: generateWorkspace FOLDER [--docs N] [--seed N]\n');
    return 2;
  }
  const root = path.resolve(__dirname, '..');
  const builtin = builtinGlossaryFiles(root);
  const started = performance.now();
  const bytes = writeCorpus(path.resolve(folder), docs, glossaryForms(builtin), seed);
  process.stdout.write(`${docs} documents, ${(bytes / 1e6).toFixed(1)} MB of UTF-8, written to ${path.resolve(folder)} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
