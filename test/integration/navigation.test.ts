import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { JumpResult, OpenedEntry } from '../../src/extension/features/navigation';
import { findItem, getApi, openFixture, setSetting, spansOf, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

/** The selection of an editor as [start, end] offsets. */
function selected(editor: vscode.TextEditor): [number, number] {
  return [editor.document.offsetAt(editor.selection.start), editor.document.offsetAt(editor.selection.end)];
}

function placeCursor(editor: vscode.TextEditor, offset: number): void {
  const p = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(p, p);
}

/** Runs a command and returns its result and the active editor's selection after it. */
async function run<T>(command: string, ...args: unknown[]): Promise<{ result: T; editor: vscode.TextEditor; selection: [number, number] }> {
  const result = await vscode.commands.executeCommand<T>(command, ...args);
  const editor = vscode.window.activeTextEditor!;
  return { result, editor, selection: selected(editor) };
}

describe('navigation', () => {
  afterEach(async () => {
    await setSetting('thaiPolicyLens.tree.scope', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    for (const name of ['navigation-a.txt', 'navigation-b.txt', 'navigation-empty.txt', 'navigation-none.txt', 'navigation-touch.txt']) {
      await vscode.workspace.fs.delete(workspaceUri(name)).then(undefined, () => undefined);
    }
  });

  describe('next and previous occurrence', () => {
    it('steps through a theme and its sub-themes, and wraps around at the end', async () => {
      await getApi();
      const editor = await openFixture('policy.txt');
      const text = editor.document.getText();
      // test-diplomacy: การทูตดิจิทัล x2, การทูตสาธารณะ (sub-theme), การเจรจาทวิภาคี, in text order
      const expected = [spansOf(text, 'การทูตดิจิทัล')[0], spansOf(text, 'การทูตดิจิทัล')[1], spansOf(text, 'การทูตสาธารณะ')[0], spansOf(text, 'การเจรจาทวิภาคี')[0]];
      placeCursor(editor, 0);
      for (let i = 0; i < expected.length; i++) {
        const { result, selection } = await run<JumpResult>('thaiPolicyLens.nextOccurrence', { themeId: 'test-diplomacy' });
        assert.deepEqual(selection, expected[i], `step ${i + 1}`);
        assert.deepEqual([result.index, result.total, result.wrapped], [i, 4, false]);
      }
      const wrapped = await run<JumpResult>('thaiPolicyLens.nextOccurrence', { themeId: 'test-diplomacy' });
      assert.deepEqual(wrapped.selection, expected[0]);
      assert.equal(wrapped.result.wrapped, true);
      assert.match(wrapped.result.message, /1 of 4 in policy\.txt \(wrapped around to the start\)$/);
      // the selection is revealed
      assert.ok(wrapped.editor.visibleRanges.some((r) => r.contains(wrapped.editor.selection)), 'selection visible');
    });

    it('previous goes back and wraps round to the last', async () => {
      await getApi();
      const editor = await openFixture('policy.txt');
      const text = editor.document.getText();
      placeCursor(editor, spansOf(text, 'การทูตสาธารณะ')[0][0] + 3);
      let step = await run<JumpResult>('thaiPolicyLens.previousOccurrence', { themeId: 'test-diplomacy' });
      assert.deepEqual(step.selection, spansOf(text, 'การทูตดิจิทัล')[1]);
      step = await run<JumpResult>('thaiPolicyLens.previousOccurrence', { themeId: 'test-diplomacy' });
      assert.deepEqual(step.selection, spansOf(text, 'การทูตดิจิทัล')[0]);
      step = await run<JumpResult>('thaiPolicyLens.previousOccurrence', { themeId: 'test-diplomacy' });
      assert.deepEqual(step.selection, spansOf(text, 'การเจรจาทวิภาคี')[0]);
      assert.equal(step.result.wrapped, true);
      assert.match(step.result.message, /4 of 4 .*\(wrapped around to the end\)$/);
    });

    it('without arguments uses the theme of the term at the cursor; a sub-theme alone', async () => {
      await getApi();
      const editor = await openFixture('policy.txt');
      const text = editor.document.getText();
      placeCursor(editor, spansOf(text, 'หยุดยิง')[0][0] + 2);
      let step = await run<JumpResult>('thaiPolicyLens.nextOccurrence');
      assert.equal(step.result.themeId, 'test-security');
      assert.deepEqual(step.selection, spansOf(text, 'การไม่แพร่ขยายอาวุธนิวเคลียร์')[0]);
      assert.equal(step.result.wrapped, true);
      step = await run<JumpResult>('thaiPolicyLens.nextOccurrence');
      assert.deepEqual(step.selection, spansOf(text, 'หยุดยิง')[0]);
      // the sub-theme has one occurrence: next stays on it, wrapping
      placeCursor(editor, 0);
      step = await run<JumpResult>('thaiPolicyLens.nextOccurrence', { themeId: 'test-public-diplomacy' });
      assert.deepEqual(step.selection, spansOf(text, 'การทูตสาธารณะ')[0]);
      step = await run<JumpResult>('thaiPolicyLens.nextOccurrence', { themeId: 'test-public-diplomacy' });
      assert.deepEqual(step.selection, spansOf(text, 'การทูตสาธารณะ')[0]);
      assert.equal(step.result.wrapped, true);
    });

    it('keeps walking the theme of the last jump where its term touches a term of another theme', async () => {
      await getApi();
      // ceasefire (security) runs straight into public diplomacy, as unspaced Thai does
      const uri = await writeWorkspaceFile('navigation-touch.txt', 'หยุดยิงการทูตสาธารณะ และหยุดยิงการทูตสาธารณะ แล้วหยุดยิง\n');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const ceasefires = spansOf(editor.document.getText(), 'หยุดยิง');
      placeCursor(editor, 2);
      for (const [i, expected] of [ceasefires[1], ceasefires[2], ceasefires[0]].entries()) {
        const step = await run<JumpResult>('thaiPolicyLens.nextOccurrence');
        assert.equal(step.result.themeId, 'test-security', `press ${i + 1}`);
        assert.deepEqual(step.selection, expected, `press ${i + 1}`);
      }
      // once the cursor moves elsewhere, the term at the cursor decides again
      placeCursor(editor, spansOf(editor.document.getText(), 'การทูตสาธารณะ')[1][0] + 2);
      const step = await run<JumpResult>('thaiPolicyLens.nextOccurrence');
      assert.equal(step.result.themeId, 'test-public-diplomacy');
    });

    it('says so when the theme does not occur, and leaves the selection', async () => {
      await getApi();
      const uri = await writeWorkspaceFile('navigation-empty.txt', 'ข้อความที่ไม่มีคำในอภิธานศัพท์\n');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      placeCursor(editor, 3);
      const step = await run<JumpResult>('thaiPolicyLens.nextOccurrence', { themeId: 'test-security' });
      assert.equal(step.result.start, undefined);
      assert.equal(step.result.message, 'Thai Policy Lens: «ความมั่นคงทดสอบ (Test security)» does not occur in this document.');
      assert.deepEqual(step.selection, [3, 3]);
    });

    describe('workspace scope', () => {
      const GLOSSARY = 'navigation.glossary.yaml';
      const TERM = 'คำนำทางทดสอบ';
      const A = `ย่อหน้าแรกมี${TERM}และอีกครั้ง${TERM}ในเอกสาร\n`;
      const B = `เอกสารที่สองกล่าวถึง${TERM}ครั้งเดียว\n`;

      before(async () => {
        const api = await getApi();
        await writeWorkspaceFile(GLOSSARY, `version: 1\nthemes:\n  - id: navigation-test\n    label: การนำทางทดสอบ\n    label_en: Navigation test\n    terms:\n      - ${TERM}\n`);
        await waitFor(() => (api.getGlossary().themes.some((t) => t.id === 'navigation-test') ? true : undefined), 'the navigation glossary to load');
        await writeWorkspaceFile('navigation-a.txt', A);
        await writeWorkspaceFile('navigation-b.txt', B);
        await api.ready();
      });

      after(async () => {
        await vscode.workspace.fs.delete(workspaceUri(GLOSSARY));
        const api = await getApi();
        await waitFor(() => (api.getGlossary().themes.some((t) => t.id === 'navigation-test') ? undefined : true), 'the navigation glossary to unload');
      });

      it('past the last occurrence goes on to the next document in path order, then wraps to the first', async () => {
        await getApi();
        await setSetting('thaiPolicyLens.tree.scope', 'workspace');
        const b = await vscode.workspace.openTextDocument(workspaceUri('navigation-b.txt')); // known to the index
        const editor = await openFixture('navigation-a.txt');
        placeCursor(editor, 0);
        const a = editor.document.uri.toString();
        const spansA = spansOf(A, TERM);
        let step = await run<JumpResult>('thaiPolicyLens.nextOccurrence', { themeId: 'navigation-test' });
        assert.deepEqual([step.result.uri, step.selection], [a, spansA[0]]);
        step = await run<JumpResult>('thaiPolicyLens.nextOccurrence', { themeId: 'navigation-test' });
        assert.deepEqual([step.result.uri, step.selection], [a, spansA[1]]);
        step = await run<JumpResult>('thaiPolicyLens.nextOccurrence', { themeId: 'navigation-test' });
        assert.equal(step.editor.document.uri.toString(), b.uri.toString(), 'went on to navigation-b.txt');
        assert.deepEqual([step.selection, step.result.wrapped], [spansOf(B, TERM)[0], false]);
        step = await run<JumpResult>('thaiPolicyLens.nextOccurrence', { themeId: 'navigation-test' });
        assert.equal(step.editor.document.uri.toString(), a, 'wrapped round to navigation-a.txt');
        assert.deepEqual([step.selection, step.result.wrapped], [spansA[0], true]);
        // and back again with previous
        step = await run<JumpResult>('thaiPolicyLens.previousOccurrence', { themeId: 'navigation-test' });
        assert.equal(step.editor.document.uri.toString(), b.uri.toString());
        assert.deepEqual([step.selection, step.result.wrapped], [spansOf(B, TERM)[0], true]);
        step = await run<JumpResult>('thaiPolicyLens.previousOccurrence', { themeId: 'navigation-test' });
        assert.equal(step.editor.document.uri.toString(), a);
        assert.deepEqual([step.selection, step.result.wrapped], [spansA[1], false]);
      });

      it('in document scope it wraps within the document', async () => {
        await getApi();
        await vscode.workspace.openTextDocument(workspaceUri('navigation-b.txt'));
        const editor = await openFixture('navigation-a.txt');
        placeCursor(editor, spansOf(A, TERM)[1][0]);
        const step = await run<JumpResult>('thaiPolicyLens.nextOccurrence', { themeId: 'navigation-test' });
        assert.equal(step.editor.document.uri.toString(), editor.document.uri.toString());
        assert.deepEqual([step.selection, step.result.wrapped], [spansOf(A, TERM)[0], true]);
      });
    });
  });

  describe('go to theme and search glossary', () => {
    it('goToTheme with a theme id selects its first occurrence', async () => {
      await getApi();
      const editor = await openFixture('policy.txt');
      const text = editor.document.getText();
      placeCursor(editor, text.length);
      const go = await run<JumpResult>('thaiPolicyLens.goToTheme', 'test-security');
      assert.deepEqual(go.selection, spansOf(text, 'การไม่แพร่ขยายอาวุธนิวเคลียร์')[0]);
      assert.deepEqual([go.result.themeId, go.result.index, go.result.total], ['test-security', 0, 2]);
    });

    it('goToTheme with a query picks the best theme (English label, fuzzy)', async () => {
      await getApi();
      const editor = await openFixture('policy.txt');
      const text = editor.document.getText();
      const go = await run<JumpResult>('thaiPolicyLens.goToTheme', 'public diplomcy');
      assert.equal(go.result.themeId, 'test-public-diplomacy');
      assert.deepEqual(go.selection, spansOf(text, 'การทูตสาธารณะ')[0]);
    });

    it('searchGlossary with a query jumps to the first occurrence of the best term', async () => {
      await getApi();
      const editor = await openFixture('policy.txt');
      const text = editor.document.getText();
      let found = await run<JumpResult>('thaiPolicyLens.searchGlossary', 'ceasefire');
      assert.deepEqual([found.result.themeId, found.result.term], ['test-security', 'หยุดยิง']);
      assert.deepEqual(found.selection, spansOf(text, 'หยุดยิง')[0]);
      found = await run<JumpResult>('thaiPolicyLens.searchGlossary', 'การเจรจาทวิ');
      assert.deepEqual(found.selection, spansOf(text, 'การเจรจาทวิภาคี')[0]);
      // an alias finds its canonical term
      found = await run<JumpResult>('thaiPolicyLens.searchGlossary', 'การทูตแบบดิจิทัล');
      assert.equal(found.result.term, 'การทูตดิจิทัล');
      assert.deepEqual(found.selection, spansOf(text, 'การทูตดิจิทัล')[0]);
    });

    it('finds countries by their Thai or English name: selects the first mention and shows it in the tree', async () => {
      const api = await getApi();
      const editor = await openFixture('policy.txt');
      const text = editor.document.getText();
      let found = await run<JumpResult>('thaiPolicyLens.searchGlossary', 'japan');
      assert.deepEqual([found.result.themeId, found.result.country], ['', 'JP']);
      assert.deepEqual(found.selection, spansOf(text, 'ญี่ปุ่น')[0]);
      await waitFor(async () => (findItem(await api.getTreeItems(), 'country:JP')?.selected ? true : undefined), 'Japan selected in the tree');
      found = await run<JumpResult>('thaiPolicyLens.goToTheme', 'อินโดนีเซีย');
      assert.equal(found.result.country, 'ID');
      assert.deepEqual(found.selection, spansOf(text, 'สาธารณรัฐอินโดนีเซีย')[0], 'the formal name as written');
      // a country found by name but not mentioned here: said so
      found = await run<JumpResult>('thaiPolicyLens.searchGlossary', 'north korea');
      assert.deepEqual([found.result.country, found.result.message], ['KP', 'Thai Policy Lens: «เกาหลีเหนือ» is not mentioned in policy.txt.']);
      found = await run<JumpResult>('thaiPolicyLens.searchGlossary', 'เกาหลีเหนือ');
      assert.equal(found.result.country, 'KP');
    });

    it('says when nothing matches or the theme does not occur, leaving the selection', async () => {
      await getApi();
      const uri = await writeWorkspaceFile('navigation-none.txt', 'ไม่มีคำในอภิธานศัพท์ที่นี่\n');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      placeCursor(editor, 2);
      const none = await run<JumpResult>('thaiPolicyLens.searchGlossary', 'qqqqzzzz');
      assert.equal(none.result.message, 'Thai Policy Lens: nothing in the glossaries matches "qqqqzzzz".');
      const absent = await run<JumpResult>('thaiPolicyLens.goToTheme', 'test-security');
      assert.equal(absent.result.message, 'Thai Policy Lens: «ความมั่นคงทดสอบ (Test security)» does not occur in navigation-none.txt.');
      assert.deepEqual(absent.selection, [2, 2]);
    });
  });

  describe('open glossary entry', () => {
    async function glossaryLines(): Promise<string[]> {
      return (await vscode.workspace.openTextDocument(workspaceUri('test.glossary.yaml'))).getText().split('\n');
    }

    it('opens test.glossary.yaml at a term, at a bare-string term and at a theme', async () => {
      await getApi();
      const lines = await glossaryLines();
      const check = async (args: unknown, line: number, character: number) => {
        const { result, editor } = await run<OpenedEntry>('thaiPolicyLens.openGlossaryEntry', args);
        assert.equal(editor.document.uri.toString(), workspaceUri('test.glossary.yaml').toString());
        assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [line, character]);
        assert.deepEqual([result.line, result.character], [line, character]);
      };
      const term = lines.findIndex((l) => l.includes('- term: อาวุธนิวเคลียร์'));
      await check({ themeId: 'test-security', term: 'อาวุธนิวเคลียร์' }, term, lines[term].indexOf('term:'));
      const bare = lines.findIndex((l) => l.includes('- การเจรจาทวิภาคี'));
      await check({ themeId: 'test-diplomacy', term: 'การเจรจาทวิภาคี' }, bare, lines[bare].indexOf('การเจรจาทวิภาคี'));
      const theme = lines.findIndex((l) => l.includes('- id: test-public-diplomacy'));
      await check({ themeId: 'test-public-diplomacy' }, theme, lines[theme].indexOf('id:'));
      // the theme tree's items, as its context menu passes them
      const ceasefire = lines.findIndex((l) => l.includes('- term: หยุดยิง'));
      await check({ type: 'term', term: { term: 'หยุดยิง', theme: 'test-security' } }, ceasefire, lines[ceasefire].indexOf('term:'));
      const security = lines.findIndex((l) => l.includes('- id: test-security'));
      await check({ type: 'theme', theme: { id: 'test-security', label: 'ความมั่นคงทดสอบ' } }, security, lines[security].indexOf('id:'));
    });

    it('without arguments opens the entry of the term at the cursor', async () => {
      await getApi();
      const lines = await glossaryLines();
      const editor = await openFixture('policy.txt');
      const text = editor.document.getText();
      placeCursor(editor, spansOf(text, 'การทูตสาธารณะ')[0][1]); // at the end of the term
      const { editor: yaml } = await run<OpenedEntry>('thaiPolicyLens.openGlossaryEntry');
      const line = lines.findIndex((l) => l.includes('- term: การทูตสาธารณะ'));
      assert.equal(yaml.document.uri.toString(), workspaceUri('test.glossary.yaml').toString());
      assert.deepEqual([yaml.selection.active.line, yaml.selection.active.character], [line, lines[line].indexOf('term:')]);
    });

    it('opens the built-in glossary read-only, and copies a theme or the whole of it into the workspace to edit', async () => {
      const api = await getApi();
      await setSetting('thaiPolicyLens.useBuiltinGlossary', true);
      const copies: vscode.Uri[] = [];
      try {
        await waitFor(() => (api.getGlossary().themes.some((t) => t.id === 'security-defence') ? true : undefined), 'the built-in glossary');
        const builtinFile = api.getGlossary().themes.find((t) => t.id === 'security-defence')!.source.file;
        const { result, editor } = await run<OpenedEntry>('thaiPolicyLens.openGlossaryEntry', { themeId: 'security-defence' });
        assert.equal(editor.document.uri.scheme, 'thai-policy-lens-builtin');
        assert.equal(result.uri, editor.document.uri.toString());
        assert.equal(editor.document.getText(), new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(builtinFile))));
        assert.match(editor.document.lineAt(result.line).text, /- id: security-defence/);
        // typing does nothing: the editor is read-only
        const before = editor.document.getText();
        editor.selection = new vscode.Selection(0, 0, 0, 0);
        await vscode.commands.executeCommand('type', { text: 'an edit ' });
        assert.equal(editor.document.getText(), before, 'the built-in glossary cannot be edited');
        assert.equal(editor.document.isDirty, false);
        assert.equal(vscode.workspace.fs.isWritableFileSystem('thai-policy-lens-builtin'), false);

        // one theme, nested: inside a skeleton of its parent, merged with the built-in theme by id
        const theme = await vscode.commands.executeCommand<{ file: string }>('thaiPolicyLens.copyBuiltinTheme', { themeId: 'maritime-security' });
        const themeCopy = vscode.Uri.parse(theme.file);
        copies.push(themeCopy);
        assert.equal(themeCopy.toString(), workspaceUri('maritime-security.glossary.yaml').toString());
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), themeCopy.toString(), 'the copy is open, to edit');
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(themeCopy));
        assert.match(text, /^version: 1\nthemes:\n {2}- id: security-defence\n/m);
        assert.match(text, /\n {6}- id: maritime-security\n/);
        assert.deepEqual(vscode.languages.getDiagnostics(themeCopy), [], 'no error or warning in the copy');
        assert.equal(api.getGlossary().themes.filter((t) => t.id === 'security-defence').length, 1);

        // the whole glossary: the built-in one is turned off in this workspace, the copy replaces it
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const whole = await vscode.commands.executeCommand<{ file: string }>('thaiPolicyLens.copyBuiltinGlossary', { file: builtinFile });
        const wholeCopy = vscode.Uri.parse(whole.file);
        copies.push(wholeCopy);
        assert.equal(wholeCopy.toString(), workspaceUri(builtinFile.slice(builtinFile.lastIndexOf('/') + 1)).toString());
        // the copy replaces its pack: that pack is left out of thaiPolicyLens.builtinPacks, the others stay
        const packId = builtinFile.slice(builtinFile.lastIndexOf('/') + 1).replace(/\.glossary\.yaml$/, '');
        const packs = vscode.workspace.getConfiguration('thaiPolicyLens').get<string[]>('builtinPacks') ?? [];
        assert.ok(!packs.includes(packId) && packs.length > 0, JSON.stringify(packs));
        await waitFor(() => (api.getGlossary().files.some((f) => f === wholeCopy.toString()) && !api.getGlossary().files.includes(builtinFile) ? true : undefined), 'the copy in force');
        assert.ok(api.getGlossary().themes.some((t) => t.id === 'security-defence'), 'the themes come from the copy');
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        for (const uri of copies) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
        await setSetting('thaiPolicyLens.builtinPacks', undefined);
        await setSetting('thaiPolicyLens.useBuiltinGlossary', false);
        await vscode.commands.executeCommand('thaiPolicyLens.reloadGlossaries');
      }
    });
  });
});
