// Named to run after workspaceIndex.test.ts (files run in name order): opening the dashboard starts
// the workspace index, which would then re-analyse the workspace under the earlier tests that reload glossaries.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { testHooksOf } from '../../src/extension/testHooks';
import { getApi, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

// Two dated documents of their own folder; test-security's terms (test.glossary.yaml) and one country.
const DOCS: Record<string, string> = {
  'corpus-test/one.txt': 'วันที่ 1 มีนาคม 2564\n\nการไม่แพร่ขยายอาวุธนิวเคลียร์ กับญี่ปุ่น\n\nข้อตกลงหยุดยิง\n',
  'corpus-test/two.txt': 'วันที่ 5 มิถุนายน 2566\n\nข้อตกลงหยุดยิง และญี่ปุ่น\n',
};

describe('Corpus dashboard', function () {
  this.timeout(60_000);

  it('the webview draws the charts and the KWIC rows of a query, and reports them back', async () => {
    const api = await getApi();
    for (const [name, text] of Object.entries(DOCS)) await writeWorkspaceFile(name, text);
    const hooks = testHooksOf(api).corpusDashboard;
    const before = hooks.drawnCount();
    await vscode.commands.executeCommand('thaiPolicyLens.findPassages', 'folder:corpus-test theme:test-security country:ญี่ปุ่น');
    const panel = await waitFor(() => hooks.panel(), 'the dashboard panel');
    assert.equal(panel.title, 'Corpus Dashboard');
    // the page's CSP: scripts with the nonce only
    assert.match(panel.webview.html, /script-src 'nonce-[A-Za-z0-9]{32}';/);
    assert.doesNotMatch(panel.webview.html, /<script(?![^>]*nonce=)/);
    const drawn = await waitFor(async () => {
      const count = hooks.drawnCount();
      if (count <= before) return undefined;
      const last = await hooks.drawn(count - 1);
      return last.selection.folder === 'corpus-test' && last.paragraphs === 2 ? last : undefined;
    }, 'the query drawn', 30_000).catch(async (e) => {
      const count = hooks.drawnCount();
      throw new Error(`${e.message}; ${count - before} drawn${count > before ? `, the last: ${JSON.stringify(await hooks.drawn(count - 1))}` : ''}`);
    });
    assert.deepEqual(drawn.selection, { folder: 'corpus-test', themes: [['test-security']], countries: [['JP']] });
    // the KWIC list: the mentions of the theme and the country in the two paragraphs
    assert.deepEqual(drawn.kwic, [
      ['', 'การไม่แพร่ขยายอาวุธนิวเคลียร์', ' กับญี่ปุ่น'],
      ['การไม่แพร่ขยายอาวุธนิวเคลียร์ กับ', 'ญี่ปุ่น', ''],
      ['ข้อตกลง', 'หยุดยิง', ' และญี่ปุ่น'],
      ['ข้อตกลงหยุดยิง และ', 'ญี่ปุ่น', ''],
    ]);
    // one theme in each document; a point for 2021 and 2023; Japan's bar and its shape on the map;
    // one theme x country cell; no two themes in one paragraph
    assert.deepEqual(drawn.marks, { density: 2, timeline: 2, countries: 2, themeCountry: 1, themeTheme: 0 });
    assert.ok((hooks.lastViewMs() ?? Infinity) < 1000);
    // a KWIC row opens its passage in the editor, the match selected: the third row, in two.txt
    hooks.clickKwicRow(2);
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.path.endsWith('/corpus-test/two.txt') ? e : undefined;
    }, 'the passage of the KWIC row in the editor');
    assert.equal(editor.document.getText(editor.selection), 'หยุดยิง');
    assert.equal(editor.selection.start.line, 2);
    // each chart as PNG (the SVG drawn into a canvas) and as SVG, the host writing the bytes
    for (const chart of ['density', 'countries']) {
      const png = workspaceUri(`corpus-exports/${chart}.png`);
      hooks.clickChartAction(chart, 'png', png);
      const bytes = await waitFor(() => Promise.resolve(vscode.workspace.fs.readFile(png)).catch(() => undefined), `${chart}.png written`);
      assert.deepEqual([...bytes.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      assert.equal(new TextDecoder().decode(bytes.slice(12, 16)), 'IHDR');
      assert.ok(view.getUint32(16) > 300 && view.getUint32(20) > 100, `${chart}: ${view.getUint32(16)} x ${view.getUint32(20)}`);
    }
    const svg = workspaceUri('corpus-exports/countries.svg');
    hooks.clickChartAction('countries', 'svg', svg);
    const svgText = new TextDecoder().decode(await waitFor(() => Promise.resolve(vscode.workspace.fs.readFile(svg)).catch(() => undefined), 'countries.svg written'));
    // the map and the bars (and the legend) in one drawing, no colour left to the page
    assert.ok((svgText.match(/<svg/g) ?? []).length >= 3, svgText.slice(0, 300));
    assert.doesNotMatch(svgText, /currentColor|var\(--/);
    panel.dispose();
  });

  it('draws a file written just before it opened (its first drawing), and one written while it is open', async () => {
    const testHooks = testHooksOf(await getApi());
    const hooks = testHooks.corpusDashboard;
    // the dashboard opened once: the index has started (the file below is not part of its first listing)
    const opened = hooks.drawnCount();
    await vscode.commands.executeCommand('thaiPolicyLens.openCorpusDashboard');
    await waitFor(() => (hooks.drawnCount() > opened ? true : undefined), 'the dashboard drawn', 30_000);
    hooks.panel()?.dispose();
    const before = hooks.drawnCount();
    // written and asked for at once: the index has not read it; its watcher reports it later, or
    // (under load) never: here never
    testHooks.ignoreIndexWatcher(true);
    let first;
    let panel;
    try {
      await writeWorkspaceFile('corpus-race/one.txt', 'วันที่ 1 มีนาคม 2564\n\nข้อตกลงหยุดยิง กับญี่ปุ่น\n');
      await vscode.commands.executeCommand('thaiPolicyLens.findPassages', 'folder:corpus-race');
      panel = await waitFor(() => hooks.panel(), 'the dashboard panel');
      first = await waitFor(() => (hooks.drawnCount() > before ? hooks.drawn(before) : undefined), 'the first drawing', 20_000);
    } finally {
      testHooks.ignoreIndexWatcher(false);
    }
    assert.equal(first.selection.folder, 'corpus-race');
    assert.deepEqual(first.kwic, [['ข้อตกลง', 'หยุดยิง', ' กับญี่ปุ่น']]);
    // a file written while the page shows: the index's change posts the data again, the page redraws
    await writeWorkspaceFile('corpus-race/two.txt', 'วันที่ 5 มิถุนายน 2566\n\nข้อตกลงหยุดยิง\n');
    const redrawn = await waitFor(async () => {
      const count = hooks.drawnCount();
      const last = count > before ? await hooks.drawn(count - 1) : undefined;
      return last?.kwic.length === 2 ? last : undefined;
    }, 'the written file drawn', 30_000);
    assert.equal(redrawn.selection.folder, 'corpus-race');
    assert.deepEqual(redrawn.kwic, [['ข้อตกลง', 'หยุดยิง', ' กับญี่ปุ่น'], ['ข้อตกลง', 'หยุดยิง', '']]);
    panel.dispose();
  });

  it('saves a passage query in the workspace state, newest first, once', async () => {
    const hooks = testHooksOf(await getApi()).corpusDashboard;
    await vscode.commands.executeCommand('thaiPolicyLens.savePassageQuery', 'country:JP');
    await vscode.commands.executeCommand('thaiPolicyLens.savePassageQuery', ' theme:test-security "หยุดยิง" ');
    await vscode.commands.executeCommand('thaiPolicyLens.savePassageQuery', 'country:JP');
    assert.deepEqual(hooks.savedQueries().slice(0, 2), ['country:JP', 'theme:test-security "หยุดยิง"']);
    assert.equal(hooks.savedQueries().filter((q) => q === 'country:JP').length, 1);
  });

  it('removes a saved passage query: the command, and a Remove button on each saved query Find Passages lists', async () => {
    const hooks = testHooksOf(await getApi()).corpusDashboard;
    await vscode.commands.executeCommand('thaiPolicyLens.savePassageQuery', 'country:JP');
    await vscode.commands.executeCommand('thaiPolicyLens.savePassageQuery', 'date:2564');
    await vscode.commands.executeCommand('thaiPolicyLens.removePassageQuery', ' country:JP ');
    assert.equal(hooks.savedQueries()[0], 'date:2564');
    assert.ok(!hooks.savedQueries().includes('country:JP'), hooks.savedQueries().join(', '));
    const shown = vscode.commands.executeCommand('thaiPolicyLens.findPassages');
    const pick = await waitFor(() => hooks.savedQueriesPick(), 'the saved queries');
    const items = pick.items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
    assert.deepEqual(
      items.map((i) => [i.label, i.buttons?.length ?? 0]),
      [['New query...', 0], ...hooks.savedQueries().map((q) => [q, 1])],
    );
    pick.hide();
    await shown;
    assert.equal(hooks.savedQueriesPick(), undefined);
  });

  it('lists the passages Find Passages found at the top of the Themes view, each opening its paragraph, until cleared', async () => {
    const api = await getApi();
    for (const [name, text] of Object.entries(DOCS)) await writeWorkspaceFile(name, text);
    const query = 'folder:corpus-test country:JP';
    await vscode.commands.executeCommand('thaiPolicyLens.findPassages', query);
    const group = await waitFor(async () => {
      const first = (await api.getTreeItems())[0];
      return first?.kind === 'passages' && first.label === `Passages: ${query}` && first.children?.length === 2 ? first : undefined;
    }, 'the passages in the Themes view', 30_000);
    assert.equal(group.description, '2 passages');
    assert.deepEqual(
      group.children!.map((c) => [c.kind, c.label, c.description]),
      [
        ['passage', 'การไม่แพร่ขยายอาวุธนิวเคลียร์ กับญี่ปุ่น', 'corpus-test/one.txt · line 3'],
        ['passage', 'ข้อตกลงหยุดยิง และญี่ปุ่น', 'corpus-test/two.txt · line 3'],
      ],
    );
    // an item opens its paragraph, selected
    await vscode.commands.executeCommand('thaiPolicyLens.revealOccurrence', group.children![1].target);
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith('/corpus-test/two.txt'), editor.document.uri.path);
    assert.equal(editor.document.getText(editor.selection), 'ข้อตกลงหยุดยิง และญี่ปุ่น');
    await vscode.commands.executeCommand('thaiPolicyLens.tree.clearPassages');
    assert.ok(!(await api.getTreeItems()).some((i) => i.kind === 'passages'));
    testHooksOf(api).corpusDashboard.panel()?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const theme of ['Default High Contrast', 'Default High Contrast Light', 'Default Dark Modern', 'Default Light Modern']) {
    it(`reads under ${theme}: text stands out from what is behind it, every mark from the page, the focus outline too`, async function () {
      const hooks = testHooksOf(await getApi()).corpusDashboard;
      for (const [name, text] of Object.entries(DOCS)) await writeWorkspaceFile(name, text);
      const colours = vscode.workspace.getConfiguration('workbench');
      await colours.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
      try {
        // The oldest supported VS Code's browser workbench keeps its theme when the setting changes
        // (and has no "Modern" themes): nothing to check there.
        const kind = theme.includes('High Contrast Light')
          ? vscode.ColorThemeKind.HighContrastLight
          : theme.includes('High Contrast')
            ? vscode.ColorThemeKind.HighContrast
            : theme.includes('Dark')
              ? vscode.ColorThemeKind.Dark
              : vscode.ColorThemeKind.Light;
        const applied = await waitFor(() => (vscode.window.activeColorTheme.kind === kind ? true : undefined), `the workbench in ${theme}`, 10_000).catch(() => false);
        if (!applied) {
          console.log(`    (skipped: VS Code ${vscode.version} did not apply the colour theme ${theme})`);
          this.skip();
        }
        const before = hooks.drawnCount();
        await vscode.commands.executeCommand('thaiPolicyLens.openCorpusDashboard');
        await waitFor(() => (hooks.drawnCount() > before ? true : undefined), 'the dashboard drawn', 30_000);
        const expected = theme.includes('High Contrast Light') ? 'vscode-high-contrast-light' : theme.includes('High Contrast') ? 'vscode-high-contrast' : theme.includes('Dark') ? 'vscode-dark' : 'vscode-light';
        const report = await waitFor(async () => {
          const r = await hooks.checkContrast();
          return r.kind === expected ? r : undefined;
        }, `the page in ${expected}`);
        assert.ok(report.texts > 20 && report.marks > 5, JSON.stringify(report));
        assert.deepEqual(report.lowContrast, []);
        assert.equal(report.hiddenMarks, 0, `${report.hiddenMarks} of ${report.marks} marks do not stand out`);
        assert.ok(report.focusContrast >= 3, `focus outline ${report.focusContrast}:1`);
      } finally {
        hooks.panel()?.dispose();
        await colours.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  }
});
