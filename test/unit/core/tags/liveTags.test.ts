import { strict as assert } from 'node:assert';
import { describeRange, type TextEdit } from '../../../../src/core/tags/anchoring';
import type { StoredTag } from '../../../../src/core/tags/annotationsFile';
import {
  anchorLiveTags,
  anchorStoredTags,
  applyEdits,
  liveRangesByTheme,
  liveTagOf,
  liveTagsAt,
  reconcileLiveTags,
  reviveOrphans,
  storedTargets,
  targetKey,
  type LiveTags,
} from '../../../../src/core/tags/liveTags';

// A statement in the style of the foreign ministry's, written for these tests.
const STATEMENT = [
  'ข่าวสารนิเทศ',
  'รัฐมนตรีว่าการกระทรวงการต่างประเทศได้หารือกับเอกอัครราชทูตญี่ปุ่นเรื่องความร่วมมือด้านความมั่นคงทางทะเล',
  'และการป้องกันการลักลอบขนสินค้าผิดกฎหมายข้ามพรมแดนในภูมิภาค',
  '',
].join('\n');
const PASSAGE = 'ความร่วมมือด้านความมั่นคงทางทะเล';
const SECOND = 'การลักลอบขนสินค้าผิดกฎหมายข้ามพรมแดน';

function span(text: string, needle: string): { start: number; end: number } {
  const start = text.indexOf(needle);
  assert.ok(start >= 0 && text.indexOf(needle, start + 1) < 0, `"${needle}" occurs once`);
  return { start, end: start + needle.length };
}

/** A stored tag of `text[start, end)`. */
function stored(id: string, text: string, range: { start: number; end: number }, theme = 'maritime-security'): StoredTag {
  const [quote, position] = describeRange(text, range.start, range.end);
  return { id, document: 'statement.txt', theme, created: '2025-11-20T08:00:00.000Z', modified: '2025-11-20T08:00:00.000Z', quote, position };
}

/** An in-memory document: its text, and edits applied to it as VS Code reports them. */
class Doc {
  constructor(public text: string) {}
  /** Replaces [start, end) with `insert`; the edit as reported. */
  edit(start: number, end: number, insert: string): TextEdit {
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    return { start, end, newLength: insert.length };
  }
}

function rangeOf(live: LiveTags, id: string): [number, number, boolean] | undefined {
  const t = live.get(id);
  return t && [t.start, t.end, t.orphaned];
}

describe('live tags: anchoring stored tags', () => {
  it('finds each stored tag in the current text, in order of position, and leaves out the ones that are gone', () => {
    const second = stored('b', STATEMENT, span(STATEMENT, SECOND));
    const first = stored('a', STATEMENT, span(STATEMENT, PASSAGE));
    const gone = stored('c', STATEMENT, span(STATEMENT, 'ข่าวสารนิเทศ'));
    const now = 'ฉบับปรับปรุง\n' + STATEMENT.replace('ข่าวสารนิเทศ', 'แถลงข่าว');
    const anchored = anchorStoredTags([second, gone, first], now);
    assert.deepEqual(
      anchored.map(({ tag, found }) => [tag.id, found?.start, found?.end, found?.method]),
      [
        ['c', undefined, undefined, undefined],
        ['a', span(now, PASSAGE).start, span(now, PASSAGE).end, 'quote'],
        ['b', span(now, SECOND).start, span(now, SECOND).end, 'position'],
      ],
    );
  });

  it('starts each search where the last tag moved to', () => {
    // "ab" at 0 and 10; three characters come before both, and another "ab" lands at 11
    const before = 'ab' + '-'.repeat(8) + 'ab';
    const tags = [stored('x', before, { start: 0, end: 2 }), stored('y', before, { start: 10, end: 12 })].map((t) => ({
      ...t,
      quote: { ...t.quote, prefix: '', suffix: '' },
    }));
    const after = 'xyz' + 'ab' + '-'.repeat(6) + 'abab';
    assert.deepEqual(
      anchorStoredTags(tags, after).map(({ found }) => found?.start),
      [3, 13],
    );
  });

  it('orphans every tag of a document that cannot be read', () => {
    const tag = stored('a', STATEMENT, span(STATEMENT, PASSAGE));
    assert.deepEqual(anchorStoredTags([tag], undefined), [{ tag, found: undefined }]);
  });

  it('tracks anchored tags, and says when the store must be told (moved, orphaned, or back)', () => {
    const a = stored('a', STATEMENT, span(STATEMENT, PASSAGE));
    const b = stored('b', STATEMENT, span(STATEMENT, SECOND));
    const live: LiveTags = new Map();
    assert.equal(anchorLiveTags(live, [a, b], STATEMENT), false, 'all where they were');
    assert.deepEqual(live.get('a'), { ...span(STATEMENT, PASSAGE), removed: 0, orphaned: false, anchoredLength: PASSAGE.length, storedKey: targetKey(a) });

    const moved = 'ด่วน ' + STATEMENT;
    assert.equal(anchorLiveTags(new Map(), [a, b], moved), true);
    const orphan = { ...a, orphaned: true };
    assert.equal(anchorLiveTags(new Map(), [orphan], STATEMENT), true, 'an orphan found again');
    const stillGone = new Map();
    assert.equal(anchorLiveTags(stillGone, [orphan], STATEMENT.replace(PASSAGE, '')), false, 'an orphan still gone');
    assert.deepEqual(rangeOf(stillGone, 'a'), [a.position.start, a.position.end, true]);
    assert.equal(anchorLiveTags(live, [], () => assert.fail('no text is read for no tags')), false);
  });

  it('after the file changed on disk: drops tags deleted there and re-anchors those changed there', () => {
    const a = stored('a', STATEMENT, span(STATEMENT, PASSAGE));
    const b = stored('b', STATEMENT, span(STATEMENT, SECOND));
    const live: LiveTags = new Map();
    anchorLiveTags(live, [a, b], STATEMENT);
    // on disk, b is now the first line; a is deleted
    const changed = stored('b', STATEMENT, span(STATEMENT, 'ข่าวสารนิเทศ'));
    assert.equal(reconcileLiveTags(live, [changed], STATEMENT), false);
    assert.deepEqual([...live.keys()], ['b']);
    assert.deepEqual(rangeOf(live, 'b'), [0, 'ข่าวสารนิเทศ'.length, false]);
  });
});

