/**
 * The structure of a Thai official document, for the outline: title lines (`เรื่อง ...`), headings
 * (`สาระสำคัญของเรื่อง`, `ประเด็นหลักที่ 1 :`, `ส่วนที่ 2` ...) and numbered clauses (`1.`, `1.1`,
 * `2)`, `(1)`, `(ก)`, `ก.`, `๑.`, `ข้อ ๓`, `มาตรา ๕`), nested.
 *
 * Only the start of each line is looked at, once, with anchored regexes of bounded length: the parse
 * is linear in the text. Pure: no `vscode`, no Node modules (it also runs in a browser).
 *
 * Nesting. A title line holds everything up to the next title line; a heading phrase holds
 * everything up to the next heading phrase or title. Numbered markers (clauses and numbered
 * headings such as `ประเด็นหลักที่ 1`) nest by marker style, the way the document itself uses them:
 * a marker whose style is already open is a sibling of that open node (closing what was inside it);
 * a marker of a new style that starts a list (`1`, `ก`, `a`, or a multi-level number such as `1.1`)
 * opens a level below the current one. So `1.` contains the `1)` and `(ก)` after it, `1.1` is inside
 * `1.`, and the next `2.` closes them all, whatever order a document uses. A marker of a new style
 * that does not start a list (`2.` whose `1.` was inside a paragraph, `Part 2` after a clause) is not
 * nested in the clause before it: a heading goes to the outermost numbered level, a clause to the
 * level just inside the nearest open numbered heading (or the outermost numbered level).
 * A separator line (`_____`, `-----`, `.....`) closes everything: what follows it (footnotes, a
 * translation) is not part of the last section.
 */

export type StructureKind = 'title' | 'heading' | 'clause';

/**
 * A title, heading or clause. `text` and `label` are read from the parsed text when asked for (so that
 * a document with a hundred thousand clauses costs no strings).
 */
export class StructureNode {
  /** depth in the tree: 0 for a top-level node */
  level = 0;
  /** end of the section: end of the last non-blank line before the next node that is not inside this one */
  end: number;
  /** the nodes inside this one; allocated with the first */
  private inner: StructureNode[] | undefined;

  constructor(
    private readonly source: string,
    /** `title`: a `เรื่อง ...` line; `heading`: a heading phrase or a numbered heading; `clause`: a numbered clause */
    readonly kind: StructureKind,
    /**
     * The marker family; nodes of one style in one place are siblings: `n.`, `n.n`, `n.n.n`, `n)`,
     * `(n)`, `(ก)`, `ก.`, `ก)`, `(a)`, `ข้อ n`, `มาตรา n`, `<noun>ที่ n` (e.g. `ประเด็นหลักที่ n`),
     * `Part n`, and `phrase` for heading phrases, `title` for title lines.
     */
    readonly style: string,
    /** true for clauses lettered `(ก)`, `ก.`, `ก)`, `(a)` rather than numbered */
    readonly lettered: boolean,
    /** offset of the line's first character after its indentation (UTF-16 code units) */
    readonly start: number,
    /** end of the label: the marker or the heading phrase */
    readonly labelEnd: number,
    /** end of the line's text, before trailing white space and the line break */
    readonly lineEnd: number,
  ) {
    this.end = lineEnd;
  }

  /** the marker or heading phrase as written: `1.`, `(ก)`, `ประเด็นหลักที่ 1`, `สาระสำคัญของเรื่อง`, `เรื่อง` */
  get label(): string {
    return this.source.slice(this.start, this.labelEnd);
  }

  /** the node's whole line, without the white space around it */
  get text(): string {
    return this.source.slice(this.start, this.lineEnd);
  }

  /** the nodes inside this one, in document order */
  get children(): readonly StructureNode[] {
    return this.inner ?? NO_CHILDREN;
  }

  /** Adds a node inside this one (the parser's use only). */
  addChild(node: StructureNode): void {
    (this.inner ??= []).push(node);
  }
}

const NO_CHILDREN: readonly StructureNode[] = Object.freeze([]);

/** Deepest nesting kept; a deeper marker becomes a sibling of the deepest open node (keeps the parse linear). */
const MAX_DEPTH = 16;
/** A heading phrase followed by more text on its line is a heading only if that text is at most this long. */
const HEADING_TAIL_MAX = 50;

const D = '[0-9๐-๙]';

