/**
 * Text normalization shared by the text and the glossary patterns (see docs/glossary-format.md).
 *
 * Rules, applied in one pass over the UTF-16 code units:
 * - Thai digits ๐-๙ become 0-9;
 * - `ํา` (nikhahit + sara aa, also with a tone mark between them) becomes `ำ`;
 * - zero-width space / non-joiner / joiner, word joiner, BOM and soft hyphen are removed;
 * - every run of white space (including no-break space) becomes one space;
 * - `ฯ` (paiyannoi) is removed, except inside `ฯลฯ`, so `สหรัฐฯ` and `สหรัฐ` compare equal;
 *   (every rule is local, so the matcher applies the same rules reading the text backwards)
 * - Latin letters are lower-cased.
 *
 * The result keeps a map back to the original text so that spans found in the normalized
 * text are reported in original UTF-16 offsets.
 */

export interface Normalized {
  /** the normalized text */
  text: string;
  /** map[i] = original offset of normalized code unit i; map[text.length] = original length */
  map: Uint32Array;
}

export const PAIYANNOI = 0x0e2f; // ฯ
export const LO_LING = 0x0e25; // ล
export const NIKHAHIT = 0x0e4d; // ํ
export const SARA_AA = 0x0e32; // า
export const SARA_AM = 0x0e33; // ำ

/**
 * Sentinels in the fold table for the rules that are not one unit to one unit
 * (U+FFF0..U+FFF3 are unassigned; real ones are folded to U+FFFD).
 */
export const FOLD_SPECIAL = 0xfff0;
/** removed: zero-width characters, BOM, soft hyphen */
export const FOLD_REMOVE = 0xfff0;
/** white space: runs become one space */
export const FOLD_SPACE = 0xfff1;
/** ํ: with า (and maybe a tone mark between) becomes ำ */
export const FOLD_NIKHAHIT = 0xfff2;
/** ฯ: dropped unless part of ฯลฯ */
export const FOLD_PAIYANNOI = 0xfff3;

/**
 * FOLD[c]: the code unit that c becomes (Thai digits to ASCII, Latin to lower case, others
 * unchanged), or a FOLD_* sentinel for the rules that are not one-to-one.
 */
export const FOLD: Uint16Array = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (let c = 0xfff0; c <= 0xfff8; c++) t[c] = 0xfffd;
  for (let d = 0; d < 10; d++) t[0x0e50 + d] = 0x30 + d;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 32;
  // Latin-1 Supplement and Latin Extended-A/B: lower-case where it stays one code unit
  for (let c = 0xc0; c < 0x250; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length === 1) t[c] = lower.charCodeAt(0);
  }
  t[0x130] = 0x69; // İ -> i (its full lower case is two code units)
  for (const c of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]) t[c] = FOLD_REMOVE;
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) t[c] = FOLD_SPACE;
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = FOLD_SPACE;
  t[NIKHAHIT] = FOLD_NIKHAHIT;
  t[PAIYANNOI] = FOLD_PAIYANNOI;
  return t;
}

/** Is the code unit one that normalization removes without trace (not counting `ฯ`)? */
export function isIgnorable(c: number): boolean {
  return FOLD[c] === FOLD_REMOVE;
}

/** Is the ฯ at `i` part of ฯลฯ ("etc.")? Such a ฯ is kept; any other is dropped. */
export function isPartOfEtc(text: string, i: number): boolean {
  return (
    (text.charCodeAt(i + 1) === LO_LING && text.charCodeAt(i + 2) === PAIYANNOI) ||
    (i >= 2 && text.charCodeAt(i - 1) === LO_LING && text.charCodeAt(i - 2) === PAIYANNOI)
  );
}

/** Thai tone marks ่ ้ ๊ ๋. */
export function isToneMark(c: number): boolean {
  return c >= 0x0e48 && c <= 0x0e4b;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
let decoder: { decode(input: Uint16Array): string } | undefined;

/** Turns the first `length` code units of `units` into a string without per-character work. */
export function unitsToString(units: Uint16Array, length: number): string {
  if (length >= 4096 && LITTLE_ENDIAN && typeof TextDecoder !== 'undefined') {
    decoder ??= new TextDecoder('utf-16le');
    // lone surrogates would become U+FFFD: same length, so offsets are unchanged
    return decoder.decode(units.subarray(0, length));
  }
  const parts: string[] = [];
  for (let i = 0; i < length; i += 8192) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + 8192)) as unknown as number[]));
  }
  return parts.join('');
}

/** Normalizes `original` (see the module comment) and returns the text with its offset map. */
export function normalize(original: string): Normalized {
  const { units, map, length } = normalizeUnits(original);
  return { text: unitsToString(units, length), map };
}

/**
 * Like `normalize`, but returns the normalized code units in a Uint16Array (only the first
 * `length` are used) instead of a string: the matcher scans these directly.
 */
export function normalizeUnits(original: string): { units: Uint16Array; map: Uint32Array; length: number } {
  const n = original.length;
  const units = new Uint16Array(n);
  const mapBuf = new Uint32Array(n + 1);
  let j = 0;
  let inSpace = false;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    const f = FOLD[c];
    if (f < FOLD_SPECIAL) {
      units[j] = f;
      mapBuf[j++] = i;
      inSpace = false;
      continue;
    }
    switch (f) {
      case FOLD_REMOVE:
        break;
      case FOLD_SPACE:
        if (!inSpace) {
          units[j] = 0x20;
          mapBuf[j++] = i;
          inSpace = true;
        }
        break;
      case FOLD_NIKHAHIT: {
        const next = i + 1 < n ? original.charCodeAt(i + 1) : 0;
        if (next === SARA_AA) {
          units[j] = SARA_AM;
          mapBuf[j++] = i;
          i += 1;
        } else if (isToneMark(next) && i + 2 < n && original.charCodeAt(i + 2) === SARA_AA) {
          // ํ + tone + า  ->  tone + ำ  (the usual order of น้ำ)
          units[j] = next;
          mapBuf[j++] = i;
          units[j] = SARA_AM;
          mapBuf[j++] = i + 1;
          i += 2;
        } else {
          units[j] = NIKHAHIT;
          mapBuf[j++] = i;
        }
        inSpace = false;
        break;
      }
      case FOLD_PAIYANNOI:
        // keep the ฯ of ฯลฯ ("etc."); drop any other
        if (isPartOfEtc(original, i)) {
          units[j] = PAIYANNOI;
          mapBuf[j++] = i;
          inSpace = false;
        }
        break;
    }
  }
  mapBuf[j] = n;
  const map = j === n ? mapBuf : mapBuf.subarray(0, j + 1);
  return { units, map, length: j };
}

/** Normalizes a glossary term or alias with the same rules, trimming outer white space. */
export function normalizeTerm(term: string): string {
  // most terms are already normalized (no rule applies but single spaces): no copy then
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (FOLD[c] !== c && !(c === 0x20 && term.charCodeAt(i + 1) !== 0x20)) return normalize(term).text.trim();
  }
  return term.trim();
}

/**
 * The original end offset of a normalized span ending at `end` (exclusive).
 * The span keeps a `ฯ` that follows it directly (so `สหรัฐฯ` is annotated whole) but not
 * zero-width characters or soft hyphens that trail it.
 */
export function originalEnd(original: string, map: Uint32Array, end: number): number {
  let p = map[end];
  if (end === 0) return p;
  const floor = map[end - 1] + 1;
  while (p > floor && isIgnorable(original.charCodeAt(p - 1))) p--;
  return p;
}
