import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { getApi, openFixture, waitFor, workspaceUri } from '../helpers';

// Workspace trust is on and test/fixtures/restricted is opened untrusted: Restricted Mode.
describe('Restricted Mode (an untrusted folder)', () => {
  it('runs with workspace trust on and the folder untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('highlights and hovers work, with the built-in glossary only', async () => {
    const api = await getApi();
    const editor = await openFixture('statement.txt');
    const uri = editor.document.uri;
    const text = editor.document.getText();
    const drawn = await waitFor(() => api.getHighlights(uri), 'highlights');
    const diplomacy = text.indexOf('การทูต');
    assert.ok(drawn.ranges['theme:diplomacy']?.some(([s]) => s === diplomacy), JSON.stringify(drawn.ranges));
    assert.equal(drawn.ranges.country?.length, 1);
    assert.equal(drawn.ranges['theme:restricted-fish'], undefined, 'the workspace glossary is not loaded');
    // only the built-in packs (the files of the extension's glossaries/ folder)
    assert.deepEqual(
      api.getGlossary().files.filter((f) => !f.includes('/glossaries/')),
      [],
    );
    assert.ok(api.getGlossary().files.length > 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(diplomacy + 2));
    const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(markdown, /การทูต/);
  });

  it('the settings that point at files keep their user values (restrictedConfigurations)', async () => {
    // the folder's settings name other files, but they are not in force
    const folderSettings = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('.vscode', 'settings.json')));
    assert.match(folderSettings, /"thaiPolicyLens\.glossaryFiles": \["extra\/more\.yaml"\]/);
    const config = vscode.workspace.getConfiguration('thaiPolicyLens');
    assert.deepEqual(config.get('glossaryFiles'), []);
    assert.equal(config.get('annotationsFile'), '.policy-lens/annotations.json');
  });

  it('the workspace glossaries load once the user allows them, the restricted setting still not', async () => {
    const api = await getApi();
    assert.equal(await vscode.commands.executeCommand('thaiPolicyLens.allowWorkspaceGlossaries'), true);
    const files = await waitFor(() => {
      const names = api.getGlossary().files.map((f) => f.split('/').pop());
      return names.includes('project.glossary.yaml') ? names : undefined;
    }, 'the workspace glossary');
    assert.deepEqual(api.getGlossary().files.filter((f) => !f.includes('/glossaries/')).map((f) => f.split('/').pop()), ['project.glossary.yaml']);
    assert.ok(files.length > 1);
    const uri = workspaceUri('statement.txt');
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    const drawn = await waitFor(() => (api.getHighlights(uri)?.ranges['theme:restricted-fish'] ? api.getHighlights(uri) : undefined), 'the workspace theme highlighted');
    assert.deepEqual(drawn.ranges['theme:restricted-fish'], [[text.indexOf('ปลาบึก'), text.indexOf('ปลาบึก') + 'ปลาบึก'.length]]);
    assert.equal(vscode.workspace.isTrusted, false);
  });
});
