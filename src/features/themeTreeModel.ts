/**
 * The model of the Themes view, without VS Code: from the glossary's themes and the documents in
 * scope (their text and annotations), the tree of themes (nested, with the number of occurrences,
 * sub-themes included) -> sub-themes, tagged passages, terms with their counts -> each occurrence
 * with its line of text; then a Countries branch (most mentioned first) and a Dates branch (a
 * timeline sorted by the Gregorian value, equal dates grouped, unresolved dates last). Tags whose
 * theme is in no glossary (made with "New theme..." and kept in the annotations file, or gone)
 * appear under a theme of their own. With no glossary themes the tree is empty.
 *
 * Themes and terms that do not occur are left out unless `showEmpty` (then a theme's absent terms
 * are grouped under "n terms not found"); themes and terms are sorted by count (ties in glossary
 * order) or kept in glossary order (`sort`).
 *
 * The filter matches names, not the text around an occurrence: themes (label, English label,
 * id), terms (term, English, aliases), countries (names, code), dates (as written, their value),
 * tags (their text and note); a theme or term that matches comes with all its occurrences. In
 * workspace scope it also matches file paths (to narrow the tree to a file or folder).
 * `present` gives what an item shows (label, description, tooltip, icon, where it leads) and
 * `snapshot` the whole tree as plain data; src/extension/features/themeTree.ts shows it.
 *
 * Pure: no `vscode`, so the unit tests check the tree on in-memory documents.
 */
import * as l10n from '@vscode/l10n';
import type { Annotation, CountryAnnotation, DateAnnotation, TermAnnotation } from '../core';
import { LineIndex, countryByCode, flagEmoji, formatNumber, oneLine, plural, themeColor, type ContentLanguage, type GlossaryTerm, type GlossaryTheme } from '../core';
import { UNKNOWN_THEME_COLOR } from './tagText';

/** A plain copy of one tree item, for the API and tests. */
export interface TreeItemSnapshot {
  /** the item's contextValue: theme, looseTheme, term, termsNotFound, occurrence, countries, country, dates, dateGroup, date, tag, passages, passage, more */
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
  /** the coder who made the tag (absent in tags made before coders) */
  creator?: string;
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
  /** tags shown under the theme and its sub-themes */
  tags: number;
  /** a theme in no glossary: the annotations file's own (`file`), or one found nowhere (`unknown`) */
  loose?: 'file' | 'unknown';
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
  parent: DatesElement | DateGroupElement;
}
/** Equal dates (the same Gregorian value; unresolved ones: the same text), once, expanding to their places. */
export interface DateGroupElement {
  type: 'dateGroup';
  id: string;
  parent: DatesElement;
  children: DateElement[];
}
/** The passages Find Passages... found (a query), at the top of the tree until cleared. */
export interface PassagesElement {
  type: 'passages';
  id: string;
  query: string;
  total: number;
  children: TreeElement[];
}
/** One found passage (a paragraph): opens it. */
export interface PassageElement {
  type: 'passage';
  id: string;
  source: TreeSource;
  start: number;
  end: number;
  parent: PassagesElement;
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
  | DateGroupElement
  | PassagesElement
  | PassageElement
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
  /** only the tags of this coder (default: every coder's) */
  coder?: string;
  /** the filter text ('' for none) */
  filter: string;
  /** workspace scope: the filter also matches file paths */
  workspace: boolean;
  /** a theme in no glossary (the annotations file's own, made while tagging), for the tags of document `uri` */
  looseTheme?: (themeId: string, uri: string) => LooseTreeTheme | undefined;
  /** list themes and terms that do not occur too (default: leave them out) */
  showEmpty?: boolean;
  /** themes and terms by count (the default; ties in glossary order), or in glossary order */
  sort?: TreeSort;
}

export type TreeSort = 'count' | 'glossary';

/** A theme that is in no glossary: the annotations file's own. */
export interface LooseTreeTheme {
  id: string;
  label: string;
  labelEn?: string;
  color?: string;
}

// ---------------------------------------------------------------------------------------
// Filtering

