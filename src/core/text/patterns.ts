/** Patterns that several formats share. */

/** A theme id: lower-case letters, digits and `-`, starting with a letter or digit. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Thai script (U+0E00-U+0E7F: letters, vowels, tone marks, digits, `ฯ`, `ๆ`). */
const THAI_SCRIPT = /[\u0e00-\u0e7f]/;

/**
 * True when `text` has a Thai character. The extension analyses only such documents (unless the
 * setting `thaiPolicyLens.onlyThaiDocuments` is off), so English files are never marked.
 */
export function containsThai(text: string): boolean {
  return THAI_SCRIPT.test(text);
}

/**
 * Several globs as one: `{a,b}` (one glob as it is). VS Code's globs do not nest braces, so the
 * globs' own `{x,y}` groups are spelt out first: `**\/*.{txt,md}` is `**\/*.txt` and `**\/*.md`.
 */
export function globUnion(globs: readonly string[]): string {
  const all = [...new Set(globs.flatMap(expandBraces))];
  return all.length === 1 ? all[0] : `{${all.join(',')}}`;
}

function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  const close = open < 0 ? -1 : glob.indexOf('}', open);
  if (close < 0) return [glob];
  const head = glob.slice(0, open);
  const tail = glob.slice(close + 1);
  return glob
    .slice(open + 1, close)
    .split(',')
    .flatMap((part) => expandBraces(head + part + tail));
}
