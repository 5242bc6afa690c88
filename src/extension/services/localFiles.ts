/**
 * Reading files of the local disk (`file:` URIs) with Node's own `fs`, in the Node extension
 * host only: the workspace index reads thousands of files, and through `vscode.workspace.fs` a
 * stat and a read cost about 0.9 ms a file against 0.05 ms here (measured in the extension host on
 * 3,000 files of 10 KB, 16 at a time; issue 12). Everything else reads through files.ts; the web
 * build takes localFiles.web.ts instead (no local disk), and so does any other scheme.
 */
// eslint-disable-next-line no-restricted-imports -- the one measured exception (see above)
import { promises as fs } from 'node:fs';

export interface LocalStat {
  size: number;
  /** modification time, ms */
  mtime: number;
  isFile: boolean;
  isDirectory: boolean;
}

export interface LocalFiles {
  stat(path: string): Promise<LocalStat>;
  read(path: string): Promise<Uint8Array>;
}

export const localFiles: LocalFiles | undefined = {
  async stat(path) {
    const s = await fs.stat(path);
    return { size: s.size, mtime: s.mtimeMs, isFile: s.isFile(), isDirectory: s.isDirectory() };
  },
  read: (path) => fs.readFile(path),
};
