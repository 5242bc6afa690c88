/**
 * Documents as they arrive (PDF, Word, web pages) to analysable Thai text: bytes in, text out,
 * no file system. May use Node (PDF.js, mammoth); imports the core through `src/core/index.ts`.
 *
 *   convertDocument(bytes, name, options) -> { text, meta }
 *   renderConverted(result) -> the text with its front matter, as `convert` writes it
 */
import * as l10n from '@vscode/l10n';
import { createHash } from 'node:crypto';
import { DEFAULT_PAGE_MARKER, documentDate, formatNumber, repairThai } from '../core';
import { readDocx } from './docx';
import { CONVERT_LIMITS, ConvertError } from './errors';
import { htmlToText, type TextFormat } from './html';
import { readPdf } from './pdf';

export { ConvertError, CONVERT_LIMITS } from './errors';
export { missingOcrTools, OCR_PACKAGES, OcrCancelled, ocrPages, type OcrOptions } from './ocr';
export type { TextFormat } from './html';

/** The kinds of document converted, by file extension. */
export type SourceKind = 'pdf' | 'docx' | 'html';

/** The kind of document a file name says, or undefined for any other file (read as text). */
export function sourceKind(name: string): SourceKind | undefined {
  const m = /\.(pdf|docx|html?)$/i.exec(name);
  if (!m) return undefined;
  const ext = m[1].toLowerCase();
  return ext === 'pdf' ? 'pdf' : ext === 'docx' ? 'docx' : 'html';
}

export { DEFAULT_PAGE_MARKER };

export interface ConvertOptions {
  format?: TextFormat;
  /** PDF pages to convert, 1-based and inclusive */
  pages?: { from: number; to: number };
  /** the marker between pages (`{n}` is the page number); '' for none */
  pageMarker?: string;
  /** progress after each PDF page */
  onPage?: (page: number, total: number) => void;
  /**
   * OCR of the PDF pages without a text layer (scanned): their text by page number, for those
   * it read (`ocrPages` of src/convert/ocr.ts runs tesseract where it is installed)
   */
  ocr?: (pdf: Uint8Array, pages: readonly number[]) => Promise<ReadonlyMap<number, string>>;
}

export interface ConvertMeta {
  source: string;
  sha256: string;
  converter: string;
  /** first and last page converted, and the page count (PDF only) */
  pages?: { from: number; to: number; count: number };
  /** pages without a text layer (scanned) and not read by OCR, PDF only */
  emptyPages?: number[];
  /** pages whose text is OCR text (no text layer), PDF only */
  ocrPages?: number[];
  /** the document's date (YYYY-MM-DD), when its text has one */
  date?: string;
}

export interface Converted {
  /** the converted text, without front matter */
  text: string;
  meta: ConvertMeta;
}

/**
 * Paragraphs with a page marker before the first paragraph that starts on each page (after the
 * first page converted, unless that is not page 1). A paragraph going on over a page break is
 * not cut: the marker of the next page comes before the next paragraph.
 */
export function withPageMarkers(paragraphs: readonly { text: string; page: number }[], firstPage: number, marker: string): string {
  const out: string[] = [];
  let marked = firstPage === 1 ? 1 : firstPage - 1;
  for (const p of paragraphs) {
    if (marker) for (; marked < p.page; ) out.push(marker.replace(/\{n\}/g, String(++marked)));
    out.push(p.text);
  }
  return out.join('\n\n');
}

/** Reads `--pages N-M` (or `N`). */
export function parsePageRange(value: string): { from: number; to: number } {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(value);
  const from = m ? Number(m[1]) : NaN;
  const to = m ? Number(m[2] ?? m[1]) : NaN;
  if (!(from >= 1) || !(to >= from)) throw new ConvertError(l10n.t('invalid page range "{0}": give N-M with 1 <= N <= M, such as 3-5', value));
  return { from, to };
}

