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
import { readFileBytes, readTextWithin, statFile, writeBytesAtomic, type FileVersion } from './files';
import type { Annotation } from '../../core';
import { containsThai, EXPORTS_FOLDER, formatNumber, globUnion, SKIPPED_FOLDERS } from '../../core';
import {
  AnnotationTable,
  hashText,
  packAnnotations,
  packsTo,
  packText,
  readIndexSnapshot,
  someAnnotation,
  unpackAnnotations,
  unpackText,
  visitList,
  visitPacked,
  indexSnapshotParts,
  type AnnotationFields,
  type AnnotationVisitor,
  type PackedText,
} from '../../features/compactIndex';
import { Disposable } from '../disposable';
import type { AnalysisService, DocumentAnalysis } from './analysisService';
import type { GlossaryService } from './glossaryService';
import type { Settings } from './settings';

export interface IndexedDocument {
  readonly uri: vscode.Uri;
  /**
   * The annotations. For a closed document they are made from the index's compact form when
   * asked for (the same array while someone keeps it): ask `hasAnnotation` to test without them.
   */
  readonly annotations: Annotation[];
  /** the text the annotations were computed on (for a closed document, decoded when asked for) */
  readonly text: string;
  /** True when an annotation's fields pass `test` (without making the annotations of a closed document). */
  hasAnnotation(test: (fields: AnnotationFields) => boolean): boolean;
  /** Visits the annotations from index `from` on (without making those of a closed document). */
  forEachAnnotation(visit: AnnotationVisitor, from?: number): void;
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
  /** files taken from the persisted index (unchanged on disk) in this pass */
  reused?: number;
}

/** Where the index is persisted, and what its annotations depend on besides the glossaries. */
export interface IndexStorage {
  /** the folder of the extension's storage for this workspace (context.storageUri ?? globalStorageUri) */
  folder: vscode.Uri;
  /** the extension's version: another program may analyse differently */
  program: string;
}

/** A file of the index, in compact form (see src/features/compactIndex.ts). */
class Entry implements IndexedDocument {
  private made: WeakRef<Annotation[]> | undefined;

  constructor(
    readonly uri: vscode.Uri,
    /** the analysis settings the annotations were computed with (see `analysisKey`) */
    readonly key: string,
    readonly version: FileVersion,
    readonly hash: string,
    readonly packedText: PackedText,
    readonly packed: Int32Array,
    readonly table: AnnotationTable,
  ) {}

  get text(): string {
    return unpackText(this.packedText);
  }

  /** The text's length in UTF-16 code units (without decoding a text of one byte a character). */
  get textLength(): number {
    return this.packedText.thai ? this.packedText.bytes.length : this.text.length;
  }

  get annotations(): Annotation[] {
    let list = this.made?.deref();
    if (!list) this.made = new WeakRef((list = unpackAnnotations(this.table, this.packed)));
    return list;
  }

  hasAnnotation(test: (fields: AnnotationFields) => boolean): boolean {
    return someAnnotation(this.table, this.packed, test);
  }

  forEachAnnotation(visit: AnnotationVisitor, from?: number): void {
    visitPacked(this.table, this.packed, visit, from);
  }

  /** The same file, another version on disk with the same text. */
  withVersion(version: FileVersion): Entry {
    return new Entry(this.uri, this.key, version, this.hash, this.packedText, this.packed, this.table);
  }
}

/** node_modules, .git, and the extension's own exports (which would count its findings twice) */
const ALWAYS_EXCLUDED = [...SKIPPED_FOLDERS.map((folder) => `**/${folder}/**`), `**/${EXPORTS_FOLDER}/**`];
/** Work this long at most before yielding to the event loop. */
const SLICE_MS = 10;
/** Files read ahead of the analysis; files whose size and time are checked at once. */
const READ_AHEAD = 16;
/** The persisted index, in the storage folder. */
const SNAPSHOT_FILE = 'workspaceIndex.bin';
/** How long a new file system watcher may take to report files (a second scan after it). */
const WATCHER_START_MS = 1000;
/** Written this long after the last pass that changed the index. */
const SAVE_DELAY_MS = 2000;

/** A macrotask later (setTimeout: the web worker extension host has no setImmediate). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A pause for long loops: yields to the event loop once `SLICE_MS` have passed since the last. */
function slicer(): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  };
}

