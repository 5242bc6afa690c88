/**
 * `convert` and the conversions `analyze` does in memory: PDF, Word (.docx) and web pages
 * (src/convert/) to text with a front matter. The converters are asynchronous (PDF.js), so
 * these run before the synchronous commands of main.ts (`runCliAsync`).
 */
import * as l10n from '@vscode/l10n';
import { plural } from '../core';
import { convertDocument, ConvertError, missingOcrTools, OCR_PACKAGES, ocrPages, parsePageRange, renderConverted, sourceKind, type TextFormat } from '../convert';
import { CliError, type WarningSink } from './common';
import { ANALYZE_EXTENSIONS, documentFiles, type InputKind, type Inputs } from './input';
import { outputTarget, writeOutput } from './output';

/** The formats `convert` writes. */
export const CONVERT_FORMATS = ['txt', 'md'] as const;

export interface ConvertCommandOptions {
  file: string;
  out?: string;
  pages?: string;
  format?: string;
  pageMarker?: string;
}

/** Is the file one `analyze` converts before reading (by its extension)? */
export function isConvertible(file: string): boolean {
  return sourceKind(file) !== undefined;
}

/** A document's text as `convert` writes it (front matter and text); errors as one CliError line. */
export async function convertedText(file: string, inputs: Inputs, io: WarningSink, options: Omit<ConvertCommandOptions, 'file' | 'out'> = {}): Promise<string> {
  if (!isConvertible(file)) throw new CliError(l10n.t('{0}: convert reads .pdf, .docx, .html and .htm files', file));
  const bytes = inputs.bytes(file, 'document');
  let lastReported = 0;
  /** the OCR tools missing, once pages without a text layer asked for them */
  let missing: string[] | undefined;
  try {
    const result = await convertDocument(bytes, file, {
      format: options.format as TextFormat | undefined,
      pages: options.pages === undefined ? undefined : parsePageRange(options.pages),
      pageMarker: options.pageMarker,
      ocr: async (pdf, pages) => {
        missing = await missingOcrTools();
        if (missing.length) return new Map();
        // OCR takes seconds a page: progress on each page when there are several
        return ocrPages(pdf, pages, { onPage: (page, done, total) => (total > 1 ? io.stderr.write(`${l10n.t('{0}: OCR of page {1} ({2} of {3})', file, page, done + 1, total)}\n`) : undefined) });
      },
      onPage: (page, total) => {
        // progress for long documents only, every 25 pages
        if (total >= 50 && (page - lastReported >= 25 || page === total)) {
          lastReported = page;
          io.stderr.write(`${l10n.t('{0}: page {1} of {2}', file, page, total)}\n`);
        }
      },
    });
    if (result.meta.ocrPages?.length) {
      const pages = result.meta.ocrPages;
      io.stderr.write(`${plural(pages.length, l10n.t('{0}: page {1} has no text layer: read by OCR (tesseract)', file, pages.join(', ')), l10n.t('{0}: pages {1} have no text layer: read by OCR (tesseract)', file, pages.join(', ')))}\n`);
    }
    if (result.meta.emptyPages?.length) {
      const pages = result.meta.emptyPages;
      const message = missing?.length
        ? plural(pages.length, l10n.t('{0}: warning: page {1} has no text layer (scanned?); for OCR install the Debian packages {2}', file, pages.join(', '), OCR_PACKAGES), l10n.t('{0}: warning: pages {1} have no text layer (scanned?); for OCR install the Debian packages {2}', file, pages.join(', '), OCR_PACKAGES))
        : plural(pages.length, l10n.t('{0}: warning: page {1} has no text layer (scanned?) and OCR read no text on it', file, pages.join(', ')), l10n.t('{0}: warning: pages {1} have no text layer (scanned?) and OCR read no text on them', file, pages.join(', ')));
      io.stderr.write(`${message}\n`);
    }
    return renderConverted(result);
  } catch (e) {
    if (e instanceof ConvertError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
}

/** The documents of `analyze`'s, `find`'s and `report`'s arguments: files and folders of mixed files (input.ts). */
export function analyzedFiles(args: readonly string[], globs: { include: readonly string[]; exclude: readonly string[] }): string[] {
  return documentFiles(args, { ...globs, extensions: ANALYZE_EXTENSIONS });
}

/** Converts the PDF, Word and HTML files among `files` not converted yet into `converted` (its text by file). */
export async function convertFiles(files: readonly string[], inputs: Inputs, io: WarningSink, converted: Map<string, string>): Promise<void> {
  for (const file of files) if (isConvertible(file) && !converted.has(file)) converted.set(file, await convertedText(file, inputs, io));
}

/**
 * A document's text for `analyze`, `find` and `report`: a PDF, Word or HTML file's as converted
 * beforehand (`convertFiles`, in `runCliAsync`: the converters are asynchronous), else read.
 */
export function documentText(file: string, converted: ReadonlyMap<string, string>, inputs: Inputs, io: WarningSink, kind: InputKind): string {
  const text = converted.get(file);
  if (text === undefined && isConvertible(file)) throw new CliError(l10n.t('{0}: PDF, Word and HTML files are converted by the program (runCliAsync), not here', file));
  return text ?? inputs.text(file, kind, io);
}

/** `convert FILE [--out FILE] [--pages N-M] [--format txt|md] [--page-marker TEXT]`. */
export async function convertCommand(options: ConvertCommandOptions, io: WarningSink & { stdout: { write(chunk: string): unknown } }, inputs: Inputs): Promise<void> {
  if (options.format !== undefined && !(CONVERT_FORMATS as readonly string[]).includes(options.format)) throw new CliError(l10n.t('unknown format "{0}" (use txt or md)', options.format));
  const target = outputTarget(options.out);
  const text = await convertedText(options.file, inputs, io, options);
  writeOutput(target, [text], io, inputs);
}
