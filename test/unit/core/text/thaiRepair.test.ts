import { strict as assert } from 'node:assert';
import {
  composeSaraAm,
  joinLines,
  joinTwo,
  mapThaiPua,
  orderThaiMarks,
  removeRunningLines,
  repairThai,
  TextLine,
} from '../../../../src/core/text/thaiRepair';

/** A line of body text 10 units high, 12 apart, 300 wide unless said. */
function line(text: string, row: number, opts: Partial<TextLine> = {}): TextLine {
  return { text, x: 50, y: 100 + row * 12, width: 300, height: 10, page: 1, ...opts };
}

describe('Thai repair', () => {
  describe('mapThaiPua', () => {
    it('maps the legacy-font tone marks and vowels to standard Thai', () => {
      // ที่ with a shifted sara ii and a low-left mai ek; ผู้ with a low sara uu and a low mai tho
      assert.equal(mapThaiPua('ท\uf702\uf705'), 'ที่');
      assert.equal(mapThaiPua('ผ\uf719\uf70b'), 'ผู้');
      assert.equal(mapThaiPua('\uf700าน \uf70fี่ปุ่น'), 'ฐาน ญี่ปุ่น');
      assert.equal(mapThaiPua('ก\uf710\uf713น'), 'กั่น');
      assert.equal(mapThaiPua('ส\uf711\uf714า'), 'สํ้า');
    });

    it('leaves other text alone, other PUA characters included', () => {
      assert.equal(mapThaiPua('abc ไทย \uf71b\ue000'), 'abc ไทย \uf71b\ue000');
    });
  });

  describe('composeSaraAm', () => {
    it('makes ํา one ำ, with a tone mark between them put before it', () => {
      assert.equal(composeSaraAm('กํา'), 'กำ');
      assert.equal(composeSaraAm('นํ้า'), 'น้ำ');
      assert.equal(composeSaraAm('น้ํา'), 'น้ำ');
      assert.equal(composeSaraAm('ทำ'), 'ทำ');
      assert.equal(composeSaraAm('ํ'), 'ํ');
    });
  });

  describe('orderThaiMarks', () => {
    it('puts the vowel before the tone mark', () => {
      assert.equal(orderThaiMarks('ท\u0e48\u0e35'), 'ที่');
      assert.equal(orderThaiMarks('ผ\u0e49\u0e39'), 'ผู้');
      assert.equal(orderThaiMarks('ก\u0e48\u0e31น'), 'กั่น');
    });

    it('keeps marks already in order, and single marks', () => {
      for (const s of ['ที่', 'ผู้', 'กั่น', 'ก่', 'กิ', 'abc']) assert.equal(orderThaiMarks(s), s);
    });
  });

  it('repairThai applies the three: PUA, order, ำ', () => {
    assert.equal(repairThai('น\uf70bํา ท\uf705\uf702'), 'น้ำ ที่');
  });

  describe('joinTwo', () => {
    it('joins Thai to Thai without a space', () => {
      assert.equal(joinTwo('รัฐมนตรีต่างประเทศ', 'อาเซียน'), 'รัฐมนตรีต่างประเทศอาเซียน');
    });
    it('joins Latin words and mixed text with a space', () => {
      assert.equal(joinTwo('the ASEAN', 'ministers'), 'the ASEAN ministers');
      assert.equal(joinTwo('ประชุม', 'ASEAN'), 'ประชุม ASEAN');
      assert.equal(joinTwo('ปี 2564', 'ไทย'), 'ปี 2564 ไทย');
    });
    it('keeps the space Thai writing puts after ๆ and ฯ', () => {
      assert.equal(joinTwo('ประเทศต่างๆ', 'ขยายความร่วมมือ'), 'ประเทศต่างๆ ขยายความร่วมมือ');
      assert.equal(joinTwo('สารบาหลีฯ', 'เป็นสาร'), 'สารบาหลีฯ เป็นสาร');
      assert.equal(joinTwo('ตลาดใหม่ๆ', 'และ'), 'ตลาดใหม่ๆ และ');
    });
    it('sets a number in Thai digits apart, as one in Arabic digits', () => {
      assert.equal(joinTwo('วันที่ ๑๖ พ.ย. ๖๔', 'ท่ามกลางสถานการณ์'), 'วันที่ ๑๖ พ.ย. ๖๔ ท่ามกลางสถานการณ์');
      assert.equal(joinTwo('ครั้งที่', '๕๔'), 'ครั้งที่ ๕๔');
    });
    it('puts a space before a word opening a clause when the line ended short of the margin, not inside other words', () => {
      assert.equal(joinTwo('ความมั่นคง', 'และเสรีภาพ', true), 'ความมั่นคง และเสรีภาพ');
      assert.equal(joinTwo('ความมั่นคง', 'และเสรีภาพ'), 'ความมั่นคงและเสรีภาพ');
      assert.equal(joinTwo('ผ่านกลไกทวิภาคี', 'โดยยึดหลัก', true), 'ผ่านกลไกทวิภาคี โดยยึดหลัก');
      assert.equal(joinTwo('ผู้', 'โดยสาร', true), 'ผู้โดยสาร');
      assert.equal(joinTwo('การ', 'แต่งตั้ง', true), 'การแต่งตั้ง');
      assert.equal(joinTwo('มิตร', 'เพื่อนบ้าน', true), 'มิตรเพื่อนบ้าน');
    });
    it('rejoins a hyphenated Latin word, and keeps the hyphen of a compound, without a space', () => {
      assert.equal(joinTwo('inter-', 'national law'), 'international law');
      assert.equal(joinTwo('Indo-', 'Pacific'), 'Indo-Pacific');
      assert.equal(joinTwo('COVID-', '19'), 'COVID-19');
      assert.equal(joinTwo('แม่โขง-', 'ล้านช้าง'), 'แม่โขง-ล้านช้าง');
      assert.equal(joinTwo('ปี 2564 -', 'ไทย'), 'ปี 2564 - ไทย');
    });
  });

  describe('joinLines', () => {
    it('joins wrapped lines of a paragraph, Thai without a space', () => {
      const lines = [line('การประชุมรัฐมนตรีต่างประเทศ', 0), line('อาเซียนครั้งที่ 54 เห็นชอบ', 1), line('แผนงาน', 2, { width: 60 })];
      assert.equal(joinLines(lines), 'การประชุมรัฐมนตรีต่างประเทศอาเซียนครั้งที่ 54 เห็นชอบแผนงาน');
    });

    it('puts a space before และ after a line that ends short of the margin (broken at a space), not after a full one', () => {
      const lines = [line('ความมั่นคง', 0, { width: 250 }), line('และเสรีภาพในการเดินเรือ', 1), line('และการบิน', 2, { width: 100 })];
      assert.equal(joinLines(lines), 'ความมั่นคง และเสรีภาพในการเดินเรือและการบิน');
    });

    it('keeps a paragraph break at a vertical gap', () => {
      const lines = [line('ย่อหน้าแรก', 0), line('ต่อ', 1), line('ย่อหน้าที่สอง', 3)];
      assert.equal(joinLines(lines), 'ย่อหน้าแรกต่อ\n\nย่อหน้าที่สอง');
    });

    it('keeps a paragraph break at an indented line', () => {
      const lines = [line('ย่อหน้าแรก', 0), line('ต่อ', 1), line('ย่อหน้าที่สอง', 2, { x: 80, width: 270 }), line('ต่อ', 3)];
      assert.equal(joinLines(lines), 'ย่อหน้าแรกต่อ\n\nย่อหน้าที่สองต่อ');
    });

    it('keeps a paragraph break after a short line ending a sentence, not after a full one', () => {
      const lines = [line('The meeting ended.', 0, { width: 120 }), line('Next', 1), line('It was held in Bangkok.', 2), line('today', 3)];
      assert.equal(joinLines(lines), 'The meeting ended.\n\nNext It was held in Bangkok. today');
    });

    it('keeps a heading apart from its text (a different height)', () => {
      const lines = [line('หัวข้อ', 0, { height: 16, width: 80 }), line('เนื้อหา', 1.5), line('ต่อ', 2.5)];
      assert.equal(joinLines(lines), 'หัวข้อ\n\nเนื้อหาต่อ');
    });

    it('goes on over a page break, unless the page ends with a short line', () => {
      const lines = [line('ต้นย่อหน้า', 0), line('ต่อ', 1, { page: 2 }), line('จบ', 2, { page: 2, width: 40 }), line('ใหม่', 0, { page: 3 })];
      assert.equal(joinLines(lines), 'ต้นย่อหน้าต่อจบ\n\nใหม่');
    });

    it('never goes on over a page without lines between two pages (a scanned page)', () => {
      const lines = [line('ต้นย่อหน้า', 0), line('ต่อ', 1), line('หน้าสาม', 0, { page: 3 }), line('ต่อ', 1, { page: 3 })];
      assert.equal(joinLines(lines), 'ต้นย่อหน้าต่อ\n\nหน้าสามต่อ');
    });

    it('drops a line of Thai combining marks alone (marks drawn apart from their text)', () => {
      // Chromium leaves such marks at the foot of a page; the paragraph goes on over the page break
      const lines = [line('ความร่วมมือระหว่างหลาย', 0), line('ภาคส่วน', 1), line('\u0e48 \u0e48 \u0e48', 30, { x: 140, width: 290 }), line('ต่อ', 0, { page: 2 })];
      assert.equal(joinLines(lines), 'ความร่วมมือระหว่างหลายภาคส่วนต่อ');
      assert.equal(joinLines([line('\u0e49\uf70a', 0)]), '');
    });

    it('reads two columns with the margins of each: a paragraph goes on into the next column, an indent there breaks', () => {
      const col = (text: string, row: number, column: number, opts: Partial<TextLine> = {}): TextLine => line(text, row, { x: column ? 320 : 50, width: 250, column, ...opts });
      const lines = [
        line('หัวเรื่องข้ามสองคอลัมน์', 0, { width: 520 }),
        col('ย่อหน้าแรก', 2, 0),
        col('ต่อ', 3, 0),
        col('ยังต่อ', 2, 1),
        col('จบ', 3, 1, { width: 40 }),
        col('ย่อหน้าใหม่', 4, 1, { x: 340, width: 230 }),
        col('ต่อ', 5, 1),
      ];
      assert.equal(joinLines(lines), 'หัวเรื่องข้ามสองคอลัมน์\n\nย่อหน้าแรกต่อยังต่อจบ\n\nย่อหน้าใหม่ต่อ');
    });

    it('gives nothing for no lines or blank lines', () => {
      assert.equal(joinLines([]), '');
      assert.equal(joinLines([line('  ', 0)]), '');
    });
  });

  describe('removeRunningLines', () => {
    const page = (n: number, body: string[]): TextLine[] => [
      line('รายงานประจำปี 2564', 0, { page: n }),
      ...body.map((t, i) => line(t, i + 1, { page: n })),
      line(`- ${n} -`, body.length + 2, { page: n }),
    ];

    it('removes a header repeated on the pages and the page numbers', () => {
      const pages = [page(1, ['หนึ่ง', 'สอง']), page(2, ['สาม']), page(3, ['สี่', 'ห้า'])];
      assert.deepEqual(
        removeRunningLines(pages).map((p) => p.map((l) => l.text)),
        [['หนึ่ง', 'สอง'], ['สาม'], ['สี่', 'ห้า']],
      );
    });

    it('keeps a line that appears once, and the body lines that repeat in the middle of a page', () => {
      const pages = [
        [line('ชื่อเรื่อง', 0), line('ก', 1), line('ซ้ำ', 2), line('ข', 3), line('ค', 4)],
        [line('ง', 0, { page: 2 }), line('จ', 1, { page: 2 }), line('ซ้ำ', 2, { page: 2 }), line('ฉ', 3, { page: 2 }), line('ช', 4, { page: 2 })],
      ];
      assert.deepEqual(
        removeRunningLines(pages).map((p) => p.map((l) => l.text)),
        [['ชื่อเรื่อง', 'ก', 'ซ้ำ', 'ข', 'ค'], ['ง', 'จ', 'ซ้ำ', 'ฉ', 'ช']],
      );
    });

    it('removes a running header once a page: a title the same as it stays', () => {
      const pages = [page(1, ['รายงานประจำปี 2564', 'หนึ่ง']), page(2, ['สอง'])];
      assert.deepEqual(
        removeRunningLines(pages).map((p) => p.map((l) => l.text)),
        [['รายงานประจำปี 2564', 'หนึ่ง'], ['สอง']],
      );
    });

    it('takes page numbers in their usual forms, not years', () => {
      for (const t of ['3', '- 3 -', 'หน้า 3', 'Page 12', '3/10', '๓', '(4)']) {
        assert.deepEqual(removeRunningLines([[line(t, 0), line('เนื้อหา', 1), line('ต่อ', 2), line('จบ', 3), line('ท้าย', 4)]])[0].length, 4, t);
      }
      assert.equal(removeRunningLines([[line('2564', 0), line('เนื้อหา', 1)]])[0].length, 2);
    });

    it('keeps a number alone at the foot of a page that is no page number (the wrapped end of a URL)', () => {
      const foot = (n: number, body: string[]): TextLine[] => [...body.map((t, i) => line(t, i, { page: n })), line(String(n), 40, { page: n })];
      const pages = [foot(1, ['หนึ่ง', 'สอง']), foot(2, ['ที่มา : https://www.thaigov.go.th/news/contents/details/4', '4380'])];
      assert.deepEqual(
        removeRunningLines(pages).map((p) => p.map((l) => l.text)),
        [['หนึ่ง', 'สอง'], ['ที่มา : https://www.thaigov.go.th/news/contents/details/4', '4380']],
      );
    });
  });
});
