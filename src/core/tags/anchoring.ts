/**
 * Anchoring hand-made tags to text, with the selectors of the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/#selectors): a TextQuoteSelector (the exact text with
 * some text before and after it) and a TextPositionSelector (UTF-16 offsets).
 *
 * `describeRange` makes the selectors of a passage; `anchor` finds the passage again in a text
 * that may have changed since: the exact text at the recorded position; else the occurrence of the
 * exact text anywhere whose surroundings match best, nearest the recorded position; else the best
 * approximate match of the text near where it was (edit distance); else the best approximate
 * match anywhere in the text (Myers' bit-parallel search, linear in the text's length, from the
 * `approx-string-match` package); else nothing (orphaned).
 * `mapRange` moves a passage through one edit of the text, as an editor does.
 *
 * Pure: no `vscode`, no Node modules.
 */
import searchApproximately from 'approx-string-match';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** the text just before `exact` (up to `CONTEXT_CHARS` characters) */
  prefix: string;
  /** the text just after `exact` */
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** UTF-16 offsets into the text */
  start: number;
  end: number;
}

export type TextSelector = TextQuoteSelector | TextPositionSelector;

/** How many characters of context a quote keeps on each side. */
export const CONTEXT_CHARS = 32;
/** The least similarity (1 - edit distance / length) a fuzzy match must reach near its old place. */
export const MIN_SIMILARITY = 0.7;
/**
 * The least similarity of a fuzzy match far from the old place (beyond `FUZZY_WINDOW`): a whole
 * text holds many passages in the same words, so a far match must be closer to the quote.
 */
export const MIN_SIMILARITY_ANYWHERE = 0.85;
/**
 * An occurrence of the exact text found away from its position is accepted only when its
 * characters and the matching context together reach this many: a short quote found with no
 * matching surroundings is more likely another passage than the tagged one.
 */
export const MIN_EVIDENCE = 12;
/** How far (characters) on each side of the expected place the fuzzy search looks first (then the whole text). */
export const FUZZY_WINDOW = 2048;
/** Approximate matches anywhere in the text that are examined at most. */
const MAX_FUZZY_CANDIDATES = 64;
/** Quotes longer than this are matched approximately by their head and tail. */
const FUZZY_DIRECT_LIMIT = 256;
const FUZZY_PART = 64;
/** Occurrences of the exact text examined at most (a one-character quote in a huge text). */
const MAX_CANDIDATES = 100_000;

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 1 for an exact match, else 1 - edit distance / quote length */
  similarity: number;
}

export interface AnchorOptions {
  /** where the passage is expected to start now (default: the recorded position) */
  hint?: number;
  /**
   * What a search of the whole text may still cost, shared by the calls that anchor many passages
   * in one text (see `farSearchBudget`). Each search anywhere reads the whole text once (about
   * 20 ms a megabyte); once the budget is spent, a passage found neither exactly nor near its old
   * place is orphaned. Without it there is no limit.
   */
  budget?: FarSearchBudget;
  /** least similarity of a fuzzy match (default `MIN_SIMILARITY`) */
  minSimilarity?: number;
}

/** Characters that searches of the whole text may still read (see `AnchorOptions.budget`). */
export interface FarSearchBudget {
  chars: number;
}

/**
 * A budget for anchoring the passages of one text: enough for a few dozen searches of a large
 * document (about a second), so re-anchoring never stalls the editor for long.
 */
