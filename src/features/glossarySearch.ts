/**
 * Fuzzy search over the glossary for "Go to Theme..." and "Search Glossary...": themes and
 * terms ranked by fuse.js over their Thai and English labels, terms, aliases and glosses.
 * Thai is written without spaces, so a match may be anywhere in a field (`ignoreLocation`).
 * The Fuse indexes are built once per glossary version. Themes that are in no glossary (the
 * annotations file's own, made while tagging) can be searched with the glossary's.
 *
 * Pure: no `vscode` import, so the unit tests can check the ranking.
 */
import Fuse from 'fuse.js';
import type { FlatTheme, GlossarySet } from '../core';

export interface GlossaryMatch {
  kind: 'theme' | 'term';
  themeId: string;
  /** the canonical term (kind `term` only) */
  term?: string;
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
}

const cache = new WeakMap<object, Indexes>();
const withLooseCache = new WeakMap<object, { key: string; records: SearchRecord[]; fuse: Fuse<SearchRecord> }>();

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
  };
  cache.set(set, built);
  return built;
}

function rank(records: SearchRecord[], fuse: Fuse<SearchRecord>, query: string, limit: number): GlossaryMatch[] {
  const q = query.trim();
  if (q === '') return records.slice(0, limit).map((r) => ({ ...r.match, score: 0 }));
  return fuse.search(q, { limit }).map((r) => ({ ...r.item.match, score: r.score ?? 0 }));
}

/** The glossary's themes and, after them, the loose themes with ids of their own. */
function themesWithLoose(set: Pick<GlossarySet, 'flatThemes' | 'version'>, loose: readonly LooseTheme[]): { records: SearchRecord[]; fuse: Fuse<SearchRecord> } {
  const ix = indexes(set);
  if (loose.length === 0) return { records: ix.themes, fuse: ix.themeFuse };
  const key = `${set.version}|${JSON.stringify(loose.map((t) => [t.id, t.label, t.labelEn]))}`;
  const cached = withLooseCache.get(set);
  if (cached?.key === key) return cached;
  const seen = new Set(ix.themes.map((r) => r.match.themeId));
  const records = [...ix.themes, ...loose.filter((t) => !seen.has(t.id)).map(looseRecord)];
  const built = { key, records, fuse: new Fuse(records, FUSE_OPTIONS) };
  withLooseCache.set(set, built);
  return built;
}

/**
 * Themes ranked for `query` (every theme in glossary order when it is empty); `loose` themes (in
 * no glossary) are searched too, and listed after the glossary's.
 */
export function searchThemes(set: Pick<GlossarySet, 'flatThemes' | 'version'>, query: string, limit = 200, loose: readonly LooseTheme[] = []): GlossaryMatch[] {
  const { records, fuse } = themesWithLoose(set, loose);
  return rank(records, fuse, query, limit);
}

/** Terms and themes ranked for `query` (everything in glossary order when it is empty). */
export function searchGlossary(set: Pick<GlossarySet, 'flatThemes' | 'version'>, query: string, limit = 200): GlossaryMatch[] {
  const ix = indexes(set);
  return rank(ix.all, ix.allFuse, query, limit);
}
