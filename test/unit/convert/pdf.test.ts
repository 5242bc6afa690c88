import { strict as assert } from 'node:assert';
import { readPdf, itemsToLines } from '../../../src/convert/pdf';
import { convertDocument, parsePageRange, renderConverted } from '../../../src/convert';
import { ConvertError } from '../../../src/convert/errors';
import { layOut, toLegacyPua, writePdf, type PdfLine } from '../../../src/tools/pdfWriter';

const PARAGRAPHS = [
  'การประชุมรัฐมนตรีต่างประเทศอาเซียนครั้งที่ 54 เห็นชอบแผนงานความร่วมมือด้านความมั่นคงทางทะเลและการพัฒนาที่ยั่งยืน',
  'ผู้แทนญี่ปุ่นและสหรัฐอเมริกาย้ำความสำคัญของน้ำและพลังงานสะอาด',
];

describe('convert: PDF', () => {
  it('groups text items into lines by their baseline, left to right, with a space at a gap', () => {
    const item = (str: string, x: number, y: number, width: number) => ({ str, transform: [10, 0, 0, 10, x, y], width, height: 10 });
    const lines = itemsToLines([item('ข', 60, 700, 10), item('ก', 50, 700, 10), item('ค', 100, 700, 10), item('ง', 50, 688, 10)], 800, 2);
    assert.deepEqual(lines, [
      { text: 'กข ค', x: 50, y: 90, width: 60, height: 10, page: 2 },
      { text: 'ง', x: 50, y: 102, width: 10, height: 10, page: 2 },
    ]);
  });

  it('reads wrapped Thai lines as paragraphs, legacy-font marks mapped, headers and page numbers gone, page markers between pages', async () => {
    const pdf = writePdf(layOut(PARAGRAPHS.map(toLegacyPua), { perLine: 30, linesPerPage: 3, header: 'รายงานการประชุม' }));
    const result = await convertDocument(pdf, 'report.pdf');
    assert.equal(result.meta.pages?.count, 3);
    assert.equal(
      result.text,
      // the first paragraph goes on over the page break, uncut; the page-2 marker comes before
      // the paragraph that starts on page 2 (none starts on page 3)
      'การประชุมรัฐมนตรีต่างประเทศอาเซียนครั้งที่ 54 เห็นชอบแผนงานความร่วมมือด้านความมั่นคงทางทะเลและการพัฒนาที่ยั่งยืน\n\n[หน้า 2]\n\nผู้แทนญี่ปุ่นและสหรัฐอเมริกาย้ำความสำคัญของน้ำและพลังงานสะอาด\n',
    );
  });

  it('reads every character of a font with many distinct ones (a code its standard encoding leaves unnamed is not a space)', async () => {
    // 150 distinct characters take the byte codes 0x21-0x7E and 0xA1-0xC2, 0xB0 among them
    const text = Array.from({ length: 150 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    const pdf = writePdf([[{ text, x: 60, y: 80, size: 4 }]]);
    const result = await readPdf(pdf);
    assert.equal(result.paragraphs.map((p) => p.text).join(''), text);
  });

  it('reads a two-column page column by column, a title across both first, a paragraph going on into the right column', async () => {
    // 12-point glyphs 6 wide: the left column runs 60-270, the right 310-520, a gutter of 40
    const column = (text: string, x: number, firstRow: number): PdfLine[] =>
      (text.match(/.{1,35}/gu) ?? []).map((t, i) => ({ text: t, x, y: 120 + (firstRow + i) * 16, size: 12 }));
    const left = 'ก'.repeat(35 * 3) + 'ข'.repeat(35 * 2);
    const right = 'ค'.repeat(35 * 2) + 'ง'.repeat(20);
    const pdf = writePdf([[{ text: 'รายงานการประชุมคณะรัฐมนตรีเรื่องความร่วมมือระหว่างประเทศ', x: 60, y: 80, size: 12 }, ...column(left, 60, 0), ...column(right, 310, 0)]]);
    const result = await readPdf(pdf);
    assert.deepEqual(
      result.paragraphs.map((p) => p.text),
      ['รายงานการประชุมคณะรัฐมนตรีเรื่องความร่วมมือระหว่างประเทศ', left + right],
    );
  });

  it('reads a page of one column, and a table whose figures stand apart, line by line', async () => {
    const rows = ['งบประมาณรายจ่าย', 'งบลงทุน', 'งบดำเนินงาน', 'งบบุคลากร', 'รวมทั้งสิ้น', 'หมายเหตุ'].map((label, i): PdfLine[] => [
      { text: label, x: 60, y: 80 + i * 16, size: 12 },
      { text: String(1000 * (i + 1) + i * 37).padStart(6 - (i % 3), ' '), x: 400 + (i % 3) * 24, y: 80 + i * 16, size: 12 },
    ]);
    const result = await readPdf(writePdf([rows.flat()]));
    assert.match(result.paragraphs.map((p) => p.text).join('\n'), /^งบประมาณรายจ่าย 1000 งบลงทุน 2037/);
  });

  it('converts the pages asked for, and says how many there are', async () => {
    const pdf = writePdf([[{ text: 'หน้าหนึ่ง', x: 60, y: 80, size: 12 }], [{ text: 'หน้าสอง', x: 60, y: 80, size: 12 }], [{ text: 'หน้าสาม ยาวกว่าบรรทัดอื่นมากมายหลายคำ', x: 60, y: 80, size: 12 }]]);
    const result = await convertDocument(pdf, 'x.pdf', { pages: parsePageRange('2-3'), pageMarker: '<{n}>' });
    assert.equal(result.text, '<2>\n\nหน้าสอง\n\n<3>\n\nหน้าสาม ยาวกว่าบรรทัดอื่นมากมายหลายคำ\n');
    assert.match(renderConverted(result), /^---\nsource: "x.pdf"\nsha256: [0-9a-f]{64}\nconverter: "pdfjs-dist \d+\.\d+\.\d+"\npages: 2-3 of 3\n---\n<2>/);
    await assert.rejects(convertDocument(pdf, 'x.pdf', { pages: { from: 5, to: 6 } }), /the PDF has 3 pages; --pages starts at 5/);
    assert.throws(() => parsePageRange('3-2'), /invalid page range "3-2"/);
  });

  it('keeps a paragraph break, and the page markers, where a page without text lies between two pages', async () => {
    // page 1 ends at the margin without a sentence end: a paragraph would go on to page 2
    const pdf = writePdf([[{ text: 'การประชุมหารือด้านความมั่นคงทางทะเลกับประเทศเพื่อนบ้าน', x: 60, y: 80, size: 12 }], [], [{ text: 'ย่อหน้าบนหน้าที่สาม', x: 60, y: 80, size: 12 }]]);
    const result = await convertDocument(pdf, 'x.pdf');
    assert.equal(result.text, 'การประชุมหารือด้านความมั่นคงทางทะเลกับประเทศเพื่อนบ้าน\n\n[หน้า 2]\n\n[หน้า 3]\n\nย่อหน้าบนหน้าที่สาม\n');
    assert.deepEqual(result.meta.emptyPages, [2]);
    // the same lines on pages 1 and 2 do go on as one paragraph
    const next = await convertDocument(writePdf([[{ text: 'การประชุมหารือด้านความมั่นคงทางทะเลกับประเทศเพื่อนบ้าน', x: 60, y: 80, size: 12 }], [{ text: 'ย่อหน้าบนหน้าที่สาม', x: 60, y: 80, size: 12 }]]), 'x.pdf');
    assert.equal(next.text, 'การประชุมหารือด้านความมั่นคงทางทะเลกับประเทศเพื่อนบ้านย่อหน้าบนหน้าที่สาม\n');
  });

  it('refuses an encrypted PDF in one line that says what to do', async () => {
    const pdf = writePdf([[{ text: 'ลับ', x: 60, y: 80, size: 12 }]], { encryptedWithPassword: true });
    await assert.rejects(readPdf(pdf), (e: unknown) => e instanceof ConvertError && e.message === 'the PDF is encrypted with a password; remove the password (for example with qpdf --decrypt) and convert again');
  });

  it('refuses a file that is not a PDF, and a truncated one, in one line', async () => {
    await assert.rejects(readPdf(new TextEncoder().encode('hello, not a pdf')), (e: unknown) => e instanceof ConvertError && /not a valid PDF, or a truncated or corrupt one/.test(e.message));
    const pdf = writePdf([[{ text: 'ก', x: 60, y: 80, size: 12 }]]);
    await assert.rejects(readPdf(pdf.subarray(0, 200)), (e: unknown) => e instanceof ConvertError && !e.message.includes('\n'));
  });
});
