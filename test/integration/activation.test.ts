import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

describe('activation', () => {
  it('activates and answers a command', async () => {
    const ext = vscode.extensions.getExtension('thai-policy-lens.thai-policy-lens');
    assert.ok(ext, 'extension is installed');
    const api = await ext.activate();
    assert.equal(api.version, '0.1.0');
    assert.equal(await vscode.commands.executeCommand('thaiPolicyLens.version'), '0.1.0');
  });
});
