/**
 * A scanned document made by real tools from known Thai text: Chromium prints the text set in a
 * Thai font to PDF, `pdftoppm` renders its pages to PNG images, and those images alone make a new
 * PDF: pages without a text layer (as the conversion eval makes them: evalConvert.ts).
 */
import * as fs from 'node:fs';
import { printPdf, scannedCopy, sourceHtml } from '../../src/tools/evalConvert';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The image-only PDF of `text` (its lines the paragraphs), rendered at `dpi`. */
export async function scannedPdf(text: string, dpi = 150): Promise<Uint8Array> {
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
  return scannedCopy(printed, dpi);
}
