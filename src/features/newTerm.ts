/**
 * What Add Selection to Glossary asks before it takes a selection as a term: a glossary term is a
 * word or a short phrase, so a long selection, or one over a line break, is more likely a slip of
 * the mouse than a term. Pure: no `vscode` import.
 */

/** A selection longer than this many characters (once trimmed) is asked about. */
export const CONFIRM_TERM_LENGTH = 60;

/** The question to ask before adding `selection` as a term, or undefined when it looks like one. */
export function longTermQuestion(selection: string): string | undefined {
  const text = selection.trim();
  const flat = text.replace(/\s+/g, ' ');
  const shown = flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
  if (/[\r\n\u2028\u2029]/.test(text)) return `The selection «${shown}» spans more than one line. Add it to the glossary as one term?`;
  if (text.length > CONFIRM_TERM_LENGTH) return `The selection «${shown}» is ${text.length} characters long; a glossary term is usually a word or a short phrase. Add it anyway?`;
  return undefined;
}
