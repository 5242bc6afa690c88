/**
 * Glossary coverage of a folder of documents (`npm run eval -- --coverage DIR`):
 * - the share of substantive paragraphs (a line with at least 80 Thai characters) that get no
 *   theme at all;
 * - per pack and per theme: the term matches and the substantive paragraphs they reach;
 * - the 30 most frequent words and bigrams of the themeless paragraphs (the candidates for
 *   what the glossary misses), by Intl.Segmenter run on one paragraph at a time;
 * - a precision sample: N term matches drawn with a fixed seed, with their context, for a
 *   person to read (a match whose edges are not word edges by Intl.Segmenter is flagged).
 */
import type { Annotation, GlossarySet, TermAnnotation } from '../core';
import { SeededRandom } from './measureRandom';

/** A paragraph is substantive when it has at least this many Thai characters. */
export const SUBSTANTIVE_THAI_CHARS = 80;

/** One document as the coverage sees it. */
export interface CoverageDocument {
  /** its name in the report */
  name: string;
  text: string;
  annotations: readonly Annotation[];
}

/** Where a theme comes from: its pack (or the file, for a glossary that is not a pack). */
export type PackOf = (themeId: string) => string;

export interface CoverageOptions {
  /** how many term matches to draw for the precision check */
  sample: number;
  seed: number;
  /** how many words and bigrams to list */
  top: number;
}

export interface ThemeCount {
  theme: string;
  pack: string;
  matches: number;
  /** substantive paragraphs with at least one match of the theme */
  paragraphs: number;
}

export interface PackCount {
  pack: string;
  matches: number;
  /** substantive paragraphs with at least one match of a theme of the pack */
  paragraphs: number;
  documents: number;
}

export interface SampledMatch {
  document: string;
  line: number;
  column: number;
  theme: string;
  term: string;
  text: string;
  /** `...before[match]after...` on one line */
  context: string;
  /** true when the match starts or ends inside a word (by Intl.Segmenter) */
  insideWord: boolean;
}

export interface CoverageReport {
  documents: number;
  /** documents with a substantive paragraph, and those of them with no theme anywhere */
  documentsWithText: number;
  documentsWithoutTheme: number;
  paragraphs: number;
  substantive: number;
  themeless: number;
  packs: PackCount[];
  themes: ThemeCount[];
  words: Array<[string, number]>;
  bigrams: Array<[string, number]>;
  /** every term match in the folder */
  matches: number;
  sample: SampledMatch[];
}

/** Thai letters, vowels, tone marks and digits (U+0E01..U+0E5B). */
export function thaiCharCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0e01 && c <= 0x0e5b) n++;
  }
  return n;
}

/**
 * Function words left out of the word and bigram counts: they say nothing about what a
 * paragraph is about. Written for this project.
 */
const STOP_WORDS = new Set(
  (
    'ที่ และ ของ ใน การ ให้ ได้ เป็น มี จะ ว่า ความ กับ โดย จาก ซึ่ง ไป มา นี้ ก็ แล้ว ยัง เพื่อ ต่อ อยู่ ด้วย หรือ ถึง ทั้ง ' +
    'คือ แต่ ไม่ นั้น อย่าง ตาม ทาง ขึ้น ผ่าน เช่น รวม กัน ใช้ ทำ เข้า ออก ไว้ ทำให้ ต้อง ผู้ นาย นาง นางสาว ดร. แก่ แห่ง ' +
    'อีก ได้แก่ เมื่อ หาก ซึ่งเป็น นั้น ทุก แต่ละ ละ ครั้ง เคย กว่า มาก ต่าง ๆ ฯ ฯลฯ เรา เขา ท่าน ตน ตัว นี่ อัน บาง ราย ' +
    'โดยมี รวมทั้ง รวมถึง พร้อม พร้อมทั้ง ดังกล่าว ดังนี้ ทั้งนี้ อย่างไรก็ตาม นอกจากนี้ สำหรับ เกี่ยวกับ ระหว่าง ภายใน ภายใต้ ' +
    'เรื่อง ส่วน เพียง จึง ขณะ ขอ ควร อาจ คง กล่าว ระบุ เปิดเผย ได้รับ ให้แก่ ให้กับ ไม่ได้ เพิ่ม จำนวน ประมาณ ร้อยละ ' +
    'the of and to in a for on is was by with as at from that this be are an'
  ).split(' '),
);

let segmenter: Intl.Segmenter | undefined;

/** The word-like segments of one paragraph, in order, with where each starts. */
function words(paragraph: string): Array<{ word: string; index: number }> {
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  const out: Array<{ word: string; index: number }> = [];
  for (const s of segmenter.segment(paragraph)) if (s.isWordLike) out.push({ word: s.segment.toLowerCase(), index: s.index });
  return out;
}

/** A word worth counting: not a function word, not a number, more than one character. */
function counted(word: string): boolean {
  return word.length > 1 && !STOP_WORDS.has(word) && !/^[\d\u0e50-\u0e59.,:/-]+$/.test(word);
}