/**
 * A case-insensitive filter over names: of themes, terms, countries and dates, the text and note
 * of tags; in workspace scope also over file paths (to narrow the tree to a file or folder).
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
  /** (workspace scope) the file's path */
  inPath(source: TreeSource): boolean {
    return this.matchPaths && source.pathContains(this.needle);
  }
}

// ---------------------------------------------------------------------------------------
// Building

/** The tree of the themes, countries and dates of the sources. */
export function buildThemeTree(input: TreeInput): TreeModel {
  const model: TreeModel = { roots: [], themes: new Map(), shown: 0 };
  if (input.themes.length === 0) return model; // the welcome content (no glossary) shows instead
  const filter = input.filter ? new Filter(input.filter, input.workspace) : undefined;
  const showEmpty = input.showEmpty ?? false;
  const byCount = (input.sort ?? 'count') === 'count';

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

  /** Sorts themes and terms by count, most first; ties (and glossary order) keep their order. */
  const weight = (el: TreeElement): number => (el.type === 'theme' ? el.total + el.tags : el.type === 'term' ? el.occurrences.length : 0);
  const ordered = <T extends TreeElement>(items: T[]): T[] => (byCount ? [...items].sort((a, b) => weight(b) - weight(a)) : items);

  const buildTheme = (theme: GlossaryTheme, parent: ThemeElement | undefined, ancestorMatched: boolean): ThemeElement | undefined => {
    const matched = ancestorMatched || !filter || filter.has(theme.label, theme.labelEn, theme.id);
    const el: ThemeElement = { type: 'theme', id: `theme:${theme.id}`, theme, parent, total: 0, own: 0, tags: 0, children: [] };
    for (const tag of tagsByTheme.get(theme.id) ?? []) {
      if (matched || filter!.has(tag.tag.note, tag.tag.text) || filter!.inPath(tag.source)) {
        el.children.push({ ...tag, parent: el });
        el.tags++;
        model.shown++; // tags are listed, not counted among the occurrences of terms
      }
    }
    const subThemes: ThemeElement[] = [];
    for (const child of theme.themes) {
      const sub = buildTheme(child, el, matched);
      if (sub) {
        subThemes.push(sub);
        el.total += sub.total;
        el.tags += sub.tags;
      }
    }
    const found = byTheme.get(theme.id);
    const terms: TermElement[] = [];
    const notFound: NotFoundElement = { type: 'termsNotFound', id: `notfound:${theme.id}`, parent: el, children: [] };
    const seen = new Set<string>();
    for (const term of theme.terms) {
      // a term two glossary files give the same theme (merged by id) is listed once
      if (seen.has(term.term)) continue;
      seen.add(term.term);
      const termMatched = matched || filter!.has(term.term, term.en, ...term.aliases);
      let occurrences = found?.get(term.term) ?? [];
      if (!termMatched) occurrences = occurrences.filter((o) => filter!.inPath(o.source));
      if (occurrences.length) {
        terms.push({ type: 'term', id: `term:${theme.id}:${term.term}`, term, parent: el, occurrences });
        el.own += occurrences.length;
      } else if (termMatched && showEmpty) {
        notFound.children.push({ type: 'term', id: `term:${theme.id}:${term.term}`, term, parent: notFound, occurrences: [] });
      }
    }
    el.children.push(...ordered(subThemes), ...ordered(terms));
    if (notFound.children.length) el.children.push(notFound);
    el.total += el.own;
    model.shown += el.own;
    // without showEmpty a theme with nothing in it goes; with it, one the filter leaves empty
    if (showEmpty ? !matched && el.children.length === 0 : el.total === 0 && el.tags === 0) return undefined;
    model.themes.set(theme.id, el);
    return el;
  };
  const roots: ThemeElement[] = [];
  for (const theme of input.themes) {
    const el = buildTheme(theme, undefined, false);
    if (el) roots.push(el);
  }
  // tags whose theme is in no glossary: under a theme of their own (the annotations file's, or its id)
  for (const [themeId, tags] of tagsByTheme) {
    if (model.themes.has(themeId) || glossaryHas(input.themes, themeId)) continue;
    const loose = input.looseTheme?.(themeId, tags[0].source.uri);
    const theme: GlossaryTheme = { id: themeId, label: loose?.label ?? themeId, terms: [], themes: [], depth: 0, source: { file: '', line: 0, column: 0 } };
    if (loose?.labelEn) theme.labelEn = loose.labelEn;
    if (loose?.color) theme.color = loose.color;
    const matched = !filter || filter.has(theme.label, theme.labelEn, theme.id);
    const el: ThemeElement = { type: 'theme', id: `theme:${themeId}`, theme, parent: undefined, total: 0, own: 0, tags: 0, loose: loose ? 'file' : 'unknown', children: [] };
    for (const tag of tags) {
      if (matched || filter!.has(tag.tag.note, tag.tag.text) || filter!.inPath(tag.source)) {
        el.children.push({ ...tag, parent: el });
        el.tags++;
        model.shown++;
      }
    }
    if (el.tags === 0) continue;
    model.themes.set(themeId, el);
    roots.push(el);
  }
  model.roots.push(...ordered(roots));

  // Countries, most mentioned first
  const countries: CountriesElement = { type: 'countries', id: 'countries', total: 0, children: [] };
  for (const [code, all] of byCountry) {
    const c = countryByCode(code);
    const occurrences = !filter || filter.has(c?.nameTh, c?.nameEn, c?.formalTh, c?.formalEn, code) ? all : all.filter((o) => filter.inPath(o.source));
    if (occurrences.length === 0) continue;
    countries.children.push({ type: 'country', id: `country:${code}`, code, parent: countries, occurrences });
    countries.total += occurrences.length;
  }
  countries.children.sort((a, b) => b.occurrences.length - a.occurrences.length || compareText(countryByCode(a.code)?.nameTh ?? a.code, countryByCode(b.code)?.nameTh ?? b.code));
  if (!filter || countries.total) model.roots.push(countries);
  model.shown += countries.total;

  // Dates: a timeline, equal dates once; unresolved ones last, in document order
  const datesEl: DatesElement = { type: 'dates', id: 'dates', children: [], total: 0 };
  const shownDates = filter ? dates.filter((o) => filter.has(o.ann.text, o.ann.from, o.ann.to, o.ann.relative) || filter.inPath(o.source)) : dates;
  // (the sort is stable: equal dates stay in document order, documents in path order)
  const sortedDates = [...shownDates].sort((a, b) => compareDates(a.ann, b.ann));
  datesEl.total = sortedDates.length;
  const groups: TreeElement[] = [];
  for (let i = 0; i < sortedDates.length; ) {
    const key = dateKey(sortedDates[i].ann);
    let j = i + 1;
    while (j < sortedDates.length && dateKey(sortedDates[j].ann) === key) j++;
    const dateOf = (occ: Occurrence<DateAnnotation>, parent: DatesElement | DateGroupElement): DateElement => ({ type: 'date', id: `date:${occ.source.uri}#${occ.ann.start}`, occ, parent });
    if (j - i === 1) groups.push(dateOf(sortedDates[i], datesEl));
    else {
      const group: DateGroupElement = { type: 'dateGroup', id: `dates:${key}`, parent: datesEl, children: [] };
      group.children = sortedDates.slice(i, j).map((occ) => dateOf(occ, group));
      groups.push(group);
    }
    i = j;
  }
  datesEl.children = capped(datesEl, groups);
  if (!filter || datesEl.total) model.roots.push(datesEl);
  model.shown += datesEl.total;
  return model;
}

