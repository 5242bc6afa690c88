/**
 * The corpus dashboard (command **Open Corpus Dashboard**) and **Find Passages...**: a webview
 * over the workspace index. The extension host keeps the corpus (core/corpus: the model and the
 * texts) and answers each selection of the page with every chart's data and the KWIC rows; the
 * page (dist/webview/corpus.js, the same code as the HTML report's) draws them. The webview's
 * Content Security Policy allows scripts only with the page's nonce, and nothing from outside
 * the extension; its words come from here, through l10n.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { buildCorpusModel, Corpus, corpusThemes, findPassages, parsePassageQuery, QueryError, type CorpusView } from '../../core';
import type { CorpusStrings } from '../../features/corpusStrings';
import type { ContrastReport, DrawnSummary, FromWebview, ToWebview } from '../../features/corpusMessages';
import { readSavedQueries, removeQuery, saveQuery } from '../../features/savedQueries';
import { Disposable } from '../disposable';
import type { FeatureContext } from '../featureContext';
import { writeBytesAtomic, writeTextAtomic } from '../services/files';
import type { IndexedDocument } from '../services/workspaceIndex';
import { showInformation } from '../ui/messages';
import type { FoundPassagesView } from './themeTree';

/** workspace state: the saved passage queries (features/savedQueries.ts) */
const SAVED_QUERIES_KEY = 'thaiPolicyLens.savedPassageQueries';

/** Find Passages' pick: New query... chosen */
const NEW_QUERY = Symbol('new query');

