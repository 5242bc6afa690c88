// A measuring suite, not part of `npm test`: the workspace index and the Themes view on a large
// generated workspace (docs/scale.md). Run it on a folder written by dist/generateWorkspace.js:
//
//   node dist/generateWorkspace.js /tmp/tpl-ws14k
//   npm run test:vscode -- --tests out/test/integration/scale/index.js --folder /tmp/tpl-ws14k
import * as path from 'node:path';
import { runSuite } from '../index';

export function run(): Promise<void> {
  return runSuite(path.join(__dirname));
}
