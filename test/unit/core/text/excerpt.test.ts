import { strict as assert } from 'node:assert';
import { oneLine, truncateLabel } from '../../../../src/core/text/excerpt';

describe('truncateLabel', () => {
  it('keeps short text and cuts long text with an ellipsis', () => {
    assert.equal(truncateLabel('สาระสำคัญ', 60), 'สาระสำคัญ');
    assert.equal(truncateLabel('1. abcdefghij', 6), '1. abc…');
  });

  it('never separates a Thai consonant from its vowel and tone marks, nor a surrogate pair', () => {
    // "ที่" is ท + ี + ่; "รั้" is ร + ั + ้
    assert.equal(truncateLabel('ที่ประชุม', 1), 'ที่…');
    assert.equal(truncateLabel('กี่ครั้ง', 5), 'กี่ครั้…');
    assert.equal(truncateLabel('a😀b', 2), 'a😀…');
  });
});

describe('oneLine', () => {
  it('puts the text on one line and leaves a short one as it is', () => {
    assert.equal(oneLine('  ข้อตกลง\n\tหยุดยิง  ', 40), 'ข้อตกลง หยุดยิง');
    assert.equal(oneLine('a'.repeat(40), 40), 'a'.repeat(40));
  });

  it('cuts a longer one to the limit, the ellipsis included', () => {
    assert.equal(oneLine('a'.repeat(41), 40), 'a'.repeat(39) + '…');
  });

  it('never leaves a Thai vowel or tone mark without its consonant where it cuts', () => {
    // the 39th character is ท, followed by its vowel ี and tone mark ่: both stay with it
    const text = 'ก'.repeat(38) + 'ที่ประชุมเห็นชอบ';
    assert.equal(oneLine(text, 40), 'ก'.repeat(38) + 'ที่…');
  });
});
