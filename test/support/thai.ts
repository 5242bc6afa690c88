/** Runs `fn` with the Thai bundle and Thai number formats, then goes back to English. */
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { setUiLocale } from '../../src/core/text/locale';
import { ROOT } from './paths';

export function inThai<T>(fn: () => T): T {
  l10n.config({ fsPath: path.join(ROOT, 'l10n', 'bundle.l10n.th.json') });
  setUiLocale('th');
  try {
    return fn();
  } finally {
    l10n.config({ contents: {} });
    setUiLocale('en');
  }
}