describe('live tags: following edits', () => {
  function setup(): { doc: Doc; live: LiveTags; tags: Map<string, StoredTag> } {
    const doc = new Doc(STATEMENT);
    const tags = new Map([
      ['a', stored('a', STATEMENT, span(STATEMENT, PASSAGE))],
      ['b', stored('b', STATEMENT, span(STATEMENT, SECOND), 'border-security')],
    ]);
    const live: LiveTags = new Map();
    anchorLiveTags(live, [...tags.values()], STATEMENT);
    return { doc, live, tags };
  }

  it('moves with text inserted before it, grows with text inserted inside it, and not with text typed after it', () => {
    const { doc, live, tags } = setup();
    const { start, end } = span(STATEMENT, PASSAGE);
    const noText = () => assert.fail('the text is not read while no tag needs finding again');
    assert.equal(applyEdits(live, [doc.edit(0, 0, 'ด่วน: ')], noText, (id) => tags.get(id)), false);
    assert.deepEqual(rangeOf(live, 'a'), [start + 6, end + 6, false]);
    assert.equal(applyEdits(live, [doc.edit(start + 6 + 'ความร่วมมือ'.length, start + 6 + 'ความร่วมมือ'.length, 'ใน')], noText, (id) => tags.get(id)), false);
    assert.deepEqual(rangeOf(live, 'a'), [start + 6, end + 8, false]);
    assert.equal(doc.text.slice(start + 6, end + 8), 'ความร่วมมือในด้านความมั่นคงทางทะเล');
    applyEdits(live, [doc.edit(end + 8, end + 8, 'ฯ')], noText, (id) => tags.get(id));
    assert.deepEqual(rangeOf(live, 'a'), [start + 6, end + 8, false]);
  });

  it('takes several edits of one change in turn, each in the coordinates the ones before it left', () => {
    const { doc, live, tags } = setup();
    const a = span(STATEMENT, PASSAGE);
    const b = span(STATEMENT, SECOND);
    // VS Code reports a multi-cursor change from the last edit to the first
    const edits = [doc.edit(b.start, b.start, '(๑) '), doc.edit(a.start, a.start, '(๒) ')];
    applyEdits(live, edits, doc.text, (id) => tags.get(id));
    assert.deepEqual(rangeOf(live, 'a'), [a.start + 4, a.end + 4, false]);
    assert.deepEqual(rangeOf(live, 'b'), [b.start + 8, b.end + 8, false]);
    assert.equal(doc.text.slice(b.start + 8, b.end + 8), SECOND);
  });

  it('orphans a tag whose text was deleted, keeps the others in place, and brings it back on undo', () => {
    const { doc, live, tags } = setup();
    const a = span(STATEMENT, PASSAGE);
    const b = span(STATEMENT, SECOND);
    assert.equal(applyEdits(live, [doc.edit(a.start, a.end, '')], () => doc.text, (id) => tags.get(id)), true);
    assert.deepEqual(rangeOf(live, 'a')?.[2], true);
    assert.deepEqual(rangeOf(live, 'b'), [b.start - PASSAGE.length, b.end - PASSAGE.length, false]);
    // a short insertion does not look for the orphan
    assert.equal(applyEdits(live, [doc.edit(0, 0, 'ก')], () => assert.fail('not read'), (id) => tags.get(id)), false);
    applyEdits(live, [doc.edit(0, 1, '')], () => doc.text, (id) => tags.get(id));
    // undo: the text comes back in one insertion
    assert.equal(applyEdits(live, [doc.edit(a.start, a.start, PASSAGE)], () => doc.text, (id) => tags.get(id)), true);
    assert.deepEqual(rangeOf(live, 'a'), [a.start, a.end, false]);
  });

  it('finds a passage again when more than half of it was replaced, from where it was before', () => {
    const { doc, live, tags } = setup();
    const a = span(STATEMENT, PASSAGE);
    // the passage is cut out and pasted at the start of the text in one change
    const edits = [doc.edit(a.start, a.end, ''), doc.edit(0, 0, PASSAGE + ' ')];
    assert.equal(applyEdits(live, edits, () => doc.text, (id) => tags.get(id)), true);
    assert.deepEqual(rangeOf(live, 'a'), [0, PASSAGE.length, false]);
    assert.equal(live.get('a')!.removed, 0);
  });

  it('on save, looks for orphans again', () => {
    const { doc, live, tags } = setup();
    const a = span(STATEMENT, PASSAGE);
    applyEdits(live, [doc.edit(a.start, a.end, '')], () => doc.text, (id) => tags.get(id));
    assert.equal(reviveOrphans(live, doc.text, (id) => tags.get(id)), 1, 'one orphan, not found');
    assert.equal(rangeOf(live, 'a')?.[2], true);
    // the passage typed again, a few characters at a time
    doc.edit(a.start, a.start, PASSAGE);
    assert.equal(reviveOrphans(live, doc.text, (id) => tags.get(id)), 1);
    assert.deepEqual(rangeOf(live, 'a'), [a.start, a.end, false]);
    assert.equal(live.get('a')!.storedKey, '', 'to be saved');
    assert.equal(reviveOrphans(live, () => assert.fail('no orphans: not read'), (id) => tags.get(id)), 0);
  });
});

