/**
 * The label of a passage in a list (the Themes view's occurrences and tags): its line, cut to some
 * context around it at word edges, and where the passage is in that label.
 *
 * Pure: no `vscode`.
 */

/** Lines are cut to about this many characters at most... */
export const MAX_LABEL = 76;
/** ...with this much of the line before the match at most. */
const LEAD_IN = 20;
/** Lines are cut only where that leaves out at least this many characters. */
const MIN_CUT = 8;


/** An occurrence's label and where the match is in it. */
export interface Excerpt {
  text: string;
  highlight: [number, number];
}

let segmenter: Intl.Segmenter | undefined;
const COMBINING = /\p{M}/u;

/**
 * The line of [start, end), cut to some context on each side of the match (with "…"), and where
 * the match is in that label. Cuts fall on a space if there is one near, else on a word edge
 * found by `Intl.Segmenter` in a small window, never inside a character.
 */
export function excerpt(source: { lineOf(offset: number): number; lineSpan(line: number): [number, number]; readonly text: string }, start: number, end: number): Excerpt {
  const text = source.text;
  const [lineStart, lineEnd] = source.lineSpan(source.lineOf(start));
  const matchEnd = Math.min(end, lineEnd);
  // A short lead-in before the match (so the match shows in a narrow side bar), and as much of
  // the rest of the line as fits. A cut that would save only a few characters is not made.
  const wantBefore = start - lineStart;
  const wantAfter = lineEnd - matchEnd;
  const before = Math.min(wantBefore, LEAD_IN);
  const after = Math.min(wantAfter, Math.max(0, MAX_LABEL - before - (matchEnd - start)));
  const from = before + MIN_CUT < wantBefore ? cutPoint(text, start - before, lineStart, start, 'forward') : lineStart;
  const to = after + MIN_CUT < wantAfter ? cutPoint(text, matchEnd + after, matchEnd, lineEnd, 'backward') : lineEnd;
  // trim white space at the ends (not inside the match)
  let first = from;
  let last = to;
  while (first < start && isSpace(text.charCodeAt(first))) first++;
  while (last > matchEnd && isSpace(text.charCodeAt(last - 1))) last--;
  const prefix = from > lineStart ? '…' : '';
  const suffix = to < lineEnd ? '…' : '';
  const body = text.slice(first, last).replace(/\t/g, ' ');
  const hs = prefix.length + (start - first);
  return { text: prefix + body + suffix, highlight: [hs, hs + (matchEnd - start)] };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x3000;
}

/**
 * Where to cut near `at`, within [min, max]: just past a space within 12 characters (looking
 * towards the match), else at the edge of the word around `at` (the next word for the start of
 * a label, the word's own start for its end), never inside a character.
 */
function cutPoint(text: string, at: number, min: number, max: number, towards: 'forward' | 'backward'): number {
  const step = towards === 'forward' ? 1 : -1;
  for (let i = 0, p = at; i < 12 && p >= min && p <= max; i++, p += step) {
    if (isSpace(text.charCodeAt(p))) return towards === 'forward' ? p + 1 : p;
  }
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  const winStart = Math.max(min, at - 16);
  const word = segmenter.segment(text.slice(winStart, Math.min(max, at + 16))).containing(at - winStart);
  let p = at;
  if (word) {
    const wordStart = winStart + word.index;
    p = towards === 'backward' || wordStart === at ? wordStart : wordStart + word.segment.length;
    p = Math.min(max, Math.max(min, p));
  }
  while (p < max && (COMBINING.test(text[p]) || (text.charCodeAt(p) & 0xfc00) === 0xdc00)) p++;
  return p;
}
