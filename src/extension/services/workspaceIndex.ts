/**
 * The workspace index: the annotations of every text and Markdown file in the workspace
 * (per folder, the `thaiPolicyLens.index.include` globs, `**\/*.{txt,md,markdown}` by default, and
 * the `thaiPolicyLens.thaiPolicyFiles` patterns; without node_modules, .git, the exports folder
 * `.policy-lens/exports`, `files.exclude`, `thaiPolicyLens.index.exclude` and files over
 * `thaiPolicyLens.maxFileSize` characters). Files without Thai script are read but not analysed
 * (unless `thaiPolicyLens.onlyThaiDocuments` is off).
 *
 * It does nothing until `start()`: the Themes view starts it when it shows the whole workspace,
 * and so do a jump across files and the API; a window that never asks never reads a file.
 *
 * Files are read and analysed in the background, a few reads ahead of the analysis, yielding to
 * the event loop every few milliseconds so the editor stays responsive; a progress item shows in
 * the status bar meanwhile. A file system watcher keeps the index current, and a glossary or
 * reference-date change re-analyses the texts already read (without reading them again).
 * Documents open in an editor are reported with their live analysis instead of the file's.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { readTextWithin } from './files';
import type { Annotation } from '../../core';
import { containsThai, EXPORTS_FOLDER, formatNumber, globUnion, SKIPPED_FOLDERS } from '../../core';
import { Disposable } from '../disposable';
import type { AnalysisService } from './analysisService';
import type { GlossaryService } from './glossaryService';
import type { Settings } from './settings';

export interface IndexedDocument {
  uri: vscode.Uri;
  annotations: Annotation[];
  /** the text the annotations were computed on */
  text: string;
}

/** What an indexing pass did, for the refresh command and the measurements. */
export interface IndexPassStats {
  /** files read from disk in this pass */
  read: number;
  /** files (re-)analysed in this pass */
  analyzed: number;
  /** files in the index after the pass */
  documents: number;
  /** wall-clock milliseconds of the pass, waiting included */
  millis: number;
}

/** A file of the index. */
interface Entry extends IndexedDocument {
  /** the analysis settings the annotations were computed with (see `analysisKey`) */
  key: string;
}

/** node_modules, .git, and the extension's own exports (which would count its findings twice) */
const ALWAYS_EXCLUDED = [...SKIPPED_FOLDERS.map((folder) => `**/${folder}/**`), `**/${EXPORTS_FOLDER}/**`];
/** Work this long at most before yielding to the event loop. */
const SLICE_MS = 10;
/** Files read ahead of the analysis. */
const READ_AHEAD = 16;

