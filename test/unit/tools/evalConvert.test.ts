import { strict as assert } from 'node:assert';
import { characterErrorRate, comparable, editDistance, sourceHtml } from '../../../src/tools/evalConvert';
import { htmlToText } from '../../../src/convert/html';

describe('eval --convert', () => {
  it('counts edits (insertions, deletions, substitutions)', () => {
    assert.equal(editDistance('', ''), 0);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('ที่', 'ท่ี'), 2);
    assert.equal(editDistance('abc', ''), 3);
  });

  it('compares text without the front matter, the page markers and the layout of white space', () => {
    assert.equal(comparable('---\nsource: "a.pdf"\n---\nหนึ่ง\n\n[หน้า 2]\n\nสอง  สาม\n'), 'หนึ่ง สอง สาม');
    assert.equal(characterErrorRate('หนึ่ง\nสอง', '---\nx: 1\n---\nหนึ่ง สอง\n'), 0);
    assert.equal(characterErrorRate('abcd', 'abed'), 0.25);
    assert.equal(characterErrorRate('ab cd', 'abcd'), 0.2);
    assert.equal(characterErrorRate('ab cd', 'abcd', false), 0);
  });

  it('writes a web page whose readable text is the source', () => {
    assert.equal(htmlToText(sourceHtml('ย่อหน้า <หนึ่ง> & ต่อ\nสอง', 't')), 'ย่อหน้า <หนึ่ง> & ต่อ\n\nสอง');
  });
});
