/**
 * PDF to text with Mozilla's PDF.js (`pdfjs-dist`, its legacy build for Node): the text of each
 * page with its positions, grouped into lines, running headers and page numbers removed, lines
 * joined into paragraphs and the Thai repaired by the core (`removeRunningLines`, `joinLines`,
 * `repairThai`). Bytes in, text out: no file system.
 */
import { formatNumber, joinParagraphs, plural, removeRunningLines, repairThai, type Paragraph, type TextLine } from '../core';
import * as l10n from '@vscode/l10n';
import { CONVERT_LIMITS, ConvertError } from './errors';

/** The parts of PDF.js this file uses (its legacy build is an ES module, loaded on first use). */
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}
interface PdfPage {
  getViewport(o: { scale: number }): { height: number; width: number };
  getTextContent(): Promise<{ items: Array<PdfTextItem | { type: string }> }>;
  cleanup(): void;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfJs {
  version: string;
  getDocument(src: object): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
}

let loaded: Promise<PdfJs> | undefined;

/** A stand-in for the DOMMatrix PDF.js makes when it loads (text extraction never uses it). */
class MatrixStandIn {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
}

/**
 * PDF.js, loaded once, with its worker run in this thread (no worker file to find in a bundle).
 * PDF.js's display layer builds a DOMMatrix when it loads and, in Node, looks for the optional
 * `@napi-rs/canvas` to provide it, printing warnings when it is missing (a
 * packaged extension has no node_modules): the warnings are silenced while it loads, and a
 * stand-in DOMMatrix is there while it loads, removed after.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown; DOMMatrix?: unknown };
    const standIn = g.DOMMatrix === undefined;
    const { log, warn } = console;
    if (standIn) g.DOMMatrix = MatrixStandIn;
    console.log = console.warn = () => undefined;
    try {
      g.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
    } finally {
      console.log = log;
      console.warn = warn;
      if (standIn && g.DOMMatrix === MatrixStandIn) delete g.DOMMatrix;
    }
  })();
  return loaded;
}

export interface PdfOptions {
  /** first and last page to convert (1-based, inclusive) */
  pages?: { from: number; to: number };
  /** progress after each page */
  onPage?: (page: number, total: number) => void;
}

export interface PdfText {
  /** the paragraphs, each with the page it starts on (one may go on over the next pages) */
  paragraphs: Paragraph[];
  /** the first and last page converted */
  from: number;
  to: number;
  /** pages in the document */
  pageCount: number;
  /** pages without any text (scanned pages) */
  emptyPages: number[];
  version: string;
}

/** The text items of a page grouped into lines, top to bottom, each line's items left to right. */
export function itemsToLines(items: readonly PdfTextItem[], pageHeight: number, page: number): TextLine[] {
  interface Run {
    baseline: number;
    size: number;
    parts: Array<{ x: number; end: number; str: string }>;
  }
  const runs: Run[] = [];
  for (const item of items) {
    if (item.str === '') continue;
    const [a, b, c, d, e, f] = item.transform;
    if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3) continue; // rotated text: not body text
    const size = Math.abs(d) || Math.abs(a) || item.height || 1;
    const baseline = pageHeight - f;
    let run = runs.find((r) => Math.abs(r.baseline - baseline) < 0.5 * Math.min(r.size, size));
    if (!run) {
      run = { baseline, size, parts: [] };
      runs.push(run);
    }
    run.size = Math.max(run.size, size);
    run.parts.push({ x: e, end: e + item.width, str: item.str });
  }
  runs.sort((p, q) => p.baseline - q.baseline);
  for (const r of runs) r.parts.sort((p, q) => p.x - q.x);
  const toLine = (r: Run, column?: number): TextLine => {
    let text = '';
    let end = -Infinity;
    for (const part of r.parts) {
      // PDF.js gives the spaces written in the PDF; a gap makes one where none is written, a wider
      // one between Thai characters (a mark drawn apart from its item leaves a small gap)
      const thai = /[\u0e01-\u0e5b\uf700-\uf71a]$/.test(text) && /^[\u0e01-\u0e5b\uf700-\uf71a]/.test(part.str);
      if (text !== '' && part.x > end + (thai ? 0.5 : 0.15) * r.size && !/\s$/.test(text) && !/^\s/.test(part.str)) text += ' ';
      text += part.str;
      end = Math.max(end, part.end);
    }
    const x = r.parts[0].x;
    const line: TextLine = { text: text.replace(/\s+/g, ' '), x, y: r.baseline - r.size, width: end - x, height: r.size, page };
    if (column !== undefined) line.column = column;
    return line;
  };
  const gutter = findGutter(runs);
  if (!gutter) return runs.map((r) => toLine(r));
  // two columns: each band between lines that cross the gutter (a title, a page number) is
  // read left column first, then right
  const out: TextLine[] = [];
  let left: TextLine[] = [];
  let right: TextLine[] = [];
  const flush = (): void => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const r of runs) {
    const leftParts = r.parts.filter((p) => p.end <= gutter.to);
    const rightParts = r.parts.filter((p) => p.x >= gutter.from);
    if (leftParts.length + rightParts.length !== r.parts.length) {
      flush();
      out.push(toLine(r));
      continue;
    }
    if (leftParts.length) left.push(toLine({ ...r, parts: leftParts }, 0));
    if (rightParts.length) right.push(toLine({ ...r, parts: rightParts }, 1));
  }
  flush();
  return out;
}