describe('live tags: the stored form', () => {
  it('gives the new selectors of the tags that moved or were orphaned, and marks them stored', () => {
    const doc = new Doc(STATEMENT);
    const a = stored('a', STATEMENT, span(STATEMENT, PASSAGE));
    const b = stored('b', STATEMENT, span(STATEMENT, SECOND));
    const tags = new Map([
      ['a', a],
      ['b', b],
    ]);
    const live: LiveTags = new Map();
    anchorLiveTags(live, [a, b], STATEMENT);
    assert.deepEqual(storedTargets(live, doc.text, (id) => tags.get(id)), [], 'nothing moved');

    const edits = [doc.edit(0, 0, 'ด่วน: '), doc.edit(span(doc.text, SECOND).start, span(doc.text, SECOND).end, '')];
    applyEdits(live, edits, () => doc.text, (id) => tags.get(id));
    const next = storedTargets(live, doc.text, (id) => tags.get(id));
    const [quote, position] = describeRange(doc.text, span(doc.text, PASSAGE).start, span(doc.text, PASSAGE).end);
    assert.deepEqual(next, [
      { ...a, quote, position },
      { ...b, orphaned: true },
    ]);
    assert.equal(live.get('a')!.storedKey, targetKey(next[0]));
    assert.equal(live.get('b')!.storedKey, targetKey(next[1]));
    for (const t of next) tags.set(t.id, t);
    assert.deepEqual(storedTargets(live, doc.text, (id) => tags.get(id)), [], 'once stored, nothing more');
  });

  it('a tag found again drops its orphaned mark', () => {
    const orphan: StoredTag = { ...stored('a', STATEMENT, span(STATEMENT, PASSAGE)), orphaned: true };
    const live: LiveTags = new Map([['a', liveTagOf(orphan, span(STATEMENT, PASSAGE))]]);
    const [next] = storedTargets(live, STATEMENT, () => orphan);
    assert.equal('orphaned' in next, false);
    assert.deepEqual([next.position.start, next.position.end], [span(STATEMENT, PASSAGE).start, span(STATEMENT, PASSAGE).end]);
  });
});

describe('live tags: where they are', () => {
  const live: LiveTags = new Map([
    ['outer', { start: 10, end: 40, removed: 0, orphaned: false, anchoredLength: 30, storedKey: '' }],
    ['inner', { start: 20, end: 25, removed: 0, orphaned: false, anchoredLength: 5, storedKey: '' }],
    ['gone', { start: 20, end: 25, removed: 0, orphaned: true, anchoredLength: 5, storedKey: '' }],
    ['empty', { start: 50, end: 50, removed: 3, orphaned: false, anchoredLength: 3, storedKey: '' }],
    ['later', { start: 60, end: 70, removed: 0, orphaned: false, anchoredLength: 10, storedKey: '' }],
  ]);

  it('lists the tags at an offset, innermost first, ends included', () => {
    assert.deepEqual(liveTagsAt(live, 22), ['inner', 'outer']);
    assert.deepEqual(liveTagsAt(live, 40), ['outer']);
    assert.deepEqual(liveTagsAt(live, 45), []);
  });

  it('gives the ranges to draw by theme, in order, without orphans and empty ones', () => {
    const themes: Record<string, string> = { outer: 'a', inner: 'b', gone: 'b', empty: 'b', later: 'a' };
    assert.deepEqual(
      [...liveRangesByTheme(live, (id) => themes[id])],
      [
        ['a', [[10, 40], [60, 70]]],
        ['b', [[20, 25]]],
      ],
    );
  });
});