/** `ก.` followed by a space (so not an abbreviation such as `ก.พ.`), or `ก)` */
const THAI_LETTER = /([ก-ฮ])(?:(\.)(?=[ \t])|\))/y;
/** `ข้อ ๑`, `ข้อ 2.` (articles of regulations) */
const ARTICLE = new RegExp(`ข้อ[ \\t]*${D}{1,3}\\.?(?!${D})`, 'y');
/** `มาตรา ๕`, `มาตรา 44/1` (sections of acts) */
const SECTION = new RegExp(`มาตรา[ \\t]*${D}{1,4}(?:/${D}{1,3})?(?!${D})`, 'y');
/** `ประเด็นหลักที่ 1`, `ส่วนที่ 2`, `หมวด ๑`, `บทที่ 3`, `เรื่องที่ 4`, `ยุทธศาสตร์ที่ 5` ... then `:`, a space or the line end */
const NUMBERED_HEADING = new RegExp(
  `((?:ประเด็น[ก-๛]{0,20}?|ส่วน|หมวด|บท|ภาค|เรื่อง|ยุทธศาสตร์|เป้าหมาย|มาตรการ|แนวทาง|เสาหลัก|วาระ)ที่|หมวด|ภาค)[ \\t]?(${D}{1,3})(?!${D})(?=[ \\t]*[:：.)]|[ \\t]|$)`,
  'my',
);
/** `Part 2:`, `Section 3`, `Chapter IV` in English passages */
const ENGLISH_HEADING = /(Part|Section|Chapter)[ \t]+(?:[0-9]{1,3}|[IVX]{1,5})(?![0-9A-Za-z])(?=[ \t]*[:.]|[ \t]|$)/my;
/** `เรื่อง ...`, `เรื่อง: ...`: the subject line of a resolution or a memo */
const TITLE = /เรื่อง(?=[ \t]*[:：]|[ \t]|$)/my;

/** The heading phrases of Thai cabinet resolutions, memos and reports. */
const HEADING_PHRASES = [
  'สาระสำคัญของเรื่อง',
  'สาระสำคัญ(?:ของ[^\\s:：]{1,30})?',
  'ข้อเท็จจริงและข้อกฎหมาย',
  'ข้อเท็จจริง',
  'ข้อกฎหมาย(?:ที่เกี่ยวข้อง)?',
  'ความเห็น(?:และข้อเสนอแนะ)?(?:ของ[^\\s:：]{1,60})?',
  'มติคณะรัฐมนตรี',
  'มติ ครม\\.',
  'ข้อเสนอ(?:แนะ)?(?:ของ[^\\s:：]{1,60})?',
  'ข้อพิจารณา(?:ของ[^\\s:：]{1,60})?',
  'ข้อสังเกต(?:ของ[^\\s:：]{1,60})?',
  'ประเด็นพิจารณา',
  'ความเป็นมา(?:ของเรื่อง)?',
  'ภูมิหลัง',
  'หลักการและเหตุผล',
  'เหตุผลความจำเป็น',
  'วัตถุประสงค์',
  'ผลกระทบ',
  'ผลที่คาดว่าจะได้รับ',
  'ค่าใช้จ่ายและแหล่งที่มา',
  'บทสรุปผู้บริหาร',
  'บทสรุป',
  'สรุป',
  'บทนำ',
  'ภาคผนวก',
  'เอกสารแนบ',
  'หมายเหตุ',
];
/**
 * A heading phrase alone on its line, or followed by `:` (and anything), or followed by a space
 * and a short rest (`มติคณะรัฐมนตรี เรื่อง ...`). A phrase run on into a sentence is not a heading.
 */
const HEADING_PHRASE = new RegExp(
  `(${HEADING_PHRASES.join('|')})(?=[ \\t]*(?:[:：]|$)|[ \\t]+\\S.{0,${HEADING_TAIL_MAX - 1}}$)`,
  'my',
);

/** What a line starts with, when it starts a node (filled in by `markerAt`, reused for every line). */
interface Marker {
  kind: StructureKind;
  style: string;
  lettered: boolean;
  /** where the label (the marker or the heading phrase) ends */
  labelEnd: number;
  /** true when the marker can start a list: number 1, letter ก or a, or a multi-level number */
  first: boolean;
}

const found: Marker = { kind: 'clause', style: '', lettered: false, labelEnd: 0, first: false };

function setMarker(kind: StructureKind, style: string, lettered: boolean, labelEnd: number, first: boolean): true {
  found.kind = kind;
  found.style = style;
  found.lettered = lettered;
  found.labelEnd = labelEnd;
  found.first = first;
  return true;
}

/** Nesting tier: a node closes every open node of a higher tier (title > heading phrase > numbered). */
const enum Tier {
  Title = 0,
  Phrase = 1,
  Numbered = 2,
}

