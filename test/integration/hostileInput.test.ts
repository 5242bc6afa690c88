// Hostile and broken input in the editor (issue 9): an empty annotations file, settings that
// point outside the workspace folder, invalid UTF-8 in a glossary, and the longest stall of the
// extension host while a 50,000-term glossary loads.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { testHooksOf } from '../../src/extension/testHooks';
import { getApi, setSetting, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

const ANNOTATIONS = '.policy-lens/annotations.json';

describe('hostile input in the editor', () => {
  after(async () => {
    await setSetting('thaiPolicyLens.annotationsFile', undefined);
    await setSetting('thaiPolicyLens.glossaryFiles', undefined);
    for (const name of ['hostile-bad-utf8.glossary.yaml', 'hostile-big.glossary.yaml']) {
      await vscode.workspace.fs.delete(workspaceUri(name)).then(undefined, () => undefined);
    }
    const api = await getApi();
    await testHooksOf(api).tagging.reload();
  });

  it('reads an empty annotations file as an error, not as "no tags", and writes nothing over it (item 9)', async () => {
    const api = await getApi();
    await writeWorkspaceFile(ANNOTATIONS, '');
    await testHooksOf(api).tagging.reload();
    const store = await waitFor(() => (testHooksOf(api).tagging.store()?.state === 'readOnly' ? testHooksOf(api).tagging.store() : undefined), 'the store to go read-only');
    assert.match(store.problem ?? '', /the file is empty/);
    await testHooksOf(api).tagging.flush();
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(ANNOTATIONS))), '', 'the file is left as it is');
    await writeWorkspaceFile(ANNOTATIONS, '{ "version": 1 }\n');
    await waitFor(() => (testHooksOf(api).tagging.store()?.state === 'ready' ? true : undefined), 'the store to read the file again');
  });

  it('refuses an annotations file setting that leaves the workspace folder (item 3)', async () => {
    const api = await getApi();
    await setSetting('thaiPolicyLens.annotationsFile', '../escape/annotations.json');
    await testHooksOf(api).tagging.reload();
    const store = await waitFor(() => (testHooksOf(api).tagging.store()?.state === 'readOnly' ? testHooksOf(api).tagging.store() : undefined), 'the store to refuse the path');
    assert.match(store.problem ?? '', /thaiPolicyLens\.annotationsFile \("\.\.\/escape\/annotations\.json"\) must name a file inside the workspace folder/);
    await setSetting('thaiPolicyLens.annotationsFile', undefined);
    await testHooksOf(api).tagging.reload();
  });

  it('leaves out a glossary file of the workspace settings outside the workspace folder (item 3)', async () => {
    const api = await getApi();
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const outside = path.join(path.dirname(folder), 'hostile-outside.glossary.yaml');
    fs.writeFileSync(outside, 'version: 1\nthemes:\n  - id: hostile-outside\n    label: นอก\n    terms: [ข้างนอก]\n');
    try {
      await setSetting('thaiPolicyLens.glossaryFiles', ['../hostile-outside.glossary.yaml', outside]);
      await vscode.commands.executeCommand('thaiPolicyLens.reloadGlossaries');
      await api.ready();
      assert.equal(api.getGlossary().themes.some((t) => t.id === 'hostile-outside'), false);
    } finally {
      fs.rmSync(outside, { force: true });
      await setSetting('thaiPolicyLens.glossaryFiles', undefined);
    }
  });

  it('reports invalid UTF-8 in a glossary at its line and column (item 12)', async () => {
    const uri = workspaceUri('hostile-bad-utf8.glossary.yaml');
    const bytes = Buffer.concat([Buffer.from('version: 1\nthemes:\n  - id: hostile-utf8\n    label: X\n    terms: ["'), Buffer.from([0xe0, 0xb8, 0x28]), Buffer.from('"]\n')]);
    await vscode.workspace.fs.writeFile(uri, bytes);
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => /invalid UTF-8/.test(d.message)), 'the diagnostic');
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.severity], [4, 13, vscode.DiagnosticSeverity.Error]);
    const api = await getApi();
    assert.equal(api.getGlossary().themes.some((t) => t.id === 'hostile-utf8'), false);
  });

  it('loads a 50,000-term glossary; prints the longest stall of the extension host (item 1)', async function () {
    this.timeout(120_000);
    const consonants = 'กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ';
    const terms: string[] = [];
    for (let i = 0; terms.length < 50_000; i++) {
      let s = '';
      for (let n = i; n > 0 || s === ''; n = Math.floor(n / 30)) s += consonants[n % 30] + 'า';
      terms.push(`นโยบาย${s}`);
    }
    let text = 'version: 1\nthemes:\n';
    for (let t = 0; t < 50; t++) {
      text += `  - id: hostile-big-${t}\n    label: หมวด ${t}\n    terms:\n`;
      for (let i = t; i < terms.length; i += 50) text += `      - ${terms[i]}\n`;
    }
    const api = await getApi();
    let longest = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    try {
      const started = performance.now();
      await writeWorkspaceFile('hostile-big.glossary.yaml', text);
      await waitFor(() => (api.getGlossary().themes.some((t) => t.id === 'hostile-big-49') ? true : undefined), 'the big glossary', 60_000);
      const doc = await vscode.workspace.openTextDocument({ content: `ว่าด้วย${terms[31234]}`, language: 'plaintext' });
      await waitFor(async () => ((await api.getAnnotations(doc.uri)).some((a) => a.kind === 'term') ? true : undefined), 'a term of it found', 60_000);
      console.log(`      50,000-term glossary: loaded and matching in ${Math.round(performance.now() - started)} ms; longest stall of the extension host ${Math.round(longest)} ms`);
    } finally {
      clearInterval(probe);
    }
    assert.ok(longest < 5000, `the extension host stalled ${Math.round(longest)} ms`);
  });
});
