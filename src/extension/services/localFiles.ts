/**
 * Reading files of the local disk (`file:` URIs) with Node's own `fs`, in the Node extension
 * host only: the workspace index reads thousands of files, and through `vscode.workspace.fs` a
 * stat and a read cost about 0.9 ms a file against 0.05 ms here (measured in the extension host on
 * 3,000 files of 10 KB, 16 at a time; issue 12), and its persisted index (80 MB for 14,000 files)
 * would cross to the workbench and back. Everything else goes through workspace.fs; the web
 * build takes localFiles.web.ts instead (no local disk), and so does any other scheme.
 */
// eslint-disable-next-line no-restricted-imports -- the one measured exception (see above)
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';

export interface LocalStat {
  size: number;
  /** modification time, ms */
  mtime: number;
  isFile: boolean;
}

/** The operations files.ts needs (its atomic write is one procedure over these or workspace.fs). */
export interface LocalFiles {
  stat(path: string): Promise<LocalStat>;
  read(path: string): Promise<Uint8Array>;
  /** writes a file (bytes in parts: one after the other) */
  write(path: string, bytes: Uint8Array | readonly Uint8Array[]): Promise<void>;
  /** creates the folder of `path` */
  createParent(path: string): Promise<void>;
  /** renames `from` over `to` */
  rename(from: string, to: string): Promise<void>;
  /** removes a file; nothing when there is none */
  remove(path: string): Promise<void>;
}

export const localFiles: LocalFiles | undefined = {
  async stat(path) {
    const s = await fs.stat(path);
    return { size: s.size, mtime: s.mtimeMs, isFile: s.isFile() };
  },
  read: (path) => fs.readFile(path),
  write: (path, bytes) => fs.writeFile(path, bytes instanceof Uint8Array ? bytes : coalesced(bytes)),
  createParent: async (path) => void (await fs.mkdir(dirname(path), { recursive: true })),
  rename: (from, to) => fs.rename(from, to),
  remove: (path) => fs.rm(path, { force: true }),
};

/**
 * Parts in chunks of about 1 MB for writing: small parts are copied into one buffer, reused once
 * the write of the chunk before is done (Node's writeFile writes each chunk before it asks for the
 * next), and large parts are given as they are.
 */
async function* coalesced(parts: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  const chunk = new Uint8Array(1 << 20);
  let used = 0;
  for (const part of parts) {
    if (used > 0 && used + part.length > chunk.length) {
      yield chunk.subarray(0, used);
      used = 0;
    }
    if (part.length >= chunk.length) yield part;
    else {
      chunk.set(part, used);
      used += part.length;
    }
  }
  if (used > 0) yield chunk.subarray(0, used);
}
