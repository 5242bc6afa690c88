/**
 * One automaton for every glossary term, alias and country name.
 *
 * Aho-Corasick over normalized UTF-16 code units, built from the REVERSED patterns and run
 * over the text from its end to its start: each step then reports the patterns that START
 * at that position, longest first. The text is normalized on the fly during that one pass
 * (the rules of normalize.ts are all local), straight from the original string: no
 * normalized copy and no offset map are built. Candidates come out grouped by start, so the
 * leftmost-longest, non-overlapping choice is a single pass over them, and the checks that
 * cost something (country context, Thai word edges) run only for a candidate that would be
 * chosen; when one is rejected, a shorter candidate at the same start or a later one can
 * still be chosen.
 *
 * The same pass can also report where "marker" words start (`MatcherOptions.markers`): words
 * that are not annotations but tell another recognizer where to look (the words and digits
 * that may open a date), so that recognizer need not read every character again.
 *
 * Storage is a handful of typed arrays (about 40 bytes a node): child edges in one sorted
 * array per node (CSR), failure and output links, and full transition rows (over the
 * alphabet of the patterns, padded to a power of two, 2 bytes an entry so that they stay in
 * the processor cache) for the nodes nearest the root, within a fixed budget. The commonest
 * characters of Thai text have the lowest classes, so a row is mostly read in its first cache
 * line. Below the rows, where a long pattern is being read, most steps go from a node to the
 * next one (its first child), which one array answers. The scan keeps its candidate arrays
 * from one text to the next, so a scan allocates almost nothing but the annotations.
 */
import { readCountryAt } from './countries';
import {
  FOLD,
  FOLD_PAIYANNOI,
  FOLD_REMOVE,
  FOLD_SPACE,
  FOLD_SPECIAL,
  isIgnorable,
  isPartOfEtc,
  isToneMark,
  NIKHAHIT,
  normalizeTerm,
  PAIYANNOI,
  SARA_AA,
  SARA_AM,
} from '../text/normalize';
import type { CountryAnnotation, CountryRole, TermAnnotation } from '../types';

/** What a pattern stands for. */
export type MatchTarget =
  | {
      kind: 'term';
      theme: string;
      term: string;
      wholeWord: boolean;
      /**
       * the Latin letters the match must have, in this case (WHO: not `who`); absent, any case
       * (see `latinCaseOf`)
       */
      exactCase?: string;
    }
  | { kind: 'country'; country: string };

export interface MatcherPattern {
  /** the text to find, as written; it is normalized here */
  text: string;
  target: MatchTarget;
}

export type MatcherAnnotation = TermAnnotation | CountryAnnotation;

export interface MatcherOptions {
  /**
   * Says whether a country name at [start, end) of the original text really names the
   * country: false (it does not), true (a plain mention) or the role in which it is named
   * (the annotation's `role`); `readCountryAt` of the gazetteer by default.
   */
  countryContext?: (text: string, start: number, end: number) => boolean | CountryRole;
  /**
   * Marker words: `findWithMarkers` reports where each one starts (normalized like the
   * patterns, so a marker is found wherever its exact text is, and also in the other spellings
   * that normalize alike). Markers never become annotations.
   */
  markers?: readonly string[];
}

/** What `findWithMarkers` returns. */
export interface MatchesAndMarkers {
  annotations: MatcherAnnotation[];
  /** start offsets of the marker words, ascending (a start where two markers begin appears twice) */
  markers: Int32Array;
}

/** Flags of a pattern's normalized edges: a Latin letter or a digit needs a word boundary there. */
const LATIN_START = 1;
const LATIN_END = 2;

/** WORD_UNIT[c] = 1 for ASCII letters and digits and Latin-1 / Latin Extended letters. */
const WORD_UNIT = (() => {
  const t = new Uint8Array(0x250);
  for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = t[c + 32] = 1;
  for (let c = 0xc0; c < 0x250; c++) if (c !== 0xd7 && c !== 0xf7) t[c] = 1;
  return t;
})();

function isWordUnit(c: number): boolean {
  return c < 0x250 && WORD_UNIT[c] === 1;
}

/**
 * The word segmenter reads the text in pieces of this many characters, each with `SEGMENT_MARGIN`
 * characters of context on either side. Not a line at once: ICU's Thai word breaking slows down
 * past a few thousand characters without a break (a 1 MB line of ก did not finish in minutes).
 */
const SEGMENT_PIECE = 1024;
const SEGMENT_MARGIN = 32;
let segmenter: Intl.Segmenter | null | undefined;

function thaiSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('th', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/**
 * The word edges of one text, for `whole_word` terms: each piece of the text is segmented once,
 * when a candidate first falls in it, and its edges kept for every other candidate there.
 */
export class WordEdges {
  /** 1 where a word starts (or the text ends), for the pieces segmented so far */
  private edges: Uint8Array | undefined;
  /** 1 for each piece segmented */
  private done: Uint8Array | undefined;

  constructor(private readonly text: string) {}

  /** Is there a word edge at `offset`? */
  isEdge(offset: number): boolean {
    const text = this.text;
    if (offset <= 0 || offset >= text.length) return true;
    const seg = thaiSegmenter();
    if (!seg) return true;
    if (!this.edges) {
      this.edges = new Uint8Array(text.length + 1);
      this.done = new Uint8Array(Math.ceil(text.length / SEGMENT_PIECE) + 1);
    }
    const piece = Math.floor(offset / SEGMENT_PIECE);
    if (this.done![piece] === 0) {
      this.done![piece] = 1;
      const zoneStart = piece * SEGMENT_PIECE;
      const zoneEnd = Math.min(text.length, zoneStart + SEGMENT_PIECE);
      const from = Math.max(0, zoneStart - SEGMENT_MARGIN);
      const to = Math.min(text.length, zoneEnd + SEGMENT_MARGIN);
      for (const s of seg.segment(text.slice(from, to))) {
        const at = from + s.index;
        if (at >= zoneStart && at < zoneEnd) this.edges[at] = 1;
      }
    }
    return this.edges[offset] === 1;
  }

  /** Does [start, end) begin and end on word edges? A `ฯ` right after the span may be inside or outside it. */
  spanOnEdges(start: number, end: number): boolean {
    if (!this.isEdge(start)) return false;
    return this.isEdge(end) || (end > start + 1 && this.text.charCodeAt(end - 1) === 0x0e2f && this.isEdge(end - 1));
  }
}

/**
 * Does [start, end) of `text` begin and end on word edges (by the Thai word segmenter)? For one
 * span; the matcher keeps a `WordEdges` per text for all of them.
 */
export function onWordEdges(text: string, start: number, end: number): boolean {
  return new WordEdges(text).spanOnEdges(start, end);
}

/** Doubles a typed array, keeping its content. */
function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The candidates of one scan (original start and end, and the pattern group), by decreasing
 * start, and the starts of the marker words, also by decreasing start.
 */
class CandidateList {
  starts: Int32Array = new Int32Array(1024);
  ends: Int32Array = new Int32Array(1024);
  groups: Int32Array = new Int32Array(1024);
  length = 0;
  markers: Int32Array = new Int32Array(256);
  markerCount = 0;
  /** room for `Matcher.choose` to note the chosen candidates */
  private chosen: Int32Array = new Int32Array(0);

  /** An array with room for one entry per candidate (reused from scan to scan). */
  chosenRoom(): Int32Array {
    if (this.chosen.length < this.length) this.chosen = new Int32Array(this.starts.length);
    return this.chosen;
  }

  /**
   * Empties the list, keeping its arrays for the next scan, and makes room for about the
   * number of candidates and markers a text of `textLength` holds (so they rarely grow).
   */
  clear(textLength: number): void {
    this.length = 0;
    this.markerCount = 0;
    const candidates = textLength >> 5;
    if (this.starts.length < candidates) {
      this.starts = new Int32Array(candidates);
      this.ends = new Int32Array(candidates);
      this.groups = new Int32Array(candidates);
    }
    const markers = textLength >> 4;
    if (this.markers.length < markers) this.markers = new Int32Array(markers);
  }

  push(start: number, end: number, group: number): void {
    if (this.length === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.groups = grown(this.groups);
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.groups[this.length++] = group;
  }

  mark(start: number): void {
    if (this.markerCount === this.markers.length) this.markers = grown(this.markers);
    this.markers[this.markerCount++] = start;
  }

  /** The marker starts in ascending order. */
  ascendingMarkers(): Int32Array {
    const n = this.markerCount;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.markers[n - 1 - i];
    return out;
  }
}

/** The automaton's arrays (see `Matcher.build`). */
interface Automaton {
  /** normalized code unit -> alphabet class; 0 for a code unit that is in no pattern */
  alphabet: Uint16Array;
  /**
   * ORIGINAL code unit -> alphabet class of what it normalizes to (Thai digits, case), or a
   * C_* class for the units that need a rule (removed, white space, ฯ, า after ํ)
   */
  unitClass: Uint16Array;
  /** `unitClass`, but า is a plain letter (the class of า): for the text away from any ํ */
  regularClass: Uint16Array;
  /** longest pattern, in normalized code units */
  maxLength: number;
  /** number of classes, class 0 included */
  classes: number;
  /** log2 of the length of a row (the classes padded to a power of two, at least 2) */
  shift: number;
  /** child edges of node v: edgeClass/edgeTarget[edgeStart[v] .. edgeStart[v + 1]), sorted by class */
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  edgeTarget: Int32Array;
  /** failure link: the node of the longest proper suffix that is in the trie */
  fail: Int32Array;
  /** the dense row of a node (one of the nodes nearest the root), or -1 */
  denseRow: Int32Array;
  /** the node of each dense row */
  rowNode: Int32Array;
  /**
   * For a node whose first child is the next node (s + 1, as along the chain of a long
   * pattern): (class of that child) << 2 | (2 if it is the only child) | (1 if a pattern or
   * marker ends there); else -1. Most steps below the dense rows follow such a chain.
   */
  chain: Int32Array;
  /**
   * Full transitions (goto and failure folded) of the dense rows, `1 << shift` entries per
   * row, 2 bytes an entry so that they stay in the processor cache: (target row << 1) | (1 if
   * a pattern or marker ends at the target), or SPARSE when the target is a node without a
   * row (then see `sparseAt`).
   */
  hot: Uint16Array;
  /**
   * The few SPARSE entries of `hot` (a thousand or so for 5,000 terms): an open-addressing
   * table of their index in `hot` (-1 for a free slot) and the target node, `sparseAt.length`
   * a power of two.
   */
  sparseAt: Int32Array;
  sparseNode: Int32Array;
  /** the node itself if a pattern ends there, else the nearest suffix node that is one, else -1 */
  firstOut: Int32Array;
  /** for an output node: the next shorter output node on its suffix chain, or -1 */
  nextOut: Int32Array;
  /** pattern group of an output node, or -1 */
  group: Int32Array;
  /** OUT_TARGETS / OUT_MARKER of an output node */
  outKind: Uint8Array;
  /** length of the node's string */
  depth: Int32Array;
}

/**
 * At most this many entries in the full transition rows given to the nodes nearest the root,
 * where the scan spends most of its steps (2 bytes each, 1 MB); deeper nodes use their
 * chains, sorted edges and failure links. Measured on generated policy text with 5,000 terms, 2^19 was
 * faster than 2^17, and larger tables fell out of the cache.
 */
const HOT_BUDGET = 1 << 19;
/**
 * Code units by how often they occur in Thai text, commonest first (white space, the Thai
 * letters and marks, then digits and lower-case Latin): the order of the alphabet classes.
 */
const COMMON_UNITS = ' านรอกเงมย่ัีวดทสตะ้ลิคบหปแขพืุจไใชโ็ูำ์ถผซศณฟธภษญฝฐฉฮฒฎฑฏฬๆฆฤฌ๋๊ฯ.0123456789eatoinsrhldcumfpgwybvkxjqz';

/** Marks a hot entry whose target has no dense row (odd, like an entry whose target is an output). */
const SPARSE = 0xffff;
/** Most dense rows a 15-bit row number in a hot entry can name. */
const MAX_ROWS = 0x7ffe;

const NO_OTHERS: readonly never[] = [];

/** The first 4 bytes of `Matcher.toBytes` ("TPLM"), and the version of its layout. */
const MATCHER_BYTES_MAGIC = 0x4d4c5054;
const MATCHER_BYTES_FORMAT = 2;
/** The typed arrays an automaton is made of, by constructor name. */
const ARRAY_TYPES: Record<string, { new (buffer: ArrayBufferLike, byteOffset: number, length: number): ArrayBufferView; BYTES_PER_ELEMENT: number }> = {
  Uint8Array,
  Uint16Array,
  Int32Array,
};
/** Every field of `Automaton`: bytes without one of them are refused. */
const AUTOMATON_FIELDS: ReadonlyArray<keyof Automaton> = [
  'alphabet', 'unitClass', 'regularClass', 'maxLength', 'classes', 'shift', 'edgeStart', 'edgeClass', 'edgeTarget', 'fail', 'denseRow',
  'rowNode', 'chain', 'hot', 'sparseAt', 'sparseNode', 'firstOut', 'nextOut', 'group', 'outKind', 'depth',
];

/**
 * Kinds of pattern group for `choose`: one term that matches anywhere, one country, or
 * anything else (several targets, whole_word terms), whose target objects are read.
 */
const GROUP_OTHER = 0;
const GROUP_TERM = 1;
const GROUP_COUNTRY = 2;

/** Kinds of an output node: its pattern group has targets, and/or is a marker word. */
const OUT_TARGETS = 1;
const OUT_MARKER = 2;

const NIKHAHIT_CHAR = String.fromCharCode(NIKHAHIT);

/** Classes in `unitClass` of the original code units that a normalization rule handles. */
const C_RULE = 0xfff0;
const C_REMOVE = 0xfff0;
const C_SPACE = 0xfff1;
const C_PAIYANNOI = 0xfff2;
const C_SARA_AA = 0xfff3;

export class Matcher {
  /** number of distinct normalized patterns (marker words not counted) */
  readonly patternCount: number;
  /** number of automaton nodes, root included */
  readonly nodeCount: number;
  /** the candidate list of the last scan, kept for the next one (none while a scan is using it) */
  private spare: CandidateList | undefined = new CandidateList();

  /** GROUP_* of each pattern group: how `choose` turns a candidate into an annotation */
  private readonly groupKind: Uint8Array;
  /** LATIN_START / LATIN_END of each pattern group */
  private readonly groupFlags: Uint8Array;
  /** of a group with one target: the theme (term) or the country code */
  private readonly groupA: string[];
  /** of a group with one term target: the canonical term */
  private readonly groupB: string[];
  /**
   * of a group with one country target: how its matches are usually written (the name); a
   * match written so is given this string as its text instead of a copy
   */
  private readonly groupText: string[];

  private constructor(
    /** targets of each distinct normalized pattern or marker, in priority order (none for a marker only) */
    private readonly groups: MatchTarget[][],
    /** the normalized text of each group */
    private readonly keys: readonly string[],
    private readonly a: Automaton,
    private readonly countryContext: (text: string, start: number, end: number) => boolean | CountryRole,
  ) {
    let count = 0;
    for (let g = 0; g < groups.length; g++) if (groups[g].length > 0) count++;
    this.patternCount = count;
    this.nodeCount = a.depth.length;
    // the common groups (one term matched anywhere, or one country) in flat arrays, so that a
    // chosen candidate becomes an annotation without reading the target objects
    this.groupKind = new Uint8Array(groups.length);
    this.groupFlags = new Uint8Array(groups.length);
    this.groupA = new Array<string>(groups.length).fill('');
    this.groupB = new Array<string>(groups.length).fill('');
    this.groupText = new Array<string>(groups.length).fill('');
    for (let g = 0; g < groups.length; g++) {
      const key = keys[g];
      this.groupFlags[g] = (isWordUnit(key.charCodeAt(0)) ? LATIN_START : 0) | (isWordUnit(key.charCodeAt(key.length - 1)) ? LATIN_END : 0);
      const targets = groups[g];
      this.groupKind[g] = GROUP_OTHER;
      if (targets.length !== 1) continue;
      const t = targets[0];
      if (t.kind === 'country') {
        this.groupKind[g] = GROUP_COUNTRY;
        this.groupA[g] = t.country;
        this.groupText[g] = key;
      } else if (!t.wholeWord && t.exactCase === undefined) {
        this.groupKind[g] = GROUP_TERM;
        this.groupA[g] = t.theme;
        this.groupB[g] = t.term;
      }
    }
  }

  /** Approximate size of the automaton's arrays, in bytes. */
  get byteSize(): number {
    let total = 0;
    for (const value of Object.values(this.a)) if (ArrayBuffer.isView(value)) total += value.byteLength;
    return total;
  }

  /**
   * Builds the automaton. When two patterns normalize to the same text, the earlier one is
   * tried first and the later ones are fall-backs (used when the earlier one is rejected).
   */
  static build(patterns: Iterable<MatcherPattern>, options: MatcherOptions = {}): Matcher {
    const groupOf = new Map<string, number>();
    const groups: MatchTarget[][] = [];
    const keys: string[] = [];
    const groupFor = (key: string): number => {
      let g = groupOf.get(key);
      if (g === undefined) {
        g = groups.length;
        groupOf.set(key, g);
        groups.push([]);
        keys.push(key);
      }
      return g;
    };
    const list = Array.isArray(patterns) ? (patterns as readonly MatcherPattern[]) : [...patterns];
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      const key = normalizeTerm(p.text);
      if (key === '') continue;
      const targets = groups[groupFor(key)];
      let known = false;
      for (let t = 0; t < targets.length && !known; t++) known = sameTarget(targets[t], p.target);
      if (!known) targets.push(p.target);
    }
    const markerGroups = new Set<number>();
    for (const word of options.markers ?? []) {
      const key = normalizeTerm(word);
      if (key !== '') markerGroups.add(groupFor(key));
    }
    const kinds = groups.map((targets, g) => (targets.length > 0 ? OUT_TARGETS : 0) | (markerGroups.has(g) ? OUT_MARKER : 0));
    return new Matcher(groups, keys, buildAutomaton(keys, kinds), options.countryContext ?? readCountryAt);
  }

  /**
   * The matcher as bytes, for a cache (`fromBytes` reads them back): a header (magic, format,
   * the groups' targets and keys as JSON) and the automaton's arrays, each at a multiple of 8
   * bytes. The country context function is not in them (`fromBytes` takes it).
   */
  toBytes(): Uint8Array {
    const scalars: Record<string, number> = {};
    const arrays: Array<{ name: string; type: string; length: number }> = [];
    const views: ArrayBufferView[] = [];
    for (const [name, value] of Object.entries(this.a)) {
      if (typeof value === 'number') scalars[name] = value;
      else {
        const view = value as ArrayBufferView & { length: number };
        arrays.push({ name, type: view.constructor.name, length: view.length });
        views.push(view);
      }
    }
    // the groups: their keys first in a table of strings (joined by U+0000, split in one call),
    // then each target as 5 numbers (kind, theme or country, term, whole word, exact case)
    const strings = [...this.keys];
    const stringIndex = new Map<string, number>();
    for (let i = 0; i < strings.length; i++) if (!stringIndex.has(strings[i])) stringIndex.set(strings[i], i);
    const indexOf = (value: string | undefined): number => {
      if (value === undefined) return -1;
      let i = stringIndex.get(value);
      if (i === undefined) {
        i = strings.length;
        strings.push(value);
        stringIndex.set(value, i);
      }
      return i;
    };
    const targetStart = new Int32Array(this.groups.length + 1);
    const targetData: number[] = [];
    for (let g = 0; g < this.groups.length; g++) {
      targetStart[g] = targetData.length / 5;
      for (const t of this.groups[g]) {
        if (t.kind === 'term') targetData.push(0, indexOf(t.theme), indexOf(t.term), t.wholeWord ? 1 : 0, indexOf(t.exactCase));
        else targetData.push(1, indexOf(t.country), -1, 0, -1);
      }
    }
    targetStart[this.groups.length] = targetData.length / 5;
    arrays.push({ name: '#targetStart', type: 'Int32Array', length: targetStart.length }, { name: '#targetData', type: 'Int32Array', length: targetData.length });
    views.push(targetStart, Int32Array.from(targetData));
    const header = new TextEncoder().encode(JSON.stringify({ format: MATCHER_BYTES_FORMAT, groups: this.groups.length, strings: strings.join('\u0000'), scalars, arrays }));
    const align = (n: number): number => (n + 7) & ~7;
    let size = align(8 + header.length);
    for (const v of views) size += align(v.byteLength);
    const out = new Uint8Array(size);
    const head = new DataView(out.buffer);
    head.setUint32(0, MATCHER_BYTES_MAGIC, true);
    head.setUint32(4, header.length, true);
    out.set(header, 8);
    let at = align(8 + header.length);
    for (const v of views) {
      out.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), at);
      at += align(v.byteLength);
    }
    return out;
  }

  /**
   * A matcher from the bytes of `toBytes`, or undefined when they are not such bytes (another
   * format, cut short, altered): the caller builds it again.
   */
  static fromBytes(bytes: Uint8Array, options: Pick<MatcherOptions, 'countryContext'> = {}): Matcher | undefined {
    try {
      // the arrays are views on the bytes: they must start at a multiple of 8
      const own = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
      const head = new DataView(own.buffer, own.byteOffset, own.byteLength);
      if (own.length < 8 || head.getUint32(0, true) !== MATCHER_BYTES_MAGIC) return undefined;
      const headerLength = head.getUint32(4, true);
      if (8 + headerLength > own.length) return undefined;
      const header = JSON.parse(new TextDecoder().decode(own.subarray(8, 8 + headerLength))) as {
        format: number;
        groups: number;
        strings: string;
        scalars: Record<string, number>;
        arrays: Array<{ name: string; type: string; length: number }>;
      };
      if (header.format !== MATCHER_BYTES_FORMAT || typeof header.strings !== 'string' || !(header.groups >= 0)) return undefined;
      const align = (n: number): number => (n + 7) & ~7;
      const a: Record<string, unknown> = { ...header.scalars };
      let at = align(8 + headerLength);
      for (const { name, type, length } of header.arrays) {
        const Type = ARRAY_TYPES[type];
        if (!Type || !(length >= 0)) return undefined;
        const byteLength = length * Type.BYTES_PER_ELEMENT;
        if (at + byteLength > own.length) return undefined;
        a[name] = new Type(own.buffer, own.byteOffset + at, length);
        at += align(byteLength);
      }
      if (at !== own.length) return undefined;
      for (const name of AUTOMATON_FIELDS) if (a[name] === undefined) return undefined;
      const strings = header.strings.split('\u0000');
      const count = header.groups;
      const targetStart = a['#targetStart'] as Int32Array | undefined;
      const data = a['#targetData'] as Int32Array | undefined;
      if (!targetStart || !data || targetStart.length !== count + 1 || strings.length < count || targetStart[count] * 5 !== data.length) return undefined;
      const string = (i: number): string => {
        if (!(i >= 0 && i < strings.length)) throw new RangeError('not a string of the table');
        return strings[i];
      };
      const groups: MatchTarget[][] = new Array<MatchTarget[]>(count);
      for (let g = 0; g < count; g++) {
        const targets: MatchTarget[] = [];
        for (let t = targetStart[g]; t < targetStart[g + 1]; t++) {
          const at = t * 5;
          if (data[at] === 1) targets.push({ kind: 'country', country: string(data[at + 1]) });
          else {
            const target: MatchTarget = { kind: 'term', theme: string(data[at + 1]), term: string(data[at + 2]), wholeWord: data[at + 3] === 1 };
            if (data[at + 4] >= 0) target.exactCase = string(data[at + 4]);
            targets.push(target);
          }
        }
        groups[g] = targets;
      }
      delete a['#targetStart'];
      delete a['#targetData'];
      return new Matcher(groups, strings.slice(0, count), a as unknown as Automaton, options.countryContext ?? readCountryAt);
    } catch {
      return undefined;
    }
  }

  /** Finds terms and countries in `original`: leftmost-longest, non-overlapping, sorted by start. */
  find(original: string): MatcherAnnotation[] {
    return this.withScan(original, (candidates) => this.choose(original, candidates, NO_OTHERS));
  }

  /**
   * Like `find`, with other annotations merged in: `others` gets the starts of the marker
   * words (ascending, from the same pass over the text) and returns annotations sorted by
   * start, which join the result in order (after a term or country with the same start).
   */
  findMerged<T extends { start: number }>(original: string, others: (markers: Int32Array) => T[]): Array<MatcherAnnotation | T> {
    return this.withScan(original, (candidates) => this.choose(original, candidates, others(candidates.ascendingMarkers())));
  }

  /** Like `find`, and also where the marker words start, from the same pass over the text. */
  findWithMarkers(original: string): MatchesAndMarkers {
    return this.withScan(original, (candidates) => ({ annotations: this.choose(original, candidates, NO_OTHERS), markers: candidates.ascendingMarkers() }));
  }

  /** Scans `original` and gives its candidates to `use`; then keeps the candidate list for the next scan. */
  private withScan<R>(original: string, use: (candidates: CandidateList) => R): R {
    const candidates = this.scan(original);
    try {
      return use(candidates);
    } finally {
      this.spare = candidates;
    }
  }

  /**
   * Every pattern occurrence in the text, by decreasing start, longest first per start, in
   * original offsets, and the marker starts. Reads the text once, backwards, normalizing as
   * it goes.
   */
  private scan(text: string): CandidateList {
    const { alphabet, unitClass, regularClass, shift, denseRow, rowNode, hot, sparseAt, sparseNode, chain, fail, firstOut } = this.a;
    const spaceClass = alphabet[0x20];
    const saraAaClass = alphabet[SARA_AA];
    const saraAmClass = alphabet[SARA_AM];
    // local copies of the module's constants, which a bundler may turn into variables that
    // the hot loops would otherwise reload
    const RULE = C_RULE;
    const ROW_SHIFT = shift - 1; // hot entry (row << 1) to row offset (row << shift)
    // original offsets of the last normalized units read: offsets[u & mask] for unit u,
    // counting units from the end of the text (unit 0 = the end itself)
    let size = 2;
    while (size < this.a.maxLength + 2) size <<= 1;
    const offsets = new Int32Array(size);
    const mask = size - 1;
    offsets[0] = text.length;
    let unit = 0;
    // the list of the previous scan, reused (its arrays have grown to the size texts need)
    const out = this.spare ?? new CandidateList();
    this.spare = undefined;
    out.clear(text.length);
    let base = 0; // row << shift of the current state, or -1 when the state is a node without a row
    let s = 0; // the current node; kept up to date only where it is needed
    let inSpace = false; // the last unit read is a space
    let i = text.length - 1;
    // า is a unit of its own except right after ํ (or ํ and a tone mark): the fast loops,
    // which read า as a plain letter, stop short of each ํ, and the general path reads the
    // few characters there
    const nikhahits: number[] = [];
    for (let p = text.indexOf(NIKHAHIT_CHAR); p >= 0; p = text.indexOf(NIKHAHIT_CHAR, p + 1)) nikhahits.push(p);
    let next = nikhahits.length - 1;
    let nikhahit = next >= 0 ? nikhahits[next] : -1;
    let lo = nikhahit >= 0 ? nikhahit + 3 : 0;
    while (i >= 0) {
      if (i >= lo) {
        // fast loops over plain units: in the dense rows, then along a pattern's chain
        const from = i;
        let k = 0;
        if (base >= 0) {
          let e = 0;
          let entry = 0;
          for (; i >= lo; i--) {
            k = regularClass[text.charCodeAt(i)];
            if (k >= RULE) break;
            offsets[++unit & mask] = i;
            entry = base + k;
            e = hot[entry]; // class 0 leads back to the root
            if ((e & 1) !== 0) break; // a pattern ends at the target, or it has no row
            base = e << ROW_SHIFT;
          }
          if (i < lo) {
            if (i !== from) inSpace = false;
            continue;
          }
          if (k < RULE) {
            inSpace = false;
            if (e !== SPARSE) {
              base = (e >> 1) << shift;
              s = rowNode[e >> 1];
            } else {
              s = sparseTarget(sparseAt, sparseNode, entry);
              base = -1;
            }
            if (firstOut[s] >= 0) this.report(text, i, unit, s, offsets, mask, out);
            i--;
            continue;
          }
        } else {
          let ch = 0;
          for (; i >= lo; i--) {
            k = regularClass[text.charCodeAt(i)];
            if (k >= RULE) break;
            offsets[++unit & mask] = i;
            ch = chain[s];
            if (ch >> 2 !== k) break;
            s++; // along a pattern: below the rows, so the child has no row either
            if ((ch & 1) !== 0) this.report(text, i, unit, s, offsets, mask, out);
          }
          if (i < lo) {
            if (i !== from) inSpace = false;
            continue;
          }
          if (k < RULE) {
            // off the chain: another child, or failure links (straight away when there is no other child)
            inSpace = false;
            s = this.next(-1, ch >= 0 && (ch & 2) !== 0 ? fail[s] : s, k);
            const r = denseRow[s];
            base = r >= 0 ? r << shift : -1;
            if (firstOut[s] >= 0) this.report(text, i, unit, s, offsets, mask, out);
            i--;
            continue;
          }
        }
        if (i !== from) inSpace = false;
      }
      // the general path, one unit: a character that a normalization rule handles, or any
      // character next to a ํ
      general: {
        let k = unitClass[text.charCodeAt(i)];
        let at = i; // original offset of this normalized unit
        if (k >= C_RULE) {
          if (k === C_REMOVE) break general;
          if (k === C_SPACE) {
            if (inSpace) {
              offsets[unit & mask] = i; // the space of a run maps to its first character
              break general;
            }
            inSpace = true;
            k = spaceClass;
          } else {
            inSpace = false;
            if (k === C_PAIYANNOI) {
              if (!isPartOfEtc(text, i)) break general;
              k = alphabet[PAIYANNOI];
            } else {
              // า: after ํ (maybe with a tone mark between) the pair is ำ
              k = saraAaClass;
              const before = i > 0 ? text.charCodeAt(i - 1) : 0;
              if (before === NIKHAHIT) {
                k = saraAmClass;
                at = --i;
              } else if (isToneMark(before) && i > 1 && text.charCodeAt(i - 2) === NIKHAHIT) {
                // ํ + tone + า reads as tone + ำ: ำ (at the tone), then the tone (at ํ)
                s = this.next(base, s, saraAmClass);
                base = denseRow[s] >= 0 ? denseRow[s] << shift : -1;
                offsets[++unit & mask] = i - 1;
                if (firstOut[s] >= 0) this.report(text, i - 1, unit, s, offsets, mask, out);
                k = alphabet[before];
                i -= 2;
                at = i;
              }
            }
          }
        } else inSpace = false;
        offsets[++unit & mask] = at;
        s = this.next(base, s, k);
        const r = denseRow[s];
        base = r >= 0 ? r << shift : -1;
        if (firstOut[s] >= 0) this.report(text, at, unit, s, offsets, mask, out);
      }
      i--;
      if (i < nikhahit) {
        while (next >= 0 && nikhahits[next] > i) next--;
        nikhahit = next >= 0 ? nikhahits[next] : -1;
        lo = nikhahit >= 0 ? nikhahit + 3 : 0;
      }
    }
    return out;
  }

  /**
   * One transition from the state at row offset `base` (or, when base is -1, from node `s`)
   * on class k: from a row, its entry; from a node, its own child, else failure links until
   * a node with a row. Returns the node reached.
   */
  private next(base: number, s: number, k: number): number {
    const { shift, denseRow, fail, hot, rowNode, sparseAt, sparseNode } = this.a;
    if (base < 0) {
      for (;;) {
        const r = denseRow[s];
        if (r >= 0) {
          base = r << shift;
          break;
        }
        const child = childOf(this.a, s, k);
        if (child >= 0) return child;
        s = fail[s];
      }
    }
    const at = base + k;
    const e = hot[at];
    return e !== SPARSE ? rowNode[e >> 1] : sparseTarget(sparseAt, sparseNode, at);
  }

  /** Records the candidates and markers that start at the unit just read (node s has an output). */
  private report(text: string, at: number, unit: number, s: number, offsets: Int32Array, mask: number, out: CandidateList): void {
    const { firstOut, nextOut, depth, outKind, group } = this.a;
    for (let o = firstOut[s]; o >= 0; o = nextOut[o]) {
      const kind = outKind[o];
      if ((kind & OUT_MARKER) !== 0) out.mark(at);
      if ((kind & OUT_TARGETS) === 0) continue;
      const length = depth[o];
      const end = tightEnd(text, offsets[(unit - length) & mask], offsets[(unit - length + 1) & mask]);
      out.push(at, end, group[o]);
    }
  }

  /**
   * The leftmost-longest non-overlapping choice among the candidates, as annotations, with
   * `others` (sorted by start) merged in. First the choice (the contexts checked, the chosen
   * candidates noted in the list's `chosen`), then the annotations, in one array of the
   * final length.
   */
  private choose<T extends { start: number }>(original: string, candidates: CandidateList, others: readonly T[]): Array<MatcherAnnotation | T> {
    const { starts, ends, groups } = candidates;
    const { groupKind, groupA, groupB, groupText } = this;
    const { chosen, count, read } = this.pick(original, candidates);
    const result = new Array<MatcherAnnotation | T>(count + others.length);
    let other = 0;
    let r = 0;
    for (let i = 0; i < count; i++) {
      const q = chosen[i];
      let annotation: MatcherAnnotation;
      if (q < 0) annotation = read[~q];
      else {
        const g = groups[q];
        const start = starts[q];
        const end = ends[q];
        if (groupKind[g] === GROUP_TERM) annotation = { kind: 'term', start, end, text: original.slice(start, end), theme: groupA[g], term: groupB[g] };
        else {
          const text = writtenAs(original, start, end, groupText[g]) ? groupText[g] : original.slice(start, end);
          annotation = { kind: 'country', start, end, text, country: groupA[g] };
        }
      }
      while (other < others.length && others[other].start < annotation.start) result[r++] = others[other++];
      result[r++] = annotation;
    }
    while (other < others.length) result[r++] = others[other++];
    return result;
  }

  /**
   * What `findWithMarkers` would find, counted instead of built: `tally` gets each chosen term
   * (its theme) and country (its code), in order, and no annotation object is made for the
   * common groups. Returns the ascending marker starts (where dates may start).
   */
  count(original: string, tally: (kind: 'term' | 'country', key: string) => void): Int32Array {
    return this.withScan(original, (candidates) => {
      const { groups } = candidates;
      const { groupKind, groupA } = this;
      const { chosen, count, read } = this.pick(original, candidates);
      for (let i = 0; i < count; i++) {
        const q = chosen[i];
        if (q < 0) {
          const a = read[~q];
          if (a.kind === 'term') tally('term', a.theme);
          else tally('country', a.country);
        } else {
          const g = groups[q];
          if (groupKind[g] === GROUP_TERM) tally('term', groupA[g]);
          else tally('country', groupA[g]);
        }
      }
      return candidates.ascendingMarkers();
    });
  }

  /**
   * The choice among the candidates (leftmost-longest, contexts checked): `chosen[0 .. count)`
   * holds the chosen candidates in order, a candidate index, or ~i for `read[i]`, an annotation
   * made from the group's target objects.
   */
  private pick(original: string, candidates: CandidateList): { chosen: Int32Array; count: number; read: MatcherAnnotation[] } {
    const { starts, ends, groups } = candidates;
    const { groupKind, groupFlags, groupA } = this;
    const chosen = candidates.chosenRoom();
    const edges = new WordEdges(original);
    /** annotations of the groups read from their targets; `chosen` holds ~index for them */
    const read: MatcherAnnotation[] = [];
    let count = 0;
    let lastEnd = 0;
    let k = candidates.length - 1;
    while (k >= 0) {
      const start = starts[k];
      if (start < lastEnd) {
        k--;
        continue;
      }
      let first = k;
      while (first > 0 && starts[first - 1] === start) first--;
      for (let q = first; q <= k; q++) {
        const g = groups[q];
        const end = ends[q];
        const flags = groupFlags[g];
        if (flags !== 0 && !onLatinBoundaries(original, start, end, flags)) continue;
        const kind = groupKind[g];
        if (kind === GROUP_COUNTRY) {
          const reading = this.countryContext(original, start, end);
          if (reading === false) continue;
          if (reading !== true) {
            // a country in a role: the annotation is made here, with its role
            chosen[count++] = ~read.length;
            read.push({ kind: 'country', start, end, text: original.slice(start, end), country: groupA[g], role: reading });
            lastEnd = end;
            break;
          }
        }
        if (kind === GROUP_OTHER) {
          const annotation = this.accept(original, start, end, this.groups[g], edges);
          if (!annotation) continue;
          chosen[count++] = ~read.length;
          read.push(annotation);
        } else chosen[count++] = q;
        lastEnd = end;
        break;
      }
      k = first - 1;
    }
    return { chosen, count, read };
  }

  /** The annotation for the first target that its context allows, if any. */
  private accept(original: string, start: number, end: number, targets: MatchTarget[], edges: WordEdges): MatcherAnnotation | undefined {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      if (t.kind === 'term') {
        if (t.exactCase !== undefined && !hasLatinLetters(original, start, end, t.exactCase)) continue;
        if (t.wholeWord && !edges.spanOnEdges(start, end)) continue;
        return { kind: 'term', start, end, text: original.slice(start, end), theme: t.theme, term: t.term };
      }
      const reading = this.countryContext(original, start, end);
      if (reading === false) continue;
      const text = original.slice(start, end);
      return reading === true ? { kind: 'country', start, end, text, country: t.country } : { kind: 'country', start, end, text, country: t.country, role: reading };
    }
    return undefined;
  }
}

