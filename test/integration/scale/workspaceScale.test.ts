// Measures the workspace index on the folder the suite opens (see index.ts): the time to index
// it, the extension host's longest stall meanwhile (its own timers), its memory, and the Themes
// view in workspace scope, a click at a time; then a second start on the persisted index. Prints
// the figures; asserts only that every file was indexed and that the second start read no file.
// With TPL_SCALE_MEMORY=1 it also prints the host's memory at each step (RSS, V8's heap spaces,
// array buffers), then again after a full garbage collection (which changes what follows: for
// finding where memory goes, not for the figures; =nogc: without the collection); with TPL_SCALE_SNAPSHOT=FILE it writes a heap
// snapshot after Refresh.
import { strict as assert } from 'node:assert';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { IndexPassStats } from '../../../src/extension/services/workspaceIndex';
import type { TreeItemSnapshot } from '../../../src/extension/features/themeTree';
import { testHooksOf } from '../../../src/extension/testHooks';
import { getApi, watchEventLoop } from '../helpers';

const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;

/**
 * A figure of issue 12's target 2 as the bench collects it (src/tools/benchEditor.ts):
 * `workspace figure: NAME VALUE UNIT (target at most LIMIT)`, or `(target none)`.
 */
function figure(name: string, value: number, unit: string, limit?: number): void {
  console.log(`workspace figure: ${name} ${value.toFixed(unit === 's' ? 1 : 0)} ${unit} (target ${limit === undefined ? 'none' : `at most ${limit}`})`);
}

/** A full garbage collection, for the figures of what stays live (V8's flag set at run time). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** The host's memory now, and after a full collection: RSS, heap used / committed, array buffers. */
async function memory(what: string): Promise<void> {
  if (!process.env.TPL_SCALE_MEMORY) return;
  const line = () => {
    const m = process.memoryUsage();
    const spaces = v8
      .getHeapSpaceStatistics()
      .filter((s) => s.space_size > 1e6)
      .map((s) => `${s.space_name.replace('_space', '')} ${mb(s.space_used_size)}/${mb(s.space_size)}`)
      .join(', ');
    return `RSS ${mb(m.rss)}, heap ${mb(m.heapUsed)} used of ${mb(m.heapTotal)} (${spaces}), external ${mb(m.external)} (array buffers ${mb(m.arrayBuffers)})`;
  };
  const now = line();
  if (process.env.TPL_SCALE_MEMORY === 'nogc') return void console.log(`workspace scale, memory ${what}: ${now}`);
  collectGarbage();
  // (array buffers are freed after the collection, by a background thread)
  await new Promise((resolve) => setTimeout(resolve, 500));
  collectGarbage();
  console.log(`workspace scale, memory ${what}: ${now}; after a full GC: ${line()}`);
}

