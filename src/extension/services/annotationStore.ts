/**
 * The store of hand-made tags of one workspace folder: the annotations file
 * (`thaiPolicyLens.annotationsFile`, by default `.policy-lens/annotations.json`).
 *
 * It never loses work:
 * - writes are atomic: a temporary file in the same folder, renamed over the file;
 * - before every write the file is read again; if someone else (another window, git, an
 *   editor) changed it since we read it, their version and ours are merged three ways against
 *   the version we read (core `mergeAnnotations`), then written;
 * - the file is watched, and an outside change is merged in at once;
 * - a file that cannot be read (invalid JSON, another version, wrong shapes) is reported with its
 *   line and column and is never overwritten: the store is read-only until the file is fixed;
 * - a file deleted meanwhile counts as emptied by someone else: tags changed here since it was
 *   last read are kept and written again, the others go with it;
 * - writes are debounced (`WRITE_DELAY_MS`) and `flush()` writes at once (on deactivate).
 */
import * as vscode from 'vscode';
import { isFileNotFound, readText, writeTextAtomic } from './files';
import {
  emptyAnnotations,
  mergeAnnotations,
  isInsidePath,
  parseAnnotationsFile,
  serializeAnnotationsFile,
  type AnnotationsData,
  type AnnotationsFileError,
  type FileTheme,
  type StoredTag,
} from '../../core';

export const DEFAULT_ANNOTATIONS_FILE = '.policy-lens/annotations.json';
export const WRITE_DELAY_MS = 300;

export type StoreState = 'loading' | 'ready' | 'readOnly';

/** Why the store is read-only. */
export interface StoreProblem {
  /** the whole message as shown to the user */
  message: string;
  /** the file's problem (absent when the file could not be read at all) */
  error?: AnnotationsFileError;
}

/** Thrown by the changing methods while the store cannot save. */
export class ReadOnlyStoreError extends Error {}

/** What changed: `external` when the file was changed by someone else and merged in. */
export interface StoreChange {
  external: boolean;
}

