import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ThaiPolicyLensApi } from '../../../src/extension/extension';
import { EXTENSION_ID, waitFor, workspaceUri, writeWorkspaceFile } from '../helpers';

const THAI = 'มติคณะรัฐมนตรีเรื่องความร่วมมือด้านการทูตและความมั่นคงกับสาธารณรัฐประชาชนจีน เมื่อวันที่ 16 พฤศจิกายน 2564\n';
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The folder holds only English .txt and .md files (scripts/lib/englishWorkspace.mjs): opening
// them must cost nothing: no highlights, no analyses, no index.
describe('an English-only workspace', () => {
  let api: ThaiPolicyLensApi;

  it('before a document is opened: not active, or (activated by the chat input, a plain-text document of VS Code 1.10x and later) idle', async () => {
    const ext = vscode.extensions.getExtension<ThaiPolicyLensApi>(EXTENSION_ID);
    assert.ok(ext);
    await settle(1000);
    if (ext.isActive) assert.deepEqual(ext.exports.getActivity(), { analyses: 0, indexStarted: false, indexedFiles: 0 });
  });

  it('opening English documents: activated by their language, but no analysis, no highlights and no index work', async () => {
    const files = (await vscode.workspace.findFiles('**/*.{txt,md}')).sort((a, b) => a.path.localeCompare(b.path));
    assert.equal(files.length, 60);
    for (const uri of files.slice(0, 6)) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const ext = vscode.extensions.getExtension<ThaiPolicyLensApi>(EXTENSION_ID)!;
    await waitFor(() => (ext.isActive ? true : undefined), 'activation on onLanguage');
    api = ext.exports;
    await api.ready();
    await settle(1500); // time for any background work to show
    assert.deepEqual(api.getActivity(), { analyses: 0, indexStarted: false, indexedFiles: 0 });
    for (const uri of files.slice(0, 6)) assert.equal(api.getHighlights(uri), undefined, uri.path);
    assert.deepEqual(await vscode.commands.executeCommand('thaiPolicyLens.analyzeDocument', files[0]), []);
    assert.equal(api.getActivity().analyses, 0);
  });

  it('a Thai document is still analysed and highlighted, without starting the index', async () => {
    const uri = await writeWorkspaceFile('thai-note.txt', THAI);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const drawn = await waitFor(() => api.getHighlights(uri), 'the Thai document highlighted');
    assert.ok(Object.keys(drawn.ranges).some((k) => k.startsWith('theme:')), JSON.stringify(drawn.ranges));
    assert.deepEqual(drawn.ranges.country, [[THAI.indexOf('สาธารณรัฐประชาชนจีน'), THAI.indexOf('สาธารณรัฐประชาชนจีน') + 'สาธารณรัฐประชาชนจีน'.length]]);
    const activity = api.getActivity();
    assert.ok(activity.analyses >= 1);
    assert.equal(activity.indexStarted, false);
  });

  it('the Themes view for the whole workspace reads every file but analyses only the Thai one', async () => {
    const before = api.getActivity().analyses;
    await vscode.commands.executeCommand('thaiPolicyLens.tree.scopeWorkspace');
    const activity = api.getActivity();
    assert.equal(activity.indexStarted, true);
    assert.equal(activity.indexedFiles, 61);
    assert.equal(activity.analyses - before, 1, 'only thai-note.txt');
  });

  it('typing Thai into an English document starts its analysis', async () => {
    const uri = workspaceUri('part-00', 'doc-0.txt');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    assert.equal(api.getHighlights(uri), undefined);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'ประเทศญี่ปุ่น '));
    const drawn = await waitFor(() => (api.getHighlights(uri)?.ranges.country?.length ? api.getHighlights(uri) : undefined), 'highlights after typing Thai');
    assert.deepEqual(drawn.ranges.country[0], [0, 'ประเทศญี่ปุ่น'.length]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