/** The most frequent keys, ties by key. */
function top(counts: Map<string, number>, n: number): Array<[string, number]> {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

/** Word edges by Intl.Segmenter in a window around [start, end). */
function onWordEdges(text: string, start: number, end: number): boolean {
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  const from = Math.max(0, start - 40);
  const to = Math.min(text.length, end + 40);
  const edges = new Set<number>([from, to]);
  for (const s of segmenter.segment(text.slice(from, to))) edges.add(from + s.index);
  return edges.has(start) && edges.has(end);
}

const CONTEXT = 30;

function inContext(text: string, start: number, end: number): string {
  const oneLine = (s: string): string => s.replace(/\s+/g, ' ');
  return `${oneLine(text.slice(Math.max(0, start - CONTEXT), start))}[${oneLine(text.slice(start, end))}]${oneLine(text.slice(end, end + CONTEXT))}`;
}

/** The coverage of `documents` (see the file comment). */
export function measureCoverage(documents: readonly CoverageDocument[], packOf: PackOf, options: CoverageOptions): CoverageReport {
  const themeCounts = new Map<string, ThemeCount>();
  const packCounts = new Map<string, PackCount>();
  const packCount = (pack: string): PackCount => {
    let c = packCounts.get(pack);
    if (!c) packCounts.set(pack, (c = { pack, matches: 0, paragraphs: 0, documents: 0 }));
    return c;
  };
  const wordCounts = new Map<string, number>();
  const bigramCounts = new Map<string, number>();
  const all: Array<{ doc: CoverageDocument; a: TermAnnotation }> = [];
  const report: CoverageReport = {
    documents: documents.length,
    documentsWithText: 0,
    documentsWithoutTheme: 0,
    paragraphs: 0,
    substantive: 0,
    themeless: 0,
    packs: [],
    themes: [],
    words: [],
    bigrams: [],
    matches: 0,
    sample: [],
  };

  for (const doc of documents) {
    const terms = doc.annotations.filter((a): a is TermAnnotation => a.kind === 'term');
    for (const a of terms) all.push({ doc, a });
    const docPacks = new Set<string>();
    for (const a of terms) {
      const pack = packOf(a.theme);
      docPacks.add(pack);
      packCount(pack).matches++;
      let t = themeCounts.get(a.theme);
      if (!t) themeCounts.set(a.theme, (t = { theme: a.theme, pack, matches: 0, paragraphs: 0 }));
      t.matches++;
    }
    for (const p of docPacks) packCount(p).documents++;

    let substantiveHere = 0;
    let themedHere = 0;
    let t = 0; // index into terms, which are sorted by start
    for (let start = 0; start <= doc.text.length; ) {
      let end = doc.text.indexOf('\n', start);
      if (end === -1) end = doc.text.length;
      const paragraph = doc.text.slice(start, end);
      while (t < terms.length && terms[t].start < start) t++;
      const themes = new Set<string>();
      for (let i = t; i < terms.length && terms[i].start < end; i++) themes.add(terms[i].theme);
      if (paragraph.trim()) report.paragraphs++;
      if (thaiCharCount(paragraph) >= SUBSTANTIVE_THAI_CHARS) {
        report.substantive++;
        substantiveHere++;
        if (themes.size) themedHere++;
        else {
          report.themeless++;
          const ws = words(paragraph);
          for (let i = 0; i < ws.length; i++) {
            const w = ws[i].word;
            if (!counted(w)) continue;
            wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
            const next = ws[i + 1];
            // a bigram is two counted words with nothing between them
            if (next && next.index === ws[i].index + w.length && counted(next.word)) {
              const key = `${w} ${next.word}`;
              bigramCounts.set(key, (bigramCounts.get(key) ?? 0) + 1);
            }
          }
        }
        const packsHere = new Set([...themes].map(packOf));
        for (const p of packsHere) packCount(p).paragraphs++;
        for (const id of themes) themeCounts.get(id)!.paragraphs++;
      }
      start = end + 1;
    }
    if (substantiveHere > 0) {
      report.documentsWithText++;
      if (themedHere === 0) report.documentsWithoutTheme++;
    }
  }

  report.matches = all.length;
  const chosen = new SeededRandom(options.seed).shuffle(all.map((_, i) => i)).slice(0, options.sample).sort((x, y) => x - y);
  report.sample = chosen.map((i) => {
    const { doc, a } = all[i];
    const before = doc.text.slice(0, a.start);
    const line = before.split('\n').length;
    const column = a.start - (before.lastIndexOf('\n') + 1) + 1;
    return {
      document: doc.name,
      line,
      column,
      theme: a.theme,
      term: a.term,
      text: a.text,
      context: inContext(doc.text, a.start, a.end),
      insideWord: !onWordEdges(doc.text, a.start, a.end),
    };
  });
  report.packs = [...packCounts.values()];
  report.themes = [...themeCounts.values()];
  report.words = top(wordCounts, options.top);
  report.bigrams = top(bigramCounts, options.top);
  return report;
}

/** The pack of each theme of `set`: that of the file defining its top-level theme, by `packOfFile`. */
export function packsOfThemes(set: GlossarySet, packOfFile: (file: string) => string): PackOf {
  const map = new Map<string, string>();
  for (const f of set.flatThemes) {
    const top = f.ancestors[0] ?? f.theme;
    map.set(f.theme.id, packOfFile(top.source.file));
  }
  return (id) => map.get(id) ?? '?';
}
