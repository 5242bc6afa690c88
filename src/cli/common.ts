/**
 * What the commands of the command line share: the error that becomes one line on standard
 * error with exit status 2, and loading glossaries. Files are read by input.ts and written by
 * output.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GlossarySet, selectPacks } from '../core';
import type { BuiltinPack } from '../core';
import type { Inputs } from './input';

/** An error reported as one line on standard error, with exit status 2. */
export class CliError extends Error {}

/** Where warnings go. */
export interface WarningSink {
  stderr: { write(chunk: string): unknown };
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // (Date.UTC reads years 0-99 as 1900-1999)
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Loads glossary files in order (earlier files win on duplicate ids); an error in any of them
 * is a CliError with its file:line:column, warnings go to standard error. `onText` sees the
 * text of each file (for the matcher cache's key).
 */
export function loadGlossaries(files: readonly string[], io: WarningSink, inputs: Inputs, onText?: (file: string, text: string) => void): GlossarySet {
  const set = new GlossarySet();
  for (const file of files) {
    const text = inputs.text(file, 'glossary', io);
    onText?.(file, text);
    const diagnostics = set.update(file, text);
    const error = diagnostics.find((d) => d.severity === 'error');
    if (error) throw new CliError(`${error.file}:${error.line}:${error.column}: ${error.message}`);
    for (const w of diagnostics) io.stderr.write(`${w.file}:${w.line}:${w.column}: warning: ${w.message}\n`);
  }
  return set;
}

/** The folder of the built-in glossary packs next to the package root (dist/*.js -> glossaries/). */
export function defaultBuiltinDir(): string {
  return path.join(__dirname, '..', 'glossaries');
}

/**
 * The packs a `--packs` value names (`a,b`; undefined: every pack), in load order; an id that
 * names no pack is a CliError listing the packs.
 */
export function packsOption(value: string | undefined): BuiltinPack[] {
  const { packs, unknown } = selectPacks(value === undefined ? undefined : value.split(','));
  if (unknown.length) throw new CliError(`unknown pack "${unknown[0]}" in --packs (use ${selectPacks(undefined).packs.map((p) => p.id).join(', ')})`);
  if (value !== undefined && packs.length === 0) throw new CliError('--packs names no pack; use --no-builtin-glossary to leave the built-in glossary out');
  return packs;
}

/** The files of `packs` in `dir`, in load order; a pack whose file is not there is left out. */
export function builtinPackFiles(dir: string, packs: readonly BuiltinPack[]): string[] {
  return packs.map((p) => path.join(dir, p.file)).filter((f) => fs.existsSync(f));
}
