/**
 * Tagging passages by hand: the analyst selects a passage and codes it with a theme (Ctrl+Alt+T,
 * a fuzzy quick pick over the glossary's themes, or a new theme kept in the annotations file),
 * adds a note, re-tags or removes it. Tagged passages are drawn with a thin border in the theme's
 * colour and a light background (glossary matches have a thick underline instead), and their
 * hover shows the theme, the note and links to edit them.
 *
 * Tags follow their text: edits in the editor move them as they happen (core `mapRange`); an edit
 * that removes a passage, or more than half of it, makes it be found again (core `anchor`), and a
 * document opened or changed on disk is anchored again from its selectors. A tag whose text is
 * gone is kept, `orphaned`, with its text. Storage: annotationStore.ts, one file per folder.
 *
 * Commands (ids in package.json) take an optional argument so tests and other extensions can
 * skip the UI: `tagSelection({ uri?, range?: {start, end}, themeId?, newTheme?: {label}, note? })`
 * returns the new tag; `removeTag({ tagId })`, `retag({ tagId, themeId? })`,
 * `editNote({ tagId, note? })`; without a tag id they act on the tag at the cursor.
 */
import * as vscode from 'vscode';
import { chooseFrom } from '../ui/quickPick';
import Fuse from 'fuse.js';
import { anchor, describeRange, mapRange, needsReanchor, type TrackedRange } from '../../core';
import { makeThemeId, type FileTheme, type StoredTag } from '../../core';
import { themeColor } from '../../core';
import type { FeatureContext } from '../featureContext';
import { AnnotationStore, DEFAULT_ANNOTATIONS_FILE, ReadOnlyStoreError, type StoreState } from '../services/annotationStore';
import { pathTitle, themeTitle } from '../../features/glossarySearch';
import { themePathMarkdown } from '../../features/hoverText';
import { commandLink, escapeBlock, escapeIcons, escapeInline, makeSafe } from '../../features/markdown';

export const TAG_COMMANDS = {
  tagSelection: 'thaiPolicyLens.tagSelection',
  removeTag: 'thaiPolicyLens.removeTag',
  retag: 'thaiPolicyLens.retag',
  editNote: 'thaiPolicyLens.editNote',
} as const;
/** The commands the tag hover links to; the hover trusts exactly these. */
const HOVER_COMMAND_IDS = [TAG_COMMANDS.editNote, TAG_COMMANDS.retag, TAG_COMMANDS.removeTag];

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

/** For tests and other extensions: `api.tagging`. */
export interface TaggingApi {
  tagsOf(uri: vscode.Uri): TagInfo[];
  /** the store of the folder holding `uri` (default: the first folder) */
  store(uri?: vscode.Uri): TagStoreInfo | undefined;
  /** the themes kept in the annotations file of the folder holding `uri` */
  fileThemes(uri?: vscode.Uri): FileTheme[];
  /** the last error or warning message shown by tagging */
  lastMessage(): string | undefined;
  /** what is drawn for tags in the editor of `uri`: theme id -> [start, end][] */
  drawn(uri: vscode.Uri): Record<string, Array<[number, number]>> | undefined;
  /** writes pending changes now */
  flush(): Promise<void>;
  /** writes, forgets everything and loads again from disk, as a window reload does */
  reload(): Promise<void>;
}

export interface Tagging extends vscode.Disposable {
  tagsOf(uri: vscode.Uri): TagInfo[];
  /** Every tag of every workspace folder, by document and position. */
  allTags(): TagInfo[];
  /** A theme that lives in the annotations file of the folder holding `uri` (not in a glossary). */
  fileTheme(themeId: string, uri?: vscode.Uri): FileTheme | undefined;
  /** Fires when tags change (added, removed, moved, re-themed, merged in from disk). */
  readonly onDidChange: vscode.Event<void>;
  /** Writes every pending change (call from `deactivate`). */
  flush(): Promise<void>;
  readonly api: TaggingApi;
}

/** A tag of an open document, followed through edits. */
interface LiveTag extends TrackedRange {
  orphaned: boolean;
  /** length of the passage when last anchored or stored (for `needsReanchor`) */
  anchoredLength: number;
  /** the stored target this range was derived from or last saved as (to spot outside changes) */
  storedKey: string;
}

interface LiveDocument {
  doc: vscode.TextDocument;
  store: AnnotationStore;
  relativePath: string;
  tags: Map<string, LiveTag>;
  /** ranges changed since they were last put in the store */
  unsynced: boolean;
}

