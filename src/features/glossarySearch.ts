/**
 * Fuzzy search over the glossary for "Go to Theme..." and "Search Glossary...": themes and
 * terms ranked by fuse.js over their Thai and English labels, terms, aliases and glosses.
 * Thai is written without spaces, so a match may be anywhere in a field (`ignoreLocation`).
 * A name that is the query itself, or the query with a tone mark or two missing or added
 * (`ความมันคง` for `ความมั่นคง`) or one letter off, ranks before matches inside longer names.
 * Countries (Thai and English names, formal names, other names, ISO codes) can be searched too.
 * The Fuse indexes are built once per glossary version. Themes that are in no glossary (the
 * annotations file's own, made while tagging) can be searched with the glossary's.
 *
 * Pure: no `vscode` import, so the unit tests can check the ranking.
 */
import Fuse from 'fuse.js';
import { COUNTRIES, flagEmoji, isToneMark, normalizeTerm, type Country, type FlatTheme, type GlossarySet } from '../core';

export interface GlossaryMatch {
  kind: 'theme' | 'term' | 'country';
  /** the theme (kinds `theme` and `term`; '' for a country) */
  themeId: string;
  /** the canonical term (kind `term` only) */
  term?: string;
  /** the ISO code (kind `country` only) */
  country?: string;
  /** the theme's label, or the term */
  label: string;
  /** English label or equivalent */
  labelEn?: string;
  /** the theme path, outermost first, `Thai (English) › ...` (for a theme: its ancestors) */
  path: string;
  /** the term's or the theme's own gloss */
  gloss?: string;
  /** Fuse score: 0 is a perfect match, 1 no match */
  score: number;
}

/** What Fuse searches in: each field a list of strings. */
interface SearchRecord {
  match: Omit<GlossaryMatch, 'score'>;
  labels: string[];
  terms: string[];
  aliases: string[];
  glosses: string[];
}

