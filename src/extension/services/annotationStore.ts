/**
 * The store of hand-made tags of one workspace folder: the annotations file
 * (`thaiPolicyLens.annotationsFile`, by default `.policy-lens/annotations.json`). It reads, writes
 * and watches the file; what a read means and what to write is the core's `AnnotationsState`.
 *
 * It never loses work:
 * - writes are atomic (files.ts): a temporary file in the same folder, renamed over the file;
 * - before every write the file is read again; if someone else (another window, git, an
 *   editor) changed it since we read it, their version and ours are merged three ways against
 *   the version we read, then written;
 * - the file is watched, and an outside change is merged in at once;
 * - a file that cannot be read (invalid JSON, another version, wrong shapes) is reported with its
 *   line and column and is never overwritten: the store is read-only until the file is fixed;
 * - a file deleted meanwhile counts as emptied by someone else: tags changed here since it was
 *   last read are kept and written again, the others go with it;
 * - writes are debounced (`WRITE_DELAY_MS`) and `flush()` writes at once (on deactivate).
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { isFileNotFound, readText, writeTextAtomic } from './files';
import { AnnotationsState, isInsidePath, type AnnotationsFileError, type FileTheme, type StoredTag } from '../../core';
import { Disposable } from '../disposable';

export const WRITE_DELAY_MS = 300;

/**
 * Test hook: while `held`, the delayed write waits (another delay each time) and only `flush()`
 * writes, so a test can act on the file between a change and its write on a slow machine.
 */
export const delayedWrites = { held: false };

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

/** What the store's owner does for it. */
export interface StoreHooks {
  /** Shows a problem to the user (once per distinct problem). */
  report(problem: StoreProblem): void;
  /** Called right before each write, to bring live data (tag positions) into the store. */
  beforeWrite(): void;
}

