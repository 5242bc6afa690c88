/**
 * The Themes view (`thaiPolicyLens.themes`): the model of src/features/themeTreeModel.ts (themes,
 * terms and occurrences, tagged passages, countries, a timeline of dates) shown in a tree view.
 *
 * It lists the active document (the last one, while no text editor is active) or the whole
 * workspace (the workspace index): setting `thaiPolicyLens.tree.scope`, context key
 * `thaiPolicyLens.treeScope`; a filter (context key `thaiPolicyLens.treeFiltered`). The tree is
 * rebuilt, debounced, when the analysis, the glossary, the active editor, the index or the tags
 * change, and only while the view is visible (or when `snapshot()` asks). It is built in slices of
 * about 15 ms (the extension host stays free between them): the counts of every theme first, a
 * term's occurrences when it is expanded (src/features/themeTreeModel.ts); `getChildren` waits for
 * the build in progress.
 *
 * Themes and terms that do not occur are hidden unless `thaiPolicyLens.tree.showEmpty`; themes and
 * terms are sorted by count or in glossary order (`thaiPolicyLens.tree.sort`); context keys
 * `thaiPolicyLens.treeShowEmpty` and `thaiPolicyLens.treeSort` choose the title actions.
 *
 * Commands: `thaiPolicyLens.revealOccurrence` ({ uri, start, end }: select that text),
 * `thaiPolicyLens.showInTree` (themeId, or { country }: reveal, select and expand it), and the
 * view's title actions `thaiPolicyLens.tree.scopeDocument|scopeWorkspace|refresh|filter|clearFilter|
 * showEmpty|hideEmpty|sortByCount|sortByGlossary|filterCoder` (`filter` and `refresh` take an
 * argument / return a result, for tests; `filterCoder` takes a coder, or null for all, and returns
 * the coder shown: a view state, not a setting).
 */
import * as l10n from '@vscode/l10n';
import { formatNumber, plural } from '../../core';
import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { FeatureContext } from '../featureContext';
import type { IndexedDocument, IndexPassStats } from '../services/workspaceIndex';
import type { TreeScope, TreeSort } from '../services/settings';
import type { FileTheme } from '../../core';
import { openAt } from '../ui/messages';
import { runSliced, yieldToEventLoop } from '../../features/slices';
import { contextValue, itemSnapshot, present, snapshotSteps, type TreeItemSnapshot, type TreeTooltip } from '../../features/themeTreeItems';
import { buildThemeTreeSteps, childrenOf, passagesElement, TreeSource, type TreeElement, type TreeModel, type TreeTag } from '../../features/themeTreeModel';

export type { TreeItemSnapshot } from '../../features/themeTreeItems';
export type { TreeTag } from '../../features/themeTreeModel';
export type { TreeScope } from '../services/settings';

/** The tests' way into the view (src/extension/testHooks.ts). */
export interface ThemeTreeTestHooks {
  /** the items of the roots (no id) or of the children of an item already loaded, one level, as the view asks for them */
  itemsOf(id?: string): Promise<TreeItemSnapshot[]>;
  /** the last build of the model: its time from start to end, and its longest slice (ms) */
  lastBuild: { ms: number; longestSliceMs: number };
}

/** The element with this id among `roots` and the children already made under them. */
function loadedElement(roots: readonly TreeElement[], id: string): TreeElement | undefined {
  const stack = [...roots];
  for (let el = stack.pop(); el; el = stack.pop()) {
    if (el.id === id) return el;
    const children = 'children' in el ? el.children : undefined;
    if (children) stack.push(...children);
  }
  return undefined;
}

/** Where the tree gets tags from (the tag service fits it). */
export interface TreeTagSource {
  readonly onDidChange: vscode.Event<void>;
  tagsOf(uri: vscode.Uri): readonly TreeTag[];
  /** a theme kept in the annotations file of the folder holding `uri` (made while tagging) */
  fileTheme(themeId: string, uri?: vscode.Uri): FileTheme | undefined;
}