function tierOf(node: StructureNode): Tier {
  if (node.kind === 'title') return Tier.Title;
  return node.style === 'phrase' ? Tier.Phrase : Tier.Numbered;
}

/** Runs a sticky regex at `at`; the match or null. */
function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** The value of an ASCII or Thai digit, or -1. */
function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x0e50 && code <= 0x0e59) return code - 0x0e50;
  return -1;
}

/** Indentation skipped before a marker: spaces, tabs, no-break and zero-width spaces, a BOM. */
function isIndent(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x200b || code === 0xfeff || code === 0x3000;
}

function isTrailingSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0xa0 || code === 0x200b || code === 0x3000;
}

const isThaiConsonant = (code: number): boolean => code >= 0x0e01 && code <= 0x0e2e;

/** Where the digits read by the last `numberAt` end. */
let numberEnd = 0;

/** Value of the 1 to 3 digits at `at` (they end at `numberEnd`), or -1 if there are none or more than 3. */
function numberAt(text: string, at: number, end: number): number {
  let value = 0;
  let i = at;
  for (; i < end && i - at <= 3; i++) {
    const d = digitValue(text.charCodeAt(i));
    if (d < 0) break;
    value = value * 10 + d;
  }
  numberEnd = i;
  return i === at || i - at > 3 ? -1 : value;
}

/** The value of the digits that end `label` (`ประเด็นหลักที่ 1`, `ข้อ ๒.`), 1 if there are none. */
function lastNumber(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && digitValue(text.charCodeAt(i - 1)) < 0) i--;
  let value = 0;
  let scale = 1;
  for (; i > from && scale <= 1000; i--, scale *= 10) {
    const d = digitValue(text.charCodeAt(i - 1));
    if (d < 0) break;
    value += d * scale;
  }
  return scale === 1 ? 1 : value;
}

/**
 * A marker starting with a digit: `1.`, `1.1`, `1.1.`, `๑.`, `1.ร่าง`, or `1)`. Not a date
 * (`16.11.2564`), an amount (`3,600`), a time (`10.30 น.`) nor a year (`2566 ...`).
 */
function numberMarkerAt(text: string, at: number, end: number): boolean {
  const value = numberAt(text, at, end);
  if (value < 0) return false;
  let i = numberEnd;
  const next = text.charCodeAt(i);
  if (next === 0x29 /* ) */) return setMarker('clause', 'n)', false, i + 1, value === 1);
  if (next !== 0x2e /* . */) return false;
  let levels = 1;
  let trailingDot = false;
  while (i < end && text.charCodeAt(i) === 0x2e) {
    if (digitValue(text.charCodeAt(i + 1)) < 0) {
      trailingDot = true;
      i++;
      break;
    }
    if (numberAt(text, i + 1, end) < 0 || ++levels > 6) return false;
    i = numberEnd;
  }
  if (digitValue(text.charCodeAt(i)) >= 0) return false;
  let j = i;
  while (j < end && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++;
  if (text.charCodeAt(j) === 0x0e19 /* น */ && text.charCodeAt(j + 1) === 0x2e) return false; // 10.30 น.
  if (levels === 1) return trailingDot && setMarker('clause', 'n.', false, i, value === 1);
  return setMarker('clause', NUMBER_STYLES[levels], false, i, true);
}

/** `n.n`, `n.n.n` ... by the number of levels */
const NUMBER_STYLES = ['', 'n.', 'n.n', 'n.n.n', 'n.n.n.n', 'n.n.n.n.n', 'n.n.n.n.n.n'];

/** `(1)`, `(ก)`, `(a)` */
function parenthesisedMarkerAt(text: string, at: number, end: number): boolean {
  const code = text.charCodeAt(at + 1);
  if (isThaiConsonant(code) || (code >= 0x61 && code <= 0x7a)) {
    if (text.charCodeAt(at + 2) !== 0x29) return false;
    return code <= 0x7a ? setMarker('clause', '(a)', true, at + 3, code === 0x61) : setMarker('clause', '(ก)', true, at + 3, code === 0x0e01);
  }
  const value = numberAt(text, at + 1, end);
  if (value < 0 || text.charCodeAt(numberEnd) !== 0x29) return false;
  return setMarker('clause', '(n)', false, numberEnd + 1, value === 1);
}

/** Fills `found` with the marker that the line `at`..`end` starts with, if it starts with one. */
function markerAt(text: string, at: number, end: number): boolean {
  const code = text.charCodeAt(at);
  if (digitValue(code) >= 0) return numberMarkerAt(text, at, end);
  if (code === 0x28 /* ( */) return parenthesisedMarkerAt(text, at, end);
  if (code >= 0x0e01 && code <= 0x0e4f) {
    let m = execAt(NUMBERED_HEADING, text, at);
    if (m) return setMarker('heading', `${m[1]} n`, false, at + m[0].length, lastNumber(text, at, at + m[0].length) === 1);
    m = execAt(TITLE, text, at);
    if (m) return setMarker('title', 'title', false, at + m[0].length, true);
    m = execAt(ARTICLE, text, at);
    if (m) return setMarker('clause', 'ข้อ n', false, at + m[0].length, lastNumber(text, at, at + m[0].length) === 1);
    m = execAt(SECTION, text, at);
    if (m) return setMarker('clause', 'มาตรา n', false, at + m[0].length, true);
    m = execAt(HEADING_PHRASE, text, at);
    if (m) return setMarker('heading', 'phrase', false, at + m[1].length, true);
    m = execAt(THAI_LETTER, text, at);
    if (m) return setMarker('clause', m[2] ? 'ก.' : 'ก)', true, at + m[0].length, m[1] === 'ก');
    return false;
  }
  if (code === 0x50 || code === 0x53 || code === 0x43 /* P S C */) {
    const m = execAt(ENGLISH_HEADING, text, at);
    if (m) return setMarker('heading', `${m[1]} n`, false, at + m[0].length, /(?:^|\s)(?:1|I)$/.test(m[0]));
  }
  return false;
}

/** True when the line from `from` to `to` is a separator: three or more of one of `_ - = . * ~ ─ ━`. */
function isSeparator(text: string, from: number, to: number): boolean {
  if (to - from < 3) return false;
  const code = text.charCodeAt(from);
  if (code !== 0x5f && code !== 0x2d && code !== 0x3d && code !== 0x2e && code !== 0x2a && code !== 0x7e && code !== 0x2500 && code !== 0x2501) {
    return false;
  }
  for (let i = from + 1; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== code && c !== 0x20) return false;
  }
  return true;
}

