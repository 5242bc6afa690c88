/**
 * Inter-coder agreement at character level, the way NVivo's coding comparison counts: for one
 * theme in one document every character is a unit, which each coder either coded with the theme
 * (one of their tags of that theme covers it) or did not. From these units:
 *
 * - percentage agreement: the share of characters both coders treat alike (both coded or
 *   neither), two coders;
 * - Cohen's kappa: (po - pe) / (1 - pe), po that share, pe the agreement expected from each
 *   coder's share of coded characters, two coders;
 * - Krippendorff's alpha (nominal, no missing values): 1 - Do / De over the coincidences of the
 *   values "coded" and "not coded", any number of coders.
 *
 * When the coders cannot disagree by chance (pe = 1, De = 0: nobody coded the theme, or everyone
 * coded every character) and do not disagree, kappa and alpha are 1, as NVivo reports total
 * agreement. Rows for a theme over all documents, a document over all themes, and overall pool
 * the character units (the counts are summed, then the statistics computed).
 *
 * Pure: no `vscode`, no Node modules.
 */
import { csvRow } from '../text/csv';

/** A coded range: `[start, end)` of a document, coded with a theme by a coder. */
export interface CodedRange {
  coder: string;
  document: string;
  theme: string;
  start: number;
  end: number;
}

/** The counts of one comparison and its statistics. */
export interface AgreementRow {
  /** undefined: all documents */
  document?: string;
  /** undefined: all themes */
  theme?: string;
  /** characters compared */
  units: number;
  /** two coders: characters both coded, only the first, only the second, neither */
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
  /** 0..1 (two coders) */
  percent: number;
  /** two coders */
  kappa: number;
  /** any number of coders */
  alpha: number;
}

/** Summed units: the 2x2 counts of the first two coders, and for alpha Σ n1u·n0u and the totals. */
interface Tally {
  units: number;
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
  /** Σ over units of (coders coding it) × (coders not coding it) */
  pairs: number;
  /** Σ over units of coders coding it */
  coded: number;
}

const emptyTally = (): Tally => ({ units: 0, both: 0, onlyA: 0, onlyB: 0, neither: 0, pairs: 0, coded: 0 });

function add(to: Tally, from: Tally): void {
  to.units += from.units;
  to.both += from.both;
  to.onlyA += from.onlyA;
  to.onlyB += from.onlyB;
  to.neither += from.neither;
  to.pairs += from.pairs;
  to.coded += from.coded;
}

/**
 * A sweep over the boundaries of each coder's ranges (clamped to `[0, length]`): `visit` gets every
 * stretch between two boundaries, up to `length`, with `depth[i]` the number of coder i's ranges
 * covering it (within a stretch, each coder codes every character or none).
 */
function sweep(length: number, byCoder: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, visit: (from: number, to: number, depth: readonly number[]) => void): void {
  const events: Array<[number, number, number]> = []; // position, coder, +1/-1
  byCoder.forEach((ranges, coder) => {
    for (const [s, e] of ranges) {
      const start = Math.max(0, Math.min(length, s));
      const end = Math.max(start, Math.min(length, e));
      if (end > start) events.push([start, coder, 1], [end, coder, -1]);
    }
  });
  events.sort((x, y) => x[0] - y[0]);
  const depth = byCoder.map(() => 0);
  let at = 0;
  for (const [position, coder, step] of events) {
    if (position > at) visit(at, position, depth);
    at = Math.max(at, position);
    depth[coder] += step;
  }
  if (length > at) visit(at, length, depth);
}

/** The units of one theme in one document of `length` characters, from each coder's ranges. */
function tally(length: number, byCoder: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): Tally {
  const t = emptyTally();
  const m = byCoder.length;
  sweep(length, byCoder, (from, to, depth) => {
    const n = to - from;
    const a = depth[0] > 0;
    const b = m > 1 && depth[1] > 0;
    t.units += n;
    if (a && b) t.both += n;
    else if (a) t.onlyA += n;
    else if (b) t.onlyB += n;
    else t.neither += n;
    const coding = depth.filter((d) => d > 0).length;
    t.coded += n * coding;
    t.pairs += n * coding * (m - coding);
  });
  return t;
}

/** The ranges of `coders` by document and theme (key `document\0theme`): one list per coder. */
function rangesByDocumentAndTheme(ranges: readonly CodedRange[], coders: readonly string[], keep: (r: CodedRange) => boolean = () => true): Map<string, Array<Array<[number, number]>>> {
  const index = new Map<string, Array<Array<[number, number]>>>();
  const coderIndex = new Map(coders.map((c, i) => [c, i] as const));
  for (const r of ranges) {
    const i = coderIndex.get(r.coder);
    if (i === undefined || !keep(r)) continue;
    const key = `${r.document}\u0000${r.theme}`;
    let lists = index.get(key);
    if (!lists) index.set(key, (lists = coders.map(() => [])));
    lists[i].push([r.start, r.end]);
  }
  return index;
}

