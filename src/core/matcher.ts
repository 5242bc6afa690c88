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
 * Storage is a handful of typed arrays (about 35 bytes a node): child edges in one sorted
 * array per node (CSR), failure and output links, and full transition rows (over the
 * alphabet of the patterns) for the nodes nearest the root, within a fixed budget, with a
 * 2-byte-an-entry copy of those rows for the hot loop.
 */
import { isCountryContext } from './countries';
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
} from './normalize';
import type { CountryAnnotation, TermAnnotation } from './types';

/** What a pattern stands for. */
export type MatchTarget =
  | { kind: 'term'; theme: string; term: string; wholeWord: boolean }
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
   * country; `isCountryContext` of the gazetteer by default.
   */
  countryContext?: (text: string, start: number, end: number) => boolean;
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

/** Characters of context on each side given to the word segmenter for `whole_word` terms. */
const SEGMENT_WINDOW = 20;
let segmenter: Intl.Segmenter | null | undefined;

function thaiSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('th', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/**
 * Does [start, end) of `text` begin and end on word edges? Decided by the Thai word
 * segmenter on a small window around the span only. A `ฯ` right after the span may be
 * inside or outside it.
 */
export function onWordEdges(text: string, start: number, end: number): boolean {
  const seg = thaiSegmenter();
  if (!seg) return true;
  const from = Math.max(0, start - SEGMENT_WINDOW);
  const to = Math.min(text.length, end + SEGMENT_WINDOW);
  const edges = new Set<number>([to]);
  for (const s of seg.segment(text.slice(from, to))) edges.add(from + s.index);
  const endOk = edges.has(end) || (end > start + 1 && text.charCodeAt(end - 1) === 0x0e2f && edges.has(end - 1));
  return edges.has(start) && endOk;
}

/** The candidates of one scan: original start and end, and the automaton node. */
class CandidateList {
  starts: Int32Array = new Int32Array(1024);
  ends: Int32Array = new Int32Array(1024);
  nodes: Int32Array = new Int32Array(1024);
  length = 0;

  push(start: number, end: number, node: number): void {
    if (this.length === this.starts.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.nodes = grow(this.nodes);
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.nodes[this.length++] = node;
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
  /** longest pattern, in normalized code units */
  maxLength: number;
  /** number of classes, class 0 included */
  classes: number;
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
  /** full transitions (goto and failure folded) of the dense rows: `classes` node ids per row */
  delta: Int32Array;
  /**
   * The hot copy of `delta`, 2 bytes an entry so that it stays in the processor cache:
   * (target row << 1) | (1 if a pattern ends at the target), or SPARSE when the target is
   * a node without a row (then see `delta`).
   */
  hot: Uint16Array;
  /** the node itself if a pattern ends there, else the nearest suffix node that is one, else -1 */
  firstOut: Int32Array;
  /** for an output node: the next shorter output node on its suffix chain, or -1 */
  nextOut: Int32Array;
  /** pattern group of an output node, or -1 */
  group: Int32Array;
  /** length of the node's string */
  depth: Int32Array;
  /** LATIN_START / LATIN_END of an output node's pattern */
  edgeFlags: Uint8Array;
}

/**
 * At most this many entries in the full transition rows given to the nodes nearest the root,
 * where the scan spends most of its steps (2 bytes each in the hot table, 1 MB, and 4 bytes
 * in `delta`, read only on the way to a deeper node); deeper nodes use their sorted edges and
 * failure links. Measured on generated policy text with 5,000 terms: 2^17 left about 10% of
 * the steps to the slow path, 2^19 about 3%, and larger tables fell out of the cache.
 */
const HOT_BUDGET = 1 << 19;
/** Marks a hot entry whose target has no dense row. */
const SPARSE = 0xffff;
/** Most dense rows a 15-bit row number in a hot entry can name. */
const MAX_ROWS = 0x7ffe;

/** Classes in `unitClass` of the original code units that a normalization rule handles. */
const C_RULE = 0xfff0;
const C_REMOVE = 0xfff0;
const C_SPACE = 0xfff1;
const C_PAIYANNOI = 0xfff2;
const C_SARA_AA = 0xfff3;

export class Matcher {
  /** number of distinct normalized patterns */
  readonly patternCount: number;
  /** number of automaton nodes, root included */
  readonly nodeCount: number;

  private constructor(
    /** targets of each distinct normalized pattern, in priority order */
    private readonly groups: MatchTarget[][],
    private readonly a: Automaton,
    private readonly countryContext: (text: string, start: number, end: number) => boolean,
  ) {
    this.patternCount = groups.length;
    this.nodeCount = a.depth.length;
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
    for (const p of patterns) {
      const key = normalizeTerm(p.text);
      if (key === '') continue;
      let g = groupOf.get(key);
      if (g === undefined) {
        g = groups.length;
        groupOf.set(key, g);
        groups.push([]);
        keys.push(key);
      }
      const list = groups[g];
      if (!list.some((t) => sameTarget(t, p.target))) list.push(p.target);
    }
    return new Matcher(groups, buildAutomaton(keys), options.countryContext ?? isCountryContext);
  }

  /** Finds terms and countries in `original`: leftmost-longest, non-overlapping, sorted by start. */
  find(original: string): MatcherAnnotation[] {
    return this.choose(original, this.scan(original));
  }

  /**
   * Every pattern occurrence in the text, by decreasing start, longest first per start, in
   * original offsets. Reads the text once, backwards, normalizing as it goes.
   */
  private scan(text: string): CandidateList {
    const { alphabet, unitClass, classes, edgeStart, edgeClass, edgeTarget, fail, denseRow, rowNode, delta, hot, firstOut, nextOut, depth } = this.a;
    const spaceClass = alphabet[0x20];
    const saraAaClass = alphabet[SARA_AA];
    const saraAmClass = alphabet[SARA_AM];
    // original offsets of the last normalized units read: offsets[u & mask] for unit u,
    // counting units from the end of the text (unit 0 = the end itself)
    let size = 2;
    while (size < this.a.maxLength + 2) size <<= 1;
    const offsets = new Int32Array(size);
    const mask = size - 1;
    offsets[0] = text.length;
    let unit = 0;
    const out = new CandidateList();
    let row = 0; // dense row of the current state, or -1 when the state is a node without one
    let s = 0; // the current node; kept up to date only where it is needed
    let inSpace = false;
    for (let i = text.length - 1; i >= 0; i--) {
      let k = unitClass[text.charCodeAt(i)];
      let at = i; // original offset of this normalized unit
      if (k >= C_RULE) {
        if (k === C_REMOVE) continue;
        if (k === C_SPACE) {
          if (inSpace) {
            offsets[unit & mask] = i; // the space of a run maps to its first character
            continue;
          }
          inSpace = true;
          k = spaceClass;
        } else {
          inSpace = false;
          if (k === C_PAIYANNOI) {
            if (!isPartOfEtc(text, i)) continue;
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
              row = this.step(row, s, saraAmClass);
              s = row >= 0 ? rowNode[row] : this.lastNode;
              offsets[++unit & mask] = i - 1;
              this.report(text, i - 1, unit, s, offsets, mask, out);
              k = alphabet[before];
              i -= 2;
              at = i;
            }
          }
        }
      } else inSpace = false;
      offsets[++unit & mask] = at;
      if (k === 0) {
        row = 0; // in no pattern: back to the root, which reports nothing
        continue;
      }
      if (row >= 0) {
        const e = hot[row * classes + k];
        if (e !== SPARSE) {
          row = e >> 1;
          if ((e & 1) === 0) continue; // no pattern ends here
          s = rowNode[row];
        } else {
          s = delta[row * classes + k];
          row = -1;
        }
      } else {
        // a deep node: its own child, else failure links until a node with a row
        for (;;) {
          let lo = edgeStart[s];
          const hi = edgeStart[s + 1];
          let next = -1;
          if (hi - lo <= 8) {
            for (; lo < hi; lo++) {
              const e = edgeClass[lo];
              if (e >= k) {
                if (e === k) next = edgeTarget[lo];
                break;
              }
            }
          } else {
            let top = hi - 1;
            while (lo <= top) {
              const mid = (lo + top) >> 1;
              const e = edgeClass[mid];
              if (e === k) {
                next = edgeTarget[mid];
                break;
              }
              if (e < k) lo = mid + 1;
              else top = mid - 1;
            }
          }
          if (next >= 0) {
            s = next;
            break;
          }
          s = fail[s];
          const r = denseRow[s];
          if (r >= 0) {
            s = delta[r * classes + k];
            break;
          }
        }
        row = denseRow[s];
      }
      if (firstOut[s] < 0) continue;
      // patterns starting here, longest first
      for (let o = firstOut[s]; o >= 0; o = nextOut[o]) {
        const length = depth[o];
        out.push(at, tightEnd(text, offsets[(unit - length) & mask], offsets[(unit - length + 1) & mask]), o);
      }
    }
    return out;
  }

  /** The node reached by the slow path of `step` (when it returns -1). */
  private lastNode = 0;

  /**
   * One transition outside the hot loop (used for the rare ํ + tone + า): from dense `row`
   * (or from node `s` when row is -1) on class `k`; returns the new row, or -1 with the node
   * in `lastNode`.
   */
  private step(row: number, s: number, k: number): number {
    const { classes, delta, denseRow, fail } = this.a;
    let node: number;
    if (row >= 0) node = delta[row * classes + k];
    else {
      for (;;) {
        const next = childOf(this.a, s, k);
        if (next >= 0) {
          node = next;
          break;
        }
        s = fail[s];
        const r = denseRow[s];
        if (r >= 0) {
          node = delta[r * classes + k];
          break;
        }
      }
    }
    this.lastNode = node;
    return denseRow[node];
  }

  /** Pushes the candidates that start at the unit just read (outside the hot loop). */
  private report(text: string, at: number, unit: number, s: number, offsets: Int32Array, mask: number, out: CandidateList): void {
    const { firstOut, nextOut, depth } = this.a;
    for (let o = firstOut[s]; o >= 0; o = nextOut[o]) {
      const length = depth[o];
      out.push(at, tightEnd(text, offsets[(unit - length) & mask], offsets[(unit - length + 1) & mask]), o);
    }
  }

  /** The leftmost-longest non-overlapping choice among the candidates, as annotations. */
  private choose(original: string, candidates: CandidateList): MatcherAnnotation[] {
    const { starts, ends, nodes } = candidates;
    const { group, edgeFlags } = this.a;
    const result: MatcherAnnotation[] = [];
    let lastEnd = 0;
    let k = candidates.length - 1;
    while (k >= 0) {
      const start = starts[k];
      let first = k;
      while (first > 0 && starts[first - 1] === start) first--;
      if (start >= lastEnd) {
        for (let q = first; q <= k; q++) {
          const node = nodes[q];
          const end = ends[q];
          const flags = edgeFlags[node];
          if (flags !== 0 && !onLatinBoundaries(original, start, end, flags)) continue;
          const annotation = this.accept(original, start, end, this.groups[group[node]]);
          if (annotation) {
            result.push(annotation);
            lastEnd = end;
            break;
          }
        }
      }
      k = first - 1;
    }
    return result;
  }

  /** The annotation for the first target that its context allows, if any. */
  private accept(original: string, start: number, end: number, targets: MatchTarget[]): MatcherAnnotation | undefined {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      if (t.kind === 'term') {
        if (t.wholeWord && !onWordEdges(original, start, end)) continue;
        return { kind: 'term', start, end, text: original.slice(start, end), theme: t.theme, term: t.term };
      }
      if (!this.countryContext(original, start, end)) continue;
      return { kind: 'country', start, end, text: original.slice(start, end), country: t.country };
    }
    return undefined;
  }
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

/** The child of node v on class k, or -1 (binary search in its sorted edges). */
function childOf(a: Pick<Automaton, 'edgeStart' | 'edgeClass' | 'edgeTarget'>, v: number, k: number): number {
  let lo = a.edgeStart[v];
  let hi = a.edgeStart[v + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = a.edgeClass[mid];
    if (e === k) return a.edgeTarget[mid];
    if (e < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Builds the Aho-Corasick automaton of the REVERSED keys (key i is pattern group i).
 * The trie is built from the reversed keys in sorted order, so each key only appends nodes
 * to the path of the previous one and every node's children come out sorted.
 */
function buildAutomaton(keys: string[]): Automaton {
  // alphabet classes, in code-unit order (so sorting by code unit sorts by class)
  const used = new Uint8Array(0x10000);
  let maxNodes = 1;
  let maxLen = 0;
  for (const key of keys) {
    for (let i = 0; i < key.length; i++) used[key.charCodeAt(i)] = 1;
    maxNodes += key.length;
    maxLen = Math.max(maxLen, key.length);
  }
  const alphabet = new Uint16Array(0x10000);
  let classes = 1;
  for (let c = 0; c < 0x10000; c++) if (used[c]) alphabet[c] = classes++;

  const reversed = keys.map((k) => k.split('').reverse().join(''));
  const order = reversed.map((_, i) => i).sort((a, b) => (reversed[a] < reversed[b] ? -1 : reversed[a] > reversed[b] ? 1 : 0));
  const parent = new Int32Array(maxNodes);
  const label = new Uint16Array(maxNodes);
  const depthBuf = new Int32Array(maxNodes);
  const childCount = new Int32Array(maxNodes);
  const groupBuf = new Int32Array(maxNodes).fill(-1);
  const flagsBuf = new Uint8Array(maxNodes);
  const path = new Int32Array(maxLen + 1); // path[d]: node at depth d of the previous key
  let nodes = 1;
  let prev = '';
  for (const g of order) {
    const key = reversed[g];
    let common = 0;
    const limit = Math.min(key.length, prev.length);
    while (common < limit && key.charCodeAt(common) === prev.charCodeAt(common)) common++;
    for (let d = common; d < key.length; d++) {
      const v = nodes++;
      parent[v] = path[d];
      label[v] = alphabet[key.charCodeAt(d)];
      depthBuf[v] = d + 1;
      childCount[path[d]]++;
      path[d + 1] = v;
    }
    const end = path[key.length];
    groupBuf[end] = g;
    const forward = keys[g];
    flagsBuf[end] = (isWordUnit(forward.charCodeAt(0)) ? LATIN_START : 0) | (isWordUnit(forward.charCodeAt(forward.length - 1)) ? LATIN_END : 0);
    prev = key;
  }

  // child edges, grouped per node (CSR); children were created in class order
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
  const edges = { edgeStart, edgeClass, edgeTarget };

  // breadth first: failure and output links, and full rows for the first `rowCount` nodes
  const rowCount = Math.min(nodes, MAX_ROWS, Math.max(1, Math.floor(HOT_BUDGET / classes)));
  const denseRow = new Int32Array(nodes).fill(-1);
  const rowNode = new Int32Array(rowCount);
  const delta = new Int32Array(rowCount * classes);
  const fail = new Int32Array(nodes);
  const firstOut = new Int32Array(nodes).fill(-1);
  const nextOut = new Int32Array(nodes).fill(-1);
  const queue = new Int32Array(nodes);
  const step = (s: number, k: number): number => {
    for (;;) {
      const row = denseRow[s];
      if (row >= 0) return delta[row * classes + k];
      const next = childOf(edges, s, k);
      if (next >= 0) return next;
      s = fail[s];
    }
  };
  let head = 0;
  let tail = 1; // queue[0] = root
  let rows = 0;
  while (head < tail) {
    const v = queue[head++];
    const f = fail[v];
    if (v !== 0) {
      nextOut[v] = firstOut[f]; // f is shallower, so already done
      firstOut[v] = groupBuf[v] >= 0 ? v : nextOut[v];
    }
    if (rows < rowCount) {
      // the row of v: its own children, else the row of its failure node (already built)
      const row = rows++;
      denseRow[v] = row;
      rowNode[row] = v;
      const at = row * classes;
      if (v !== 0) delta.copyWithin(at, denseRow[f] * classes, denseRow[f] * classes + classes);
      for (let e = edgeStart[v]; e < edgeStart[v + 1]; e++) delta[at + edgeClass[e]] = edgeTarget[e];
    }
    for (let e = edgeStart[v]; e < edgeStart[v + 1]; e++) {
      const t = edgeTarget[e];
      fail[t] = v === 0 ? 0 : step(f, edgeClass[e]);
      queue[tail++] = t;
    }
  }
  const hot = new Uint16Array(delta.length);
  for (let i = 0; i < delta.length; i++) {
    const t = delta[i];
    const r = denseRow[t];
    hot[i] = r >= 0 ? (r << 1) | (firstOut[t] >= 0 ? 1 : 0) : SPARSE;
  }

  return {
    alphabet,
    unitClass: unitClasses(alphabet),
    maxLength: maxLen,
    classes,
    edgeStart,
    edgeClass,
    edgeTarget,
    fail,
    denseRow,
    rowNode,
    delta,
    hot,
    firstOut,
    nextOut,
    group: groupBuf.slice(0, nodes),
    depth: depthBuf.slice(0, nodes),
    edgeFlags: flagsBuf.slice(0, nodes),
  };
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
  if (a.kind === 'term' && b.kind === 'term') return a.theme === b.theme && a.term === b.term && a.wholeWord === b.wholeWord;
  if (a.kind === 'country' && b.kind === 'country') return a.country === b.country;
  return false;
}
