/**
 * Repairing Thai text extracted from documents (PDF, Word, web pages), one pure step each:
 *
 * - `mapThaiPua`: the Private Use Area glyphs of legacy Thai fonts (U+F700-U+F71A: shifted tone
 *   marks and vowels, ฐ and ญ without their descender) to standard Thai;
 * - `composeSaraAm`: `ํา` (nikhahit + sara aa, maybe a tone mark between) to `ำ`, with the tone
 *   mark before it (`ํ่า` becomes `่ำ`);
 * - `orderThaiMarks`: the combining marks on a consonant in canonical order (the vowel above or
 *   below first, then the tone mark);
 * - `repairThai`: the three together;
 * - `joinLines`: positioned lines into paragraphs: a wrapped line is joined to the next without
 *   a space inside Thai text, with a space elsewhere, a hyphenated Latin word is rejoined, and a
 *   paragraph break is kept where the layout has one (a vertical gap, an indented line, a line
 *   that ends short of the right margin after a sentence end); a line of combining marks alone
 *   is dropped;
 * - `removeRunningLines`: running headers, footers and page numbers repeated on the pages.
 *
 * The layout steps take `TextLine`s (text with its position), so the PDF reader and the tests
 * share them. Pure: no `vscode`, no Node modules.
 */

/** A line of text as laid out on a page: positions in any unit, y growing downwards. */
export interface TextLine {
  text: string;
  /** left edge */
  x: number;
  /** top edge */
  y: number;
  /** width of the text */
  width: number;
  /** height of the text (the font size) */
  height: number;
  /** 1-based page number */
  page: number;
  /**
   * on a page read in two columns, the column (0 left, 1 right): lines come column by column,
   * and margins are measured in each column; absent on a page of one column
   */
  column?: number;
}

/** U+F700-U+F71A, the Thai legacy-font PUA glyphs, to the standard character each draws. */
const PUA_THAI: Record<number, string> = {
  0xf700: '\u0e10', // ฐ without descender
  0xf701: '\u0e34', // ิ shifted left
  0xf702: '\u0e35',
  0xf703: '\u0e36',
  0xf704: '\u0e37',
  0xf705: '\u0e48', // ่ low left
  0xf706: '\u0e49',
  0xf707: '\u0e4a',
  0xf708: '\u0e4b',
  0xf709: '\u0e4c',
  0xf70a: '\u0e48', // ่ low
  0xf70b: '\u0e49',
  0xf70c: '\u0e4a',
  0xf70d: '\u0e4b',
  0xf70e: '\u0e4c',
  0xf70f: '\u0e0d', // ญ without descender
  0xf710: '\u0e31', // ั shifted left
  0xf711: '\u0e4d', // ํ shifted left
  0xf712: '\u0e47', // ็ shifted left
  0xf713: '\u0e48', // ่ shifted left
  0xf714: '\u0e49',
  0xf715: '\u0e4a',
  0xf716: '\u0e4b',
  0xf717: '\u0e4c',
  0xf718: '\u0e38', // ุ low
  0xf719: '\u0e39', // ู low
  0xf71a: '\u0e3a', // ฺ low
};

/** The Private Use Area glyphs of legacy Thai fonts mapped to standard Thai characters. */
export function mapThaiPua(text: string): string {
  return text.replace(/[\uf700-\uf71a]/g, (c) => PUA_THAI[c.charCodeAt(0)]);
}

/** `ํา` to `ำ`; a tone mark between them (`ํ่า`) goes before the `ำ` (`่ำ`). */
export function composeSaraAm(text: string): string {
  return text.replace(/\u0e4d([\u0e48-\u0e4b]?)\u0e32/g, '$1\u0e33').replace(/([\u0e48-\u0e4b])\u0e4d\u0e32/g, '$1\u0e33');
}

/** A Thai combining mark's rank in canonical order: vowels above and below (0), then tone marks and the others (1). */
function markRank(c: number): number {
  if (c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || c === 0x0e47) return 0;
  if (c >= 0x0e48 && c <= 0x0e4e) return 1;
  return -1;
}

/**
 * The combining marks on each consonant in canonical order: the vowel above or below first,
 * then the tone mark (`ก่ิ` becomes `กิ่`, `กุ่` becomes `กุ่`). Other text is unchanged.
 */