/**
 * The gutter of a page set in two columns, from the x positions of its lines' items: the
 * widest band in the middle half of the text's width that at most a tenth of the lines (or one) cross
 * (those that do, a title or a page number, span both columns), at least 0.8 of a line height
 * wide, with three or more lines on each side of it, most of those on the right starting at one
 * left edge. None for a page of one column.
 */
function findGutter(runs: ReadonlyArray<{ size: number; parts: ReadonlyArray<{ x: number; end: number }> }>): { from: number; to: number } | undefined {
  if (runs.length < 6) return undefined;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const r of runs) for (const p of r.parts) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.end);
  }
  const width = maxX - minX;
  if (!(width > 0)) return undefined;
  // how many lines cover each point (one unit apart) of the middle half
  const from = Math.ceil(minX + width / 4);
  const to = Math.floor(minX + (3 * width) / 4);
  if (to <= from) return undefined;
  const cover = new Int32Array(to - from + 1);
  for (const r of runs) {
    let lastEnd = -Infinity;
    for (const p of r.parts) {
      const a = Math.max(Math.ceil(Math.max(p.x, lastEnd)), from);
      const b = Math.min(Math.floor(p.end), to);
      for (let g = a; g <= b; g++) cover[g - from]++;
      lastEnd = Math.max(lastEnd, p.end);
    }
  }
  const allowed = Math.max(1, Math.floor(runs.length / 10));
  const sizes = runs.map((r) => r.size).sort((a, b) => a - b);
  const minWidth = 0.8 * sizes[sizes.length >> 1];
  let best: { from: number; to: number } | undefined;
  for (let g = 0; g < cover.length; ) {
    if (cover[g] > allowed) {
      g++;
      continue;
    }
    let e = g;
    while (e + 1 < cover.length && cover[e + 1] <= allowed) e++;
    if (e - g >= minWidth && (!best || e - g > best.to - best.from)) best = { from: from + g, to: from + e };
    g = e + 1;
  }
  if (!best) return undefined;
  const band = best;
  const leftLines = runs.filter((r) => r.parts.some((p) => p.end <= band.to)).length;
  // the right column's lines start at one left edge (a column of figures in a table does not)
  const rightStarts = runs.flatMap((r) => {
    const first = r.parts.find((p) => p.x >= band.from);
    return first ? [first.x] : [];
  });
  const rightEdge = Math.min(...rightStarts);
  const aligned = rightStarts.filter((x) => x - rightEdge < minWidth).length;
  return leftLines >= 3 && rightStarts.length >= 3 && aligned >= rightStarts.length / 2 ? band : undefined;
}

/** Why PDF.js refused a document, as one line. */
function pdfFailure(e: unknown): ConvertError {
  const name = (e as Error)?.name ?? '';
  if (name === 'PasswordException') return new ConvertError(l10n.t('the PDF is encrypted with a password; remove the password (for example with qpdf --decrypt) and convert again'));
  if (name === 'InvalidPDFException') return new ConvertError(l10n.t('not a valid PDF, or a truncated or corrupt one'));
  return new ConvertError(l10n.t('cannot read the PDF: {0}', (e as Error)?.message ?? String(e)));
}

/** The text of a PDF's pages (see the top of this file). */
export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfText> {
  const pdfjs = await loadPdfJs();
  // PDF.js takes ownership of the buffer it is given: give it a copy
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw pdfFailure(e);
  }
  try {
    const from = options.pages?.from ?? 1;
    const to = Math.min(options.pages?.to ?? doc.numPages, doc.numPages);
    if (from > doc.numPages) throw new ConvertError(plural(doc.numPages, l10n.t('the PDF has 1 page; --pages starts at {0}', from), l10n.t('the PDF has {0} pages; --pages starts at {1}', formatNumber(doc.numPages), from)));
    if (to - from + 1 > CONVERT_LIMITS.pdfPages) throw new ConvertError(l10n.t('{0} pages is more than the {1} a conversion takes; convert fewer with --pages N-M', formatNumber(to - from + 1), formatNumber(CONVERT_LIMITS.pdfPages)));
    const linesOfPages: TextLine[][] = [];
    for (let n = from; n <= to; n++) {
      let page: PdfPage;
      let content;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent();
      } catch (e) {
        throw pdfFailure(e);
      }
      const height = page.getViewport({ scale: 1 }).height;
      const items = content.items.filter((i): i is PdfTextItem => 'str' in i);
      linesOfPages.push(itemsToLines(items, height, n));
      page.cleanup();
      options.onPage?.(n - from + 1, to - from + 1);
    }
    const cleaned = removeRunningLines(linesOfPages);
    const paragraphs = joinParagraphs(cleaned.flat().map((l) => ({ ...l, text: repairThai(l.text) })));
    let chars = 0;
    for (const p of paragraphs) {
      chars += p.text.length;
      if (chars > CONVERT_LIMITS.outputChars) throw new ConvertError(l10n.t('the text is longer than {0} characters; convert fewer pages with --pages N-M', formatNumber(CONVERT_LIMITS.outputChars)));
    }
    const emptyPages = linesOfPages.flatMap((lines, i) => (lines.length === 0 ? [from + i] : []));
    return { paragraphs, from, to, pageCount: doc.numPages, emptyPages, version: pdfjs.version };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
