import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, getApi } from '../helpers';

// The web suite runs where vscode.dev and github.dev run extensions: the proof that it does.
describe('the web worker extension host', () => {
  it('runs the tests and the extension in a web worker, from the browser bundle', async () => {
    const worker = globalThis as { importScripts?: unknown; process?: { versions?: { node?: string } } };
    assert.equal(typeof worker.importScripts, 'function', 'a web worker');
    assert.equal(worker.process?.versions?.node, undefined, 'no Node');
    const api = await getApi();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    assert.equal(ext.extensionKind, vscode.ExtensionKind.UI, 'the local (browser) host, not the remote Node host');
    assert.equal(ext.packageJSON.browser, './dist/web/extension.js');
    assert.equal(typeof api.getActivity().analyses, 'number');
  });
});
