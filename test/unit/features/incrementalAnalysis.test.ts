import { strict as assert } from 'node:assert';
import { diplomacyAnalyzer as analyzer } from '../../support/diplomacyAnalyzer';
import type { Analyzer } from '../../../src/core/recognize/analyze';
import type { Annotation } from '../../../src/core/types';
import { analysisWindow, analyzeIncrementally, annotationKey, queueEdits, type PendingEdit } from '../../../src/features/incrementalAnalysis';
import { InMemoryDocument } from '../../../src/features/inMemoryDocument';

// A short cabinet resolution written for these tests (CRLF line ends in one of them).
const LINES = [
  'มติคณะรัฐมนตรี',
  'เมื่อวันที่ 16 พฤศจิกายน 2564 ไทยและญี่ปุ่นหารือเรื่องการทูตดิจิทัล',
  'ทั้งสองฝ่ายสนับสนุนความมั่นคงทางทะเลในภูมิภาค',
  'และจะประชุมกันอีกครั้งในปี พ.ศ. 2570',
  'ที่กรุงเทพฯ',
];

const REFERENCE = { referenceDate: '2025-01-01' };

/**
 * Follows a document through edits as the analysis service does: each edit is analysed
 * incrementally and the result compared with a full analysis of the new text.
 */
class Followed {
  readonly doc: InMemoryDocument;
  annotations: Annotation[];
  constructor(
    private readonly an: Analyzer,
    text: string,
  ) {
    this.doc = new InMemoryDocument('file:///resolution.txt', text);
    this.annotations = an.analyze(text, REFERENCE);
  }
  edit(start: number, end: number, insert: string): { changedKeys: string[]; window: [number, number] } {
    const edits = queueEdits([], [this.doc.edit(start, end, insert)]);
    assert.notEqual(edits, 'full');
    const result = analyzeIncrementally(this.doc.getText(), this.annotations, edits as PendingEdit[], (text) => this.an.analyze(text, REFERENCE));
    this.annotations = result.annotations;
    assert.deepEqual(this.annotations, this.an.analyze(this.doc.getText(), REFERENCE), 'the same as a full analysis');
    return { changedKeys: [...result.changedKeys].sort(), window: result.window };
  }
}