interface TagArgs {
  uri?: string | vscode.Uri;
  range?: { start: number; end: number };
  themeId?: string;
  newTheme?: { label: string; labelEn?: string; color?: string };
  note?: string;
}

function targetKey(tag: StoredTag): string {
  return JSON.stringify([tag.quote, tag.position, !!tag.orphaned]);
}

function now(): string {
  return new Date().toISOString();
}

function newTagId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A tag id from a command argument: `{ tagId }`, `{ tag: { id } }`, `{ id }` or a string. */
function tagIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if (typeof o.tagId === 'string') return o.tagId;
    if (o.tag && typeof o.tag === 'object' && typeof (o.tag as Record<string, unknown>).id === 'string') return (o.tag as { id: string }).id;
    if (typeof o.id === 'string') return o.id;
  }
  return undefined;
}

/** `#rgb` / `#rrggbbaa` -> `#rrggbb` */
function rgbOf(color: string): string {
  if (color.length === 4 || color.length === 5) return '#' + [...color.slice(1, 4)].map((c) => c + c).join('');
  return color.slice(0, 7);
}

interface ThemeItem extends vscode.QuickPickItem {
  themeId?: string;
  isNew?: boolean;
}

class TaggingFeature implements Tagging {
  private stores = new Map<string, AnnotationStore>();
  private readonly live = new Map<string, LiveDocument>();
  private readonly decorationTypes = new Map<string, vscode.TextEditorDecorationType>();
  private readonly drawnRanges = new Map<string, Record<string, Array<[number, number]>>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private storeDisposables: vscode.Disposable[] = [];
  private lastShown: string | undefined;
  readonly api: TaggingApi;