/**
 * The Latin letters a glossary form must be matched with, in their case: with `caseSensitive`
 * true its letters as written, false none; by default those of a form written in capitals
 * (two letters or more, none lower-case: WHO, AI, COVID-19), so that an acronym does not match
 * an ordinary word (`who`, `ai`). Undefined where any case matches.
 */
export function latinCaseOf(form: string, caseSensitive?: boolean): string | undefined {
  if (caseSensitive === false) return undefined;
  const letters = form.replace(/[^A-Za-z]/g, '');
  if (letters === '') return undefined;
  if (caseSensitive === true) return letters;
  return letters.length >= 2 && !/[a-z]/.test(letters) ? letters : undefined;
}

/** Are the ASCII letters of [start, end) of `text` exactly `letters`, case included? */
function hasLatinLetters(text: string, start: number, end: number, letters: string): boolean {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      if (n >= letters.length || letters.charCodeAt(n) !== c) return false;
      n++;
    }
  }
  return n === letters.length;
}

/** Is [start, end) of `text` exactly `written`? */
function writtenAs(text: string, start: number, end: number, written: string): boolean {
  if (end - start !== written.length) return false;
  for (let i = 0; i < written.length; i++) if (text.charCodeAt(start + i) !== written.charCodeAt(i)) return false;
  return true;
}

