/**
 * The model of the Themes view, without VS Code: from the glossary's themes and the documents in
 * scope (their text and annotations), the tree of themes (nested, with the number of occurrences,
 * sub-themes included) -> sub-themes, tagged passages, terms with their counts (terms that do not
 * occur grouped under "n terms not found") -> each occurrence with its line of text; then a
 * Countries branch (most mentioned first) and a Dates branch (a timeline sorted by the Gregorian
 * value, unresolved dates last). With no glossary themes the tree is empty.
 *
 * The filter keeps themes, terms, countries and dates whose names contain the text (with all
 * their occurrences), and occurrences whose text, line or, in workspace scope, file path contains
 * it. `present` gives what an item shows (label, description, tooltip, icon, where it leads) and
 * `snapshot` the whole tree as plain data; src/extension/features/themeTree.ts shows it.
 *
 * Pure: no `vscode`, so the unit tests check the tree on in-memory documents.
 */
import type { Annotation, CountryAnnotation, DateAnnotation, TermAnnotation } from '../core';
import { LineIndex, countryByCode, flagEmoji, themeColor, type GlossaryTerm, type GlossaryTheme } from '../core';

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

/** A passage the analyst tagged with a theme. */
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

/** An item lists at most this many occurrences, then a "n more" item. */
export const MAX_CHILDREN = 2000;
/** An occurrence's label is about this many characters at most (longer lines are cut)... */
const MAX_LABEL = 76;
/** ...with this much of the line before the match at most. */
const LEAD_IN = 20;
/** Lines are cut only where that leaves out at least this many characters. */
const MIN_CUT = 8;

// ---------------------------------------------------------------------------------------
// Documents and their lines

/** A document the tree lists, with its line table built on first use. */
export class TreeSource {
  private lines: LineIndex | undefined;
  private hitsFor: string | undefined;
  private hits: number[] = [];

  constructor(
    /** the document's URI, as a string */
    readonly uri: string,
    readonly text: string,
    readonly annotations: readonly Annotation[],
    /** the workspace-relative path, shown in workspace scope */
    readonly name: string,
  ) {}

  private lineIndex(): LineIndex {
    return (this.lines ??= new LineIndex(this.text));
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
    return this.lineIndex().lineOf(offset);
  }

