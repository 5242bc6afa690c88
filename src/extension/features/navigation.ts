/**
 * Jumping between themes:
 * - Next/Previous Occurrence of Theme: moves the selection to the next or previous term of a
 *   theme (its sub-themes included), wrapping around; in workspace scope it goes on to the next
 *   document (in path order) that has one.
 * - Go to Theme... and Search Glossary...: a quick pick ranked by fuse.js (glossarySearch.ts);
 *   the choice is revealed in the theme tree and its first occurrence selected.
 * - Open Glossary Entry: the glossary file at the term's (or theme's) line and column; a built-in
 *   glossary file read-only, with an offer to copy it into the workspace (builtinGlossary.ts).
 *
 * Every command also takes an argument that skips the UI (a theme id, a query) and returns
 * what it did as plain data, for the tests and for other commands.
 */
import * as l10n from '@vscode/l10n';
import { formatNumber, oneLine } from '../../core';
import * as vscode from 'vscode';
import type { GlossaryTheme } from '../../core';
import { Disposable } from '../disposable';
import type { Annotation, TermAnnotation } from '../../core';
import type { FeatureContext } from '../featureContext';
import type { BuiltinGlossary } from './builtinGlossary';
import { searchGlossary, searchThemes, themeTitle, type GlossaryMatch } from '../../features/glossarySearch';
import { escapeIcons } from '../../features/markdown';
import { annotationAt, occurrencesOf, step, themeFamily, themeToWalk, type Direction, type LastJump } from '../../features/occurrences';

export { searchGlossary, searchThemes } from '../../features/glossarySearch';
export type { GlossaryMatch } from '../../features/glossarySearch';

const SHOW_IN_TREE = 'thaiPolicyLens.showInTree';
const STATUS_MS = 5000;
const PICK_DEBOUNCE_MS = 60;

/** What a jump did: where the selection went, or why it did not move. */
export interface JumpResult {
  /** the theme walked ('' for a country) */
  themeId: string;
  /** set when the jump was to a country (Go to Theme or Search Glossary on a country) */
  country?: string;
  /** set when the jump was to one canonical term (Search Glossary on a term) */
  term?: string;
  /** the document and the offsets selected; absent when nothing was found */
  uri?: string;
  start?: number;
  end?: number;
  /** 0-based position among the occurrences of the document, and how many there are */
  index?: number;
  total?: number;
  /** true when the step went past the last (first) occurrence and came round */
  wrapped: boolean;
  /** the message shown to the user */
  message: string;
}

/** What Open Glossary Entry opened. */
export interface OpenedEntry {
  uri: string;
  /** 0-based, as in vscode.Position */
  line: number;
  character: number;
}

/** A theme and maybe one of its terms, as the commands are given them. */
interface EntryArgs {
  themeId?: string;
  term?: string;
}

/**
 * Reads `{ themeId, term? }` (the hover's links), a bare theme id, or a theme-tree item
 * (`{ theme: GlossaryTheme }` or `{ term: GlossaryTerm }`, from the tree's context menu).
 */
function readArgs(arg: unknown): EntryArgs {
  if (typeof arg === 'string') return { themeId: arg };
  if (!arg || typeof arg !== 'object') return {};
  const o = arg as Record<string, unknown>;
  if (typeof o.themeId === 'string') return typeof o.term === 'string' ? { themeId: o.themeId, term: o.term } : { themeId: o.themeId };
  const term = o.term as Record<string, unknown> | undefined;
  if (term && typeof term === 'object' && typeof term.term === 'string' && typeof term.theme === 'string') return { themeId: term.theme, term: term.term };
  const theme = o.theme as Record<string, unknown> | undefined;
  if (theme && typeof theme === 'object' && typeof theme.id === 'string') return { themeId: theme.id };
  return {};
}

interface MatchItem extends vscode.QuickPickItem {
  match: GlossaryMatch;
}