/** Converts a document's bytes to text (see the top of this file). */
export async function convertDocument(bytes: Uint8Array, name: string, options: ConvertOptions = {}): Promise<Converted> {
  const kind = sourceKind(name);
  if (!kind) throw new ConvertError(l10n.t('not a PDF, Word (.docx) or HTML file'));
  const format = options.format ?? 'txt';
  const base = name.replace(/^.*[\\/]/, '');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let text: string;
  let meta: ConvertMeta;
  if (kind === 'pdf') {
    const pdf = await readPdf(bytes, { pages: options.pages, onPage: options.onPage });
    let paragraphs = pdf.paragraphs;
    let emptyPages = pdf.emptyPages;
    let ocrPages: number[] | undefined;
    if (emptyPages.length && options.ocr) {
      const read = await options.ocr(bytes, emptyPages);
      ocrPages = emptyPages.filter((page) => (read.get(page) ?? '').trim() !== '');
      const ocrParagraphs = ocrPages.flatMap((page) =>
        read
          .get(page)!
          .split(/\n[ \t]*\n/)
          .map((t) => repairThai(t.replace(/\s*\n\s*/g, ' ').trim()))
          .filter((t) => t !== '')
          .map((t) => ({ text: t, page })),
      );
      // in page order: a paragraph going on over a scanned page stays before it
      paragraphs = [...paragraphs, ...ocrParagraphs].map((p, i) => ({ p, i })).sort((a, b) => a.p.page - b.p.page || a.i - b.i).map(({ p }) => p);
      emptyPages = emptyPages.filter((page) => !ocrPages!.includes(page));
    }
    text = withPageMarkers(paragraphs, pdf.from, options.pageMarker ?? DEFAULT_PAGE_MARKER);
    meta = { source: base, sha256, converter: `pdfjs-dist ${pdf.version}`, pages: { from: pdf.from, to: pdf.to, count: pdf.pageCount }, emptyPages };
    if (ocrPages?.length) meta.ocrPages = ocrPages;
  } else if (kind === 'docx') {
    text = await readDocx(bytes, format);
    meta = { source: base, sha256, converter: converterName('mammoth') };
  } else {
    if (bytes.length > CONVERT_LIMITS.htmlBytes) throw new ConvertError(l10n.t('the page is larger than {0} MB', CONVERT_LIMITS.htmlBytes / 1_000_000));
    text = htmlToText(new TextDecoder('utf-8').decode(bytes), format);
    meta = { source: base, sha256, converter: converterName('node-html-parser') };
  }
  if (text.length > CONVERT_LIMITS.outputChars) throw new ConvertError(l10n.t('the text is longer than {0} characters', formatNumber(CONVERT_LIMITS.outputChars)));
  const date = documentDate(text);
  if (date) meta.date = date.date;
  return { text: text + '\n', meta };
}

/**
 * The installed version of a package, read from its package.json next to its main file (a
 * package's `exports` may hide `package.json`); undefined where it cannot be found.
 */
export function packageVersion(name: string): string | undefined {
  try {
    const main = require.resolve(name);
    const root = main.slice(0, main.lastIndexOf(`node_modules/${name}/`) + `node_modules/${name}/`.length);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(root + 'package.json') as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** A converter's name and version for the front matter. */
function converterName(name: string): string {
  const v = packageVersion(name);
  return v ? `${name} ${v}` : name;
}

/** A YAML scalar in double quotes. */
function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** The converted text with its front matter, as `thai-policy-lens convert` writes it. */
export function renderConverted(c: Converted): string {
  const m = c.meta;
  const lines = ['---', `source: ${yamlString(m.source)}`, `sha256: ${m.sha256}`, `converter: ${yamlString(m.converter)}`];
  if (m.pages) lines.push(`pages: ${m.pages.from}-${m.pages.to} of ${m.pages.count}`);
  if (m.emptyPages?.length) lines.push(`pages_without_text: [${m.emptyPages.join(', ')}]`);
  if (m.ocrPages?.length) lines.push('ocr: true', `ocr_pages: [${m.ocrPages.join(', ')}]`);
  if (m.date) lines.push(`date: ${m.date}`);
  lines.push('---', '');
  return lines.join('\n') + c.text;
}
