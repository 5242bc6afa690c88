/**
 * The hand-made tags of the workspace: one store per workspace folder (folderTagStore.ts: the
 * annotations file and one file per coder, each an annotationStore.ts), and the tags of each open document followed through its edits (core
 * `liveTags.ts`): edits move them as they happen; an edit that removes a passage, or more than
 * half of it, makes it be found again; a document opened, or an annotations file changed on disk,
 * is anchored again from the stored selectors. A tag whose text is gone is kept, `orphaned`, with
 * its text. Live positions go into the store before each write.
 *
 * The commands, the hover and the decorations are in features/tagging.ts.
 */
import * as vscode from 'vscode';
import {
  anchorLiveTags,
  applyEdits,
  describeRange,
  liveRangesByTheme,
  liveTagOf,
  liveTagsAt,
  reconcileLiveTags,
  reviveOrphans,
  storedTargets,
  type FileTheme,
  type LiveTags,
  type StoredTag,
} from '../../core';
import { Disposable } from '../disposable';
import { currentCoder } from './coder';
import type { StoreProblem, StoreState } from './annotationStore';
import { FolderTagStore } from './folderTagStore';
import type { Settings } from './settings';

/** A tag as the API and the tree see it: where it is now, and what it says. */
export interface TagInfo {
  id: string;
  /** the document's URI, as a string */
  uri: string;
  /** workspace-relative path, as stored */
  document: string;
  theme: string;
  note?: string;
  /** UTF-16 offsets in the document as it is now (open: live; closed: as stored) */
  start: number;
  end: number;
  /** the tagged text (for an orphaned tag: the text it had) */
  text: string;
  orphaned: boolean;
  created: string;
  modified: string;
  /** the coder who made it */
  creator?: string;
}

/** The state of the store of a folder. */
export interface TagStoreInfo {
  state: StoreState;
  /** the annotations file */
  file: string;
  problem?: string;
  problemLine?: number;
  problemColumn?: number;
  problemField?: string;
  dirty: boolean;
}

/** An open document whose tags are followed. */
export interface TaggedDocument {
  readonly doc: vscode.TextDocument;
  readonly store: FolderTagStore;
  readonly relativePath: string;
  readonly tags: LiveTags;
  /** ranges changed since they were last put in the store */
  unsynced: boolean;
}

function now(): string {
  return new Date().toISOString();
}

