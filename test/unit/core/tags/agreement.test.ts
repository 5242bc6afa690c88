import { strict as assert } from 'node:assert';
import { codingAgreement, codingDisagreements, type CodedRange } from '../../../../src/core/tags/agreement';

const r = (coder: string, start: number, end: number, theme = 't', document = 'd.txt'): CodedRange => ({ coder, document, theme, start, end });
const near = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual}, expected ${expected}`);
const one = (ranges: CodedRange[], coders = ['A', 'B'], length = 10) => codingAgreement(ranges, coders, ['t'], new Map([['d.txt', length]]))[0];

describe('agreement: statistics at character level, checked by hand', () => {
  it('overlapping codings: percent, kappa and alpha', () => {
    // A codes 0-4, B 2-6 of 10 characters: both 2, A only 2, B only 2, neither 4
    const row = one([r('A', 0, 4), r('B', 2, 6)]);
    assert.deepEqual([row.units, row.both, row.onlyA, row.onlyB, row.neither], [10, 2, 2, 2, 4]);
    near(row.percent, 0.6, 'po');
    // pe = 0.4·0.4 + 0.6·0.6 = 0.52; kappa = 0.08 / 0.48
    near(row.kappa, 1 / 6, 'kappa');
    // 20 values, 8 coded, 12 not; 4 units disagree: alpha = 1 - 19·4 / (8·12)
    near(row.alpha, 20 / 96, 'alpha');
  });

  it('a theme nobody used: total agreement, kappa and alpha 1', () => {
    const row = one([r('A', 0, 3, 'other')]);
    assert.deepEqual([row.units, row.neither, row.percent, row.kappa, row.alpha], [10, 10, 1, 1, 1]);
  });

  it('total agreement: 1 everywhere', () => {
    const row = one([r('A', 0, 5), r('B', 0, 3), r('B', 3, 5)]);
    assert.deepEqual([row.both, row.neither, row.percent, row.kappa, row.alpha], [5, 5, 1, 1, 1]);
  });

  it('one coder coding everything: kappa 0, alpha below 0', () => {
    // A codes all 10, B 3: po 0.3, pe = 1·0.3 + 0·0.7 = 0.3, kappa 0; alpha = 1 - 19·7 / (13·7)
    const row = one([r('A', 0, 10), r('B', 0, 3)]);
    near(row.percent, 0.3, 'po');
    near(row.kappa, 0, 'kappa');
    near(row.alpha, -6 / 13, 'alpha');
    // both coders coding everything: no chance to disagree, and no disagreement
    const all = one([r('A', 0, 10), r('B', 0, 10)]);
    assert.deepEqual([all.percent, all.kappa, all.alpha], [1, 1, 1]);
  });

  it('Krippendorff\'s alpha for three coders', () => {
    // 4 characters: A and B code 0-2, C codes 0-1; only character 1 is disputed (2 coded, 1 not)
    // 12 values, 5 coded, 7 not: alpha = 1 - 11·(2/2) / (5·7) = 24/35
    const row = one([r('A', 0, 2), r('B', 0, 2), r('C', 0, 1)], ['A', 'B', 'C'], 4);
    near(row.alpha, 24 / 35, 'alpha');
  });

  it('rows per theme and document, per theme, per document and overall; the pooled counts are summed', () => {
    const rows = codingAgreement([r('A', 0, 4), r('B', 2, 6), r('A', 0, 2, 'u', 'e.txt'), r('B', 0, 2, 'u', 'e.txt'), r('X', 0, 9)], ['A', 'B'], ['t', 'u'], new Map([['d.txt', 10], ['e.txt', 4]]));
    assert.deepEqual(
      rows.map((x) => [x.theme ?? '*', x.document ?? '*', x.units, x.both, x.onlyA, x.onlyB]),
      [
        ['t', 'd.txt', 10, 2, 2, 2],
        ['t', 'e.txt', 4, 0, 0, 0],
        ['u', 'd.txt', 10, 0, 0, 0],
        ['u', 'e.txt', 4, 2, 0, 0],
        ['t', '*', 14, 2, 2, 2],
        ['u', '*', 14, 2, 0, 0],
        ['*', 'd.txt', 20, 2, 2, 2],
        ['*', 'e.txt', 8, 2, 0, 0],
        ['*', '*', 28, 4, 2, 2],
      ],
    );
    near(rows[8].percent, 24 / 28, 'overall po');
  });
});

describe('agreement: the passages two coders disagree on', () => {
  it('the runs coded by one coder only, joined across touching tags, by document and position', () => {
    const ranges = [
      r('A', 0, 4), // A only 0-2, both 2-4
      r('B', 2, 6), // B only 4-6
      r('A', 8, 9),
      r('A', 9, 12), // touching: one run 8-12
      r('B', 0, 3, 'u'), // another theme: B only
      r('A', 5, 7, 't', 'a.txt'),
      r('X', 0, 20), // a third coder is not compared
    ];
    assert.deepEqual(
      codingDisagreements(ranges, 'A', 'B').map((d) => [d.document, d.theme, d.start, d.end, d.coder]),
      [
        ['a.txt', 't', 5, 7, 'A'],
        ['d.txt', 't', 0, 2, 'A'],
        ['d.txt', 'u', 0, 3, 'B'],
        ['d.txt', 't', 4, 6, 'B'],
        ['d.txt', 't', 8, 12, 'A'],
      ],
    );
  });

  it('none where the coders agree, and none for a coder without tags but the other\'s runs', () => {
    assert.deepEqual(codingDisagreements([r('A', 0, 4), r('B', 0, 4)], 'A', 'B'), []);
    assert.deepEqual(codingDisagreements([r('A', 3, 5)], 'A', 'B'), [{ document: 'd.txt', theme: 't', start: 3, end: 5, coder: 'A' }]);
  });
});