export class AnnotationStore extends Disposable {
  /** the annotations file */
  readonly uri: vscode.Uri;
  private readonly annotations = new AnnotationsState();
  private _state: StoreState = 'loading';
  private _problem: StoreProblem | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** loads and writes, one at a time, in order */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly changed = this.register(new vscode.EventEmitter<StoreChange>());
  /** resolves after the first load */
  readonly loaded: Promise<void>;
  /** Fires after the data changed (our own changes, or an outside change merged in). */
  readonly onDidChange = this.changed.event;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    /** path of the file relative to the folder, `/` separated */
    readonly relativePath: string,
    private readonly hooks: StoreHooks,
    private readonly writeDelayMs = WRITE_DELAY_MS,
  ) {
    super();
    this.uri = vscode.Uri.joinPath(folder.uri, ...relativePath.split('/').filter((p) => p !== ''));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, relativePath)));
    const onDisk = () => void this.enqueue(() => this.syncWithDisk());
    this.registerAll(watcher.onDidChange(onDisk), watcher.onDidCreate(onDisk), watcher.onDidDelete(onDisk));
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
    return this.annotations.dirty;
  }

  get tags(): readonly StoredTag[] {
    return this.annotations.tags;
  }

  get themes(): readonly FileTheme[] {
    return this.annotations.themes;
  }

  /** The tags of one document (workspace-relative path). */
  tagsOf(document: string): StoredTag[] {
    return this.annotations.tagsOf(document);
  }

  get(id: string): StoredTag | undefined {
    return this.annotations.get(id);
  }

  theme(id: string): FileTheme | undefined {
    return this.annotations.theme(id);
  }

  /** Why changes cannot be saved now, or undefined when they can. */
  cannotSave(): string | undefined {
    if (this._state === 'readOnly') return this._problem?.message ?? l10n.t('{0} cannot be read.', this.relativePath);
    return undefined;
  }

  private assertWritable(): void {
    const reason = this.cannotSave();
    if (reason) throw new ReadOnlyStoreError(reason);
  }

  /** Adds or replaces a tag (by id) and schedules a write. */
  putTag(tag: StoredTag, options: { silent?: boolean } = {}): void {
    this.assertWritable();
    this.annotations.putTag(tag);
    this.touch(options.silent);
  }

  /** Removes a tag; false when there was none. */
  removeTag(id: string): boolean {
    this.assertWritable();
    if (!this.annotations.removeTag(id)) return false;
    this.touch();
    return true;
  }

  /** Adds or replaces a theme of the file. */
  putTheme(theme: FileTheme): void {
    this.assertWritable();
    this.annotations.putTheme(theme);
    this.touch();
  }

  /**
   * Updates a tag's target (passage moved, re-anchored, orphaned) without an event: the caller
   * already knows. Ignored while read-only (it is redone before the next write).
   */
  updateTarget(tag: StoredTag): void {
    if (this._state === 'readOnly') return;
    this.annotations.updateTarget(tag);
  }

  private touch(silent = false): void {
    this.scheduleWrite();
    if (!silent) this.changed.fire({ external: false });
  }

  /** Writes after `WRITE_DELAY_MS` of quiet. */
  scheduleWrite(): void {
    if (this.isDisposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (delayedWrites.held) this.scheduleWrite();
      else void this.flush();
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
      this.fail({ message: l10n.t('Thai Policy Lens: cannot use {0}: {1}', this.relativePath, err instanceof Error ? err.message : String(err)) }, false);
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
   * Reads the file and, if it changed since it was last read or written, merges it in. Returns
   * false when the file cannot be read (the store is then read-only).
   */
  private async syncWithDisk(): Promise<boolean> {
    if (this.isDisposed) return false;
    if (!isInsidePath(this.relativePath.replace(/^\.\//, ''))) {
      this.fail({ message: l10n.t('Thai Policy Lens: the setting thaiPolicyLens.annotationsFile ("{0}") must name a file inside the workspace folder. Tags are not saved until it does.', this.relativePath) });
      return false;
    }
    let text: string | undefined;
    try {
      text = await this.readText();
    } catch (err) {
      this.fail({ message: l10n.t('Thai Policy Lens: cannot read {0}: {1}. Tags are not saved until it can be read.', this.relativePath, err instanceof Error ? err.message : String(err)) });
      return false;
    }
    const wasLoading = this._state === 'loading';
    const sync = this.annotations.takeFile(text, this._state === 'loading' || this._state === 'readOnly');
    if (sync.kind === 'unchanged') return true;
    if (sync.kind === 'invalid') {
      const e = sync.error;
      const where = l10n.t('line {0}, column {1}', e.line, e.column);
      this.fail({ message: l10n.t('Thai Policy Lens: {0} is not a valid annotations file ({1}): {2}. It is left as it is, and tags are not saved until it is fixed.', this.relativePath, where, e.message), error: e });
      return false;
    }
    this._state = 'ready';
    this._problem = undefined;
    if (sync.needsWrite) this.scheduleWrite();
    if (!wasLoading || !this.annotations.isEmpty) this.changed.fire({ external: true });
    return true;
  }

  private async write(): Promise<void> {
    if (this.isDisposed && !this.dirty) return;
    if (this._state === 'loading') await this.syncWithDisk();
    if (this._state === 'readOnly') {
      // perhaps fixed meanwhile (the watcher may be slow)
      if (!(await this.syncWithDisk())) return;
    }
    this.hooks.beforeWrite();
    // Read the file again: someone else's changes are merged in (an unreadable file is not
    // written); a deleted file is noticed even when the watcher missed it.
    if (!(await this.syncWithDisk())) return;
    const pending = this.annotations.pendingWrite();
    if (!pending) return;
    await writeTextAtomic(this.uri, pending.text);
    if (this.annotations.wrote(pending.text, pending.revision)) this.scheduleWrite();
  }

  /** Goes read-only and reports why (once per distinct message). */
  private fail(problem: StoreProblem, readOnly = true): void {
    const repeated = this._problem?.message === problem.message;
    if (readOnly) {
      this._state = 'readOnly';
      this._problem = problem;
    }
    if (!repeated) this.hooks.report(problem);
    if (readOnly) this.changed.fire({ external: true });
  }

  /** Stops watching; pending changes should be flushed first (`flush()`). */
  override dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    super.dispose();
  }
}