/** True when a theme of `themes` (at any depth) has this id. */
function glossaryHas(themes: readonly GlossaryTheme[], id: string): boolean {
  return themes.some((t) => t.id === id || glossaryHas(t.themes, id));
}

/** Dates are equal when they have the same Gregorian value; unresolved ones, the same text. */
function dateKey(d: DateAnnotation): string {
  return d.from ? `${d.from}/${d.to ?? d.from}` : `?${d.text}`;
}

/** The tags of the documents in scope, by theme, in document order. */
function tagElementsByTheme(input: TreeInput): Map<string, Omit<TagElement, 'parent'>[]> {
  const out = new Map<string, Omit<TagElement, 'parent'>[]>();
  if (!input.tagsOf) return out;
  for (const source of input.sources) {
    const tags = [...input.tagsOf(source.uri)].sort((a, b) => a.start - b.start);
    for (const tag of tags) {
      if (input.coder !== undefined && tag.creator !== input.coder) continue;
      let list = out.get(tag.theme);
      if (!list) out.set(tag.theme, (list = []));
      list.push({ type: 'tag', id: `tag:${tag.id}`, tag, source });
    }
  }
  return out;
}

/** A found passage: [start, end) of a paragraph of a document in the tree's sources. */
export interface FoundTreePassage {
  source: TreeSource;
  start: number;
  end: number;
}