function newTagId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export class TagService extends Disposable {
  private stores = new Map<string, FolderTagStore>();
  private readonly live = new Map<string, TaggedDocument>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  private readonly documentChanged = this.register(new vscode.EventEmitter<TaggedDocument>());
  private readonly themesChanged = this.register(new vscode.EventEmitter<void>());
  private readonly problems = this.register(new vscode.EventEmitter<{ problem: StoreProblem; store: FolderTagStore }>());
  /** Fires when tags change (added, removed, moved, re-themed, merged in from disk). */
  readonly onDidChange = this.changed.event;
  /** Fires when the tags of an open document must be drawn again. */
  readonly onDidChangeDocument = this.documentChanged.event;
  /** Fires when the themes of an annotations file may have changed (their colours), before the documents are drawn again. */
  readonly onDidChangeFileThemes = this.themesChanged.event;
  /** Fires when a store cannot read or write its file. */
  readonly onProblem = this.problems.event;

  constructor(private readonly settings: Settings) {
    super();
    this.registerAll(
      vscode.workspace.onDidOpenTextDocument((doc) => void this.attach(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.detach(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.onSave(doc)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
      settings.onDidChange((e) => {
        if (e.affects('annotationsFile')) void this.reload();
      }),
    );
    this.openStores();
  }

  // -------------------------------------------------------------------------------------------
  // Stores and open documents

  private openStores(): void {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const relativePath = this.settings.for(folder.uri).annotationsFile; // one file per folder, by its own setting
      const store: FolderTagStore = new FolderTagStore(folder, relativePath, {
        report: (problem) => this.problems.fire({ problem, store }),
        beforeWrite: () => this.syncToStore(store),
      });
      // (the listener goes with the store's emitter when the store is disposed of)
      store.onDidChange((change) => {
        if (change.external) {
          this.themesChanged.fire(); // a theme of the file may have a new colour
          this.reconcile(store);
        }
        this.changed.fire();
      });
      this.stores.set(folder.uri.toString(), store);
      void store.loaded.then(() => {
        for (const doc of vscode.workspace.textDocuments) if (this.storeFor(doc.uri) === store) void this.attach(doc);
      });
    }
  }

  /** The store of the folder holding `uri`. */
  storeFor(uri: vscode.Uri | undefined): FolderTagStore | undefined {
    if (!uri) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.stores.get(folder.uri.toString()) : undefined;
  }

  /** The path of `uri` relative to the store's folder, `/`-separated; undefined when it is outside. */
  relativePath(store: FolderTagStore, uri: vscode.Uri): string | undefined {
    const base = store.folder.uri.path.replace(/\/+$/, '');
    if (uri.scheme !== store.folder.uri.scheme || uri.authority !== store.folder.uri.authority || !uri.path.startsWith(base + '/')) return undefined;
    return uri.path.slice(base.length + 1);
  }

  /** The open document of `uri` whose tags are followed. */
  documentOf(uri: vscode.Uri | string): TaggedDocument | undefined {
    return this.live.get(uri.toString());
  }

  /** The open document holding a stored tag. */
  documentOfTag(tag: StoredTag, store: FolderTagStore): TaggedDocument | undefined {
    for (const live of this.live.values()) if (live.store === store && live.relativePath === tag.document) return live;
    return undefined;
  }

  /** The URI of a stored tag's document, as a string. */
  uriOf(tag: StoredTag, store: FolderTagStore): string {
    return vscode.Uri.joinPath(store.folder.uri, ...tag.document.split('/')).toString();
  }

  /** The stored tag of an id, in whichever store has it. */
  findTag(id: string): { tag: StoredTag; store: FolderTagStore } | undefined {
    for (const store of this.stores.values()) {
      const tag = store.get(id);
      if (tag) return { tag, store };
    }
    return undefined;
  }

  /** The ids of the tags under an offset of an open document, innermost first. */
  tagsAt(live: TaggedDocument, offset: number): string[] {
    return liveTagsAt(live.tags, offset);
  }

  /** The ranges of the tags of an open document to draw, by theme. */
  rangesByTheme(live: TaggedDocument): Map<string, Array<[number, number]>> {
    return liveRangesByTheme(live.tags, (id) => live.store.get(id)?.theme);
  }

  /** Starts following the tags of an open document: anchors each against its text. */
  private async attach(doc: vscode.TextDocument): Promise<void> {
    const store = this.storeFor(doc.uri);
    if (!store || doc.uri.toString() === store.uri.toString()) return;
    await store.loaded;
    if (doc.isClosed || this.live.has(doc.uri.toString()) || this.storeFor(doc.uri) !== store) return;
    const relativePath = this.relativePath(store, doc.uri);
    if (relativePath === undefined) return;
    const live: TaggedDocument = { doc, store, relativePath, tags: new Map(), unsynced: false };
    this.live.set(doc.uri.toString(), live);
    if (anchorLiveTags(live.tags, store.tagsOf(relativePath), () => doc.getText())) this.storeChanged(live);
    this.documentChanged.fire(live);
  }

  private detach(doc: vscode.TextDocument): void {
    const live = this.live.get(doc.uri.toString());
    if (!live) return;
    if (this.syncDocument(live)) live.store.scheduleWrite();
    this.live.delete(doc.uri.toString());
  }

  /** Puts the live ranges of a document into its store (quote and position selectors); true if any changed. */
  private syncDocument(live: TaggedDocument): boolean {
    if (!live.unsynced || live.store.cannotSave()) return false;
    live.unsynced = false;
    const changed = storedTargets(live.tags, () => live.doc.getText(), (id) => live.store.get(id));
    for (const tag of changed) live.store.updateTarget(tag);
    return changed.length > 0;
  }

  private syncToStore(store: FolderTagStore): void {
    for (const live of this.live.values()) if (live.store === store) this.syncDocument(live);
  }

  /** The live ranges changed in a way worth saving (moved on open, re-anchored, orphaned). */
  private storeChanged(live: TaggedDocument): void {
    live.unsynced = true;
    if (!live.store.cannotSave()) live.store.scheduleWrite();
    this.changed.fire();
  }

  /** After the file changed on disk: follow what others changed, keep what they did not. */
  private reconcile(store: FolderTagStore): void {
    for (const live of this.live.values()) {
      if (live.store !== store) continue;
      if (reconcileLiveTags(live.tags, store.tagsOf(live.relativePath), () => live.doc.getText())) this.storeChanged(live);
      this.documentChanged.fire(live);
    }
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const live = this.live.get(e.document.uri.toString());
    if (!live || live.tags.size === 0) return;
    const edits = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newLength: c.text.length }));
    const significant = applyEdits(live.tags, edits, () => e.document.getText(), (id) => live.store.get(id));
    live.unsynced = true;
    if (significant) this.storeChanged(live);
    this.documentChanged.fire(live);
  }

  private onSave(doc: vscode.TextDocument): void {
    const live = this.live.get(doc.uri.toString());
    if (!live || live.tags.size === 0) return;
    // Orphans may have come back (text pasted again); positions are saved with the document.
    const orphans = reviveOrphans(live.tags, () => doc.getText(), (id) => live.store.get(id));
    this.storeChanged(live);
    if (orphans) this.documentChanged.fire(live);
  }

  // -------------------------------------------------------------------------------------------
  // Reading tags

  private infoOf(tag: StoredTag, uri: string, live: TaggedDocument | undefined): TagInfo {
    const range = live?.tags.get(tag.id);
    const info: TagInfo = {
      id: tag.id,
      uri,
      document: tag.document,
      theme: tag.theme,
      start: range ? range.start : tag.position.start,
      end: range ? range.end : tag.position.end,
      text: tag.quote.exact,
      orphaned: range ? range.orphaned : !!tag.orphaned,
      created: tag.created,
      modified: tag.modified,
    };
    if (live && range && !range.orphaned) info.text = live.doc.getText(new vscode.Range(live.doc.positionAt(range.start), live.doc.positionAt(range.end)));
    if (tag.note !== undefined) info.note = tag.note;
    if (tag.creator !== undefined) info.creator = tag.creator;
    return info;
  }

  /** The tags of a document, by position (orphans by their last known position). */
  tagsOf(uri: vscode.Uri): TagInfo[] {
    const store = this.storeFor(uri);
    if (!store) return [];
    const relativePath = this.relativePath(store, uri);
    if (relativePath === undefined) return [];
    const live = this.live.get(uri.toString());
    return store
      .tagsOf(relativePath)
      .map((t) => this.infoOf(t, uri.toString(), live))
      .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
  }

  /** Every tag of every workspace folder, by document and position. */
  allTags(): TagInfo[] {
    const all: TagInfo[] = [];
    for (const store of this.stores.values()) {
      const documents = [...new Set(store.tags.map((t) => t.document))].sort();
      for (const document of documents) {
        const uri = vscode.Uri.joinPath(store.folder.uri, ...document.split('/'));
        all.push(...this.tagsOf(uri));
      }
    }
    return all;
  }

  /** A theme that lives in the annotations file of the folder holding `uri` (default: the first folder). */
  fileTheme(themeId: string, uri?: vscode.Uri): FileTheme | undefined {
    return this.storeFor(uri ?? vscode.workspace.workspaceFolders?.[0]?.uri)?.theme(themeId);
  }

  /** The themes of the annotations file of the folder holding `uri` (default: the first folder). */
  fileThemes(uri?: vscode.Uri): FileTheme[] {
    return [...(this.storeFor(uri ?? vscode.workspace.workspaceFolders?.[0]?.uri)?.themes ?? [])];
  }

  /** The state of the store of the folder holding `uri` (default: the first folder). */
  storeInfo(uri?: vscode.Uri): TagStoreInfo | undefined {
    const store = this.storeFor(uri ?? vscode.workspace.workspaceFolders?.[0]?.uri);
    if (!store) return undefined;
    const info: TagStoreInfo = { state: store.state, file: store.uri.toString(), dirty: store.dirty };
    const problem = store.problem;
    if (problem) {
      info.problem = problem.message;
      if (problem.error) {
        info.problemLine = problem.error.line;
        info.problemColumn = problem.error.column;
        if (problem.error.field) info.problemField = problem.error.field;
      }
    }
    return info;
  }

  // -------------------------------------------------------------------------------------------
  // Changing tags (the store must be writable: the commands check first)

  /**
   * Tags `text[start, end)` of an open document with a theme; `text` is the document's text the
   * offsets are in. Throws ReadOnlyStoreError when the store cannot save.
   */
  async addTag(doc: vscode.TextDocument, text: string, start: number, end: number, store: FolderTagStore, relativePath: string, themeId: string, note?: string): Promise<TagInfo> {
    const [quote, position] = describeRange(text, start, end);
    const time = now();
    const creator = await currentCoder(this.settings, vscode.workspace.getWorkspaceFolder(doc.uri)?.uri);
    const tag: StoredTag = { id: newTagId(), document: relativePath, theme: themeId, created: time, modified: time, quote, position };
    if (creator) tag.creator = creator;
    if (note !== undefined && note.trim() !== '') tag.note = note;
    await this.attach(doc);
    const live = this.live.get(doc.uri.toString());
    store.putTag(tag, { silent: true });
    live?.tags.set(tag.id, liveTagOf(tag, { start, end }));
    if (live) this.documentChanged.fire(live);
    this.changed.fire();
    return this.infoOf(tag, doc.uri.toString(), live);
  }

  /** Changes a tag (theme or note), stamping `modified`. */
  updateTag(store: FolderTagStore, tag: StoredTag, change: Partial<Pick<StoredTag, 'theme' | 'note'>>): TagInfo {
    const next: StoredTag = { ...tag, ...change, modified: now() };
    if (next.note === undefined || next.note.trim() === '') delete next.note;
    store.putTag(next, { silent: true });
    const live = this.documentOfTag(next, store);
    if (live) this.documentChanged.fire(live);
    this.changed.fire();
    return this.infoOf(next, this.uriOf(next, store), live);
  }

  removeTag(store: FolderTagStore, tag: StoredTag): void {
    store.removeTag(tag.id);
    const live = this.documentOfTag(tag, store);
    if (live) {
      live.tags.delete(tag.id);
      this.documentChanged.fire(live);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  /** Writes every pending change (call from `deactivate`). */
  async flush(): Promise<void> {
    await Promise.all([...this.stores.values()].map((s) => s.flush()));
  }

  /** Writes, then forgets all state and loads the files again (what a window reload does). */
  async reload(): Promise<void> {
    await this.flush();
    this.closeStores();
    this.themesChanged.fire();
    this.openStores();
    await Promise.all([...this.stores.values()].map((s) => s.loaded));
    await Promise.all(vscode.workspace.textDocuments.map((d) => this.attach(d)));
    this.changed.fire();
  }

  private closeStores(): void {
    for (const store of this.stores.values()) store.dispose();
    this.stores = new Map();
    this.live.clear();
  }

  override dispose(): void {
    void this.flush();
    this.closeStores();
    super.dispose();
  }
}
