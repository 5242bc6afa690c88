import { strict as assert } from 'node:assert';
import { anchor, boundedEditDistance, describeRange, farSearchBudget, mapRange, needsReanchor, type TrackedRange } from '../../../../src/core/tags/anchoring';

// Sentences in the style of a cabinet resolution, written for these tests.
const RESOLUTION =
  'ที่ประชุมคณะรัฐมนตรีเห็นชอบแนวทางความร่วมมือด้านความมั่นคงทางทะเลกับประเทศเพื่อนบ้าน และมอบหมายให้กระทรวงการต่างประเทศดำเนินการต่อไป';
const PASSAGE = 'ความร่วมมือด้านความมั่นคงทางทะเล'; // 32 UTF-16 code units, at 33

/** The selectors of the one occurrence of `needle` in `text`. */
function selectorsFor(text: string, needle: string) {
  const start = text.indexOf(needle);
  assert.ok(start >= 0 && text.indexOf(needle, start + 1) < 0, `"${needle}" occurs once`);
  return describeRange(text, start, start + needle.length);
}

describe('anchoring: selectors', () => {
  it('describes a passage with its exact text, 32 characters of context and its offsets', () => {
    assert.equal(RESOLUTION.indexOf(PASSAGE), 33);
    assert.equal(PASSAGE.length, 32);
    assert.deepEqual(describeRange(RESOLUTION, 33, 65), [
      { type: 'TextQuoteSelector', exact: PASSAGE, prefix: 'ี่ประชุมคณะรัฐมนตรีเห็นชอบแนวทาง', suffix: 'กับประเทศเพื่อนบ้าน และมอบหมายให' },
      { type: 'TextPositionSelector', start: 33, end: 65 },
    ]);
  });

  it('keeps less context at the edges of the text and never half a surrogate pair', () => {
    assert.deepEqual(describeRange('ก ข ค', 0, 1, 3)[0], { type: 'TextQuoteSelector', exact: 'ก', prefix: '', suffix: ' ข ' });
    const text = 'a😀bcd'; // the emoji is two code units, at 1 and 2
    assert.equal(describeRange(text, 3, 4, 2)[0].prefix, '😀'); // 2 units back lands on the pair's start
    assert.equal(describeRange(text, 3, 4, 1)[0].prefix, ''); // 1 unit back would split it
    assert.equal(describeRange('ab😀', 0, 1, 2)[0].suffix, 'b'); // forward: the pair is left out whole
  });
});

