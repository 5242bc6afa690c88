/**
 * The one place where the command line writes its output (`--out`):
 *
 * - no `--out`, or `-`: standard output, chunk by chunk (a large export is never one string);
 * - a new path in an existing folder, or a regular file: written whole, to a temporary file next
 *   to it that is then renamed over it, so a reader never sees half a file and a failed write
 *   leaves the old one;
 * - anything else (a device such as /dev/null, a FIFO, a socket, a directory, a symbolic link:
 *   a link in a folder someone else made could point at any of the user's files) is refused with
 *   one line, checked before the command does its work and again just before the rename;
 * - a file the command has read (the annotations file, a tagged document, a glossary, the
 *   codebook) is never written over.
 */
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from './common';
import { describeFileType, type Inputs, kindName } from './input';

/** Where output goes: standard output, or the file to create or replace. */
export type OutputTarget = { kind: 'stdout' } | { kind: 'file'; /** as given */ name: string; /** the file written */ path: string; exists: boolean };

export interface OutputSink {
  stdout: { write(chunk: string): unknown };
}

function failure(name: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? l10n.t('no such directory')
      : code === 'EISDIR'
        ? l10n.t('is a directory')
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? l10n.t('permission denied')
          : code === 'ENOTDIR'
            ? l10n.t('a part of the path is not a directory')
            : code === 'ELOOP'
              ? l10n.t('too many symbolic links')
              : (e as Error).message;
  return new CliError(l10n.t('cannot write {0}: {1}', name, why));
}

function refused(name: string, stat: fs.Stats, viaLink: boolean): CliError {
  if (stat.isDirectory() && !viaLink) return new CliError(l10n.t('cannot write {0}: {1}', name, l10n.t('is a directory')));
  return new CliError(
    viaLink
      ? l10n.t('cannot write {0}: a symbolic link to {1}; --out replaces only regular files (use - for standard output)', name, describeFileType(stat))
      : l10n.t('cannot write {0}: {1}; --out replaces only regular files (use - for standard output)', name, describeFileType(stat)),
  );
}

/**
 * Where `--out` writes, checked: throws a one-line CliError for a target that is not a regular
 * file or a new path in an existing folder, and (with `overwrite: false`) for one that exists.
 */
export function outputTarget(name: string | undefined, options: { overwrite?: boolean } = {}): OutputTarget {
  if (name === undefined || name === '-') return { kind: 'stdout' };
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(name);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw failure(name, e);
    // a new file: its folder must be there
    let dir: fs.Stats;
    try {
      dir = fs.statSync(path.dirname(name));
    } catch (e2) {
      throw failure(name, e2);
    }
    if (!dir.isDirectory()) throw new CliError(l10n.t('cannot write {0}: {1}', name, l10n.t('a part of the path is not a directory')));
    return { kind: 'file', name, path: name, exists: false };
  }
  if (stat.isSymbolicLink()) {
    // not followed: a link in a folder someone else made could point at any file of the user's
    let target: fs.Stats | undefined;
    try {
      target = fs.statSync(name);
    } catch {
      target = undefined;
    }
    if (!target) throw new CliError(l10n.t('cannot write {0}: a symbolic link to nothing; --out replaces only regular files (use - for standard output)', name));
    if (target.isFile()) throw new CliError(l10n.t('cannot write {0}: a symbolic link; --out replaces only regular files (name the file it points to, or use - for standard output)', name));
    throw refused(name, target, true);
  }
  if (!stat.isFile()) throw refused(name, stat, false);
  if (options.overwrite === false) throw new CliError(l10n.t('{0} already exists; use --force to replace it', name));
  return { kind: 'file', name, path: name, exists: true };
}

/** The chunks joined into pieces of about `size` characters: fewer writes, and never one huge string. Bytes pass as they are. */
function* batched(chunks: Iterable<string | Uint8Array>, size = 1 << 20): Iterable<string | Uint8Array> {
  let buffer = '';
  for (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      if (buffer !== '') yield buffer;
      buffer = '';
      yield chunk;
      continue;
    }
    buffer += chunk;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/** A temporary file name next to `target`. */
function temporaryName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
}

/**
 * Writes `chunks` to the target (see the top of this file). `inputs` are the files this run read:
 * none of them is written over. With `overwrite: false` an existing file is never replaced, even
 * one created meanwhile (the temporary file is linked, not renamed).
 */
export function writeOutput(target: OutputTarget, chunks: Iterable<string | Uint8Array>, io: OutputSink, inputs: Inputs, options: { overwrite?: boolean } = {}): void {
  if (target.kind === 'stdout') {
    for (const chunk of batched(chunks)) {
      if (typeof chunk !== 'string') throw new CliError('binary output cannot go to standard output; name a file with --out');
      io.stdout.write(chunk);
    }
    return;
  }
  const overwrite = options.overwrite ?? true;
  // checked again now that everything is read: the file may have changed, and must not be an input
  const now = outputTarget(target.name, { overwrite });
  if (now.kind !== 'file') throw new CliError(l10n.t('cannot write {0}', target.name));
  if (now.exists) {
    const input = inputs.inputNamed(fs.statSync(now.path));
    if (input) throw new CliError(l10n.t('cannot write {0}: it is the {1} {2}, which this command reads; choose another --out', target.name, kindName(input.kind), input.file));
  }
  const temporary = temporaryName(now.path);
  try {
    const fd = fs.openSync(temporary, 'wx');
    try {
      for (const chunk of batched(chunks)) {
        if (typeof chunk === 'string') fs.writeSync(fd, chunk);
        else fs.writeSync(fd, chunk);
      }
    } finally {
      fs.closeSync(fd);
    }
    if (overwrite) {
      const last = outputTarget(target.name);
      if (last.kind === 'file' && last.path !== now.path) throw new CliError(l10n.t('cannot write {0}: it changed while the output was written', target.name));
      fs.renameSync(temporary, now.path);
    } else {
      try {
        fs.linkSync(temporary, now.path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new CliError(l10n.t('{0} already exists; use --force to replace it', target.name));
        // a file system without hard links: check, then rename
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw e;
        if (fs.existsSync(now.path)) throw new CliError(l10n.t('{0} already exists; use --force to replace it', target.name));
        fs.renameSync(temporary, now.path);
      }
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw failure(target.name, e);
  } finally {
    // after a link, or a failure, the temporary name is left over
    fs.rmSync(temporary, { force: true });
  }
}