function toItem(match: GlossaryMatch): MatchItem {
  // The icon is ours; the text is the glossary's, so icon syntax in it is escaped.
  const icon = match.kind === 'theme' ? '$(symbol-namespace)' : match.kind === 'country' ? '$(globe)' : '$(tag)';
  const text = match.kind === 'theme' ? themeTitle(match) : `${match.label}${match.labelEn ? ` — ${match.labelEn}` : ''}`;
  const item: MatchItem = { match, label: `${icon} ${escapeIcons(text)}`, alwaysShow: true };
  if (match.path) item.description = escapeIcons(match.path);
  if (match.gloss) item.detail = escapeIcons(oneLine(match.gloss, 160));
  return item;
}

/** Next / Previous Occurrence of Theme, Go to Theme..., Search Glossary..., Open Glossary Entry. */
export class Navigation extends Disposable {
  private status?: vscode.Disposable;
  /** what the last Next / Previous Occurrence selected: its theme is kept until the selection moves */
  private lastJump: LastJump | undefined;

  constructor(
    private readonly ctx: FeatureContext,
    private readonly builtin: BuiltinGlossary,
  ) {
    super();
    this.registerAll(
      vscode.commands.registerCommand('thaiPolicyLens.nextOccurrence', (arg?: unknown) => this.occurrence('next', arg)),
      vscode.commands.registerCommand('thaiPolicyLens.previousOccurrence', (arg?: unknown) => this.occurrence('previous', arg)),
      vscode.commands.registerCommand('thaiPolicyLens.goToTheme', (arg?: unknown) => this.goToTheme(arg)),
      vscode.commands.registerCommand('thaiPolicyLens.searchGlossary', (arg?: unknown) => this.searchGlossary(arg)),
      vscode.commands.registerCommand('thaiPolicyLens.openGlossaryEntry', (arg?: unknown) => this.openGlossaryEntry(arg)),
    );
  }

  /** Shows a transient status-bar message (replacing the previous one). */
  private say(text: string): void {
    this.status?.dispose();
    this.status = vscode.window.setStatusBarMessage(text, STATUS_MS);
  }

  /** A message the user should not miss (nothing found). */
  private tell(text: string): void {
    this.say(text);
    void vscode.window.showInformationMessage(text);
  }

  override dispose(): void {
    this.status?.dispose();
    super.dispose();
  }

  private get set() {
    return this.ctx.glossaries.set;
  }

  private themeName(theme: GlossaryTheme): string {
    return `«${themeTitle(theme)}»`;
  }