export function farSearchBudget(chars = 50_000_000): FarSearchBudget {
  return { chars };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The selectors of `text[start, end)`, with up to `context` characters before and after. */
export function describeRange(text: string, start: number, end: number, context = CONTEXT_CHARS): [TextQuoteSelector, TextPositionSelector] {
  let before = Math.max(0, start - context);
  if (before > 0 && isLowSurrogate(text.charCodeAt(before))) before++; // never half a character
  let after = Math.min(text.length, end + context);
  if (after < text.length && isHighSurrogate(text.charCodeAt(after - 1))) after--;
  return [
    { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(before, start), suffix: text.slice(end, after) },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** The quote and position selectors of a list (either may be missing). */
export function selectorsOf(selectors: readonly TextSelector[]): { quote?: TextQuoteSelector; position?: TextPositionSelector } {
  const out: { quote?: TextQuoteSelector; position?: TextPositionSelector } = {};
  for (const s of selectors) {
    if (s.type === 'TextQuoteSelector') out.quote ??= s;
    else if (s.type === 'TextPositionSelector') out.position ??= s;
  }
  return out;
}

/** Whether `text` has `part` at `offset`, without making a substring. */
function hasAt(text: string, part: string, offset: number): boolean {
  if (offset < 0 || offset + part.length > text.length) return false;
  return text.startsWith(part, offset);
}

/** How many characters before `at` equal the end of `prefix` (compared backwards). */
function prefixAgreement(text: string, at: number, prefix: string): number {
  let k = 0;
  while (k < prefix.length && at - 1 - k >= 0 && text.charCodeAt(at - 1 - k) === prefix.charCodeAt(prefix.length - 1 - k)) k++;
  return k;
}

/** How many characters from `at` equal the start of `suffix`. */
function suffixAgreement(text: string, at: number, suffix: string): number {
  let k = 0;
  while (k < suffix.length && at + k < text.length && text.charCodeAt(at + k) === suffix.charCodeAt(k)) k++;
  return k;
}

/**
 * Calls `visit` for each occurrence of `part` that starts in `[from, to)`, in order. Reads only
 * that stretch of the text (a slice), never running on to the next occurrence beyond it.
 */
function forEachOccurrence(text: string, part: string, from: number, to: number, visit: (at: number) => void): void {
  from = Math.max(0, from);
  to = Math.min(to, text.length - part.length + 1);
  if (to <= from || part.length === 0) return;
  const stretch = text.slice(from, to + part.length - 1);
  for (let i = stretch.indexOf(part); i >= 0; i = stretch.indexOf(part, i + 1)) visit(from + i);
}

/**
 * The occurrence of `quote.exact` whose prefix and suffix agree best with the text around it;
 * of equally good ones, the nearest to `expected`. The text is searched in widening bands around
 * `expected`, so the search stops as soon as a perfect occurrence is found and nothing nearer
 * can remain: a passage that moved a little costs little even in a very long text.
 */
function findQuote(text: string, quote: TextQuoteSelector, expected: number): { start: number; evidence: number } | undefined {
  const exact = quote.exact;
  const perfect = quote.prefix.length + quote.suffix.length;
  let bestScore = -1;
  let bestStart = -1;
  let bestDistance = Infinity;
  let visited = 0;
  const consider = (at: number) => {
    if (++visited > MAX_CANDIDATES) return;
    const distance = Math.abs(at - expected);
    const score = prefixAgreement(text, at, quote.prefix) + suffixAgreement(text, at + exact.length, quote.suffix);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      bestScore = score;
      bestStart = at;
      bestDistance = distance;
    }
  };
  // Starts already searched: [lo, hi).
  let radius = Math.max(64, 4 * exact.length);
  let lo = Math.max(0, expected - radius);
  let hi = Math.min(text.length, expected + radius + 1);
  forEachOccurrence(text, exact, lo, hi, consider);
  while ((lo > 0 || hi < text.length) && visited <= MAX_CANDIDATES) {
    // anything not yet searched is more than `radius` away, so farther than the best
    if (bestScore === perfect && bestDistance <= radius) break;
    radius *= 4;
    const newLo = Math.max(0, expected - radius);
    const newHi = Math.min(text.length, expected + radius + 1);
    forEachOccurrence(text, exact, newLo, lo, consider);
    forEachOccurrence(text, exact, hi, newHi, consider);
    lo = newLo;
    hi = newHi;
  }
  return bestStart < 0 ? undefined : { start: bestStart, evidence: exact.length + bestScore };
}

/** An approximate occurrence of a pattern: `text[start, end)` at edit distance `distance`. */
interface ApproximateMatch {
  start: number;
  end: number;
  distance: number;
}

/**
 * The best approximate occurrence of `pattern` in `text[from, to)` (Sellers' algorithm: edit
 * distance where the match may start and end anywhere), keeping the start of each alignment.
 * Of equally close matches, the one starting nearest `expected`. O(pattern length x window).
 */
function approximateMatch(text: string, pattern: string, from: number, to: number, expected: number): ApproximateMatch | undefined {
  const m = pattern.length;
  if (m === 0 || to <= from) return undefined;
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  let previousStart = new Int32Array(m + 1);
  let currentStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    previous[i] = i;
    previousStart[i] = from;
  }
  const codes = new Uint16Array(m);
  for (let i = 0; i < m; i++) codes[i] = pattern.charCodeAt(i);
  let best: ApproximateMatch | undefined;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    current[0] = 0;
    currentStart[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      let cost = previous[i - 1] + (codes[i - 1] === c ? 0 : 1);
      let start = previousStart[i - 1];
      const skipText = previous[i] + 1;
      if (skipText < cost) {
        cost = skipText;
        start = previousStart[i];
      }
      const skipPattern = current[i - 1] + 1;
      if (skipPattern < cost) {
        cost = skipPattern;
        start = currentStart[i - 1];
      }
      current[i] = cost;
      currentStart[i] = start;
    }
    const distance = current[m];
    const start = currentStart[m];
    if (!best || distance < best.distance || (distance === best.distance && Math.abs(start - expected) < Math.abs(best.start - expected))) {
      best = { start, end: j + 1, distance };
    }
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  return best;
}

/**
 * Levenshtein distance of `a` and `b` if it is at most `limit`, else `limit + 1`; only the band
 * of the table within `limit` of the diagonal is computed (O(length x limit)).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = a.length;
  const m = b.length;
  const over = limit + 1;
  let previous = new Int32Array(m + 1).fill(over);
  let current = new Int32Array(m + 1).fill(over);
  for (let j = 0; j <= Math.min(m, limit); j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(m, i + limit);
    // only the band is computed; the cells just outside it read as "too far"
    current[lo - 1] = lo === 1 && i <= limit ? i : over;
    let rowMin = current[lo - 1];
    const c = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      let cost = previous[j - 1] + (b.charCodeAt(j - 1) === c ? 0 : 1);
      if (previous[j] + 1 < cost) cost = previous[j] + 1;
      if (current[j - 1] + 1 < cost) cost = current[j - 1] + 1;
      current[j] = cost > over ? over : cost;
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (hi < m) current[hi + 1] = over;
    if (rowMin > limit) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[m], over);
}

/** The places to look for an approximate match: around the expected start, and where the context is. */
function fuzzyWindows(text: string, quote: TextQuoteSelector, expected: number): Array<[number, number]> {
  const reach = FUZZY_WINDOW + quote.exact.length;
  const around = (at: number): [number, number] => [Math.max(0, at - reach), Math.min(text.length, at + reach)];
  const windows: Array<[number, number]> = [around(expected)];
  const contextPart = 16;
  if (quote.prefix.length >= contextPart) {
    const tail = quote.prefix.slice(-contextPart);
    const at = nearestOccurrence(text, tail, expected);
    if (at >= 0) windows.push(around(at + contextPart));
  }
  if (quote.suffix.length >= contextPart) {
    const head = quote.suffix.slice(0, contextPart);
    const at = nearestOccurrence(text, head, expected);
    if (at >= 0) windows.push(around(at - quote.exact.length));
  }
  // merge overlapping windows so no part of the text is searched twice
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}

/** The occurrence of `part` nearest `expected`, within `FUZZY_WINDOW * 4`; -1 if none. */
function nearestOccurrence(text: string, part: string, expected: number): number {
  const reach = FUZZY_WINDOW * 4;
  let best = -1;
  forEachOccurrence(text, part, expected - reach, expected + reach, (at) => {
    if (best < 0 || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
  });
  return best;
}

/**
 * The best approximate match of the quote, if similar enough: near `expected` first (cheap, and
 * the likely place), else anywhere in the text.
 */
function findFuzzy(text: string, quote: TextQuoteSelector, expected: number, minSimilarity: number, budget: FarSearchBudget | undefined): Anchor | undefined {
  const m = quote.exact.length;
  const allowed = Math.floor(m * (1 - minSimilarity));
  if (m < 4 || allowed < 1) return undefined;
  const best = new BestFuzzy(text, quote, expected, allowed);
  for (const [from, to] of fuzzyWindows(text, quote, expected)) {
    best.consider(m <= FUZZY_DIRECT_LIMIT ? fuzzyDirect(text, quote.exact, from, to, expected) : fuzzyByEnds(text, quote.exact, from, to, expected, allowed));
  }
  if (best.anchor) return best.anchor;
  if (budget) {
    if (budget.chars < text.length) return undefined;
    budget.chars -= text.length;
  }
  return findFuzzyAnywhere(text, quote, expected, Math.min(allowed, Math.floor(m * (1 - Math.max(minSimilarity, MIN_SIMILARITY_ANYWHERE)))));
}

/** The best of the approximate matches offered: most similar, then nearest `expected`. */
class BestFuzzy {
  anchor: Anchor | undefined;

  constructor(
    private readonly text: string,
    private readonly quote: TextQuoteSelector,
    private readonly expected: number,
    private readonly allowed: number,
  ) {}

  consider(found: ApproximateMatch | undefined): void {
    const { text, quote, expected } = this;
    const m = quote.exact.length;
    if (!found || found.distance > this.allowed) return;
    // the same rule as for an exact occurrence: a short quote needs some of its context
    const evidence = m - found.distance + prefixAgreement(text, found.start, quote.prefix) + suffixAgreement(text, found.end, quote.suffix);
    if (evidence < Math.min(MIN_EVIDENCE, m + quote.prefix.length + quote.suffix.length)) return;
    const similarity = 1 - found.distance / m;
    const best = this.anchor;
    if (!best || similarity > best.similarity || (similarity === best.similarity && Math.abs(found.start - expected) < Math.abs(best.start - expected))) {
      this.anchor = { start: found.start, end: found.end, method: 'fuzzy', similarity };
    }
  }
}

/**
 * The best approximate match of the quote anywhere in the text: a passage moved far and edited
 * too. Myers' algorithm finds the places with the fewest errors in one pass over the text (for a
 * long quote, the places of its head, each then measured whole).
 */
function findFuzzyAnywhere(text: string, quote: TextQuoteSelector, expected: number, allowed: number): Anchor | undefined {
  if (allowed < 1) return undefined; // too short to tell a far match from another passage
  const exact = quote.exact;
  const direct = exact.length <= FUZZY_DIRECT_LIMIT;
  const pattern = direct ? exact : exact.slice(0, FUZZY_PART);
  const matches = searchApproximately(text, pattern, direct ? allowed : Math.floor(FUZZY_PART * (1 - MIN_SIMILARITY_ANYWHERE)));
  const best = new BestFuzzy(text, quote, expected, allowed);
  let examined = 0;
  let lastEnd = -1;
  // Neighbouring ends of one alignment come in runs: take the first of each run.
  for (const match of matches) {
    if (match.start < lastEnd) continue;
    lastEnd = match.end;
    if (++examined > MAX_FUZZY_CANDIDATES) break;
    best.consider(direct ? { start: match.start, end: match.end, distance: match.errors } : fuzzyByEnds(text, exact, match.start, match.end, match.start, allowed));
  }
  return best.anchor;
}

function fuzzyDirect(text: string, exact: string, from: number, to: number, expected: number): ApproximateMatch | undefined {
  return approximateMatch(text, exact, from, to, expected);
}

/**
 * A long quote: find its first and last `FUZZY_PART` characters approximately, then measure the
 * whole passage between them against the quote (banded edit distance).
 */
function fuzzyByEnds(text: string, exact: string, from: number, to: number, expected: number, allowed: number): ApproximateMatch | undefined {
  const head = approximateMatch(text, exact.slice(0, FUZZY_PART), from, to, expected);
  if (!head || head.distance > FUZZY_PART * 0.5) return undefined;
  const expectedEnd = head.start + exact.length;
  const tailFrom = Math.max(head.end, expectedEnd - allowed - FUZZY_PART);
  const tailTo = Math.min(text.length, expectedEnd + allowed);
  const tail = approximateMatch(text, exact.slice(-FUZZY_PART), tailFrom, tailTo, expectedEnd - FUZZY_PART);
  if (!tail || tail.distance > FUZZY_PART * 0.5) return undefined;
  const distance = boundedEditDistance(exact, text.slice(head.start, tail.end), allowed);
  return distance > allowed ? undefined : { start: head.start, end: tail.end, distance };
}

/**
 * Finds the passage the selectors describe in `text`, or undefined when it cannot be found
 * (the tag is then orphaned). See the file comment for the order of the attempts.
 */
export function anchor(text: string, selectors: readonly TextSelector[], options: AnchorOptions = {}): Anchor | undefined {
  const { quote, position } = selectorsOf(selectors);
  if (!quote) {
    // Only a position: trust it if it still fits in the text.
    if (position && position.start <= position.end && position.end <= text.length) return { start: position.start, end: position.end, method: 'position', similarity: 1 };
    return undefined;
  }
  const exact = quote.exact;
  if (exact.length === 0) return undefined;
  if (position && hasAt(text, exact, position.start)) return { start: position.start, end: position.start + exact.length, method: 'position', similarity: 1 };
  const expected = Math.max(0, Math.min(text.length, options.hint ?? position?.start ?? 0));
  if (options.hint !== undefined && hasAt(text, exact, expected)) return { start: expected, end: expected + exact.length, method: 'position', similarity: 1 };
  const found = findQuote(text, quote, expected);
  if (found && found.evidence >= Math.min(MIN_EVIDENCE, exact.length + quote.prefix.length + quote.suffix.length)) {
    return { start: found.start, end: found.start + exact.length, method: 'quote', similarity: 1 };
  }
  return findFuzzy(text, quote, expected, options.minSimilarity ?? MIN_SIMILARITY, options.budget);
}

/** A passage followed through edits of the text. */
export interface TrackedRange {
  start: number;
  end: number;
  /** characters of the passage removed by edits since it was last anchored */
  removed: number;
}

/** One edit: the old text `[start, end)` replaced by `newLength` characters. */
export interface TextEdit {
  start: number;
  end: number;
  newLength: number;
}

/**
 * The range after an edit. Text inserted at the passage's start goes before it, at its end after
 * it; text replacing part of it or inserted inside it becomes part of it. An edit that replaces
 * the whole passage leaves it empty (the caller re-anchors or orphans it).
 */
export function mapRange(range: TrackedRange, edit: TextEdit): TrackedRange {
  const delta = edit.newLength - (edit.end - edit.start);
  if (edit.end <= range.start) return { start: range.start + delta, end: range.end + delta, removed: range.removed };
  if (edit.start >= range.end) return range;
  const removedInside = Math.min(edit.end, range.end) - Math.max(edit.start, range.start);
  const start = edit.start < range.start ? edit.start + edit.newLength : range.start;
  const end = edit.end >= range.end ? edit.start + edit.newLength : range.end + delta;
  return { start, end: Math.max(start, end), removed: range.removed + removedInside };
}

/**
 * Whether edits have damaged a passage enough that it must be found again: it is empty, or more
 * than half of the text it had when last anchored was removed.
 */
export function needsReanchor(range: TrackedRange, anchoredLength: number): boolean {
  return range.end <= range.start || range.removed * 2 > anchoredLength;
}
