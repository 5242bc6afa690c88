import { strict as assert } from 'node:assert';
import { deflateSync } from 'node:zlib';
import { readPdf } from '../../../src/convert/pdf';
import { writeImagePdf } from '../../../src/tools/pdfWriter';

/** A grey PNG of `width` x `height`, each row filter 0 (None), crc left 0 (PDF readers skip it). */
function greyPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, body: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth; colour type 0 (grey), no interlace
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}

describe('pdfWriter: writeImagePdf', () => {
  it('writes a PDF of image pages without a text layer, one page per image', async () => {
    const pdf = writeImagePdf([greyPng(40, 60), greyPng(60, 40)]);
    const read = await readPdf(pdf);
    assert.deepEqual([read.pageCount, read.emptyPages, read.paragraphs], [2, [1, 2], []]);
    assert.match(Buffer.from(pdf).toString('latin1'), /\/Subtype \/Image \/Width 40 \/Height 60 \/ColorSpace \/DeviceGray/);
  });

  it('refuses a PNG it cannot wrap', () => {
    const png = greyPng(4, 4);
    png[24] = 16; // 16-bit
    assert.throws(() => writeImagePdf([png]), /8-bit grey or RGB/);
  });
});