/**
 * The original end of a span whose last normalized unit starts at `last` and whose next
 * unit starts at `next`: a ฯ right after the span is kept in it (so `สหรัฐฯ` is whole), but
 * not trailing zero-width characters or soft hyphens.
 */
function tightEnd(text: string, next: number, last: number): number {
  let p = next;
  while (p > last + 1 && isIgnorable(text.charCodeAt(p - 1))) p--;
  return p;
}

/** Is the code unit at i, read as normalized, a Latin letter or digit? */
function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordUnit(FOLD[text.charCodeAt(i)]);
}

/**
 * The Latin-edge rule: no Latin letter or digit just before a span whose first character
 * is one, nor just after a span whose last character is one (zero-width characters skipped).
 */
function onLatinBoundaries(text: string, start: number, end: number, flags: number): boolean {
  if ((flags & LATIN_START) !== 0) {
    let p = start - 1;
    while (p >= 0 && isIgnorable(text.charCodeAt(p))) p--;
    if (isWordAt(text, p)) return false;
  }
  if ((flags & LATIN_END) !== 0) {
    let p = end;
    while (p < text.length && isIgnorable(text.charCodeAt(p))) p++;
    if (isWordAt(text, p)) return false;
  }
  return true;
}

/** Compares two keys as their reversed texts, read as classes, would compare (class by class from the end). */
function compareReversed(a: string, b: string, alphabet: Uint16Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 1; i <= n; i++) {
    const d = alphabet[a.charCodeAt(a.length - i)] - alphabet[b.charCodeAt(b.length - i)];
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The first slot to try for `hot` index i in the SPARSE table (`mask` = its length - 1). */
function sparseSlot(i: number, mask: number): number {
  return (Math.imul(i, 0x9e3779b1) >>> 7) & mask;
}

/** The target node of the SPARSE entry at `hot` index i. */
function sparseTarget(sparseAt: Int32Array, sparseNode: Int32Array, i: number): number {
  const mask = sparseAt.length - 1;
  for (let h = sparseSlot(i, mask); ; h = (h + 1) & mask) if (sparseAt[h] === i) return sparseNode[h];
}

/** The child of node v on class k, or -1 (its sorted edges: read in turn when few, else a binary search). */
function childOf(a: Pick<Automaton, 'edgeStart' | 'edgeClass' | 'edgeTarget'>, v: number, k: number): number {
  const { edgeClass, edgeTarget } = a;
  let lo = a.edgeStart[v];
  const hi = a.edgeStart[v + 1];
  if (hi - lo <= 8) {
    for (; lo < hi; lo++) {
      const e = edgeClass[lo];
      if (e >= k) return e === k ? edgeTarget[lo] : -1;
    }
    return -1;
  }
  let top = hi - 1;
  while (lo <= top) {
    const mid = (lo + top) >> 1;
    const e = edgeClass[mid];
    if (e === k) return edgeTarget[mid];
    if (e < k) lo = mid + 1;
    else top = mid - 1;
  }
  return -1;
}

/**
 * Builds the Aho-Corasick automaton of the REVERSED keys (key i is pattern group i, of output
 * kind kinds[i]). The steps are separate functions, so that each is compiled on its own once
 * it has run, rather than one large function compiled again for each step it had not seen.
 */
function buildAutomaton(keys: string[], kinds: readonly number[]): Automaton {
  let maxLength = 0;
  for (let k = 0; k < keys.length; k++) maxLength = Math.max(maxLength, keys[k].length);
  const { alphabet, classes } = alphabetOf(keys);
  const trie = buildTrie(keys, kinds, alphabet, maxLength);
  const edges = childEdges(trie);
  const links = linkNodes(trie, edges, classes);
  const { hot, sparseAt, sparseNode } = hotRows(links.delta, links.denseRow, links.firstOut);
  const unitClass = unitClasses(alphabet);
  const regularClass = unitClass.slice();
  regularClass[SARA_AA] = alphabet[SARA_AA];
  return {
    alphabet,
    unitClass,
    regularClass,
    maxLength,
    classes,
    shift: links.shift,
    ...edges,
    fail: links.fail,
    denseRow: links.denseRow,
    rowNode: links.rowNode,
    hot,
    sparseAt,
    sparseNode,
    chain: chains(trie, links.firstOut),
    firstOut: links.firstOut,
    nextOut: links.nextOut,
    group: trie.group,
    outKind: trie.outKind,
    depth: trie.depth,
  };
}

/**
 * The alphabet classes of the code units in the keys. The commonest characters of Thai text
 * get the lowest classes, so that the entries a row is mostly read at sit together in its
 * first cache lines; then the rest, in code-unit order.
 */
function alphabetOf(keys: readonly string[]): { alphabet: Uint16Array; classes: number } {
  const used = new Uint8Array(0x10000);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    for (let i = 0; i < key.length; i++) used[key.charCodeAt(i)] = 1;
  }
  const alphabet = new Uint16Array(0x10000);
  let classes = 1;
  for (let i = 0; i < COMMON_UNITS.length; i++) {
    const c = COMMON_UNITS.charCodeAt(i);
    if (used[c] && alphabet[c] === 0) alphabet[c] = classes++;
  }
  for (let c = 0; c < 0x10000; c++) if (used[c] && alphabet[c] === 0) alphabet[c] = classes++;
  return { alphabet, classes };
}