const FUSE_OPTIONS = {
  keys: [
    { name: 'labels', weight: 1 },
    { name: 'terms', weight: 0.7 },
    { name: 'aliases', weight: 0.5 },
    { name: 'glosses', weight: 0.25 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
  minMatchCharLength: 1,
};

/** A theme that is in no glossary (the annotations file's own): found by its labels and id. */
export interface LooseTheme {
  id: string;
  label: string;
  labelEn?: string;
}

/** `การทูตทดสอบ (Test diplomacy)` */
export function themeTitle(theme: { label: string; labelEn?: string }): string {
  return theme.labelEn ? `${theme.label} (${theme.labelEn})` : theme.label;
}

/** `A (a) › B (b)` */
export function pathTitle(themes: ReadonlyArray<{ label: string; labelEn?: string }>): string {
  return themes.map(themeTitle).join(' › ');
}

/**
 * A theme as a search record. With `withTerms` (Go to Theme, where terms are not items of
 * their own) it is found by its terms, aliases and their glosses too; in Search Glossary the
 * terms are items themselves, and a term should rank above the theme it belongs to.
 */
function themeRecord({ theme, ancestors }: FlatTheme, withTerms: boolean): SearchRecord {
  const match: Omit<GlossaryMatch, 'score'> = { kind: 'theme', themeId: theme.id, label: theme.label, path: pathTitle(ancestors) };
  if (theme.labelEn) match.labelEn = theme.labelEn;
  if (theme.gloss) match.gloss = theme.gloss;
  return {
    match,
    labels: theme.labelEn ? [theme.label, theme.labelEn, theme.id] : [theme.label, theme.id],
    terms: withTerms ? theme.terms.flatMap((t) => (t.en ? [t.term, t.en] : [t.term])) : [],
    aliases: withTerms ? theme.terms.flatMap((t) => t.aliases) : [],
    glosses: [theme.gloss, ...(withTerms ? theme.terms.map((t) => t.gloss) : [])].filter((g): g is string => !!g),
  };
}

function looseRecord(theme: LooseTheme): SearchRecord {
  const match: Omit<GlossaryMatch, 'score'> = { kind: 'theme', themeId: theme.id, label: theme.label, path: '' };
  if (theme.labelEn) match.labelEn = theme.labelEn;
  return { match, labels: theme.labelEn ? [theme.label, theme.labelEn, theme.id] : [theme.label, theme.id], terms: [], aliases: [], glosses: [] };
}

/** A country as a search record: its names are its labels, its formal and other names its aliases. */
function countryRecord(c: Country): SearchRecord {
  const flag = flagEmoji(c.code);
  const match: Omit<GlossaryMatch, 'score'> = { kind: 'country', themeId: '', country: c.code, label: c.nameTh, labelEn: c.nameEn, path: flag ? `${flag} ${c.code}` : c.code };
  const formal = [c.formalTh, c.formalEn].filter((n): n is string => !!n);
  return { match, labels: [c.nameTh, c.nameEn, c.code], terms: [], aliases: [...formal, ...(c.aliases ?? [])], glosses: [] };
}

let countryIndex: { records: SearchRecord[]; fuse: Fuse<SearchRecord>; names: Map<string, SearchRecord[]> } | undefined;

function countries(): NonNullable<typeof countryIndex> {
  if (!countryIndex) {
    const records = COUNTRIES.map(countryRecord);
    countryIndex = { records, fuse: new Fuse(records, FUSE_OPTIONS), names: namesOf(records) };
  }
  return countryIndex;
}

function termRecords({ theme, ancestors }: FlatTheme): SearchRecord[] {
  const path = pathTitle([...ancestors, theme]);
  return theme.terms.map((t) => {
    const match: Omit<GlossaryMatch, 'score'> = { kind: 'term', themeId: theme.id, term: t.term, label: t.term, path };
    if (t.en) match.labelEn = t.en;
    if (t.gloss) match.gloss = t.gloss;
    return { match, labels: t.en ? [t.term, t.en] : [t.term], terms: [], aliases: t.aliases, glosses: t.gloss ? [t.gloss] : [] };
  });
}

interface Indexes {
  version: number;
  themes: SearchRecord[];
  all: SearchRecord[];
  themeFuse: Fuse<SearchRecord>;
  allFuse: Fuse<SearchRecord>;
  /** the records by each of their folded names (see `fold`) */
  themeNames: Map<string, SearchRecord[]>;
  allNames: Map<string, SearchRecord[]>;
}

const cache = new WeakMap<object, Indexes>();
const withLooseCache = new WeakMap<object, { key: string; records: SearchRecord[]; fuse: Fuse<SearchRecord>; names: Map<string, SearchRecord[]> }>();

function indexes(set: Pick<GlossarySet, 'flatThemes' | 'version'>): Indexes {
  const cached = cache.get(set);
  if (cached && cached.version === set.version) return cached;
  const themes: SearchRecord[] = [];
  const all: SearchRecord[] = [];
  for (const flat of set.flatThemes) {
    themes.push(themeRecord(flat, true));
    all.push(themeRecord(flat, false), ...termRecords(flat));
  }
  const built: Indexes = {
    version: set.version,
    themes,
    all,
    themeFuse: new Fuse(themes, FUSE_OPTIONS),
    allFuse: new Fuse(all, FUSE_OPTIONS),
    themeNames: namesOf(themes),
    allNames: namesOf(all),
  };
  cache.set(set, built);
  return built;
}

/**
 * A name as the closeness test compares it: normalised as glossary terms are, lower case, without
 * Thai tone marks (่ ้ ๊ ๋), ็ and ์, which are often left out or mistyped.
 */
function fold(name: string): string {
  const n = normalizeTerm(name).toLowerCase();
  let out = '';
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    if (!isToneMark(c) && c !== 0x0e47 && c !== 0x0e4c) out += n[i];
  }
  return out;
}

/** The records by each of their folded names (labels, terms, aliases; not glosses). */
function namesOf(records: readonly SearchRecord[]): Map<string, SearchRecord[]> {
  const map = new Map<string, SearchRecord[]>();
  for (const r of records) {
    for (const name of new Set([...r.labels, ...r.terms, ...r.aliases].map(fold))) {
      const list = map.get(name);
      if (list) list.push(r);
      else map.set(name, [r]);
    }
  }
  return map;
}

/** The edit distance of a and b when it is at most `max` (else max + 1). */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}

/** How far a whole name may be from the query and still count as the name meant: one letter from 5 letters on. */
function nearEnough(query: string): number {
  return query.length >= 5 ? 1 : 0;
}

/** A match and its place: `near` is the edit distance of its nearest name (Infinity: none near). */
interface Ranked {
  match: GlossaryMatch;
  near: number;
}