describe('workspace scale', function () {
  this.timeout(1_800_000);

  it('indexes the workspace and opens the Themes view on it (prints the timings)', async () => {
    const api = await getApi();
    const hooks = testHooksOf(api).workspaceIndex;
    await api.ready();
    const files = await vscode.workspace.findFiles('**/*.{txt,md}');
    const rssBefore = process.memoryUsage().rss;
    await memory('before');

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
        `host blocked at most ${firstLoop.maxMs.toFixed(0)} ms (${firstLoop.stalls} stalls over 100 ms); host RSS ${mb(rssBefore)} before, ${mb(firstRss)} after (target 600 MB; heap ${mb(firstHeap)})`,
    );
    figure('index-alone-time', firstMs / 1000, 's', 15);
    figure('index-alone-host-blocked', firstLoop.maxMs, 'ms', 100);
    figure('index-alone-host-rss', firstRss / 1e6, 'MB', 600);
    await memory('after the index alone');

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
    figure('reopen-index-shown', alone.shownMs, 'ms', 3000);
    figure('reopen-host-blocked', startAlone.maxMs, 'ms', 100);
    await memory('after reopening');

    // as measured before the index was persisted: the Themes view in workspace scope, then Refresh (every file read and analysed again)
    loop = watchEventLoop(100);
    started = performance.now();
    await vscode.commands.executeCommand('thaiPolicyLens.tree.scopeWorkspace');
    if (process.env.TPL_SCALE_MEMORY) {
      await testHooksOf(api).themeTree.itemsOf();
      await memory('Themes view in workspace scope, before Refresh');
    }
    const stats = await vscode.commands.executeCommand<IndexPassStats>('thaiPolicyLens.tree.refresh');
    const indexMs = performance.now() - started;
    const indexing = loop.stop();
    const rss = process.memoryUsage().rss;
    const heap = process.memoryUsage().heapUsed;
    console.log(
      `workspace scale: ${files.length} files; Themes view in workspace scope and Refresh in ${(indexMs / 1000).toFixed(1)} s (${stats?.read} read, ${stats?.analyzed} analysed), ` +
        `host blocked at most ${indexing.maxMs.toFixed(0)} ms (${indexing.stalls} stalls over 100 ms); host RSS ${mb(rss)} (target 600 MB; heap ${mb(heap)})`,
    );
    figure('themes-view-refresh-host-rss', rss / 1e6, 'MB', 600);
    figure('themes-view-refresh-time', indexMs / 1000, 's');
    figure('themes-view-refresh-host-blocked', indexing.maxMs, 'ms', 100);
    await memory('after Refresh');
    if (process.env.TPL_SCALE_SNAPSHOT) v8.writeHeapSnapshot(process.env.TPL_SCALE_SNAPSHOT);
    // The Themes view in workspace scope as the view asks for it: its items one level at a time
    // (the model is built when refresh ran; each click: the time to the items, the longest stall).
    const tree = testHooksOf(api).themeTree;
    const build = () => `the model built in ${tree.lastBuild.ms.toFixed(0)} ms, in slices of at most ${tree.lastBuild.longestSliceMs.toFixed(0)} ms`;
    console.log(`workspace scale: Themes view after the refresh: ${build()}`);
    let lastBuild = tree.lastBuild;
    const click = async (what: string, job: () => Promise<TreeItemSnapshot[]>, name?: string): Promise<TreeItemSnapshot[]> => {
      const watch = watchEventLoop(100);
      const start = performance.now();
      const items = await job();
      const ms = performance.now() - start;
      const { maxMs, stalls } = watch.stop();
      const built = tree.lastBuild !== lastBuild ? `; ${build()}` : '';
      lastBuild = tree.lastBuild;
      const [target, blockedTarget] = name ? [' (target 200 ms)', 'target 100 ms; '] : ['', ''];
      console.log(`workspace scale: Themes view, ${what}: ${ms.toFixed(0)} ms${target}, host blocked at most ${maxMs.toFixed(0)} ms (${blockedTarget}${stalls} stalls over 100 ms), ${items.length} items${built}`);
      if (name) {
        figure(`themes-view-click-${name}`, ms, 'ms', 200);
        figure(`themes-view-click-${name}-host-blocked`, maxMs, 'ms', 100);
      }
      return items;
    };
    const roots = await click('top items', () => tree.itemsOf(), 'top-items');
    const theme = roots.find((i) => i.kind === 'theme')!;
    const terms = await click(`expanding the theme ${theme.label} (${theme.description})`, () => tree.itemsOf(theme.id), 'theme');
    const term = terms.find((i) => i.kind === 'term')!;
    await click(`expanding the term ${term.label} (${term.description})`, () => tree.itemsOf(term.id), 'term');
    const filtered = await click('filtered by a path (00001)', async () => {
      await vscode.commands.executeCommand('thaiPolicyLens.tree.filter', '00001');
      return tree.itemsOf();
    }, 'path-filter');
    const filteredTheme = filtered.find((i) => i.kind === 'theme')!;
    await click(`expanding a theme, filtered (${filteredTheme.label})`, () => tree.itemsOf(filteredTheme.id), 'theme-filtered');
    await click('filter cleared', async () => {
      await vscode.commands.executeCommand('thaiPolicyLens.tree.clearFilter');
      return tree.itemsOf();
    }, 'filter-cleared');
    console.log(`workspace scale: Themes view, after the clicks: host RSS ${mb(process.memoryUsage().rss)} (target 600 MB; heap ${mb(process.memoryUsage().heapUsed)})`);
    figure('themes-view-clicks-host-rss', process.memoryUsage().rss / 1e6, 'MB', 600);
    await memory('after the clicks');
    // the whole tree, every item expanded (the API's snapshot: not what the view does)
    await click('the whole tree expanded (getTreeItems)', () => api.getTreeItems());
    await memory('after the whole tree');
    assert.equal(api.getActivity().indexedFiles, files.length);

  });
});
