import { strict as assert } from 'node:assert';
import { collectFigures } from '../../../src/tools/benchEditor';

describe('benchEditor: the figures of a measuring suite', () => {
  it('keeps the figure lines and counts the targets met and not met', () => {
    const output = [
      'test-vscode: suite default',
      '  big documents',
      '[extension host] figure: 5 MB, keystroke to paint p90: 80 ms with highlights, 70 ms without: 1.14x (target <= 1.5x) -> met',
      'figure: 2 MB, open to highlights: 420 ms (target <= 300 ms) -> NOT met   ',
      'figure: 5 MB, ranges sent per edit: 1,200',
      'a figure: that is not a figure line',
      '1 passed, 0 failed',
    ].join('\n');
    assert.deepEqual(collectFigures(output, 0), {
      figures: [
        '5 MB, keystroke to paint p90: 80 ms with highlights, 70 ms without: 1.14x (target <= 1.5x) -> met',
        '2 MB, open to highlights: 420 ms (target <= 300 ms) -> NOT met',
        '5 MB, ranges sent per edit: 1,200',
      ],
      met: 1,
      missed: 1,
      status: 0,
    });
  });

  it('a suite that printed nothing has no figures', () => {
    assert.deepEqual(collectFigures('test-vscode: no test entry\n', 1), { figures: [], met: 0, missed: 0, status: 1 });
  });
});
