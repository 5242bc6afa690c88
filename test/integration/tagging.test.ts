import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ThaiPolicyLensApi } from '../../src/extension/extension';
import type { TagInfo } from '../../src/extension/features/tagging';
import { coderTagsFile } from '../../src/core';
import { testHooksOf } from '../../src/extension/testHooks';
import { getApi, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

const ANNOTATIONS = '.policy-lens/annotations.json';
const PASSAGE = 'ความร่วมมือด้านความมั่นคงทางทะเล';
const SECOND = 'การลักลอบขนสินค้าผิดกฎหมายข้ามพรมแดน';

const decoder = new TextDecoder('utf-8');

async function readAnnotations(file = ANNOTATIONS): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(workspaceUri(file)));
}

/** The file a new tag goes to: its coder's file, or the annotations file when no coder is known. */
function tagsFile(creator: string | undefined): string {
  return creator ? coderTagsFile(creator) : ANNOTATIONS;
}

async function deleteAnnotations(): Promise<void> {
  await vscode.workspace.fs.delete(workspaceUri('.policy-lens'), { recursive: true }).then(undefined, () => undefined);
}

let counter = 0;

/** A fresh copy of the fixture document, opened in an editor. */
async function openCopy(): Promise<{ editor: vscode.TextEditor; text: string; name: string }> {
  const text = decoder.decode(await vscode.workspace.fs.readFile(workspaceUri('tagging-statement.txt')));
  const name = `tagging-run-${++counter}.txt`;
  const uri = await writeWorkspaceFile(name, text);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  return { editor, text, name };
}

function span(text: string, needle: string): { start: number; end: number } {
  const start = text.indexOf(needle);
  assert.ok(start >= 0 && text.indexOf(needle, start + 1) < 0, `"${needle}" occurs once`);
  return { start, end: start + needle.length };
}

async function tag(uri: vscode.Uri, range: { start: number; end: number }, themeId: string, note?: string): Promise<TagInfo> {
  const info = await vscode.commands.executeCommand<TagInfo | undefined>('thaiPolicyLens.tagSelection', { uri: uri.toString(), range, themeId, note });
  assert.ok(info, 'a tag was made');
  return info;
}

/** The offset range of the tag as the API reports it. */
function rangeOf(api: ThaiPolicyLensApi, uri: vscode.Uri, id: string): [number, number, boolean] | undefined {
  const t = api.getTags(uri).find((x) => x.id === id);
  return t && [t.start, t.end, t.orphaned];
}

