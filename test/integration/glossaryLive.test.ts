import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { getApi, openFixture, spansOf, waitFor, writeWorkspaceFile } from './helpers';

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
    // (the file may be read half written first: wait for the diagnostics of the whole of it)
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.some((x) => x.severity === vscode.DiagnosticSeverity.Error && /id/i.test(x.message)) ? d : undefined;
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

  it('the policy document keeps its highlights throughout', async () => {
    const api = await getApi();
    const editor = await openFixture('policy.txt');
    const shown = await waitFor(() => api.getHighlights(editor.document.uri)?.ranges['theme:test-security'], 'highlights');
    assert.equal(shown.length, 2);
  });
});