export class WorkspaceIndex extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after an indexing pass changed the index (not for edits of open documents). */
  readonly onDidChange = this.changed.event;
  private readonly entries = new Map<string, Entry>();
  /** the documents `documents()` gave for open documents, by their analysis (of one version of the text) */
  private readonly liveDocuments = new WeakMap<DocumentAnalysis, IndexedDocument>();
  /** the fields of every annotation of the entries, each once */
  private table = new AnnotationTable();
  /** files to (re-)read, by URI string */
  private readonly toRead = new Map<string, vscode.Uri>();
  /** files of the persisted index to check against the disk (size and time), by URI string */
  private readonly toCheck = new Map<string, vscode.Uri>();
  private rescanRequested = false;
  /** the next scan reads every file (Refresh), instead of checking the size and time of those known */
  private readAll = false;
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
  private glossaryHash: { version: number; hash: string } | undefined;
  /** the persisted index read at start (resolves when it is in the entries, or found unusable) */
  private loaded: Promise<void> | undefined;
  /** files taken from the persisted index since the last pass */
  private reused = 0;
  private dirty = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  /** files and folders deleted since the current batch of reads started (a read may have finished before) */
  private removedDuringRead: string[] = [];
  /** what became of the persisted index at start, for the tests and the log */
  private loadOutcome = 'not read';
  private saving: Promise<void> | undefined;

  constructor(
    private readonly analysis: AnalysisService,
    private readonly glossaries: GlossaryService,
    private readonly settings: Settings,
    /** where the index is persisted; none: it is not */
    private readonly storage?: IndexStorage,
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
          // files created while the new watcher was starting: listed by a second scan (known files are only checked)
          this.rescanTimer ??= setTimeout(() => {
            this.rescanTimer = undefined;
            if (!this.isDisposed) this.requestRescan();
          }, WATCHER_START_MS);
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
      // Reverted (or saved, or undone to the saved text): the same text as the file again. VS Code
      // may tell the document's closing only much later (a reverted and closed editor).
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.document.isDirty && e.contentChanges.length > 0 && this.entries.has(e.document.uri.toString())) this.fireSoon();
      }),
    );
    this.loaded = this.load();
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
      this.readAll = true;
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

  /** Resolves once the persisted index (if any) is in use: the entries it had are shown. */
  async whenLoaded(): Promise<void> {
    await this.loaded;
  }

  /** What became of the persisted index at start (for the tests). */
  get persistedOutcome(): string {
    return this.loadOutcome;
  }

  /** True once `start()` was called. */
  get isStarted(): boolean {
    return this.started;
  }

  /** What the last finished pass did. */
  get lastPassStats(): IndexPassStats | undefined {
    return this.lastPass;
  }

  /** True while a pass runs. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /**
   * Every indexed document, in path order; open documents with their live analysis. A document
   * is the same object from call to call while its file (closed) or its analysis (open) is unchanged. Open
   * documents of the workspace that the file patterns do not cover (say a `.log` opened as plain
   * text) are included too.
   */
  documents(): IndexedDocument[] {
    const open = new Map<string, vscode.TextDocument>();
    for (const doc of vscode.workspace.textDocuments) {
      if (this.analysis.isEnabledFor(doc)) open.set(doc.uri.toString(), doc);
    }
    const out: IndexedDocument[] = [];
    const live = (doc: vscode.TextDocument): IndexedDocument => {
      // the same object while the document's analysis is the same (an edit makes a new one): the tree counts it once
      const analysis = this.analysis.get(doc);
      let made = this.liveDocuments.get(analysis);
      if (!made || made.uri.toString() !== doc.uri.toString()) {
        const annotations = analysis.annotations;
        made = { uri: doc.uri, annotations, text: doc.getText(), hasAnnotation: (test) => annotations.some(test), forEachAnnotation: (visit, from) => visitList(annotations, visit, from) };
        this.liveDocuments.set(analysis, made);
      }
      return made;
    };
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

  /** Entries analysed with the glossaries and settings in force or an earlier pass's (not a stale persisted index's), in path order. */
  private sortedEntries(): Entry[] {
    this.sorted ??= [...this.entries.values()].filter((e) => e.key !== STALE).sort((a, b) => compareUris(a.uri, b.uri));
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

  /**
   * A new entry for a file's text, analysed now. With the file's previous entry `old` (the same
   * file, analysed before): its text's bytes when the text is the same, and its annotation numbers
   * when they are the same, so that a Refresh or a re-analysis that changes nothing holds no
   * second copy of them.
   */
  private entryOf(uri: vscode.Uri, version: FileVersion, hash: string, text: string, old?: Entry): Entry {
    const sameText = old !== undefined && old.hash === hash;
    const annotations = this.annotate(uri, text);
    const packed = sameText && old.table === this.table && packsTo(this.table, annotations, old.packed) ? old.packed : packAnnotations(this.table, annotations);
    return new Entry(uri, this.analysisKey(), version, hash, sameText ? old.packedText : packText(text), packed, this.table);
  }

  /**
   * What the annotations depend on besides the text, as kept with the persisted index: the
   * program, the glossaries' content, the reference date (today's when none is set) and each
   * folder's `onlyThaiDocuments`. Stale entries are re-analysed.
   */
  private persistentKey(): string {
    const set = this.glossaries.set;
    if (this.glossaryHash?.version !== set.version) {
      this.glossaryHash = { version: set.version, hash: hashText(JSON.stringify([set.themes, set.countryAliases])) };
    }
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => (this.settings.for(f.uri).onlyThaiDocuments ? 1 : 0)).join('');
    return `${this.storage?.program ?? ''}|${this.glossaryHash.hash}|${this.settings.referenceDate ?? new Date().toDateString()}|${folders}`;
  }

  /** The key of entries analysed with the glossaries and settings in force (`persistentKey` and Refresh's count). */
  private analysisKey(): string {
    return `${this.epoch}|${this.persistentKey()}`;
  }

  private queueRead(uri: vscode.Uri): void {
    if (this.isDisposed || this.isExcluded(uri)) return;
    this.toCheck.delete(uri.toString());
    this.toRead.set(uri.toString(), uri);
    this.kick();
  }

  /** Drops a deleted file, or every file under a deleted folder. */
  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    this.removedDuringRead.push(key);
    this.toRead.delete(key);
    this.toCheck.delete(key);
    let removed = this.entries.delete(key);
    if (!removed) {
      const prefix = key.endsWith('/') ? key : key + '/';
      for (const k of [...this.entries.keys()]) {
        if (k.startsWith(prefix)) removed = this.entries.delete(k) || removed;
      }
    }
    if (removed) {
      this.sorted = undefined;
      this.dirty = true;
      this.saveSoon();
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
        else this.saveSoon();
      });
    this.running = pass;
  }

  private hasWork(): boolean {
    if (this.isDisposed) return false;
    if (this.rescanRequested || this.toRead.size > 0 || this.toCheck.size > 0) return true;
    const key = this.analysisKey();
    for (const e of this.entries.values()) if (e.key !== key) return true;
    return false;
  }

  /** One indexing pass: until there is nothing left to list, check, read or re-analyse. */
  private async pass(progress: vscode.Progress<{ message?: string }>): Promise<void> {
    const started = performance.now();
    let read = 0;
    let analyzed = 0;
    let changed = false;
    const pause = slicer();
    const report = (i: number, n: number) => {
      if (i % 50 === 0) progress.report({ message: l10n.t('{0}/{1} files', formatNumber(i + 1), formatNumber(n)) });
    };
    await this.loaded;
    for (;;) {
      if (this.isDisposed) return;
      await this.glossaries.whenIdle();
      if (this.rescanRequested) {
        this.rescanRequested = false;
        changed = (await this.scan()) || changed;
      }
      if (this.toCheck.size > 0) {
        // files of the persisted index: read again only those whose size or time changed
        const uris = [...this.toCheck.values()];
        this.toCheck.clear();
        const stats = mapAhead(uris, READ_AHEAD, statFile);
        for (let i = 0; i < uris.length; i++) {
          const version = await stats.next(i);
          if (this.isDisposed) return;
          report(i, uris.length);
          const uriKey = uris[i].toString();
          const entry = this.entries.get(uriKey);
          if (!entry || this.toRead.has(uriKey)) continue;
          const unchanged = version && version.size === entry.version.size && version.mtime === entry.version.mtime;
          // (read again also when the size limit changed under it: the read leaves it out)
          if (unchanged && entry.textLength <= this.maxSize(uris[i])) this.reused++;
          else this.toRead.set(uriKey, uris[i]);
          await pause();
        }
        continue;
      }
      if (this.toRead.size > 0) {
        const uris = [...this.toRead.values()];
        this.toRead.clear();
        this.removedDuringRead = [];
        // Reads run a few files ahead of the analysis.
        const reads = mapAhead(uris, READ_AHEAD, (uri) => readTextWithin(uri, this.maxSize(uri)));
        for (let i = 0; i < uris.length; i++) {
          const file = await reads.next(i);
          if (this.isDisposed) return;
          report(i, uris.length);
          const uriKey = uris[i].toString();
          if (this.toRead.has(uriKey)) continue; // changed again meanwhile: read later
          if (this.removedDuringRead.some((k) => uriKey === k || uriKey.startsWith(k.endsWith('/') ? k : k + '/'))) continue; // deleted since it was read
          if (file === undefined) {
            if (this.entries.delete(uriKey)) {
              changed = true;
              this.sorted = undefined;
            }
            continue;
          }
          read++;
          const old = this.entries.get(uriKey);
          const hash = hashText(file.text);
          const version = { size: file.size, mtime: file.mtime };
          if (old && old.hash === hash && old.key === this.analysisKey()) {
            // the same text (touched, or a stale time): keep the analysis, note the new time
            if (old.version.size !== version.size || old.version.mtime !== version.mtime) {
              this.entries.set(uriKey, old.withVersion(version));
              this.dirty = true;
            }
            continue;
          }
          this.entries.set(uriKey, this.entryOf(uris[i], version, hash, file.text, old));
          this.sorted = undefined;
          analyzed++;
          changed = true;
          await pause();
        }
        continue;
      }
      // nothing to read: re-analyse what is stale (glossary or reference date changed)
      const key = this.analysisKey();
      const stale = [...this.entries.values()].filter((e) => e.key !== key);
      if (stale.length === 0) break;
      for (let i = 0; i < stale.length; i++) {
        if (this.isDisposed) return;
        const entry = stale[i];
        if (this.entries.get(entry.uri.toString()) !== entry) continue;
        report(i, stale.length);
        // a new object, not changed in place: consumers may keep the old one (the tree does)
        this.entries.set(entry.uri.toString(), this.entryOf(entry.uri, entry.version, entry.hash, entry.text, entry));
        this.sorted = undefined;
        analyzed++;
        changed = true;
        await pause();
        if (this.rescanRequested || this.toRead.size > 0 || this.toCheck.size > 0) break;
      }
    }
    this.lastPass = { read, analyzed, documents: this.entries.size, millis: performance.now() - started, reused: this.reused };
    this.reused = 0;
    if (changed) this.dirty = true;
    if (changed) this.changed.fire();
  }

  /**
   * Lists the workspace; drops entries of files that are gone; queues the files to read (those
   * not in the index, or all of them for Refresh) and the files to check (the others).
   */
  private async scan(): Promise<boolean> {
    const uris: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      uris.push(...(await this.findIn(folder)));
    }
    const readAll = this.readAll;
    this.readAll = false;
    const found = new Set<string>();
    for (const uri of uris) {
      if (this.isExcluded(uri)) continue;
      const key = uri.toString();
      found.add(key);
      if (!readAll && this.entries.has(key) && !this.toRead.has(key)) this.toCheck.set(key, uri);
      else {
        this.toCheck.delete(key);
        this.toRead.set(key, uri);
      }
    }
    let removed = false;
    for (const key of [...this.entries.keys()]) {
      if (!found.has(key)) removed = this.entries.delete(key) || removed;
    }
    if (removed) this.sorted = undefined;
    return removed;
  }

  // ----- the persisted index

  /** The persisted index's file (none without storage). */
  snapshotUri(): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage.folder, SNAPSHOT_FILE);
  }

  /**
   * Reads the persisted index into the entries (and tells the listeners: the tree shows it at
   * once); the scan then checks each file's size and time. A missing, damaged or unreadable file
   * is a line in the log, and the index is built as without it. With another key (glossaries,
   * settings, program) the texts are kept and analysed again, and shown only then.
   */
  private async load(): Promise<void> {
    const uri = this.snapshotUri();
    if (!uri) return void (this.loadOutcome = 'no storage');
    let bytes: Uint8Array;
    try {
      bytes = await readFileBytes(uri);
    } catch {
      return void (this.loadOutcome = 'none yet');
    }
    try {
      await this.glossaries.whenIdle();
      const pause = slicer();
      const snapshot = await readIndexSnapshot(bytes, pause);
      const key = snapshot.key === this.persistentKey() ? this.analysisKey() : STALE;
      const entries: Entry[] = [];
      for (const f of snapshot.files) {
        entries.push(new Entry(vscode.Uri.parse(f.uri), key, { size: f.size, mtime: f.mtime }, f.hash, f.text, f.annotations, snapshot.table));
        if (entries.length % 256 === 0) await pause();
      }
      // (a pass that read files meanwhile, or settings changed meanwhile: the snapshot is not used)
      if (this.isDisposed || this.entries.size > 0 || (key !== STALE && key !== this.analysisKey())) return void (this.loadOutcome = 'superseded while it was read');
      this.loadOutcome = `${entries.length} files${key === STALE ? ', to analyse again' : ''}`;
      this.table = snapshot.table;
      for (const e of entries) this.entries.set(e.uri.toString(), e);
      this.sorted = undefined;
      if (key !== STALE && this.entries.size > 0) this.changed.fire();
    } catch (err) {
      this.loadOutcome = `not used: ${err instanceof Error ? err.message : String(err)}`;
      console.warn(`[thai-policy-lens] the persisted workspace index ${uri.toString()} is not used (it is built again): ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Writes the index a little after the last change, when no pass runs. */
  private saveSoon(): void {
    if (!this.storage || !this.dirty || this.isDisposed) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (this.running || this.isDisposed) return; // the pass's end asks again
      this.saving = this.save().catch((err: unknown) => console.warn('[thai-policy-lens] could not write the workspace index', err));
    }, SAVE_DELAY_MS);
  }

  /** Writes the index now (atomically: a temporary file renamed over the old one). */
  async save(): Promise<void> {
    const uri = this.snapshotUri();
    if (!uri) return;
    await this.saving;
    this.dirty = false;
    const key = this.analysisKey();
    const files = [...this.entries.values()]
      .filter((e) => e.key === key)
      .map((e) => ({ uri: e.uri.toString(), size: e.version.size, mtime: e.version.mtime, hash: e.hash, text: e.packedText, annotations: e.packed }));
    // in parts: the files' bytes as they are in memory, not a copy of all of them
    const parts = await indexSnapshotParts({ key: this.persistentKey(), table: this.table, files }, slicer());
    await writeBytesAtomic(uri, parts, { throughNode: true });
  }

  override dispose(): void {
    super.dispose();
    for (const w of this.watchers) w.dispose();
    if (this.changeTimer) clearTimeout(this.changeTimer);
    if (this.createdTimer) clearTimeout(this.createdTimer);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.entries.clear();
    this.toRead.clear();
    this.toCheck.clear();
  }
}

/** The key of entries from a persisted index made with other glossaries or settings: analysed again before they are shown. */
const STALE = 'stale';

/**
 * `work` for each item, at most `ahead` items ahead of the one awaited: `next(i)` in order gives
 * item i's result (and lets go of it).
 */
function mapAhead<T, R>(items: readonly T[], ahead: number, work: (item: T) => Promise<R>): { next(i: number): Promise<R> } {
  const pending: Array<Promise<R> | undefined> = [];
  const startAt = (i: number) => {
    if (i < items.length) pending[i] = work(items[i]);
  };
  for (let i = 0; i < ahead; i++) startAt(i);
  return {
    next(i) {
      const result = pending[i] as Promise<R>;
      pending[i] = undefined;
      startAt(i + ahead);
      return result;
    },
  };
}

function compareUris(a: vscode.Uri, b: vscode.Uri): number {
  const x = a.toString();
  const y = b.toString();
  return x < y ? -1 : x > y ? 1 : 0;
}
