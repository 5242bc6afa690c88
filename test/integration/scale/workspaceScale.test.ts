// Measures the workspace index on the folder the suite opens (see index.ts): the time to index
// it, the extension host's longest stall meanwhile (its own timers), its memory, and the Themes
// view in workspace scope. Prints the figures; asserts only that every file was indexed.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { IndexPassStats } from '../../../src/extension/services/workspaceIndex';
import { getApi, watchEventLoop } from '../helpers';

const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;

describe('workspace scale', function () {
  this.timeout(1_800_000);

  it('indexes the workspace and opens the Themes view on it (prints the timings)', async () => {
    const api = await getApi();
    await api.ready();
    const files = await vscode.workspace.findFiles('**/*.{txt,md}');
    const rssBefore = process.memoryUsage().rss;
    let loop = watchEventLoop(100);
    let started = performance.now();
    await vscode.commands.executeCommand('thaiPolicyLens.tree.scopeWorkspace');
    const stats = await vscode.commands.executeCommand<IndexPassStats>('thaiPolicyLens.tree.refresh');
    const indexMs = performance.now() - started;
    const indexing = loop.stop();
    const rss = process.memoryUsage().rss;
    const heap = process.memoryUsage().heapUsed;
    loop = watchEventLoop(100);
    started = performance.now();
    const items = await api.getTreeItems();
    const treeMs = performance.now() - started;
    const tree = loop.stop();
    loop = watchEventLoop(100);
    started = performance.now();
    await vscode.commands.executeCommand('thaiPolicyLens.tree.filter', '00001');
    const filtered = await api.getTreeItems();
    const filterMs = performance.now() - started;
    const filtering = loop.stop();
    await vscode.commands.executeCommand('thaiPolicyLens.tree.clearFilter');
    console.log(
      `workspace scale: ${files.length} files; indexed in ${(indexMs / 1000).toFixed(1)} s (${stats?.read} read, ${stats?.analyzed} analysed), ` +
        `host blocked at most ${indexing.maxMs.toFixed(0)} ms (${indexing.stalls} stalls over 100 ms); host RSS ${mb(rssBefore)} before, ${mb(rss)} after (heap ${mb(heap)}); ` +
        `Themes view (workspace) ${treeMs.toFixed(0)} ms, blocked at most ${tree.maxMs.toFixed(0)} ms (${items.length} top items); ` +
        `filtered by a path ${filterMs.toFixed(0)} ms, blocked at most ${filtering.maxMs.toFixed(0)} ms (${filtered.length} top items)`,
    );
    assert.equal(api.getActivity().indexedFiles, files.length);
  });
});
