/**
 * The error a converter gives for input it cannot convert (an encrypted or corrupt PDF, a zip
 * bomb, a file over a bound): one line, without the file name (the caller adds it).
 */
export class ConvertError extends Error {}

const MB = 1_000_000;

/** The bounds of a conversion: past them a document is refused with one line, never read on. */
export const CONVERT_LIMITS = {
  /** pages of a PDF converted in one run (`--pages N-M` picks fewer) */
  pdfPages: 2000,
  /** characters of text a conversion may produce */
  outputChars: 50 * MB,
  /** bytes of an HTML page */
  htmlBytes: 50 * MB,
  /** bytes a .docx may hold once unzipped, all its parts together */
  docxUnzippedBytes: 200 * MB,
  /** how many times its zipped size a .docx part may grow when unzipped */
  docxRatio: 200,
} as const;

/** The Debian packages OCR of scanned pages needs (ocr.ts), named in the line said when one is missing. */
export const OCR_PACKAGES = 'tesseract-ocr tesseract-ocr-tha poppler-utils';