describe('anchoring: finding a passage again', () => {
  it('finds the exact text at its recorded position', () => {
    assert.deepEqual(anchor(RESOLUTION, selectorsFor(RESOLUTION, PASSAGE)), { start: 33, end: 65, method: 'position', similarity: 1 });
  });

  it('follows moved text: a new sentence before it', () => {
    const selectors = selectorsFor(RESOLUTION, PASSAGE);
    const inserted = 'กระทรวงการต่างประเทศรายงานผลการประชุมอาเซียน ';
    const changed = inserted + RESOLUTION;
    assert.deepEqual(anchor(changed, selectors), { start: 33 + inserted.length, end: 65 + inserted.length, method: 'quote', similarity: 1 });
  });

  it('of two occurrences, takes the one whose context matches, not the nearer one', () => {
    const selectors = selectorsFor(RESOLUTION, PASSAGE);
    // Another sentence with the same words lands exactly at the old offset 33.
    const other = 'รัฐบาลให้ความสำคัญต่อการส่งเสริม ' + PASSAGE + 'ในภูมิภาค ';
    assert.equal(other.indexOf(PASSAGE), 33);
    const changed = other + RESOLUTION;
    // exact text at the recorded position wins first: that is the rule
    assert.equal(anchor(changed, selectors)?.method, 'position');
    // with the position moved by the text before it, context decides
    const shifted = 'ร่าง ' + changed;
    const expected = shifted.lastIndexOf(PASSAGE);
    assert.deepEqual(anchor(shifted, selectors), { start: expected, end: expected + 32, method: 'quote', similarity: 1 });
    assert.equal(expected, 5 + other.length + 33);
  });

  it('follows the passage when the text before it changed (prefix no longer matches)', () => {
    const selectors = selectorsFor(RESOLUTION, PASSAGE);
    const changed = 'ครม. มีมติรับรองข้อเสนอเรื่อง' + RESOLUTION.slice(33);
    assert.deepEqual(anchor(changed, selectors), { start: 29, end: 61, method: 'quote', similarity: 1 });
  });

  it('prefers the occurrence with the better context when both sides changed a little', () => {
    const selectors = selectorsFor(RESOLUTION, PASSAGE);
    const a = 'ข้อเสนอ' + PASSAGE + 'กับประเทศ'; // suffix agrees for 9 characters
    const b = 'แนวทาง' + PASSAGE + 'ในอนาคต'; // prefix agrees for 6
    const changed = b + ' ' + a;
    const start = changed.indexOf(PASSAGE, b.length);
    assert.deepEqual(anchor(changed, selectors), { start, end: start + 32, method: 'quote', similarity: 1 });
  });

  it('finds a passage whose own words were edited (fuzzy), with its new edges', () => {
    const selectors = selectorsFor(RESOLUTION, PASSAGE);
    const changed = RESOLUTION.replace('ด้านความมั่นคง', 'ในด้านความมั่นคง'); // 2 characters inserted inside
    const result = anchor(changed, selectors);
    assert.deepEqual(result, { start: 33, end: 67, method: 'fuzzy', similarity: 1 - 2 / 32 });
    assert.equal(changed.slice(33, 67), 'ความร่วมมือในด้านความมั่นคงทางทะเล');
  });

  it('finds an edited passage that also moved', () => {
    const selectors = selectorsFor(RESOLUTION, PASSAGE);
    const changed = 'เรื่องด่วน: ' + RESOLUTION.replace('มั่นคงทาง', 'มั่นคง ทาง');
    const result = anchor(changed, selectors);
    assert.deepEqual(result, { start: 45, end: 78, method: 'fuzzy', similarity: 1 - 1 / 32 });
  });

  it('finds a long passage (over 256 characters) edited in the middle', () => {
    const sentence = 'ประเทศไทยสนับสนุนการเจรจาหลายฝ่ายเพื่อสันติภาพในภูมิภาคอย่างต่อเนื่อง ';
    const long = sentence.repeat(3) + 'และเน้นย้ำหลักการไม่แทรกแซงกิจการภายใน ' + sentence.repeat(2);
    assert.ok(long.length > 256);
    const text = 'บทนำของเอกสาร ' + long + ' ภาคผนวก';
    const selectors = describeRange(text, 14, 14 + long.length);
    const changed = 'บทนำของเอกสารฉบับแก้ไข ' + long.replace('ไม่แทรกแซง', 'ไม่แทรกแซงใด ๆ ใน') + ' ภาคผนวก';
    const result = anchor(changed, selectors);
    assert.ok(result);
    assert.equal(result.method, 'fuzzy');
    assert.equal(result.start, 23);
    assert.equal(result.end, 23 + long.length + 7);
    assert.equal(result.similarity, 1 - 7 / long.length);
  });

  /** A long document written for these tests: numbered paragraphs of a report. */
  function report(paragraphs: number, from = 0): string {
    const out: string[] = [];
    for (let i = from; i < from + paragraphs; i++) out.push(`ข้อ ${i} ที่ประชุมรับทราบผลการดำเนินงานด้านเศรษฐกิจและสังคมของหน่วยงานที่ ${i} ประจำไตรมาส\n`);
    return out.join('');
  }

  it('finds an edited passage moved far away (a section reordered), anywhere in the text', () => {
    const tagged = 'ย่อหน้าที่ติดแท็กว่าด้วยความมั่นคงทางทะเลในทะเลจีนใต้และเสรีภาพในการเดินเรือของทุกประเทศ\n';
    const head = report(40);
    const middle = report(150, 40); // about 12,000 characters
    assert.ok(middle.length > 12_000, String(middle.length));
    const before = head + tagged + middle;
    const selectors = describeRange(before, head.length, head.length + tagged.length - 1);
    const edited = tagged.replace('ทางทะเล', 'ทางทะเลด้วย');
    const after = head + middle + edited;
    const result = anchor(after, selectors);
    assert.ok(result, 'found, not orphaned');
    assert.equal(result.method, 'fuzzy');
    assert.equal(result.start, head.length + middle.length);
    assert.equal(after.slice(result.start, result.end), edited.slice(0, -1));
  });

  it('finds a long edited passage (over 256 characters) moved far away', () => {
    const sentence = 'ประเทศไทยสนับสนุนการเจรจาหลายฝ่ายเพื่อสันติภาพในภูมิภาคอย่างต่อเนื่อง ';
    const long = sentence.repeat(3) + 'และเน้นย้ำหลักการไม่แทรกแซงกิจการภายใน ' + sentence.repeat(2);
    const head = report(10);
    const middle = report(200, 10);
    const text = head + long + middle;
    const selectors = describeRange(text, head.length, head.length + long.length);
    const changed = head + middle + long.replace('ไม่แทรกแซง', 'ไม่แทรกแซงใด ๆ ใน');
    const result = anchor(changed, selectors);
    assert.ok(result, 'found, not orphaned');
    assert.equal(result.start, head.length + middle.length);
    assert.equal(result.end, changed.length);
  });

  it('orphans a passage whose text is gone from a long document', () => {
    const tagged = 'ย่อหน้าที่ติดแท็กว่าด้วยความมั่นคงทางทะเลในทะเลจีนใต้และเสรีภาพในการเดินเรือของทุกประเทศ';
    const text = report(100) + tagged + report(100, 100);
    const selectors = selectorsFor(text, tagged);
    assert.equal(anchor(report(100) + report(100, 100), selectors), undefined);
  });

  it('searches the whole text only while the budget lasts', () => {
    const tagged = 'ย่อหน้าที่ติดแท็กว่าด้วยความมั่นคงทางทะเลในทะเลจีนใต้และเสรีภาพในการเดินเรือของทุกประเทศ';
    const head = report(40);
    const middle = report(150, 40);
    const selectors = describeRange(head + tagged + middle, head.length, head.length + tagged.length);
    const after = head + middle + tagged.replace('ทางทะเล', 'ทางทะเลด้วย');
    const budget = farSearchBudget(after.length);
    assert.equal(anchor(after, selectors, { budget })?.start, head.length + middle.length);
    assert.equal(budget.chars, 0);
    assert.equal(anchor(after, selectors, { budget }), undefined, 'spent: orphaned');
  });

  it('orphans a passage that was deleted', () => {
    const selectors = selectorsFor(RESOLUTION, PASSAGE);
    const changed = RESOLUTION.replace(PASSAGE, '');
    assert.equal(anchor(changed, selectors), undefined);
  });

  it('orphans a passage rewritten beyond recognition', () => {
    const selectors = selectorsFor(RESOLUTION, PASSAGE);
    const changed = RESOLUTION.replace(PASSAGE, 'การพัฒนาเศรษฐกิจดิจิทัลร่วมกัน');
    assert.equal(anchor(changed, selectors), undefined);
  });

  it('does not jump to a short word found elsewhere without its context', () => {
    const text = 'ประเทศไทยและญี่ปุ่นลงนามความตกลง';
    const selectors = selectorsFor(text, 'ญี่ปุ่น');
    assert.equal(anchor('ผู้แทนเกาหลีใต้และสหรัฐฯ ประชุมหารือกับญี่ปุ่น', selectors), undefined);
    // with some of its context it is found
    assert.deepEqual(anchor('ข้อตกลงระหว่างไทยและญี่ปุ่นลงนามแล้ว', selectors), { start: 20, end: 27, method: 'quote', similarity: 1 });
  });

  it('uses a hint of where the passage should be now', () => {
    const text = 'ก ข ค ก ข ค';
    const selectors = describeRange(text, 0, 1, 0);
    assert.deepEqual(anchor('ง ' + text, selectors, { hint: 8 }), { start: 8, end: 9, method: 'position', similarity: 1 });
  });
});