  /** [start, end) of a line, without its line break. */
  lineSpan(line: number): [number, number] {
    const lines = this.lineIndex();
    return [lines.lineStart(line), lines.lineEnd(line)];
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
export interface Occurrence<A extends Annotation = Annotation> {
  source: TreeSource;
  ann: A;
}

// ---------------------------------------------------------------------------------------
// Elements of the tree

export interface ThemeElement {
  type: 'theme';
  id: string;
  theme: GlossaryTheme;
  parent: ThemeElement | undefined;
  /** occurrences shown under the theme and its sub-themes */
  total: number;
  /** occurrences of the theme's own terms */
  own: number;
  children: TreeElement[];
}
export interface TermElement {
  type: 'term';
  id: string;
  term: GlossaryTerm;
  parent: ThemeElement | NotFoundElement;
  occurrences: Occurrence<TermAnnotation>[];
  children?: TreeElement[];
}
export interface NotFoundElement {
  type: 'termsNotFound';
  id: string;
  parent: ThemeElement;
  children: TermElement[];
}
export interface TagElement {
  type: 'tag';
  id: string;
  tag: TreeTag;
  source: TreeSource;
  parent: ThemeElement;
}
export interface OccurrenceElement {
  type: 'occurrence';
  id: string;
  occ: Occurrence;
  parent: TermElement | CountryElement;
}
export interface CountriesElement {
  type: 'countries';
  id: string;
  total: number;
  children: CountryElement[];
}
export interface CountryElement {
  type: 'country';
  id: string;
  code: string;
  parent: CountriesElement;
  occurrences: Occurrence<CountryAnnotation>[];
  children?: TreeElement[];
}
export interface DatesElement {
  type: 'dates';
  id: string;
  children: TreeElement[];
  total: number;
}
export interface DateElement {
  type: 'date';
  id: string;
  occ: Occurrence<DateAnnotation>;
  parent: DatesElement;
}
export interface MoreElement {
  type: 'more';
  id: string;
  hidden: number;
  parent: TreeElement;
}
export type TreeElement =
  | ThemeElement
  | TermElement
  | NotFoundElement
  | TagElement
  | OccurrenceElement
  | CountriesElement
  | CountryElement
  | DatesElement
  | DateElement
  | MoreElement;

/** What the tree shows. */
export interface TreeModel {
  roots: TreeElement[];
  themes: Map<string, ThemeElement>;
  /** occurrences (and tags) shown, for the filter message */
  shown: number;
}

/** What the tree is built from. */
export interface TreeInput {
  /** the glossary's top-level themes */
  themes: readonly GlossaryTheme[];
  /** the documents in scope, in order */
  sources: readonly TreeSource[];
  /** the tags of a document (by URI string) */
  tagsOf?: (uri: string) => readonly TreeTag[];
  /** the filter text ('' for none) */
  filter: string;
  /** workspace scope: the filter also matches file paths */
  workspace: boolean;
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
  passage(source: TreeSource, start: number, text: string | undefined): boolean {
    return this.has(text) || (this.matchPaths && source.pathContains(this.needle)) || source.lineContains(start, this.needle);
  }
}

// ---------------------------------------------------------------------------------------
// Building

/** The tree of the themes, countries and dates of the sources. */
export function buildThemeTree(input: TreeInput): TreeModel {
  const model: TreeModel = { roots: [], themes: new Map(), shown: 0 };
  if (input.themes.length === 0) return model; // the welcome content (no glossary) shows instead
  const filter = input.filter ? new Filter(input.filter, input.workspace) : undefined;

  // occurrences by theme id, then by canonical term
  const byTheme = new Map<string, Map<string, Occurrence<TermAnnotation>[]>>();
  const byCountry = new Map<string, Occurrence<CountryAnnotation>[]>();
  const dates: Occurrence<DateAnnotation>[] = [];
  for (const source of input.sources) {
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
  const tagsByTheme = tagElementsByTheme(input);

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
  for (const theme of input.themes) {
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
  datesEl.children = capped(datesEl, sortedDates.map((occ) => ({ type: 'date', id: `date:${occ.source.uri}#${occ.ann.start}`, occ, parent: datesEl })));
  if (!filter || datesEl.total) model.roots.push(datesEl);
  model.shown += datesEl.total;
  return model;
}

/** The tags of the documents in scope, by theme, in document order. */
function tagElementsByTheme(input: TreeInput): Map<string, Omit<TagElement, 'parent'>[]> {
  const out = new Map<string, Omit<TagElement, 'parent'>[]>();
  if (!input.tagsOf) return out;
  for (const source of input.sources) {
    const tags = [...input.tagsOf(source.uri)].sort((a, b) => a.start - b.start);
    for (const tag of tags) {
      let list = out.get(tag.theme);
      if (!list) out.set(tag.theme, (list = []));
      list.push({ type: 'tag', id: `tag:${tag.id}`, tag, source });
    }
  }
  return out;
}

/** The children of an element, the occurrence items made on first use. */
export function childrenOf(el: TreeElement): TreeElement[] {
  switch (el.type) {
    case 'theme':
    case 'termsNotFound':
    case 'countries':
    case 'dates':
      return el.children;
    case 'term':
      el.children ??= capped(el, el.occurrences.map((occ) => ({ type: 'occurrence', id: `occ:${occ.source.uri}#${occ.ann.start}`, occ, parent: el })));
      return el.children;
    case 'country':
      el.children ??= capped(el, el.occurrences.map((occ) => ({ type: 'occurrence', id: `occ:${occ.source.uri}#${occ.ann.start}`, occ, parent: el })));
      return el.children;
    default:
      return [];
  }
}

/** A long list cut at MAX_CHILDREN, with an item saying how many are left out. */
function capped(parent: TreeElement, items: TreeElement[]): TreeElement[] {
  if (items.length <= MAX_CHILDREN) return items;
  const kept = items.slice(0, MAX_CHILDREN);
  kept.push({ type: 'more', id: `${parent.id}:more`, hidden: items.length - MAX_CHILDREN, parent });
  return kept;
}

// ---------------------------------------------------------------------------------------
// What an item shows

/**
 * A tooltip: plain text (a string), or paragraphs of text parts shown literally (untrusted text:
 * no links, HTML or icons), the parts of a paragraph joined by " — ".
 */
export type TreeTooltip = string | string[][];

/** What an element shows in the view. */
export interface ItemView {
  label: string;
  /** the part of the label to highlight (the match in an occurrence's line) */
  highlight?: [number, number];
  description?: string;
  tooltip?: TreeTooltip;
  /** a theme's colour (a circle), or a codicon */
  icon?: { color: string } | { codicon: string };
  /** whether it has children to expand */
  collapsible: boolean;
  /** the passage a click selects */
  reveal?: { uri: string; start: number; end: number };
}

/** What `el` shows; `workspace`: workspace scope (occurrences say their file). */
export function present(el: TreeElement, workspace: boolean): ItemView {
  const where = (o: Occurrence) => {
    const line = `line ${o.source.lineOf(o.ann.start) + 1}`;
    return workspace ? `${o.source.name} · ${line}` : line;
  };
  switch (el.type) {
    case 'theme': {
      const t = el.theme;
      const sub = el.total - el.own;
      const tooltip = [[t.label, ...(t.labelEn ? [t.labelEn] : [])], ...(t.gloss ? [[t.gloss]] : []), [`${el.total} ${el.total === 1 ? 'occurrence' : 'occurrences'}${sub ? ` (${sub} in sub-themes)` : ''}`]];
      return { label: t.label, description: withEnglish(String(el.total), t.labelEn), icon: { color: themeColor(t) }, tooltip, collapsible: true };
    }
    case 'term': {
      const t = el.term;
      const count = el.occurrences.length;
      const tooltip = [[t.term, ...(t.en ? [t.en] : [])], ...(t.gloss ? [[t.gloss]] : []), ...(t.aliases.length ? [[`also: ${t.aliases.join(', ')}`]] : []), [`${count} ${count === 1 ? 'occurrence' : 'occurrences'}`]];
      return { label: t.term, description: withEnglish(String(count), t.en), icon: { codicon: 'symbol-keyword' }, tooltip, collapsible: count > 0 };
    }
    case 'termsNotFound': {
      const n = el.children.length;
      return { label: `${n} ${n === 1 ? 'term' : 'terms'} not found`, icon: { codicon: 'eye-closed' }, tooltip: 'Terms of this theme that do not occur here', collapsible: true };
    }
    case 'tag': {
      const tag = el.tag;
      const at = tag.orphaned ? 'orphaned' : `line ${el.source.lineOf(tag.start) + 1}`;
      const view: ItemView = { label: '', description: workspace ? `tag · ${el.source.name} · ${at}` : `tag · ${at}`, icon: { codicon: 'tag' }, collapsible: false };
      if (tag.orphaned) view.label = tag.text.replace(/\s+/g, ' ').slice(0, MAX_LABEL);
      else {
        const line = el.source.excerpt(tag.start, tag.end);
        view.label = line.text;
        view.highlight = line.highlight;
        view.reveal = { uri: el.source.uri, start: tag.start, end: tag.end };
      }
      if (tag.note) view.tooltip = [[tag.note]];
      return view;
    }
    case 'occurrence': {
      const o = el.occ;
      const line = o.source.excerpt(o.ann.start, o.ann.end);
      return { label: line.text, highlight: line.highlight, description: where(o), reveal: { uri: o.source.uri, start: o.ann.start, end: o.ann.end }, tooltip: [[line.text]], collapsible: false };
    }
    case 'countries':
      return { label: 'Countries', description: String(el.total), icon: { codicon: 'globe' }, collapsible: el.children.length > 0 };
    case 'country': {
      const c = countryByCode(el.code);
      const flag = flagEmoji(el.code);
      return {
        label: `${flag ? flag + ' ' : ''}${c?.nameTh ?? el.code}`,
        description: withEnglish(String(el.occurrences.length), c?.nameEn),
        tooltip: [[[c?.formalTh, c?.formalEn ?? c?.nameEn, el.code].filter(Boolean).join('\n')]],
        collapsible: true,
      };
    }
    case 'dates':
      return { label: 'Dates', description: String(el.total), icon: { codicon: 'calendar' }, collapsible: el.children.length > 0 };
    case 'date': {
      const o = el.occ;
      return { label: o.ann.text, description: `${gregorian(o.ann)} · ${where(o)}`, reveal: { uri: o.source.uri, start: o.ann.start, end: o.ann.end }, tooltip: [[o.source.excerpt(o.ann.start, o.ann.end).text]], collapsible: false };
    }
    case 'more':
      return { label: `${el.hidden} more…`, tooltip: 'Narrow the list with the filter to see these', collapsible: false };
  }
}

/** The tree as plain data, every item expanded, as the view shows it. */
export function snapshot(roots: readonly TreeElement[], view: { workspace: boolean; expanded: ReadonlySet<string>; selected: ReadonlySet<string> }): TreeItemSnapshot[] {
  const copy = (el: TreeElement): TreeItemSnapshot => {
    const item = present(el, view.workspace);
    const out: TreeItemSnapshot = { kind: el.type, label: item.label, id: el.id };
    if (item.description !== undefined) out.description = item.description;
    if (el.type === 'theme') out.color = themeColor(el.theme);
    if (item.collapsible) out.expanded = view.expanded.has(el.id);
    if (view.selected.has(el.id)) out.selected = true;
    if (item.reveal) out.target = { ...item.reveal };
    const children = childrenOf(el);
    if (children.length) out.children = children.map(copy);
    return out;
  };
  return roots.map(copy);
}

function withEnglish(count: string, en: string | undefined): string {
  return en ? `${count} · ${en}` : count;
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

// ---------------------------------------------------------------------------------------
// Occurrence labels: the line, trimmed around the match at word edges

/** An occurrence's label and where the match is in it. */
export interface Excerpt {
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
