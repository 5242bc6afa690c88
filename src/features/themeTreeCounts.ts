/**
 * The counts the Themes view is built from: for each term of each theme, each country and each
 * date value, how many times it occurs and in which documents (their index in the list of
 * documents, and how many times in each), without an object per occurrence. A theme's tree is
 * built from these counts alone; the occurrences of a term or a country are looked up in its
 * documents only when its item is expanded (`gather`).
 *
 * Counting visits every annotation once, a document a step (`ThemeTreeCounts.steps`, run in
 * slices by src/features/slices.ts); the counts hold while the documents are the same objects,
 * so a new filter, sort or coder reuses them (`sameSources`).
 *
 * Pure: no `vscode`.
 */
import type { Annotation, DateAnnotation } from '../core';
import type { Steps } from './slices';
import type { Occurrence, TreeSource } from './themeTreeModel';

/** Where one key (a term of a theme, a country, a date value) occurs. */
export class Places {
  /** occurrences in all */
  count = 0;
  /** the documents it occurs in (indexes into the list of documents), in order, each once */
  readonly sources: number[] = [];
  /** how many times in each of `sources` */
  readonly counts: number[] = [];
  /** the index of its first annotation in each of `sources` */
  readonly starts: number[] = [];

  /** One more occurrence: annotation `index` of document `source`. */
  add(source: number, index: number): void {
    this.count++;
    const last = this.sources.length - 1;
    if (last >= 0 && this.sources[last] === source) this.counts[last]++;
    else {
      this.sources.push(source);
      this.counts.push(1);
      this.starts.push(index);
    }
  }

  /** The occurrences in the documents `keep` marks. */
  countIn(keep: Uint8Array): number {
    let n = 0;
    for (let i = 0; i < this.sources.length; i++) if (keep[this.sources[i]]) n += this.counts[i];
    return n;
  }
}

/** A date value (a Gregorian value, or an unresolved date's text): where it occurs and how it is written. */
export interface DateValue {
  /** `dateKey` */
  key: string;
  /** its first occurrence (in document order) */
  first: Occurrence<DateAnnotation>;
  /** how many times each form (the text as written) occurs, in order of first occurrence */
  forms: Map<string, number>;
  /** the relative words among them (วันนี้, ปีหน้า ...) */
  relatives?: Set<string>;
  places: Places;
}

/** The counts of the annotations of a list of documents. */
export class ThemeTreeCounts {
  /** by theme id, then by canonical term */
  readonly terms = new Map<string, Map<string, Places>>();
  /** by country code */
  readonly countries = new Map<string, Places>();
  /** by `dateKey`, in order of first occurrence */
  readonly dates = new Map<string, DateValue>();
  /** date annotations in all */
  dateCount = 0;
  private done = false;

  constructor(readonly sources: readonly TreeSource[]) {}

  /** Counts the annotations, a document a step (once; later runs return at once). */
  *steps(): Steps<this> {
    if (this.done) return this;
    const sources = this.sources;
    for (let s = 0; s < sources.length; s++) {
      const source = sources[s];
      const annotations = source.annotations;
      for (let i = 0; i < annotations.length; i++) {
        const ann = annotations[i];
        if (ann.kind === 'term') {
          let terms = this.terms.get(ann.theme);
          if (!terms) this.terms.set(ann.theme, (terms = new Map()));
          let places = terms.get(ann.term);
          if (!places) terms.set(ann.term, (places = new Places()));
          places.add(s, i);
        } else if (ann.kind === 'country') {
          let places = this.countries.get(ann.country);
          if (!places) this.countries.set(ann.country, (places = new Places()));
          places.add(s, i);
        } else {
          const key = dateKey(ann);
          let value = this.dates.get(key);
          if (!value) this.dates.set(key, (value = { key, first: { source, ann }, forms: new Map(), places: new Places() }));
          value.forms.set(ann.text, (value.forms.get(ann.text) ?? 0) + 1);
          if (ann.relative) (value.relatives ??= new Set()).add(ann.relative);
          value.places.add(s, i);
          this.dateCount++;
        }
      }
      yield;
    }
    this.done = true;
    return this;
  }

  /** True when these counts are of exactly these documents (the same objects, in the same order). */
  sameSources(sources: readonly TreeSource[]): boolean {
    if (sources === this.sources) return true;
    if (sources.length !== this.sources.length) return false;
    for (let i = 0; i < sources.length; i++) if (sources[i] !== this.sources[i]) return false;
    return true;
  }
}

/**
 * The occurrences of `places` (in document order), at most `limit`, from the documents `keep`
 * marks (all without it): the annotations `is` accepts (those of the key counted, and only
 * them), and of these only those `accept` accepts when it is given.
 */
export function gather<A extends Annotation>(
  sources: readonly TreeSource[],
  places: Places,
  is: (ann: Annotation) => ann is A,
  limit = Infinity,
  keep?: Uint8Array,
  accept?: (ann: A, source: TreeSource) => boolean,
): Occurrence<A>[] {
  const out: Occurrence<A>[] = [];
  for (let p = 0; p < places.sources.length && out.length < limit; p++) {
    const s = places.sources[p];
    if (keep && !keep[s]) continue;
    const source = sources[s];
    const annotations = source.annotations;
    // from its first annotation in the document until all of them are found
    let left = places.counts[p];
    for (let i = Math.min(places.starts[p], annotations.length); i < annotations.length && left > 0; i++) {
      const ann = annotations[i];
      if (!is(ann)) continue;
      left--;
      if (accept && !accept(ann, source)) continue;
      out.push({ source, ann });
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** True for the date annotations of the same value as `d` (`dateKey`), without making keys. */
export function sameDate(d: DateAnnotation): (ann: Annotation) => ann is DateAnnotation {
  if (!d.from) return (ann): ann is DateAnnotation => ann.kind === 'date' && !ann.from && ann.text === d.text;
  const from = d.from;
  const to = d.to ?? d.from;
  return (ann): ann is DateAnnotation => ann.kind === 'date' && ann.from === from && (ann.to ?? ann.from) === to;
}

/** Dates are equal when they have the same Gregorian value; unresolved ones, the same text. */
export function dateKey(d: DateAnnotation): string {
  return d.from ? `${d.from}/${d.to ?? d.from}` : `?${d.text}`;
}
