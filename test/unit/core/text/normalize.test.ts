import { strict as assert } from 'node:assert';
import { normalize, normalizeTerm, normalizeUnits, originalEnd } from '../../../../src/core/text/normalize';

/** The map as a plain array, for exact comparison. */
function mapOf(s: string): number[] {
  return Array.from(normalize(s).map);
}

describe('normalize', () => {
  it('leaves plain Thai text alone, with an identity map', () => {
    const r = normalize('ไทย');
    assert.equal(r.text, 'ไทย');
    assert.deepEqual(Array.from(r.map), [0, 1, 2, 3]);
  });

  it('turns Thai digits into ASCII digits, one for one', () => {
    const r = normalize('ปี ๒๕๖๔');
    assert.equal(r.text, 'ปี 2564');
    assert.deepEqual(Array.from(r.map), [0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('joins nikhahit + sara aa into sara am, mapping it to the nikhahit', () => {
    const r = normalize('กํา');
    assert.equal(r.text, 'กำ');
    assert.deepEqual(Array.from(r.map), [0, 1, 3]);
  });

  it('joins nikhahit + sara aa around a tone mark, in either order', () => {
    assert.equal(normalize('น้ํา').text, 'น้ำ'); // tone, nikhahit, aa
    assert.deepEqual(mapOf('น้ํา'), [0, 1, 2, 4]);
    assert.equal(normalize('นํ้า').text, 'น้ำ'); // nikhahit, tone, aa
    assert.deepEqual(mapOf('นํ้า'), [0, 1, 2, 4]);
    assert.equal(normalize('กํ').text, 'กํ'); // a lone nikhahit stays
  });

  it('removes zero-width characters, BOM and soft hyphen', () => {
    const r = normalize('a\u200Bb\u00ADc\u2060d\uFEFFe\u200Cf\u200Dg');
    assert.equal(r.text, 'abcdefg');
    assert.deepEqual(Array.from(r.map), [0, 2, 4, 6, 8, 10, 12, 13]);
  });

  it('turns each run of white space (no-break space too) into one space', () => {
    const r = normalize('ก \t\u00A0\nข');
    assert.equal(r.text, 'ก ข');
    assert.deepEqual(Array.from(r.map), [0, 1, 5, 6]);
    // a removed character inside a run does not split it
    assert.equal(normalize('a \u200B b').text, 'a b');
    assert.deepEqual(mapOf('a \u200B b'), [0, 1, 4, 5]);
  });

  it('drops ฯ after a word but keeps ฯลฯ', () => {
    const r = normalize('สหรัฐฯ และ');
    assert.equal(r.text, 'สหรัฐ และ');
    assert.deepEqual(Array.from(r.map), [0, 1, 2, 3, 4, 6, 7, 8, 9, 10]);
    assert.equal(normalize('ผลไม้ฯลฯ').text, 'ผลไม้ฯลฯ');
    assert.equal(normalize('กรุงเทพฯ ฯลฯ').text, 'กรุงเทพ ฯลฯ');
  });

  it('lower-cases Latin letters, accented ones too', () => {
    assert.equal(normalize('ASEAN Ünited İ').text, 'asean ünited i');
  });

  it('returns the same text from normalizeUnits', () => {
    const original = 'ปี ๒๕๖๔  สหรัฐฯ\u200B ASEAN';
    const units = normalizeUnits(original);
    assert.equal(String.fromCharCode(...units.units.subarray(0, units.length)), normalize(original).text);
    assert.deepEqual(Array.from(units.map), mapOf(original));
  });

  it('builds long texts through the fast path with the same result', () => {
    const piece = 'การทูต\u200Bดิจิทัล ๒๕๖๔  สหรัฐฯ ';
    const original = piece.repeat(500);
    const r = normalize(original);
    assert.equal(r.text, 'การทูตดิจิทัล 2564 สหรัฐ '.repeat(500));
    assert.equal(r.map[r.text.length], original.length);
    assert.equal(r.map[14], 15); // the first '2' comes after the removed zero-width space
  });

  it('handles the empty text', () => {
    const r = normalize('');
    assert.equal(r.text, '');
    assert.deepEqual(Array.from(r.map), [0]);
  });
});

describe('normalizeTerm', () => {
  it('applies the same rules and trims', () => {
    assert.equal(normalizeTerm('  สหรัฐฯ  '), 'สหรัฐ');
    assert.equal(normalizeTerm('Digital\u00A0 Diplomacy'), 'digital diplomacy');
    assert.equal(normalizeTerm('การนําเข้า'), 'การนำเข้า');
    assert.equal(normalizeTerm('\u200B'), '');
  });
});

describe('originalEnd', () => {
  it('keeps a ฯ that follows the span', () => {
    const original = 'สหรัฐฯ และ';
    const { map } = normalize(original);
    assert.equal(originalEnd(original, map, 5), 6);
  });

  it('leaves out zero-width characters that trail the span', () => {
    const original = 'ไทย\u200B\u200Bจีน';
    const { map } = normalize(original);
    assert.equal(originalEnd(original, map, 3), 3);
    assert.equal(originalEnd(original, map, 6), 8);
  });

  it('keeps a ฯ but not a zero-width space after it', () => {
    const original = 'สหรัฐฯ\u200B';
    const { map } = normalize(original);
    assert.equal(originalEnd(original, map, 5), 6);
  });
});
