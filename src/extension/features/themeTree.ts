/**
 * The Themes view (`thaiPolicyLens.themes`): the glossary's themes (nested, each with a circle in
 * its colour and the number of occurrences, sub-themes included) -> sub-themes, terms with their
 * counts (terms that do not occur are grouped under "n terms not found") -> each occurrence with
 * its line of text; tagged passages under their theme once a tag source is set; then a Countries
 * branch (flag, name, count -> occurrences) and a Dates branch (a timeline sorted by the Gregorian
 * value, unresolved dates last). With no glossary themes the tree is empty, so the view's welcome
 * content shows.
 *
 * It lists the active document (the last one, while no text editor is active) or the whole
 * workspace (the workspace index): setting `thaiPolicyLens.tree.scope`, context key
 * `thaiPolicyLens.treeScope`. The filter keeps themes, terms, countries and dates whose names
 * contain the text (with all their occurrences), and occurrences whose text, line or, in workspace
 * scope, file path contains it; context key `thaiPolicyLens.treeFiltered`. The tree is rebuilt,
 * debounced, when the analysis, the glossary, the active editor, the index or the tags change,
 * and only while the view is visible (or when `snapshot()` asks).
 *
 * Commands: `thaiPolicyLens.revealOccurrence` ({ uri, start, end }: select that text),
 * `thaiPolicyLens.showInTree` (themeId: reveal, select and expand the theme), and the view's
 * title actions `thaiPolicyLens.tree.scopeDocument|scopeWorkspace|refresh|filter|clearFilter`
 * (`filter` and `refresh` take an argument / return a result, for tests).
 */
import * as vscode from 'vscode';
import type { Annotation, CountryAnnotation, DateAnnotation, TermAnnotation } from '../../core';
import { themeColor, type GlossaryTerm, type GlossaryTheme } from '../../core';
import { countryByCode, flagEmoji } from '../../core';
import type { FeatureContext } from '../featureContext';
import type { IndexedDocument, IndexPassStats } from '../services/workspaceIndex';

/** A plain copy of one tree item, for the API and tests. */
export interface TreeItemSnapshot {
  /** the item's contextValue: theme, term, termsNotFound, occurrence, countries, country, dates, date, tag, more */
  kind: string;
  label: string;
  description?: string;
  /** the TreeItem id */
  id?: string;
  /** the colour of a theme's icon */
  color?: string;
  /** whether a collapsible item is expanded in the view now (absent for leaves) */
  expanded?: boolean;
  /** present and true when the item is selected in the view */
  selected?: boolean;
  /** the reveal target of an occurrence or date: `uri` as a string */
  target?: { uri: string; start: number; end: number };
  children?: TreeItemSnapshot[];
}

/** A passage the analyst tagged with a theme (from the tagging feature). */
export interface TreeTag {
  id: string;
  /** the theme's id */
  theme: string;
  /** UTF-16 offsets into the document's current text */
  start: number;
  end: number;
  /** the tagged text */
  text: string;
  note?: string;
  /** true when the passage is no longer found in the document */
  orphaned?: boolean;
}

/** Where the tree gets tags from (the tagging feature fits it); set with `ThemeTree.setTagSource`. */
export interface TreeTagSource {
  readonly onDidChange: vscode.Event<void>;
  tagsOf(uri: vscode.Uri): readonly TreeTag[];
}

/** Arguments of `thaiPolicyLens.revealOccurrence`. */
export interface RevealArgs {
  uri: vscode.Uri | string | { scheme: string; path: string; authority?: string; query?: string; fragment?: string };
  start: number;
  end: number;
}

export type TreeScope = 'document' | 'workspace';

const VIEW_ID = 'thaiPolicyLens.themes';
const REFRESH_MS = 100;
/** An item lists at most this many occurrences, then a "n more" item. */
const MAX_CHILDREN = 2000;
/** An occurrence's label is about this many characters at most (longer lines are cut)... */
const MAX_LABEL = 76;
/** ...with this much of the line before the match at most. */
const LEAD_IN = 20;
/** Lines are cut only where that leaves out at least this many characters. */
const MIN_CUT = 8;

// ---------------------------------------------------------------------------------------
// Documents and their lines

/** A document the tree lists, with its line table built on first use. */
class Source {
  private starts: number[] | undefined;
  private hitsFor: string | undefined;
  private hits: number[] = [];

  constructor(
    readonly uri: vscode.Uri,
    readonly text: string,
    readonly annotations: readonly Annotation[],
    /** the workspace-relative path, shown in workspace scope */
    readonly name: string,
  ) {}

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  private readonly excerpts = new Map<number, Excerpt>();

  /** The label of the passage at [start, end): its line, cut around it (memoized). */
  excerpt(start: number, end: number): Excerpt {
    let e = this.excerpts.get(start);
    if (!e) this.excerpts.set(start, (e = excerpt(this, start, end)));
    return e;
  }

