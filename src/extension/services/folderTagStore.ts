/**
 * The tags of one workspace folder, kept in several files so that analysts tagging on separate
 * git branches never change the same file:
 * - the annotations file (`thaiPolicyLens.annotationsFile`, by default
 *   `.policy-lens/annotations.json`) keeps the themes made while tagging and the tags without a
 *   coder (made before coders were recorded);
 * - each coder's tags are in `tags/<coder-slug>.json` next to it (`.policy-lens/tags/`), in the
 *   same format (core `coderTagsFile`).
 *
 * Each file is an `AnnotationStore` (atomic writes, three-way merge, watching, read-only while
 * invalid); this store shows their union and sends each change to the file that holds the tag,
 * a new tag to its coder's file.
 *
 * Migration: tags with a coder found in the annotations file (written before one file per coder)
 * are copied into their coders' files; only once those are written are they removed from the
 * annotations file. A file that cannot be read stops the migration (nothing is removed).
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { coderTagsDir, isInsidePath, coderTagsFile, isCoderTagsFileName, unionAnnotations, type FileTheme, type StoredTag } from '../../core';
import { Disposable } from '../disposable';
import { AnnotationStore, ReadOnlyStoreError, type StoreChange, type StoreHooks, type StoreProblem, type StoreState } from './annotationStore';
import { listFiles } from './files';

export class FolderTagStore extends Disposable {
  /** the annotations file (themes, tags without a coder) */
  readonly shared: AnnotationStore;
  /** the coders' files, by path relative to the folder */
  private readonly coders = new Map<string, AnnotationStore>();
  /** relative path of the coders' folder */
  readonly codersDir: string;
  private readonly changed = this.register(new vscode.EventEmitter<StoreChange>());
  /** Fires after the data of any of the files changed. */
  readonly onDidChange = this.changed.event;
  /** resolves after every file was first loaded (and the migration tried) */
  readonly loaded: Promise<void>;
  private union: { tags: StoredTag[]; themes: FileTheme[] } | undefined;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    /** path of the annotations file relative to the folder, `/` separated */
    readonly relativePath: string,
    private readonly hooks: StoreHooks,
    private readonly writeDelayMs?: number,
  ) {
    super();
    this.codersDir = coderTagsDir(relativePath);
    this.shared = this.open(relativePath);
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${this.codersDir}/*.json`)));
    this.register(watcher.onDidCreate((uri) => this.openFound(uri.path.slice(uri.path.lastIndexOf('/') + 1))));
    this.loaded = this.load();
  }

  /** the annotations file */
  get uri(): vscode.Uri {
    return this.shared.uri;
  }

  private get stores(): AnnotationStore[] {
    return [this.shared, ...this.coders.values()];
  }

  private open(relativePath: string): AnnotationStore {
    const store = new AnnotationStore(this.folder, relativePath, this.hooks, this.writeDelayMs);
    store.onDidChange((change) => {
      this.union = undefined;
      this.changed.fire(change);
    });
    return store;
  }

  private openFound(name: string): AnnotationStore | undefined {
    if (this.isDisposed || !isCoderTagsFileName(name)) return undefined;
    const relativePath = `${this.codersDir}/${name}`;
    let store = this.coders.get(relativePath);
    if (!store) {
      store = this.open(relativePath);
      this.coders.set(relativePath, store);
      this.union = undefined;
    }
    return store;
  }

  private async load(): Promise<void> {
    try {
      // a folder outside the workspace folder is never read (the annotations file's own store reports it)
      if (isInsidePath(this.codersDir.replace(/^\.\//, '')))
        for (const name of (await listFiles(vscode.Uri.joinPath(this.folder.uri, ...this.codersDir.split('/')))).sort()) this.openFound(name);
    } catch (err) {
      this.hooks.report({ message: l10n.t('Thai Policy Lens: cannot read {0}: {1}. Tags are not saved until it can be read.', this.codersDir, err instanceof Error ? err.message : String(err)) });
    }
    await Promise.all(this.stores.map((s) => s.loaded));
    await this.migrate();
  }

  /** Moves the tags with a coder out of the annotations file into their coders' files. */
  async migrate(): Promise<number> {
    if (this.isDisposed || this.shared.state !== 'ready') return 0;
    const moving = this.shared.tags.filter((t) => t.creator !== undefined && t.creator.trim() !== '');
    if (!moving.length) return 0;
    const targets = new Set<AnnotationStore>();
    for (const tag of moving) {
      const store = this.coderStore(tag.creator as string);
      await store.loaded;
      if (store.cannotSave()) return 0;
      if (!store.get(tag.id)) store.putTag(tag, { silent: true });
      targets.add(store);
    }
    await Promise.all([...targets].map((s) => s.flush()));
    // removed from the annotations file only when every coder file holds its tags on disk
    for (const store of targets) if (store.state !== 'ready' || store.dirty) return 0;
    for (const tag of moving) if (this.shared.get(tag.id)) this.shared.removeTag(tag.id);
    await this.shared.flush();
    return moving.length;
  }

  private coderStore(coder: string): AnnotationStore {
    const relativePath = coderTagsFile(coder, this.codersDir);
    return this.openFound(relativePath.slice(relativePath.lastIndexOf('/') + 1)) as AnnotationStore;
  }

  /** The file holding a tag now. */
  private holder(id: string): AnnotationStore | undefined {
    for (const store of this.stores) if (store.get(id)) return store;
    return undefined;
  }

  get state(): StoreState {
    const states = this.stores.map((s) => s.state);
    if (states.includes('readOnly')) return 'readOnly';
    if (states.includes('loading')) return 'loading';
    return 'ready';
  }

  get problem(): StoreProblem | undefined {
    for (const store of this.stores) if (store.problem) return store.problem;
    return undefined;
  }

  get dirty(): boolean {
    return this.stores.some((s) => s.dirty);
  }

  private data(): { tags: StoredTag[]; themes: FileTheme[] } {
    this.union ??= unionAnnotations(this.stores.map((s) => ({ version: 1, themes: [...s.themes], tags: [...s.tags] })));
    return this.union;
  }

  get tags(): readonly StoredTag[] {
    return this.data().tags;
  }

  get themes(): readonly FileTheme[] {
    return this.data().themes;
  }

  tagsOf(document: string): StoredTag[] {
    return this.data().tags.filter((t) => t.document === document);
  }

  get(id: string): StoredTag | undefined {
    for (const store of this.stores) {
      const tag = store.get(id);
      if (tag) return tag;
    }
    return undefined;
  }

  theme(id: string): FileTheme | undefined {
    for (const store of this.stores) {
      const theme = store.theme(id);
      if (theme) return theme;
    }
    return undefined;
  }

  /** Why changes cannot be saved now (any file unreadable), or undefined when they can. */
  cannotSave(): string | undefined {
    for (const store of this.stores) {
      const reason = store.cannotSave();
      if (reason) return reason;
    }
    return undefined;
  }

  /** Adds or replaces a tag: in the file that holds it, else its coder's file, else the annotations file. */
  putTag(tag: StoredTag, options: { silent?: boolean } = {}): void {
    const reason = this.cannotSave();
    if (reason) throw new ReadOnlyStoreError(reason);
    const store = this.holder(tag.id) ?? (tag.creator?.trim() ? this.coderStore(tag.creator) : this.shared);
    this.union = undefined;
    store.putTag(tag, options);
  }

  removeTag(id: string): boolean {
    const store = this.holder(id);
    if (!store) return false;
    this.union = undefined;
    return store.removeTag(id);
  }

  putTheme(theme: FileTheme): void {
    this.union = undefined;
    this.shared.putTheme(theme);
  }

  updateTarget(tag: StoredTag): void {
    const store = this.holder(tag.id);
    if (!store) return;
    this.union = undefined;
    store.updateTarget(tag);
  }

  scheduleWrite(): void {
    for (const store of this.stores) store.scheduleWrite();
  }

  async flush(): Promise<void> {
    await Promise.all(this.stores.map((s) => s.flush()));
  }

  async reload(): Promise<void> {
    await Promise.all(this.stores.map((s) => s.reload()));
  }

  override dispose(): void {
    for (const store of this.stores) store.dispose();
    this.coders.clear();
    super.dispose();
  }
}