export function orderThaiMarks(text: string): string {
  return text.replace(/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]{2,}/g, (run) => {
    const marks = [...run];
    const sorted = marks
      .map((m, i) => ({ m, i, r: markRank(m.charCodeAt(0)) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((e) => e.m);
    return sorted.join('');
  });
}

/** The character-level repairs together: PUA glyphs, then marks in order, then `ำ`. */
export function repairThai(text: string): string {
  return composeSaraAm(orderThaiMarks(composeSaraAm(mapThaiPua(text))));
}

/** Thai letters and marks, and the legacy-font glyphs of Thai marks (not Thai digits: a number stands apart, as 54 does) */
const THAI_CHAR = /[\u0e01-\u0e4e\uf700-\uf71a]/;
/**
 * Words that open a clause, which Thai writing sets apart with a space before them (และ, ซึ่ง,
 * โดย ...; not โดยสาร, เพื่อน, แต่ง, which begin other words).
 */
const CLAUSE_START = /^(?:และ|ซึ่ง|หรือ|โดย(?!สาร)|เพื่อ(?!น)|รวมถึง|รวมทั้ง|ตลอดจน|นอกจากนี้|ทั้งนี้|อย่างไรก็ตาม|อย่างไรก็ดี|ดังนั้น|อีกทั้ง|ขณะที่|แต่(?!ง))/;
/**
 * A line of Thai combining marks alone (no base character): marks a PDF draws apart from their
 * text, such as those Chromium leaves at the foot of a page; not text.
 */
const MARKS_ONLY = /^[\s\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\uf701-\uf71a]*$/;
/** Thai repetition and abbreviation marks (ๆ, ฯ), which Thai writing follows with a space. */
const SPACED_AFTER = /[ๆฯ]$/;
/** A line ending a sentence (Thai has no such mark: its paragraphs end at a gap or an indent). */
const SENTENCE_END = /[.!?:;]["'”)\]]?$/;

export interface JoinOptions {
  /**
   * A gap between lines (top to top) larger than this many times the page's usual line
   * spacing is a paragraph break (default 1.4).
   */
  gapFactor?: number;
  /** A line starting this many line heights right of the left margin is indented (default 0.8). */
  indentFactor?: number;
}

/** The value a quarter of the way up (the usual line spacing: paragraph gaps are the larger ones). */
function lowerQuartile(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 4)];
}

/** A paragraph read from positioned lines, with the page it starts on. */
export interface Paragraph {
  text: string;
  page: number;
}

/**
 * Joins positioned lines (in reading order) into paragraphs separated by a blank line (`\n\n`).
 * A paragraph may go on from one page (or column) to the next (the break is read as a line
 * break, unless the page's or column's last line ends short of the margin), never over a page
 * without lines between them (a scanned page, whose text may come by OCR, or a figure).
 */
export function joinLines(lines: readonly TextLine[], options: JoinOptions = {}): string {
  return joinParagraphs(lines, options)
    .map((p) => p.text)
    .join('\n\n');
}

/** `joinLines`, each paragraph with the page it starts on. */
export function joinParagraphs(lines: readonly TextLine[], options: JoinOptions = {}): Paragraph[] {
  const gapFactor = options.gapFactor ?? 1.4;
  const indentFactor = options.indentFactor ?? 0.8;
  const kept = lines.filter((l) => !MARKS_ONLY.test(l.text));
  if (kept.length === 0) return [];
  const spacings: number[] = [];
  for (let i = 1; i < kept.length; i++) {
    const d = kept[i].y - kept[i - 1].y;
    if (kept[i].page === kept[i - 1].page && kept[i].column === kept[i - 1].column && d > 0) spacings.push(d);
  }
  const spacing = lowerQuartile(spacings) || lowerQuartile(kept.map((l) => l.height)) * 1.2;
  // the margins of each kind of column (the whole width, the left or the right of two)
  const margins = new Map<number | undefined, { left: number; right: number }>();
  for (const l of kept) {
    const m = margins.get(l.column);
    if (m) {
      m.left = Math.min(m.left, l.x);
      m.right = Math.max(m.right, l.x + l.width);
    } else margins.set(l.column, { left: l.x, right: l.x + l.width });
  }
  const paragraphs: Paragraph[] = [];
  let current: Paragraph = { text: kept[0].text.trim(), page: kept[0].page };
  for (let i = 1; i < kept.length; i++) {
    const prev = kept[i - 1];
    const line = kept[i];
    const text = line.text.trim();
    const h = Math.max(line.height, prev.height, 1);
    // a new page, or the top of the next column, goes on from the last line of the one before,
    // as a line does (a line across both columns above them is measured by its gap)
    const moved = line.page !== prev.page || (line.column !== prev.column && line.y <= prev.y);
    const gap = moved ? spacing : line.y - prev.y;
    const prevText = prev.text.trim();
    const { left, right } = margins.get(prev.column)!;
    const prevShort = prev.x + prev.width < right - Math.max(2 * h, 0.15 * (right - left));
    const breaks =
      gap > spacing * gapFactor ||
      gap < 0 ||
      line.x > margins.get(line.column)!.left + indentFactor * h ||
      (prevShort && (SENTENCE_END.test(prevText) || moved)) ||
      line.page > prev.page + 1 ||
      Math.abs(line.height - prev.height) > 0.2 * h;
    if (breaks) {
      paragraphs.push(current);
      current = { text, page: line.page };
    } else {
      current.text = joinTwo(current.text, text, prev.x + prev.width < right - h);
    }
  }
  paragraphs.push(current);
  return paragraphs;
}

/**
 * One wrapped line joined to the next: no space between Thai characters (but after ๆ and ฯ,
 * which Thai writing follows with a space: `ต่างๆ` + `ขยาย` is `ต่างๆ ขยาย`; and before a word
 * that opens a clause, และ, ซึ่ง, โดย ..., when `roomLeft` says the line ended short of the
 * margin, as a line broken at a space does), a hyphenated Latin word rejoined (`inter-` +
 * `national` is `international`), a line ending in a hyphen joined without a space (`แม่โขง-` +
 * `ล้านช้าง`, `COVID-` + `19`), otherwise one space (after or before a number, Thai digits too).
 */
export function joinTwo(a: string, b: string, roomLeft = false): string {
  if (a === '') return b;
  if (b === '') return a;
  const last = a[a.length - 1];
  const first = b[0];
  if (THAI_CHAR.test(last) && THAI_CHAR.test(first) && !SPACED_AFTER.test(a) && !(roomLeft && CLAUSE_START.test(b))) return a + b;
  if (/[A-Za-z]-$/.test(a) && /^[a-z]/.test(b)) return a.slice(0, -1) + b;
  // a compound broken at its hyphen: แม่โขง-ล้านช้าง, Indo-Pacific, COVID-19
  if (/\S-$/.test(a)) return a + b;
  return a + ' ' + b;
}

/** A line that is only a page number: `3`, `- 3 -`, `หน้า 3`, `Page 3`, `3/10`, `๓`. */
const PAGE_NUMBER = /^(?:(?:หน้า|page|p\.)\s*)?[-–—(]?\s*[0-9๐-๙]{1,3}(?:\s*(?:\/|จาก|of)\s*[0-9๐-๙]{1,3})?\s*[-–—)]?$/i;

/** How many lines at the top and at the bottom of a page may be running headers or footers. */
const RUNNING_BAND = 2;

/**
 * Removes running headers and footers (a line near the top or the bottom of a page whose text,
 * digits aside, is on at least half the pages and on two or more) and page numbers alone on a
 * line at the top or the bottom of a page. `pages[i]` is page i's lines in reading order.
 */
export function removeRunningLines(pages: readonly (readonly TextLine[])[]): TextLine[][] {
  const key = (l: TextLine): string => l.text.trim().replace(/[0-9๐-๙]+/g, '#').replace(/\s+/g, ' ');
  const bands = pages.map((lines) => {
    const nonEmpty = lines.filter((l) => l.text.trim() !== '');
    const top = nonEmpty.slice(0, RUNNING_BAND);
    const bottom = nonEmpty.slice(Math.max(RUNNING_BAND, nonEmpty.length - RUNNING_BAND));
    return new Set([...top, ...bottom]);
  });
  const counts = new Map<string, number>();
  for (const band of bands) {
    for (const k of new Set([...band].map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = (k: string): boolean => {
    const n = counts.get(k) ?? 0;
    return pages.length >= 2 && n >= 2 && n >= pages.length / 2;
  };
  return pages.map((lines, i) => {
    // a running line is on a page once: a title the same as the header stays
    const removed = new Set<string>();
    return lines.filter((l) => {
      if (!bands[i].has(l)) return true;
      if (PAGE_NUMBER.test(l.text.trim())) return false;
      const k = key(l);
      // a number alone that is no page number (the wrapped end of a URL, a year) is text: its
      // key would be that of the page numbers
      if (/^[#\s]*$/.test(k) || !repeated(k) || removed.has(k)) return true;
      removed.add(k);
      return false;
    });
  });
}
