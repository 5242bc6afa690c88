// A measuring suite, not part of `npm test`: big documents in the editor, timed by the renderer
// (keystroke to paint, through the page driver of scripts/lib/editorDriver.mjs) and by the
// extension host (issue 12, target 1; docs/scale.md). Each figure is one line
// `editor figure: NAME VALUE ms (target ...)`:
//
//   npm run test:vscode -- --tests out/test/integration/editor/index.js
import * as path from 'node:path';
import { runSuite } from '../index';

export function run(): Promise<void> {
  return runSuite(path.join(__dirname));
}
