import { strict as assert } from 'node:assert';
import { diplomacyAnalyzer as analyzer } from '../../support/diplomacyAnalyzer';
import type { Annotation } from '../../../src/core/types';
import { analyzeChunk, annotationsWithin, chunkOrder, drawnLines, overviewMarks, planChunks, windowCovers } from '../../../src/features/largeDocuments';

// Lines written for these tests: terms, countries, dates (one split over a line break) and blank lines.
const LINES = [
  'มติคณะรัฐมนตรี',
  'เมื่อวันที่ 16 พฤศจิกายน 2564 ไทยและญี่ปุ่นหารือเรื่องการทูตดิจิทัล',
  'ทั้งสองฝ่ายสนับสนุนความมั่นคงทางทะเลในภูมิภาค',
  '',
  'และจะประชุมกันอีกครั้งในปี พ.ศ. 2570 ที่กรุงเทพฯ กับสาธารณรัฐอินโดนีเซีย',
  'ระหว่างวันที่ 1-3 มีนาคม',
  '2568 ณ กรุงจาการ์ตา',
];

const spans = (list: readonly Annotation[]) => list.map((a) => `${a.kind}:${a.start}-${a.end}`);

describe('features/largeDocuments', () => {
  const a = analyzer();
  const analyze = (text: string) => a.analyze(text, { referenceDate: '2025-01-01' });

  it('plans whole-line chunks that cover the text once, with a line of context each side', () => {
    const text = 'aaa\nbbb\nccc\nddd\n';
    assert.deepEqual(planChunks(text, 5), [
      { start: 0, end: 8, from: 0, to: 12 },
      { start: 8, end: 16, from: 4, to: 16 },
    ]);
    assert.deepEqual(planChunks('', 5), []);
    assert.deepEqual(planChunks('no line break at all', 5), [{ start: 0, end: 20, from: 0, to: 20 }]);
  });

  for (const size of [1, 40, 97, 500]) {
    it(`gives the whole text's analysis from chunks of ${size} characters`, () => {
      const text = Array.from({ length: 40 }, (_, i) => LINES[i % LINES.length]).join('\n') + '\n';
      const whole = analyze(text);
      assert.ok(whole.filter((x) => x.kind === 'date').length >= 10 && whole.some((x) => x.kind === 'country') && whole.some((x) => x.kind === 'term'));
      const chunked = planChunks(text, size).flatMap((c) => analyzeChunk(text, c, analyze));
      assert.deepEqual(spans(chunked), spans(whole));
      assert.deepEqual(chunked, whole);
    });
  }

  it('analyses the chunks of the lines on screen first; put back in order they give the whole analysis', () => {
    const text = Array.from({ length: 40 }, (_, i) => LINES[i % LINES.length]).join('\n') + '\n';
    const chunks = planChunks(text, 97);
    assert.ok(chunks.length > 6);
    const span: [number, number] = [chunks[3].start + 5, chunks[4].end - 5];
    const { order, first } = chunkOrder(chunks, span);
    assert.deepEqual(order.slice(0, first), [3, 4]);
    assert.deepEqual([...order].sort((x, y) => x - y), chunks.map((_, i) => i));
    assert.deepEqual(order.slice(first), chunks.map((_, i) => i).filter((i) => i !== 3 && i !== 4));
    // in the order analysed, each chunk's annotations kept in its slot
    const found: Annotation[][] = [];
    for (const i of order) found[i] = analyzeChunk(text, chunks[i], analyze);
    assert.deepEqual(found.flat(), analyze(text));
    // the first chunks alone: every annotation of the span
    const within = (list: readonly Annotation[]) => spans(annotationsWithin(list, span[0], span[1]));
    assert.deepEqual(within(order.slice(0, first).flatMap((i) => found[i])), within(analyze(text)));
    assert.deepEqual(chunkOrder(chunks), { order: chunks.map((_, i) => i), first: 0 });
  });

  it('draws the visible lines and a margin, and says when scrolling leaves them', () => {
    assert.deepEqual(drawnLines([[1000, 1040]], 5000, 300), [700, 1340]);
    assert.deepEqual(drawnLines([[10, 40], [4900, 4990]], 5000, 300), [0, 4999]);
    assert.deepEqual(drawnLines([], 5000, 300), [0, 600]);
    assert.equal(windowCovers([700, 1340], [[1100, 1140]], 5000, 300), true);
    assert.equal(windowCovers([700, 1340], [[1200, 1240]], 5000, 300), false);
    assert.equal(windowCovers([700, 1340], [[800, 840]], 5000, 300), false);
    assert.equal(windowCovers([0, 640], [[10, 40]], 5000, 300), true);
    assert.equal(windowCovers([4600, 4999], [[4950, 4990]], 5000, 300), true);
  });

  const ann = (kind: 'term' | 'country', start: number, end: number, theme = 'x'): Annotation =>
    (kind === 'term' ? { kind, start, end, theme, text: '', term: '' } : { kind, start, end, text: '', country: '' }) as unknown as Annotation;

  it('takes the annotations overlapping a span', () => {
    const list = [ann('term', 0, 5), ann('term', 8, 20), ann('country', 21, 25), ann('term', 30, 35)];
    assert.deepEqual(spans(annotationsWithin(list, 10, 30)), ['term:8-20', 'country:21-25']);
    assert.deepEqual(spans(annotationsWithin(list, 5, 8)), []);
    assert.deepEqual(spans(annotationsWithin(list, 0, 100)), spans(list));
  });

  it('summarises the overview ruler outside the drawn span: one mark per key and stretch', () => {
    const list = [ann('term', 0, 2, 'a'), ann('term', 3, 5, 'a'), ann('country', 4, 6), ann('term', 12, 14, 'a'), ann('term', 25, 27, 'b'), ann('term', 38, 39, 'a')];
    // 4 stretches of 10 characters; [20, 30) is drawn
    assert.deepEqual([...overviewMarks(list, 40, 20, 30, 4)], [
      ['theme:a', [0, 12, 38]],
      ['country', [4]],
    ]);
  });
});