/** A macrotask later (setTimeout: the web worker extension host has no setImmediate). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class WorkspaceIndex extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after an indexing pass changed the index (not for edits of open documents). */
  readonly onDidChange = this.changed.event;
  private readonly entries = new Map<string, Entry>();
  /** files to (re-)read, by URI string */
  private readonly toRead = new Map<string, vscode.Uri>();
  private rescanRequested = false;
  private running: Promise<void> | undefined;
  private started = false;
  private sorted: Entry[] | undefined;
  /** bumped by `refresh` so that every entry is analysed again */
  private epoch = 0;
  private watchers: vscode.FileSystemWatcher[] = [];
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  /** files the watcher reported as created, to check against the folder's globs */
  private readonly created = new Map<string, vscode.Uri>();
  private createdTimer: ReturnType<typeof setTimeout> | undefined;
  /** admissions of created files under way (a search per folder) */
  private readonly admissions = new Set<Promise<void>>();
  /** the tests: the watcher's reports are dropped (testHooks.ts) */
  ignoreWatcher = false;
  /** what the last finished pass did */
  private lastPass: IndexPassStats | undefined;

  constructor(
    private readonly analysis: AnalysisService,
    private readonly glossaries: GlossaryService,
    private readonly settings: Settings,
  ) {
    super();
  }

  /** Starts indexing the workspace in the background (idempotent); resolves when it is done. */
  start(): Promise<void> {
    if (this.started || this.isDisposed) return this.whenReady();
    this.started = true;
    this.registerAll(
      this.glossaries.onDidChange(() => this.kick()),
      this.settings.onDidChange((e) => {
        if (e.affects('thaiPolicyFiles', 'files.exclude', 'index')) {
          this.watch();
          this.requestRescan();
        } else if (e.affects('maxFileSize', 'onlyThaiDocuments')) this.requestRescan();
        else if (e.affects('referenceDate')) this.kick();
        else if (e.affects('languages')) this.changed.fire();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.requestRescan()),
      // A document closed (maybe without saving): `documents()` goes back to the file on disk,
      // or leaves it out when the index has not read that file yet (a file just created).
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const indexed = this.entries.has(doc.uri.toString());
        if (indexed) this.queueRead(doc.uri);
        if (indexed || this.analysis.isEnabledFor(doc)) this.fireSoon();
      }),
    );
    this.watch();
    this.requestRescan();
    return this.whenReady();
  }

  /**
   * Indexes the workspace again from scratch (the tree's Refresh): lists it, reads and analyses
   * every file. The current entries stay in use until their new version is ready.
   */
  async refresh(): Promise<IndexPassStats | undefined> {
    if (this.started) {
      await this.whenReady();
      this.epoch++;
      this.requestRescan();
    }
    await this.start();
    return this.lastPass;
  }

  /** Resolves when no indexing pass is running or due. */
  async whenReady(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Starts the index if needed, then catches up with the disk before resolving: files the watcher
   * reported are admitted at once, files written but not reported yet (the watcher lags) are
   * listed and read, and no pass runs or is due. For a view that must show a file just written
   * (the corpus dashboard); one listing of the workspace, no reading of files already indexed.
   */
  async catchUp(): Promise<void> {
    if (!this.started) return this.start();
    if (this.isDisposed) return;
    if (this.createdTimer) {
      clearTimeout(this.createdTimer);
      this.createdTimer = undefined;
      this.admitCreated();
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const uri of await this.findIn(folder)) if (!this.entries.has(uri.toString())) this.queueRead(uri);
    }
    while (this.admissions.size > 0) await Promise.all([...this.admissions]);
    await this.whenReady();
  }

  /** True once `start()` was called. */
  get isStarted(): boolean {
    return this.started;
  }

  /** True while a pass runs. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /**
   * Every indexed document, in path order; open documents with their live analysis. A closed
   * document is the same object from call to call while its file and analysis are unchanged. Open
   * documents of the workspace that the file patterns do not cover (say a `.log` opened as plain
   * text) are included too.
   */
  documents(): IndexedDocument[] {
    const open = new Map<string, vscode.TextDocument>();
    for (const doc of vscode.workspace.textDocuments) {
      if (this.analysis.isEnabledFor(doc)) open.set(doc.uri.toString(), doc);
    }
    const out: IndexedDocument[] = [];
    const live = (doc: vscode.TextDocument): IndexedDocument => ({ uri: doc.uri, annotations: this.analysis.get(doc).annotations, text: doc.getText() });
    for (const entry of this.sortedEntries()) {
      const doc = open.get(entry.uri.toString());
      out.push(doc ? live(doc) : entry); // the same object while the file is unchanged
      if (doc) open.delete(entry.uri.toString());
    }
    const extra = [...open.values()].filter(
      (d) => !this.isExcluded(d.uri) && vscode.workspace.getWorkspaceFolder(d.uri) && d.getText().length <= this.maxSize(d.uri),
    );
    if (extra.length) {
      for (const doc of extra) out.push(live(doc));
      out.sort((a, b) => compareUris(a.uri, b.uri));
    }
    return out;
  }

  /** The number of files in the index. */
  get size(): number {
    return this.entries.size;
  }

  private sortedEntries(): Entry[] {
    this.sorted ??= [...this.entries.values()].sort((a, b) => compareUris(a.uri, b.uri));
    return this.sorted;
  }

  /**
   * (Re)creates the watchers: one for the file patterns (created and changed files), and one for
   * deletions of anything, since deleting a folder reports only the folder.
   */
  private watch(): void {
    for (const w of this.watchers) w.dispose();
    const files = vscode.workspace.createFileSystemWatcher(this.includeGlob(), false, false, true);
    // A new file may be excluded by its folder's settings: the search says, once for a burst.
    files.onDidCreate((uri) => this.ignoreWatcher || this.admitSoon(uri));
    files.onDidChange((uri) => this.ignoreWatcher || (this.entries.has(uri.toString()) ? this.queueRead(uri) : this.admitSoon(uri)));
    const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    deletions.onDidDelete((uri) => this.remove(uri));
    this.watchers = [files, deletions];
  }

  /** The files indexed in a folder (or, for the watcher, in every folder): one `{a,b}` glob. */
  private includeGlob(folder?: vscode.WorkspaceFolder): string {
    const folders = folder ? [folder] : (vscode.workspace.workspaceFolders ?? []);
    const globs = new Set<string>();
    for (const f of folders.length ? folders : [undefined]) {
      const settings = this.settings.for(f?.uri);
      for (const g of [...settings.indexInclude, ...settings.thaiPolicyFiles]) globs.add(g);
    }
    return globUnion([...globs]);
  }

  private excludeGlob(folder: vscode.WorkspaceFolder): string {
    const settings = this.settings.for(folder.uri);
    return globUnion([...ALWAYS_EXCLUDED, ...settings.filesExclude, ...settings.indexExclude]);
  }

  /**
   * Queues files the watcher reported that the scan would list (their folder's include and exclude
   * globs): after a short wait, one search per folder for the whole burst (a checkout creates many).
   */
  private admitSoon(uri: vscode.Uri): void {
    if (this.isDisposed || this.isExcluded(uri)) return;
    this.created.set(uri.toString(), uri);
    this.createdTimer ??= setTimeout(() => {
      this.createdTimer = undefined;
      this.admitCreated();
    }, 100);
  }

  private admitCreated(): void {
    const created = [...this.created.values()];
    this.created.clear();
    const admission = this.admit(created)
      .catch((err: unknown) => console.error('[thai-policy-lens] admitting created files failed', err))
      .finally(() => this.admissions.delete(admission));
    this.admissions.add(admission);
  }

  private async admit(uris: vscode.Uri[]): Promise<void> {
    const byFolder = new Map<vscode.WorkspaceFolder, vscode.Uri[]>();
    for (const uri of uris) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) byFolder.set(folder, [...(byFolder.get(folder) ?? []), uri]);
    }
    for (const [folder, list] of byFolder) {
      const found = new Set((await this.findIn(folder)).map((u) => u.toString()));
      for (const uri of list) if (found.has(uri.toString())) this.queueRead(uri);
    }
  }

  /** The files of a folder the index reads. */
  private findIn(folder: vscode.WorkspaceFolder): Thenable<vscode.Uri[]> {
    return vscode.workspace.findFiles(new vscode.RelativePattern(folder, this.includeGlob(folder)), new vscode.RelativePattern(folder, this.excludeGlob(folder)));
  }

  private isExcluded(uri: vscode.Uri): boolean {
    return [...SKIPPED_FOLDERS, EXPORTS_FOLDER].some((folder) => uri.path.includes(`/${folder}/`));
  }

  private maxSize(uri: vscode.Uri): number {
    return this.settings.for(uri).maxFileSize;
  }

  /** The annotations of a file's text; none, without analysing, for a text without Thai script (by default). */
  private annotate(uri: vscode.Uri, text: string): Annotation[] {
    if (this.settings.for(uri).onlyThaiDocuments && !containsThai(text)) return [];
    return this.analysis.analyzeText(text);
  }

  /** The settings an analysis depends on besides the text: stale entries are re-analysed. */
  private analysisKey(): string {
    return `${this.epoch}|${this.glossaries.set.version}|${this.settings.referenceDate ?? new Date().toDateString()}`;
  }

  private queueRead(uri: vscode.Uri): void {
    if (this.isDisposed || this.isExcluded(uri)) return;
    this.toRead.set(uri.toString(), uri);
    this.kick();
  }

  /** Drops a deleted file, or every file under a deleted folder. */
  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    this.toRead.delete(key);
    let removed = this.entries.delete(key);
    if (!removed) {
      const prefix = key.endsWith('/') ? key : key + '/';
      for (const k of [...this.entries.keys()]) {
        if (k.startsWith(prefix)) removed = this.entries.delete(k) || removed;
      }
    }
    if (removed) {
      this.sorted = undefined;
      this.fireSoon();
    }
  }

  /** Tells listeners once for a burst of changes made outside a pass (deletions, closing). */
  private fireSoon(): void {
    this.changeTimer ??= setTimeout(() => {
      this.changeTimer = undefined;
      if (!this.isDisposed) this.changed.fire();
    }, 50);
  }

  private requestRescan(): void {
    this.rescanRequested = true;
    this.kick();
  }

  /** Starts a pass unless one is running (a running pass picks up new work itself). */
  private kick(): void {
    if (!this.started || this.isDisposed || this.running) return;
    const pass = Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: l10n.t('Thai Policy Lens: indexing') }, (progress) => this.pass(progress)),
    )
      .then(
        () => undefined,
        (err: unknown) => console.error('[thai-policy-lens] indexing failed', err),
      )
      .then(() => {
        this.running = undefined;
        // work that came in after the pass looked for it for the last time
        if (this.hasWork()) this.kick();
      });
    this.running = pass;
  }

  private hasWork(): boolean {
    if (this.isDisposed) return false;
    if (this.rescanRequested || this.toRead.size > 0) return true;
    const key = this.analysisKey();
    for (const e of this.entries.values()) if (e.key !== key) return true;
    return false;
  }

  /** One indexing pass: until there is nothing left to list, read or re-analyse. */
  private async pass(progress: vscode.Progress<{ message?: string }>): Promise<void> {
    const started = performance.now();
    let read = 0;
    let analyzed = 0;
    let changed = false;
    let sliceStart = performance.now();
    const pause = async () => {
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    };
    for (;;) {
      if (this.isDisposed) return;
      await this.glossaries.whenIdle();
      if (this.rescanRequested) {
        this.rescanRequested = false;
        changed = (await this.scan()) || changed;
        sliceStart = performance.now();
      }
      const key = this.analysisKey();
      if (this.toRead.size > 0) {
        const uris = [...this.toRead.values()];
        this.toRead.clear();
        // Reads run a few files ahead of the analysis.
        const reads: Array<Promise<string | undefined>> = [];
        const startRead = (i: number) => {
          if (i < uris.length) reads[i] = readTextWithin(uris[i], this.maxSize(uris[i]));
        };
        for (let i = 0; i < READ_AHEAD; i++) startRead(i);
        for (let i = 0; i < uris.length; i++) {
          const text = await reads[i];
          reads[i] = Promise.resolve(undefined); // let the text be collected once stored
          startRead(i + READ_AHEAD);
          if (this.isDisposed) return;
          if (i % 50 === 0) progress.report({ message: l10n.t('{0}/{1} files', formatNumber(i + 1), formatNumber(uris.length)) });
          const uriKey = uris[i].toString();
          if (this.toRead.has(uriKey)) continue; // changed again meanwhile: read later
          if (text === undefined) {
            if (this.entries.delete(uriKey)) {
              changed = true;
              this.sorted = undefined;
            }
            continue;
          }
          read++;
          const old = this.entries.get(uriKey);
          const currentKey = this.analysisKey();
          if (old && old.text === text && old.key === currentKey) continue;
          this.entries.set(uriKey, { uri: uris[i], text, annotations: this.annotate(uris[i], text), key: currentKey });
          this.sorted = undefined;
          analyzed++;
          changed = true;
          await pause();
        }
        continue;
      }
      // nothing to read: re-analyse what is stale (glossary or reference date changed)
      const stale = [...this.entries.values()].filter((e) => e.key !== key);
      if (stale.length === 0) break;
      for (let i = 0; i < stale.length; i++) {
        if (this.isDisposed) return;
        const entry = stale[i];
        if (this.entries.get(entry.uri.toString()) !== entry) continue;
        if (i % 50 === 0) progress.report({ message: l10n.t('{0}/{1} files', formatNumber(i + 1), formatNumber(stale.length)) });
        // a new object, not changed in place: consumers may keep the old one (the tree does)
        this.entries.set(entry.uri.toString(), { ...entry, annotations: this.annotate(entry.uri, entry.text), key: this.analysisKey() });
        this.sorted = undefined;
        analyzed++;
        changed = true;
        await pause();
        if (this.rescanRequested || this.toRead.size > 0) break;
      }
    }
    this.lastPass = { read, analyzed, documents: this.entries.size, millis: performance.now() - started };
    if (changed) this.changed.fire();
  }

  /** Lists the workspace; drops entries of files that are gone; queues every file to read. */
  private async scan(): Promise<boolean> {
    const uris: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      uris.push(...(await this.findIn(folder)));
    }
    const found = new Set<string>();
    for (const uri of uris) {
      if (this.isExcluded(uri)) continue;
      found.add(uri.toString());
    this.toRead.set(uri.toString(), uri);
    }
    let removed = false;
    for (const key of [...this.entries.keys()]) {
      if (!found.has(key)) removed = this.entries.delete(key) || removed;
    }
    if (removed) this.sorted = undefined;
    return removed;
  }

  override dispose(): void {
    super.dispose();
    for (const w of this.watchers) w.dispose();
    if (this.changeTimer) clearTimeout(this.changeTimer);
    if (this.createdTimer) clearTimeout(this.createdTimer);
    this.entries.clear();
    this.toRead.clear();
  }
}

function compareUris(a: vscode.Uri, b: vscode.Uri): number {
  const x = a.toString();
  const y = b.toString();
  return x < y ? -1 : x > y ? 1 : 0;
}
