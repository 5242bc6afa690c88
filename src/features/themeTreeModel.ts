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
 *
 * Built in steps (`buildThemeTreeSteps`, a document or a theme a step) so that the extension host
 * runs it in slices (src/features/slices.ts): first the counts of every term, country and date
 * (src/features/themeTreeCounts.ts, kept for the next build while the documents are the same),
 * then the themes from the counts; the occurrences of a term, a country or a date value are
 * looked up only when its item is expanded (`childrenOf`). src/features/themeTreeItems.ts gives
 * what an item shows and the tree as plain data; src/extension/features/themeTree.ts shows it.
 *
 * Pure: no `vscode`, so the unit tests check the tree on in-memory documents.
 */
import type { Annotation, CountryAnnotation, DateAnnotation, TermAnnotation } from '../core';
import { LineIndex, countryByCode, type GlossaryTerm, type GlossaryTheme } from '../core';
import { visitList, type AnnotationFields, type AnnotationVisitor } from './compactIndex';
import { excerpt, type Excerpt } from './lineExcerpt';
import { runAll, type Steps } from './slices';
import { ThemeTreeCounts, gather, sameDate, type Places } from './themeTreeCounts';

export type { Excerpt } from './lineExcerpt';

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

// ---------------------------------------------------------------------------------------
// Documents and their lines

/** What a source that does not keep its text and annotations reads them from (a document of the workspace index). */
export interface SourceDocument {
  readonly text: string;
  readonly annotations: readonly Annotation[];
  /** visits the annotations from index `from` on without making objects for them (`annotations` is used without it) */
  forEachAnnotation?(visit: AnnotationVisitor, from?: number): void;
}

/** A document the tree lists, with its line table built on first use. */
export class TreeSource {
  private lines: LineIndex | undefined;
  /** where the text and annotations are read from each time (a document of the workspace index) */
  private document: SourceDocument | undefined;

  constructor(
    /** the document's URI, as a string */
    readonly uri: string,
    private readonly ownText: string,
    private readonly ownAnnotations: readonly Annotation[],
    /** the workspace-relative path, shown in workspace scope */
    readonly name: string,
  ) {}

  /**
   * A source that keeps neither the text nor the annotations but asks `document` for them when
   * needed: the workspace index keeps a closed file compact and makes them on demand, so the
   * tree of a large workspace does not hold every document's text and annotation objects.
   */
  static reading(uri: string, document: SourceDocument, name: string): TreeSource {
    const source = new TreeSource(uri, '', [], name);
    source.document = document;
    return source;
  }

  /** The text; a source that reads its document keeps the text once asked (for lines and excerpts: one string they all slice). */
  get text(): string {
    return this.document ? this.lineIndex().text : this.ownText;
  }

  get annotations(): readonly Annotation[] {
    return this.document ? this.document.annotations : this.ownAnnotations;
  }

  /**
   * Visits the annotations from index `from` on: the fields given are not to be kept (a row of
   * the workspace index's table, for a compact document: no object is made for each annotation).
   */
  forEachAnnotation(visit: AnnotationVisitor, from = 0): void {
    if (this.document?.forEachAnnotation) this.document.forEachAnnotation(visit, from);
    else visitList(this.annotations, visit, from);
  }

