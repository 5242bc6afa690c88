/**
 * Highlights: glossary terms in their theme's colour, countries and dates in their own styles,
 * each with overview-ruler marks; per-category toggles (commands and settings) and a status-bar
 * item with the counts, which toggles them. Nothing is drawn (and the status bar says so) while
 * the glossaries load, at start-up or on a reload: the first highlights and counts have the
 * glossary's themes, never countries and dates alone.
 *
 * A large document (src/features/largeDocuments.ts) is drawn only around what is visible (the
 * lines on screen and a margin, drawn again when scrolling leaves it), with its overview ruler
 * summarised: the renderer then gets hundreds of decorations rather than tens of thousands.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { formatNumber, themeColor } from '../../core';
import type { Annotation } from '../../core';
import { Disposable } from '../disposable';
import { annotationKey } from '../../features/incrementalAnalysis';
import { annotationsWithin, largeDocumentTuning, overviewMarks, windowCovers } from '../../features/largeDocuments';
import { drawnSpan, lengthOf, lineSpan, type AnalysisService, type DocumentAnalysis } from '../services/analysisService';
import type { GlossaryService } from '../services/glossaryService';
import type { HighlightCategory, Settings } from '../services/settings';
import type { Decorations } from '../ui/decorations';

const CATEGORIES: HighlightCategory[] = ['themes', 'countries', 'dates'];
/** How long after the last edit a large document's overview-ruler summary is drawn again. */
const RULER_DELAY_MS = 500;

/** Whether the highlights of a decoration key are shown. */
function shownKey(show: Record<HighlightCategory, boolean>, key: string): boolean {
  return key === 'country' ? show.countries : key === 'date' ? show.dates : show.themes;
}

/** What was last drawn in an editor: the annotations and which categories were shown. */
export interface AppliedHighlights {
  uri: string;
  version: number;
  annotations: readonly Annotation[];
  show: Record<HighlightCategory, boolean>;
  /** when the decorations were set (performance.now() of the extension host) */
  appliedAt: number;
  /** milliseconds from the edit to the decorations being set, for the last update after an edit */
  editToHighlightMs?: number;
  analysisMs: number;
  incremental: boolean;
  /** how many ranges the last update sent to the editor */
  rangesSent: number;
  /** for a large document: the lines drawn (the rest has overview-ruler marks only) */
  drawnLines?: [number, number];
  /** drawn from the lines on screen alone, while the rest of a large document is analysed */
  partial?: boolean;
}