  /** The term annotation at the cursor of the active editor (a cursor at its end counts). */
  private termAtCursor(): TermAnnotation | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.ctx.analysis.isEnabledFor(editor.document)) return undefined;
    const annotations = this.ctx.analysis.get(editor.document).annotations;
    const a = annotationAt(annotations, editor.document.offsetAt(editor.selection.active), true);
    return a?.kind === 'term' ? a : undefined;
  }

  /** A quick pick filtered and ranked by Fuse as the user types; resolves to the choice. */
  pick(title: string, placeholder: string, search: (query: string) => GlossaryMatch[]): Promise<GlossaryMatch | undefined> {
    const qp = vscode.window.createQuickPick<MatchItem>();
    qp.title = title;
    qp.placeholder = placeholder;
    qp.matchOnDescription = false;
    qp.matchOnDetail = false;
    // Keep Fuse's order (not part of the typed API in every VS Code version; ignored where absent).
    (qp as unknown as { sortByLabel: boolean }).sortByLabel = false;
    const update = () => {
      qp.items = search(qp.value).map(toItem);
    };
    // Ranking a large glossary takes tens of milliseconds: while the user types, rank only
    // the value they pause on.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const scheduleUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        update();
      }, PICK_DEBOUNCE_MS);
    };
    update();
    return new Promise((resolve) => {
      let chosen: GlossaryMatch | undefined;
      const subscriptions = [
        qp.onDidChangeValue(scheduleUpdate),
        qp.onDidAccept(() => {
          if (timer) {
            // accepted before the ranking caught up with the value: rank it now
            clearTimeout(timer);
            timer = undefined;
            chosen = search(qp.value)[0];
            qp.hide();
            return;
          }
          chosen = qp.selectedItems[0]?.match ?? qp.activeItems[0]?.match;
          qp.hide();
        }),
        qp.onDidHide(() => {
          if (timer) clearTimeout(timer);
          for (const s of subscriptions) s.dispose();
          qp.dispose();
          resolve(chosen);
        }),
      ];
      qp.show();
    });
  }

  private pickTheme(title = l10n.t('Thai Policy Lens: Go to Theme'), withCountries = true): Promise<GlossaryMatch | undefined> {
    const placeholder = withCountries ? l10n.t('Theme (Thai or English label, term, alias or gloss) or country') : l10n.t('Theme (Thai or English label, term, alias or gloss)');
    return this.pick(title, placeholder, (q) => searchThemes(this.set, q, undefined, undefined, { countries: withCountries }));
  }

  // -------------------------------------------------------------------------------------
  // Next / previous occurrence

  /** The theme to walk without an argument: the last jump's while its selection stays, else the term at the cursor's. */
  private themeAtCursor(): string | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.ctx.analysis.isEnabledFor(editor.document)) return undefined;
    const doc = editor.document;
    const selection = { uri: doc.uri.toString(), start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end), active: doc.offsetAt(editor.selection.active) };
    return themeToWalk(undefined, this.lastJump, selection, this.ctx.analysis.get(doc).annotations);
  }

  async occurrence(direction: Direction, arg?: unknown): Promise<JumpResult | undefined> {
    let themeId = readArgs(arg).themeId ?? this.themeAtCursor();
    if (!themeId) themeId = (await this.pickTheme(direction === 'next' ? l10n.t('Thai Policy Lens: Next Occurrence of Theme') : l10n.t('Thai Policy Lens: Previous Occurrence of Theme'), false))?.themeId;
    if (!themeId) return undefined;
    const theme = this.set.theme(themeId);
    if (!theme) {
      const message = l10n.t('Thai Policy Lens: no theme "{0}" in the glossaries.', themeId);
      this.tell(message);
      return { themeId, wrapped: false, message };
    }
    const family = themeFamily(this.set, themeId);
    const workspaceScope = this.ctx.settings.treeScope === 'workspace';
    const editor = vscode.window.activeTextEditor;
    if (editor && this.ctx.analysis.isEnabledFor(editor.document)) {
      const doc = editor.document;
      const found = occurrencesOf(this.ctx.analysis.get(doc).annotations, family);
      const s = step(found, doc.offsetAt(editor.selection.start), direction);
      if (s && !s.wrapped) return this.select(editor, theme, found, s.index, false, direction);
      if (workspaceScope) {
        const elsewhere = await this.otherDocument(direction, family, theme, doc.uri);
        if (elsewhere) return elsewhere;
      }
      if (s) return this.select(editor, theme, found, s.index, true, direction);
      const message = workspaceScope ? l10n.t('Thai Policy Lens: {0} does not occur in the workspace.', this.themeName(theme)) : l10n.t('Thai Policy Lens: {0} does not occur in this document.', this.themeName(theme));
      this.tell(message);
      return { themeId, wrapped: false, message };
    }
    if (workspaceScope) {
      const elsewhere = await this.otherDocument(direction, family, theme, undefined);
      if (elsewhere) return elsewhere;
    }
    const message = workspaceScope
      ? l10n.t('Thai Policy Lens: {0} does not occur in the workspace.', this.themeName(theme))
      : l10n.t('Thai Policy Lens: open a document to move between occurrences.');
    this.tell(message);
    return { themeId, wrapped: false, message };
  }

  /**
   * In workspace scope, past the last (first) occurrence of the current document: the first
   * (last) occurrence of the next (previous) document in path order that has one, coming round
   * after the last document. Undefined when no other document has one.
   */
  private async otherDocument(direction: Direction, family: Set<string>, theme: GlossaryTheme, current: vscode.Uri | undefined): Promise<JumpResult | undefined> {
    const currentKey = current?.toString();
    await this.ctx.index.start(); // a jump across files asks for the index
    const candidates = this.ctx.index
      .documents()
      .filter((d) => d.uri.toString() !== currentKey && d.hasAnnotation((a) => a.kind === 'term' && family.has(a.theme)))
      .sort((a, b) => comparePaths(a.uri, b.uri));
    if (candidates.length === 0) return undefined;
    let target: (typeof candidates)[number];
    let wrapped = false;
    if (!current) target = direction === 'next' ? candidates[0] : candidates[candidates.length - 1];
    else if (direction === 'next') {
      const after = candidates.find((d) => comparePaths(d.uri, current) > 0);
      wrapped = !after;
      target = after ?? candidates[0];
    } else {
      const before = [...candidates].reverse().find((d) => comparePaths(d.uri, current) < 0);
      wrapped = !before;
      target = before ?? candidates[candidates.length - 1];
    }
    const doc = await vscode.workspace.openTextDocument(target.uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const annotations: readonly Annotation[] = this.ctx.analysis.isEnabledFor(doc) ? this.ctx.analysis.get(doc).annotations : target.annotations;
    const found = occurrencesOf(annotations, family);
    if (found.length === 0) return undefined;
    return this.select(editor, theme, found, direction === 'next' ? 0 : found.length - 1, wrapped, direction);
  }

  /** Selects one occurrence, reveals it in the centre and says where it is. */
  private select(editor: vscode.TextEditor, theme: GlossaryTheme, found: readonly TermAnnotation[], index: number, wrapped: boolean, direction: Direction, term?: string): JumpResult {
    const a = found[index];
    const doc = editor.document;
    const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    this.lastJump = { uri: doc.uri.toString(), themeId: theme.id, start: a.start, end: a.end };
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
    const what = term ? `«${term}»` : this.themeName(theme);
    const [n, total, file] = [formatNumber(index + 1), formatNumber(found.length), fileName(doc.uri)];
    const message = !wrapped
      ? l10n.t('Thai Policy Lens: {0} {1} of {2} in {3}', what, n, total, file)
      : direction === 'next'
        ? l10n.t('Thai Policy Lens: {0} {1} of {2} in {3} (wrapped around to the start)', what, n, total, file)
        : l10n.t('Thai Policy Lens: {0} {1} of {2} in {3} (wrapped around to the end)', what, n, total, file);
    this.say(message);
    const result: JumpResult = { themeId: theme.id, uri: doc.uri.toString(), start: a.start, end: a.end, index, total: found.length, wrapped, message };
    if (term) result.term = term;
    return result;
  }

  // -------------------------------------------------------------------------------------
  // Go to theme / search glossary

  /**
   * Go to Theme: with a theme id or a query, that theme (the best match); without, a quick
   * pick. Reveals it in the tree and selects its first occurrence in the active document.
   */
  async goToTheme(arg?: unknown): Promise<JumpResult | undefined> {
    let match: GlossaryMatch | undefined;
    if (typeof arg === 'string') {
      const theme = this.set.theme(arg);
      match = theme ? { kind: 'theme', themeId: theme.id, label: theme.label, path: '', score: 0 } : searchThemes(this.set, arg, 1, [], { countries: true })[0];
      if (!match) return this.noMatch(arg);
    } else match = await this.pickTheme();
    return match ? this.goTo(match) : undefined;
  }

  /** Search Glossary: with a query, its best match; without, a quick pick of terms and themes. */
  async searchGlossary(arg?: unknown): Promise<JumpResult | undefined> {
    let match: GlossaryMatch | undefined;
    if (typeof arg === 'string') {
      match = searchGlossary(this.set, arg, 1, { countries: true })[0];
      if (!match) return this.noMatch(arg);
    } else {
      match = await this.pick(l10n.t('Thai Policy Lens: Search Glossary'), l10n.t('Term, theme or country (Thai or English, alias or gloss)'), (q) => searchGlossary(this.set, q, undefined, { countries: true }));
    }
    return match ? this.goTo(match) : undefined;
  }

  private noMatch(query: string): JumpResult {
    const message = l10n.t('Thai Policy Lens: nothing in the glossaries matches "{0}".', query);
    this.tell(message);
    return { themeId: '', wrapped: false, message };
  }

  /** Reveals the theme (or country) in the tree and selects the first occurrence of the theme, term or country. */
  private async goTo(match: GlossaryMatch): Promise<JumpResult> {
    if (match.kind === 'country' && match.country) return this.goToCountry(match.country, match.label);
    const theme = this.set.theme(match.themeId);
    if (!theme) return { themeId: match.themeId, wrapped: false, message: l10n.t('no theme "{0}"', match.themeId) };
    await vscode.commands.executeCommand(SHOW_IN_TREE, theme.id).then(undefined, () => undefined); // not registered yet: ignore
    const editor = vscode.window.activeTextEditor;
    const what = match.term !== undefined ? `«${match.term}»` : this.themeName(theme);
    if (!editor || !this.ctx.analysis.isEnabledFor(editor.document)) {
      const message = l10n.t('Thai Policy Lens: open a document to find {0}.', what);
      this.tell(message);
      return { themeId: theme.id, ...(match.term !== undefined ? { term: match.term } : {}), wrapped: false, message };
    }
    const annotations = this.ctx.analysis.get(editor.document).annotations;
    const found = match.term !== undefined ? occurrencesOf(annotations, new Set([theme.id]), match.term) : occurrencesOf(annotations, themeFamily(this.set, theme.id));
    if (found.length === 0) {
      const message = l10n.t('Thai Policy Lens: {0} does not occur in {1}.', what, fileName(editor.document.uri));
      this.tell(message);
      return { themeId: theme.id, ...(match.term !== undefined ? { term: match.term } : {}), wrapped: false, message };
    }
    return this.select(editor, theme, found, 0, false, 'next', match.term);
  }

  /** Reveals a country in the tree and selects its first mention in the active document. */
  private async goToCountry(code: string, name: string): Promise<JumpResult> {
    await vscode.commands.executeCommand(SHOW_IN_TREE, { country: code }).then(undefined, () => undefined);
    const editor = vscode.window.activeTextEditor;
    const what = `«${name}»`;
    if (!editor || !this.ctx.analysis.isEnabledFor(editor.document)) {
      const message = l10n.t('Thai Policy Lens: open a document to find {0}.', what);
      this.tell(message);
      return { themeId: '', country: code, wrapped: false, message };
    }
    const doc = editor.document;
    const found = this.ctx.analysis.get(doc).annotations.filter((a) => a.kind === 'country' && a.country === code);
    if (found.length === 0) {
      const message = l10n.t('Thai Policy Lens: {0} is not mentioned in {1}.', what, fileName(doc.uri));
      this.tell(message);
      return { themeId: '', country: code, wrapped: false, message };
    }
    const a = found[0];
    const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
    const message = l10n.t('Thai Policy Lens: {0} {1} of {2} in {3}', what, formatNumber(1), formatNumber(found.length), fileName(doc.uri));
    this.say(message);
    return { themeId: '', country: code, uri: doc.uri.toString(), start: a.start, end: a.end, index: 0, total: found.length, wrapped: false, message };
  }

  // -------------------------------------------------------------------------------------
  // Open glossary entry

  /** Opens the glossary file at a term (or theme); without an argument, the term at the cursor. */
  async openGlossaryEntry(arg?: unknown): Promise<OpenedEntry | undefined> {
    let { themeId, term } = readArgs(arg);
    if (!themeId) {
      const atCursor = this.termAtCursor();
      if (atCursor) ({ theme: themeId, term } = atCursor);
      else {
        const picked = await this.pick(l10n.t('Thai Policy Lens: Open Glossary Entry'), l10n.t('Term or theme to open in its glossary file'), (q) => searchGlossary(this.set, q));
        if (!picked) return undefined;
        ({ themeId, term } = picked);
      }
    }
    const theme = this.set.theme(themeId);
    if (!theme) {
      this.tell(l10n.t('Thai Policy Lens: no theme "{0}" in the glossaries.', themeId));
      return undefined;
    }
    const entry = term !== undefined ? this.ctx.glossaries.findTerm(themeId, term) : undefined;
    const location = entry ? this.ctx.glossaries.termLocation(entry) : this.ctx.glossaries.themeLocation(theme);
    const pos = location.range.start;
    // the built-in glossary opens read-only (an update replaces it), with an offer to copy it
    const readOnly = this.builtin.readOnlyUri(location.uri.toString());
    const uri = readOnly ?? location.uri;
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), preview: false });
    if (readOnly) this.builtin.offerCopies(theme.id);
    return { uri: uri.toString(), line: pos.line, character: pos.character };
  }
}

/** Orders documents by path (then by the whole URI, for equal paths in other schemes). */
function comparePaths(a: vscode.Uri, b: vscode.Uri): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  const as = a.toString();
  const bs = b.toString();
  return as === bs ? 0 : as < bs ? -1 : 1;
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}
