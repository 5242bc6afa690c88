/**
 * The one place where the command line reads its input files: documents, glossaries, the
 * annotations file and codebooks.
 *
 * - Only regular files (a symbolic link is followed to one) and `-` for standard input are read;
 *   a device, FIFO, socket or directory is refused with one line before it is opened, so
 *   `/dev/zero` or a FIFO never hangs the command or fills memory.
 * - Each file is read once (standard input at most once per run) and never more than the size cap
 *   of its kind (`INPUT_LIMITS`), which `--max-size MB` raises or lowers for every kind.
 * - Text is decoded by the core's `decodeText`: UTF-8, UTF-16 with a byte order mark; binary or
 *   UTF-16 without a BOM is refused; invalid UTF-8 is a warning with its line and column for a
 *   document and an error for a glossary or an annotations file.
 * - What was read is remembered (device and inode), so that the output writer can refuse to
 *   write over an input (`inputNamed`).
 */
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DecodeError, decodeText, formatNumber, plural } from '../core';
import { CliError, type WarningSink } from './common';

/** What a file is to the command; the word is used in messages ("cannot read glossary X"). */
export type InputKind = 'file' | 'document' | 'glossary' | 'annotations file' | 'codebook' | 'project';

const MB = 1_000_000;

/** The size cap of each kind of input file, in bytes (`--max-size MB` replaces them all). */
export const INPUT_LIMITS: Readonly<Record<InputKind, number>> = {
  file: 256 * MB,
  document: 256 * MB,
  glossary: 32 * MB,
  'annotations file': 128 * MB,
  codebook: 64 * MB,
  project: 256 * MB,
};

/** Reads standard input whole, at most `max` + 1 bytes (tests give their own). */
export type StdinReader = (max: number) => Buffer;

/** A size in MB as messages write it. */
export function formatSize(bytes: number): string {
  if (bytes < MB) return plural(bytes, l10n.t('1 byte'), l10n.t('{0} bytes', formatNumber(bytes)));
  const mb = bytes / MB;
  return l10n.t('{0} MB', mb >= 10 ? formatNumber(Math.round(mb)) : mb.toFixed(1).replace(/\.0$/, ''));
}

/** Throws `missing` when nothing is at `folder`, `notFolder` when it is not a folder (the commands that read a folder say which in their own words). */
export function requireFolder(folder: string, missing: string, notFolder: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new CliError(missing);
  }
  if (!stat.isDirectory()) throw new CliError(notFolder);
}

/** A kind of input file, as messages name it. */
export function kindName(kind: InputKind): string {
  switch (kind) {
    case 'file':
      return l10n.t('file');
    case 'document':
      return l10n.t('document');
    case 'glossary':
      return l10n.t('glossary');
    case 'annotations file':
      return l10n.t('annotations file');
    case 'codebook':
      return l10n.t('codebook');
    case 'project':
      return l10n.t('REFI-QDA project');
  }
}

/** `--max-size` as bytes: a positive number of megabytes. */
export function parseMaxSize(value: string): number {
  const n = Number(value);
  if (!/^\d+(?:\.\d+)?$/.test(value.trim()) || !(n > 0)) throw new CliError(l10n.t('invalid --max-size "{0}": give a number of megabytes, such as 500', value));
  return Math.round(n * MB);
}

/** Why a file could not be opened, in a few words. */
function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return l10n.t('no such file');
  if (code === 'EISDIR') return l10n.t('is a directory');
  if (code === 'EACCES' || code === 'EPERM') return l10n.t('permission denied');
  if (code === 'ENOTDIR') return l10n.t('a part of the path is not a directory');
  if (code === 'ELOOP') return l10n.t('too many symbolic links');
  return (e as Error).message;
}

/** What a file that is not a regular file is, for a message. */
export function describeFileType(stat: fs.Stats): string {
  if (stat.isDirectory()) return l10n.t('a directory');
  if (stat.isCharacterDevice()) return l10n.t('a character device');
  if (stat.isBlockDevice()) return l10n.t('a block device');
  if (stat.isFIFO()) return l10n.t('a FIFO (named pipe)');
  if (stat.isSocket()) return l10n.t('a socket');
  if (stat.isSymbolicLink()) return l10n.t('a symbolic link');
  return l10n.t('not a regular file');
}

