/**
 * A scanned document made by real tools from known Thai text: Chromium prints the text set in a
 * Thai font to PDF (as the conversion eval does), `pdftoppm` renders its pages to PNG images, and
 * those images alone make a new PDF (pdfWriter's writeImagePdf): pages without a text layer.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { printPdf, sourceHtml } from '../../src/tools/evalConvert';
import { writeImagePdf } from '../../src/tools/pdfWriter';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The image-only PDF of `text` (its lines the paragraphs), rendered at `dpi`. */
export async function scannedPdf(text: string, dpi = 200): Promise<Uint8Array> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  // loaded here: the oldest VS Code's host (Node 16) loads this file but skips the tests using it
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  let printed: Uint8Array;
  try {
    printed = await printPdf(browser, sourceHtml(text, 'scan', false));
  } finally {
    await browser.close();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-scan-'));
  try {
    fs.writeFileSync(path.join(dir, 'printed.pdf'), printed);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', path.join(dir, 'printed.pdf'), path.join(dir, 'page')]);
    const pages = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => fs.readFileSync(path.join(dir, f)));
    return writeImagePdf(pages);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
