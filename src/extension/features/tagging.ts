/**
 * Tagging passages by hand: the analyst selects a passage and codes it with a theme (Ctrl+Alt+T,
 * the theme quick pick, or a new theme kept in the annotations file), adds a note, re-tags or
 * removes it. Tagged passages are drawn with a thin border in the theme's colour and a light
 * background (glossary matches have a thick underline instead), and their hover shows the theme,
 * the note and links to edit them. The tags themselves, their stores and how they follow their
 * text are services/tagService.ts.
 *
 * Commands (ids in package.json) take an optional argument so tests and other extensions can
 * skip the UI: `tagSelection({ uri?, range?: {start, end}, themeId?, newTheme?: {label}, note? })`
 * returns the new tag; `removeTag({ tagId })`, `retag({ tagId, themeId? })`,
 * `editNote({ tagId, note? })`; without a tag id they act on the tag at the cursor.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { makeThemeId, pageAt, themeColor, type FileTheme, type StoredTag } from '../../core';
import { Disposable } from '../disposable';
import { delayedWrites, ReadOnlyStoreError } from '../services/annotationStore';
import type { FolderTagStore } from '../services/folderTagStore';
import type { GlossaryService } from '../services/glossaryService';
import type { Settings } from '../services/settings';
import type { TagInfo, TagService, TagStoreInfo, TaggedDocument } from '../services/tagService';
import type { Decorations } from '../ui/decorations';
import { showErrorAt } from '../ui/messages';
import { pickTheme } from '../ui/themePicker';
import { escapeIcons, makeSafe } from '../../features/markdown';
import { withPage } from '../../features/hoverText';
import { TAG_COMMANDS, TAG_HOVER_COMMAND_IDS, describeTagTheme, quoteForPrompt, tagHoverMarkdown, tagIdOf, trimRange, type TagTheme } from '../../features/tagText';

export type { TagInfo, TagStoreInfo } from '../services/tagService';

/** What the other features read of the tags (the Themes view, the exports). */
export interface Tagging {
  tagsOf(uri: vscode.Uri): TagInfo[];
  /** Every tag of every workspace folder, by document and position. */
  allTags(): TagInfo[];
  /** A theme that lives in the annotations file of the folder holding `uri` (not in a glossary). */
  fileTheme(themeId: string, uri?: vscode.Uri): FileTheme | undefined;
  /** Fires when tags change (added, removed, moved, re-themed, merged in from disk). */
  readonly onDidChange: vscode.Event<void>;
}

/** Tagging internals, for the tests only (not part of the extension's API). */
export interface TaggingTestHooks {
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
  /** holds the delayed writes (only `flush()` writes) until called with false */
  holdDelayedWrites(held: boolean): void;
  /** writes, forgets everything and loads again from disk, as a window reload does */
  reload(): Promise<void>;
}

interface TagArgs {
  uri?: string | vscode.Uri;
  range?: { start: number; end: number };
  themeId?: string;
  newTheme?: { label: string; labelEn?: string; color?: string };
  note?: string;
}

/** What a command does to a tag, and what it says when it does not know which tag. */
type TagVerb = 'remove' | 'change' | 'annotate';
const VERB_TEXT: Record<TagVerb, () => { cursor: string; which: string }> = {
  remove: () => ({ cursor: l10n.t('Thai Policy Lens: put the cursor in a tagged passage to remove its tag.'), which: l10n.t('Thai Policy Lens: which tag to remove?') }),
  change: () => ({ cursor: l10n.t('Thai Policy Lens: put the cursor in a tagged passage to change its tag.'), which: l10n.t('Thai Policy Lens: which tag to change?') }),
  annotate: () => ({ cursor: l10n.t('Thai Policy Lens: put the cursor in a tagged passage to annotate its tag.'), which: l10n.t('Thai Policy Lens: which tag to annotate?') }),
};

export class TaggingFeature extends Disposable {
  private readonly drawnRanges = new Map<string, Record<string, Array<[number, number]>>>();
  private lastShown: string | undefined;
  /** The test hooks. */
  readonly testHooks: TaggingTestHooks;