/** The trie of the reversed keys: per node its parent, the class of its edge, its depth, its number of children and its pattern group. */
interface Trie {
  nodes: number;
  parent: Int32Array;
  label: Uint16Array;
  depth: Int32Array;
  childCount: Int32Array;
  group: Int32Array;
  outKind: Uint8Array;
}

/**
 * The trie of the REVERSED keys (key i is pattern group i), built from the keys in the order
 * of their reversed texts read as classes, so each key only appends nodes to the path of the
 * one before and every node's children come out in class order.
 */
function buildTrie(keys: readonly string[], kinds: readonly number[], alphabet: Uint16Array, maxLength: number): Trie {
  const order = keys.map((_, i) => i).sort((a, b) => compareReversed(keys[a], keys[b], alphabet));
  // the length each key shares with the one before it, and so the number of nodes
  const shared = new Int32Array(keys.length);
  let nodeTotal = 1;
  for (let i = 0; i < order.length; i++) {
    const key = keys[order[i]];
    const prev = i > 0 ? keys[order[i - 1]] : '';
    let common = 0;
    const limit = Math.min(key.length, prev.length);
    while (common < limit && key.charCodeAt(key.length - 1 - common) === prev.charCodeAt(prev.length - 1 - common)) common++;
    shared[i] = common;
    nodeTotal += key.length - common;
  }
  const parent = new Int32Array(nodeTotal);
  const label = new Uint16Array(nodeTotal);
  const depth = new Int32Array(nodeTotal);
  const childCount = new Int32Array(nodeTotal);
  const group = new Int32Array(nodeTotal).fill(-1);
  const outKind = new Uint8Array(nodeTotal);
  const path = new Int32Array(maxLength + 1); // path[d]: node at depth d of the previous key
  let nodes = 1;
  for (let i = 0; i < order.length; i++) {
    const g = order[i];
    const key = keys[g];
    const last = key.length - 1;
    for (let d = shared[i]; d < key.length; d++) {
      const v = nodes++;
      parent[v] = path[d];
      label[v] = alphabet[key.charCodeAt(last - d)];
      depth[v] = d + 1;
      childCount[path[d]]++;
      path[d + 1] = v;
    }
    const end = path[key.length];
    group[end] = g;
    outKind[end] = kinds[g];
  }
  return { nodes, parent, label, depth, childCount, group, outKind };
}

