/**
 * The extension's internals that the integration tests inspect, kept out of its API: the object
 * `activate()` returns carries them under a symbol that is not enumerable, and `testHooksOf`
 * reads it. (The symbol is a global one, so the tests, which load their own copy of this module,
 * find it on the extension's object.)
 */
import type * as vscode from 'vscode';
import type { AppliedHighlights } from './features/highlights';
import type { TaggingTestHooks } from './features/tagging';
import type { CorpusDashboardTestHooks } from './features/corpusDashboard';
import type { IndexedDocument, IndexPassStats } from './services/workspaceIndex';
import type { ThemeTreeTestHooks } from './features/themeTree';
import type { OutlineTestHooks } from './features/outline';

export interface TestHooks {
  tagging: TaggingTestHooks;
  /** the theme picker on screen (tagging, re-tagging, adding to the glossary), if any */
  themePicker(): vscode.QuickPick<vscode.QuickPickItem> | undefined;
  /** the last information message shown through ui/messages.ts */
  lastInformation(): string | undefined;
  /** the large-document thresholds in use (the measurements set them to Infinity for a "before" figure) */
  largeDocuments: { chunkedAnalysisChars: number; windowedDecorationChars: number };
  /** what was last drawn in the editor of a document, without copying its ranges */
  applied(uri: vscode.Uri): AppliedHighlights | undefined;
  /** the longest stretch (ms) a chunked analysis ran without yielding */
  longestAnalysisSliceMs(): number;
  /** the corpus dashboard: what its page drew, the host's time per view */
  corpusDashboard: CorpusDashboardTestHooks;
  /** the workspace index ignores its file watcher's reports (as when the watcher lags or drops them) */
  ignoreIndexWatcher(ignore: boolean): void;
  workspaceIndex: {
    /** starts the index (without showing the Themes view) and waits for it: the last pass */
    start(): Promise<IndexPassStats | undefined>;
    /** the persisted index's file */
    snapshotUri(): vscode.Uri | undefined;
    /** the document `documents()` gives now for `uri` (for an open document: its live analysis) */
    documentOf(uri: vscode.Uri): IndexedDocument | undefined;
    /**
     * Saves the index (unless `save` is false), then starts a second one on the same storage, as
     * the next window would: how many documents it showed from the persisted index and when, its
     * first pass, and the number of annotations it has for `uri`. (`shown`: the files in the index once it was read; `outcome`: what became of the persisted index.)
     */
    reopen(options?: { save?: boolean; uri?: vscode.Uri }): Promise<{ shown: number; shownMs: number; readyMs: number; pass: IndexPassStats | undefined; annotations: number | undefined; outcome: string }>;
  };
  /** the Themes view: its items one level at a time, as the view asks for them */
  themeTree: ThemeTreeTestHooks;
  /** the outline's structure: parses counted, and whether edits are followed */
  outline: OutlineTestHooks;
}

export const TEST_HOOKS = Symbol.for('thaiPolicyLens.testHooks');

/** The test hooks of the object `activate()` returned. */
export function testHooksOf(api: object): TestHooks {
  const hooks = (api as { [TEST_HOOKS]?: TestHooks })[TEST_HOOKS];
  if (!hooks) throw new Error('not the API object of Thai Policy Lens');
  return hooks;
}