  constructor(private readonly ctx: FeatureContext) {
    this.disposables.push(
      this.changed,
      // from the editor's context menu the argument is the document's URI
      vscode.commands.registerCommand(TAG_COMMANDS.tagSelection, (arg?: TagArgs | vscode.Uri) => this.tagSelection(arg instanceof vscode.Uri ? { uri: arg } : (arg ?? {}))),
      vscode.commands.registerCommand(TAG_COMMANDS.removeTag, (arg?: unknown) => this.removeTag(arg)),
      vscode.commands.registerCommand(TAG_COMMANDS.retag, (arg?: unknown) => this.retag(arg)),
      vscode.commands.registerCommand(TAG_COMMANDS.editNote, (arg?: unknown) => this.editNote(arg)),
      vscode.languages.registerHoverProvider('*', { provideHover: (doc, pos) => this.hover(doc, pos) }),
      vscode.workspace.onDidOpenTextDocument((doc) => void this.attach(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.detach(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.onSave(doc)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.drawVisible()),
      ctx.glossaries.onDidChange(() => this.resetDecorationTypes()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('thaiPolicyLens.annotationsFile')) void this.reload();
      }),
    );
    this.openStores();
    this.api = {
      tagsOf: (uri) => this.tagsOf(uri),
      store: (uri) => this.storeInfo(uri),
      fileThemes: (uri) => [...(this.storeFor(uri ?? vscode.workspace.workspaceFolders?.[0]?.uri)?.themes ?? [])],
      lastMessage: () => this.lastShown,
      drawn: (uri) => this.drawnRanges.get(uri.toString()),
      flush: () => this.flush(),
      reload: () => this.reload(),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Stores and open documents

  private openStores(): void {
    const relativePath = vscode.workspace.getConfiguration('thaiPolicyLens').get<string>('annotationsFile', DEFAULT_ANNOTATIONS_FILE) || DEFAULT_ANNOTATIONS_FILE;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const store = new AnnotationStore(folder, relativePath.replace(/\\/g, '/'));
      store.report = (problem) => this.showError(problem.message, store);
      store.beforeWrite = () => this.syncToStore(store);
      this.storeDisposables.push(
        store,
        store.onDidChange((change) => {
          if (change.external) {
            this.resetDecorationTypes(); // a theme of the file may have a new colour
            this.reconcile(store);
          }
          this.changed.fire();
        }),
      );
      this.stores.set(folder.uri.toString(), store);
      void store.loaded.then(() => {
        for (const doc of vscode.workspace.textDocuments) if (this.storeFor(doc.uri) === store) void this.attach(doc);
      });
    }
  }

  private storeFor(uri: vscode.Uri | undefined): AnnotationStore | undefined {
    if (!uri) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.stores.get(folder.uri.toString()) : undefined;
  }

  private relativePath(store: AnnotationStore, uri: vscode.Uri): string | undefined {
    const base = store.folder.uri.path.replace(/\/+$/, '');
    if (uri.scheme !== store.folder.uri.scheme || uri.authority !== store.folder.uri.authority || !uri.path.startsWith(base + '/')) return undefined;
    return uri.path.slice(base.length + 1);
  }

  /** Starts following the tags of an open document: anchors each against its text. */
  private async attach(doc: vscode.TextDocument): Promise<void> {
    const store = this.storeFor(doc.uri);
    if (!store || doc.uri.toString() === store.uri.toString()) return;
    await store.loaded;
    if (doc.isClosed || this.live.has(doc.uri.toString()) || this.storeFor(doc.uri) !== store) return;
    const relativePath = this.relativePath(store, doc.uri);
    if (relativePath === undefined) return;
    const live: LiveDocument = { doc, store, relativePath, tags: new Map(), unsynced: false };
    this.live.set(doc.uri.toString(), live);
    if (this.anchorAll(live, store.tagsOf(relativePath))) this.storeChanged(live);
    this.draw(live);
  }

  private detach(doc: vscode.TextDocument): void {
    const live = this.live.get(doc.uri.toString());
    if (!live) return;
    if (this.syncDocument(live)) live.store.scheduleWrite();
    this.live.delete(doc.uri.toString());
    this.drawnRanges.delete(doc.uri.toString());
  }

  /**
   * Anchors stored tags against the document's text (on open, or after an outside change of the
   * file); true when any moved or was orphaned, so the store must be updated.
   */
  private anchorAll(live: LiveDocument, tags: readonly StoredTag[]): boolean {
    if (tags.length === 0) return false;
    const text = live.doc.getText();
    let moved = false;
    let shift = 0; // the last tag's move: a good guess for the next one
    for (const tag of [...tags].sort((a, b) => a.position.start - b.position.start)) {
      const found = anchor(text, [tag.quote, tag.position], { hint: tag.position.start + shift });
      const liveTag: LiveTag = found
        ? { start: found.start, end: found.end, removed: 0, orphaned: false, anchoredLength: found.end - found.start, storedKey: targetKey(tag) }
        : { start: tag.position.start, end: tag.position.end, removed: 0, orphaned: true, anchoredLength: tag.quote.exact.length, storedKey: targetKey(tag) };
      if (found) shift = found.start - tag.position.start;
      if (!found !== !!tag.orphaned || (found && (found.start !== tag.position.start || found.end !== tag.position.end || found.method === 'fuzzy'))) moved = true;
      live.tags.set(tag.id, liveTag);
    }
    return moved;
  }

  /** Puts the live ranges of a document into its store (quote and position selectors); true if any changed. */
  private syncDocument(live: LiveDocument): boolean {
    if (!live.unsynced || live.store.cannotSave()) return false;
    live.unsynced = false;
    let changed = false;
    const text = live.doc.getText();
    for (const [id, range] of live.tags) {
      const stored = live.store.get(id);
      if (!stored) continue;
      let next: StoredTag;
      if (range.orphaned) {
        if (stored.orphaned) continue;
        next = { ...stored, orphaned: true };
      } else {
        const [quote, position] = describeRange(text, range.start, range.end);
        next = { ...stored, quote, position };
        delete next.orphaned;
      }
      const key = targetKey(next);
      if (key !== targetKey(stored)) {
        live.store.updateTarget(next);
        changed = true;
      }
      range.storedKey = key;
      if (!range.orphaned) {
        range.removed = 0;
        range.anchoredLength = range.end - range.start;
      }
    }
    return changed;
  }

  private syncToStore(store: AnnotationStore): void {
    for (const live of this.live.values()) if (live.store === store) this.syncDocument(live);
  }

  /** The live ranges changed in a way worth saving (moved on open, re-anchored, orphaned). */
  private storeChanged(live: LiveDocument): void {
    live.unsynced = true;
    if (!live.store.cannotSave()) live.store.scheduleWrite();
    this.changed.fire();
  }

  /** After the file changed on disk: follow what others changed, keep what they did not. */
  private reconcile(store: AnnotationStore): void {
    for (const live of this.live.values()) {
      if (live.store !== store) continue;
      const stored = store.tagsOf(live.relativePath);
      const ids = new Set(stored.map((t) => t.id));
      for (const id of [...live.tags.keys()]) if (!ids.has(id)) live.tags.delete(id);
      const fresh = stored.filter((t) => live.tags.get(t.id)?.storedKey !== targetKey(t));
      if (this.anchorAll(live, fresh)) this.storeChanged(live);
      this.draw(live);
    }
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const live = this.live.get(e.document.uri.toString());
    if (!live || live.tags.size === 0) return;
    // Each change is in the coordinates left by the ones before it (as VS Code applies them).
    const before = new Map<string, number>();
    for (const [id, t] of live.tags) if (!t.orphaned) before.set(id, t.start);
    for (const change of e.contentChanges) {
      const edit = { start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, newLength: change.text.length };
      for (const t of live.tags.values()) {
        if (t.orphaned) continue;
        const moved = mapRange(t, edit);
        t.start = moved.start;
        t.end = moved.end;
        t.removed = moved.removed;
      }
    }
    let significant = false;
    let text: string | undefined;
    for (const [id, t] of live.tags) {
      if (t.orphaned || !needsReanchor(t, t.anchoredLength)) continue;
      const stored = live.store.get(id);
      if (!stored) continue;
      text ??= e.document.getText();
      const found = anchor(text, [stored.quote, stored.position], { hint: before.get(id) ?? t.start });
      if (found) Object.assign(t, { start: found.start, end: found.end, removed: 0, anchoredLength: found.end - found.start });
      else t.orphaned = true;
      significant = true;
    }
    // An orphan may come back with a long insertion (undo of its deletion, a paste).
    const longest = Math.max(...e.contentChanges.map((c) => c.text.length));
    for (const [id, t] of live.tags) {
      if (!t.orphaned || before.has(id)) continue;
      const stored = live.store.get(id);
      if (!stored || stored.quote.exact.length > longest) continue;
      text ??= e.document.getText();
      const found = anchor(text, [stored.quote, stored.position]);
      if (!found) continue;
      Object.assign(t, { start: found.start, end: found.end, removed: 0, orphaned: false, anchoredLength: found.end - found.start });
      significant = true;
    }
    live.unsynced = true;
    if (significant) this.storeChanged(live);
    this.draw(live);
  }

  private onSave(doc: vscode.TextDocument): void {
    const live = this.live.get(doc.uri.toString());
    if (!live || live.tags.size === 0) return;
    // Orphans may have come back (text pasted again); positions are saved with the document.
    const orphans = [...live.tags].filter(([, t]) => t.orphaned).map(([id]) => live.store.get(id)).filter((t): t is StoredTag => !!t);
    const text = doc.getText();
    for (const tag of orphans) {
      const found = anchor(text, [tag.quote, tag.position]);
      if (found) live.tags.set(tag.id, { start: found.start, end: found.end, removed: 0, orphaned: false, anchoredLength: found.end - found.start, storedKey: '' });
    }
    this.storeChanged(live);
    if (orphans.length) this.draw(live);
  }

  // -------------------------------------------------------------------------------------------
  // Reading tags

  private infoOf(tag: StoredTag, uri: string, live: LiveDocument | undefined): TagInfo {
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

  fileTheme(themeId: string, uri?: vscode.Uri): FileTheme | undefined {
    return this.storeFor(uri ?? vscode.workspace.workspaceFolders?.[0]?.uri)?.theme(themeId);
  }

  private storeInfo(uri?: vscode.Uri): TagStoreInfo | undefined {
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

  /** The tags under an offset of a live document, innermost first. */
  private tagsAt(live: LiveDocument, offset: number): string[] {
    return [...live.tags]
      .filter(([, t]) => !t.orphaned && t.start <= offset && offset <= t.end)
      .sort(([, a], [, b]) => a.end - a.start - (b.end - b.start))
      .map(([id]) => id);
  }

  // -------------------------------------------------------------------------------------------
  // Themes

  /** Label, path and colour of a theme id: a glossary's, or the annotations file's own. */
  private describeTheme(store: AnnotationStore | undefined, themeId: string): { title: string; pathMarkdown: string; color: string; known: boolean } {
    const set = this.ctx.glossaries.set;
    const theme = set.theme(themeId);
    if (theme) {
      const ancestors = set.ancestors(themeId);
      return { title: pathTitle([...ancestors, theme]), pathMarkdown: themePathMarkdown(ancestors, theme), color: themeColor(theme), known: true };
    }
    const own = store?.theme(themeId);
    if (own) return { title: themeTitle(own), pathMarkdown: `${escapeInline(themeTitle(own))} _(annotations file)_`, color: own.color ?? themeColor(own), known: true };
    return { title: themeId, pathMarkdown: `${escapeInline(themeId)} _(theme not found)_`, color: '#888888', known: false };
  }

  /** A quick pick over every theme (fuzzy, Thai and English labels), "New theme..." first. */
  private async pickTheme(store: AnnotationStore, title: string, current?: string): Promise<{ themeId?: string; isNew?: boolean } | undefined> {
    const items: ThemeItem[] = [];
    const seen = new Set<string>();
    for (const { theme, ancestors } of this.ctx.glossaries.set.flatThemes) {
      seen.add(theme.id);
      const item: ThemeItem = { label: `$(symbol-color) ${escapeIcons(themeTitle(theme))}`, themeId: theme.id, alwaysShow: true };
      if (ancestors.length) item.description = escapeIcons(pathTitle(ancestors));
      if (theme.id === current) item.detail = 'current theme';
      items.push(item);
    }
    for (const own of store.themes) {
      if (seen.has(own.id)) continue;
      items.push({ label: `$(symbol-color) ${escapeIcons(themeTitle(own))}`, description: 'annotations file', themeId: own.id, alwaysShow: true, detail: own.id === current ? 'current theme' : undefined });
    }
    const newItem: ThemeItem = { label: '$(add) New theme...', isNew: true, alwaysShow: true };
    const fuse = new Fuse(
      items.map((item) => {
        const set = this.ctx.glossaries.set;
        const theme = item.themeId ? (set.theme(item.themeId) ?? store.theme(item.themeId)) : undefined;
        return { item, labels: theme ? [theme.label, theme.labelEn ?? '', theme.id] : [] };
      }),
      { keys: ['labels'], ignoreLocation: true, threshold: 0.4, includeScore: true },
    );
    const qp = vscode.window.createQuickPick<ThemeItem>();
    qp.title = title;
    qp.placeholder = 'Theme (Thai or English label)';
    qp.matchOnDescription = false;
    (qp as unknown as { sortByLabel: boolean }).sortByLabel = false;
    const update = () => {
      const query = qp.value.trim();
      qp.items = [newItem, ...(query ? fuse.search(query).map((r) => r.item.item) : items)];
    };
    update();
    const chosen = await chooseFrom(qp, update);
    return chosen ? { themeId: chosen.themeId, isNew: chosen.isNew } : undefined;
  }

  /** Makes a theme in the annotations file; returns its id. */
  private createTheme(store: AnnotationStore, spec: { label: string; labelEn?: string; color?: string }): string {
    const taken = new Set([...this.ctx.glossaries.set.flatThemes.map((f) => f.theme.id), ...store.themes.map((t) => t.id)]);
    const id = makeThemeId(spec.labelEn ?? spec.label, taken);
    const theme: FileTheme = { id, label: spec.label.trim(), color: spec.color ?? themeColor({ id }) };
    if (spec.labelEn) theme.labelEn = spec.labelEn.trim();
    store.putTheme(theme);
    return id;
  }

  /** Asks for a theme (or a new one); the theme id, or undefined if cancelled. */
  private async chooseTheme(store: AnnotationStore, title: string, current?: string): Promise<string | undefined> {
    const choice = await this.pickTheme(store, title, current);
    if (!choice) return undefined;
    if (!choice.isNew) return choice.themeId;
    const label = await vscode.window.showInputBox({
      title: 'Thai Policy Lens: New Theme',
      prompt: 'Label of the new theme (kept in the annotations file until you add it to a glossary)',
      validateInput: (v) => (v.trim() === '' ? 'Write a label.' : undefined),
    });
    if (label === undefined) return undefined;
    return this.createTheme(store, { label });
  }

  // -------------------------------------------------------------------------------------------
  // Commands

  private showError(message: string, store?: AnnotationStore): void {
    this.lastShown = message;
    if (store) {
      const open = 'Open File';
      void vscode.window.showErrorMessage(message, open).then(async (choice) => {
        if (choice !== open) return;
        const doc = await vscode.workspace.openTextDocument(store.uri);
        const editor = await vscode.window.showTextDocument(doc);
        const offset = store.problem?.error?.offset;
        if (offset !== undefined) {
          const pos = doc.positionAt(offset);
          editor.selection = new vscode.Selection(pos, pos);
          editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        }
      });
    } else void vscode.window.showErrorMessage(message);
  }

  private tell(message: string): void {
    this.lastShown = message;
    void vscode.window.showInformationMessage(message);
  }

  /** A store that can save, or undefined after telling the user why not. */
  private writableStore(uri: vscode.Uri): AnnotationStore | undefined {
    const store = this.storeFor(uri);
    if (!store) {
      this.showError('Thai Policy Lens: tags are kept in the workspace folder: open the document from a folder to tag it.');
      return undefined;
    }
    const reason = store.cannotSave();
    if (reason) {
      this.showError(`Thai Policy Lens: cannot save tags. ${reason}`, store);
      return undefined;
    }
    return store;
  }

  private async documentFor(uri: string | vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    if (uri === undefined) return vscode.window.activeTextEditor?.document;
    const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString()) ?? vscode.workspace.openTextDocument(target);
  }

  private async tagSelection(args: TagArgs = {}): Promise<TagInfo | undefined> {
    const doc = await this.documentFor(args.uri);
    if (!doc) {
      this.tell('Thai Policy Lens: select a passage in a document to tag it.');
      return undefined;
    }
    let start: number;
    let end: number;
    if (args.range) ({ start, end } = args.range);
    else {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc) ?? vscode.window.activeTextEditor;
      if (!editor || editor.document !== doc) return undefined;
      start = doc.offsetAt(editor.selection.start);
      end = doc.offsetAt(editor.selection.end);
    }
    const text = doc.getText();
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
      this.showError(`Thai Policy Lens: the range ${start}–${end} is not in the document.`);
      return undefined;
    }
    // leading and trailing white space (a selection to the end of the line) is not part of it
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start === end) {
      this.tell('Thai Policy Lens: select the passage to tag first.');
      return undefined;
    }
    const store = this.writableStore(doc.uri);
    if (!store) return undefined;
    await store.loaded;
    if (!this.writableStore(doc.uri)) return undefined;
    const relativePath = this.relativePath(store, doc.uri);
    if (relativePath === undefined) return undefined;
    let themeId = args.themeId;
    if (args.newTheme) themeId = this.createTheme(store, args.newTheme);
    if (themeId === undefined) themeId = await this.chooseTheme(store, 'Thai Policy Lens: Tag Selection with Theme');
    if (themeId === undefined) return undefined;
    if (!this.describeTheme(store, themeId).known) {
      this.showError(`Thai Policy Lens: there is no theme "${themeId}".`);
      return undefined;
    }
    const [quote, position] = describeRange(text, start, end);
    const time = now();
    const tag: StoredTag = { id: newTagId(), document: relativePath, theme: themeId, created: time, modified: time, quote, position };
    if (args.note !== undefined && args.note.trim() !== '') tag.note = args.note;
    await this.attach(doc);
    const live = this.live.get(doc.uri.toString());
    try {
      store.putTag(tag, { silent: true });
    } catch (err) {
      if (err instanceof ReadOnlyStoreError) {
        this.showError(`Thai Policy Lens: cannot save tags. ${err.message}`, store);
        return undefined;
      }
      throw err;
    }
    live?.tags.set(tag.id, { start, end, removed: 0, orphaned: false, anchoredLength: end - start, storedKey: targetKey(tag) });
    if (live) this.draw(live);
    this.changed.fire();
    return this.infoOf(tag, doc.uri.toString(), live);
  }

  /** The tag an argument names, or the one at the cursor (asking when several overlap). */
  private async resolveTag(arg: unknown, verb: string): Promise<{ tag: StoredTag; store: AnnotationStore } | undefined> {
    const id = tagIdOf(arg);
    if (id !== undefined) {
      for (const store of this.stores.values()) {
        const tag = store.get(id);
        if (tag) return { tag, store };
      }
      this.tell(`Thai Policy Lens: there is no tag "${id}".`);
      return undefined;
    }
    const editor = vscode.window.activeTextEditor;
    const live = editor && this.live.get(editor.document.uri.toString());
    const ids = live ? this.tagsAt(live, editor.document.offsetAt(editor.selection.active)) : [];
    if (!live || ids.length === 0) {
      this.tell(`Thai Policy Lens: put the cursor in a tagged passage to ${verb} its tag.`);
      return undefined;
    }
    let chosen = ids[0];
    if (ids.length > 1) {
      const items = ids.map((tagId) => {
        const tag = live.store.get(tagId)!;
        return { label: escapeIcons(this.describeTheme(live.store, tag.theme).title), description: escapeIcons(tag.quote.exact.slice(0, 60)), tagId };
      });
      const pick = await vscode.window.showQuickPick(items, { title: `Thai Policy Lens: which tag to ${verb}?` });
      if (!pick) return undefined;
      chosen = pick.tagId;
    }
    const tag = live.store.get(chosen);
    return tag ? { tag, store: live.store } : undefined;
  }

  private liveOf(tag: StoredTag, store: AnnotationStore): LiveDocument | undefined {
    for (const live of this.live.values()) if (live.store === store && live.relativePath === tag.document) return live;
    return undefined;
  }

  private uriOf(tag: StoredTag, store: AnnotationStore): string {
    return vscode.Uri.joinPath(store.folder.uri, ...tag.document.split('/')).toString();
  }

  /** Changes a tag (theme or note), stamping `modified`. */
  private update(store: AnnotationStore, tag: StoredTag, change: Partial<Pick<StoredTag, 'theme' | 'note'>>): TagInfo | undefined {
    if (!this.writableStore(vscode.Uri.parse(this.uriOf(tag, store)))) return undefined;
    const next: StoredTag = { ...tag, ...change, modified: now() };
    if (next.note === undefined || next.note.trim() === '') delete next.note;
    store.putTag(next, { silent: true });
    const live = this.liveOf(next, store);
    if (live) this.draw(live);
    this.changed.fire();
    return this.infoOf(next, this.uriOf(next, store), live);
  }

  private async removeTag(arg: unknown): Promise<boolean> {
    const found = await this.resolveTag(arg, 'remove');
    if (!found) return false;
    const { tag, store } = found;
    if (!this.writableStore(vscode.Uri.parse(this.uriOf(tag, store)))) return false;
    store.removeTag(tag.id);
    const live = this.liveOf(tag, store);
    if (live) {
      live.tags.delete(tag.id);
      this.draw(live);
    }
    return true;
  }

  private async retag(arg: unknown): Promise<TagInfo | undefined> {
    const found = await this.resolveTag(arg, 'change');
    if (!found) return undefined;
    const { tag, store } = found;
    if (!this.writableStore(vscode.Uri.parse(this.uriOf(tag, store)))) return undefined;
    const given = arg && typeof arg === 'object' ? (arg as { themeId?: unknown }).themeId : undefined;
    const themeId = typeof given === 'string' ? given : await this.chooseTheme(store, 'Thai Policy Lens: Change Tag Theme', tag.theme);
    if (themeId === undefined) return undefined;
    if (!this.describeTheme(store, themeId).known) {
      this.showError(`Thai Policy Lens: there is no theme "${themeId}".`);
      return undefined;
    }
    return this.update(store, tag, { theme: themeId });
  }

  private async editNote(arg: unknown): Promise<TagInfo | undefined> {
    const found = await this.resolveTag(arg, 'annotate');
    if (!found) return undefined;
    const { tag, store } = found;
    if (!this.writableStore(vscode.Uri.parse(this.uriOf(tag, store)))) return undefined;
    const given = arg && typeof arg === 'object' ? (arg as { note?: unknown }).note : undefined;
    const note =
      typeof given === 'string'
        ? given
        : await vscode.window.showInputBox({
            title: 'Thai Policy Lens: Note on the Tagged Passage',
            prompt: `${this.describeTheme(store, tag.theme).title} — «${tag.quote.exact.length > 60 ? tag.quote.exact.slice(0, 59) + '…' : tag.quote.exact}»`,
            value: tag.note ?? '',
            placeHolder: 'A note (empty: no note)',
          });
    if (note === undefined) return undefined;
    return this.update(store, tag, { note });
  }

  // -------------------------------------------------------------------------------------------
  // Hover

  private hover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const live = this.live.get(doc.uri.toString());
    if (!live) return undefined;
    const ids = this.tagsAt(live, doc.offsetAt(position));
    if (ids.length === 0) return undefined;
    const sections: string[] = [];
    let range: vscode.Range | undefined;
    for (const id of ids) {
      const tag = live.store.get(id);
      const t = live.tags.get(id);
      if (!tag || !t) continue;
      range ??= new vscode.Range(doc.positionAt(t.start), doc.positionAt(t.end));
      sections.push(tagHoverMarkdown(tag, this.describeTheme(live.store, tag.theme).pathMarkdown));
    }
    if (sections.length === 0) return undefined;
    return new vscode.Hover(makeSafe(new vscode.MarkdownString(sections.join('\n\n---\n\n')), HOVER_COMMAND_IDS), range);
  }

  // -------------------------------------------------------------------------------------------
  // Decorations

  private decorationType(store: AnnotationStore, themeId: string): vscode.TextEditorDecorationType {
    const key = `${store.folder.uri.toString()}#${themeId}`;
    let type = this.decorationTypes.get(key);
    if (!type) {
      const rgb = rgbOf(this.describeTheme(store, themeId).color);
      type = vscode.window.createTextEditorDecorationType({
        border: `1px solid ${rgb}`,
        borderRadius: '2px',
        backgroundColor: rgb + '1f', // lighter than a glossary match, and no underline
        overviewRulerColor: rgb,
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
      this.decorationTypes.set(key, type);
    }
    return type;
  }

  private resetDecorationTypes(): void {
    for (const type of this.decorationTypes.values()) type.dispose();
    this.decorationTypes.clear();
    this.drawVisible();
  }

  private drawVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const live = this.live.get(editor.document.uri.toString());
      if (live) this.draw(live);
    }
  }

  /** Draws the tags of a document in each editor showing it. */
  private draw(live: LiveDocument): void {
    const byTheme = new Map<string, Array<[number, number]>>();
    for (const [id, t] of live.tags) {
      if (t.orphaned || t.end <= t.start) continue;
      const tag = live.store.get(id);
      if (!tag) continue;
      let list = byTheme.get(tag.theme);
      if (!list) byTheme.set(tag.theme, (list = []));
      list.push([t.start, t.end]);
    }
    for (const list of byTheme.values()) list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const uri = live.doc.uri.toString();
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri);
    if (editors.length === 0) {
      this.drawnRanges.delete(uri);
      return;
    }
    const prefix = `${live.store.folder.uri.toString()}#`;
    for (const editor of editors) {
      for (const [key, type] of this.decorationTypes) {
        if (key.startsWith(prefix) && !byTheme.has(key.slice(prefix.length))) editor.setDecorations(type, []);
      }
      for (const [themeId, spans] of byTheme) {
        const doc = editor.document;
        editor.setDecorations(
          this.decorationType(live.store, themeId),
          spans.map(([s, e]) => new vscode.Range(doc.positionAt(s), doc.positionAt(e))),
        );
      }
    }
    this.drawnRanges.set(uri, Object.fromEntries(byTheme));
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle

  async flush(): Promise<void> {
    await Promise.all([...this.stores.values()].map((s) => s.flush()));
  }

  /** Writes, then forgets all state and loads the files again (what a window reload does). */
  async reload(): Promise<void> {
    await this.flush();
    this.closeStores();
    this.openStores();
    await Promise.all([...this.stores.values()].map((s) => s.loaded));
    await Promise.all(vscode.workspace.textDocuments.map((d) => this.attach(d)));
    this.changed.fire();
  }

  private closeStores(): void {
    for (const d of this.storeDisposables) d.dispose();
    this.storeDisposables = [];
    this.stores = new Map();
    this.live.clear();
    this.drawnRanges.clear();
    for (const type of this.decorationTypes.values()) type.dispose();
    this.decorationTypes.clear();
  }

  dispose(): void {
    void this.flush();
    this.closeStores();
    for (const d of this.disposables) d.dispose();
  }
}

/** The hover of one tag: theme path (already escaped), note, and links to change it. */
export function tagHoverMarkdown(tag: Pick<StoredTag, 'id' | 'note' | 'orphaned'>, themePathMarkdown: string): string {
  const parts = [`**Tagged passage** — ${themePathMarkdown}`];
  if (tag.note && tag.note.trim() !== '') parts.push(escapeBlock(tag.note));
  const args = [{ tagId: tag.id }];
  parts.push(
    [commandLink(tag.note ? 'Edit note' : 'Add note', TAG_COMMANDS.editNote, args), commandLink('Change theme', TAG_COMMANDS.retag, args), commandLink('Remove tag', TAG_COMMANDS.removeTag, args)].join(' · '),
  );
  return parts.join('\n\n');
}

/** Registers tagging: commands, hover, highlights of tagged passages, and the stores. */
export function registerTagging(ctx: FeatureContext): Tagging {
  const feature = new TaggingFeature(ctx);
  ctx.extension.subscriptions.push(feature);
  return feature;
}
