import { strict as assert } from 'node:assert';
import { serializeAnnotationsFile, type AnnotationsData, type StoredTag } from '../../../../src/core/tags/annotationsFile';
import { AnnotationsState } from '../../../../src/core/tags/annotationsState';
import { storedTag } from '../../../support/storedTag';

function tag(id: string, start: number, exact: string, extra: Partial<StoredTag> = {}): StoredTag {
  return storedTag(id, 'มติ ครม.txt', start, exact, extra);
}

function file(...tags: StoredTag[]): string {
  const data: AnnotationsData = { version: 1, themes: [], tags };
  return serializeAnnotationsFile(data);
}

describe('annotations state', () => {
  it('starts empty and clean; a missing file changes nothing and asks for no write', () => {
    const state = new AnnotationsState();
    assert.equal(state.dirty, false);
    assert.deepEqual(state.takeFile(undefined, true), { kind: 'merged', needsWrite: false });
    assert.equal(state.isEmpty, true);
    assert.equal(state.pendingWrite(), undefined);
  });

  it('reads the file, then says when it is unchanged (unless forced)', () => {
    const state = new AnnotationsState();
    const text = file(tag('a', 0, 'ความร่วมมือ'));
    assert.deepEqual(state.takeFile(text, true), { kind: 'merged', needsWrite: false });
    assert.deepEqual(state.tagsOf('มติ ครม.txt').map((t) => t.id), ['a']);
    assert.deepEqual(state.takeFile(text, false), { kind: 'unchanged' });
    assert.deepEqual(state.takeFile(text, true), { kind: 'merged', needsWrite: false });
  });

  it('reports an invalid file with its place and keeps what it had', () => {
    const state = new AnnotationsState();
    state.takeFile(file(tag('a', 0, 'ความร่วมมือ')), true);
    const sync = state.takeFile('{ "version": 1, "tags": [ { "id": "x", } ] }', false);
    assert.equal(sync.kind, 'invalid');
    assert.deepEqual(sync.kind === 'invalid' && [sync.error.line, sync.error.column], [1, 40]);
    assert.deepEqual(state.tags.map((t) => t.id), ['a']);
  });

  it('writes our changes: the text and the revision it holds; changes made while it is written are written next', () => {
    const state = new AnnotationsState();
    state.takeFile(undefined, true);
    state.putTag(tag('a', 0, 'ความร่วมมือ'));
    assert.equal(state.dirty, true);
    const first = state.pendingWrite();
    assert.ok(first);
    assert.equal(first.text, file(tag('a', 0, 'ความร่วมมือ')));
    state.putTheme({ id: 'border-security', label: 'Border Security' }); // while the write runs
    assert.equal(state.wrote(first.text, first.revision), true, 'more to write');
    assert.equal(state.dirty, true);
    const second = state.pendingWrite();
    assert.ok(second);
    assert.equal(state.wrote(second.text, second.revision), false);
    assert.equal(state.dirty, false);
    assert.deepEqual(state.takeFile(second.text, false), { kind: 'unchanged' }, 'our own write read back');
  });

  it('does not write what the file already says, nor make a file for nothing', () => {
    const state = new AnnotationsState();
    state.takeFile(undefined, true);
    state.putTag(tag('a', 0, 'ความร่วมมือ'));
    assert.equal(state.removeTag('a'), true);
    assert.equal(state.removeTag('a'), false);
    assert.equal(state.pendingWrite(), undefined, 'no file, nothing in it: none made');
    assert.equal(state.dirty, false);

    const text = file(tag('b', 5, 'ทางทะเล'));
    state.takeFile(text, true);
    state.updateTarget(tag('b', 5, 'ทางทะเล')); // the same target again
    assert.equal(state.pendingWrite(), undefined);
    assert.equal(state.updateTarget(tag('zz', 1, 'x')), false, 'no such tag');
  });

  it('merges a file changed by someone else with our changes not written yet', () => {
    const state = new AnnotationsState();
    state.takeFile(file(tag('a', 0, 'ความร่วมมือ')), true);
    state.putTag(tag('ours', 20, 'ทางทะเล'));
    const theirs = file(tag('a', 0, 'ความร่วมมือ'), tag('theirs', 40, 'พรมแดน'));
    assert.deepEqual(state.takeFile(theirs, false), { kind: 'merged', needsWrite: true });
    assert.deepEqual(state.tags.map((t) => t.id), ['a', 'ours', 'theirs']);
    const pending = state.pendingWrite();
    assert.ok(pending);
    assert.deepEqual(JSON.parse(pending.text).tags.map((t: { id: string }) => t.id), ['a', 'ours', 'theirs']);
  });

  it('a deleted file: what was saved goes with it, what was changed since is kept and written again', () => {
    const state = new AnnotationsState();
    state.takeFile(file(tag('saved', 0, 'ความร่วมมือ')), true);
    state.putTag(tag('unsaved', 20, 'ทางทะเล'));
    assert.deepEqual(state.takeFile(undefined, false), { kind: 'merged', needsWrite: true });
    assert.deepEqual(state.tags.map((t) => t.id), ['unsaved']);
    assert.ok(state.pendingWrite());
  });

  it('a tag deleted in the file and not changed here since it was written goes', () => {
    const state = new AnnotationsState();
    state.takeFile(file(tag('a', 0, 'ความร่วมมือ')), true);
    state.putTag(tag('a', 0, 'ความร่วมมือ', { note: 'สำคัญ', modified: '2025-11-21T08:00:00.000Z' }));
    state.wrote(file(tag('a', 0, 'ความร่วมมือ', { note: 'สำคัญ', modified: '2025-11-21T08:00:00.000Z' })), 1);
    assert.equal(state.dirty, false);
    assert.deepEqual(state.takeFile(file(), false), { kind: 'merged', needsWrite: false }, 'deleted there, not edited here since: gone');
    assert.deepEqual(state.tags, []);
  });
});