  private pathMatch: [string, boolean] | undefined;

  /** True when the workspace-relative path contains `needle` (lower-case). */
  pathContains(needle: string): boolean {
    if (this.pathMatch?.[0] !== needle) this.pathMatch = [needle, this.name.toLowerCase().includes(needle)];
    return this.pathMatch[1];
  }

  /** The 0-based line of an offset. */
  lineOf(offset: number): number {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** [start, end) of a line, without its line break. */
  lineSpan(line: number): [number, number] {
    const starts = this.lineStarts();
    let end = line + 1 < starts.length ? starts[line + 1] - 1 : this.text.length;
    if (end > starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return [starts[line], end];
  }

  /**
   * True when the line of `offset` contains `needle` (lower-case). The positions of the needle
   * are found once per needle over the whole text, so a filter costs one scan per document.
   */
  lineContains(offset: number, needle: string): boolean {
    if (this.hitsFor !== needle) {
      // (lower-casing that changes the length would shift offsets: then search the text as is)
      const lower = this.text.toLowerCase();
      const hay = lower.length === this.text.length ? lower : this.text;
      const hits: number[] = [];
      for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) hits.push(i);
      this.hits = hits;
      this.hitsFor = needle;
    }
    const [start, end] = this.lineSpan(this.lineOf(offset));
    const hits = this.hits;
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < hits.length && hits[lo] + needle.length <= end;
  }
}

/** One annotation in one document. */
interface Occurrence<A extends Annotation = Annotation> {
  source: Source;
  ann: A;
}

// ---------------------------------------------------------------------------------------
// Elements of the tree

interface ThemeElement {
  type: 'theme';
  id: string;
  theme: GlossaryTheme;
  parent: ThemeElement | undefined;
  /** occurrences shown under the theme and its sub-themes */
  total: number;
  /** occurrences of the theme's own terms */
  own: number;
  children: Element[];
}
interface TermElement {
  type: 'term';
  id: string;
  term: GlossaryTerm;
  parent: ThemeElement | NotFoundElement;
  occurrences: Occurrence<TermAnnotation>[];
  children?: Element[];
}
interface NotFoundElement {
  type: 'termsNotFound';
  id: string;
  parent: ThemeElement;
  children: TermElement[];
}
interface TagElement {
  type: 'tag';
  id: string;
  tag: TreeTag;
  source: Source;
  parent: ThemeElement;
}
interface OccurrenceElement {
  type: 'occurrence';
  id: string;
  occ: Occurrence;
  parent: TermElement | CountryElement;
}
interface CountriesElement {
  type: 'countries';
  id: string;
  total: number;
  children: CountryElement[];
}
interface CountryElement {
  type: 'country';
  id: string;
  code: string;
  parent: CountriesElement;
  occurrences: Occurrence<CountryAnnotation>[];
  children?: Element[];
}
interface DatesElement {
  type: 'dates';
  id: string;
  children: Element[];
  total: number;
}
interface DateElement {
  type: 'date';
  id: string;
  occ: Occurrence<DateAnnotation>;
  parent: DatesElement;
}
interface MoreElement {
  type: 'more';
  id: string;
  hidden: number;
  parent: Element;
}
type Element = ThemeElement | TermElement | NotFoundElement | TagElement | OccurrenceElement | CountriesElement | CountryElement | DatesElement | DateElement | MoreElement;

/** What the tree shows now. */
interface Model {
  roots: Element[];
  themes: Map<string, ThemeElement>;
  /** occurrences (and tags) shown, for the filter message */
  shown: number;
  /** why the document in scope has no annotations, when it was not analysed */
  skipped?: string;
}

// ---------------------------------------------------------------------------------------
// Filtering

/**
 * A case-insensitive filter over themes, terms, countries, dates and lines of text; in workspace
 * scope also over file paths (to narrow the tree to a file or folder).
 */
class Filter {
  readonly needle: string;
  constructor(
    text: string,
    private readonly matchPaths: boolean,
  ) {
    this.needle = text.toLowerCase();
  }
  has(...values: Array<string | undefined>): boolean {
    for (const v of values) if (v && v.toLowerCase().includes(this.needle)) return true;
    return false;
  }
  /** the occurrence's own text, the line it is on, or (workspace scope) its file's path */
  occurrence(o: Occurrence): boolean {
    return this.passage(o.source, o.ann.start, o.ann.text);
  }
  passage(source: Source, start: number, text: string | undefined): boolean {
    return this.has(text) || (this.matchPaths && source.pathContains(this.needle)) || source.lineContains(start, this.needle);
  }
}

// ---------------------------------------------------------------------------------------
// The tree

export class ThemeTree implements vscode.Disposable, vscode.TreeDataProvider<Element> {
  private readonly treeChanged = new vscode.EventEmitter<Element | undefined>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  private readonly view: vscode.TreeView<Element>;
  private readonly disposables: vscode.Disposable[] = [];
  private model: Model | undefined;
  private dirty = true;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scope: TreeScope;
  /** the filter in force ('' for none) */
  private filterText = '';
  /** the document listed in document scope (the active editor's, or the last one) */
  private document: vscode.TextDocument | undefined;
  private readonly expanded = new Set<string>();
  private selected = new Set<string>();
  private readonly icons = new Map<string, vscode.Uri>();
  /** documents of the index, with their line tables and labels, while they are unchanged */
  private readonly sourceCache = new WeakMap<IndexedDocument, Source>();
  private tagSource: TreeTagSource | undefined;
  private tagSubscription: vscode.Disposable | undefined;