/** Arguments of `thaiPolicyLens.revealOccurrence`. */
export interface RevealArgs {
  uri: vscode.Uri | string | { scheme: string; path: string; authority?: string; query?: string; fragment?: string };
  start: number;
  end: number;
}

const VIEW_ID = 'thaiPolicyLens.themes';
/** The passages Find Passages... found, listed at the top of the tree (features/corpusDashboard.ts). */
export interface TreePassages {
  query: string;
  passages: Array<{ document: IndexedDocument; start: number; end: number }>;
}

/** Where Find Passages lists what it found besides the dashboard: the Themes view. */
export interface FoundPassagesView {
  /** shows the passages of a query at the top of the tree (undefined: none) */
  showPassages(found: TreePassages | undefined): Promise<void>;
  /** the user cleared them (the group's Clear button) */
  readonly onDidClearPassages: vscode.Event<void>;
}

const REFRESH_MS = 100;
/** While the workspace is being indexed, the tree is rebuilt at most this often. */
const REFRESH_INDEXING_MS = 1000;
/** The model is built in slices of about this long, the extension host free between them. */
const SLICE_MS = 15;

/** What the view shows now, and why the document in scope has no annotations when it was not analysed. */
interface Shown {
  model: TreeModel;
  skipped?: string;
}

export class ThemeTree extends Disposable implements vscode.TreeDataProvider<TreeElement>, FoundPassagesView {
  private readonly treeChanged = this.register(new vscode.EventEmitter<TreeElement | undefined>());
  readonly onDidChangeTreeData = this.treeChanged.event;
  private readonly view: vscode.TreeView<TreeElement>;
  private shown: Shown | undefined;
  private dirty = true;
  /** the build in progress */
  private building: Promise<Shown> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scope: TreeScope;
  /** the filter in force ('' for none) */
  private filterText = '';
  /** the document listed in document scope (the active editor's, or the last one) */
  private document: vscode.TextDocument | undefined;
  private readonly expanded = new Set<string>();
  private selected = new Set<string>();
  private readonly icons = new Map<string, vscode.Uri>();
  /** documents of the index, with their line tables and labels, while they are unchanged */
  private readonly sourceCache = new WeakMap<IndexedDocument, TreeSource>();
  /** the URIs of the documents in the tree, by their string */
  private uris = new Map<string, vscode.Uri>();
  /** the coder whose tags are shown (view state; undefined: every coder's) */
  private coder: string | undefined;
  /** the tags of the documents by URI, while nothing but the filter, sort or coder changes */
  private readonly tagCache = new Map<string, readonly TreeTag[]>();
  /** the passages of Find Passages..., until cleared */
  private found: TreePassages | undefined;
  private readonly passagesCleared = this.register(new vscode.EventEmitter<void>());
  readonly onDidClearPassages = this.passagesCleared.event;