/** The statistics of a tally for `m` coders. */
function statistics(t: Tally, m: number): Pick<AgreementRow, 'percent' | 'kappa' | 'alpha'> {
  const n = t.units;
  if (n === 0) return { percent: 1, kappa: 1, alpha: 1 };
  const po = (t.both + t.neither) / n;
  const aYes = (t.both + t.onlyA) / n;
  const bYes = (t.both + t.onlyB) / n;
  const pe = aYes * bYes + (1 - aYes) * (1 - bYes);
  const kappa = pe >= 1 ? (po >= 1 ? 1 : 0) : (po - pe) / (1 - pe);
  // Krippendorff's alpha, nominal, binary values, every coder on every unit:
  // values v = n·m; Do ∝ Σu n1u·n0u / (m - 1), De ∝ n1·n0 / (v - 1)
  const values = n * m;
  const ones = t.coded;
  const zeros = values - ones;
  let alpha: number;
  if (m < 2) alpha = 1;
  else if (ones === 0 || zeros === 0) alpha = t.pairs === 0 ? 1 : 0;
  else alpha = 1 - ((values - 1) * (t.pairs / (m - 1))) / (ones * zeros);
  return { percent: po, kappa, alpha };
}

/**
 * The agreement of `coders` (the first two for percentage and kappa) on `themes` in the
 * documents of `lengths` (document → its length in characters): a row per theme and document,
 * per theme, per document, and overall (document and theme undefined), in that order; themes
 * and documents in the order given.
 */
export function codingAgreement(ranges: readonly CodedRange[], coders: readonly string[], themes: readonly string[], lengths: ReadonlyMap<string, number>): AgreementRow[] {
  const index = rangesByDocumentAndTheme(ranges, coders, (r) => lengths.has(r.document));
  const rows: AgreementRow[] = [];
  const byTheme = new Map(themes.map((t) => [t, emptyTally()] as const));
  const byDocument = new Map([...lengths.keys()].map((d) => [d, emptyTally()] as const));
  const overall = emptyTally();
  const row = (t: Tally, document: string | undefined, theme: string | undefined): AgreementRow => ({
    document,
    theme,
    units: t.units,
    both: t.both,
    onlyA: t.onlyA,
    onlyB: t.onlyB,
    neither: t.neither,
    ...statistics(t, coders.length),
  });
  for (const theme of themes) {
    for (const [document, length] of lengths) {
      const t = tally(length, index.get(`${document}\u0000${theme}`) ?? coders.map(() => []));
      rows.push(row(t, document, theme));
      add(byTheme.get(theme)!, t);
      add(byDocument.get(document)!, t);
      add(overall, t);
    }
  }
  for (const theme of themes) rows.push(row(byTheme.get(theme)!, undefined, theme));
  for (const document of lengths.keys()) rows.push(row(byDocument.get(document)!, document, undefined));
  rows.push(row(overall, undefined, undefined));
  return rows;
}

const fixed = (n: number): string => (Number.isFinite(n) ? n.toFixed(4) : '');

/** The agreement table as CSV, the same from the editor and the command line (a contract: not translated). */
export function agreementCsv(rows: readonly AgreementRow[], coders: readonly string[]): string {
  const header = ['theme', 'document', 'characters', 'both', `only ${coders[0]}`, `only ${coders[1] ?? ''}`.trim(), 'neither', 'percent_agreement', 'cohen_kappa', 'krippendorff_alpha'];
  const lines = [csvRow(header)];
  for (const r of rows) lines.push(csvRow([r.theme ?? '(all)', r.document ?? '(all)', r.units, r.both, r.onlyA, r.onlyB, r.neither, fixed(r.percent * 100), fixed(r.kappa), fixed(r.alpha)]));
  return lines.join('\r\n') + '\r\n';
}

/** A run of characters one of two coders coded with a theme and the other did not. */
export interface Disagreement {
  document: string;
  theme: string;
  start: number;
  end: number;
  /** the coder who coded it */
  coder: string;
}

/**
 * Where coders `a` and `b` disagree: the maximal runs of characters coded with a theme by one of
 * them only, by document, then position, then theme (documents and themes in code-unit order).
 */
export function codingDisagreements(ranges: readonly CodedRange[], a: string, b: string): Disagreement[] {
  const out: Disagreement[] = [];
  for (const [key, byCoder] of rangesByDocumentAndTheme(ranges, [a, b])) {
    const [document, theme] = key.split('\u0000');
    sweep(Infinity, byCoder, (from, to, depth) => {
      const coder = depth[0] > 0 && depth[1] === 0 ? a : depth[1] > 0 && depth[0] === 0 ? b : undefined;
      if (!coder) return;
      const last = out[out.length - 1];
      if (last && last.document === document && last.theme === theme && last.coder === coder && last.end === from) last.end = to;
      else out.push({ document, theme, start: from, end: to, coder });
    });
  }
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return out.sort((x, y) => order(x.document, y.document) || x.start - y.start || order(x.theme, y.theme));
}