/** Child edges, grouped per node (CSR); children were created in class order. */
function childEdges(trie: Trie): Pick<Automaton, 'edgeStart' | 'edgeClass' | 'edgeTarget'> {
  const { nodes, childCount, parent, label } = trie;
  const edgeStart = new Int32Array(nodes + 1);
  for (let v = 0; v < nodes; v++) edgeStart[v + 1] = edgeStart[v] + childCount[v];
  const edgeCount = Math.max(0, nodes - 1);
  const edgeClass = new Uint16Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  const fillAt = edgeStart.slice(0, nodes);
  for (let v = 1; v < nodes; v++) {
    const at = fillAt[parent[v]]++;
    edgeClass[at] = label[v];
    edgeTarget[at] = v;
  }
  return { edgeStart, edgeClass, edgeTarget };
}

/**
 * Breadth first: failure and output links, and full rows (node ids, goto and failure folded)
 * for the first nodes, as many as the budget allows.
 */
function linkNodes(trie: Trie, edges: Pick<Automaton, 'edgeStart' | 'edgeClass' | 'edgeTarget'>, classes: number) {
  const { nodes, group } = trie;
  const { edgeStart, edgeClass, edgeTarget } = edges;
  let shift = 1;
  while (1 << shift < classes) shift++;
  const width = 1 << shift;
  const rowCount = Math.min(nodes, MAX_ROWS, Math.max(1, Math.floor(HOT_BUDGET / width)));
  const denseRow = new Int32Array(nodes).fill(-1);
  const rowNode = new Int32Array(rowCount);
  const delta = new Int32Array(rowCount * width);
  const fail = new Int32Array(nodes);
  const firstOut = new Int32Array(nodes).fill(-1);
  const nextOut = new Int32Array(nodes).fill(-1);
  const queue = new Int32Array(nodes);
  let head = 0;
  let tail = 1; // queue[0] = root
  let rows = 0;
  while (head < tail) {
    const v = queue[head++];
    const f = fail[v];
    if (v !== 0) {
      nextOut[v] = firstOut[f]; // f is shallower, so already done
      firstOut[v] = group[v] >= 0 ? v : nextOut[v];
    }
    if (rows < rowCount) {
      // the row of v: its own children, else the row of its failure node (already built)
      const row = rows++;
      denseRow[v] = row;
      rowNode[row] = v;
      const at = row << shift;
      if (v !== 0) delta.copyWithin(at, denseRow[f] << shift, (denseRow[f] << shift) + classes);
      for (let e = edgeStart[v]; e < edgeStart[v + 1]; e++) delta[at + edgeClass[e]] = edgeTarget[e];
    }
    for (let e = edgeStart[v]; e < edgeStart[v + 1]; e++) {
      const t = edgeTarget[e];
      fail[t] = v === 0 ? 0 : transition(edges, denseRow, delta, fail, shift, f, edgeClass[e]);
      queue[tail++] = t;
    }
  }
  return { shift, denseRow, rowNode, delta, fail, firstOut, nextOut };
}