/** The dashboard's words, in the display language. */
function corpusStrings(): CorpusStrings {
  return {
    title: l10n.t('Corpus Dashboard'),
    density: l10n.t('Documents × themes'),
    densityHelp: l10n.t('Mentions per 1,000 characters; documents by date'),
    timeline: l10n.t('Themes over time'),
    countries: l10n.t('Countries'),
    unmapped: l10n.t('Not on the map: {0}'),
    themeCountry: l10n.t('Themes × countries (same paragraph)'),
    themeTheme: l10n.t('Themes × themes (same paragraph)'),
    kwic: l10n.t('Keyword in context'),
    showTable: l10n.t('Table'),
    showChart: l10n.t('Chart'),
    downloadCsv: l10n.t('CSV'),
    downloadSvg: l10n.t('SVG'),
    downloadPng: l10n.t('PNG'),
    clear: l10n.t('Clear selection'),
    query: l10n.t('Find passages, e.g. theme:ID country:MM date:2564..2566 "text"'),
    queryHelp: l10n.t('Query language: theme:, country:, date:FROM..TO (CE or BE), folder:, "free text"'),
    matched: l10n.t('{0} paragraphs in {1} documents'),
    rowsShown: l10n.t('Showing {0} of {1}'),
    left: l10n.t('Left context'),
    match: l10n.t('Match'),
    right: l10n.t('Right context'),
    document: l10n.t('Document'),
    year: l10n.t('Year'),
    month: l10n.t('Month'),
    mentions: l10n.t('Mentions'),
    paragraphs: l10n.t('Paragraphs'),
    perThousand: l10n.t('Per 1,000 characters'),
    theme: l10n.t('Theme'),
    country: l10n.t('Country'),
    period: l10n.t('Period'),
    nothing: l10n.t('Nothing matches.'),
    undated: l10n.t('{0} mentions in undated documents'),
    folder: l10n.t('Folder'),
    allFolders: l10n.t('All folders'),
    dateFrom: l10n.t('From'),
    dateTo: l10n.t('To'),
    allThemes: l10n.t('All themes'),
    filters: l10n.t('Filters'),
  };
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/** What the tests read (testHooks.ts). */
export interface CorpusDashboardTestHooks {
  /** resolves with the next summary the page reports after `after` summaries */
  drawn(after: number): Promise<DrawnSummary>;
  drawnCount(): number;
  /** milliseconds the host took for the last view (the chart data and KWIC rows) */
  lastViewMs(): number | undefined;
  /** runs a query in the open dashboard */
  query(query: string): void;
  /** the page's click: asks the host for a selection's view as the page would */
  panel(): vscode.WebviewPanel | undefined;
  /** clicks row `index` of the page's KWIC list (the page then asks to open its passage) */
  clickKwicRow(index: number): void;
  /** the saved passage queries (workspace state) */
  savedQueries(): string[];
  /** Find Passages' list of saved queries, while it shows */
  savedQueriesPick(): vscode.QuickPick<vscode.QuickPickItem> | undefined;
  /** clicks a chart's button (`data-action`: csv, svg, png, table); the next export is saved to `target` without a dialog */
  clickChartAction(chart: string, action: string, target?: vscode.Uri): void;
  /** the page's check of its colours under the current colour theme */
  checkContrast(): Promise<ContrastReport>;
}

export class CorpusDashboard extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private corpus: Corpus | undefined;
  private documents: IndexedDocument[] = [];
  private stale = true;
  /** the page said `ready`: it listens (a message posted before its script runs is lost) */
  private pageReady = false;
  /** bumped by each data post: only the newest one is posted */
  private initSeq = 0;
  /** the query the page shows (every init carries it), until the panel closes */
  private pageQuery: string | undefined;
  /** the last query of Find Passages, offered by Save Passage Query... */
  private lastQuery: string | undefined;
  private summaries: DrawnSummary[] = [];
  /** Find Passages' list of saved queries, while it shows (the tests) */
  private shownPick: vscode.QuickPick<vscode.QuickPickItem> | undefined;
  private contrastWaiters: Array<(report: ContrastReport) => void> = [];
  /** the tests: where the next export goes, instead of asking */
  private testTarget: vscode.Uri | undefined;
  private readonly drawnEmitter = this.register(new vscode.EventEmitter<void>());
  private viewMs: number | undefined;

  /** the query whose passages the Themes view lists (Find Passages...), until cleared there */
  private treeQuery: string | undefined;

  constructor(
    private readonly ctx: FeatureContext,
    private readonly passageView?: FoundPassagesView,
  ) {
    super();
    this.registerAll(
      vscode.commands.registerCommand('thaiPolicyLens.openCorpusDashboard', () => this.open()),
      vscode.commands.registerCommand('thaiPolicyLens.findPassages', (query?: string) => this.findPassages(query)),
      vscode.commands.registerCommand('thaiPolicyLens.savePassageQuery', (query?: string) => this.savePassageQuery(query)),
      vscode.commands.registerCommand('thaiPolicyLens.removePassageQuery', (query?: string) => this.removePassageQuery(query)),
      ctx.index.onDidChange(() => this.invalidate()),
      ctx.glossaries.onDidChange(() => this.invalidate()),
    );
    if (passageView) this.register(passageView.onDidClearPassages(() => (this.treeQuery = undefined)));
  }

  readonly testHooks: CorpusDashboardTestHooks = {
    drawn: (after) =>
      new Promise((resolve) => {
        if (this.summaries.length > after) return resolve(this.summaries[after]);
        const sub = this.drawnEmitter.event(() => {
          if (this.summaries.length > after) {
            sub.dispose();
            resolve(this.summaries[after]);
          }
        });
      }),
    drawnCount: () => this.summaries.length,
    lastViewMs: () => this.viewMs,
    query: (query) => this.post({ type: 'query', query }),
    panel: () => this.panel,
    clickKwicRow: (index) => this.post({ type: 'clickKwicRow', index }),
    savedQueries: () => this.savedQueries(),
    savedQueriesPick: () => this.shownPick,
    checkContrast: () =>
      new Promise((resolve) => {
        this.contrastWaiters.push(resolve);
        this.post({ type: 'checkContrast' });
      }),
    clickChartAction: (chart, action, target) => {
      this.testTarget = target;
      this.post({ type: 'clickAction', chart, action });
    },
  };

  /** The index or the glossaries changed: the page gets the new data (once it listens; `ready` asks for it). */
  private invalidate(): void {
    this.stale = true;
    if (this.panel && this.pageReady) void this.sendInit();
    if (this.treeQuery !== undefined) void this.listPassages(this.treeQuery);
  }

  /** Lists the passages of a query in the Themes view (found again after each change of the index). */
  private async listPassages(query: string): Promise<void> {
    if (!this.passageView) return;
    this.treeQuery = query;
    const corpus = await this.currentCorpus();
    const documents = this.documents;
    // another query, or cleared, meanwhile; or the corpus was built again (a newer listing follows)
    if (this.treeQuery !== query || corpus !== this.corpus) return;
    let found;
    try {
      found = findPassages(corpus, parsePassageQuery(query, corpus.model.themes), (d) => documents[d]?.text ?? '');
    } catch (e) {
      if (e instanceof QueryError) return; // the page says what is wrong with it
      throw e;
    }
    this.passageView.showPassages({ query, passages: found.map((p) => ({ document: documents[p.doc], start: p.start, end: p.end })) });
  }

  /** The corpus of the workspace index (built again after the index or the glossaries changed). */
  private async currentCorpus(): Promise<Corpus> {
    await this.ctx.index.start();
    if (!this.corpus || this.stale) {
      this.stale = false;
      const documents = (this.documents = this.ctx.index.documents().filter((d) => d.annotations.length > 0 || d.text.length > 0));
      const model = buildCorpusModel(
        documents.map((d) => ({ path: vscode.workspace.asRelativePath(d.uri), text: d.text, annotations: d.annotations })),
        corpusThemes(this.ctx.glossaries.set),
      );
      this.corpus = new Corpus(model, (i) => documents[i]?.text);
      this.corpus.indexTexts();
    }
    return this.corpus;
  }

  async open(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const root = vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'dist', 'webview');
    const panel = (this.panel = vscode.window.createWebviewPanel('thaiPolicyLens.corpusDashboard', l10n.t('Corpus Dashboard'), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [root],
    }));
    const n = nonce();
    const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'corpus.js'));
    // img-src blob:: a PNG export draws the chart's SVG (a blob URL) into a canvas
    const csp = `default-src 'none'; img-src blob:; style-src ${panel.webview.cspSource} 'unsafe-inline'; font-src ${panel.webview.cspSource}; script-src 'nonce-${n}';`;
    panel.webview.html = `<!DOCTYPE html><html lang="${vscode.env.language}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${l10n.t('Corpus Dashboard')}</title></head><body><div id="tpl-corpus"></div><script nonce="${n}" src="${script.toString()}"></script></body></html>`;
    this.pageReady = false;
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.pageReady = false;
      this.pageQuery = undefined;
    });
    panel.webview.onDidReceiveMessage((m: FromWebview) => void this.receive(m));
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private async sendInit(): Promise<void> {
    const seq = ++this.initSeq;
    const corpus = await this.currentCorpus();
    if (seq !== this.initSeq || !this.pageReady) return; // a newer post is under way, or the page is gone
    const { themes, countries, documents } = corpus.model;
    // every init carries the last query asked for: an init sent again (the index or the
    // glossaries changed while the page was loading) must not drop it
    this.post({ type: 'init', meta: { themes, countries, documents }, strings: corpusStrings(), query: this.pageQuery });
  }

  private async receive(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        // the page listens from now on: it gets the corpus once the index has read what is on
        // disk (a file written just before the dashboard opened too), and again after each change
        this.pageReady = true;
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: l10n.t('Reading the workspace for the corpus dashboard') }, async () => {
          await this.ctx.index.catchUp();
          await this.sendInit();
        });
        break;
      case 'view': {
        const corpus = await this.currentCorpus();
        const started = Date.now();
        const view: CorpusView = corpus.view(m.selection, { period: m.period, kwicSort: m.kwicSort, documentLimit: m.documentLimit });
        this.viewMs = Date.now() - started;
        this.post({ type: 'view', id: m.id, view });
        break;
      }
      case 'open': {
        const doc = this.documents[m.row.doc];
        if (!doc) break;
        const textDocument = await vscode.workspace.openTextDocument(doc.uri);
        const range = new vscode.Range(textDocument.positionAt(m.row.start), textDocument.positionAt(m.row.end));
        await vscode.window.showTextDocument(textDocument, { selection: range, viewColumn: vscode.ViewColumn.Beside, preview: true });
        break;
      }
      case 'save': {
        const target = await this.askTarget(m.name);
        if (target) await writeTextAtomic(target, m.content);
        break;
      }
      case 'saveBinary': {
        const target = await this.askTarget(m.name);
        if (target) await writeBytesAtomic(target, Uint8Array.from(atob(m.base64), (c) => c.charCodeAt(0)));
        break;
      }
      case 'drawn':
        this.summaries.push(m.summary);
        this.drawnEmitter.fire();
        break;
      case 'contrast':
        this.contrastWaiters.shift()?.(m.report);
        break;
    }
  }

  /** Where to save an export of the page (a save dialog; the tests give it). */
  private async askTarget(name: string): Promise<vscode.Uri | undefined> {
    if (this.testTarget) {
      const target = this.testTarget;
      this.testTarget = undefined;
      return target;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, title: l10n.t('Save {0}', name) });
  }

  /** The query box of Find Passages... and Save Passage Query... (checked as it is typed). */
  private askQuery(title: string, value?: string): Thenable<string | undefined> {
    const themes = corpusThemes(this.ctx.glossaries.set);
    return vscode.window.showInputBox({
      title,
      value,
      prompt: l10n.t('theme:ID-or-label country:ISO-or-name date:FROM..TO (CE or BE) folder:PATH "free text"'),
      placeHolder: 'theme:human-rights country:MM date:2564..2566 "ผู้ลี้ภัย"',
      validateInput: (v) => {
        try {
          parsePassageQuery(v, themes);
          return undefined;
        } catch (e) {
          return e instanceof QueryError ? e.message : String(e);
        }
      },
    });
  }

  private savedQueries(): string[] {
    return readSavedQueries(this.ctx.extension.workspaceState.get(SAVED_QUERIES_KEY));
  }

  /** Find Passages...: a saved query or a new one, shown in the dashboard's KWIC list and charts. */
  async findPassages(given?: string): Promise<void> {
    let query = given;
    if (query === undefined) {
      const saved = this.savedQueries();
      if (saved.length) {
        const picked = await this.pickSavedQuery();
        if (picked === undefined) return;
        if (picked !== NEW_QUERY) query = picked;
      }
      query ??= await this.askQuery(l10n.t('Find Passages'));
    }
    if (query === undefined) return;
    this.lastQuery = this.pageQuery = query;
    void this.listPassages(query);
    if (this.panel) {
      this.panel.reveal();
      this.post({ type: 'query', query });
    } else {
      await this.open();
    }
  }

  /**
   * The saved queries and New query...: each saved one has a Remove button (the quick pick's
   * convention for removing an entry in place). `NEW_QUERY`, a saved query, or undefined (dismissed).
   */
  private pickSavedQuery(): Promise<string | typeof NEW_QUERY | undefined> {
    const remove: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('trash'), tooltip: l10n.t('Remove this saved query') };
    const fresh: vscode.QuickPickItem = { label: l10n.t('New query...'), alwaysShow: true };
    const pick = vscode.window.createQuickPick();
    pick.title = l10n.t('Find Passages');
    pick.placeholder = l10n.t('A saved query, or a new one');
    const fill = () => {
      const saved = this.savedQueries();
      pick.items = [
        fresh,
        ...(saved.length ? [{ label: l10n.t('Saved queries'), kind: vscode.QuickPickItemKind.Separator }] : []),
        ...saved.map((q): vscode.QuickPickItem => ({ label: q, buttons: [remove] })),
      ];
    };
    fill();
    this.shownPick = pick;
    return new Promise((resolve) => {
      let result: string | typeof NEW_QUERY | undefined;
      pick.onDidTriggerItemButton(async (e) => {
        await this.forgetQuery(e.item.label);
        fill();
      });
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0];
        if (!item) return;
        result = item === fresh ? NEW_QUERY : item.label;
        pick.hide();
      });
      pick.onDidHide(() => {
        pick.dispose();
        if (this.shownPick === pick) this.shownPick = undefined;
        resolve(result);
      });
      pick.show();
    });
  }

  private forgetQuery(query: string): Thenable<void> {
    return this.ctx.extension.workspaceState.update(SAVED_QUERIES_KEY, removeQuery(this.savedQueries(), query));
  }

  /** Remove Saved Passage Query...: one of the saved queries (picked, or given), no longer offered. */
  async removePassageQuery(given?: string): Promise<void> {
    const saved = this.savedQueries();
    if (given === undefined && saved.length === 0) {
      void showInformation(l10n.t('Thai Policy Lens: no saved passage queries.'));
      return;
    }
    const query = given ?? (await vscode.window.showQuickPick(saved, { title: l10n.t('Remove Saved Passage Query'), placeHolder: l10n.t('The saved query to remove') }));
    if (query === undefined) return;
    await this.forgetQuery(query);
  }

  /** Save Passage Query...: the last query found (or one typed), offered by Find Passages... from then on. */
  async savePassageQuery(given?: string): Promise<void> {
    const query = (given ?? (await this.askQuery(l10n.t('Save Passage Query'), this.lastQuery)))?.trim();
    if (!query) return;
    await this.ctx.extension.workspaceState.update(SAVED_QUERIES_KEY, saveQuery(this.savedQueries(), query));
    void showInformation(l10n.t('Thai Policy Lens: saved the query {0}; Find Passages... offers it.', query));
  }
}