describe('anchoring: following edits', () => {
  const tag: TrackedRange = { start: 10, end: 20, removed: 0 };

  it('shifts for an edit before, and for text inserted at its start', () => {
    assert.deepEqual(mapRange(tag, { start: 2, end: 4, newLength: 5 }), { start: 13, end: 23, removed: 0 });
    assert.deepEqual(mapRange(tag, { start: 10, end: 10, newLength: 4 }), { start: 14, end: 24, removed: 0 });
    assert.deepEqual(mapRange(tag, { start: 0, end: 10, newLength: 0 }), { start: 0, end: 10, removed: 0 });
  });

  it('does not move for an edit after it, or text inserted at its end', () => {
    assert.deepEqual(mapRange(tag, { start: 20, end: 20, newLength: 3 }), tag);
    assert.deepEqual(mapRange(tag, { start: 25, end: 30, newLength: 0 }), tag);
  });

  it('grows and shrinks with edits inside it, counting what was removed', () => {
    assert.deepEqual(mapRange(tag, { start: 15, end: 15, newLength: 3 }), { start: 10, end: 23, removed: 0 });
    assert.deepEqual(mapRange(tag, { start: 12, end: 14, newLength: 1 }), { start: 10, end: 19, removed: 2 });
  });

  it('clips at an edit across one edge', () => {
    // [5, 12) replaced by 2 characters: the tag keeps its last 8 characters
    assert.deepEqual(mapRange(tag, { start: 5, end: 12, newLength: 2 }), { start: 7, end: 15, removed: 2 });
    // [18, 25) replaced by 4: the new text becomes the tag's end
    assert.deepEqual(mapRange(tag, { start: 18, end: 25, newLength: 4 }), { start: 10, end: 22, removed: 2 });
  });

  it('is left empty by an edit over all of it, and then needs re-anchoring', () => {
    const gone = mapRange(tag, { start: 8, end: 22, newLength: 1 });
    assert.deepEqual(gone, { start: 9, end: 9, removed: 10 });
    assert.equal(needsReanchor(gone, 10), true);
  });

  it('needs re-anchoring once more than half of its text was removed', () => {
    let r = mapRange(tag, { start: 10, end: 14, newLength: 0 });
    assert.equal(needsReanchor(r, 10), false);
    r = mapRange(r, { start: 10, end: 12, newLength: 0 });
    assert.deepEqual(r, { start: 10, end: 14, removed: 6 });
    assert.equal(needsReanchor(r, 10), true);
  });
});