  constructor(
    private readonly tags: TagService,
    private readonly glossaries: GlossaryService,
    private readonly decorations: Decorations,
    private readonly settings: Settings,
  ) {
    super();
    this.registerAll(
      // from the editor's context menu the argument is the document's URI
      vscode.commands.registerCommand(TAG_COMMANDS.tagSelection, (arg?: TagArgs | vscode.Uri) => this.tagSelection(arg instanceof vscode.Uri ? { uri: arg } : (arg ?? {}))),
      vscode.commands.registerCommand(TAG_COMMANDS.removeTag, (arg?: unknown) => this.removeTag(arg)),
      vscode.commands.registerCommand(TAG_COMMANDS.retag, (arg?: unknown) => this.retag(arg)),
      vscode.commands.registerCommand(TAG_COMMANDS.editNote, (arg?: unknown) => this.editNote(arg)),
      vscode.languages.registerHoverProvider('*', { provideHover: (doc, pos) => this.hover(doc, pos) }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.drawnRanges.delete(doc.uri.toString())),
      vscode.window.onDidChangeVisibleTextEditors(() => this.drawVisible()),
      glossaries.onDidChange(() => this.resetDecorations()),
      tags.onDidChangeFileThemes(() => this.resetDecorations()),
      tags.onDidChangeDocument((live) => this.draw(live)),
      tags.onProblem(({ problem, store }) => this.showError(problem.message, store)),
    );
    this.testHooks = {
      tagsOf: (uri) => tags.tagsOf(uri),
      store: (uri) => tags.storeInfo(uri),
      fileThemes: (uri) => tags.fileThemes(uri),
      lastMessage: () => this.lastShown,
      drawn: (uri) => this.drawnRanges.get(uri.toString()),
      flush: () => tags.flush(),
      holdDelayedWrites: (held) => {
        delayedWrites.held = held;
      },
      reload: () => tags.reload(),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Themes

  private describeTheme(store: FolderTagStore | undefined, themeId: string): TagTheme {
    return describeTagTheme(this.glossaries.set, themeId, store?.theme(themeId));
  }

  /** Makes a theme in the annotations file; returns its id. */
  private createTheme(store: FolderTagStore, spec: { label: string; labelEn?: string; color?: string }): string {
    const taken = new Set([...this.glossaries.set.flatThemes.map((f) => f.theme.id), ...store.themes.map((t) => t.id)]);
    const id = makeThemeId(spec.labelEn ?? spec.label, taken);
    const theme: FileTheme = { id, label: spec.label.trim(), color: spec.color ?? themeColor({ id }) };
    if (spec.labelEn) theme.labelEn = spec.labelEn.trim();
    store.putTheme(theme);
    return id;
  }

  /** Asks for a theme (or a new one); the theme id, or undefined if cancelled. */
  private async chooseTheme(store: FolderTagStore, title: string, current?: string): Promise<string | undefined> {
    const choice = await pickTheme(this.glossaries.set, { title, placeholder: l10n.t('Theme (Thai or English label)'), loose: store.themes, looseDescription: l10n.t('annotations file'), current });
    if (!choice) return undefined;
    if (!choice.isNew) return choice.themeId;
    const label = await vscode.window.showInputBox({
      title: l10n.t('Thai Policy Lens: New Theme'),
      prompt: l10n.t('Label of the new theme (kept in the annotations file until you add it to a glossary)'),
      value: choice.typed,
      validateInput: (v) => (v.trim() === '' ? l10n.t('Write a label.') : undefined),
    });
    if (label === undefined) return undefined;
    return this.createTheme(store, { label });
  }

  // -------------------------------------------------------------------------------------------
  // Commands

  private showError(message: string, store?: FolderTagStore): void {
    this.lastShown = message;
    const offset = store?.problem?.error?.offset;
    showErrorAt(message, store && { uri: store.uri, start: offset });
  }

  private tell(message: string): void {
    this.lastShown = message;
    void vscode.window.showInformationMessage(message);
  }

  /** A store that can save, or undefined after telling the user why not. */
  private writableStore(uri: vscode.Uri): FolderTagStore | undefined {
    const store = this.tags.storeFor(uri);
    if (!store) {
      this.showError(l10n.t('Thai Policy Lens: tags are kept in the workspace folder: open the document from a folder to tag it.'));
      return undefined;
    }
    const reason = store.cannotSave();
    if (reason) {
      this.showError(l10n.t('Thai Policy Lens: cannot save tags. {0}', reason), store);
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
      this.tell(l10n.t('Thai Policy Lens: select a passage in a document to tag it.'));
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
      this.showError(l10n.t('Thai Policy Lens: the range {0}–{1} is not in the document.', start, end));
      return undefined;
    }
    // leading and trailing white space (a selection to the end of the line) is not part of it
    [start, end] = trimRange(text, start, end);
    if (start === end) {
      this.tell(l10n.t('Thai Policy Lens: select the passage to tag first.'));
      return undefined;
    }
    const store = this.writableStore(doc.uri);
    if (!store) return undefined;
    await store.loaded;
    if (!this.writableStore(doc.uri)) return undefined;
    const relativePath = this.tags.relativePath(store, doc.uri);
    if (relativePath === undefined) return undefined;
    let themeId = args.themeId;
    if (args.newTheme) themeId = this.createTheme(store, args.newTheme);
    if (themeId === undefined) themeId = await this.chooseTheme(store, l10n.t('Thai Policy Lens: Tag Selection with Theme'));
    if (themeId === undefined) return undefined;
    if (!this.describeTheme(store, themeId).known) {
      this.showError(l10n.t('Thai Policy Lens: there is no theme "{0}".', String(themeId)));
      return undefined;
    }
    try {
      return await this.tags.addTag(doc, text, start, end, store, relativePath, themeId, args.note);
    } catch (err) {
      if (err instanceof ReadOnlyStoreError) {
        this.showError(l10n.t('Thai Policy Lens: cannot save tags. {0}', err.message), store);
        return undefined;
      }
      throw err;
    }
  }

  /** The tag an argument names, or the one at the cursor (asking when several overlap). */
  private async resolveTag(arg: unknown, verb: TagVerb): Promise<{ tag: StoredTag; store: FolderTagStore } | undefined> {
    const id = tagIdOf(arg);
    if (id !== undefined) {
      const found = this.tags.findTag(id);
      if (!found) this.tell(l10n.t('Thai Policy Lens: there is no tag "{0}".', id));
      return found;
    }
    const editor = vscode.window.activeTextEditor;
    const live = editor && this.tags.documentOf(editor.document.uri);
    const ids = live ? this.tags.tagsAt(live, editor.document.offsetAt(editor.selection.active)) : [];
    if (!live || ids.length === 0) {
      this.tell(VERB_TEXT[verb]().cursor);
      return undefined;
    }
    let chosen = ids[0];
    if (ids.length > 1) {
      const items = ids.map((tagId) => {
        const tag = live.store.get(tagId)!;
        return { label: escapeIcons(this.describeTheme(live.store, tag.theme).title), description: escapeIcons(tag.quote.exact.slice(0, 60)), tagId };
      });
      const pick = await vscode.window.showQuickPick(items, { title: VERB_TEXT[verb]().which });
      if (!pick) return undefined;
      chosen = pick.tagId;
    }
    const tag = live.store.get(chosen);
    return tag ? { tag, store: live.store } : undefined;
  }

  /** The tag the argument names, if its store can save now. */
  private async writableTag(arg: unknown, verb: TagVerb): Promise<{ tag: StoredTag; store: FolderTagStore } | undefined> {
    const found = await this.resolveTag(arg, verb);
    if (!found || !this.writableStore(vscode.Uri.parse(this.tags.uriOf(found.tag, found.store)))) return undefined;
    return found;
  }

  private async removeTag(arg: unknown): Promise<boolean> {
    const found = await this.writableTag(arg, 'remove');
    if (!found) return false;
    this.tags.removeTag(found.store, found.tag);
    return true;
  }

  private async retag(arg: unknown): Promise<TagInfo | undefined> {
    const found = await this.writableTag(arg, 'change');
    if (!found) return undefined;
    const { tag, store } = found;
    const given = arg && typeof arg === 'object' ? (arg as { themeId?: unknown }).themeId : undefined;
    const themeId = typeof given === 'string' ? given : await this.chooseTheme(store, l10n.t('Thai Policy Lens: Change Tag Theme'), tag.theme);
    if (themeId === undefined) return undefined;
    if (!this.describeTheme(store, themeId).known) {
      this.showError(l10n.t('Thai Policy Lens: there is no theme "{0}".', String(themeId)));
      return undefined;
    }
    return this.update(store, tag, { theme: themeId });
  }

  private async editNote(arg: unknown): Promise<TagInfo | undefined> {
    const found = await this.writableTag(arg, 'annotate');
    if (!found) return undefined;
    const { tag, store } = found;
    const given = arg && typeof arg === 'object' ? (arg as { note?: unknown }).note : undefined;
    const note =
      typeof given === 'string'
        ? given
        : await vscode.window.showInputBox({
            title: l10n.t('Thai Policy Lens: Note on the Tagged Passage'),
            prompt: `${this.describeTheme(store, tag.theme).title} — ${quoteForPrompt(tag.quote.exact)}`,
            value: tag.note ?? '',
            placeHolder: l10n.t('A note (empty: no note)'),
          });
    if (note === undefined) return undefined;
    return this.update(store, tag, { note });
  }

  /** Changes a tag (theme or note), if its store can still save. */
  private update(store: FolderTagStore, tag: StoredTag, change: Partial<Pick<StoredTag, 'theme' | 'note'>>): TagInfo | undefined {
    if (!this.writableStore(vscode.Uri.parse(this.tags.uriOf(tag, store)))) return undefined;
    return this.tags.updateTag(store, tag, change);
  }

  // -------------------------------------------------------------------------------------------
  // Hover

  private hover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const live = this.tags.documentOf(doc.uri);
    if (!live) return undefined;
    const ids = this.tags.tagsAt(live, doc.offsetAt(position));
    if (ids.length === 0) return undefined;
    const sections: string[] = [];
    let range: vscode.Range | undefined;
    let text: string | undefined;
    for (const id of ids) {
      const tag = live.store.get(id);
      const t = live.tags.get(id);
      if (!tag || !t) continue;
      range ??= new vscode.Range(doc.positionAt(t.start), doc.positionAt(t.end));
      sections.push(withPage(tagHoverMarkdown(tag, this.describeTheme(live.store, tag.theme).pathMarkdown), pageAt(text ??= doc.getText(), t.start, this.settings.for(doc.uri).pageMarker)));
    }
    if (sections.length === 0) return undefined;
    return new vscode.Hover(makeSafe(new vscode.MarkdownString(sections.join('\n\n---\n\n')), TAG_HOVER_COMMAND_IDS), range);
  }

  // -------------------------------------------------------------------------------------------
  // Decorations

  private resetDecorations(): void {
    this.decorations.resetTags();
    this.drawnRanges.clear();
    this.drawVisible();
  }

  private drawVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const live = this.tags.documentOf(editor.document.uri);
      if (live) this.draw(live);
    }
  }

  /** Draws the tags of a document in each editor showing it. */
  private draw(live: TaggedDocument): void {
    const byTheme = this.tags.rangesByTheme(live);
    const uri = live.doc.uri.toString();
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri);
    if (editors.length === 0) {
      this.drawnRanges.delete(uri);
      return;
    }
    const prefix = `${live.store.folder.uri.toString()}#`;
    for (const editor of editors) {
      for (const [key, type] of this.decorations.tagTypes) {
        if (key.startsWith(prefix) && !byTheme.has(key.slice(prefix.length))) editor.setDecorations(type, []);
      }
      for (const [themeId, spans] of byTheme) {
        const doc = editor.document;
        const type = this.decorations.tag(prefix + themeId, this.describeTheme(live.store, themeId).color);
        editor.setDecorations(
          type,
          spans.map(([s, e]) => new vscode.Range(doc.positionAt(s), doc.positionAt(e))),
        );
      }
    }
    this.drawnRanges.set(uri, Object.fromEntries(byTheme));
  }
}
