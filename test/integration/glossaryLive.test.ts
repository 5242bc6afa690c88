import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { getApi, openFixture, setSetting, spansOf, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

const GOOD = `version: 1
themes:
  - id: live-trade
    label: การค้าทดสอบ
    label_en: Test trade
    terms:
      - term: เขตการค้าเสรี
        en: Free trade area
`;

// Line 6, column 9 is where the bad id is written.
const BAD_ID = `version: 1
themes:
  - id: live-trade
    label: การค้าทดสอบ
    themes:
      - id: Bad_Id
        label: ผิด
`;

const BROKEN_YAML = `version: 1
themes:
  - id: live-trade
    label: [unclosed
`;

describe('glossary, live', () => {
  const file = 'glossaryLive.glossary.yaml';

  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, file)).then(undefined, () => undefined);
  });

  it('loads a new glossary file and highlights its terms', async () => {
    const api = await getApi();
    const doc = await writeWorkspaceFile('glossaryLive-doc.txt', 'ไทยเสนอให้จัดตั้งเขตการค้าเสรีในภูมิภาค\n');
    await writeWorkspaceFile(file, GOOD);
    await waitFor(() => (api.getGlossary().themes.some((t) => t.id === 'live-trade') ? true : undefined), 'the new theme');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc));
    const shown = await waitFor(() => api.getHighlights(editor.document.uri)?.ranges['theme:live-trade'], 'the new term highlighted');
    assert.deepEqual(shown, spansOf(editor.document.getText(), 'เขตการค้าเสรี'));
  });

  it('reports a bad id at its line and column and keeps the last good version', async () => {
    const api = await getApi();
    const uri = await writeWorkspaceFile(file, BAD_ID);
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length ? d : undefined;
    }, 'diagnostics');
    const err = diags.find((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.ok(err, 'an error is reported');
    assert.equal(err.range.start.line, 5, 'line 6 (0-based 5)');
    assert.equal(err.range.start.character, 12, 'column 13, the id value');
    assert.match(err.message, /id/i);
    // the last good version stays in force
    assert.ok(api.getGlossary().themes.some((t) => t.id === 'live-trade' && t.terms.some((term) => term.term === 'เขตการค้าเสรี')));
  });

  it('reports invalid YAML with its position, and clears it when fixed', async () => {
    const api = await getApi();
    const uri = await writeWorkspaceFile(file, BROKEN_YAML);
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error);
      return d.length && d[0].range.start.line >= 3 ? d : undefined;
    }, 'YAML diagnostics');
    assert.equal(diags[0].range.start.line >= 3, true, 'the error is on or after the unclosed flow sequence');
    assert.ok(api.getGlossary().themes.some((t) => t.id === 'live-trade'), 'last good version still in force');
    await writeWorkspaceFile(file, GOOD);
    await waitFor(() => (vscode.languages.getDiagnostics(uri).length === 0 ? true : undefined), 'diagnostics cleared');
  });

  it('a theme id defined in an earlier file adds the terms to that theme; another label is a warning there', async () => {
    const api = await getApi();
    const other = await writeWorkspaceFile(
      'glossaryLive-dup.glossary.yaml',
      `version: 1\nthemes:\n  - id: test-security\n    label: ซ้ำ\n    terms:\n      - term: กองกำลังทดสอบ\n        en: test force\n`,
    );
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(other);
      return d.length ? d : undefined;
    }, 'the warning about the label');
    assert.deepEqual(diags.map((d) => [d.severity, d.range.start.line, d.range.start.character]), [[vscode.DiagnosticSeverity.Warning, 2, 4]]);
    assert.match(diags[0].message, /^theme "test-security" is already defined at .*test\.glossary\.yaml:\d+:\d+ with the label «ความมั่นคงทดสอบ»; that label stays/);
    const themes = api.getGlossary().themes.filter((t) => t.id === 'test-security');
    assert.equal(themes.length, 1, 'one theme, not two');
    assert.equal(themes[0].label, 'ความมั่นคงทดสอบ', 'the first definition gives the label');
    assert.ok(themes[0].terms.some((t) => t.term === 'กองกำลังทดสอบ' && t.source.file === other.toString()), 'the new term is in the theme');
    await vscode.workspace.fs.delete(other);
    await waitFor(() => (vscode.languages.getDiagnostics(other).length === 0 ? true : undefined), 'diagnostic removed with the file');
    assert.ok(!api.getGlossary().themes.find((t) => t.id === 'test-security')!.terms.some((t) => t.term === 'กองกำลังทดสอบ'));
  });

  it('loads the built-in packs chosen in the setting or with Choose Built-in Glossary Packs, and a workspace file adds to their themes', async () => {
    const api = await getApi();
    const packFiles = () =>
      api
        .getGlossary()
        .files.map((f) => /\/glossaries\/([a-z-]+)\.glossary\.yaml$/.exec(f)?.[1])
        .filter((f): f is string => f !== undefined);
    const ids = () => new Set(api.getGlossary().themes.map((t) => t.id));
    await setSetting('thaiPolicyLens.builtinPacks', ['labour-migration']);
    await setSetting('thaiPolicyLens.useBuiltinGlossary', true);
    const extra = 'glossaryLive-packs.glossary.yaml';
    try {
      await waitFor(() => (packFiles().join() === 'labour-migration' ? true : undefined), 'the labour pack alone');
      await api.ready();
      assert.ok(ids().has('labour-employment') && !ids().has('diplomacy') && ids().has('test-security'));
      // the command writes the setting (where it is set: here the workspace) and the glossary follows
      const chosen = await vscode.commands.executeCommand<string[]>('thaiPolicyLens.chooseBuiltinPacks', ['justice-law', 'education', 'no-such-pack']);
      assert.deepEqual(chosen, ['education', 'justice-law']);
      assert.deepEqual(vscode.workspace.getConfiguration('thaiPolicyLens').inspect('builtinPacks')?.workspaceValue, ['education', 'justice-law']);
      await waitFor(() => (packFiles().join() === 'education,justice-law' ? true : undefined), 'the two packs, in load order');
      await api.ready();
      assert.ok(ids().has('basic-education') && !ids().has('labour-employment'));
      // a workspace file that declares a built-in theme's id adds its term there: one theme in the tree
      const label = api.getGlossary().themes.find((t) => t.id === 'legislation')!.label;
      await writeWorkspaceFile(extra, `version: 1\nthemes:\n  - id: legislation\n    label: ${label}\n    terms:\n      - term: ร่างกฎหมายทดสอบ\n        en: test bill\n`);
      await waitFor(() => (api.getGlossary().themes.find((t) => t.id === 'legislation')?.terms.some((t) => t.term === 'ร่างกฎหมายทดสอบ') ? true : undefined), 'the added term');
      assert.equal(api.getGlossary().themes.filter((t) => t.label === label).length, 1);
      const doc = await writeWorkspaceFile('glossaryLive-packs.txt', 'สภารับหลักการร่างกฎหมายทดสอบแล้ว\n');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc));
      const found = await api.getAnnotations(doc);
      assert.deepEqual(found.filter((a) => a.kind === 'term').map((a) => [a.text, a.kind === 'term' ? a.theme : '']), [['ร่างกฎหมายทดสอบ', 'legislation']]);
      const tree = await api.getTreeItems();
      assert.equal(JSON.stringify(tree).split('"id":"theme:legislation"').length - 1, 1, 'one legislation theme in the Themes view');
      // no pack: only the workspace glossaries
      assert.deepEqual(await vscode.commands.executeCommand<string[]>('thaiPolicyLens.chooseBuiltinPacks', []), []);
      await waitFor(() => (packFiles().length === 0 ? true : undefined), 'no pack');
      await api.ready();
      assert.ok(ids().has('test-security') && ids().has('legislation') && !ids().has('basic-education'));
    } finally {
      await vscode.workspace.fs.delete(workspaceUri(extra)).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(workspaceUri('glossaryLive-packs.txt')).then(undefined, () => undefined);
      await setSetting('thaiPolicyLens.useBuiltinGlossary', false);
      await setSetting('thaiPolicyLens.builtinPacks', undefined);
      await waitFor(() => (packFiles().length === 0 ? true : undefined), 'the built-in glossary off again');
    }
  });

  it('the policy document keeps its highlights throughout', async () => {
    const api = await getApi();
    const editor = await openFixture('policy.txt');
    const shown = await waitFor(() => api.getHighlights(editor.document.uri)?.ranges['theme:test-security'], 'highlights');
    assert.equal(shown.length, 2);
  });
});