  constructor(
    private readonly ctx: FeatureContext,
    private readonly tags: TreeTagSource,
  ) {
    super();
    this.scope = ctx.settings.treeScope;
    this.view = this.register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true }));
    this.followEditor(vscode.window.activeTextEditor);
    this.registerAll(
      this.view.onDidExpandElement((e) => this.expanded.add(e.element.id)),
      this.view.onDidCollapseElement((e) => this.expanded.delete(e.element.id)),
      this.view.onDidChangeSelection((e) => (this.selected = new Set(e.selection.map((el) => el.id)))),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible && this.scope === 'workspace') void this.ctx.index.start(); // the index runs only once the workspace is shown
        if (e.visible && this.dirty) this.schedule();
      }),
      ctx.analysis.onDidChange((a) => {
        if (this.scope === 'workspace' || a.uri.toString() === this.document?.uri.toString()) this.invalidate();
      }),
      ctx.glossaries.onDidChange(() => this.invalidate()),
      ctx.index.onDidChange(() => {
        if (this.scope === 'workspace') this.invalidate();
      }),
      tags.onDidChange(() => this.invalidate()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.followEditor(editor) && this.scope === 'document') this.invalidate();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc === this.document) {
          this.document = undefined;
          this.followEditor(vscode.window.activeTextEditor);
          if (this.scope === 'document') this.invalidate();
        }
      }),
      ctx.settings.onDidChange((e) => {
        if (e.affects('tree.scope')) this.setScope(ctx.settings.treeScope);
        else if (e.affects('tree.showEmpty', 'tree.sort', 'contentLanguage')) {
          void this.setContext();
          this.invalidate();
        } else if (e.affects('languages')) {
          this.followEditor(vscode.window.activeTextEditor);
          this.invalidate();
        }
      }),
      vscode.commands.registerCommand('thaiPolicyLens.revealOccurrence', (args: RevealArgs) => revealOccurrence(args)),
      vscode.commands.registerCommand('thaiPolicyLens.showInTree', (arg: string | { themeId?: string; country?: string }) =>
        this.showInTree(typeof arg === 'string' ? `theme:${arg}` : arg?.country ? `country:${arg.country}` : arg?.themeId ? `theme:${arg.themeId}` : undefined),
      ),
      vscode.commands.registerCommand('thaiPolicyLens.tree.scopeDocument', () => this.changeScope('document')),
      vscode.commands.registerCommand('thaiPolicyLens.tree.scopeWorkspace', () => this.changeScope('workspace')),
      vscode.commands.registerCommand('thaiPolicyLens.tree.refresh', () => this.refresh()),
      vscode.commands.registerCommand('thaiPolicyLens.tree.filter', (text?: string) => this.askFilter(text)),
      vscode.commands.registerCommand('thaiPolicyLens.tree.clearFilter', () => this.setFilter('')),
      vscode.commands.registerCommand('thaiPolicyLens.tree.showEmpty', () => this.changeOption('tree.showEmpty', true)),
      vscode.commands.registerCommand('thaiPolicyLens.tree.hideEmpty', () => this.changeOption('tree.showEmpty', false)),
      vscode.commands.registerCommand('thaiPolicyLens.tree.sortByCount', () => this.changeOption('tree.sort', 'count')),
      vscode.commands.registerCommand('thaiPolicyLens.tree.sortByGlossary', () => this.changeOption('tree.sort', 'glossary')),
      vscode.commands.registerCommand('thaiPolicyLens.tree.clearPassages', async () => {
        await this.showPassages(undefined);
        this.passagesCleared.fire();
      }),
      vscode.commands.registerCommand('thaiPolicyLens.tree.filterCoder', (coder?: string | null) => this.askCoder(coder)),
    );
    if (this.scope === 'workspace' && this.view.visible) void this.ctx.index.start();
    void this.setContext();
    this.updateTitle();
  }

  // ----- public API

  /** The whole tree as shown, expanded. */
  /** Lists the passages of a query at the top of the tree, or none; reveals them. */
  async showPassages(found: TreePassages | undefined): Promise<void> {
    const had = this.found !== undefined;
    this.found = found;
    if (!found && !had) return;
    await this.refreshNow();
    const group = (await this.current()).roots[0];
    if (found && group?.type === 'passages' && this.view.visible) void Promise.resolve(this.view.reveal(group, { select: false, focus: false, expand: true })).catch(() => undefined);
  }

  async snapshot(): Promise<TreeItemSnapshot[]> {
    if (this.scope === 'workspace') await this.ctx.index.start();
    if (this.followEditor(vscode.window.activeTextEditor)) this.dirty = true;
    if (this.dirty) await this.refreshNow();
    const roots = (await this.current()).roots;
    const view = { workspace: this.scope === 'workspace', expanded: this.expanded, selected: this.selected, lang: this.ctx.settings.contentLanguage };
    return (await runSliced(snapshotSteps(roots, view)))!;
  }

  /** For the tests: one level of items as the view asks for them (the roots, or the children of a loaded item). */
  readonly testHooks: ThemeTreeTestHooks = {
    itemsOf: async (id) => {
      const roots = await this.getChildren();
      const el = id === undefined ? undefined : loadedElement(roots, id);
      if (id !== undefined && !el) return [];
      const view = { workspace: this.scope === 'workspace', expanded: this.expanded, selected: this.selected, lang: this.ctx.settings.contentLanguage };
      return (el ? await this.getChildren(el) : roots).map((child) => itemSnapshot(child, view));
    },
    lastBuild: { ms: 0, longestSliceMs: 0 },
  };

  // ----- TreeDataProvider

  async getChildren(element?: TreeElement): Promise<TreeElement[]> {
    if (!element) return (await this.current()).roots;
    return childrenOf(element);
  }

  getParent(element: TreeElement): TreeElement | undefined {
    return 'parent' in element ? element.parent : undefined;
  }

  getTreeItem(el: TreeElement): vscode.TreeItem {
    const view = present(el, this.scope === 'workspace', this.ctx.settings.contentLanguage);
    const state = !view.collapsible
      ? vscode.TreeItemCollapsibleState.None
      : this.expanded.has(el.id)
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(view.highlight ? { label: view.label, highlights: [view.highlight] } : view.label, state);
    if (view.description !== undefined) item.description = view.description;
    if (view.icon) item.iconPath = 'color' in view.icon ? this.icon(view.icon.color) : new vscode.ThemeIcon(view.icon.codicon);
    if (view.tooltip !== undefined) item.tooltip = tooltip(view.tooltip);
    if (view.reveal) {
      const args: RevealArgs = { uri: this.uris.get(view.reveal.uri) ?? vscode.Uri.parse(view.reveal.uri), start: view.reveal.start, end: view.reveal.end };
      item.command = { command: 'thaiPolicyLens.revealOccurrence', title: l10n.t('Reveal Occurrence'), arguments: [args] };
    }
    item.id = el.id;
    item.contextValue = contextValue(el);
    return item;
  }

  // ----- building the model

  /**
   * The model: the one shown when it is up to date, once the builds in progress are done; else a
   * new one. (A build that the documents changed under is finished and shown; the next follows.)
   */
  private async current(): Promise<TreeModel> {
    // wait until no build runs (one may start while another ends), then check and build at once
    while (this.building) await this.building;
    if (this.dirty || !this.shown) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      await this.rebuild();
    }
    return this.shown!.model;
  }

  /** Builds the model (in slices), unless a build is in progress: then waits for that one. */
  private rebuild(): Promise<Shown> {
    if (this.building) return this.building;
    this.dirty = false;
    const building = (async () => {
      try {
        this.shown = await this.build();
      } catch (e) {
        this.dirty = true;
        throw e;
      } finally {
        this.building = undefined;
      }
      this.updateTitle();
      return this.shown;
    })();
    this.building = building;
    return building;
  }

  /** Marks the tree out of date and schedules a refresh (only while the view is visible). */
  private invalidate(): void {
    this.dirty = true;
    this.tagCache.clear();
    if (this.view.visible) this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    const delay = this.scope === 'workspace' && this.ctx.index.busy ? REFRESH_INDEXING_MS : REFRESH_MS;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.dirty) return;
      void this.current().then(
        () => this.treeChanged.fire(undefined),
        () => undefined,
      );
    }, delay);
  }

  /** Rebuilds now and tells the view (for commands whose result the user waits for). */
  private async refreshNow(): Promise<void> {
    this.dirty = true;
    await this.current();
    this.treeChanged.fire(undefined);
  }

  /** Takes the editor's document for document scope; true when the document changed. */
  private followEditor(editor: vscode.TextEditor | undefined): boolean {
    const doc = editor?.document;
    if (!doc || !this.ctx.analysis.isEnabledFor(doc) || doc === this.document) {
      if (this.document && !this.ctx.analysis.isEnabledFor(this.document)) {
        this.document = undefined;
        return true;
      }
      return false;
    }
    this.document = doc;
    return true;
  }

  /** The documents in scope; and why the document has no annotations when it was not analysed. */
  private async sources(): Promise<{ sources: TreeSource[]; uris: vscode.Uri[]; skipped?: string }> {
    if (this.scope === 'workspace') {
      const documents = this.ctx.index.documents();
      const sources: TreeSource[] = [];
      let sliceStart = performance.now();
      for (const d of documents) {
        sources.push(this.sourceOf(d));
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      }
      return { sources, uris: documents.map((d) => d.uri) };
    }
    const doc = this.document;
    if (!doc || doc.isClosed) return { sources: [], uris: [] };
    const analysis = this.ctx.analysis.get(doc);
    const source = new TreeSource(doc.uri.toString(), doc.getText(), analysis.annotations, vscode.workspace.asRelativePath(doc.uri, false));
    const skipped = analysis.skipped
      ? l10n.t('This document has {0} characters, over the limit of {1} (setting thaiPolicyLens.maxFileSize): it is not analysed.', formatNumber(analysis.skipped.size), formatNumber(analysis.skipped.limit))
      : undefined;
    return { sources: [source], uris: [doc.uri], skipped };
  }

  /** The tree's source of an indexed document (the same object while the document is unchanged). */
  private sourceOf(d: IndexedDocument): TreeSource {
    let source = this.sourceCache.get(d);
    if (!source) this.sourceCache.set(d, (source = TreeSource.reading(d.uri.toString(), d, vscode.workspace.asRelativePath(d.uri, false))));
    return source;
  }

  /** The themes' model, with the passages of Find Passages... at the top. */
  private async build(): Promise<Shown> {
    const shown = await this.buildThemes();
    if (this.found) {
      const passages = this.found.passages.map((p) => ({ source: this.sourceOf(p.document), start: p.start, end: p.end }));
      for (const p of this.found.passages) this.uris.set(p.document.uri.toString(), p.document.uri);
      shown.model.roots.unshift(passagesElement(this.found.query, passages));
    }
    return shown;
  }

  private async buildThemes(): Promise<Shown> {
    const themes = this.ctx.glossaries.set.themes;
    if (themes.length === 0) {
      this.uris = new Map();
      return { model: { roots: [], themes: new Map(), shown: 0 } };
    }
    const started = performance.now();
    const { sources, uris, skipped } = await this.sources();
    this.uris = new Map(uris.map((uri) => [uri.toString(), uri]));
    const uriOf = (uri: string) => this.uris.get(uri) ?? vscode.Uri.parse(uri);
    const tagsOf = (uri: string) => {
      let tags = this.tagCache.get(uri);
      if (!tags) this.tagCache.set(uri, (tags = this.tags.tagsOf(uriOf(uri))));
      return tags;
    };
    const looseTheme = (themeId: string, uri: string) => this.tags.fileTheme(themeId, uriOf(uri));
    const { treeShowEmpty: showEmpty, treeSort: sort } = this.ctx.settings;
    const counts = this.shown?.model.counts;
    const input = { themes, sources, counts, tagsOf, looseTheme, coder: this.coder, filter: this.filterText, workspace: this.scope === 'workspace', showEmpty, sort };
    const stats = { ms: 0, longestSliceMs: 0 };
    const model = (await runSliced(buildThemeTreeSteps(input), { budgetMs: SLICE_MS, onSlice: (ms) => (stats.longestSliceMs = Math.max(stats.longestSliceMs, ms)) }))!;
    stats.ms = performance.now() - started;
    this.testHooks.lastBuild = stats;
    return { model, skipped };
  }

  // ----- commands

  /** The item of a theme (`theme:<id>`) or a country (`country:<code>`) in the tree shown now. */
  private async find(id: string): Promise<TreeElement | undefined> {
    const model = await this.current();
    if (id.startsWith('theme:')) return model.themes.get(id.slice('theme:'.length));
    const countries = model.roots.find((r) => r.type === 'countries');
    return countries ? childrenOf(countries).find((c) => c.id === id) : undefined;
  }

  /** Reveals, selects and expands a theme's (or a country's) item, clearing a filter that hides it. */
  async showInTree(id: string | undefined): Promise<boolean> {
    if (!id) return false;
    let el = await this.find(id);
    if (!el && this.filterText) {
      await this.setFilter('');
      el = await this.find(id);
    }
    if (!el) return false;
    // The view may be rebuilding (after an edit or a glossary change) while it reveals, and then
    // drops the selection: reveal again, a few times, until the view reports the theme selected.
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await this.view.reveal(el, { select: true, focus: false, expand: true });
      } catch {
        this.treeChanged.fire(undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 40 * (attempt + 1)));
      if (this.selected.has(el.id)) break;
      el = (await this.find(id)) ?? el;
    }
    return true;
  }

  private async changeScope(scope: TreeScope): Promise<void> {
    this.setScope(scope);
    await this.ctx.settings.setTreeScope(scope);
    if (scope === 'workspace') await this.ctx.index.start(); // asked for: index even while the view is hidden
    await this.refreshNow();
  }

  /** Shows or hides themes with no occurrence, or changes the order (a setting). */
  /**
   * Shows one coder's tags, or every coder's (`null`); without an argument, asks with a quick
   * pick of the coders of the tags in scope. Returns the coder shown (undefined: all).
   */
  private async askCoder(coder?: string | null): Promise<string | undefined> {
    if (coder === undefined) {
      const found = new Set<string>();
      for (const uri of this.uris.values()) for (const tag of this.tags.tagsOf(uri)) if (tag.creator) found.add(tag.creator);
      const items: Array<vscode.QuickPickItem & { coder: string | null }> = [
        { label: l10n.t('All coders'), coder: null, description: this.coder === undefined ? l10n.t('shown') : undefined },
        ...[...found].sort().map((c) => ({ label: c, coder: c, description: c === this.coder ? l10n.t('shown') : undefined })),
      ];
      const pick = await vscode.window.showQuickPick(items, { placeHolder: l10n.t('Show the tags of one coder, or of all coders') });
      if (!pick) return this.coder;
      coder = pick.coder;
    }
    this.coder = coder ?? undefined;
    await this.refreshNow();
    this.updateTitle();
    return this.coder;
  }

  private async changeOption(name: 'tree.showEmpty' | 'tree.sort', value: boolean | TreeSort): Promise<void> {
    await this.ctx.settings.setTreeOption(name, value);
    await this.setContext();
    await this.refreshNow();
  }

  private setScope(scope: TreeScope): void {
    if (scope === this.scope) return;
    this.scope = scope;
    if (scope === 'workspace' && this.view.visible) void this.ctx.index.start();
    void this.setContext();
    this.invalidate();
    this.updateTitle();
  }

  /** Refresh: indexes the workspace again in workspace scope; rebuilds the tree. */
  private async refresh(): Promise<IndexPassStats | undefined> {
    const stats = this.scope === 'workspace' ? await this.ctx.index.refresh() : undefined;
    this.tagCache.clear();
    this.followEditor(vscode.window.activeTextEditor);
    await this.refreshNow();
    return stats;
  }

  /** Asks for the filter text (or takes it as the argument); returns the filter in force. */
  private async askFilter(text?: string): Promise<string> {
    if (typeof text !== 'string') {
      const value = await vscode.window.showInputBox({
        title: l10n.t('Filter Themes'),
        prompt: l10n.t('Show only the themes, terms, countries, dates and tags whose name (Thai or English) contains this text (or, for the whole workspace, the files whose path does)'),
        value: this.filterText,
        placeHolder: l10n.t('e.g. การทูต, ceasefire, 2568'),
      });
      if (value === undefined) return this.filterText;
      text = value;
    }
    await this.setFilter(text);
    return this.filterText;
  }

  private async setFilter(text: string): Promise<void> {
    this.filterText = text.trim();
    await this.setContext();
    await this.refreshNow();
  }

  private setContext(): Thenable<unknown> {
    return Promise.all([
      vscode.commands.executeCommand('setContext', 'thaiPolicyLens.treeScope', this.scope),
      vscode.commands.executeCommand('setContext', 'thaiPolicyLens.treeFiltered', this.filterText !== ''),
      vscode.commands.executeCommand('setContext', 'thaiPolicyLens.treeShowEmpty', this.ctx.settings.treeShowEmpty),
      vscode.commands.executeCommand('setContext', 'thaiPolicyLens.treeSort', this.ctx.settings.treeSort),
    ]);
  }

  /** The view's description (scope) and message (filter, or why the list is empty). */
  private updateTitle(): void {
    if (this.scope === 'workspace') {
      const n = this.ctx.index.size;
      const files = plural(n, l10n.t('1 file'), l10n.t('{0} files', formatNumber(n)));
      this.view.description = this.ctx.index.busy ? l10n.t('Workspace · {0} (indexing…)', files) : l10n.t('Workspace · {0}', files);
      if (this.ctx.index.busy) void this.ctx.index.whenReady().then(() => this.updateTitle());
    } else {
      this.view.description = this.document ? vscode.workspace.asRelativePath(this.document.uri, false) : l10n.t('No document');
    }
    if (this.coder !== undefined) this.view.description = l10n.t('{0} · tags of {1}', this.view.description, this.coder);
    const glossaryEmpty = this.ctx.glossaries.set.themes.length === 0;
    if (glossaryEmpty) this.view.message = undefined;
    else if (this.shown?.skipped) this.view.message = this.shown.skipped;
    else if (this.filterText) {
      const n = this.shown?.model.shown ?? 0;
      this.view.message = plural(n, l10n.t('Filter: "{0}" (1 match)', this.filterText), l10n.t('Filter: "{0}" ({1} matches)', this.filterText, formatNumber(n)));
    } else if (this.scope === 'document' && !this.document) this.view.message = l10n.t('Open a Thai text or Markdown document to see where its themes occur.');
    else if (this.scope === 'workspace' && this.ctx.index.busy && this.ctx.index.size === 0) {
      this.view.message = l10n.t("Reading the workspace's text files (setting thaiPolicyLens.index.include). The workspace is indexed only while this view shows it, or when you refresh.");
    } else this.view.message = undefined;
  }

  /** A coloured circle for a theme, as an SVG data URI. */
  private icon(color: string): vscode.Uri {
    let uri = this.icons.get(color);
    if (!uri) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="5.5" fill="${color}"/></svg>`;
      uri = vscode.Uri.from({ scheme: 'data', path: `image/svg+xml;base64,${btoa(svg)}` });
      this.icons.set(color, uri);
    }
    return uri;
  }

  override dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    super.dispose();
  }
}

/** Opens the document and selects [start, end) (UTF-16 offsets into its text). */
async function revealOccurrence(args: RevealArgs): Promise<vscode.Selection | undefined> {
  if (!args || args.uri === undefined || typeof args.start !== 'number' || typeof args.end !== 'number') return undefined;
  const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri instanceof vscode.Uri ? args.uri : vscode.Uri.from(args.uri);
  const editor = await openAt({ uri, start: args.start, end: args.end }, { preview: true });
  return editor.selection;
}

/** A tooltip; untrusted text is shown literally (no links, HTML or icons). */
function tooltip(value: TreeTooltip): string | vscode.MarkdownString {
  if (typeof value === 'string') return value;
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  value.forEach((paragraph, i) => {
    if (i > 0) md.appendMarkdown('\n\n');
    paragraph.forEach((part, j) => {
      if (j > 0) md.appendMarkdown(' — ');
      md.appendText(part);
    });
  });
  return md;
}
