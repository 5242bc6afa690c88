/**
 * The annotations of one workspace folder as a window holds them, between it and the annotations
 * file: our version (with the changes not written yet), the version last read from or written to
 * the file (the base of three-way merges) and that version's exact text.
 *
 * The store (src/extension/services/annotationStore.ts) does the reading, writing and watching;
 * this decides what a read means and what to write:
 * - `takeFile`: the file's text (undefined when there is none) merged into ours three ways
 *   against the base (`mergeAnnotations`); a deleted file is an empty one: tags changed here
 *   since it was last read are kept, the others go with it;
 * - `pendingWrite` / `wrote`: the text to write and the revision it holds; changes made while it
 *   is being written are written next.
 *
 * Pure: no `vscode`, no Node modules.
 */
import {
  emptyAnnotations,
  mergeAnnotations,
  parseAnnotationsFile,
  serializeAnnotationsFile,
  type AnnotationsData,
  type AnnotationsFileError,
  type FileTheme,
  type StoredTag,
} from './annotationsFile';

/** What reading the file did. */
export type FileSync =
  /** the text is the one last read or written: nothing to do */
  | { kind: 'unchanged' }
  /** the text is not a valid annotations file: it must not be overwritten */
  | { kind: 'invalid'; error: AnnotationsFileError }
  /** merged in; `needsWrite` when we have something the file does not */
  | { kind: 'merged'; needsWrite: boolean };

export class AnnotationsState {
  /** our version, with the changes not written yet */
  private data: AnnotationsData = emptyAnnotations();
  /** the version last read from or written to the file: the base of three-way merges */
  private base: AnnotationsData = emptyAnnotations();
  /** the exact text of `base` as in the file; undefined when there is no file */
  private baseText: string | undefined;
  /** counts changes to `data`, so a write knows whether more came in meanwhile */
  private revision = 0;
  private writtenRevision = 0;

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

  /** True when there are neither tags nor themes. */
  get isEmpty(): boolean {
    return this.data.tags.length === 0 && this.data.themes.length === 0;
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

  /** Adds or replaces a tag (by id). */
  putTag(tag: StoredTag): void {
    putById(this.data.tags, tag);
    this.revision++;
  }

  /** Removes a tag; false when there was none. */
  removeTag(id: string): boolean {
    const i = this.data.tags.findIndex((t) => t.id === id);
    if (i < 0) return false;
    this.data.tags.splice(i, 1);
    this.revision++;
    return true;
  }

  /** Adds or replaces a theme of the file. */
  putTheme(theme: FileTheme): void {
    putById(this.data.themes, theme);
    this.revision++;
  }

  /** Replaces a tag that is there (its target moved); false when there is none with its id. */
  updateTarget(tag: StoredTag): boolean {
    const i = this.data.tags.findIndex((t) => t.id === tag.id);
    if (i < 0) return false;
    this.data.tags[i] = tag;
    this.revision++;
    return true;
  }

  /**
   * Takes the file's text (undefined: there is no file). Unless `force`, a text that is the one
   * last read or written is `unchanged`; otherwise it is merged into ours and becomes the base.
   */
  takeFile(text: string | undefined, force: boolean): FileSync {
    if (!force && text === this.baseText) return { kind: 'unchanged' };
    let theirs: AnnotationsData;
    if (text === undefined) theirs = emptyAnnotations();
    else {
      const parsed = parseAnnotationsFile(text);
      if (parsed.error) return { kind: 'invalid', error: parsed.error };
      theirs = parsed.data;
    }
    const hadChanges = this.dirty;
    this.data = mergeAnnotations(this.base, this.data, theirs);
    this.base = theirs;
    this.baseText = text;
    // What we still have that the file does not must be written.
    if (serializeAnnotationsFile(this.data) !== serializeAnnotationsFile(theirs)) {
      if (!hadChanges) this.revision++;
      return { kind: 'merged', needsWrite: true };
    }
    this.writtenRevision = this.revision;
    return { kind: 'merged', needsWrite: false };
  }

  /**
   * The text to write and the revision it holds; undefined when there is nothing to write (no
   * change, or the file already says it; a file that does not exist is not made for nothing).
   */
  pendingWrite(): { text: string; revision: number } | undefined {
    if (!this.dirty) return undefined;
    const revision = this.revision;
    const text = serializeAnnotationsFile(this.data);
    if (text === this.baseText || (this.baseText === undefined && this.isEmpty)) {
      this.writtenRevision = revision;
      return undefined;
    }
    return { text, revision };
  }

  /** After `text`, holding `revision`, was written: it is the new base. True when more changes came in meanwhile. */
  wrote(text: string, revision: number): boolean {
    this.base = parseAnnotationsFile(text).data ?? emptyAnnotations();
    this.baseText = text;
    this.writtenRevision = revision;
    return this.revision !== revision;
  }
}

function putById<T extends { id: string }>(list: T[], item: T): void {
  const i = list.findIndex((x) => x.id === item.id);
  if (i >= 0) list[i] = item;
  else list.push(item);
}