/** Sleeps `ms` milliseconds without a busy loop (standard input that would block). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Reads file descriptor `fd` to its end, at most `max` + 1 bytes. */
function readAll(fd: number, max: number, sizeHint = 0): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunk = Buffer.allocUnsafe(Math.min(Math.max(sizeHint + 1, 65536), max + 1, 64 * MB));
  let used = 0;
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(fd, chunk, used, Math.min(chunk.length - used, max + 1 - total), null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        pause(5);
        continue;
      }
      throw e;
    }
    if (n === 0) break;
    used += n;
    total += n;
    if (total > max) break;
    if (used === chunk.length) {
      chunks.push(chunk);
      chunk = Buffer.allocUnsafe(Math.min(chunk.length * 2, 64 * MB));
      used = 0;
    }
  }
  chunks.push(chunk.subarray(0, used));
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

/** Standard input of this process. */
export const processStdin: StdinReader = (max) => readAll(0, max);

/** The input files of one run of the command line. */
export class Inputs {
  private stdinRead = false;
  /** `dev:ino` of each file read -> how it was named and what it is */
  private readonly read = new Map<string, { file: string; kind: InputKind }>();

  constructor(
    private readonly options: {
      /** replaces the cap of every kind (`--max-size`) */
      maxBytes?: number;
      stdin?: StdinReader;
    } = {},
  ) {}

  /** The cap of a kind of file, in bytes. */
  limit(kind: InputKind): number {
    return this.options.maxBytes ?? INPUT_LIMITS[kind];
  }

  /** The bytes of a file (or of standard input for `-`); anything else is a one-line CliError. */
  bytes(file: string, kind: InputKind): Buffer {
    const max = this.limit(kind);
    const tooLarge = (size?: string): CliError =>
      new CliError(
        size
          ? l10n.t('{0}: {1} larger than the limit of {2} (it has {3}); raise it with --max-size MB', file === '-' ? l10n.t('standard input') : file, kindName(kind), formatSize(max), size)
          : l10n.t('{0}: {1} larger than the limit of {2}; raise it with --max-size MB', file === '-' ? l10n.t('standard input') : file, kindName(kind), formatSize(max)),
      );
    if (file === '-') {
      if (this.stdinRead) throw new CliError(l10n.t('standard input (-) can be read only once'));
      this.stdinRead = true;
      const bytes = (this.options.stdin ?? processStdin)(max);
      if (bytes.length > max) throw tooLarge();
      return bytes;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch (e) {
      throw new CliError(l10n.t('cannot read {0} {1}: {2}', kindName(kind), file, readFailure(e)));
    }
    if (stat.isDirectory()) throw new CliError(l10n.t('cannot read {0} {1}: {2}', kindName(kind), file, l10n.t('is a directory')));
    if (!stat.isFile()) throw new CliError(l10n.t('cannot read {0} {1}: {2}, not a regular file (use - for standard input)', kindName(kind), file, describeFileType(stat)));
    if (stat.size > max) throw tooLarge(formatSize(stat.size));
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch (e) {
      throw new CliError(l10n.t('cannot read {0} {1}: {2}', kindName(kind), file, readFailure(e)));
    }
    try {
      const opened = fs.fstatSync(fd);
      // replaced between the check and the open: check again
      if (!opened.isFile()) throw new CliError(l10n.t('cannot read {0} {1}: {2}, not a regular file (use - for standard input)', kindName(kind), file, describeFileType(opened)));
      const bytes = readAll(fd, max, opened.size);
      if (bytes.length > max) throw tooLarge();
      this.read.set(`${opened.dev}:${opened.ino}`, { file, kind });
      return bytes;
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(l10n.t('cannot read {0} {1}: {2}', kindName(kind), file, readFailure(e)));
    } finally {
      fs.closeSync(fd);
    }
  }

  /**
   * The text of a file (see the top of this file). Invalid UTF-8 in a document is reported on
   * `sink` as `FILE:LINE:COL: warning: ...`; in any other kind of file it is an error.
   */
  text(file: string, kind: InputKind, sink: WarningSink): string {
    const bytes = this.bytes(file, kind);
    let decoded;
    try {
      decoded = decodeText(bytes);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      if (e.reason === 'nul') throw new CliError(l10n.t('{0}: binary {1} (it contains NUL bytes), not text', file, kindName(kind)));
      throw new CliError(l10n.t('{0}: not a text {1}: {2}', file, kindName(kind), e.message));
    }
    if (decoded.invalid) {
      const at = `${file}:${decoded.invalid.line}:${decoded.invalid.column}`;
      if (kind === 'file' || kind === 'document') sink.stderr.write(`${l10n.t('{0}: warning: invalid UTF-8, read as U+FFFD', at)}\n`);
      else throw new CliError(l10n.t('{0}: invalid UTF-8 in the {1}: save it as UTF-8', at, kindName(kind)));
    }
    return decoded.text;
  }

  /** The input file that `stat` is, when this run read it. */
  inputNamed(stat: fs.Stats): { file: string; kind: InputKind } | undefined {
    return this.read.get(`${stat.dev}:${stat.ino}`);
  }
}

/** The text files a folder contributes (documentFiles' default, when no `--include` names others). */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.md'];
/** The files a folder given to `analyze`, `find` or `report` contributes: text, and the documents converted first. */
export const ANALYZE_EXTENSIONS: readonly string[] = [...DOCUMENT_EXTENSIONS, '.pdf', '.docx', '.html', '.htm'];
/** The text Import Document and `convert --out` write for `NAME.pdf`: a folder holding it skips the source. */
const CONVERTED_SUFFIXES = ['.policy.txt', '.policy.md'];
/** Folders never walked into (as the editor's workspace index skips them). */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.policy-lens']);

/**
 * A glob as a RegExp over a relative path written with `/`: `*` any characters but `/`, `?` one
 * of them, `**` any number of folders, `{a,b}` either, `[...]` a class. A glob without `/`
 * matches the file name in any folder (as in .gitignore).
 */
export function globRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          source += '(?:[^/]*/)*';
        } else source += '.*';
      } else source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) source += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) source += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else source += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  if (braces > 0) throw new CliError(l10n.t('invalid glob "{0}": a {1} is not closed', glob, '{'));
  return new RegExp(glob.includes('/') ? `^${source}$` : `(?:^|/)${source}$`);
}

