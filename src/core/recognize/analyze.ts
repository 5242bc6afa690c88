/**
 * The whole recognition: glossary terms and countries from one matcher, dates from the
 * date recognizer, merged into one list sorted by start. The matcher's pass over the text
 * also finds where a date may start (its marker words), so the text is read once for all three.
 */
import { countryNames } from './countries';
import { findDates } from './dates';
import { DATE_MARKERS } from './datesTriggers';
import { GlossarySet } from '../glossary/glossary';
import type { Glossary } from '../glossary/glossary';
import { latinCaseOf, Matcher } from './matcher';
import type { MatcherPattern, MatchTarget } from './matcher';
import type { Annotation, AnalyzeOptions, AnnotationKind } from '../types';

/** What `analyze` accepts as glossaries. */
export type GlossarySource = GlossarySet | Glossary | readonly Glossary[];

/**
 * The matcher's patterns in priority order: glossary terms and their aliases (file order),
 * then the glossaries' extra country names, then the built-in gazetteer. When two patterns
 * are the same text, the earlier is tried first.
 */
export function matcherPatterns(set: GlossarySet | undefined): MatcherPattern[] {
  const patterns: MatcherPattern[] = [];
  if (set) {
    const flat = set.flatThemes;
    for (let f = 0; f < flat.length; f++) {
      const theme = flat[f].theme;
      for (let i = 0; i < theme.terms.length; i++) {
        const t = theme.terms[i];
        const target = { kind: 'term' as const, theme: theme.id, term: t.term, wholeWord: t.wholeWord };
        // a form in capitals (WHO, AI) matches only in capitals unless case_sensitive says otherwise
        const targetOf = (form: string): MatchTarget => {
          const exactCase = latinCaseOf(form, t.caseSensitive);
          return exactCase === undefined ? target : { ...target, exactCase };
        };
        patterns.push({ text: t.term, target: targetOf(t.term) });
        for (let a = 0; a < t.aliases.length; a++) patterns.push({ text: t.aliases[a], target: targetOf(t.aliases[a]) });
      }
    }
    for (const c of set.countryAliases) patterns.push({ text: c.alias, target: { kind: 'country', country: c.code } });
  }
  const names = countryNames();
  for (let i = 0; i < names.length; i++) patterns.push({ text: names[i].name, target: { kind: 'country', country: names[i].code } });
  return patterns;
}

/** Builds a GlossarySet from parsed glossaries (used when `analyze` is given plain objects). */
function setOf(glossaries: Glossary | readonly Glossary[]): GlossarySet {
  const set = new GlossarySet();
  const list = Array.isArray(glossaries) ? (glossaries as readonly Glossary[]) : [glossaries as Glossary];
  for (const g of list) set.put(g);
  return set;
}

/**
 * Analyzes texts against a glossary set. The matcher is built once and rebuilt only when
 * the set's `version` changes.
 */
export class Analyzer {
  private matcher?: Matcher;
  private builtFor = -1;

  constructor(readonly glossaries?: GlossarySet) {}

  /** The current matcher (built on first use and after the glossaries change). */
  getMatcher(): Matcher {
    const version = this.glossaries?.version ?? 0;
    if (!this.matcher || this.builtFor !== version) {
      this.matcher = Matcher.build(matcherPatterns(this.glossaries), { markers: DATE_MARKERS });
      this.builtFor = version;
    }
    return this.matcher;
  }

  /**
   * Uses `matcher` (read from a cache: built from `matcherPatterns(this.glossaries)` and the
   * date markers) until the glossaries change.
   */
  useMatcher(matcher: Matcher): void {
    this.matcher = matcher;
    this.builtFor = this.glossaries?.version ?? 0;
  }

  /** Terms, countries and dates in `text`, sorted by start; offsets into `text`. */
  analyze(text: string, options: AnalyzeOptions = {}): Annotation[] {
    const kinds = new Set<AnnotationKind>(options.kinds ?? ['term', 'country', 'date']);
    const dateOptions = { referenceDate: options.referenceDate };
    if (!kinds.has('term') && !kinds.has('country')) return kinds.has('date') ? findDates(text, dateOptions) : [];
    // terms and countries are always matched both, so that they never overlap whichever is
    // asked for; the same pass over the text finds where dates may start, and the dates are
    // merged into the matcher's result as it is built
    const matcher = this.getMatcher();
    const found: Annotation[] = kinds.has('date') ? matcher.findMerged<Annotation>(text, (starts) => findDates(text, dateOptions, starts)) : matcher.find(text);
    return kinds.has('term') && kinds.has('country') ? found : found.filter((a) => kinds.has(a.kind));
  }

  /**
   * What `analyze` finds in `text` (all kinds), counted without keeping the annotations: the
   * number of each kind, and of each theme and country (in the order first found).
   */
  count(text: string, options: Pick<AnalyzeOptions, 'referenceDate'> = {}): TextCounts {
    const counts: TextCounts = { term: 0, country: 0, date: 0, themes: new Map(), countries: new Map() };
    const markers = this.getMatcher().count(text, (kind, key) => {
      counts[kind]++;
      const map = kind === 'term' ? counts.themes : counts.countries;
      map.set(key, (map.get(key) ?? 0) + 1);
    });
    counts.date = findDates(text, { referenceDate: options.referenceDate }, markers).length;
    return counts;
  }
}

/** The counts of `Analyzer.count`. */
export interface TextCounts {
  term: number;
  country: number;
  date: number;
  /** theme id -> number of its terms found */
  themes: Map<string, number>;
  /** ISO code -> number of times found */
  countries: Map<string, number>;
}

const analyzers = new WeakMap<object, Analyzer>();
let noGlossary: Analyzer | undefined;

/**
 * Terms, countries and dates in `text`, sorted by start. The matcher for a given glossary
 * object is cached (and rebuilt when a GlossarySet's version changes).
 */
export function analyze(text: string, glossaries?: GlossarySource, options: AnalyzeOptions = {}): Annotation[] {
  let analyzer: Analyzer;
  if (!glossaries) analyzer = noGlossary ??= new Analyzer();
  else {
    const cached = analyzers.get(glossaries);
    analyzer = cached ?? new Analyzer(glossaries instanceof GlossarySet ? glossaries : setOf(glossaries));
    if (!cached) analyzers.set(glossaries, analyzer);
  }
  return analyzer.analyze(text, options);
}

/** The index of the first annotation that starts at or after `offset` (`annotations` sorted by start). */
export function firstStartingAt(annotations: readonly Annotation[], offset: number): number {
  let lo = 0;
  let hi = annotations.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (annotations[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