/**
 * Where a new node goes: how many of the `open` nodes stay open (its parent is the last of those).
 */
function placement(open: readonly StructureNode[], node: StructureNode, first: boolean): number {
  const tier = tierOf(node);
  let depth = open.length;
  while (depth > 0 && tierOf(open[depth - 1]) > tier) depth--;
  if (tier !== Tier.Numbered) return depth > 0 && tierOf(open[depth - 1]) === tier ? depth - 1 : depth; // a sibling of its own tier
  let base = depth;
  while (base > 0 && tierOf(open[base - 1]) === Tier.Numbered) base--;
  for (let d = depth - 1; d >= base; d--) if (open[d].style === node.style) return d;
  if (first) return depth;
  if (node.kind === 'heading') return base;
  for (let d = depth - 1; d >= base; d--) if (open[d].kind === 'heading') return d + 1;
  return base;
}

/**
 * The titles, headings and clauses of `text`, nested (see the file comment), in document order.
 * Offsets are UTF-16 code units into `text`. Linear in the length of the text. With `maxNodes`,
 * only the first `maxNodes` nodes are made (the last ones end where they stopped).
 */
export function parseStructure(text: string, maxNodes = Infinity): StructureNode[] {
  return StructureScan.of(text).nodes(text, maxNodes);
}

/** A line that starts a node (what `markerAt` found), or a separator line. */
interface Mark {
  kind: StructureKind | 'separator';
  style: string;
  lettered: boolean;
  first: boolean;
  /** the offsets of the node's line: as in StructureNode */
  start: number;
  labelEnd: number;
  lineEnd: number;
}

/**
 * What the structure is made of: the lines of a text that start a node or are separators, found
 * by reading the start of every line once. After an edit, `update` reads again only the lines the
 * edit touched and shifts the marks after them, so a large document is not read again on every
 * keystroke; `nodes` nests them (in time linear in the number of marks, not in the text).
 */
export class StructureScan {
  private constructor(private readonly marks: Mark[]) {}

  /** The scan of a whole text. */
  static of(text: string): StructureScan {
    return new StructureScan(scanLines(text, 0, text.length));
  }

  /** How many lines start a node or are separators. */
  get size(): number {
    return this.marks.length;
  }

