/**
 * What Add Selection to Glossary asks before it takes a selection as a term: a glossary term is a
 * word or a short phrase, so a long selection, or one over a line break, is more likely a slip of
 * the mouse than a term. Pure: no `vscode` import.
 */
import * as l10n from '@vscode/l10n';
import { formatNumber, oneLine } from '../core';

/** A selection longer than this many characters (once trimmed) is asked about. */
export const CONFIRM_TERM_LENGTH = 60;

/** The question to ask before adding `selection` as a term, or undefined when it looks like one. */
export function longTermQuestion(selection: string): string | undefined {
  const text = selection.trim();
  const shown = oneLine(text, 40);
  if (/[\r\n\u2028\u2029]/.test(text)) return l10n.t('The selection «{0}» spans more than one line. Add it to the glossary as one term?', shown);
  if (text.length > CONFIRM_TERM_LENGTH) return l10n.t('The selection «{0}» is {1} characters long; a glossary term is usually a word or a short phrase. Add it anyway?', shown, formatNumber(text.length));
  return undefined;
}
