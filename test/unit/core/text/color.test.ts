import { strict as assert } from 'node:assert';
import { COLOR_PATTERN, opaqueHex } from '../../../../src/core/text/color';

describe('colours', () => {
  it('takes the four forms a glossary may write', () => {
    for (const c of ['#f80', '#f80c', '#ff8800', '#ff8800cc']) assert.ok(COLOR_PATTERN.test(c), c);
    for (const c of ['f80', '#f8', '#ff88000', '#ggg', 'red', '#ff8800cc0']) assert.ok(!COLOR_PATTERN.test(c), c);
  });

  it('expands short forms and drops the alpha: #f80c is #ff8800, not #f80c', () => {
    assert.equal(opaqueHex('#f80'), '#ff8800');
    assert.equal(opaqueHex('#f80c'), '#ff8800');
    assert.equal(opaqueHex('#FF8800'), '#FF8800');
    assert.equal(opaqueHex('#ff8800cc'), '#ff8800');
    assert.equal(opaqueHex(' #abc '), '#aabbcc');
  });
});
