import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { testHooksOf } from '../../../src/extension/testHooks';
import { getApi, waitFor } from '../helpers';

// Two folders (alpha, beta), each with its own Folder Settings: `resource` settings are read per
// document, glossaryFiles are relative to their own folder, each folder has its annotations file.
function inFolder(name: string, ...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `folder ${name}`);
  return vscode.Uri.joinPath(folder.uri, ...path);
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
/** The text of every coder's tag file in `dir`, one after another. */
async function readTags(dir: vscode.Uri): Promise<string> {
  const entries = await vscode.workspace.fs.readDirectory(dir);
  const files = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.json'));
  assert.ok(files.length > 0, `a coder's tag file in ${dir.toString()}`);
  return (await Promise.all(files.map(([name]) => read(vscode.Uri.joinPath(dir, name))))).join('\n');
}
const span = (text: string, needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });

describe('a multi-root workspace', () => {
  it('loads each folder\'s glossaryFiles, relative to that folder', async () => {
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['alpha', 'beta'],
    );
    const api = await getApi();
    const files = api.getGlossary().files;
    for (const uri of [inFolder('alpha', 'terms', 'alpha.yaml'), inFolder('beta', 'beta.yaml')]) assert.ok(files.includes(uri.toString()), `${uri} in ${files}`);
  });

  it('reads the languages setting per folder: beta analyses Markdown only', async () => {
    const api = await getApi();
    const alpha = await open(inFolder('alpha', 'doc.txt'));
    const drawn = await waitFor(() => api.getHighlights(alpha.document.uri), 'alpha/doc.txt highlighted');
    assert.deepEqual(drawn.ranges['theme:alpha-fish'], [[span(alpha.document.getText(), 'ปลาบึก').start, span(alpha.document.getText(), 'ปลาบึก').end]]);
    const note = await open(inFolder('beta', 'note.md'));
    const noteDrawn = await waitFor(() => api.getHighlights(note.document.uri), 'beta/note.md highlighted');
    assert.ok(noteDrawn.ranges['theme:beta-basin']);
    const betaText = await open(inFolder('beta', 'doc.txt'));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(api.getHighlights(betaText.document.uri), undefined, 'plain text is not analysed in beta');
  });

  it('keeps one annotations file per folder, where each folder\'s setting says', async () => {
    const api = await getApi();
    const alphaDoc = inFolder('alpha', 'doc.txt');
    const betaNote = inFolder('beta', 'note.md');
    const alphaText = (await vscode.workspace.openTextDocument(alphaDoc)).getText();
    const betaText = (await vscode.workspace.openTextDocument(betaNote)).getText();
    assert.ok(await vscode.commands.executeCommand('thaiPolicyLens.tagSelection', { uri: alphaDoc.toString(), range: span(alphaText, 'ปลาบึก'), themeId: 'alpha-fish' }));
    assert.ok(await vscode.commands.executeCommand('thaiPolicyLens.tagSelection', { uri: betaNote.toString(), range: span(betaText, 'ลุ่มน้ำโขง'), themeId: 'beta-basin' }));
    await testHooksOf(api).tagging.flush();
    // each coder's tags are in a file of their own, in a tags folder beside the folder's annotations file
    const alphaFile = await readTags(inFolder('alpha', 'coding', 'tags'));
    const betaFile = await readTags(inFolder('beta', '.policy-lens', 'tags'));
    assert.match(alphaFile, /doc\.txt/);
    assert.doesNotMatch(alphaFile, /note\.md/);
    assert.match(betaFile, /note\.md/);
    assert.doesNotMatch(betaFile, /alpha-fish/);
  });

  it('exports the coded passages of one folder: the one the export goes to', async () => {
    const target = inFolder('alpha', 'coded.csv');
    const result = await vscode.commands.executeCommand<{ passages: number }>('thaiPolicyLens.exportCsv', { file: target.toString() });
    assert.equal(result?.passages, 1);
    const csv = await read(target);
    assert.match(csv, /ปลาบึก/);
    assert.doesNotMatch(csv, /ลุ่มน้ำโขง/);
  });
});