/**
 * Fuse's ranking, with the records one of whose names is the query (folded), or one letter off
 * it, first: nearest first, then by Fuse's score. A short query matches inside many long names
 * at the same score; the name that is the query itself is the one meant.
 */
function rank(records: SearchRecord[], fuse: Fuse<SearchRecord>, names: Map<string, SearchRecord[]>, query: string, limit: number): Ranked[] {
  const q = query.trim();
  if (q === '') return records.slice(0, limit).map((r) => ({ match: { ...r.match, score: 0 }, near: Infinity }));
  const folded = fold(q);
  const max = nearEnough(folded);
  const found = new Map<SearchRecord, Ranked>();
  for (const r of names.get(folded) ?? []) found.set(r, { match: { ...r.match, score: 0 }, near: 0 });
  for (const { item, score } of fuse.search(q)) {
    if (found.has(item)) continue;
    let near = Infinity;
    if (max > 0) {
      for (const name of [...item.labels, ...item.terms, ...item.aliases]) near = Math.min(near, editDistance(folded, fold(name), max));
      if (near > max) near = Infinity;
    }
    found.set(item, { match: { ...item.match, score: score ?? 0 }, near });
  }
  return byPlace([...found.values()]).slice(0, limit);
}

/** Nearest names first, then by score (a stable sort: Fuse's order for equal scores). */
function byPlace(list: Ranked[]): Ranked[] {
  return list.sort((a, b) => (a.near === b.near ? 0 : a.near < b.near ? -1 : 1) || a.match.score - b.match.score);
}

/** Countries ranked for `query` (none for an empty query). */
export function searchCountries(query: string, limit = 200): GlossaryMatch[] {
  return rankCountries(query, limit).map((r) => r.match);
}

function rankCountries(query: string, limit: number): Ranked[] {
  if (query.trim() === '') return [];
  const ix = countries();
  return rank(ix.records, ix.fuse, ix.names, query, limit);
}

/** The glossary's matches, and the countries' merged in by place when asked. */
function withCountries(ranked: Ranked[], query: string, limit: number, options: SearchOptions): GlossaryMatch[] {
  const all = options.countries ? byPlace([...ranked, ...rankCountries(query, limit)]).slice(0, limit) : ranked;
  return all.map((r) => r.match);
}

/** The glossary's themes and, after them, the loose themes with ids of their own. */
function themesWithLoose(set: Pick<GlossarySet, 'flatThemes' | 'version'>, loose: readonly LooseTheme[]): { records: SearchRecord[]; fuse: Fuse<SearchRecord>; names: Map<string, SearchRecord[]> } {
  const ix = indexes(set);
  if (loose.length === 0) return { records: ix.themes, fuse: ix.themeFuse, names: ix.themeNames };
  const key = `${set.version}|${JSON.stringify(loose.map((t) => [t.id, t.label, t.labelEn]))}`;
  const cached = withLooseCache.get(set);
  if (cached?.key === key) return cached;
  const seen = new Set(ix.themes.map((r) => r.match.themeId));
  const records = [...ix.themes, ...loose.filter((t) => !seen.has(t.id)).map(looseRecord)];
  const built = { key, records, fuse: new Fuse(records, FUSE_OPTIONS), names: namesOf(records) };
  withLooseCache.set(set, built);
  return built;
}

/** What else a search looks through. */
export interface SearchOptions {
  /** countries too (ranked with the glossary's matches; never for an empty query) */
  countries?: boolean;
}

/**
 * Themes ranked for `query` (every theme in glossary order when it is empty); `loose` themes (in
 * no glossary) are searched too, and listed after the glossary's.
 */
export function searchThemes(set: Pick<GlossarySet, 'flatThemes' | 'version'>, query: string, limit = 200, loose: readonly LooseTheme[] = [], options: SearchOptions = {}): GlossaryMatch[] {
  const { records, fuse, names } = themesWithLoose(set, loose);
  return withCountries(rank(records, fuse, names, query, limit), query, limit, options);
}

/** Terms and themes ranked for `query` (everything in glossary order when it is empty). */
export function searchGlossary(set: Pick<GlossarySet, 'flatThemes' | 'version'>, query: string, limit = 200, options: SearchOptions = {}): GlossaryMatch[] {
  const ix = indexes(set);
  return withCountries(rank(ix.all, ix.allFuse, ix.allNames, query, limit), query, limit, options);
}
