/**
 * What keeps a very large document responsive: its first analysis in chunks of whole lines (the
 * analysis service runs a few at a time and yields to the event loop between them, so the
 * extension host is never blocked for long), and its decorations only for the lines on screen
 * plus a margin, with the overview ruler summarised (one mark per stretch of the document that
 * has any annotation of a key) instead of one mark per annotation.
 *
 * Pure: no `vscode`; the unit tests check that the chunks give the whole document's analysis.
 */
import { firstStartingAt, type Annotation } from '../core';
import { annotationKey, lineEnd, lineStart } from './incrementalAnalysis';

/** Documents with more characters than this are analysed in chunks and decorated by window. */
export const LARGE_DOCUMENT_CHARS = 500_000;
/**
 * The thresholds in use (characters): the extension reads them here, and its measurements set
 * them to Infinity to measure the editor without chunks or windows in the same run.
 */
export const largeDocumentTuning = { chunkedAnalysisChars: LARGE_DOCUMENT_CHARS, windowedDecorationChars: LARGE_DOCUMENT_CHARS };
/** Characters of one chunk (a few milliseconds of analysis). */
export const CHUNK_CHARS = 32_000;
/** Lines drawn above and below what is visible. */
export const WINDOW_MARGIN_LINES = 300;
/** Overview-ruler marks at most per decoration key outside the drawn window. */
export const OVERVIEW_BUCKETS = 150;

/**
 * A chunk of a text: the annotations starting in `[start, end)` are taken from an analysis of
 * `[from, to)`, which adds one whole line of context on each side (as the incremental analysis
 * does), so an annotation that crosses `end` is found whole and none is found twice.
 */
export interface Chunk {
  start: number;
  end: number;
  from: number;
  to: number;
}

/** Whole-line chunks of about `size` characters covering `text`. */
export function planChunks(text: string, size = CHUNK_CHARS): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0; start < text.length; ) {
    let end = start + size >= text.length ? text.length : lineEnd(text, start + size, 0);
    if (end <= start) end = text.length;
    chunks.push({ start, end, from: lineStart(text, start, 1), to: lineEnd(text, end, 0) });
    start = end;
  }
  return chunks;
}

/**
 * The order to analyse `chunks` in: those that overlap `[start, end)` (the lines on screen and
 * their margin) first, then the others in the order of the text. Without a span, the text's order.
 */
export function chunkOrder(chunks: readonly Chunk[], span?: readonly [number, number]): { order: number[]; first: number } {
  const all = chunks.map((_, i) => i);
  if (!span) return { order: all, first: 0 };
  const [start, end] = span;
  const overlaps = (c: Chunk) => c.start < end && c.end > start;
  const first = all.filter((i) => overlaps(chunks[i]));
  return { order: [...first, ...all.filter((i) => !overlaps(chunks[i]))], first: first.length };
}

/** The annotations of one chunk, in the whole text's offsets, sorted by start. */
export function analyzeChunk(text: string, chunk: Chunk, analyze: (text: string) => Annotation[]): Annotation[] {
  const out: Annotation[] = [];
  for (const a of analyze(text.slice(chunk.from, chunk.to))) {
    a.start += chunk.from;
    a.end += chunk.from;
    if (a.start >= chunk.start && a.start < chunk.end) out.push(a);
  }
  return out;
}

/** The lines to draw: those visible (`[first, last]`, 0-based, inclusive) and a margin each side. */
export function drawnLines(visible: ReadonlyArray<[number, number]>, lineCount: number, margin = WINDOW_MARGIN_LINES): [number, number] {
  if (visible.length === 0) return [0, Math.min(lineCount - 1, 2 * margin)];
  const first = Math.min(...visible.map((v) => v[0]));
  const last = Math.max(...visible.map((v) => v[1]));
  return [Math.max(0, first - margin), Math.min(lineCount - 1, last + margin)];
}

/** Whether the drawn lines still cover what is visible with half the margin to spare. */
export function windowCovers(drawn: [number, number], visible: ReadonlyArray<[number, number]>, lineCount: number, margin = WINDOW_MARGIN_LINES): boolean {
  if (visible.length === 0) return true;
  const first = Math.min(...visible.map((v) => v[0]));
  const last = Math.max(...visible.map((v) => v[1]));
  const slack = Math.floor(margin / 2);
  return (drawn[0] === 0 || first - slack >= drawn[0]) && (drawn[1] >= lineCount - 1 || last + slack <= drawn[1]);
}

/** The annotations (sorted by start) that overlap `[start, end)` of the text. */
export function annotationsWithin(annotations: readonly Annotation[], start: number, end: number): Annotation[] {
  let lo = firstStartingAt(annotations, start);
  while (lo > 0 && annotations[lo - 1].end > start) lo--;
  const out: Annotation[] = [];
  for (let i = lo; i < annotations.length && annotations[i].start < end; i++) if (annotations[i].end > start) out.push(annotations[i]);
  return out;
}

/**
 * The overview-ruler summary outside `[start, end)`: per decoration key, the offsets of the first
 * annotation in each of `buckets` equal stretches of a text of `length` characters that has one.
 * The caller draws each as an empty range, which marks its line in the overview ruler only.
 */
export function overviewMarks(annotations: readonly Annotation[], length: number, start: number, end: number, buckets = OVERVIEW_BUCKETS): Map<string, number[]> {
  const marks = new Map<string, number[]>();
  // by theme id, or a name no id has for countries and dates (no string is made per annotation: this runs on every edit)
  const seen = new Map<string, number>();
  const width = Math.max(1, length / buckets);
  for (const a of annotations) {
    if (a.end > start && a.start < end) continue;
    const id = a.kind === 'term' ? a.theme : a.kind === 'country' ? '\0country' : '\0date';
    const bucket = Math.floor(a.start / width);
    if (seen.get(id) === bucket) continue; // sorted by start: one bucket's annotations are together
    seen.set(id, bucket);
    const k = annotationKey(a);
    let list = marks.get(k);
    if (!list) marks.set(k, (list = []));
    list.push(a.start);
  }
  return marks;
}
