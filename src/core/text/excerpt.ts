/**
 * Text shortened for a label or a message: cut with `…`, never between a Thai consonant and its
 * vowel and tone marks, nor inside a surrogate pair.
 */

/** Thai vowels and tone marks written above or below the consonant before them (they must stay with it). */
function isThaiCombining(code: number): boolean {
  return code === 0x0e31 || (code >= 0x0e34 && code <= 0x0e3a) || (code >= 0x0e47 && code <= 0x0e4e);
}

/**
 * `text` cut to about `max` UTF-16 code units with `…` appended when cut. Never cuts a surrogate pair
 * or a Thai consonant from its vowel and tone marks.
 */
export function truncateLabel(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(1, max);
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (isThaiCombining(code) || (code >= 0xdc00 && code <= 0xdfff)) end++;
    else break;
  }
  if (end >= text.length) return text;
  return text.slice(0, end).trimEnd() + '…';
}

/**
 * `text` on one line (each run of white space one space, trimmed), at most about `max` characters
 * with the `…`: for quick pick details, messages and lists that show one line.
 */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? truncateLabel(flat, max - 1) : flat;
}
