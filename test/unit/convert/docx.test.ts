import { strict as assert } from 'node:assert';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { checkDocxBounds, readDocx } from '../../../src/convert/docx';
import { ConvertError } from '../../../src/convert/errors';
import { inThai } from '../../support/thai';

async function docx(paragraphs: Paragraph[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

const isConvertError = (pattern: RegExp) => (e: unknown) => e instanceof ConvertError && pattern.test(e.message) && !e.message.includes('\n');

describe('convert: Word documents (.docx)', () => {
  it('gives the paragraphs and headings of a document written by the docx package', async () => {
    const bytes = await docx([
      new Paragraph({ text: 'แผนงานความร่วมมือ', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ children: [new TextRun('กระทรวงการต่างประเทศ'), new TextRun({ text: 'หารือกับอาเซียน', bold: true })] }),
      new Paragraph({ children: [new TextRun('ย่อหน้าที่สอง')] }),
    ]);
    assert.equal(await readDocx(bytes), 'แผนงานความร่วมมือ\n\nกระทรวงการต่างประเทศหารือกับอาเซียน\n\nย่อหน้าที่สอง');
    assert.equal(await readDocx(bytes, 'md'), '# แผนงานความร่วมมือ\n\nกระทรวงการต่างประเทศหารือกับอาเซียน\n\nย่อหน้าที่สอง');
  });

  it('refuses a zip bomb before unzipping it', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    zip.file('word/media/huge.xml', '0'.repeat(20_000_000));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    assert.throws(() => checkDocxBounds(bytes), isConvertError(/word\/media\/huge\.xml would unzip to 20,000,000 bytes, more than 200 times its size: refused as a zip bomb/));
  });

  it('refuses a truncated file, a file that is not a zip, and a zip without a document, in one line', async () => {
    const bytes = await docx([new Paragraph('ก')]);
    await assert.rejects(readDocx(bytes.subarray(0, bytes.length - 30)), isConvertError(/truncated/));
    await assert.rejects(readDocx(new TextEncoder().encode('not a zip at all')), isConvertError(/not a Word document \(\.docx\): not a zip file/));
    const other = new JSZip();
    other.file('a.txt', 'x');
    await assert.rejects(readDocx(await other.generateAsync({ type: 'uint8array' })), isConvertError(/no word\/document\.xml/));
  });

  it('words its refusals in Thai with the Thai bundle', async () => {
    const other = new JSZip();
    other.file('a.txt', 'x');
    const bytes = await other.generateAsync({ type: 'uint8array' });
    inThai(() => {
      assert.throws(() => checkDocxBounds(new TextEncoder().encode('not a zip at all')), (e: unknown) => e instanceof ConvertError && e.message === 'ไม่ใช่เอกสาร Word (.docx): ไม่ใช่ไฟล์ zip หรือเป็นไฟล์ที่ขาดหาย');
      assert.throws(() => checkDocxBounds(bytes), (e: unknown) => e instanceof ConvertError && e.message === 'ไม่ใช่เอกสาร Word (.docx): ไม่มี word/document.xml');
    });
  });
});
