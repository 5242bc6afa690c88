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
import { annotationAt, type AnnotationFields } from './compactIndex';
import type { Steps } from './slices';
import type { Occurrence, TreeSource } from './themeTreeModel';

/**
 * Where one key (a term of a theme, a country, a date value) occurs: for each document it occurs
 * in (in order, each once), the document's index in the list, how many times it occurs there and
 * the index of its first annotation there; three 32-bit numbers a document, in one typed array.
 */
export class Places {
  /** occurrences in all */
  count = 0;
  private data = new Int32Array(3);
  /** numbers of `data` in use */
  private used = 0;

  /** The number of documents it occurs in. */
  get documents(): number {
    return this.used / 3;
  }

  /** The index (in the list of documents) of its `p`th document. */
  source(p: number): number {
    return this.data[p * 3];
  }

  /** How many times it occurs in its `p`th document. */
  countAt(p: number): number {
    return this.data[p * 3 + 1];
  }

  /** The index of its first annotation in its `p`th document. */
  firstAt(p: number): number {
    return this.data[p * 3 + 2];
  }

  /** One more occurrence: annotation `index` of document `source` (documents in order). */
  add(source: number, index: number): void {
    this.count++;
    const data = this.data;
    if (this.used > 0 && data[this.used - 3] === source) {
      data[this.used - 2]++;
      return;
    }
    if (this.used === data.length) {
      this.data = new Int32Array(data.length * 2);
      this.data.set(data);
    }
    this.data[this.used++] = source;
    this.data[this.used++] = 1;
    this.data[this.used++] = index;
  }

  /** Lets go of the room kept for more documents (once counting is done). */
  trim(): void {
    if (this.data.length > this.used) this.data = this.data.slice(0, this.used);
  }

  /** The occurrences in the documents `keep` marks. */
  countIn(keep: Uint8Array): number {
    let n = 0;
    for (let j = 0; j < this.used; j += 3) if (keep[this.data[j]]) n += this.data[j + 1];
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

  /**
   * Counts the annotations, a document a step (once; later runs return at once). The annotations
   * are visited (`TreeSource.forEachAnnotation`): a compact document of the workspace index
   * makes no object for them; a date value's first occurrence is made into one.
   */
  *steps(): Steps<this> {
    if (this.done) return this;
    const sources = this.sources;
    let s = 0;
    let source: TreeSource;
    const count = (ann: AnnotationFields, start: number, end: number, i: number): void => {
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
        if (!value) this.dates.set(key, (value = { key, first: { source, ann: annotationAt(ann, start, end) as DateAnnotation }, forms: new Map(), places: new Places() }));
        value.forms.set(ann.text, (value.forms.get(ann.text) ?? 0) + 1);
        if (ann.relative) (value.relatives ??= new Set()).add(ann.relative);
        value.places.add(s, i);
        this.dateCount++;
      }
    };
    for (s = 0; s < sources.length; s++) {
      source = sources[s];
      source.forEachAnnotation(count);
      yield;
    }
    for (const terms of this.terms.values()) for (const places of terms.values()) places.trim();
    for (const places of this.countries.values()) places.trim();
    for (const value of this.dates.values()) value.places.trim();
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
 * them; an annotation is made only for these), and of these only those `accept` accepts when it
 * is given.
 */
export function gather<A extends Annotation>(
  sources: readonly TreeSource[],
  places: Places,
  is: (fields: AnnotationFields) => boolean,
  limit = Infinity,
  keep?: Uint8Array,
  accept?: (ann: A, source: TreeSource) => boolean,
): Occurrence<A>[] {
  const out: Occurrence<A>[] = [];
  for (let p = 0; p < places.documents && out.length < limit; p++) {
    const s = places.source(p);
    if (keep && !keep[s]) continue;
    const source = sources[s];
    // from its first annotation in the document until all of them are found
    let left = places.countAt(p);
    source.forEachAnnotation((fields, start, end) => {
      if (!is(fields)) return;
      left--;
      const ann = annotationAt(fields, start, end) as A;
      if (!accept || accept(ann, source)) out.push({ source, ann });
      return left > 0 && out.length < limit;
    }, places.firstAt(p));
  }
  return out;
}

/** True for the date annotations of the same value as `d` (`dateKey`), without making keys. */
export function sameDate(d: DateAnnotation): (fields: AnnotationFields) => boolean {
  if (!d.from) return (ann) => ann.kind === 'date' && !ann.from && ann.text === d.text;
  const from = d.from;
  const to = d.to ?? d.from;
  return (ann) => ann.kind === 'date' && ann.from === from && (ann.to ?? ann.from) === to;
}

/** Dates are equal when they have the same Gregorian value; unresolved ones, the same text. */
export function dateKey(d: Pick<DateAnnotation, 'from' | 'to' | 'text'>): string {
  return d.from ? `${d.from}/${d.to ?? d.from}` : `?${d.text}`;
}