/** The group of the passages a query found (MAX_CHILDREN of them at most, then "n more"). */
export function passagesElement(query: string, passages: readonly FoundTreePassage[]): PassagesElement {
  const group: PassagesElement = { type: 'passages', id: 'passages', query, total: passages.length, children: [] };
  group.children = capped(
    group,
    passages.map((p): PassageElement => ({ type: 'passage', id: `passage:${p.source.uri}#${p.start}`, source: p.source, start: p.start, end: p.end, parent: group })),
  );
  return group;
}

/** The children of an element, the occurrence items made on first use. */
export function childrenOf(el: TreeElement): TreeElement[] {
  switch (el.type) {
    case 'theme':
    case 'termsNotFound':
    case 'countries':
    case 'dates':
    case 'dateGroup':
    case 'passages':
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

/**
 * What `el` shows; `workspace`: workspace scope (occurrences say their file); `lang`: the content
 * language, whether a theme, term or country is labelled in Thai (its English after the count)
 * or in English (its Thai after the count) when it has both.
 */
export function present(el: TreeElement, workspace: boolean, lang: ContentLanguage = 'th'): ItemView {
  /** [label, the other language's name for the description] */
  const names = (th: string, en: string | undefined): [string, string | undefined] => (lang === 'en' && en ? [en, th] : [th, en]);
  const where = (o: Occurrence) => {
    const line = o.source.lineOf(o.ann.start) + 1;
    return workspace ? l10n.t('{0} · line {1}', o.source.name, line) : l10n.t('line {0}', line);
  };
  /** the whole line of an occurrence (labels may be cut), and where it is */
  const fullLine = (o: { source: TreeSource; start: number }): string[] => {
    const [start, end] = o.source.lineSpan(o.source.lineOf(o.start));
    return [o.source.text.slice(start, end).trim()];
  };
  switch (el.type) {
    case 'theme': {
      const t = el.theme;
      const sub = el.total - el.own;
      const tags = el.tags ? [[plural(el.tags, l10n.t('1 tagged passage'), l10n.t('{0} tagged passages', formatNumber(el.tags)))]] : [];
      if (el.loose) {
        const origin = el.loose === 'file' ? l10n.t('a theme of the annotations file (made while tagging)') : l10n.t('a theme found in no glossary and not in the annotations file');
        const tooltip = [[t.label, ...(t.labelEn ? [t.labelEn] : [])], [origin], ...tags];
        const [label, other] = names(t.label, t.labelEn);
        return { label, description: withEnglish(plural(el.tags, l10n.t('1 tag'), l10n.t('{0} tags', formatNumber(el.tags))), other), icon: { color: el.loose === 'file' ? themeColor(t) : UNKNOWN_THEME_COLOR }, tooltip, collapsible: true };
      }
      const tooltip = [[t.label, ...(t.labelEn ? [t.labelEn] : [])], ...(t.gloss ? [[t.gloss]] : []), [sub ? l10n.t('{0} ({1} in sub-themes)', occurrences(el.total), formatNumber(sub)) : occurrences(el.total)], ...tags];
      const [label, other] = names(t.label, t.labelEn);
      return { label, description: withEnglish(String(el.total), other), icon: { color: themeColor(t) }, tooltip, collapsible: true };
    }
    case 'term': {
      const t = el.term;
      const count = el.occurrences.length;
      const tooltip = [[t.term, ...(t.en ? [t.en] : [])], ...(t.gloss ? [[t.gloss]] : []), ...(t.aliases.length ? [[l10n.t('also: {0}', t.aliases.join(', '))]] : []), [occurrences(count)]];
      const [label, other] = names(t.term, t.en);
      return { label, description: withEnglish(String(count), other), icon: { codicon: 'symbol-keyword' }, tooltip, collapsible: count > 0 };
    }
    case 'termsNotFound': {
      const n = el.children.length;
      return { label: plural(n, l10n.t('1 term not found'), l10n.t('{0} terms not found', formatNumber(n))), icon: { codicon: 'eye-closed' }, tooltip: l10n.t('Terms of this theme that do not occur here'), collapsible: true };
    }
    case 'tag': {
      const tag = el.tag;
      const line = el.source.lineOf(tag.start) + 1;
      const coder = tag.creator;
      const description = coder
        ? tag.orphaned
          ? workspace ? l10n.t('tag by {0} · {1} · orphaned', coder, el.source.name) : l10n.t('tag by {0} · orphaned', coder)
          : workspace ? l10n.t('tag by {0} · {1} · line {2}', coder, el.source.name, line) : l10n.t('tag by {0} · line {1}', coder, line)
        : tag.orphaned
          ? workspace ? l10n.t('tag · {0} · orphaned', el.source.name) : l10n.t('tag · orphaned')
          : workspace ? l10n.t('tag · {0} · line {1}', el.source.name, line) : l10n.t('tag · line {0}', line);
      const view: ItemView = { label: '', description, icon: { codicon: 'tag' }, collapsible: false };
      if (tag.orphaned) view.label = tag.text.replace(/\s+/g, ' ').slice(0, MAX_LABEL);
      else {
        const line = el.source.excerpt(tag.start, tag.end);
        view.label = line.text;
        view.highlight = line.highlight;
        view.reveal = { uri: el.source.uri, start: tag.start, end: tag.end };
      }
      view.tooltip = [[tag.text], ...(tag.note ? [[tag.note]] : [])];
      return view;
    }
    case 'occurrence': {
      const o = el.occ;
      const line = o.source.excerpt(o.ann.start, o.ann.end);
      return { label: line.text, highlight: line.highlight, description: where(o), reveal: { uri: o.source.uri, start: o.ann.start, end: o.ann.end }, tooltip: [fullLine({ source: o.source, start: o.ann.start }), [where(o)]], collapsible: false };
    }
    case 'countries':
      return { label: l10n.t('Countries'), description: String(el.total), icon: { codicon: 'globe' }, collapsible: el.children.length > 0 };
    case 'country': {
      const c = countryByCode(el.code);
      const flag = flagEmoji(el.code);
      const n = el.occurrences.length;
      const formal = [c?.formalTh, c?.formalEn].filter((name, i) => name && name !== [c?.nameTh, c?.nameEn][i]) as string[];
      return {
        label: `${flag ? flag + ' ' : ''}${names(c?.nameTh ?? el.code, c?.nameEn)[0]}`,
        description: withEnglish(String(n), names(c?.nameTh ?? el.code, c?.nameEn)[1]),
        tooltip: [[c?.nameTh ?? el.code, ...(c?.nameEn ? [c.nameEn] : [])], ...(formal.length ? [formal] : []), [el.code], [occurrences(n)]],
        collapsible: true,
      };
    }
    case 'dates':
      return { label: l10n.t('Dates'), description: String(el.total), icon: { codicon: 'calendar' }, collapsible: el.children.length > 0 };
    case 'dateGroup': {
      const first = el.children[0].occ.ann;
      // labelled as it is written most often (ties: first in the timeline)
      const forms = new Map<string, number>();
      for (const d of el.children) forms.set(d.occ.ann.text, (forms.get(d.occ.ann.text) ?? 0) + 1);
      let label = first.text;
      for (const [text, count] of forms) if (count > forms.get(label)!) label = text;
      const n = el.children.length;
      return {
        label,
        description: `${gregorian(first)} (${n})`,
        tooltip: [[plural(n, l10n.t('{0}: 1 place', gregorian(first)), l10n.t('{0}: {1} places', gregorian(first), formatNumber(n)))], [l10n.t('written: {0}', [...forms.keys()].join(', '))]],
        icon: { codicon: 'calendar' },
        collapsible: true,
      };
    }
    case 'date': {
      const o = el.occ;
      const tooltip = [fullLine({ source: o.source, start: o.ann.start }), [`${o.ann.text}: ${gregorian(o.ann)}`, where(o)]];
      const reveal = { uri: o.source.uri, start: o.ann.start, end: o.ann.end };
      if (el.parent.type === 'dateGroup') {
        // under its group the value is said once: each place shows its line
        const line = o.source.excerpt(o.ann.start, o.ann.end);
        return { label: line.text, highlight: line.highlight, description: where(o), reveal, tooltip, collapsible: false };
      }
      return { label: o.ann.text, description: `${gregorian(o.ann)} · ${where(o)}`, reveal, tooltip, collapsible: false };
    }
    case 'passages':
      return {
        label: l10n.t('Passages: {0}', el.query),
        description: plural(el.total, l10n.t('1 passage'), l10n.t('{0} passages', formatNumber(el.total))),
        tooltip: [[l10n.t('Passages: {0}', el.query)], [l10n.t('Found by Find Passages...; the Clear button removes them from the view')]],
        icon: { codicon: 'search' },
        collapsible: true,
      };
    case 'passage': {
      const line = el.source.lineOf(el.start) + 1;
      const where = l10n.t('{0} · line {1}', el.source.name, line);
      return {
        label: oneLine(el.source.text.slice(el.start, el.end), MAX_LABEL),
        description: where,
        reveal: { uri: el.source.uri, start: el.start, end: el.end },
        tooltip: [[oneLine(el.source.text.slice(el.start, el.end), 1000)], [where]],
        icon: { codicon: 'note' },
        collapsible: false,
      };
    }
    case 'more':
      return { label: l10n.t('{0} more…', formatNumber(el.hidden)), tooltip: l10n.t('Narrow the list with the filter to see these'), collapsible: false };
  }
}

/**
 * The item's context value (package.json menus): its type; a theme in no glossary is a
 * `looseTheme` (it has no glossary entry to open).
 */
export function contextValue(el: TreeElement): string {
  return el.type === 'theme' && el.loose ? 'looseTheme' : el.type;
}

/** The tree as plain data, every item expanded, as the view shows it. */
export function snapshot(roots: readonly TreeElement[], view: { workspace: boolean; expanded: ReadonlySet<string>; selected: ReadonlySet<string>; lang?: ContentLanguage }): TreeItemSnapshot[] {
  const copy = (el: TreeElement): TreeItemSnapshot => {
    const item = present(el, view.workspace, view.lang);
    const out: TreeItemSnapshot = { kind: contextValue(el), label: item.label, id: el.id };
    if (item.description !== undefined) out.description = item.description;
    if (el.type === 'theme') out.color = 'color' in (item.icon ?? {}) ? (item.icon as { color: string }).color : themeColor(el.theme);
    if (item.collapsible) out.expanded = view.expanded.has(el.id);
    if (view.selected.has(el.id)) out.selected = true;
    if (item.reveal) out.target = { ...item.reveal };
    const children = childrenOf(el);
    if (children.length) out.children = children.map(copy);
    return out;
  };
  return roots.map(copy);
}

/** `1 occurrence`, `3 occurrences` */
function occurrences(n: number): string {
  return plural(n, l10n.t('1 occurrence'), l10n.t('{0} occurrences', formatNumber(n)));
}

function withEnglish(count: string, en: string | undefined): string {
  return en ? `${count} · ${en}` : count;
}

/** The Gregorian value of a date annotation: `YYYY-MM-DD`, a range, or `unresolved`. */
function gregorian(d: DateAnnotation): string {
  if (!d.from) return l10n.t('unresolved');
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
