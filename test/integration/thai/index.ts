// The Thai suite: VS Code's display language is Thai (`--locale th`), so the extension's
// package.nls.th.json and l10n/bundle.l10n.th.json are used.
import { runSuite } from '../index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
