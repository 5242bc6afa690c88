// Measures the workspace index on the folder the suite opens (see index.ts): the time to index
// it, the extension host's longest stall meanwhile (its own timers), its memory, and the Themes
// view in workspace scope, a click at a time; then a second start on the persisted index. Prints
// the figures; asserts only that every file was indexed and that the second start read no file.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { IndexPassStats } from '../../../src/extension/services/workspaceIndex';
import type { TreeItemSnapshot } from '../../../src/extension/features/themeTree';
import { testHooksOf } from '../../../src/extension/testHooks';
import { getApi, watchEventLoop } from '../helpers';

const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;

describe('workspace scale', function () {
  this.timeout(1_800_000);

  it('indexes the workspace and opens the Themes view on it (prints the timings)', async () => {
    const api = await getApi();
    const hooks = testHooksOf(api).workspaceIndex;
    await api.ready();
    const files = await vscode.workspace.findFiles('**/*.{txt,md}');
    const rssBefore = process.memoryUsage().rss;

    // the index alone (no Themes view yet): its first pass
    let loop = watchEventLoop(100);
    let started = performance.now();
    const first = await hooks.start();
    const firstMs = performance.now() - started;
    const firstLoop = loop.stop();
    const firstRss = process.memoryUsage().rss;
    const firstHeap = process.memoryUsage().heapUsed;
    console.log(
      `workspace scale, the index alone: ${files.length} files indexed in ${(firstMs / 1000).toFixed(1)} s (${first?.read} read, ${first?.analyzed} analysed), ` +
        `host blocked at most ${firstLoop.maxMs.toFixed(0)} ms (${firstLoop.stalls} stalls over 100 ms); host RSS ${mb(rssBefore)} before, ${mb(firstRss)} after (heap ${mb(firstHeap)})`,
    );

    // the next window: a second index on the persisted one (before the Themes view of the whole
    // workspace fills this host's heap, as it is in a window that starts)
    loop = watchEventLoop(100);
    const again = await hooks.reopen();
    const reopening = loop.stop();
    const snapshot = hooks.snapshotUri();
    const snapshotBytes = snapshot ? (await vscode.workspace.fs.stat(snapshot)).size : 0;
    console.log(
      `workspace scale, reopened: ${again.shown} files shown from the persisted index (${mb(snapshotBytes)}) in ${again.shownMs.toFixed(0)} ms, ` +
        `checked against the disk in ${(again.readyMs / 1000).toFixed(1)} s (${again.pass?.read} read, ${again.pass?.reused} unchanged), ` +
        `host blocked at most ${reopening.maxMs.toFixed(0)} ms (saving the index included)`,
    );
    assert.equal(again.shown, files.length);
    assert.equal(again.pass?.read, 0);
    // the same without saving first: the next window's start alone
    loop = watchEventLoop(100);
    const alone = await hooks.reopen({ save: false });
    const startAlone = loop.stop();
    console.log(
      `workspace scale, reopened without saving first: ${alone.shown} files shown in ${alone.shownMs.toFixed(0)} ms, checked in ${(alone.readyMs / 1000).toFixed(1)} s, ` +
        `host blocked at most ${startAlone.maxMs.toFixed(0)} ms (${startAlone.stalls} stalls over 100 ms)`,
    );

    // as measured before the index was persisted: the Themes view in workspace scope, then Refresh (every file read and analysed again)
    loop = watchEventLoop(100);
    started = performance.now();
    await vscode.commands.executeCommand('thaiPolicyLens.tree.scopeWorkspace');
    const stats = await vscode.commands.executeCommand<IndexPassStats>('thaiPolicyLens.tree.refresh');
    const indexMs = performance.now() - started;
    const indexing = loop.stop();
    const rss = process.memoryUsage().rss;
    const heap = process.memoryUsage().heapUsed;
    console.log(
      `workspace scale: ${files.length} files; Themes view in workspace scope and Refresh in ${(indexMs / 1000).toFixed(1)} s (${stats?.read} read, ${stats?.analyzed} analysed), ` +
        `host blocked at most ${indexing.maxMs.toFixed(0)} ms (${indexing.stalls} stalls over 100 ms); host RSS ${mb(rss)} (heap ${mb(heap)})`,
    );
    // The Themes view in workspace scope as the view asks for it: its items one level at a time
    // (the model is built when refresh ran; each click: the time to the items, the longest stall).
    const tree = testHooksOf(api).themeTree;
    const build = () => `the model built in ${tree.lastBuild.ms.toFixed(0)} ms, in slices of at most ${tree.lastBuild.longestSliceMs.toFixed(0)} ms`;
    console.log(`workspace scale: Themes view after the refresh: ${build()}`);
    let lastBuild = tree.lastBuild;
    const click = async (what: string, job: () => Promise<TreeItemSnapshot[]>): Promise<TreeItemSnapshot[]> => {
      const watch = watchEventLoop(100);
      const start = performance.now();
      const items = await job();
      const ms = performance.now() - start;
      const { maxMs, stalls } = watch.stop();
      const built = tree.lastBuild !== lastBuild ? `; ${build()}` : '';
      lastBuild = tree.lastBuild;
      console.log(`workspace scale: Themes view, ${what}: ${ms.toFixed(0)} ms, host blocked at most ${maxMs.toFixed(0)} ms (${stalls} stalls over 100 ms), ${items.length} items${built}`);
      return items;
    };
    const roots = await click('top items', () => tree.itemsOf());
    const theme = roots.find((i) => i.kind === 'theme')!;
    const terms = await click(`expanding the theme ${theme.label} (${theme.description})`, () => tree.itemsOf(theme.id));
    const term = terms.find((i) => i.kind === 'term')!;
    await click(`expanding the term ${term.label} (${term.description})`, () => tree.itemsOf(term.id));
    const filtered = await click('filtered by a path (00001)', async () => {
      await vscode.commands.executeCommand('thaiPolicyLens.tree.filter', '00001');
      return tree.itemsOf();
    });
    const filteredTheme = filtered.find((i) => i.kind === 'theme')!;
    await click(`expanding a theme, filtered (${filteredTheme.label})`, () => tree.itemsOf(filteredTheme.id));
    await click('filter cleared', async () => {
      await vscode.commands.executeCommand('thaiPolicyLens.tree.clearFilter');
      return tree.itemsOf();
    });
    // the whole tree, every item expanded (the API's snapshot: not what the view does)
    await click('the whole tree expanded (getTreeItems)', () => api.getTreeItems());
    assert.equal(api.getActivity().indexedFiles, files.length);

  });
});