describe('anchoring: bounded edit distance', () => {
  it('is exact within the bound and limit + 1 beyond it', () => {
    assert.equal(boundedEditDistance('kitten', 'sitting', 3), 3);
    assert.equal(boundedEditDistance('kitten', 'sitting', 2), 3);
    assert.equal(boundedEditDistance('ความร่วมมือ', 'ความร่วมมือ', 0), 0);
    assert.equal(boundedEditDistance('abc', 'abcdef', 2), 3);
    assert.equal(boundedEditDistance('', 'ab', 5), 2);
  });
});

describe('anchoring: cost', () => {
  it('re-anchors 1,000 moved passages in a 1 MB text quickly', () => {
    const sentence = 'ที่ประชุมรับทราบรายงานความคืบหน้าโครงการที่ ';
    const parts: string[] = [];
    for (let i = 0, length = 0; length < 1_000_000; i++) {
      parts.push(sentence + i + ' ');
      length += parts[i].length;
    }
    const text = parts.join('');
    const tags = [];
    for (let i = 0; i < 1000; i++) {
      const start = text.indexOf(sentence + (i * 13) + ' ');
      tags.push(describeRange(text, start, start + sentence.length + String(i * 13).length));
    }
    const changed = 'หมายเหตุ: ฉบับปรับปรุง\n' + text;
    const started = performance.now();
    let found = 0;
    for (const selectors of tags) if (anchor(changed, selectors)?.start === selectors[1].start + 23) found++;
    const ms = performance.now() - started;
    assert.equal(found, 1000);
    assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
  });
});
