import { strict as assert } from 'node:assert';
import { collectFigures } from '../../../src/tools/benchEditor';

describe('benchEditor: the figures of a measuring suite', () => {
  it('keeps the figure lines and judges those with a target', () => {
    const output = [
      'test-vscode: suite default',
      '  big documents',
      '[extension host] editor figure: 5mb-keystroke-to-paint-p90-ratio 1.14 x (target at most 1.5)',
      'editor figure: 2mb-shown-to-highlights-median 420.0 ms (target at most 300)   ',
      'editor figure: 5mb-typing-host-stall-max 100.0 ms (target at most 100; 0 stalls over 100 ms)',
      'workspace figure: rss-with-themes-view 612 MB (target at most 600)',
      'editor figure: 5mb-edit-to-highlights-p90 61.2 ms (target none)',
      'editor figure: 5mb-keystroke-to-paint-highlights-on-p90 80.0 ms (target at most 1.5x the p90 with highlights off)',
      'a figure: that is not a figure line',
      '1 passed, 0 failed',
    ].join('\n');
    assert.deepEqual(collectFigures(output, 0), {
      figures: [
        '5mb-keystroke-to-paint-p90-ratio 1.14 x (target at most 1.5) -> met',
        '2mb-shown-to-highlights-median 420.0 ms (target at most 300) -> NOT met',
        '5mb-typing-host-stall-max 100.0 ms (target at most 100; 0 stalls over 100 ms) -> met',
        'rss-with-themes-view 612 MB (target at most 600) -> NOT met',
        '5mb-edit-to-highlights-p90 61.2 ms (target none)',
        '5mb-keystroke-to-paint-highlights-on-p90 80.0 ms (target at most 1.5x the p90 with highlights off)',
      ],
      met: 2,
      missed: 2,
      status: 0,
    });
  });

  it('a suite that printed nothing has no figures', () => {
    assert.deepEqual(collectFigures('test-vscode: no test entry\n', 1), { figures: [], met: 0, missed: 0, status: 1 });
  });
});
