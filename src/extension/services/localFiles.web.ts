/** localFiles.ts for the web worker extension host: no local disk (every file through `vscode.workspace.fs`). */
import type { LocalFiles } from './localFiles';

export const localFiles: LocalFiles | undefined = undefined;