  constructor(private readonly ctx: FeatureContext) {
    this.scope = readScope();
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.followEditor(vscode.window.activeTextEditor);
    this.disposables.push(
      this.view,
      this.treeChanged,
      this.view.onDidExpandElement((e) => this.expanded.add(e.element.id)),
      this.view.onDidCollapseElement((e) => this.expanded.delete(e.element.id)),
      this.view.onDidChangeSelection((e) => (this.selected = new Set(e.selection.map((el) => el.id)))),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible && this.dirty) this.schedule();
      }),
      ctx.analysis.onDidChange((a) => {
        if (this.scope === 'workspace' || a.uri.toString() === this.document?.uri.toString()) this.invalidate();
      }),
      ctx.glossaries.onDidChange(() => this.invalidate()),
      ctx.index.onDidChange(() => {
        if (this.scope === 'workspace') this.invalidate();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.followEditor(editor) && this.scope === 'document') this.invalidate();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc === this.document) {
          this.document = undefined;
          this.followEditor(vscode.window.activeTextEditor);
          if (this.scope === 'document') this.invalidate();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('thaiPolicyLens.tree.scope')) this.setScope(readScope());
        else if (e.affectsConfiguration('thaiPolicyLens.languages')) {
          this.followEditor(vscode.window.activeTextEditor);
          this.invalidate();
        }
      }),
      vscode.commands.registerCommand('thaiPolicyLens.revealOccurrence', (args: RevealArgs) => revealOccurrence(args)),
      vscode.commands.registerCommand('thaiPolicyLens.showInTree', (arg: string | { themeId: string }) =>
        this.showInTree(typeof arg === 'string' ? arg : arg?.themeId),
      ),
      vscode.commands.registerCommand('thaiPolicyLens.tree.scopeDocument', () => this.changeScope('document')),
      vscode.commands.registerCommand('thaiPolicyLens.tree.scopeWorkspace', () => this.changeScope('workspace')),
      vscode.commands.registerCommand('thaiPolicyLens.tree.refresh', () => this.refresh()),
      vscode.commands.registerCommand('thaiPolicyLens.tree.filter', (text?: string) => this.askFilter(text)),
      vscode.commands.registerCommand('thaiPolicyLens.tree.clearFilter', () => this.setFilter('')),
    );
    void this.setContext();
    this.updateTitle();
  }

  // ----- public API

  /** The whole tree as shown, expanded. */
  async snapshot(): Promise<TreeItemSnapshot[]> {
    if (this.scope === 'workspace') await this.ctx.index.whenReady();
    if (this.followEditor(vscode.window.activeTextEditor)) this.dirty = true;
    if (this.dirty) this.refreshNow();
    const model = this.current();
    const copy = (el: Element): TreeItemSnapshot => {
      const item = this.getTreeItem(el);
      const out: TreeItemSnapshot = { kind: item.contextValue ?? el.type, label: labelText(item.label), id: el.id };
      if (typeof item.description === 'string') out.description = item.description;
      if (el.type === 'theme') out.color = themeColor(el.theme);
      if (item.collapsibleState !== vscode.TreeItemCollapsibleState.None) out.expanded = this.expanded.has(el.id);
      if (this.selected.has(el.id)) out.selected = true;
      const arg = item.command?.command === 'thaiPolicyLens.revealOccurrence' ? (item.command.arguments?.[0] as RevealArgs | undefined) : undefined;
      if (arg) out.target = { uri: String(arg.uri), start: arg.start, end: arg.end };
      const children = this.childrenOf(el);
      if (children.length) out.children = children.map(copy);
      return out;
    };
    return model.roots.map(copy);
  }

  /** Lets the annotation feature show tagged passages under their themes. */
  setTagSource(source: TreeTagSource | undefined): void {
    this.tagSubscription?.dispose();
    this.tagSource = source;
    this.tagSubscription = source?.onDidChange(() => this.invalidate());
    this.invalidate();
  }

  // ----- TreeDataProvider

  getChildren(element?: Element): Element[] {
    if (!element) return this.current().roots;
    return this.childrenOf(element);
  }

  getParent(element: Element): Element | undefined {
    return 'parent' in element ? element.parent : undefined;
  }

  getTreeItem(el: Element): vscode.TreeItem {
    const collapsed = (id: string) => (this.expanded.has(id) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    const where = (o: Occurrence) => {
      const line = `line ${o.source.lineOf(o.ann.start) + 1}`;
      return this.scope === 'workspace' ? `${o.source.name} · ${line}` : line;
    };
    let item: vscode.TreeItem;
    switch (el.type) {
      case 'theme': {
        const t = el.theme;
        item = new vscode.TreeItem(t.label, collapsed(el.id));
        item.description = withEnglish(String(el.total), t.labelEn);
        item.iconPath = this.icon(themeColor(t));
        item.tooltip = themeTooltip(t, el);
        break;
      }
      case 'term': {
        const t = el.term;
        item = new vscode.TreeItem(t.term, el.occurrences.length ? collapsed(el.id) : vscode.TreeItemCollapsibleState.None);
        item.description = withEnglish(String(el.occurrences.length), t.en);
        item.iconPath = new vscode.ThemeIcon('symbol-keyword');
        item.tooltip = termTooltip(t, el.occurrences.length);
        break;
      }
      case 'termsNotFound': {
        const n = el.children.length;
        item = new vscode.TreeItem(`${n} ${n === 1 ? 'term' : 'terms'} not found`, collapsed(el.id));
        item.iconPath = new vscode.ThemeIcon('eye-closed');
        item.tooltip = 'Terms of this theme that do not occur here';
        break;
      }
      case 'tag': {
        const tag = el.tag;
        const at = tag.orphaned ? 'orphaned' : `line ${el.source.lineOf(tag.start) + 1}`;
        if (tag.orphaned) item = new vscode.TreeItem(tag.text.replace(/\s+/g, ' ').slice(0, MAX_LABEL));
        else {
          const line = el.source.excerpt(tag.start, tag.end);
          item = new vscode.TreeItem({ label: line.text, highlights: [line.highlight] });
          item.command = revealCommand(el.source.uri, tag.start, tag.end);
        }
        item.description = this.scope === 'workspace' ? `tag · ${el.source.name} · ${at}` : `tag · ${at}`;
        item.iconPath = new vscode.ThemeIcon('tag');
        if (tag.note) item.tooltip = plainTooltip(tag.note);
        break;
      }
      case 'occurrence': {
        const o = el.occ;
        const line = o.source.excerpt(o.ann.start, o.ann.end);
        item = new vscode.TreeItem({ label: line.text, highlights: [line.highlight] });
        item.description = where(o);
        item.command = revealCommand(o.source.uri, o.ann.start, o.ann.end);
        item.tooltip = plainTooltip(line.text);
        break;
      }
      case 'countries':
        item = new vscode.TreeItem('Countries', el.children.length ? collapsed(el.id) : vscode.TreeItemCollapsibleState.None);
        item.description = String(el.total);
        item.iconPath = new vscode.ThemeIcon('globe');
        break;
      case 'country': {
        const c = countryByCode(el.code);
        const flag = flagEmoji(el.code);
        item = new vscode.TreeItem(`${flag ? flag + ' ' : ''}${c?.nameTh ?? el.code}`, collapsed(el.id));
        item.description = withEnglish(String(el.occurrences.length), c?.nameEn);
        item.tooltip = plainTooltip([c?.formalTh, c?.formalEn ?? c?.nameEn, el.code].filter(Boolean).join('\n'));
        break;
      }
      case 'dates':
        item = new vscode.TreeItem('Dates', el.children.length ? collapsed(el.id) : vscode.TreeItemCollapsibleState.None);
        item.description = String(el.total);
        item.iconPath = new vscode.ThemeIcon('calendar');
        break;
      case 'date': {
        const o = el.occ;
        item = new vscode.TreeItem(o.ann.text);
        item.description = `${gregorian(o.ann)} · ${where(o)}`;
        item.command = revealCommand(o.source.uri, o.ann.start, o.ann.end);
        item.tooltip = plainTooltip(o.source.excerpt(o.ann.start, o.ann.end).text);
        break;
      }
      case 'more':
        item = new vscode.TreeItem(`${el.hidden} more…`);
        item.tooltip = 'Narrow the list with the filter to see these';
        break;
    }
    item.id = el.id;
    item.contextValue = el.type;
    return item;
  }

  // ----- building the model

  /** The model, rebuilt now if it is out of date. */
  private current(): Model {
    if (this.dirty || !this.model) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.model = this.build();
      this.dirty = false;
      this.updateTitle();
    }
    return this.model;
  }

  /** Marks the tree out of date and schedules a refresh (only while the view is visible). */
  private invalidate(): void {
    this.dirty = true;
    if (this.view.visible) this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.dirty) return;
      this.current();
      this.treeChanged.fire(undefined);
    }, REFRESH_MS);
  }

  /** Rebuilds now and tells the view (for commands whose result the user waits for). */
  private refreshNow(): void {
    this.dirty = true;
    this.current();
    this.treeChanged.fire(undefined);
  }

  /** Takes the editor's document for document scope; true when the document changed. */
  private followEditor(editor: vscode.TextEditor | undefined): boolean {
    const doc = editor?.document;
    if (!doc || !this.ctx.analysis.isEnabledFor(doc) || doc === this.document) {
      if (this.document && !this.ctx.analysis.isEnabledFor(this.document)) {
        this.document = undefined;
        return true;
      }
      return false;
    }
    this.document = doc;
    return true;
  }

  /** The documents in scope; and why the document has no annotations when it was not analysed. */
  private sources(): { sources: Source[]; skipped?: string } {
    if (this.scope === 'workspace') {
      const sources = this.ctx.index.documents().map((d: IndexedDocument) => {
        let source = this.sourceCache.get(d);
        if (!source) this.sourceCache.set(d, (source = new Source(d.uri, d.text, d.annotations, vscode.workspace.asRelativePath(d.uri, false))));
        return source;
      });
      return { sources };
    }
    const doc = this.document;
    if (!doc || doc.isClosed) return { sources: [] };
    const analysis = this.ctx.analysis.get(doc);
    const source = new Source(doc.uri, doc.getText(), analysis.annotations, vscode.workspace.asRelativePath(doc.uri, false));
    const skipped = analysis.skipped
      ? `This document has ${analysis.skipped.size.toLocaleString('en')} characters, over the limit of ${analysis.skipped.limit.toLocaleString('en')} (setting thaiPolicyLens.maxFileSize): it is not analysed.`
      : undefined;
    return { sources: [source], skipped };
  }

  private build(): Model {
    const themes = this.ctx.glossaries.set.themes;
    const model: Model = { roots: [], themes: new Map(), shown: 0 };
    if (themes.length === 0) return model; // the welcome content (no glossary) shows instead
    const { sources, skipped } = this.sources();
    model.skipped = skipped;
    const filter = this.filterText ? new Filter(this.filterText, this.scope === 'workspace') : undefined;

    // occurrences by theme id, then by canonical term
    const byTheme = new Map<string, Map<string, Occurrence<TermAnnotation>[]>>();
    const byCountry = new Map<string, Occurrence<CountryAnnotation>[]>();
    const dates: Occurrence<DateAnnotation>[] = [];
    for (const source of sources) {
      for (const ann of source.annotations) {
        if (ann.kind === 'term') {
          let terms = byTheme.get(ann.theme);
          if (!terms) byTheme.set(ann.theme, (terms = new Map()));
          let list = terms.get(ann.term);
          if (!list) terms.set(ann.term, (list = []));
          list.push({ source, ann });
        } else if (ann.kind === 'country') {
          let list = byCountry.get(ann.country);
          if (!list) byCountry.set(ann.country, (list = []));
          list.push({ source, ann });
        } else dates.push({ source, ann });
      }
    }
    const tagsByTheme = this.tagsByTheme(sources);

    const buildTheme = (theme: GlossaryTheme, parent: ThemeElement | undefined, ancestorMatched: boolean): ThemeElement | undefined => {
      const matched = ancestorMatched || !filter || filter.has(theme.label, theme.labelEn, theme.id);
      const el: ThemeElement = { type: 'theme', id: `theme:${theme.id}`, theme, parent, total: 0, own: 0, children: [] };
      for (const tag of tagsByTheme.get(theme.id) ?? []) {
        if (matched || filter!.has(tag.tag.note) || filter!.passage(tag.source, tag.tag.start, tag.tag.text)) {
          el.children.push({ ...tag, parent: el });
          model.shown++; // tags are listed, not counted among the occurrences of terms
        }
      }
      for (const child of theme.themes) {
        const sub = buildTheme(child, el, matched);
        if (sub) {
          el.children.push(sub);
          el.total += sub.total;
        }
      }
      const found = byTheme.get(theme.id);
      const notFound: NotFoundElement = { type: 'termsNotFound', id: `notfound:${theme.id}`, parent: el, children: [] };
      for (const term of theme.terms) {
        const termMatched = matched || filter!.has(term.term, term.en, ...term.aliases);
        let occurrences = found?.get(term.term) ?? [];
        if (!termMatched) occurrences = occurrences.filter((o) => filter!.occurrence(o));
        if (occurrences.length) {
          el.children.push({ type: 'term', id: `term:${theme.id}:${term.term}`, term, parent: el, occurrences });
          el.own += occurrences.length;
        } else if (termMatched) {
          notFound.children.push({ type: 'term', id: `term:${theme.id}:${term.term}`, term, parent: notFound, occurrences: [] });
        }
      }
      if (notFound.children.length) el.children.push(notFound);
      el.total += el.own;
      model.shown += el.own;
      if (!matched && el.children.length === 0) return undefined;
      model.themes.set(theme.id, el);
      return el;
    };
    for (const theme of themes) {
      const el = buildTheme(theme, undefined, false);
      if (el) model.roots.push(el);
    }

    // Countries, most mentioned first
    const countries: CountriesElement = { type: 'countries', id: 'countries', total: 0, children: [] };
    for (const [code, all] of byCountry) {
      const c = countryByCode(code);
      const occurrences = !filter || filter.has(c?.nameTh, c?.nameEn, c?.formalTh, c?.formalEn, code) ? all : all.filter((o) => filter.occurrence(o));
      if (occurrences.length === 0) continue;
      countries.children.push({ type: 'country', id: `country:${code}`, code, parent: countries, occurrences });
      countries.total += occurrences.length;
    }
    countries.children.sort((a, b) => b.occurrences.length - a.occurrences.length || compareText(countryByCode(a.code)?.nameTh ?? a.code, countryByCode(b.code)?.nameTh ?? b.code));
    if (!filter || countries.total) model.roots.push(countries);
    model.shown += countries.total;

    // Dates: a timeline; unresolved ones last, in document order
    const datesEl: DatesElement = { type: 'dates', id: 'dates', children: [], total: 0 };
    const shownDates = filter ? dates.filter((o) => filter.has(o.ann.from, o.ann.to, o.ann.relative) || filter.occurrence(o)) : dates;
    // (the sort is stable: equal dates stay in document order, documents in path order)
    const sortedDates = [...shownDates].sort((a, b) => compareDates(a.ann, b.ann));
    datesEl.total = sortedDates.length;
    datesEl.children = capped(datesEl, sortedDates.map((occ) => ({ type: 'date', id: `date:${occ.source.uri.toString()}#${occ.ann.start}`, occ, parent: datesEl })));
    if (!filter || datesEl.total) model.roots.push(datesEl);
    model.shown += datesEl.total;
    return model;
  }

  /** The tags of the documents in scope, by theme, in document order. */
  private tagsByTheme(sources: Source[]): Map<string, Omit<TagElement, 'parent'>[]> {
    const out = new Map<string, Omit<TagElement, 'parent'>[]>();
    if (!this.tagSource) return out;
    for (const source of sources) {
      const tags = [...this.tagSource.tagsOf(source.uri)].sort((a, b) => a.start - b.start);
      for (const tag of tags) {
        let list = out.get(tag.theme);
        if (!list) out.set(tag.theme, (list = []));
        list.push({ type: 'tag', id: `tag:${tag.id}`, tag, source });
      }
    }
    return out;
  }

  /** Children, building occurrence items on first use. */
  private childrenOf(el: Element): Element[] {
    switch (el.type) {
      case 'theme':
      case 'termsNotFound':
      case 'countries':
      case 'dates':
        return el.children;
      case 'term':
        el.children ??= capped(el, el.occurrences.map((occ) => ({ type: 'occurrence', id: `occ:${occ.source.uri.toString()}#${occ.ann.start}`, occ, parent: el })));
        return el.children;
      case 'country':
        el.children ??= capped(el, el.occurrences.map((occ) => ({ type: 'occurrence', id: `occ:${occ.source.uri.toString()}#${occ.ann.start}`, occ, parent: el })));
        return el.children;
      default:
        return [];
    }
  }

  // ----- commands

  /** Reveals, selects and expands a theme's item (clearing a filter that hides it). */
  async showInTree(themeId: string | undefined): Promise<boolean> {
    if (!themeId || !this.ctx.glossaries.set.theme(themeId)) return false;
    let el = this.current().themes.get(themeId);
    if (!el && this.filterText) {
      await this.setFilter('');
      el = this.current().themes.get(themeId);
    }
    if (!el) return false;
    // The view may be rebuilding (after an edit or a glossary change) while it reveals, and then
    // drops the selection: reveal again, a few times, until the view reports the theme selected.
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await this.view.reveal(el, { select: true, focus: false, expand: true });
      } catch {
        this.treeChanged.fire(undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 40 * (attempt + 1)));
      if (this.selected.has(el.id)) break;
      el = this.current().themes.get(themeId) ?? el;
    }
    return true;
  }

  private async changeScope(scope: TreeScope): Promise<void> {
    this.setScope(scope);
    const config = vscode.workspace.getConfiguration('thaiPolicyLens');
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    if (config.get<string>('tree.scope') !== scope) await config.update('tree.scope', scope, target);
    if (scope === 'workspace') await this.ctx.index.whenReady();
    this.refreshNow();
  }

  private setScope(scope: TreeScope): void {
    if (scope === this.scope) return;
    this.scope = scope;
    if (scope === 'workspace') void this.ctx.index.start();
    void this.setContext();
    this.invalidate();
    this.updateTitle();
  }

  /** Refresh: indexes the workspace again in workspace scope; rebuilds the tree. */
  private async refresh(): Promise<IndexPassStats | undefined> {
    const stats = this.scope === 'workspace' ? await this.ctx.index.refresh() : undefined;
    this.followEditor(vscode.window.activeTextEditor);
    this.refreshNow();
    return stats;
  }

  /** Asks for the filter text (or takes it as the argument); returns the filter in force. */
  private async askFilter(text?: string): Promise<string> {
    if (typeof text !== 'string') {
      const value = await vscode.window.showInputBox({
        title: 'Filter Themes',
        prompt: 'Show only themes, terms, countries, dates and occurrences whose name or line (or file, for the whole workspace) contains this text',
        value: this.filterText,
        placeHolder: 'e.g. การทูต, ceasefire, 2568',
      });
      if (value === undefined) return this.filterText;
      text = value;
    }
    await this.setFilter(text);
    return this.filterText;
  }

  private async setFilter(text: string): Promise<void> {
    this.filterText = text.trim();
    await this.setContext();
    this.refreshNow();
  }

  private setContext(): Thenable<unknown> {
    return Promise.all([
      vscode.commands.executeCommand('setContext', 'thaiPolicyLens.treeScope', this.scope),
      vscode.commands.executeCommand('setContext', 'thaiPolicyLens.treeFiltered', this.filterText !== ''),
    ]);
  }

  /** The view's description (scope) and message (filter, or why the list is empty). */
  private updateTitle(): void {
    if (this.scope === 'workspace') {
      const n = this.ctx.index.size;
      this.view.description = `Workspace · ${n} ${n === 1 ? 'file' : 'files'}${this.ctx.index.busy ? ' (indexing…)' : ''}`;
      if (this.ctx.index.busy) void this.ctx.index.whenReady().then(() => this.updateTitle());
    } else {
      this.view.description = this.document ? vscode.workspace.asRelativePath(this.document.uri, false) : 'No document';
    }
    const glossaryEmpty = this.ctx.glossaries.set.themes.length === 0;
    if (glossaryEmpty) this.view.message = undefined;
    else if (this.model?.skipped) this.view.message = this.model.skipped;
    else if (this.filterText) {
      const n = this.model?.shown ?? 0;
      this.view.message = `Filter: "${this.filterText}" (${n} ${n === 1 ? 'match' : 'matches'})`;
    } else if (this.scope === 'document' && !this.document) this.view.message = 'Open a Thai text or Markdown document to see where its themes occur.';
    else this.view.message = undefined;
  }

  /** A coloured circle for a theme, as an SVG data URI. */
  private icon(color: string): vscode.Uri {
    let uri = this.icons.get(color);
    if (!uri) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="5.5" fill="${color}"/></svg>`;
      uri = vscode.Uri.from({ scheme: 'data', path: `image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` });
      this.icons.set(color, uri);
    }
    return uri;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.tagSubscription?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

// ---------------------------------------------------------------------------------------
// Helpers

function readScope(): TreeScope {
  return vscode.workspace.getConfiguration('thaiPolicyLens').get<string>('tree.scope') === 'workspace' ? 'workspace' : 'document';
}

/** Opens the document and selects [start, end) (UTF-16 offsets into its text). */
async function revealOccurrence(args: RevealArgs): Promise<vscode.Selection | undefined> {
  if (!args || args.uri === undefined || typeof args.start !== 'number' || typeof args.end !== 'number') return undefined;
  const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri instanceof vscode.Uri ? args.uri : vscode.Uri.from(args.uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  const selection = new vscode.Selection(doc.positionAt(args.start), doc.positionAt(args.end));
  const editor = await vscode.window.showTextDocument(doc, { selection, preview: true });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor.selection;
}

function revealCommand(uri: vscode.Uri, start: number, end: number): vscode.Command {
  const args: RevealArgs = { uri, start, end };
  return { command: 'thaiPolicyLens.revealOccurrence', title: 'Reveal Occurrence', arguments: [args] };
}

/** A long list cut at MAX_CHILDREN, with an item saying how many are left out. */
function capped(parent: Element, items: Element[]): Element[] {
  if (items.length <= MAX_CHILDREN) return items;
  const kept = items.slice(0, MAX_CHILDREN);
  kept.push({ type: 'more', id: `${parent.id}:more`, hidden: items.length - MAX_CHILDREN, parent });
  return kept;
}

function withEnglish(count: string, en: string | undefined): string {
  return en ? `${count} · ${en}` : count;
}

function labelText(label: string | vscode.TreeItemLabel | undefined): string {
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/** The Gregorian value of a date annotation: `YYYY-MM-DD`, a range, or `unresolved`. */
function gregorian(d: DateAnnotation): string {
  if (!d.from) return 'unresolved';
  return d.to && d.to !== d.from ? `${d.from} – ${d.to}` : d.from;
}

/** Timeline order: by `from`, then `to`; dates without a value last. */
function compareDates(a: DateAnnotation, b: DateAnnotation): number {
  if (!a.from || !b.from) return (a.from ? 0 : 1) - (b.from ? 0 : 1);
  return compareText(a.from, b.from) || compareText(a.to ?? a.from, b.to ?? b.from);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A tooltip of untrusted text: Markdown that shows the text literally (no links, HTML or icons). */
function plainTooltip(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendText(text);
  return md;
}

function themeTooltip(theme: GlossaryTheme, el: ThemeElement): vscode.MarkdownString {
  const md = plainTooltip(theme.label);
  if (theme.labelEn) md.appendMarkdown(' — ').appendText(theme.labelEn);
  if (theme.gloss) md.appendMarkdown('\n\n').appendText(theme.gloss);
  const sub = el.total - el.own;
  md.appendMarkdown('\n\n').appendText(`${el.total} ${el.total === 1 ? 'occurrence' : 'occurrences'}${sub ? ` (${sub} in sub-themes)` : ''}`);
  return md;
}

function termTooltip(term: GlossaryTerm, count: number): vscode.MarkdownString {
  const md = plainTooltip(term.term);
  if (term.en) md.appendMarkdown(' — ').appendText(term.en);
  if (term.gloss) md.appendMarkdown('\n\n').appendText(term.gloss);
  if (term.aliases.length) md.appendMarkdown('\n\n').appendText(`also: ${term.aliases.join(', ')}`);
  md.appendMarkdown('\n\n').appendText(`${count} ${count === 1 ? 'occurrence' : 'occurrences'}`);
  return md;
}

// ---------------------------------------------------------------------------------------
// Occurrence labels: the line, trimmed around the match at word edges

/** An occurrence's label and where the match is in it. */
interface Excerpt {
  text: string;
  highlight: [number, number];
}

let segmenter: Intl.Segmenter | undefined;
const COMBINING = /\p{M}/u;

/**
 * The line of [start, end), cut to some context on each side of the match (with "…"), and where
 * the match is in that label. Cuts fall on a space if there is one near, else on a word edge
 * found by `Intl.Segmenter` in a small window, never inside a character.
 */
function excerpt(source: { lineOf(offset: number): number; lineSpan(line: number): [number, number]; readonly text: string }, start: number, end: number): Excerpt {
  const text = source.text;
  const [lineStart, lineEnd] = source.lineSpan(source.lineOf(start));
  const matchEnd = Math.min(end, lineEnd);
  // A short lead-in before the match (so the match shows in a narrow side bar), and as much of
  // the rest of the line as fits. A cut that would save only a few characters is not made.
  const wantBefore = start - lineStart;
  const wantAfter = lineEnd - matchEnd;
  const before = Math.min(wantBefore, LEAD_IN);
  const after = Math.min(wantAfter, Math.max(0, MAX_LABEL - before - (matchEnd - start)));
  const from = before + MIN_CUT < wantBefore ? cutPoint(text, start - before, lineStart, start, 'forward') : lineStart;
  const to = after + MIN_CUT < wantAfter ? cutPoint(text, matchEnd + after, matchEnd, lineEnd, 'backward') : lineEnd;
  // trim white space at the ends (not inside the match)
  let first = from;
  let last = to;
  while (first < start && isSpace(text.charCodeAt(first))) first++;
  while (last > matchEnd && isSpace(text.charCodeAt(last - 1))) last--;
  const prefix = from > lineStart ? '…' : '';
  const suffix = to < lineEnd ? '…' : '';
  const body = text.slice(first, last).replace(/\t/g, ' ');
  const hs = prefix.length + (start - first);
  return { text: prefix + body + suffix, highlight: [hs, hs + (matchEnd - start)] };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x3000;
}

/**
 * Where to cut near `at`, within [min, max]: just past a space within 12 characters (looking
 * towards the match), else at the edge of the word around `at` (the next word for the start of
 * a label, the word's own start for its end), never inside a character.
 */
function cutPoint(text: string, at: number, min: number, max: number, towards: 'forward' | 'backward'): number {
  const step = towards === 'forward' ? 1 : -1;
  for (let i = 0, p = at; i < 12 && p >= min && p <= max; i++, p += step) {
    if (isSpace(text.charCodeAt(p))) return towards === 'forward' ? p + 1 : p;
  }
  segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  const winStart = Math.max(min, at - 16);
  const word = segmenter.segment(text.slice(winStart, Math.min(max, at + 16))).containing(at - winStart);
  let p = at;
  if (word) {
    const wordStart = winStart + word.index;
    p = towards === 'backward' || wordStart === at ? wordStart : wordStart + word.segment.length;
    p = Math.min(max, Math.max(min, p));
  }
  while (p < max && (COMBINING.test(text[p]) || (text.charCodeAt(p) & 0xfc00) === 0xdc00)) p++;
  return p;
}