/**
 * The documents named by `analyze`'s arguments: a file as named (or `-`); a folder walked
 * recursively, its files in path order (by code unit), those ending in one of `extensions`
 * (by default .txt or .md), or those an `include` glob matches, less those an `exclude` glob
 * matches (globs are matched against the path relative to the folder). A PDF, Word or HTML
 * file found in a folder beside its converted text (`NAME.policy.txt` or `.policy.md`, as
 * Import Document writes it) is left out: the text stands for it. A folder with no such file
 * is an error.
 */
export function documentFiles(args: readonly string[], globs: { include: readonly string[]; exclude: readonly string[]; extensions?: readonly string[] }): string[] {
  const include = globs.include.map(globRegExp);
  const exclude = globs.exclude.map(globRegExp);
  const extensions = globs.extensions ?? DOCUMENT_EXTENSIONS;
  const wanted = (relative: string): boolean =>
    (include.length ? include.some((g) => g.test(relative)) : extensions.some((e) => relative.toLowerCase().endsWith(e))) && !exclude.some((g) => g.test(relative));
  const files: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats | undefined;
    try {
      stat = arg === '-' ? undefined : fs.statSync(arg);
    } catch {
      stat = undefined; // reported when it is read
    }
    if (!stat?.isDirectory()) {
      files.push(arg);
      continue;
    }
    const found: string[] = [];
    const walk = (dir: string, relative: string): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        throw new CliError(l10n.t('cannot read folder {0}: {1}', dir, readFailure(e)));
      }
      for (const entry of entries) {
        const rel = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name) && !exclude.some((g) => g.test(rel))) walk(path.join(dir, entry.name), rel);
        } else if (entry.isFile() && wanted(rel)) found.push(rel);
      }
    };
    walk(arg, '');
    if (!found.length)
      throw new CliError(
        include.length
          ? l10n.t('{0}: no documents in this folder (none matches --include)', arg)
          : extensions === DOCUMENT_EXTENSIONS
            ? l10n.t('{0}: no documents in this folder (no .txt or .md file)', arg)
            : l10n.t('{0}: no documents in this folder (no .txt, .md, .pdf, .docx or .html file)', arg),
      );
    const present = new Set(found);
    const convertedBeside = (rel: string): boolean => /\.(pdf|docx|html?)$/i.test(rel) && CONVERTED_SUFFIXES.some((s) => present.has(rel.replace(/\.(pdf|docx|html?)$/i, s)));
    const kept = found.filter((rel) => !convertedBeside(rel));
    kept.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const rel of kept) files.push(path.join(arg, rel));
  }
  return files;
}
