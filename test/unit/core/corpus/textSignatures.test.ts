import { strict as assert } from 'node:assert';
import { mayContain, needleBits, paragraphSignatures, SIGNATURE_WORDS } from '../../../../src/core/corpus/textSignatures';

/** One document, one paragraph: whether the signature lets `needle` through. */
function passes(text: string, needle: string): boolean {
  const signatures = paragraphSignatures([0, 0, text.length], 3, () => text);
  return mayContain(signatures, 0, needleBits(needle));
}

/** Corpus's search: lower-cased text and needle when the needle has case, raw otherwise. */
function found(text: string, needle: string): boolean {
  const cased = needle.toLowerCase() !== needle.toUpperCase();
  return cased ? text.toLowerCase().includes(needle.toLowerCase()) : text.includes(needle);
}

describe('core/corpus/textSignatures', () => {
  it('lets through every paragraph that holds the needle, Thai and English, any case', () => {
    const text = 'กระทรวงการต่างประเทศ แถลงความร่วมมือกับ ASEAN และ Myanmar ปี 2566';
    for (const needle of ['ความร่วมมือ', 'asean', 'ASEAN', 'Asean', 'myanmar', 'ปี 2566', 'A', 'ก', 'N และ', 'ศ แถลง']) {
      assert.ok(found(text, needle), needle);
      assert.equal(passes(text, needle), true, needle);
    }
  });

  it('keeps out a paragraph without the needle', () => {
    const text = 'กระทรวงการต่างประเทศ แถลงข่าวการประชุม';
    assert.equal(passes(text, 'ผู้ลี้ภัย'), false);
    assert.equal(passes(text, 'refugee'), false);
  });

  it('has no false negatives where lower case changes a unit (İ, the Kelvin sign) or around other scripts', () => {
    // each code unit of the BMP between Thai letters and ASCII, searched as Corpus searches
    for (let u = 0; u < 0x10000; u++) {
      if (u >= 0xd800 && u <= 0xdfff) continue;
      const c = String.fromCharCode(u);
      const text = `กข${c}ab`;
      for (const needle of [`ข${c.toLowerCase()}a`, `ข${c}`, `${c}ab`, `${c.toLowerCase()}a`]) {
        if (found(text, needle)) assert.equal(passes(text, needle), true, `U+${u.toString(16)} in ${JSON.stringify(needle)}`);
      }
    }
  });

  it('sees only the paragraph span, and lets through paragraphs of a document it has no text for', () => {
    const text = 'หนึ่ง ผู้ลี้ภัย\n\nสอง การค้า';
    const second = text.indexOf('สอง');
    const signatures = paragraphSignatures([0, 0, second - 2, 0, second, text.length, 1, 0, 10], 3, (d) => (d === 0 ? text : undefined));
    assert.equal(signatures.length, 3 * SIGNATURE_WORDS);
    const bits = needleBits('ผู้ลี้ภัย');
    assert.deepEqual([0, 1, 2].map((p) => mayContain(signatures, p, bits)), [true, false, true]);
  });

  it('cannot filter on a needle without two plain units in a row', () => {
    assert.deepEqual(needleBits('ก'), []);
    assert.deepEqual(needleBits('日本'), []);
  });
});