describe('tagging', () => {
  let api: ThaiPolicyLensApi;

  beforeEach(async () => {
    api = await getApi();
    await deleteAnnotations();
    await testHooksOf(api).tagging.reload();
    assert.equal(testHooksOf(api).tagging.store()?.state, 'ready');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await testHooksOf(api).tagging.flush();
  });

  after(async () => {
    await deleteAnnotations();
    await testHooksOf(api).tagging.reload();
    for (let n = 1; n <= counter; n++) await vscode.workspace.fs.delete(workspaceUri(`tagging-run-${n}.txt`)).then(undefined, () => undefined);
  });

  it('tags the selection, stores it in the file, and finds it again after a reload', async () => {
    const { editor, text, name } = await openCopy();
    const uri = editor.document.uri;
    const { start, end } = span(text, PASSAGE);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
    const made = await vscode.commands.executeCommand<TagInfo>('thaiPolicyLens.tagSelection', { themeId: 'test-security', note: 'ติดตามผลการประชุม' });
    assert.ok(made);
    assert.deepEqual(
      { theme: made.theme, start: made.start, end: made.end, text: made.text, orphaned: made.orphaned, note: made.note, document: made.document },
      { theme: 'test-security', start, end, text: PASSAGE, orphaned: false, note: 'ติดตามผลการประชุม', document: name },
    );
    assert.deepEqual(testHooksOf(api).tagging.drawn(uri), { 'test-security': [[start, end]] });

    await testHooksOf(api).tagging.flush();
    const raw = await readAnnotations(tagsFile(made.creator));
    assert.ok(raw.startsWith('{\n  "version": 1,\n  "themes": [],\n  "tags": [\n    {\n      "id": '), raw.slice(0, 80));
    assert.ok(raw.endsWith('}\n'));
    // written atomically: no temporary file is left beside it; one file per coder
    const folder = tagsFile(made.creator).replace(/\/[^/]*$/, '');
    const entries = await vscode.workspace.fs.readDirectory(workspaceUri(folder));
    assert.deepEqual(entries.map(([n]) => n), [tagsFile(made.creator).slice(folder.length + 1)]);
    const file = JSON.parse(raw);
    assert.equal(file.tags.length, 1);
    const stored = file.tags[0];
    // the coder is there when one is known (setting, git user.name, or the system user of the test machine)
    assert.deepEqual(Object.keys(stored), ['id', 'document', 'theme', 'note', ...(made.creator ? ['creator'] : []), 'created', 'modified', 'target']);
    assert.equal(stored.creator, made.creator);
    assert.equal(stored.id, made.id);
    assert.equal(stored.document, name);
    assert.equal(stored.theme, 'test-security');
    assert.equal(stored.note, 'ติดตามผลการประชุม');
    assert.match(stored.created, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.equal(stored.modified, stored.created);
    assert.deepEqual(stored.target.selector, [
      { type: 'TextQuoteSelector', exact: PASSAGE, prefix: text.slice(start - 32, start), suffix: text.slice(end, end + 32) },
      { type: 'TextPositionSelector', start, end },
    ]);

    // a window reload: everything in memory is dropped and read again from the file
    await testHooksOf(api).tagging.reload();
    assert.deepEqual(api.getTags(uri), [made]);
    assert.deepEqual(testHooksOf(api).tagging.drawn(uri), { 'test-security': [[start, end]] });
  });

  it('trims white space at the edges of the selection', async () => {
    const { editor, text } = await openCopy();
    const lineEnd = text.indexOf('\n', text.indexOf(SECOND));
    const { start } = span(text, SECOND);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(lineEnd + 1));
    const made = await vscode.commands.executeCommand<TagInfo>('thaiPolicyLens.tagSelection', { themeId: 'test-security' });
    assert.deepEqual([made.start, made.end, made.text], [start, lineEnd, SECOND]);
  });

  it('takes the matching theme on Enter in the theme picker; "New theme..." is never the active item while a theme matches', async () => {
    const { editor, text } = await openCopy();
    const { start, end } = span(text, PASSAGE);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
    const hooks = testHooksOf(api);
    const pending = vscode.commands.executeCommand<TagInfo | undefined>('thaiPolicyLens.tagSelection');
    try {
      const picker = await waitFor(() => hooks.themePicker(), 'the theme picker');
      // before anything is typed, the first theme is active, not "New theme..."
      await waitFor(() => (picker.activeItems[0]?.label.includes('การทูตทดสอบ') ? true : undefined), 'the first theme active');
      picker.value = 'security';
      await waitFor(() => (picker.activeItems[0]?.label.includes('Test security') ? true : undefined), `"Test security" active (active: ${picker.activeItems[0]?.label})`);
      assert.equal(picker.items[0].label, '$(add) New theme...', '"New theme..." is still listed first');
      // Enter; in the browser the quick input may not have the focus yet when the first
      // accept arrives, so accept again (an accept with no picker open does nothing) until done
      let settled = false;
      void pending.then(() => (settled = true), () => (settled = true));
      for (let i = 0; i < 10 && !settled; i++) {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await Promise.race([pending, new Promise((r) => setTimeout(r, 1000))]);
      }
      const made = await pending;
      assert.equal(made?.theme, 'test-security');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
  });

  it('follows its text through edits before it and inside it', async () => {
    const { editor, text } = await openCopy();
    const uri = editor.document.uri;
    const { start, end } = span(text, PASSAGE);
    const made = await tag(uri, { start, end }, 'test-diplomacy');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'ด่วน: '));
    await editor.edit((e) => e.insert(editor.document.positionAt(start + 6 - 3), 'นาย'));
    assert.deepEqual(rangeOf(api, uri, made.id), [start + 9, end + 9, false]);
    // a word inserted inside the passage becomes part of it
    await editor.edit((e) => e.insert(editor.document.positionAt(start + 9 + 'ความร่วมมือ'.length), 'ใน'));
    assert.deepEqual(rangeOf(api, uri, made.id), [start + 9, end + 11, false]);
    assert.equal(api.getTags(uri)[0].text, 'ความร่วมมือในด้านความมั่นคงทางทะเล');
    // text typed right after it is not part of it
    await editor.edit((e) => e.insert(editor.document.positionAt(end + 11), 'ฯ'));
    assert.deepEqual(rangeOf(api, uri, made.id), [start + 9, end + 11, false]);
    assert.deepEqual(testHooksOf(api).tagging.drawn(uri), { 'test-diplomacy': [[start + 9, end + 11]] });

    await testHooksOf(api).tagging.flush();
    const stored = JSON.parse(await readAnnotations(tagsFile(made.creator))).tags[0];
    assert.deepEqual(stored.target.selector[1], { type: 'TextPositionSelector', start: start + 9, end: end + 11 });
    assert.equal(stored.target.selector[0].exact, 'ความร่วมมือในด้านความมั่นคงทางทะเล');
  });

  it('deleting the tagged text orphans the tag, which keeps its text; undo brings it back', async () => {
    const { editor, text } = await openCopy();
    const uri = editor.document.uri;
    const { start, end } = span(text, PASSAGE);
    const made = await tag(uri, { start, end }, 'test-security');
    const other = await tag(uri, span(text, SECOND), 'test-security');
    const doc = editor.document;
    await editor.edit((e) => e.delete(new vscode.Range(doc.positionAt(start), doc.positionAt(end))));
    const orphan = api.getTags(uri).find((t) => t.id === made.id);
    assert.ok(orphan);
    assert.equal(orphan.orphaned, true);
    assert.equal(orphan.text, PASSAGE);
    // the other tag moved up by the deleted length and is still drawn; the orphan is not
    const otherSpan = span(text, SECOND);
    assert.deepEqual(rangeOf(api, uri, other.id), [otherSpan.start - PASSAGE.length, otherSpan.end - PASSAGE.length, false]);
    assert.deepEqual(testHooksOf(api).tagging.drawn(uri), { 'test-security': [[otherSpan.start - PASSAGE.length, otherSpan.end - PASSAGE.length]] });

    await testHooksOf(api).tagging.flush();
    const stored = JSON.parse(await readAnnotations(tagsFile(made.creator))).tags.find((t: { id: string }) => t.id === made.id);
    assert.equal(stored.orphaned, true);
    assert.equal(stored.target.selector[0].exact, PASSAGE);

    await vscode.commands.executeCommand('undo');
    await waitFor(() => (rangeOf(api, uri, made.id)?.[2] === false ? true : undefined), 'the tag to come back');
    assert.deepEqual(rangeOf(api, uri, made.id), [start, end, false]);
  });

  it('re-anchors when the document changes on disk', async () => {
    const { editor, text, name } = await openCopy();
    const uri = editor.document.uri;
    const { start, end } = span(text, PASSAGE);
    const made = await tag(uri, { start, end }, 'test-security');
    await testHooksOf(api).tagging.flush();
    const preface = 'ฉบับปรับปรุง\n';
    await writeWorkspaceFile(name, preface + text.replace('ได้หารือกับ', 'ได้หารือร่วมกับ'));
    const moved = start + preface.length + 'ร่วม'.length;
    await waitFor(() => (rangeOf(api, uri, made.id)?.[0] === moved ? true : undefined), 'the tag to follow the text on disk');
    assert.deepEqual(rangeOf(api, uri, made.id), [moved, moved + PASSAGE.length, false]);
  });

  it('edits the note, changes the theme (also to a new one) and removes the tag', async () => {
    const { editor, text } = await openCopy();
    const uri = editor.document.uri;
    const { start, end } = span(text, PASSAGE);
    const made = await tag(uri, { start, end }, 'test-security');
    const note = 'ดู [ลิงก์](command:workbench.action.quit) <b>ตัวหนา</b>';
    const noted = await vscode.commands.executeCommand<TagInfo>('thaiPolicyLens.editNote', { tagId: made.id, note });
    assert.equal(noted.note, note);
    assert.ok(noted.modified >= made.modified);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(start + 3));
    const ours = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).find((v) => v.includes('Tagged passage'));
    assert.ok(ours, 'the tag hover is shown');
    assert.ok(ours.includes('ความมั่นคงทดสอบ (Test security)'), ours);
    assert.ok(ours.includes('ดู \\[ลิงก์\\]\\(command\\:workbench\\.action\\.quit\\) \\<b\\>ตัวหนา\\</b\\>'), ours);
    assert.ok(!ours.includes('](command:workbench'), 'no live link from the note');
    const args = encodeURIComponent(JSON.stringify([{ tagId: made.id }]));
    assert.ok(ours.includes(`[Edit note](command:thaiPolicyLens.editNote?${args})`), ours);
    assert.ok(ours.includes(`[Remove tag](command:thaiPolicyLens.removeTag?${args})`), ours);

    const retagged = await vscode.commands.executeCommand<TagInfo>('thaiPolicyLens.retag', { tagId: made.id, themeId: 'test-public-diplomacy' });
    assert.equal(retagged.theme, 'test-public-diplomacy');
    assert.deepEqual(testHooksOf(api).tagging.drawn(uri), { 'test-public-diplomacy': [[start, end]] });

    const other = await vscode.commands.executeCommand<TagInfo>('thaiPolicyLens.tagSelection', { uri: uri.toString(), range: span(text, SECOND), newTheme: { label: 'Border Security' } });
    assert.equal(other.theme, 'border-security');
    const [own] = testHooksOf(api).tagging.fileThemes(uri);
    assert.equal(own.id, 'border-security');
    assert.equal(own.label, 'Border Security');
    assert.match(own.color ?? '', /^#[0-9a-f]{6}$/);

    assert.equal(await vscode.commands.executeCommand('thaiPolicyLens.removeTag', { tagId: made.id }), true);
    assert.deepEqual(api.getTags(uri).map((t) => t.id), [other.id]);
    await testHooksOf(api).tagging.flush();
    // the themes made while tagging are in the annotations file, the tags in their coder's file
    assert.deepEqual(JSON.parse(await readAnnotations()).themes, [{ id: 'border-security', label: 'Border Security', color: own.color }]);
    const file = JSON.parse(await readAnnotations(tagsFile(other.creator)));
    assert.deepEqual(file.tags.map((t: { id: string; theme: string }) => [t.id, t.theme]), [[other.id, 'border-security']]);
  });

  it('a corrupt annotations file is reported, never overwritten, and read again once fixed', async () => {
    const { editor, text, name } = await openCopy();
    const uri = editor.document.uri;
    const corrupt = '{\n  "version": 1,\n  "tags": [\n    { "id": "x", }\n  ]\n}\n';
    await writeWorkspaceFile(ANNOTATIONS, corrupt);
    // Read at once rather than waiting for the file watcher, whose events can lag by seconds on a
    // loaded machine; the watcher's own part is the outside fix at the end of this test.
    await testHooksOf(api).tagging.reload();
    const state = await waitFor(() => (testHooksOf(api).tagging.store()?.state === 'readOnly' ? testHooksOf(api).tagging.store() : undefined), 'the store to go read-only');
    assert.equal(state.problemLine, 4);
    assert.equal(state.problemColumn, 18);
    assert.match(state.problem ?? '', /annotations\.json is not a valid annotations file \(line 4, column 18\): invalid JSON: a comma before "\}" is not allowed/);
    assert.match(testHooksOf(api).tagging.lastMessage() ?? '', /annotations\.json is not a valid annotations file/);

    const made = await vscode.commands.executeCommand('thaiPolicyLens.tagSelection', { uri: uri.toString(), range: span(text, PASSAGE), themeId: 'test-security' });
    assert.equal(made, undefined);
    assert.match(testHooksOf(api).tagging.lastMessage() ?? '', /^Thai Policy Lens: cannot save tags\. .*annotations\.json is not a valid annotations file/);
    await testHooksOf(api).tagging.flush();
    assert.equal(await readAnnotations(), corrupt, 'the file is untouched');

    // a file of the wrong shape: named by field
    await writeWorkspaceFile(ANNOTATIONS, '{ "version": 1, "tags": [ { "id": "x" } ] }');
    await waitFor(() => (testHooksOf(api).tagging.store()?.problemField === 'tags[0]' ? true : undefined), 'the shape problem', 30_000);
    assert.match(testHooksOf(api).tagging.store()?.problem ?? '', /tags\[0\] is missing "document"/);

    // fixed (by another tool): read again, its tag anchored in the open document
    const { start, end } = span(text, SECOND);
    const fixed = {
      version: 1,
      themes: [],
      tags: [
        {
          id: 'from-another-tool',
          document: name,
          theme: 'test-security',
          created: '2025-11-22T08:00:00.000Z',
          modified: '2025-11-22T08:00:00.000Z',
          target: { selector: [{ type: 'TextQuoteSelector', exact: SECOND, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: SECOND.length }] },
        },
      ],
    };
    await writeWorkspaceFile(ANNOTATIONS, JSON.stringify(fixed));
    await waitFor(() => (testHooksOf(api).tagging.store()?.state === 'ready' ? true : undefined), 'the store to be ready again', 30_000);
    await waitFor(() => (api.getTags(uri).length === 1 ? true : undefined), 'the tag of the fixed file', 30_000);
    assert.deepEqual(rangeOf(api, uri, 'from-another-tool'), [start, end, false]);
    assert.ok(await vscode.commands.executeCommand('thaiPolicyLens.tagSelection', { uri: uri.toString(), range: span(text, PASSAGE), themeId: 'test-security' }));
  });

  it('moves the tags with a coder out of an annotations file of before into their coders\' files, losing none', async () => {
    const { editor, text, name } = await openCopy();
    const uri = editor.document.uri;
    const stored = (id: string, needle: string, creator?: string) => {
      const { start, end } = span(text, needle);
      return {
        id,
        document: name,
        theme: 'test-security',
        ...(creator ? { creator } : {}),
        created: '2025-11-22T08:00:00.000Z',
        modified: '2025-11-22T08:00:00.000Z',
        target: { selector: [{ type: 'TextQuoteSelector', exact: needle, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start, end }] },
      };
    };
    const before = { version: 1, themes: [{ id: 'own', label: 'ของเรา' }], tags: [stored('no-coder', PASSAGE), stored('by-malee', SECOND, 'Malee S.')] };
    await writeWorkspaceFile(ANNOTATIONS, JSON.stringify(before, null, 2));
    await testHooksOf(api).tagging.reload();
    const moved = JSON.parse(await readAnnotations('.policy-lens/tags/malee-s.json'));
    assert.deepEqual(moved.tags.map((t: { id: string; creator?: string; note?: string }) => [t.id, t.creator]), [['by-malee', 'Malee S.']]);
    const rest = JSON.parse(await readAnnotations());
    assert.deepEqual(rest.themes, before.themes);
    assert.deepEqual(rest.tags.map((t: { id: string; creator?: string }) => [t.id, t.creator]), [['no-coder', undefined]]);
    assert.deepEqual(api.getTags(uri).map((t) => [t.id, t.creator]), [['no-coder', undefined], ['by-malee', 'Malee S.']]);
    // a window reload reads both files again: the same tags
    await testHooksOf(api).tagging.reload();
    assert.deepEqual(api.getTags(uri).map((t) => t.id), ['no-coder', 'by-malee']);
  });

  it('a deleted annotations file: what was saved goes with it, what was not is written again', async () => {
    const { editor, text } = await openCopy();
    const uri = editor.document.uri;
    const saved = await tag(uri, span(text, PASSAGE), 'test-security');
    await testHooksOf(api).tagging.flush();
    // the second tag stays unwritten until the file is deleted (on a slow machine the 300 ms
    // delay could pass before the deletion)
    testHooksOf(api).tagging.holdDelayedWrites(true);
    let unsaved: Awaited<ReturnType<typeof tag>>;
    try {
      unsaved = await tag(uri, span(text, SECOND), 'test-diplomacy');
      assert.equal(testHooksOf(api).tagging.store()?.dirty, true, 'the second tag is not written yet');
      await vscode.workspace.fs.delete(workspaceUri(tagsFile(saved.creator)));
    } finally {
      testHooksOf(api).tagging.holdDelayedWrites(false);
    }
    // the watcher reports the deletion (unless it folds it together with our write); a write
    // reads the file first in any case
    await testHooksOf(api).tagging.flush();
    const again = JSON.parse(await readAnnotations(tagsFile(saved.creator)));
    assert.deepEqual(again.tags.map((t: { id: string }) => t.id), [unsaved.id]);
    assert.deepEqual(api.getTags(uri).map((t) => t.id), [unsaved.id]);
    assert.deepEqual(testHooksOf(api).tagging.drawn(uri), { 'test-diplomacy': [Object.values(span(text, SECOND)) as [number, number]] });
    assert.equal(saved.orphaned, false);
  });

  it('another writer changes the file between our load and our write: both tags are kept', async () => {
    const { editor, text, name } = await openCopy();
    const uri = editor.document.uri;
    const first = await tag(uri, span(text, 'ข่าวสารนิเทศ'), 'test-diplomacy');
    await testHooksOf(api).tagging.flush();
    // our change, not written yet (writes wait 300 ms; held here, as a slow machine could pass them) ...
    testHooksOf(api).tagging.holdDelayedWrites(true);
    let ours: Awaited<ReturnType<typeof tag>>;
    const { start, end } = span(text, SECOND);
    try {
      ours = await tag(uri, span(text, PASSAGE), 'test-security');
      assert.equal(testHooksOf(api).tagging.store()?.dirty, true);
      // ... while another window adds its own tag to the file as it is on disk
      const onDisk = JSON.parse(await readAnnotations(tagsFile(ours.creator)));
      onDisk.tags.push({
        id: 'other-window',
        document: name,
        theme: 'test-diplomacy',
        note: 'จากอีกหน้าต่าง',
        created: '2025-11-22T09:00:00.000Z',
        modified: '2025-11-22T09:00:00.000Z',
        target: { selector: [{ type: 'TextQuoteSelector', exact: SECOND, prefix: text.slice(start - 32, start), suffix: text.slice(end, end + 32) }, { type: 'TextPositionSelector', start, end }] },
      });
      await writeWorkspaceFile(tagsFile(ours.creator), JSON.stringify(onDisk, null, 2) + '\n');
    } finally {
      testHooksOf(api).tagging.holdDelayedWrites(false);
    }
    await testHooksOf(api).tagging.flush();
    const file = JSON.parse(await readAnnotations(tagsFile(ours.creator)));
    assert.deepEqual(file.tags.map((t: { id: string }) => t.id).sort(), [first.id, ours.id, 'other-window'].sort());
    assert.deepEqual(
      api.getTags(uri).map((t) => [t.id, t.start, t.end]),
      [[first.id, 0, 'ข่าวสารนิเทศ'.length], [ours.id, ...Object.values(span(text, PASSAGE))], ['other-window', start, end]],
    );
    assert.deepEqual(testHooksOf(api).tagging.drawn(uri), {
      'test-diplomacy': [[0, 'ข่าวสารนิเทศ'.length], [start, end]],
      'test-security': [Object.values(span(text, PASSAGE)) as [number, number]],
    });
  });
});
