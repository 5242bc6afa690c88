/**
 * Scoring of predicted spans against gold spans, for `npm run eval`:
 * exact-span and overlap matching (both one-to-one), and precision / recall / F1 tallies.
 */

/** A half-open span [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** How one sentence's predictions line up with its gold spans. */
export interface SpanAlignment<G extends Span, P extends Span> {
  /** gold spans with a prediction of exactly the same start and end */
  exact: Array<[G, P]>;
  /** gold spans paired one-to-one with an overlapping prediction (includes the exact pairs) */
  overlap: Array<[G, P]>;
  /** gold spans that no prediction overlaps (after one-to-one pairing) */
  missed: G[];
  /** predictions paired with no gold span (after one-to-one pairing) */
  falseAlarms: P[];
}

/** True where the half-open spans share at least one code unit. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Aligns predictions with gold spans.
 * Exact: a gold span is found where a prediction has the same start and end (each
 * prediction counts once). Overlap: a maximum one-to-one pairing of overlapping spans,
 * computed greedily (gold by end, each taking the unpaired overlapping prediction that
 * ends first), which is optimal for intervals; exact pairs are kept as pairs.
 */
export function alignSpans<G extends Span, P extends Span>(gold: readonly G[], predicted: readonly P[]): SpanAlignment<G, P> {
  const exact: Array<[G, P]> = [];
  const usedExact = new Set<P>();
  for (const g of gold) {
    const p = predicted.find((q) => q.start === g.start && q.end === g.end && !usedExact.has(q));
    if (p) {
      usedExact.add(p);
      exact.push([g, p]);
    }
  }

  const partner = new Map<G, P>(exact);
  const taken = new Set<P>(usedExact);
  const byEnd = [...gold].sort((a, b) => a.end - b.end || a.start - b.start);
  for (const g of byEnd) {
    if (partner.has(g)) continue;
    let best: P | undefined;
    for (const p of predicted) {
      if (taken.has(p) || !overlaps(g, p)) continue;
      if (!best || p.end < best.end) best = p;
    }
    if (best) {
      taken.add(best);
      partner.set(g, best);
    }
  }

  const overlap: Array<[G, P]> = [];
  const missed: G[] = [];
  for (const g of gold) {
    const p = partner.get(g);
    if (p) overlap.push([g, p]);
    else missed.push(g);
  }
  const falseAlarms = predicted.filter((p) => !taken.has(p));
  return { exact, overlap, missed, falseAlarms };
}

/** True-positive / false-positive / false-negative counts with their ratios. */
export class Tally {
  tp = 0;
  fp = 0;
  fn = 0;

  /** Adds a sentence: `matched` pairs out of `gold` gold spans and `predicted` predictions. */
  add(matched: number, gold: number, predicted: number): void {
    this.tp += matched;
    this.fn += gold - matched;
    this.fp += predicted - matched;
  }

  get precision(): number {
    return this.tp + this.fp === 0 ? 0 : this.tp / (this.tp + this.fp);
  }

  get recall(): number {
    return this.tp + this.fn === 0 ? 0 : this.tp / (this.tp + this.fn);
  }

  get f1(): number {
    const p = this.precision;
    const r = this.recall;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }

  toJSON(): { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number } {
    const round = (x: number): number => Math.round(x * 10000) / 10000;
    return { tp: this.tp, fp: this.fp, fn: this.fn, precision: round(this.precision), recall: round(this.recall), f1: round(this.f1) };
  }
}

const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
const THAI_DIGIT = /[\u0e50-\u0e59]/g;
const WHITE_SPACE_RUN = /\s+/g;

/**
 * Normalization used to decide whether a gold LOCATION is a country name, independent of
 * the product's own normalizer (so that a bug there cannot move the gold): Thai digits
 * -> ASCII, `ํา` -> `ำ`, zero-width characters and soft hyphens dropped, white space runs
 * -> one space, `ฯ` dropped, Latin lower-cased, trimmed.
 */
export function normalizeName(name: string): string {
  return name
    .replace(ZERO_WIDTH, '')
    .replace(THAI_DIGIT, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/\u0e4d\u0e32/g, '\u0e33')
    .replace(/\u0e2f/g, '')
    .replace(WHITE_SPACE_RUN, ' ')
    .trim()
    .toLowerCase();
}

/** The word ประเทศ ("country") that Thai writes before a country name. */
const COUNTRY_WORD = 'ประเทศ';

/**
 * Decides whether a gold LOCATION surface is a country name: a full match of a gazetteer
 * name after `normalizeName`, also when written `ประเทศ` + name (with or without a space),
 * whether or not the gazetteer lists that form.
 */
export class CountryNameSet {
  private readonly names = new Set<string>();

  constructor(names: Iterable<string>) {
    for (const n of names) {
      const key = normalizeName(n);
      if (key) this.names.add(key);
    }
  }

  get size(): number {
    return this.names.size;
  }

  has(surface: string): boolean {
    const key = normalizeName(surface);
    if (this.names.has(key)) return true;
    if (key.startsWith(COUNTRY_WORD)) {
      const rest = key.slice(COUNTRY_WORD.length).trim();
      return rest.length > 0 && this.names.has(rest);
    }
    return false;
  }
}