describe('incremental analysis', () => {
  it('gives what a full analysis gives, after typing, deleting and pasting anywhere', () => {
    const an = analyzer();
    for (const eol of ['\n', '\r\n']) {
      const text = LINES.join(eol);
      const f = new Followed(an, text);
      const at = (needle: string) => f.doc.getText().indexOf(needle);
      f.edit(0, 0, 'ด่วน ');
      f.edit(at('ญี่ปุ่น'), at('ญี่ปุ่น') + 'ญี่ปุ่น'.length, 'เกาหลีใต้');
      f.edit(at('2564'), at('2564') + 4, '2565');
      f.edit(at('ทะเลในภูมิภาค') + 2, at('ทะเลในภูมิภาค') + 2, 'x'); // inside a term: no longer one
      f.edit(at('ทxะเล') + 1, at('ทxะเล') + 2, ''); // and back
      f.edit(at('ที่กรุงเทพฯ'), at('ที่กรุงเทพฯ'), 'การทูตดิจิทัลกับจีน' + eol);
      f.edit(at(eol + 'และจะประชุม'), at(eol + 'และจะประชุม') + eol.length, ''); // two lines made one
      f.edit(f.doc.getText().length, f.doc.getText().length, eol + 'วันที่ 1 ม.ค. 2568');
      f.edit(0, f.doc.getText().length, ''); // everything deleted
      assert.deepEqual(f.annotations, []);
    }
  });

  it('analyses whole lines around the edit with one line of context, and says which highlights changed', () => {
    const text = LINES.join('\n');
    const f = new Followed(analyzer(), text);
    const lineStart = (n: number) => LINES.slice(0, n).join('\n').length + (n > 0 ? 1 : 0);
    // in line 3 (0-based 2): lines 1 to 3 analysed again
    const at = text.indexOf('สนับสนุน');
    const typed = f.edit(at, at, 'ยัง');
    assert.deepEqual(typed.window, [lineStart(1), lineStart(4) + 3]);
    assert.deepEqual(typed.changedKeys, [], 'nothing new: the term after it only moved');
    const term = f.doc.getText().indexOf('ความมั่นคงทางทะเล');
    assert.deepEqual(f.edit(term, term + 3, '').changedKeys, ['theme:maritime']);
    assert.deepEqual(f.edit(0, 0, 'ไทย ').changedKeys, ['country']);
    assert.deepEqual(f.edit(0, 0, '').window, [0, lineStart(2) + 4], 'the first line: no line before it');
  });

  it('widens the window over an annotation that crosses its edge', () => {
    const text = 'บรรทัดแรก\nบรรทัดที่สอง\nบรรทัดที่สาม';
    const long: Annotation = { kind: 'date', start: 2, end: text.indexOf('สาม'), text: '', calendar: 'none' };
    const edge = text.lastIndexOf('\n') + 1;
    assert.deepEqual(analysisWindow(text, [long], edge + 2, edge + 2), [0, text.length]);
    assert.deepEqual(analysisWindow(text, [], edge + 2, edge + 2), [text.indexOf('\n') + 1, text.length]);
  });

  it('queues single edits, and asks for a full analysis for a change in several parts, a large edit or many edits', () => {
    const doc = new InMemoryDocument('file:///a.txt', 'ก'.repeat(30_000));
    let pending = queueEdits([], [doc.edit(0, 1, 'ข')]);
    assert.deepEqual(pending, [{ start: 0, oldEnd: 1, newLength: 1 }]);
    pending = queueEdits(pending, [doc.edit(5, 5, 'คค')]);
    assert.deepEqual(pending, [
      { start: 0, oldEnd: 1, newLength: 1 },
      { start: 5, oldEnd: 5, newLength: 2 },
    ]);
    assert.equal(queueEdits(pending, [doc.edit(0, 0, 'a'), doc.edit(3, 3, 'b')]), 'full');
    assert.equal(queueEdits([], [doc.edit(0, 20_001, '')]), 'full');
    assert.equal(queueEdits([], [doc.edit(0, 0, 'x'.repeat(20_001))]), 'full');
    assert.equal(queueEdits('full', [doc.edit(0, 0, 'x')]), 'full');
    let many: PendingEdit[] | 'full' = [];
    for (let i = 0; i < 16; i++) many = queueEdits(many, [doc.edit(i, i, 'x')]);
    assert.equal((many as PendingEdit[]).length, 16);
    assert.equal(queueEdits(many, [doc.edit(0, 0, 'x')]), 'full');
  });

  it('groups annotations as they are drawn', () => {
    assert.equal(annotationKey({ kind: 'term', start: 0, end: 1, text: '', theme: 'maritime', term: '' }), 'theme:maritime');
    assert.equal(annotationKey({ kind: 'country', start: 0, end: 1, text: '', country: 'JP' }), 'country');
    assert.equal(annotationKey({ kind: 'date', start: 0, end: 1, text: '', calendar: 'BE' }), 'date');
  });

  it('drops a date that holds terms when an edit touches it past them, and shifts what follows in place', () => {
    const text = 'aaaaaaaaa\n'.repeat(10);
    const mk = (kind: string, start: number, end: number) => ({ kind, start, end, theme: 't' }) as unknown as Annotation;
    const previous = [mk('date', 0, 20), mk('term', 2, 4), mk('term', 6, 8), mk('term', 80, 82)];
    const after = previous[3];
    // the window analysed again is lines 0-3 ([0, 40)): the terms are found again, the date not
    const result = analyzeIncrementally(text, previous, [{ start: 15, oldEnd: 15, newLength: 1 }], (w) => {
      assert.equal(w.length, 40);
      return [mk('term', 2, 4), mk('term', 6, 8)];
    });
    assert.deepEqual(result.window, [0, 40]);
    assert.deepEqual(
      result.annotations.map((a) => `${a.kind}:${a.start}-${a.end}`),
      ['term:2-4', 'term:6-8', 'term:81-83'],
    );
    assert.equal(result.annotations, previous, 'the same list, changed in place');
    assert.equal(result.annotations[2], after);
    assert.deepEqual([...result.changedKeys], ['date']);
  });
});