  private lineIndex(): LineIndex {
    return (this.lines ??= new LineIndex(this.document ? this.document.text : this.ownText));
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

/** Looks up occurrences (in document order), at most `limit`. */
export type FindOccurrences<A extends Annotation> = (limit?: number) => Occurrence<A>[];

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
  /** its occurrences shown */
  count: number;
  /** its occurrences, looked up when the item is expanded */
  find: FindOccurrences<TermAnnotation>;
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
  /** its occurrences shown */
  count: number;
  find: FindOccurrences<CountryAnnotation>;
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
  /** the first of them in document order */
  first: DateAnnotation;
  /** how many times each form is written, in order of first occurrence */
  forms: ReadonlyMap<string, number>;
  /** its places shown */
  count: number;
  find: FindOccurrences<DateAnnotation>;
  children?: DateElement[];
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
  /** the counts it was built from (give them to the next build of the same documents) */
  counts?: ThemeTreeCounts;
}

/** What the tree is built from. */
export interface TreeInput {
  /** the glossary's top-level themes */
  themes: readonly GlossaryTheme[];
  /** the documents in scope, in order */
  sources: readonly TreeSource[];
  /** the counts of a previous build: used when they are of the same documents */
  counts?: ThemeTreeCounts;
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
  /** (workspace scope) the documents whose path matches, by index */
  readonly paths: Uint8Array | undefined;
  constructor(
    text: string,
    matchPaths: boolean,
    sources: readonly TreeSource[],
  ) {
    this.needle = text.toLowerCase();
    this.paths = matchPaths ? Uint8Array.from(sources, (s) => (s.pathContains(this.needle) ? 1 : 0)) : undefined;
  }
  has(...values: Array<string | undefined>): boolean {
    for (const v of values) if (v && v.toLowerCase().includes(this.needle)) return true;
    return false;
  }
  /** (workspace scope) the file's path */
  inPath(source: TreeSource): boolean {
    return this.paths !== undefined && source.pathContains(this.needle);
  }
}

/** No document: a filter that matches no path. */
const NO_PATHS = new Uint8Array(0);

// ---------------------------------------------------------------------------------------
// Building

/** The tree of the themes, countries and dates of the sources, built at once. */
export function buildThemeTree(input: TreeInput): TreeModel {
  return runAll(buildThemeTreeSteps(input));
}

/** `buildThemeTree` in steps (a document or a theme each), for `runSliced`. */
export function* buildThemeTreeSteps(input: TreeInput): Steps<TreeModel> {
  const model: TreeModel = { roots: [], themes: new Map(), shown: 0 };
  if (input.themes.length === 0) return model; // the welcome content (no glossary) shows instead
  const sources = input.sources;
  const counts = input.counts?.sameSources(sources) ? input.counts : new ThemeTreeCounts(sources);
  yield* counts.steps();
  model.counts = counts;
  const filter = input.filter ? new Filter(input.filter, input.workspace, sources) : undefined;
  /** the documents whose occurrences a name that does not match keeps: those of a matching path */
  const paths = filter?.paths ?? NO_PATHS;
  const showEmpty = input.showEmpty ?? false;
  const byCount = (input.sort ?? 'count') === 'count';
  const tagsByTheme = yield* tagElementsByTheme(input);

  /** Sorts themes and terms by count, most first; ties (and glossary order) keep their order. */
  const weight = (el: TreeElement): number => (el.type === 'theme' ? el.total + el.tags : el.type === 'term' ? el.count : 0);
  const ordered = <T extends TreeElement>(items: T[]): T[] => (byCount ? [...items].sort((a, b) => weight(b) - weight(a)) : items);
  /** where a term, country or date value shown in part (by path) is found */
  const where = (places: Places, all: boolean) => (all ? places.count : places.countIn(paths));

  const buildTheme = function* (theme: GlossaryTheme, parent: ThemeElement | undefined, ancestorMatched: boolean): Steps<ThemeElement | undefined> {
    yield;
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
      const sub = yield* buildTheme(child, el, matched);
      if (sub) {
        subThemes.push(sub);
        el.total += sub.total;
        el.tags += sub.tags;
      }
    }
    const found = counts.terms.get(theme.id);
    const terms: TermElement[] = [];
    const notFound: NotFoundElement = { type: 'termsNotFound', id: `notfound:${theme.id}`, parent: el, children: [] };
    const seen = new Set<string>();
    for (const term of theme.terms) {
      // a term two glossary files give the same theme (merged by id) is listed once
      if (seen.has(term.term)) continue;
      seen.add(term.term);
      const termMatched = matched || filter!.has(term.term, term.en, ...term.aliases);
      const places = found?.get(term.term);
      const count = places ? where(places, termMatched) : 0;
      const id = `term:${theme.id}:${term.term}`;
      if (count) {
        const is = (a: AnnotationFields) => a.kind === 'term' && a.term === term.term && a.theme === theme.id;
        const keep = termMatched ? undefined : paths;
        terms.push({ type: 'term', id, term, parent: el, count, find: (limit) => gather<TermAnnotation>(sources, places!, is, limit, keep) });
        el.own += count;
      } else if (termMatched && showEmpty) {
        notFound.children.push({ type: 'term', id, term, parent: notFound, count: 0, find: () => [] });
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
    const el = yield* buildTheme(theme, undefined, false);
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
  yield;
  const countries: CountriesElement = { type: 'countries', id: 'countries', total: 0, children: [] };
  for (const [code, places] of counts.countries) {
    const c = countryByCode(code);
    const all = !filter || filter.has(c?.nameTh, c?.nameEn, c?.formalTh, c?.formalEn, code);
    const count = where(places, all);
    if (count === 0) continue;
    const is = (a: AnnotationFields) => a.kind === 'country' && a.country === code;
    const keep = all ? undefined : paths;
    countries.children.push({ type: 'country', id: `country:${code}`, code, parent: countries, count, find: (limit) => gather<CountryAnnotation>(sources, places, is, limit, keep) });
    countries.total += count;
  }
  countries.children.sort((a, b) => b.count - a.count || compareText(countryByCode(a.code)?.nameTh ?? a.code, countryByCode(b.code)?.nameTh ?? b.code));
  if (!filter || countries.total) model.roots.push(countries);
  model.shown += countries.total;

  // Dates: a timeline, equal dates once; unresolved ones last, in order of first occurrence
  const datesEl: DatesElement = { type: 'dates', id: 'dates', children: [], total: 0 };
  const dateOf = (occ: Occurrence<DateAnnotation>, parent: DatesElement | DateGroupElement): DateElement => ({ type: 'date', id: `date:${occ.source.uri}#${occ.ann.start}`, occ, parent });
  /** equal dates: their first occurrence, forms and count, and where they are */
  const values: Array<{ key: string; first: Occurrence<DateAnnotation>; forms: ReadonlyMap<string, number>; count: number; find: FindOccurrences<DateAnnotation> }> = [];
  yield;
  let looked = 0;
  for (const value of counts.dates.values()) {
    if (values.length % 1000 === 999) yield;
    const is = sameDate(value.first.ann);
    const { from, to } = value.first.ann;
    // The filter looks at each date (its text, value and relative word) or its document's path:
    // all of them when the value matches; those of matching paths when no text or word does;
    // else each.
    if (!filter || filter.has(from, to)) {
      values.push({ key: value.key, first: value.first, forms: value.forms, count: value.places.count, find: (limit) => gather<DateAnnotation>(sources, value.places, is, limit) });
      continue;
    }
    if (++looked % 100 === 0) yield;
    const named = [...value.forms.keys()].some((text) => filter.has(text)) || [...(value.relatives ?? [])].some((word) => filter.has(word));
    if (!named && value.places.countIn(paths) === 0) continue;
    const shown = named
      ? gather<DateAnnotation>(sources, value.places, is, Infinity, undefined, (ann, source) => filter.has(ann.text, ann.relative) || filter.inPath(source))
      : gather<DateAnnotation>(sources, value.places, is, Infinity, paths);
    if (shown.length === 0) continue;
    const forms = new Map<string, number>();
    for (const o of shown) forms.set(o.ann.text, (forms.get(o.ann.text) ?? 0) + 1);
    values.push({ key: value.key, first: shown[0], forms, count: shown.length, find: (limit = Infinity) => shown.slice(0, limit) });
  }
  // (the sort is stable: unresolved dates stay in order of first occurrence)
  yield;
  values.sort((a, b) => compareDates(a.first.ann, b.first.ann));
  const groups: TreeElement[] = [];
  for (const value of values) {
    datesEl.total += value.count;
    if (value.count === 1) groups.push(dateOf(value.first, datesEl));
    else groups.push({ type: 'dateGroup', id: `dates:${value.key}`, parent: datesEl, first: value.first.ann, forms: value.forms, count: value.count, find: value.find });
  }
  datesEl.children = capped(datesEl, groups, groups.length);
  if (!filter || datesEl.total) model.roots.push(datesEl);
  model.shown += datesEl.total;
  return model;
}

/** True when a theme of `themes` (at any depth) has this id. */
function glossaryHas(themes: readonly GlossaryTheme[], id: string): boolean {
  return themes.some((t) => t.id === id || glossaryHas(t.themes, id));
}

/** The tags of the documents in scope, by theme, in document order (a document a step). */
function* tagElementsByTheme(input: TreeInput): Steps<Map<string, Omit<TagElement, 'parent'>[]>> {
  const out = new Map<string, Omit<TagElement, 'parent'>[]>();
  if (!input.tagsOf) return out;
  for (const source of input.sources) {
    yield;
    const tags = input.tagsOf(source.uri);
    if (tags.length === 0) continue;
    for (const tag of [...tags].sort((a, b) => a.start - b.start)) {
      if (input.coder !== undefined && tag.creator !== input.coder) continue;
      let list = out.get(tag.theme);
      if (!list) out.set(tag.theme, (list = []));
      list.push({ type: 'tag', id: `tag:${tag.id}`, tag, source });
    }
  }
  return out;
}

/** The children of an element, the occurrence items looked up on first use. */
export function childrenOf(el: TreeElement): TreeElement[] {
  switch (el.type) {
    case 'theme':
    case 'termsNotFound':
    case 'countries':
    case 'dates':
    case 'passages':
      return el.children;
    case 'term':
    case 'country':
      el.children ??= capped(el, el.find(MAX_CHILDREN).map((occ): OccurrenceElement => ({ type: 'occurrence', id: `occ:${occ.source.uri}#${occ.ann.start}`, occ, parent: el })), el.count);
      return el.children;
    case 'dateGroup':
      el.children ??= el.find().map((occ) => ({ type: 'date', id: `date:${occ.source.uri}#${occ.ann.start}`, occ, parent: el }));
      return el.children;
    default:
      return [];
  }
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
  const items = passages.slice(0, MAX_CHILDREN).map((p): PassageElement => ({ type: 'passage', id: `passage:${p.source.uri}#${p.start}`, source: p.source, start: p.start, end: p.end, parent: group }));
  group.children = capped(group, items, passages.length);
  return group;
}

/** A list of `total` items cut at MAX_CHILDREN (`items`: the first of them), with an item saying how many are left out. */
function capped(parent: TreeElement, items: TreeElement[], total: number): TreeElement[] {
  if (total <= MAX_CHILDREN) return items;
  const kept = items.slice(0, MAX_CHILDREN);
  kept.push({ type: 'more', id: `${parent.id}:more`, hidden: total - kept.length, parent });
  return kept;
}

/** Timeline order: by `from`, then `to`; dates without a value last. */
function compareDates(a: DateAnnotation, b: DateAnnotation): number {
  if (!a.from || !b.from) return (a.from ? 0 : 1) - (b.from ? 0 : 1);
  return compareText(a.from, b.from) || compareText(a.to ?? a.from, b.to ?? b.from);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
