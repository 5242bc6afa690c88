/**
 * Reading and writing files for the extension layer, through `vscode.workspace.fs` (so it works
 * on remote and virtual file systems and in the browser); the index's many reads of local files
 * through Node (localFiles.ts). One home for: decoding text
 * (the core's decoder: UTF-8 or UTF-16 by its byte-order mark, the mark dropped as the editor
 * does), reading only regular files of a bounded size, whole-file atomic writes, and telling a
 * missing file from an unreadable one.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { decodeText as decodeBytes, formatNumber, type DecodedText } from '../../core';
import { localFiles } from './localFiles';
import { concatBytes } from '../../features/compactIndex';

const encoder = new TextEncoder();

/** The most a file read whole as text may hold (an annotations file, a glossary), in bytes. */
export const MAX_TEXT_FILE_BYTES = 128_000_000;

/**
 * The text of a file's bytes, by the core's one decoder (UTF-8, or UTF-16 with its byte order
 * mark; the mark dropped). Throws for bytes that are not text (NUL bytes, UTF-16 without a mark).
 */
export function decodeText(bytes: Uint8Array): string {
  return decodeBytes(bytes).text;
}

/** True when `err` says the file does not exist. */
export function isFileNotFound(err: unknown): boolean {
  return err instanceof vscode.FileSystemError && (err.code === 'FileNotFound' || err.code === 'EntryNotFound');
}

/** True when something (a file or a folder) is at `uri`. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A file's text. Throws what the file system throws (see `isFileNotFound`), and for what `readDecoded` refuses. */
export async function readText(uri: vscode.Uri): Promise<string> {
  return (await readDecoded(uri)).text;
}

/**
 * A file's decoded text (with the place of any invalid UTF-8), read only when it is a regular
 * file (a link to one is followed) of at most `maxBytes`: a device or FIFO (such as a link to
 * /dev/zero) is never read.
 */
export async function readDecoded(uri: vscode.Uri, maxBytes = MAX_TEXT_FILE_BYTES): Promise<DecodedText> {
  return decodeBytes(await readBytes(uri, maxBytes));
}

/** A file's bytes, read only when it is a regular file of at most `maxBytes` (see `readDecoded`). */
export async function readBytes(uri: vscode.Uri, maxBytes = MAX_TEXT_FILE_BYTES): Promise<Uint8Array> {
  const stat = await vscode.workspace.fs.stat(uri);
  if ((stat.type & vscode.FileType.File) === 0) throw new Error(stat.type & vscode.FileType.Directory ? l10n.t('it is a directory') : l10n.t('it is not a regular file'));
  if (stat.size > maxBytes) throw new Error(l10n.t('it is larger than {0} MB', formatNumber(Math.round(maxBytes / 1e6))));
  return vscode.workspace.fs.readFile(uri);
}

/** A regular file's size (bytes) and modification time (ms). */
export interface FileVersion {
  size: number;
  mtime: number;
}

/**
 * A regular file's size and modification time, or undefined when it is not a regular file or
 * cannot be read. Local files (`file:` in the Node extension host) through Node (localFiles.ts).
 */
export async function statFile(uri: vscode.Uri): Promise<FileVersion | undefined> {
  try {
    if (localFiles && uri.scheme === 'file') {
      const stat = await localFiles.stat(uri.fsPath);
      return stat.isFile ? { size: stat.size, mtime: stat.mtime } : undefined;
    }
    const stat = await vscode.workspace.fs.stat(uri);
    return (stat.type & vscode.FileType.File) === 0 ? undefined : { size: stat.size, mtime: stat.mtime };
  } catch {
    return undefined;
  }
}

/** A file's bytes (local files through Node, see localFiles.ts). Throws what the file system throws. */
export async function readFileBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return localFiles && uri.scheme === 'file' ? localFiles.read(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}

/**
 * A file's text with its size and modification time, or undefined when it is not a file, cannot
 * be read, or is longer than `maxChars` characters (checked on its size first: UTF-8 takes at
 * most 3 bytes per UTF-16 code unit, so a larger file is over the limit without reading it).
 */
