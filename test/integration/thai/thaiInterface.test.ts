// With Thai as VS Code's display language: a command title, a tree label, a message and a hover
// are in Thai, and the hover's dates follow the content language (auto: Thai, Buddhist calendar).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { testHooksOf } from '../../../src/extension/testHooks';
import { EXTENSION_ID, getApi, openFixture, waitFor, writeWorkspaceFile } from '../helpers';

describe('Thai interface', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs with Thai as the display language, the content language left to auto', () => {
    assert.equal(vscode.env.language, 'th');
    assert.equal(vscode.workspace.getConfiguration('thaiPolicyLens').get('contentLanguage'), 'auto');
  });

  it('shows the command titles of package.nls.th.json', () => {
    // the localised manifest gives a title as { value, original } (the English)
    const commands = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as Array<{ command: string; title: { value: string; original: string } }>;
    assert.deepEqual(commands.find((c) => c.command === 'thaiPolicyLens.showThemes')?.title, { value: 'แสดงประเด็น', original: 'Show Themes' });
    assert.equal(commands.find((c) => c.command === 'thaiPolicyLens.tagSelection')?.title.value, 'ติดแท็กประเด็นให้ข้อความที่เลือก...');
  });

  it('labels the Countries and Dates branches of the Themes view in Thai', async () => {
    const api = await getApi();
    await openFixture('policy.txt');
    const items = await waitFor(async () => {
      const all = await api.getTreeItems();
      return all.some((i) => i.kind === 'countries') ? all : undefined;
    }, 'the tree of policy.txt');
    assert.deepEqual(items.filter((i) => i.kind === 'countries' || i.kind === 'dates').map((i) => i.label), ['ประเทศ', 'วันที่']);
    const diplomacy = items.find((i) => i.kind === 'theme');
    assert.ok(diplomacy && /^\p{Script=Thai}/u.test(diplomacy.label), 'Thai labels first (content language auto = Thai)');
  });

  it('says its messages in Thai', async () => {
    const api = await getApi();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('thaiPolicyLens.analyzeDocument');
    assert.equal(testHooksOf(api).lastInformation(), 'Thai Policy Lens: เปิดเอกสารก่อนเพื่อวิเคราะห์');
  });

  it('reports a glossary error in the Problems panel in Thai, at its line and column', async () => {
    await getApi();
    const uri = await writeWorkspaceFile('thaiBroken.glossary.yaml', 'version: 1\nthemes:\n  - id: thai-broken\n    terms: [ทดสอบ]\n');
    try {
      const diags = await waitFor(() => {
        const d = vscode.languages.getDiagnostics(uri);
        return d.length ? d : undefined;
      }, 'the diagnostic of the broken glossary');
      assert.deepEqual(diags.map((d) => [d.message, d.range.start.line, d.range.start.character]), [['ประเด็น "thai-broken" ไม่มี "label"', 2, 4]]);
    } finally {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it('writes the hover of a date in Thai, with the Buddhist calendar', async () => {
    await getApi();
    const editor = await openFixture('policy.txt');
    const doc = editor.document;
    const offset = doc.getText().indexOf('16 พฤศจิกายน 2564') + 3;
    const value = await waitFor(async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset))) ?? [];
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n\n');
      return text.includes('วันอังคาร') ? text : undefined;
    }, 'a date hover');
    assert.match(value, /^\*\*วันอังคารที่ 16 พฤศจิกายน พ\.ศ\. 2564\*\*\n\nปฏิทิน: พุทธศักราช \(พ\.ศ\. \/ BE\): พ\.ศ\. 2564 = ค\.ศ\. 2021\n/);
  });
});
