/**
 * OCR of the PDF pages without a text layer (scanned), where the Debian packages are installed:
 * `pdftoppm` (poppler-utils) renders a page to an image, `tesseract` (tesseract-ocr, with the
 * Thai data of tesseract-ocr-tha) reads it. Node only (child processes, a temporary folder).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The Debian packages OCR needs, named in the line said when one is missing. */
export const OCR_PACKAGES = 'tesseract-ocr tesseract-ocr-tha poppler-utils';

/** Each page's time limit, so a stuck tool never hangs a conversion. */
const PAGE_TIMEOUT_MS = 120_000;

/** The OCR tools missing on this machine (empty: OCR can run); `env` the PATH to look in. */
export function missingOcrTools(env: NodeJS.ProcessEnv = process.env): string[] {
  const missing: string[] = [];
  const run = (cmd: string, args: string[]): string | undefined => {
    const r = spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 10_000 });
    return r.error ? undefined : `${r.stdout ?? ''}${r.stderr ?? ''}`;
  };
  if (run('pdftoppm', ['-v']) === undefined) missing.push('pdftoppm');
  const langs = run('tesseract', ['--list-langs']);
  if (langs === undefined) missing.push('tesseract');
  else if (!/^tha$/m.test(langs)) missing.push('tesseract tha');
  return missing;
}

/**
 * The text of `pages` of a PDF read by OCR (Thai and English), by page number; a page the
 * tools fail on is left out (it stays a page without text).
 */
export async function ocrPages(pdf: Uint8Array, pages: readonly number[], env: NodeJS.ProcessEnv = process.env): Promise<Map<number, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-ocr-'));
  const out = new Map<number, string>();
  try {
    const file = path.join(dir, 'in.pdf');
    fs.writeFileSync(file, pdf);
    for (const page of pages) {
      const image = path.join(dir, `p${page}`);
      const render = spawnSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '300', '-gray', '-png', '-singlefile', file, image], { env, timeout: PAGE_TIMEOUT_MS });
      if (render.error || render.status !== 0) continue;
      const read = spawnSync('tesseract', [`${image}.png`, 'stdout', '-l', 'tha+eng', '--psm', '3'], { env, encoding: 'utf8', timeout: PAGE_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
      if (read.error || read.status !== 0) continue;
      out.set(page, read.stdout);
      await Promise.resolve(); // let progress and cancellation run between pages
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
