/**
 * Highlights: glossary terms in their theme's colour, countries and dates in their own styles,
 * each with overview-ruler marks; per-category toggles (commands and settings) and a status-bar
 * item with the counts, which toggles them. Nothing is drawn (and the status bar says so) while
 * the glossaries load, at start-up or on a reload: the first highlights and counts have the
 * glossary's themes, never countries and dates alone.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { formatNumber, themeColor } from '../../core';
import type { Annotation } from '../../core';
import { Disposable } from '../disposable';
import { annotationKey } from '../../features/incrementalAnalysis';
import type { AnalysisService, DocumentAnalysis } from '../services/analysisService';
import type { GlossaryService } from '../services/glossaryService';
import type { HighlightCategory, Settings } from '../services/settings';
import type { Decorations } from '../ui/decorations';

const CATEGORIES: HighlightCategory[] = ['themes', 'countries', 'dates'];

/** What was last drawn in an editor: the annotations and which categories were shown. */
export interface AppliedHighlights {
  uri: string;
  version: number;
  annotations: readonly Annotation[];
  show: Record<HighlightCategory, boolean>;
  /** milliseconds from the edit to the decorations being set, for the last update after an edit */
  editToHighlightMs?: number;
  analysisMs: number;
  incremental: boolean;
}

export class Highlights extends Disposable {
  private readonly status = vscode.window.createStatusBarItem('thaiPolicyLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly applied = new Map<string, AppliedHighlights>();
  private readonly editTimes = new Map<string, number>();
  /** per editor: which document and categories its decorations show */
  private readonly drawn = new WeakMap<vscode.TextEditor, { uri: string; show: Record<HighlightCategory, boolean> }>();

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
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && !this.editTimes.has(e.document.uri.toString())) this.editTimes.set(e.document.uri.toString(), performance.now());
      }),
      analysis.onDidChange((result) => {
        for (const editor of vscode.window.visibleTextEditors) {
          if (editor.document.uri.toString() === result.uri.toString()) this.apply(editor, result);
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
      if (this.analysis.isEnabledFor(editor.document)) this.apply(editor, this.analysis.get(editor.document));
      else this.clear(editor);
    }
    this.updateStatus();
  }

  private themeType(themeId: string): vscode.TextEditorDecorationType {
    const theme = this.glossaries.set.theme(themeId);
    return this.decorations.theme(themeId, theme ? themeColor(theme) : '#888888');
  }

  private resetThemeTypes(): void {
    this.decorations.resetThemes();
    this.refreshVisible(); // new colours, and decorations of disposed types are gone
  }

  private clear(editor: vscode.TextEditor): void {
    for (const type of this.decorations.themeTypes.values()) editor.setDecorations(type, []);
    editor.setDecorations(this.decorations.country, []);
    editor.setDecorations(this.decorations.date, []);
    this.drawn.delete(editor);
    this.applied.delete(editor.document.uri.toString());
  }

  /**
   * Draws a document's annotations. After an incremental analysis only the decoration keys whose
   * annotations changed are sent again: VS Code moves the other decorations with the edit itself
   * (their ranges are ClosedClosed, so typing next to one does not stretch it).
   */
  private apply(editor: vscode.TextEditor, result: DocumentAnalysis): void {
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
    const byKey = new Map<string, vscode.Range[]>();
    const onlyThemes = only && new Set([...only].filter((k) => k.startsWith('theme:')).map((k) => k.slice(6)));
    for (const a of result.annotations) {
      if (a.kind === 'term' ? !show.themes || (onlyThemes && !onlyThemes.has(a.theme)) : a.kind === 'country' ? !show.countries || (only && !only.has('country')) : !show.dates || (only && !only.has('date'))) continue;
      const k = annotationKey(a);
      let list = byKey.get(k);
      if (!list) byKey.set(k, (list = []));
      list.push(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)));
    }
    if (only) {
      for (const k of only) this.typeFor(k).forEach((type) => editor.setDecorations(type, byKey.get(k) ?? []));
    } else {
      for (const [id, type] of this.decorations.themeTypes) if (!byKey.has(`theme:${id}`)) editor.setDecorations(type, []);
      for (const [k, ranges] of byKey) if (k.startsWith('theme:')) editor.setDecorations(this.themeType(k.slice(6)), ranges);
      editor.setDecorations(this.decorations.country, byKey.get('country') ?? []);
      editor.setDecorations(this.decorations.date, byKey.get('date') ?? []);
    }
    this.drawn.set(editor, { uri: key, show });
    const editStarted = this.editTimes.get(key);
    this.editTimes.delete(key);
    this.applied.set(key, {
      uri: key,
      version: doc.version,
      annotations: result.annotations,
      show,
      analysisMs: result.millis,
      incremental: result.incremental,
      editToHighlightMs: editStarted !== undefined ? performance.now() - editStarted : undefined,
    });
    if (editor === vscode.window.activeTextEditor) this.updateStatus();
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
    const result = this.analysis.peek(editor.document) ?? this.analysis.get(editor.document);
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

  /** The status bar text, for tests. */
  get statusText(): string {
    return this.status.text;
  }
}
