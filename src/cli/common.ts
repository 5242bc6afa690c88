/**
 * What the commands of the command line share: the error that becomes one line on standard
 * error with exit status 2, and loading glossaries. Files are read by input.ts and written by
 * output.ts.
 */
import * as l10n from '@vscode/l10n';
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
 * is a CliError with its file:line:column, warnings go to standard error.
 */
export function loadGlossaries(files: readonly string[], io: WarningSink, inputs: Inputs): GlossarySet {
  return parseGlossaries(readGlossaries(files, io, inputs), io).set;
}

/** The texts of glossary files, in order (for `parseGlossaries` and the matcher cache's key). */
export function readGlossaries(files: readonly string[], io: WarningSink, inputs: Inputs): Array<{ file: string; text: string }> {
  return files.map((file) => ({ file, text: inputs.text(file, 'glossary', io) }));
}

/** `loadGlossaries` of texts already read; `warnings`: how many warnings were written. */
export function parseGlossaries(sources: ReadonlyArray<{ file: string; text: string }>, io: WarningSink): { set: GlossarySet; warnings: number } {
  const set = new GlossarySet();
  let warnings = 0;
  for (const { file, text } of sources) {
    const diagnostics = set.update(file, text);
    const error = diagnostics.find((d) => d.severity === 'error');
    if (error) throw new CliError(`${error.file}:${error.line}:${error.column}: ${error.message}`);
    for (const w of diagnostics) io.stderr.write(`${l10n.t('{0}: warning: {1}', `${w.file}:${w.line}:${w.column}`, w.message)}\n`);
    warnings += diagnostics.length;
  }
  return { set, warnings };
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
  if (unknown.length) throw new CliError(l10n.t('unknown pack "{0}" in --packs (use {1})', unknown[0], selectPacks(undefined).packs.map((p) => p.id).join(', ')));
  if (value !== undefined && packs.length === 0) throw new CliError(l10n.t('--packs names no pack; use --no-builtin-glossary to leave the built-in glossary out'));
  return packs;
}

/** The files of `packs` in `dir`, in load order; a pack whose file is not there is left out. */
export function builtinPackFiles(dir: string, packs: readonly BuiltinPack[]): string[] {
  return packs.map((p) => path.join(dir, p.file)).filter((f) => fs.existsSync(f));
}
