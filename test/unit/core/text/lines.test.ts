import { strict as assert } from 'node:assert';
import { LineIndex, lineColumnAt } from '../../../../src/core/text/lines';

describe('LineIndex', () => {
  const text = 'ก\nขค\r\nง\rจ';
  const lines = new LineIndex(text);

  it('ends lines at \\n, \\r\\n and a lone \\r, as the editor does', () => {
    assert.equal(lines.lineCount, 4);
    assert.deepEqual([...text].map((_, i) => lines.lineOf(i)), [0, 0, 1, 1, 1, 1, 2, 2, 3]);
    assert.deepEqual([0, 2, 7, 8].map((o) => lines.lineNumber(o)), [1, 2, 3, 4]);
  });

  it('gives each line its start and its end before the line break', () => {
    assert.deepEqual([0, 1, 2, 3].map((l) => [lines.lineStart(l), lines.lineEnd(l)]), [
      [0, 1],
      [2, 4],
      [6, 7],
      [8, 9],
    ]);
    assert.equal(text.slice(lines.lineStart(1), lines.lineEnd(1)), 'ขค');
  });

  it('clamps offsets past either end and counts a final empty line', () => {
    assert.equal(lines.lineOf(-5), 0);
    assert.equal(lines.lineOf(10_000), 3);
    assert.deepEqual(lineColumnAt(text, 10_000), { line: 4, column: 2 });
    const trailing = new LineIndex('a\n');
    assert.equal(trailing.lineCount, 2);
    assert.equal(trailing.lineEnd(1), 2);
    assert.equal(new LineIndex('').lineCount, 1);
  });

  it('gives 1-based line and column for messages', () => {
    assert.deepEqual(lineColumnAt('ab\ncd', 4), { line: 2, column: 2 });
    assert.deepEqual(lineColumnAt('ก\r\nขค', 4), { line: 2, column: 2 });
  });

  it('answers many offsets of a long text without counting from the start each time', () => {
    const big = 'บรรทัด\n'.repeat(200_000);
    const index = new LineIndex(big);
    let sum = 0;
    for (let i = 0; i < 200_000; i++) sum += index.lineOf(i * 7);
    assert.equal(sum, (199_999 * 200_000) / 2);
  });
});
