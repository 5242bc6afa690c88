import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertDocument, missingOcrTools, OCR_PACKAGES, OcrCancelled, ocrPages, renderConverted } from '../../../src/convert';
import { writePdf } from '../../../src/tools/pdfWriter';
import { ROOT } from '../../support/paths';
import { runAsync } from '../../support/runCli';
import { scannedPdf } from '../../support/scannedPdf';

// page 2 has no text layer (a scanned page, as far as the converter can tell)
const SCANNED = writePdf([[{ text: 'หน้าแรก ความมั่นคง', x: 60, y: 80, size: 12 }], []]);

/** Skips the test, saying why, where tesseract (with its Thai data) or pdftoppm is missing. */
async function needOcrTools(test: Mocha.Context): Promise<void> {
  const missing = await missingOcrTools();
  if (missing.length) {
    console.log(`    (skipped: OCR tools missing: ${missing.join(', ')}; install the Debian packages ${OCR_PACKAGES})`);
    test.skip();
  }
}

/** Runs `fn` with the PDF written as scan.pdf in a temporary folder, removed after. */
async function withPdfFile(bytes: Uint8Array, fn: (file: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-ocr-'));
  try {
    const file = path.join(dir, 'scan.pdf');
    fs.writeFileSync(file, bytes);
    await fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('OCR of PDF pages without a text layer', () => {
  it('puts the text OCR read in its page, between the markers, and marks it in the front matter', async () => {
    const asked: number[][] = [];
    const result = await convertDocument(SCANNED, 'scan.pdf', {
      ocr: async (_pdf, pages) => {
        asked.push([...pages]);
        return new Map([[2, 'ข้อความ\nที่สแกน\n\nย่อหน้าสอง\n']]);
      },
    });
    assert.deepEqual(asked, [[2]]);
    assert.equal(result.text, 'หน้าแรก ความมั่นคง\n\n[หน้า 2]\n\nข้อความ ที่สแกน\n\nย่อหน้าสอง\n');
    assert.deepEqual([result.meta.emptyPages, result.meta.ocrPages], [[], [2]]);
    assert.match(renderConverted(result), /\npages: 1-2 of 2\nocr: true\nocr_pages: \[2\]\n---\n/);
  });

  it('leaves a page OCR read nothing on as a page without text', async () => {
    const result = await convertDocument(SCANNED, 'scan.pdf', { ocr: async () => new Map([[2, ' \n ']]) });
    assert.deepEqual([result.meta.emptyPages, result.meta.ocrPages], [[2], undefined]);
    assert.match(renderConverted(result), /\npages_without_text: \[2\]\n---\n/);
  });

  it('without tesseract or pdftoppm: one line naming the Debian packages to install', async () => {
    const saved = process.env.PATH;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-ocr-'));
    try {
      const file = path.join(dir, 'scan.pdf');
      fs.writeFileSync(file, SCANNED);
      process.env.PATH = path.join(dir, 'no-such-bin');
      assert.deepEqual(await missingOcrTools(), ['pdftoppm', 'tesseract']);
      const r = await runAsync(['convert', file]);
      assert.equal(r.code, 0);
      assert.equal(r.stderr, `${file}: warning: page 2 has no text layer (scanned?); for OCR install the Debian packages tesseract-ocr tesseract-ocr-tha poppler-utils\n`);
    } finally {
      process.env.PATH = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with tesseract (Thai) and pdftoppm installed: runs them on the page without text (skipped without them)', async function () {
    await needOcrTools(this);
    this.timeout(60_000);
    await withPdfFile(SCANNED, async (file) => {
      // the page is blank: the tools run and read nothing, which is said
      const r = await runAsync(['convert', file]);
      assert.deepEqual([r.code, r.stderr], [0, `${file}: warning: page 2 has no text layer (scanned?) and OCR read no text on it\n`]);
    });
    // several pages: progress on stderr as each is read
    await withPdfFile(writePdf([[{ text: 'หน้าแรก', x: 60, y: 80, size: 12 }], [], []]), async (file) => {
      const r = await runAsync(['convert', file]);
      assert.deepEqual(
        [r.code, r.stderr],
        [0, `${file}: OCR of page 2 (1 of 2)\n${file}: OCR of page 3 (2 of 2)\n${file}: warning: pages 2, 3 have no text layer (scanned?) and OCR read no text on them\n`],
      );
    });
  });

  it('reads the Thai of a real scan: the glossary terms and countries of the known text are found (skipped without the tools)', async function () {
    await needOcrTools(this);
    this.timeout(120_000);
    // printed by Chromium in a Thai font, rendered by pdftoppm at 150 dpi, the images alone in a new PDF
    const source = ['การประชุมหารือด้านการทูตดิจิทัลกับประเทศเวียดนามและอาเซียน', 'รัฐบาลไทยและกัมพูชาร่วมมือด้านการค้าเสรี', 'การเปลี่ยนแปลงสภาพภูมิอากาศเป็นวาระสำคัญของสหประชาชาติ'];
    await withPdfFile(await scannedPdf(source.join('\n')), async (file) => {
      const plain = await convertDocument(fs.readFileSync(file), 'scan.pdf');
      assert.deepEqual([plain.text, plain.meta.emptyPages], ['\n', [1]], 'the scan has no text layer');
      const r = await runAsync(['analyze', '--format', 'csv', '--reference-date', '2025-01-01', file], path.join(ROOT, 'glossaries'));
      assert.deepEqual([r.code, r.stderr], [0, `${file}: page 1 has no text layer: read by OCR (tesseract)\n`]);
      // path,kind,start,end,line,text,theme,term,country,...: kind, text and value
      const found = new Set(r.stdout.split('\n').slice(1).map((line) => line.split(',')).map((c) => `${c[1]},${c[5]},${c[6] || c[8]}`));
      const expected = [
        'term,การทูตดิจิทัล,digital-diplomacy',
        'country,ประเทศเวียดนาม,VN',
        'term,อาเซียน,asean',
        'country,ไทย,TH',
        'country,กัมพูชา,KH',
        'term,การค้าเสรี,trade-economy',
        'term,การเปลี่ยนแปลงสภาพภูมิอากาศ,environment-climate',
        'term,สหประชาชาติ,diplomacy',
      ];
      assert.deepEqual(expected.filter((e) => !found.has(e)), [], r.stdout);
    });
  });

  it('stops the tools when cancelled, and says so (skipped without the tools)', async function () {
    await needOcrTools(this);
    const abort = new AbortController();
    const started: number[] = [];
    // aborted while the tools read the first of four pages (each takes far longer than 50 ms)
    const reading = ocrPages(SCANNED, [1, 2, 1, 2], {
      signal: abort.signal,
      onPage: (page) => {
        started.push(page);
        if (started.length === 1) setTimeout(() => abort.abort(), 50);
      },
    });
    await assert.rejects(reading, OcrCancelled);
    assert.ok(started.length < 4, `stopped before the last page (started ${started.length})`);
  });
});