export class AnnotationStore implements vscode.Disposable {
  /** the annotations file */
  readonly uri: vscode.Uri;
  /** our version, with the changes not written yet */
  private data: AnnotationsData = emptyAnnotations();
  /** the version last read from or written to the file: the base of three-way merges */
  private base: AnnotationsData = emptyAnnotations();
  /** the exact text of `base` as on disk; undefined when the file does not exist */
  private baseText: string | undefined;
  private _state: StoreState = 'loading';
  private _problem: StoreProblem | undefined;
  /** counts changes to `data`, so a write knows whether more came in meanwhile */
  private revision = 0;
  private writtenRevision = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** loads and writes, one at a time, in order */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<StoreChange>();
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  /** resolves after the first load */
  readonly loaded: Promise<void>;
  /** Fires after the data changed (our own changes, or an outside change merged in). */
  readonly onDidChange = this.changed.event;
  /** Called right before each write, to bring live data (tag positions) into the store. */
  beforeWrite: (() => void) | undefined;
  /** Shows a problem to the user; by default an error message with a button to open the file. */
  report: (problem: StoreProblem) => void = (problem) => this.showProblem(problem);

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    /** path of the file relative to the folder, `/` separated */
    readonly relativePath: string = DEFAULT_ANNOTATIONS_FILE,
    private readonly writeDelayMs = WRITE_DELAY_MS,
  ) {
    this.uri = vscode.Uri.joinPath(folder.uri, ...relativePath.split('/').filter((p) => p !== ''));
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, relativePath));
    const onDisk = () => void this.enqueue(() => this.syncWithDisk());
    this.disposables.push(watcher, watcher.onDidChange(onDisk), watcher.onDidCreate(onDisk), watcher.onDidDelete(onDisk), this.changed);
    this.loaded = this.enqueue(() => this.syncWithDisk()).then(() => undefined);
  }

  get state(): StoreState {
    return this._state;
  }

  /** Why the store is read-only, if it is. */
  get problem(): StoreProblem | undefined {
    return this._problem;
  }

  /** True when there are changes not written yet. */
  get dirty(): boolean {
    return this.revision !== this.writtenRevision;
  }

  get tags(): readonly StoredTag[] {
    return this.data.tags;
  }

  get themes(): readonly FileTheme[] {
    return this.data.themes;
  }

  /** The tags of one document (workspace-relative path). */
  tagsOf(document: string): StoredTag[] {
    return this.data.tags.filter((t) => t.document === document);
  }

  get(id: string): StoredTag | undefined {
    return this.data.tags.find((t) => t.id === id);
  }

  theme(id: string): FileTheme | undefined {
    return this.data.themes.find((t) => t.id === id);
  }

  /** Why changes cannot be saved now, or undefined when they can. */
  cannotSave(): string | undefined {
    if (this._state === 'readOnly') return this._problem?.message ?? `${this.relativePath} cannot be read.`;
    return undefined;
  }

  private assertWritable(): void {
    const reason = this.cannotSave();
    if (reason) throw new ReadOnlyStoreError(reason);
  }

  /** Adds or replaces a tag (by id) and schedules a write. */
  putTag(tag: StoredTag, options: { silent?: boolean } = {}): void {
    this.assertWritable();
    const i = this.data.tags.findIndex((t) => t.id === tag.id);
    if (i >= 0) this.data.tags[i] = tag;
    else this.data.tags.push(tag);
    this.touch(options.silent);
  }

  /** Removes a tag; false when there was none. */
  removeTag(id: string): boolean {
    this.assertWritable();
    const i = this.data.tags.findIndex((t) => t.id === id);
    if (i < 0) return false;
    this.data.tags.splice(i, 1);
    this.touch();
    return true;
  }

  /** Adds or replaces a theme of the file. */
  putTheme(theme: FileTheme): void {
    this.assertWritable();
    const i = this.data.themes.findIndex((t) => t.id === theme.id);
    if (i >= 0) this.data.themes[i] = theme;
    else this.data.themes.push(theme);
    this.touch();
  }

  /**
   * Updates a tag's target (passage moved, re-anchored, orphaned) without an event: the caller
   * already knows. Ignored while read-only (it is redone before the next write).
   */
  updateTarget(tag: StoredTag): void {
    if (this._state === 'readOnly') return;
    const i = this.data.tags.findIndex((t) => t.id === tag.id);
    if (i < 0) return;
    this.data.tags[i] = tag;
    this.revision++;
  }

  private touch(silent = false): void {
    this.revision++;
    this.scheduleWrite();
    if (!silent) this.changed.fire({ external: false });
  }

  /** Writes after `WRITE_DELAY_MS` of quiet. */
  scheduleWrite(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.writeDelayMs);
  }

  /** Writes pending changes now (merging with the file if it changed). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    return this.enqueue(() => this.write());
  }

  /** Reads the file again now (as the watcher does on an outside change). */
  reload(): Promise<void> {
    return this.enqueue(() => this.syncWithDisk()).then(() => undefined);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T | undefined> {
    const run = this.queue.then(task, task);
    this.queue = run.catch((err) => {
      console.error('[thai-policy-lens] annotations store', err);
    });
    return run.catch((err) => {
      this.fail({ message: `Thai Policy Lens: cannot use ${this.relativePath}: ${err instanceof Error ? err.message : String(err)}` }, false);
      return undefined;
    });
  }

  /** The file's text, or undefined when it does not exist. */
  private async readText(): Promise<string | undefined> {
    try {
      return await readText(this.uri);
    } catch (err) {
      if (isFileNotFound(err)) return undefined;
      throw err;
    }
  }

  /**
   * Reads the file and, if it changed since `base`, merges it in. Returns false when the file
   * cannot be read (the store is then read-only).
   */
  private async syncWithDisk(): Promise<boolean> {
    if (this.disposed) return false;
    if (!isInsidePath(this.relativePath.replace(/^\.\//, ''))) {
      this.fail({ message: `Thai Policy Lens: the setting thaiPolicyLens.annotationsFile ("${this.relativePath}") must name a file inside the workspace folder. Tags are not saved until it does.` });
      return false;
    }
    let text: string | undefined;
    try {
      text = await this.readText();
    } catch (err) {
      this.fail({ message: `Thai Policy Lens: cannot read ${this.relativePath}: ${err instanceof Error ? err.message : String(err)}. Tags are not saved until it can be read.` });
      return false;
    }
    if (this._state !== 'loading' && this._state !== 'readOnly' && text === this.baseText) return true;
    let theirs: AnnotationsData;
    if (text === undefined) theirs = emptyAnnotations();
    else {
      const parsed = parseAnnotationsFile(text);
      if (parsed.error) {
        const e = parsed.error;
        const where = `line ${e.line}, column ${e.column}`;
        this.fail({ message: `Thai Policy Lens: ${this.relativePath} is not a valid annotations file (${where}): ${e.message}. It is left as it is, and tags are not saved until it is fixed.`, error: e });
        return false;
      }
      theirs = parsed.data;
    }
    const wasLoading = this._state === 'loading';
    const hadChanges = this.dirty;
    // (A deleted file is an empty one: its tags are deleted, but changes not yet written are kept.)
    this.data = mergeAnnotations(this.base, this.data, theirs);
    this.base = theirs;
    this.baseText = text;
    this._state = 'ready';
    this._problem = undefined;
    // What we still have that the file does not: write it.
    if (serializeAnnotationsFile(this.data) !== serializeAnnotationsFile(theirs)) {
      if (!hadChanges) this.revision++;
      this.scheduleWrite();
    } else {
      this.writtenRevision = this.revision;
    }
    if (!wasLoading || this.data.tags.length || this.data.themes.length) this.changed.fire({ external: true });
    return true;
  }

  private async write(): Promise<void> {
    if (this.disposed && !this.dirty) return;
    if (this._state === 'loading') await this.syncWithDisk();
    if (this._state === 'readOnly') {
      // perhaps fixed meanwhile (the watcher may be slow)
      if (!(await this.syncWithDisk())) return;
    }
    this.beforeWrite?.();
    // Read the file again: someone else's changes are merged in (an unreadable file is not
    // written); a deleted file is noticed even when the watcher missed it.
    if (!(await this.syncWithDisk())) return;
    if (!this.dirty) return;
    const revision = this.revision;
    const text = serializeAnnotationsFile(this.data);
    if (text === this.baseText || (this.baseText === undefined && this.data.tags.length === 0 && this.data.themes.length === 0)) {
      this.writtenRevision = revision;
      return;
    }
    await writeTextAtomic(this.uri, text);
    this.base = parseAnnotationsFile(text).data ?? emptyAnnotations();
    this.baseText = text;
    this.writtenRevision = revision;
    if (this.revision !== revision) this.scheduleWrite();
  }

  /** Goes read-only and reports why (once per distinct message). */
  private fail(problem: StoreProblem, readOnly = true): void {
    const repeated = this._problem?.message === problem.message;
    if (readOnly) {
      this._state = 'readOnly';
      this._problem = problem;
    }
    if (!repeated) this.report(problem);
    if (readOnly) this.changed.fire({ external: true });
  }

  private showProblem(problem: StoreProblem): void {
    const open = 'Open File';
    void vscode.window.showErrorMessage(problem.message, open).then(async (choice) => {
      if (choice !== open) return;
      const doc = await vscode.workspace.openTextDocument(this.uri);
      const editor = await vscode.window.showTextDocument(doc);
      if (problem.error) {
        const pos = doc.positionAt(problem.error.offset);
        editor.selection = new vscode.Selection(pos, pos);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    });
  }

  /** Stops watching; pending changes should be flushed first (`flush()`). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
  }
}