/** The goto-or-failure transition from node s on class k while the rows are built (in `delta`, node ids). */
function transition(
  edges: Pick<Automaton, 'edgeStart' | 'edgeClass' | 'edgeTarget'>,
  denseRow: Int32Array,
  delta: Int32Array,
  fail: Int32Array,
  shift: number,
  s: number,
  k: number,
): number {
  for (;;) {
    const row = denseRow[s];
    if (row >= 0) return delta[(row << shift) + k];
    const next = childOf(edges, s, k);
    if (next >= 0) return next;
    s = fail[s];
  }
}

/** `Automaton.chain` of every node. */
function chains(trie: Trie, firstOut: Int32Array): Int32Array {
  const { nodes, parent, label, childCount } = trie;
  const chain = new Int32Array(nodes).fill(-1);
  for (let v = 0; v + 1 < nodes; v++) {
    if (parent[v + 1] === v) chain[v] = (label[v + 1] << 2) | (childCount[v] === 1 ? 2 : 0) | (firstOut[v + 1] >= 0 ? 1 : 0);
  }
  return chain;
}

/** The 2-byte rows the scan reads (`Automaton.hot`) and the table of their SPARSE entries. */
function hotRows(delta: Int32Array, denseRow: Int32Array, firstOut: Int32Array): Pick<Automaton, 'hot' | 'sparseAt' | 'sparseNode'> {
  const hot = new Uint16Array(delta.length);
  let sparseCount = 0;
  for (let i = 0; i < delta.length; i++) {
    const t = delta[i];
    const r = denseRow[t];
    if (r >= 0) hot[i] = (r << 1) | (firstOut[t] >= 0 ? 1 : 0);
    else {
      hot[i] = SPARSE;
      sparseCount++;
    }
  }
  let slots = 16;
  while (slots < 2 * sparseCount) slots <<= 1;
  const sparseAt = new Int32Array(slots).fill(-1);
  const sparseNode = new Int32Array(slots);
  for (let i = 0; i < delta.length; i++) {
    if (hot[i] !== SPARSE) continue;
    let h = sparseSlot(i, slots - 1);
    while (sparseAt[h] >= 0) h = (h + 1) & (slots - 1);
    sparseAt[h] = i;
    sparseNode[h] = delta[i];
  }
  return { hot, sparseAt, sparseNode };
}

/** The class of each original code unit: see `Automaton.unitClass`. */
function unitClasses(alphabet: Uint16Array): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = FOLD[c];
    t[c] = f < FOLD_SPECIAL ? alphabet[f] : f === FOLD_REMOVE ? C_REMOVE : f === FOLD_SPACE ? C_SPACE : f === FOLD_PAIYANNOI ? C_PAIYANNOI : alphabet[NIKHAHIT]; // a lone ํ (ํา is handled at า)
  }
  t[SARA_AA] = C_SARA_AA;
  return t;
}

function sameTarget(a: MatchTarget, b: MatchTarget): boolean {
  if (a.kind === 'term' && b.kind === 'term') return a.theme === b.theme && a.term === b.term && a.wholeWord === b.wholeWord && a.exactCase === b.exactCase;
  if (a.kind === 'country' && b.kind === 'country') return a.country === b.country;
  return false;
}