  /**
   * Follows an edit: `text` is the new text; of the text this scan was made of (`oldLength`
   * long), the first `prefix` and the last `suffix` code units are unchanged. Reads again the
   * lines from the one holding the first change to the one holding the last. Returns this scan.
   */
  update(text: string, oldLength: number, prefix: number, suffix: number): this {
    const delta = text.length - oldLength;
    prefix = Math.max(0, Math.min(prefix, oldLength, text.length));
    suffix = Math.max(0, Math.min(suffix, oldLength - prefix, text.length - prefix));
    // the changed lines: from the start of the line holding `prefix` to the end of the line holding the last change
    const from = prefix === 0 ? 0 : text.lastIndexOf('\n', prefix - 1) + 1;
    let to = text.indexOf('\n', text.length - suffix);
    if (to < 0) to = text.length;
    const marks = this.marks;
    const first = firstMarkFrom(marks, from);
    const after = firstMarkFrom(marks, to - delta + 1);
    for (let i = after; i < marks.length; i++) {
      const m = marks[i];
      m.start += delta;
      m.labelEnd += delta;
      m.lineEnd += delta;
    }
    marks.splice(first, after - first, ...scanLines(text, from, to));
    return this;
  }

  /** The nodes of `text` (the text this scan follows), nested; at most `maxNodes`. */
  nodes(text: string, maxNodes = Infinity): StructureNode[] {
    const roots: StructureNode[] = [];
    /** the open nodes, outermost first; tiers never decrease from bottom to top */
    const open: StructureNode[] = [];
    const closeTo = (depth: number, end: number): void => {
      while (open.length > depth) open.pop()!.end = end;
    };
    let count = 0;
    let last = 0;
    for (const m of this.marks) {
      if (count >= maxNodes) break;
      // where an open node ends when this line closes it: the end of the last non-blank line before it
      const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
      const before = lineStart === 0 ? 0 : contentEndBefore(text, lineStart - 1);
      if (m.kind === 'separator') {
        closeTo(0, before);
        continue;
      }
      const node = new StructureNode(text, m.kind, m.style, m.lettered, m.start, m.labelEnd, m.lineEnd);
      const depth = Math.min(placement(open, node, m.first), MAX_DEPTH - 1);
      closeTo(depth, before);
      node.level = depth;
      if (depth > 0) open[depth - 1].addChild(node);
      else roots.push(node);
      open.push(node);
      count++;
      last = m.lineEnd;
    }
    closeTo(0, count >= maxNodes ? last : contentEndBefore(text, text.length));
    return roots;
  }
}

/** The marks of the lines of `text` that start in [from, to]. */
function scanLines(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  const length = text.length;
  let lineStart = from;
  while (lineStart < length && lineStart <= to) {
    let lineBreak = text.indexOf('\n', lineStart);
    if (lineBreak < 0) lineBreak = length;
    let contentStart = lineStart;
    while (contentStart < lineBreak && isIndent(text.charCodeAt(contentStart))) contentStart++;
    let contentEnd = lineBreak;
    while (contentEnd > contentStart && isTrailingSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
    if (contentEnd > contentStart) {
      if (markerAt(text, contentStart, contentEnd)) {
        let labelEnd = Math.min(found.labelEnd, contentEnd);
        while (labelEnd > contentStart && isTrailingSpace(text.charCodeAt(labelEnd - 1))) labelEnd--;
        marks.push({ kind: found.kind, style: found.style, lettered: found.lettered, first: found.first, start: contentStart, labelEnd, lineEnd: contentEnd });
      } else if (isSeparator(text, contentStart, contentEnd)) {
        marks.push({ kind: 'separator', style: '', lettered: false, first: false, start: contentStart, labelEnd: contentStart, lineEnd: contentEnd });
      }
    }
    lineStart = lineBreak + 1;
  }
  return marks;
}

/** The index of the first mark that starts at or after `offset`. */
function firstMarkFrom(marks: readonly Mark[], offset: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The end of the text of the last non-blank line that ends at or before `lineBreak` (a line
 * break's offset, or the text's length), as the lines are read: 0 when there is none.
 */
function contentEndBefore(text: string, lineBreak: number): number {
  let i = lineBreak;
  while (i > 0) {
    let end = i;
    while (end > 0 && isTrailingSpace(text.charCodeAt(end - 1))) end--;
    if (end === 0) return 0;
    if (text.charCodeAt(end - 1) === 0x0a) {
      i = end - 1; // a blank line
      continue;
    }
    let start = end;
    while (start > 0 && isIndent(text.charCodeAt(start - 1))) start--;
    if (start > 0 && text.charCodeAt(start - 1) !== 0x0a) return end;
    // only indentation and trailing white space: blank
    if (start === 0) return 0;
    i = start - 1;
  }
  return 0;
}
