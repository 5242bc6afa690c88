import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { testHooksOf } from '../../src/extension/testHooks';
import { getApi, openFixture } from './helpers';

describe('palette commands that show something', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Show Version says the version in a message', async () => {
    const api = await getApi();
    assert.equal(await vscode.commands.executeCommand('thaiPolicyLens.version'), api.version);
    assert.equal(testHooksOf(api).lastInformation(), `Thai Policy Lens ${api.version}`);
  });

  it('Analyze Active Document opens the analysis as a readable report in a new editor', async () => {
    const api = await getApi();
    const editor = await openFixture('policy.txt');
    const annotations = await vscode.commands.executeCommand<unknown[]>('thaiPolicyLens.analyzeDocument');
    assert.deepEqual(annotations, await api.getAnnotations(editor.document.uri), 'it still returns the annotations');
    const report = vscode.window.activeTextEditor!.document;
    assert.notEqual(report.uri.toString(), editor.document.uri.toString(), 'a new editor');
    assert.deepEqual([report.uri.scheme, report.languageId], ['untitled', 'markdown']);
    const lines = report.getText().split('\n');
    assert.equal(lines[0], '# policy.txt');
    assert.match(lines[2], /^\d+ characters: 6 terms, 3 countries, 3 dates\.$/);
    assert.ok(lines.includes('### การทูตทดสอบ (Test diplomacy) `test-diplomacy`: 3'), report.getText());
    assert.ok(lines.includes('| ญี่ปุ่น (Japan) | JP | 1 | ญี่ปุ่น | 3 |'), report.getText());
    assert.ok(lines.includes('| 2 | 16 พฤศจิกายน 2564 | 2021-11-16 | 2021-11-16 | BE |'), report.getText());
  });
});
