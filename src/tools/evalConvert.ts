/**
 * `npm run eval -- --convert [DIR] [--out FILE] [--keep DIR]`
 *
 * Measures the converters (src/convert) on documents made by real tools from known Thai text:
 * each `*.txt` of DIR (default: samples/) is written as
 *   - a web page set in a Thai font (`.html`), and Chromium's print of it to PDF (playwright-core,
 *     /usr/bin/chromium or $CHROMIUM);
 *   - a Word document written by the `docx` package;
 *   - a PDF whose font gives the legacy Private Use Area glyphs for tone marks (pdfWriter.ts),
 *     laid out with wrapped lines, a running header and page numbers;
 *   - where tesseract (Thai) and pdftoppm are installed, a scan of Chromium's PDF (its pages as
 *     200 dpi grey images, no text layer), read by OCR: reported apart from the targets;
 * and each is converted back. For each: the character error rate (CER: edit distance over the
 * source's length, white space runs made one space, page markers and the front matter left out)
 * and the share of the source's annotations (same kind, text and value) found again in the
 * converted text; `pdftotext` (poppler-utils) beside it for the PDFs, as the reference.
 * Targets: CER at most 0.5%, annotations at least 99%.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Annotation } from '../core';
import { convertDocument, missingOcrTools, ocrPages } from '../convert';
import { builtinPackFiles, defaultBuiltinDir, packsOption } from '../cli/common';
import { loadProductFromFiles, type LoadedProduct } from './measureProduct';
import { formatTable } from './measureTable';
import { layOut, toLegacyPua, writeImagePdf, writePdf } from './pdfWriter';

/** Edit distance (Levenshtein) in UTF-16 code units, two rows. */
export function editDistance(a: string, b: string): number {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** The text compared: front matter and page markers out, white space runs one space. */
export function comparable(text: string): string {
  return text
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^\[หน้า \d+\]$/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The character error rate of `converted` against `source` (both made comparable). */
export function characterErrorRate(source: string, converted: string, spaces = true): number {
  const s = spaces ? comparable(source) : comparable(source).replace(/ /g, '');
  const c = spaces ? comparable(converted) : comparable(converted).replace(/ /g, '');
  return s.length ? editDistance(s, c) / s.length : 0;
}

function annotationKey(a: Annotation): string {
  if (a.kind === 'term') return `term|${a.text}|${a.theme}`;
  if (a.kind === 'country') return `country|${a.text}|${a.country}`;
  return `date|${a.text}|${a.from ?? ''}|${a.to ?? ''}`;
}

/** The source's annotations (kind, text, value) found again in the converted text, as a share, and the counts. */
export function annotationAgreement(product: LoadedProduct, source: string, converted: string): { equal: number; total: number; found: number; terms: [number, number] } {
  const ref = product.analyzer.analyze(comparable(source), { referenceDate: '2025-01-01' });
  const got = product.analyzer.analyze(comparable(converted), { referenceDate: '2025-01-01' });
  const pool = new Map<string, number>();
  for (const a of got) pool.set(annotationKey(a), (pool.get(annotationKey(a)) ?? 0) + 1);
  let equal = 0;
  let termsEqual = 0;
  for (const a of ref) {
    const k = annotationKey(a);
    const n = pool.get(k) ?? 0;
    if (n > 0) {
      pool.set(k, n - 1);
      equal++;
      if (a.kind === 'term') termsEqual++;
    }
  }
  return { equal, total: ref.length, found: got.length, terms: [termsEqual, ref.filter((a) => a.kind === 'term').length] };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The source's paragraphs (its lines: a line break in the source is a paragraph of its own). */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/**
 * A web page of the source in a Thai font; with `furniture`, navigation and a footer around it
 * (to be dropped by the converter). The PDF is printed from the page without them: a PDF
 * document is the text itself.
 */
export function sourceHtml(text: string, title: string, furniture = true): string {
  const body = paragraphsOf(text)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:"Garuda","Loma","Norasi",sans-serif;font-size:15pt;line-height:1.5;max-width:15cm}p{margin:0 0 0.8em}</style></head>
<body>${furniture ? '<nav><a href="/">หน้าแรก</a> | <a href="/news">ข่าว</a></nav>' : ''}<main>
${body}
</main>${furniture ? '<footer>กระทรวงการต่างประเทศ สงวนลิขสิทธิ์</footer>' : ''}</body></html>`;
}

/** Chromium's print of a web page to PDF (A4, margins of 2 cm), as a browser's "Save as PDF" does. */
export async function printPdf(browser: Browser, html: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    return new Uint8Array(await page.pdf({ format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } }));
  } finally {
    await page.close();
  }
}

/**
 * A scan of a printed PDF: `pdftoppm` renders its pages to grey PNG images at `dpi`, and those
 * images alone make a new PDF (pages without a text layer, as a scanner writes them).
 */
export function scannedCopy(printed: Uint8Array, dpi: number): Uint8Array {
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

/** The resolution of the scans the eval makes (an office scanner's usual setting). */
const SCAN_DPI = 200;
/** The kind of document read by OCR: reported apart from the targets, which are for text layers. */
const SCAN_KIND = `PDF scan, ${SCAN_DPI} dpi (OCR)`;

interface Row {
  source: string;
  kind: string;
  tool: string;
  cer: number;
  /** the CER with spaces left out (a space lost where a line wrapped at it is not counted) */
  cerNoSpace: number;
  equal: number;
  total: number;
  terms: [number, number];
}

export async function runEvalConvert(argv: readonly string[], stdout: (s: string) => void, stderr: (s: string) => void): Promise<number> {
  let dir = 'samples';
  let out: string | undefined;
  let keep: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--convert') continue;
    if (argv[i] === '--out') out = argv[++i];
    else if (argv[i] === '--keep') keep = argv[++i];
    else dir = argv[i];
  }
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    stderr(`eval --convert: no such folder: ${dir}\n`);
    return 2;
  }
  const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const work = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-eval-convert-'));
  fs.mkdirSync(work, { recursive: true });
  const product = loadProductFromFiles(builtinPackFiles(defaultBuiltinDir(), packsOption(undefined)));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const docx = require('docx') as typeof import('docx');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const rows: Row[] = [];
  const ocr = !(await missingOcrTools()).length;
  const scans = new Set<string>();
  const hasPdftotext = (() => {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  try {
    for (const name of sources) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8').replace(/^\ufeff/, '');
      const stem = name.replace(/\.txt$/, '');
      const fixtures: Array<{ kind: string; file: string }> = [];
      const html = path.join(work, `${stem}.html`);
      fs.writeFileSync(html, sourceHtml(text, stem));
      fixtures.push({ kind: 'HTML', file: html });
      const pdf = path.join(work, `${stem}.chromium.pdf`);
      fs.writeFileSync(pdf, await printPdf(browser, sourceHtml(text, stem, false)));
      if (ocr) {
        const scan = path.join(work, `${stem}.scan.pdf`);
        fs.writeFileSync(scan, scannedCopy(fs.readFileSync(pdf), SCAN_DPI));
        scans.add(scan);
      }
      fixtures.push({ kind: 'PDF (Chromium)', file: pdf });
      const word = path.join(work, `${stem}.docx`);
      const document = new docx.Document({ sections: [{ children: paragraphsOf(text).map((p) => new docx.Paragraph({ children: [new docx.TextRun({ text: p, font: 'TH Sarabun New' })] })) }] });
      fs.writeFileSync(word, await docx.Packer.toBuffer(document));
      fixtures.push({ kind: 'Word (docx)', file: word });
      const pua = path.join(work, `${stem}.pua.pdf`);
      fs.writeFileSync(pua, writePdf(layOut(paragraphsOf(text).map(toLegacyPua), { perLine: 55, linesPerPage: 30, header: toLegacyPua(paragraphsOf(text)[0].slice(0, 40)) })));
      fixtures.push({ kind: 'PDF (legacy PUA font)', file: pua });
      for (const scan of scans) fixtures.push({ kind: SCAN_KIND, file: scan });
      scans.clear();
      for (const f of fixtures) {
        const converted = (await convertDocument(fs.readFileSync(f.file), f.file, { ocr: (bytes, pages) => ocrPages(bytes, pages) })).text;
        const agreement = annotationAgreement(product, text, converted);
        rows.push({ source: stem, kind: f.kind, tool: 'thai-policy-lens', cer: characterErrorRate(text, converted), cerNoSpace: characterErrorRate(text, converted, false), ...agreement });
        if (f.file.endsWith('.pdf') && hasPdftotext) {
          const ref = execFileSync('pdftotext', ['-enc', 'UTF-8', f.file, '-'], { encoding: 'utf8' });
          const a = annotationAgreement(product, text, ref);
          rows.push({ source: stem, kind: f.kind, tool: 'pdftotext', cer: characterErrorRate(text, ref), cerNoSpace: characterErrorRate(text, ref, false), ...a });
        }
      }
    }
  } finally {
    await browser.close();
    if (!keep) fs.rmSync(work, { recursive: true, force: true });
  }
  const pct = (x: number, digits = 2): string => `${(100 * x).toFixed(digits)}%`;
  const table = formatTable(
    [
      ['source', 'document', 'converter', 'CER', 'CER without spaces', 'annotations equal', 'terms equal'],
      ...rows.map((r) => [r.source, r.kind, r.tool, pct(r.cer), pct(r.cerNoSpace), `${r.equal}/${r.total} ${pct(r.total ? r.equal / r.total : 1, 1)}`, `${r.terms[0]}/${r.terms[1]}`]),
    ],
    new Set([0, 1, 2]),
  );
  const ours = rows.filter((r) => r.tool === 'thai-policy-lens' && r.kind !== SCAN_KIND);
  const scanned = rows.filter((r) => r.tool === 'thai-policy-lens' && r.kind === SCAN_KIND);
  const worst = Math.max(...ours.map((r) => r.cer));
  const share = ours.reduce((s, r) => s + r.equal, 0) / Math.max(1, ours.reduce((s, r) => s + r.total, 0));
  const report = [
    `Thai Policy Lens conversion eval: ${sources.length} source text(s) from ${dir}${hasPdftotext ? '' : ' (pdftotext not installed: apt-get install poppler-utils)'}`,
    '',
    table,
    '',
    `thai-policy-lens: worst CER ${pct(worst)} (target at most 0.50%), annotations equal ${pct(share, 1)} (target at least 99%)`,
    scanned.length
      ? `OCR of the scans (tesseract, not counted in the targets): worst CER ${pct(Math.max(...scanned.map((r) => r.cer)))}, annotations equal ${pct(scanned.reduce((n, r) => n + r.equal, 0) / Math.max(1, scanned.reduce((n, r) => n + r.total, 0)), 1)}`
      : 'scans not read (OCR tools missing: apt-get install tesseract-ocr tesseract-ocr-tha poppler-utils)',
    '',
  ].join('\n');
  stdout(report);
  if (out) fs.writeFileSync(out, report);
  return 0;
}
