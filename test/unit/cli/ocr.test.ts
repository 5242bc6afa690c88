import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertDocument, renderConverted } from '../../../src/convert';
import { missingOcrTools } from '../../../src/cli/ocr';
import { writePdf } from '../../../src/tools/pdfWriter';
import { runAsync } from '../../support/runCli';

// page 2 has no text layer (a scanned page, as far as the converter can tell)
const SCANNED = writePdf([[{ text: 'หน้าแรก ความมั่นคง', x: 60, y: 80, size: 12 }], []]);

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
      assert.deepEqual(missingOcrTools(), ['pdftoppm', 'tesseract']);
      const r = await runAsync(['convert', file]);
      assert.equal(r.code, 0);
      assert.equal(r.stderr, `${file}: warning: page 2 has no text layer (scanned?); for OCR install the Debian packages tesseract-ocr tesseract-ocr-tha poppler-utils\n`);
    } finally {
      process.env.PATH = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with tesseract (Thai) and pdftoppm installed: runs them on the page without text (skipped without them)', async function () {
    if (missingOcrTools().length) {
      console.log(`    (skipped: OCR tools missing: ${missingOcrTools().join(', ')})`);
      this.skip();
    }
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-ocr-'));
    try {
      const file = path.join(dir, 'scan.pdf');
      fs.writeFileSync(file, SCANNED);
      // the page is blank: the tools run and read nothing, which is said
      const r = await runAsync(['convert', file]);
      assert.deepEqual([r.code, r.stderr], [0, `${file}: warning: page 2 has no text layer (scanned?) and OCR read no text on it\n`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
