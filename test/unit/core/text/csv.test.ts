import { strict as assert } from 'node:assert';
import { csvCell, csvRow } from '../../../../src/core/text/csv';

describe('the CSV writer', () => {
  it('quotes per RFC 4180 only where needed', () => {
    assert.equal(csvCell('ไทย'), 'ไทย');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\r\nlines'), '"two\r\nlines"');
    assert.equal(csvCell(undefined), '');
    assert.equal(csvCell(-42), '-42');
  });

  it('guards text that a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=2+3.txt'), "'=2+3.txt");
    assert.equal(csvCell('=cmd|calc'), "'=cmd|calc");
    assert.equal(csvCell('@sum(1)'), "'@sum(1)");
    assert.equal(csvCell('+1,2'), '"\'+1,2"');
    assert.equal(csvCell('-x', { guardFormulas: false }), '-x');
    assert.equal(csvRow(['=a', 1, undefined, 'b']), "'=a,1,,b");
  });
});
