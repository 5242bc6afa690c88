/**
 * What the commands of the command line share: the error that becomes one line on standard
 * error with exit status 2, reading text files, loading glossaries, and writing output files
 * whole (a temporary file next to the target, then renamed over it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GlossarySet, selectPacks } from '../core';
import type { BuiltinPack } from '../core';

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
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Why a file could not be read, in a few words. */
function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
}

/** The bytes of a file; a missing or unreadable one is a CliError naming `what` it is. */
export function readBytes(file: string, what = 'file'): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new CliError(`cannot read ${what} ${file}: ${readFailure(e)}`);
  }
}

/** Reads a text file as UTF-8 without its BOM; rejects missing, unreadable and binary files. */
export function readTextFile(file: string, what = 'file'): string {
  const bytes = readBytes(file, what);
  if (bytes.indexOf(0) !== -1) throw new CliError(`${file}: binary ${what} (it contains NUL bytes), not text`);
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Loads glossary files in order (earlier files win on duplicate ids); an error in any of them
 * is a CliError with its file:line:column, warnings go to standard error.
 */
export function loadGlossaries(files: readonly string[], io: WarningSink): GlossarySet {
  const set = new GlossarySet();
  for (const file of files) {
    const diagnostics = set.update(file, readTextFile(file, 'glossary'));
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

/** A temporary file name next to `target`. */
function temporaryName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
}

/**
 * Writes a file whole: to a temporary file next to it, then renamed over it, so a reader never
 * sees half a file and a failed write leaves the old one. With `overwrite: false` an existing
 * file is never replaced, even one created meanwhile (the temporary file is linked, not renamed).
 */
export function writeFileAtomic(target: string, content: string, options: { overwrite?: boolean } = {}): void {
  const overwrite = options.overwrite ?? true;
  if (!overwrite && fs.existsSync(target)) throw new CliError(`${target} already exists; use --force to replace it`);
  const temporary = temporaryName(target);
  try {
    fs.writeFileSync(temporary, content, { flag: 'wx' });
    if (overwrite) fs.renameSync(temporary, target);
    else {
      try {
        fs.linkSync(temporary, target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new CliError(`${target} already exists; use --force to replace it`);
        // a file system without hard links: check, then rename
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw e;
        if (fs.existsSync(target)) throw new CliError(`${target} already exists; use --force to replace it`);
        fs.renameSync(temporary, target);
      }
    }
  } catch (e) {
    fs.rmSync(temporary, { force: true });
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot write ${target}: ${writeFailure(e)}`);
  } finally {
    // after a link, the temporary name is left over
    if (!overwrite) fs.rmSync(temporary, { force: true });
  }
}

function writeFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'no such directory'
    : code === 'EISDIR'
      ? 'is a directory'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOTDIR'
          ? 'a part of the path is not a directory'
          : (e as Error).message;
}