export class Highlights extends Disposable {
  private readonly status = vscode.window.createStatusBarItem('thaiPolicyLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly applied = new Map<string, AppliedHighlights>();
  private readonly editTimes = new Map<string, number>();
  /** per editor: which document and categories its decorations show */
  private readonly drawn = new WeakMap<vscode.TextEditor, { uri: string; show: Record<HighlightCategory, boolean> }>();
  /** per editor of a large document: the lines drawn, and the analysis they were drawn from */
  private statusTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly windows = new WeakMap<vscode.TextEditor, { lines: [number, number]; result: DocumentAnalysis }>();
  /** per editor of a large document: its overview-ruler summary as last sent (offsets by key, joined), and the timer that redraws it after edits */
  private readonly rulers = new WeakMap<vscode.TextEditor, { sent: Map<string, string>; timer?: ReturnType<typeof setTimeout> }>();

  constructor(
    private readonly analysis: AnalysisService,
    private readonly glossaries: GlossaryService,
    private readonly settings: Settings,
    private readonly decorations: Decorations,
  ) {
    super();
    this.status.name = 'Thai Policy Lens';
    this.status.command = 'thaiPolicyLens.toggleHighlights';
    this.registerAll(
      this.status,
      vscode.commands.registerCommand('thaiPolicyLens.toggleHighlights', () => this.toggleAll()),
      vscode.commands.registerCommand('thaiPolicyLens.toggleThemes', () => this.toggle('themes')),
      vscode.commands.registerCommand('thaiPolicyLens.toggleCountries', () => this.toggle('countries')),
      vscode.commands.registerCommand('thaiPolicyLens.toggleDates', () => this.toggle('dates')),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshVisible()),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.followScroll(e.textEditor)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && !this.editTimes.has(e.document.uri.toString())) this.editTimes.set(e.document.uri.toString(), performance.now());
      }),
      analysis.onDidChange((result) => {
        for (const editor of vscode.window.visibleTextEditors) {
          if (editor.document.uri.toString() === result.uri.toString()) this.apply(editor, result);
        }
      }),
      // a large document's lines on screen, analysed before the rest of it
      analysis.onDidAnalyzeVisible((part) => {
        for (const editor of vscode.window.visibleTextEditors) {
          if (editor.document.uri.toString() === part.uri.toString()) this.apply(editor, part, true);
        }
      }),
      glossaries.onDidChange(() => this.resetThemeTypes()),
      // what was left undrawn while the glossaries loaded (a load may change nothing, and fire no change)
      glossaries.onDidLoad(() => this.refreshVisible()),
      settings.onDidChange((e) => {
        if (e.affects('highlight', 'languages')) this.refreshVisible();
      }),
    );
    this.refreshVisible();
  }

  /** Whether a category is shown (setting). */
  enabled(category: HighlightCategory): boolean {
    return this.settings.highlight(category);
  }

  async toggle(category: HighlightCategory): Promise<boolean> {
    const value = !this.enabled(category);
    await this.settings.setHighlight(category, value);
    this.refreshVisible();
    return value;
  }

  /** Turns every category off when any is on, otherwise all on. */
  async toggleAll(): Promise<boolean> {
    const value = !CATEGORIES.some((c) => this.enabled(c));
    for (const c of CATEGORIES) await this.settings.setHighlight(c, value);
    this.refreshVisible();
    return value;
  }

  /** What was last drawn in the editor of `uri`. */
  appliedTo(uri: vscode.Uri): AppliedHighlights | undefined {
    return this.applied.get(uri.toString());
  }

  /** The ranges (offsets) last drawn in the editor of `uri`, by decoration key. */
  rangesOf(uri: vscode.Uri): Map<string, Array<[number, number]>> | undefined {
    const applied = this.applied.get(uri.toString());
    if (!applied) return undefined;
    const ranges = new Map<string, Array<[number, number]>>();
    for (const a of applied.annotations) {
      if (a.kind === 'term' ? !applied.show.themes : a.kind === 'country' ? !applied.show.countries : !applied.show.dates) continue;
      const k = annotationKey(a);
      let list = ranges.get(k);
      if (!list) ranges.set(k, (list = []));
      list.push([a.start, a.end]);
    }
    return ranges;
  }

  refreshVisible(): void {
    if (this.glossaries.loadingAll) {
      this.updateStatus(); // the editors are drawn when the glossaries are loaded
      return;
    }
    for (const editor of vscode.window.visibleTextEditors) {
      if (!this.analysis.isEnabledFor(editor.document)) this.clear(editor);
      else {
        const result = this.analysis.request(editor.document); // a large document: drawn when its analysis is done
        if (result) this.apply(editor, result);
      }
    }
    this.updateStatus();
  }

  private themeType(themeId: string): vscode.TextEditorDecorationType {
    return this.decorations.theme(themeId, this.themeColorOf(`theme:${themeId}`));
  }

  private resetThemeTypes(): void {
    this.decorations.resetThemes();
    this.refreshVisible(); // new colours, and decorations of disposed types are gone
  }

  private clear(editor: vscode.TextEditor): void {
    for (const type of this.decorations.themeTypes.values()) editor.setDecorations(type, []);
    editor.setDecorations(this.decorations.country, []);
    editor.setDecorations(this.decorations.date, []);
    this.clearRuler(editor);
    this.drawn.delete(editor);
    this.windows.delete(editor);
    this.applied.delete(editor.document.uri.toString());
  }

  /**
   * Draws a document's annotations. After an incremental analysis only the decoration keys whose
   * annotations changed are sent again: VS Code moves the other decorations with the edit itself
   * (their ranges are ClosedClosed, so typing next to one does not stretch it).
   */
  private apply(editor: vscode.TextEditor, result: DocumentAnalysis, partial = false): void {
    const doc = editor.document;
    if (result.version !== doc.version) return;
    if (this.glossaries.loadingAll) {
      if (editor === vscode.window.activeTextEditor) this.updateStatus();
      return; // drawn when the glossaries are loaded (onDidLoad)
    }
    const key = doc.uri.toString();
    const show = { themes: this.enabled('themes'), countries: this.enabled('countries'), dates: this.enabled('dates') };
    const previous = this.drawn.get(editor);
    const sameView = previous && previous.show.themes === show.themes && previous.show.countries === show.countries && previous.show.dates === show.dates && previous.uri === key;
    const only = sameView && result.incremental && result.changedKeys ? result.changedKeys : undefined;
    const windowed = lengthOf(doc) > largeDocumentTuning.windowedDecorationChars;
    const byKey = windowed ? this.windowRanges(editor, result, show, only) : this.allRanges(doc, result, show, only);
    let rangesSent = 0;
    if (only) {
      for (const k of only) this.typeFor(k).forEach((type) => editor.setDecorations(type, byKey.get(k) ?? []));
      for (const k of only) rangesSent += byKey.get(k)?.length ?? 0;
    } else {
      for (const ranges of byKey.values()) rangesSent += ranges.length;
      for (const [id, type] of this.decorations.themeTypes) if (!byKey.has(`theme:${id}`)) editor.setDecorations(type, []);
      for (const [k, ranges] of byKey) if (k.startsWith('theme:')) editor.setDecorations(this.themeType(k.slice(6)), ranges);
      editor.setDecorations(this.decorations.country, byKey.get('country') ?? []);
      editor.setDecorations(this.decorations.date, byKey.get('date') ?? []);
    }
    if (!windowed) this.clearRuler(editor);
    else if (!only) rangesSent += this.drawRuler(editor, result, show, true);
    else this.scheduleRuler(editor, show);
    this.drawn.set(editor, { uri: key, show });
    const editStarted = this.editTimes.get(key);
    this.editTimes.delete(key);
    const appliedAt = performance.now();
    this.applied.set(key, {
      uri: key,
      version: doc.version,
      annotations: result.annotations,
      show,
      analysisMs: result.millis,
      incremental: result.incremental,
      rangesSent,
      drawnLines: windowed ? this.windows.get(editor)?.lines : undefined,
      appliedAt,
      ...(partial ? { partial } : {}),
      editToHighlightMs: editStarted !== undefined ? appliedAt - editStarted : undefined,
    });
    if (editor !== vscode.window.activeTextEditor) return;
    // counting a large document's annotations on every keystroke would cost more than drawing
    // them: they are counted once typing pauses
    if (result.annotations.length < 20_000) this.updateStatus();
    else {
      if (this.statusTimer) clearTimeout(this.statusTimer);
      this.statusTimer = setTimeout(() => {
        this.statusTimer = undefined;
        this.updateStatus();
      }, 300);
    }
  }

  /** The ranges of every annotation shown (of the keys in `only`, if given), by decoration key. */
  private allRanges(doc: vscode.TextDocument, result: DocumentAnalysis, show: Record<HighlightCategory, boolean>, only: Set<string> | undefined): Map<string, vscode.Range[]> {
    const byKey = new Map<string, vscode.Range[]>();
    const onlyThemes = only && new Set([...only].filter((k) => k.startsWith('theme:')).map((k) => k.slice(6)));
    for (const a of result.annotations) {
      if (a.kind === 'term' ? !show.themes || (onlyThemes && !onlyThemes.has(a.theme)) : a.kind === 'country' ? !show.countries || (only && !only.has('country')) : !show.dates || (only && !only.has('date'))) continue;
      const k = annotationKey(a);
      let list = byKey.get(k);
      if (!list) byKey.set(k, (list = []));
      list.push(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)));
    }
    return byKey;
  }

  /**
   * The ranges of a large document's editor (of the keys in `only`, if given): the annotations
   * shown on the lines visible and a margin (the rest of the document: `drawRuler`).
   */
  private windowRanges(editor: vscode.TextEditor, result: DocumentAnalysis, show: Record<HighlightCategory, boolean>, only: Set<string> | undefined): Map<string, vscode.Range[]> {
    const doc = editor.document;
    const { lines, start, end } = drawnSpan(editor);
    const byKey = new Map<string, vscode.Range[]>();
    for (const a of annotationsWithin(result.annotations, start, end)) {
      const k = annotationKey(a);
      if (!shownKey(show, k) || (only && !only.has(k))) continue;
      let list = byKey.get(k);
      if (!list) byKey.set(k, (list = []));
      list.push(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)));
    }
    this.windows.set(editor, { lines, result });
    return byKey;
  }

  /**
   * A large document's overview ruler outside the lines drawn: empty ranges that mark it once a
   * stretch per key, in types of their own (`Decorations.ruler`). Unless `all`, only the keys
   * whose marks changed are sent: after an edit the renderer moves the marks itself, and redraws
   * the ruler only when a type that marks it changes.
   */
  private drawRuler(editor: vscode.TextEditor, result: DocumentAnalysis, show: Record<HighlightCategory, boolean>, all: boolean): number {
    const doc = editor.document;
    const state = this.rulerOf(editor);
    const drawn = this.windows.get(editor)?.lines;
    if (!drawn || result.version !== doc.version) return 0;
    let sent = 0;
    const { start, end } = lineSpan(doc, drawn);
    const marks = overviewMarks(result.annotations, lengthOf(doc), start, end);
    for (const k of [...marks.keys()]) if (!shownKey(show, k)) marks.delete(k);
    for (const k of state.sent.keys()) if (!marks.has(k)) marks.set(k, []);
    for (const [k, offsets] of marks) {
      const joined = offsets.join(',');
      if (!all && state.sent.get(k) === joined) continue;
      editor.setDecorations(this.decorations.ruler(k, this.themeColorOf(k)), offsets.map((offset) => {
        const at = doc.positionAt(offset);
        return new vscode.Range(at, at);
      }));
      sent += offsets.length;
      if (offsets.length) state.sent.set(k, joined);
      else state.sent.delete(k);
    }
    return sent;
  }

  /** Redraws a large document's overview ruler once edits pause (they only move its marks meanwhile). */
  private scheduleRuler(editor: vscode.TextEditor, show: Record<HighlightCategory, boolean>): void {
    const state = this.rulerOf(editor);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      const current = this.analysis.peek(editor.document);
      if (current && vscode.window.visibleTextEditors.includes(editor)) this.drawRuler(editor, current, show, false);
    }, RULER_DELAY_MS);
  }

  /** The overview-ruler state of a large document's editor (made the first time), its pending redraw cancelled. */
  private rulerOf(editor: vscode.TextEditor): { sent: Map<string, string>; timer?: ReturnType<typeof setTimeout> } {
    let state = this.rulers.get(editor);
    if (!state) this.rulers.set(editor, (state = { sent: new Map<string, string>() }));
    if (state.timer) clearTimeout(state.timer);
    state.timer = undefined;
    return state;
  }

  private clearRuler(editor: vscode.TextEditor): void {
    const state = this.rulers.get(editor);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    for (const k of state.sent.keys()) editor.setDecorations(this.decorations.ruler(k, this.themeColorOf(k)), []);
    this.rulers.delete(editor);
  }

  /** The colour of a theme's key (unused for countries and dates, whose colours are the theme's). */
  private themeColorOf(key: string): string {
    const theme = key.startsWith('theme:') ? this.glossaries.set.theme(key.slice(6)) : undefined;
    return theme ? themeColor(theme) : '#888888';
  }

  /** Draws a large document's editor again when scrolling leaves the lines drawn. */
  private followScroll(editor: vscode.TextEditor): void {
    const drawn = this.windows.get(editor);
    if (!drawn || drawn.result.version !== editor.document.version) return;
    const visible = editor.visibleRanges.map((r): [number, number] => [r.start.line, r.end.line]);
    if (windowCovers(drawn.lines, visible, editor.document.lineCount)) return;
    this.drawn.delete(editor); // everything again, not only what an edit changed
    this.apply(editor, drawn.result);
  }

  private typeFor(key: string): vscode.TextEditorDecorationType[] {
    if (key === 'country') return [this.decorations.country];
    if (key === 'date') return [this.decorations.date];
    return [this.themeType(key.slice(6))];
  }

  private updateStatus(): void {
    const editor = vscode.window.activeTextEditor;
    const active = !!editor && this.analysis.isEnabledFor(editor.document);
    void vscode.commands.executeCommand('setContext', 'thaiPolicyLens.active', active);
    if (!editor || !active) {
      this.status.hide();
      return;
    }
    if (this.glossaries.loadingAll) {
      this.status.text = '$(sync~spin) Thai Policy Lens';
      this.status.tooltip = l10n.t('Thai Policy Lens: loading the glossaries…');
      this.status.show();
      return;
    }
    const result = this.analysis.peek(editor.document) ?? this.analysis.request(editor.document);
    if (!result) {
      this.status.text = '$(sync~spin) Thai Policy Lens';
      this.status.tooltip = l10n.t('Thai Policy Lens: analysing this large document…');
      this.status.show();
      return;
    }
    if (result.skipped) {
      const mb = (n: number) => (n / 1_000_000).toFixed(1);
      this.status.text = `$(warning) ${l10n.t('Thai Policy Lens: not analysed')}`;
      this.status.tooltip = l10n.t('This document has {0} M characters, over the limit of {1} M (setting thaiPolicyLens.maxFileSize), so it is not analysed.', mb(result.skipped.size), mb(result.skipped.limit));
      this.status.show();
      return;
    }
    const counts = { term: 0, country: 0, date: 0 };
    for (const a of result.annotations) counts[a.kind]++;
    const count = (c: HighlightCategory, n: number) => (this.enabled(c) ? formatNumber(n) : l10n.t('{0} (off)', formatNumber(n)));
    this.status.text = `$(symbol-color) ${counts.term} $(globe) ${counts.country} $(calendar) ${counts.date}`;
    this.status.tooltip = new vscode.MarkdownString(
      [
        '**Thai Policy Lens**',
        [l10n.t('- Theme terms: {0}', count('themes', counts.term)), l10n.t('- Countries: {0}', count('countries', counts.country)), l10n.t('- Dates: {0}', count('dates', counts.date))].join('\n'),
        CATEGORIES.some((c) => this.enabled(c)) ? l10n.t('Click to turn the highlights off.') : l10n.t('Click to turn the highlights on.'),
      ].join('\n\n'),
    );
    this.status.show();
  }

  override dispose(): void {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    super.dispose();
  }

  /** The status bar text, for tests. */
  get statusText(): string {
    return this.status.text;
  }
}