export async function readTextWithin(uri: vscode.Uri, maxChars: number): Promise<(FileVersion & { text: string }) | undefined> {
  try {
    const version = await statFile(uri);
    if (!version || version.size > maxChars * 3) return undefined;
    const bytes = await readFileBytes(uri);
    const text = decodeText(bytes);
    if (localFiles && uri.scheme === 'file') release(bytes);
    return text.length > maxChars ? undefined : { text, ...version };
  } catch {
    return undefined;
  }
}

/**
 * Frees the memory of bytes read through Node (and only used here) at once, where the platform
 * can (`ArrayBuffer.prototype.transfer`, Node 21 and later), rather than at a later garbage
 * collection: the index reads thousands of files, and their buffers, freed late, pile up and
 * leave the allocator's memory larger.
 */
function release(bytes: Uint8Array): void {
  const buffer = bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
  if (bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) buffer.transfer?.(0);
}

function temporaryNextTo(target: vscode.Uri): vscode.Uri {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return target.with({ path: `${target.path}.tmp-${suffix}` });
}

/**
 * Writes a file whole, never half: to a temporary file in the same folder (created if needed),
 * then renamed over the target. The temporary file is removed if anything fails.
 */
export async function writeTextAtomic(target: vscode.Uri, text: string): Promise<void> {
  await writeBytesAtomic(target, encoder.encode(text));
}

/**
 * Writes bytes whole, never half, as `writeTextAtomic` does (`throughNode`: a local file through
 * Node's fs, see localFiles.ts). The bytes may come in parts, written one after the other (through
 * Node without joining them into one copy).
 */
export async function writeBytesAtomic(target: vscode.Uri, bytes: Uint8Array | readonly Uint8Array[], options: { throughNode?: boolean } = {}): Promise<void> {
  // the index's large file, in the extension's storage: through Node where it can (localFiles.ts)
  const node = options.throughNode && target.scheme === 'file' ? localFiles : undefined;
  const files = node
    ? {
        createParent: (uri: vscode.Uri) => node.createParent(uri.fsPath),
        write: (uri: vscode.Uri, data: Uint8Array | readonly Uint8Array[]) => node.write(uri.fsPath, data),
        rename: (from: vscode.Uri, to: vscode.Uri) => node.rename(from.fsPath, to.fsPath),
        remove: (uri: vscode.Uri) => node.remove(uri.fsPath),
      }
    : {
        createParent: async (uri: vscode.Uri) => vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..')),
        write: async (uri: vscode.Uri, data: Uint8Array | readonly Uint8Array[]) => vscode.workspace.fs.writeFile(uri, data instanceof Uint8Array ? data : concatBytes(data)),
        rename: async (from: vscode.Uri, to: vscode.Uri) => vscode.workspace.fs.rename(from, to, { overwrite: true }),
        remove: async (uri: vscode.Uri) => vscode.workspace.fs.delete(uri),
      };
  await files.createParent(target);
  const temporary = temporaryNextTo(target);
  try {
    await files.write(temporary, bytes);
    await files.rename(temporary, target);
  } catch (err) {
    await files.remove(temporary).catch(() => undefined);
    throw err;
  }
}

/**
 * `uri` if nothing is there, else the first of `name-2.glossary.yaml`, `name-3...` (for any
 * other file, `name-2.ext`) that does not exist.
 */
export async function freeGlossaryName(uri: vscode.Uri): Promise<vscode.Uri> {
  if (!(await exists(uri))) return uri;
  const m = /^(.*?)((?:\.glossary)?\.[^./]+)?$/.exec(uri.path)!;
  for (let n = 2; ; n++) {
    const candidate = uri.with({ path: `${m[1]}-${n}${m[2] ?? ''}` });
    if (!(await exists(candidate))) return candidate;
  }
}

/** The names of the regular files in a folder; none when the folder does not exist. */
export async function listFiles(folder: vscode.Uri): Promise<string[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
  } catch (err) {
    if (isFileNotFound(err)) return [];
    throw err;
  }
}
