import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { getApi, openFixture, spansOf, waitFor, setSetting, workspaceUri, writeWorkspaceFile } from './helpers';

describe('highlights', () => {
  afterEach(async () => {
    await setSetting('thaiPolicyLens.highlight.themes', undefined);
    await setSetting('thaiPolicyLens.highlight.countries', undefined);
    await setSetting('thaiPolicyLens.highlight.dates', undefined);
    await setSetting('thaiPolicyLens.maxFileSize', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('draws themes, countries and dates on the right ranges', async () => {
    const api = await getApi();
    const editor = await openFixture('policy.txt');
    const text = editor.document.getText();
    const shown = await waitFor(() => api.getHighlights(editor.document.uri), 'highlights');
    assert.deepEqual(shown.ranges['theme:test-diplomacy'], [...spansOf(text, 'การทูตดิจิทัล'), ...spansOf(text, 'การเจรจาทวิภาคี')]);
    // the longest term wins: no separate อาวุธนิวเคลียร์ inside การไม่แพร่ขยายอาวุธนิวเคลียร์
    assert.deepEqual(shown.ranges['theme:test-security'], [...spansOf(text, 'การไม่แพร่ขยายอาวุธนิวเคลียร์'), ...spansOf(text, 'หยุดยิง')]);
    assert.deepEqual(shown.ranges['theme:test-public-diplomacy'], spansOf(text, 'การทูตสาธารณะ'));
    // สหรัฐฯ whole, with its ฯ; จีน inside ทะเลจีนใต้ is not China
    assert.deepEqual(shown.ranges['country'], [...spansOf(text, 'สาธารณรัฐอินโดนีเซีย'), ...spansOf(text, 'สหรัฐฯ'), ...spansOf(text, 'ญี่ปุ่น')]);
    assert.deepEqual(shown.ranges['date'], [...spansOf(text, '16 พฤศจิกายน 2564'), ...spansOf(text, '28 ก.ค.68'), ...spansOf(text, 'พ.ศ. 2569')]);
    assert.match(api.getStatusText(), /\b6\b.*\b3\b.*\b3\b/, 'status bar shows 6 terms, 3 countries, 3 dates');
  });

  it('while the glossaries load, draws nothing and never counts countries without the themes', async function () {
    this.timeout(90_000);
    const api = await getApi();
    // many glossary files named in the workspace settings (inside the folder: the workspace's
    // settings may not name files outside it), so that reading them all takes a while
    const count = 100;
    const outside = workspaceUri('tpl-load');
    const files: string[] = [];
    for (let i = 0; i < count; i++) {
      const file = vscode.Uri.joinPath(outside, `g${i}.yaml`);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`version: 1\nthemes:\n  - id: load-test-${i}\n    label: ทดสอบการโหลด${i}\n    terms: [คำทดสอบการโหลด${i}]\n`));
      files.push(`tpl-load/g${i}.yaml`);
    }
    const opened: vscode.Uri[] = [];
    try {
      await setSetting('thaiPolicyLens.glossaryFiles', files);
      await waitFor(() => (api.getGlossary().files.length > count ? true : undefined), 'the glossaries loaded');
      await api.ready();
      // reload, and meanwhile open new documents one after another, as a user opening files at start-up
      let reloading = true;
      const reload = Promise.resolve(vscode.commands.executeCommand('thaiPolicyLens.reloadGlossaries')).then(() => (reloading = false));
      const seen: Array<{ status: string; themes: number; countries: number }> = [];
      // at most 40 documents: enough to see the load under way, few enough for the web build's
      // editors on a busy machine
      for (let n = 0; reloading && n < 40; n++) {
        const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `ที่ประชุมตกลงหยุดยิงกับญี่ปุ่นและจีน ครั้งที่ ${n}\n` });
        const uri = doc.uri;
        opened.push(uri);
        await vscode.window.showTextDocument(doc, { preview: false });
        if (!reloading) break;
        const h = api.getHighlights(uri);
        const themes = Object.keys(h?.ranges ?? {}).filter((k) => k.startsWith('theme:')).length;
        seen.push({ status: api.getStatusText(), themes, countries: h?.ranges['country']?.length ?? 0 });
      }
      await reload;
      assert.ok(seen.length > 0, 'a document was shown while the glossaries were loading (else this test proves nothing)');
      for (const s of seen) {
        assert.doesNotMatch(s.status, /\$\(symbol-color\) 0 \$\(globe\) [1-9]/, `the status bar counted countries without the themes: ${JSON.stringify(seen)}`);
        assert.ok(!(s.countries > 0 && s.themes === 0), `countries drawn without the themes: ${JSON.stringify(seen)}`);
      }
      const last = opened[opened.length - 1];
      const drawn = await waitFor(() => api.getHighlights(last)?.ranges['theme:test-security'], 'the themes drawn after the load');
      assert.equal(drawn.length, 1);
      assert.match(api.getStatusText(), /symbol-color\) 1 \$\(globe\) 2 /);
    } finally {
      // the untitled documents are closed without a word (not saved)
      for (const uri of opened) {
        await vscode.window.showTextDocument(uri);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      await setSetting('thaiPolicyLens.glossaryFiles', undefined);
      await vscode.workspace.fs.delete(outside, { recursive: true }).then(undefined, () => undefined);
      await vscode.commands.executeCommand('thaiPolicyLens.reloadGlossaries');
    }
  });

  it('the per-category toggles hide and show a category', async () => {
    const api = await getApi();
    const editor = await openFixture('policy.txt');
    await waitFor(() => api.getHighlights(editor.document.uri)?.ranges['country'], 'country highlights');
    await vscode.commands.executeCommand('thaiPolicyLens.toggleCountries');
    const without = await waitFor(() => {
      const h = api.getHighlights(editor.document.uri);
      return h && !h.ranges['country'] ? h : undefined;
    }, 'countries hidden');
    assert.ok(without.ranges['date'], 'dates still shown');
    assert.equal(vscode.workspace.getConfiguration('thaiPolicyLens.highlight').get('countries'), false);
    await vscode.commands.executeCommand('thaiPolicyLens.toggleCountries');
    await waitFor(() => api.getHighlights(editor.document.uri)?.ranges['country'], 'countries shown again');
    await vscode.commands.executeCommand('thaiPolicyLens.toggleHighlights');
    const none = await waitFor(() => {
      const h = api.getHighlights(editor.document.uri);
      return h && Object.keys(h.ranges).length === 0 ? h : undefined;
    }, 'all hidden');
    assert.deepEqual(none.ranges, {});
    await vscode.commands.executeCommand('thaiPolicyLens.toggleHighlights');
  });

  it('follows edits: highlights move with the text and new terms appear', async () => {
    const api = await getApi();
    const editor = await openFixture('policy.txt');
    await waitFor(() => api.getHighlights(editor.document.uri), 'highlights');
    // insert a new term at the start of line 3, and text before everything on line 1
    await editor.edit((e) => {
      e.insert(new vscode.Position(2, 0), 'หยุดยิง ');
    });
    await editor.edit((e) => {
      e.insert(new vscode.Position(0, 0), 'ร่าง ');
    });
    const text = editor.document.getText();
    const shown = await waitFor(() => {
      const h = api.getHighlights(editor.document.uri);
      return h && h.version === editor.document.version ? h : undefined;
    }, 'highlights after the edit');
    assert.equal(shown.incremental, true, 'a small edit is re-analysed incrementally');
    assert.deepEqual(shown.ranges['theme:test-security'], [
      ...spansOf(text, 'หยุดยิง').slice(0, 1),
      ...spansOf(text, 'การไม่แพร่ขยายอาวุธนิวเคลียร์'),
      ...spansOf(text, 'หยุดยิง').slice(1),
    ]);
    assert.deepEqual(shown.ranges['country'], [...spansOf(text, 'สาธารณรัฐอินโดนีเซีย'), ...spansOf(text, 'สหรัฐฯ'), ...spansOf(text, 'ญี่ปุ่น')]);
    // the incremental result equals a full analysis of the new text
    const full = (await api.getAnnotations(editor.document.uri)).map((a) => [a.kind, a.start, a.end]);
    const fresh = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
    const expected = (await api.getAnnotations(fresh.uri)).map((a) => [a.kind, a.start, a.end]);
    assert.deepEqual(full, expected);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('skips a document over the size limit with a clear status message', async () => {
    const api = await getApi();
    await setSetting('thaiPolicyLens.maxFileSize', 200);
    const uri = await writeWorkspaceFile('highlights-large.txt', 'การทูตดิจิทัล '.repeat(100));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const status = await waitFor(() => (/not analysed/.test(api.getStatusText()) ? api.getStatusText() : undefined), 'status message');
    assert.match(status, /not analysed/);
    assert.deepEqual(await api.getAnnotations(editor.document.uri), []);
  });
});
