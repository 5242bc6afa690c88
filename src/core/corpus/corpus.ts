/**
 * The corpus view: what many analysed documents say together. From each document's annotations
 * (the workspace index, or `thai-policy-lens analyze` of a folder) and its date (`documentDate`),
 * a compact model is built once (`buildCorpusModel`): the documents, their paragraphs
 * (`paragraphSpans`) and the theme and country mentions in each paragraph. A `Corpus` over that
 * model answers a selection (`CorpusSelection`: themes, countries, a date range, free text,
 * documents, a folder; the passage query language of `passageQuery.ts` writes one) with every
 * chart's data at once (`CorpusView`): documents x themes density per 1,000 characters, themes
 * over time, country counts, theme x country and theme x theme co-occurrence in the same
 * paragraph, and keyword-in-context rows. Charts and the KWIC list are computed over the
 * paragraphs the selection matches, so a click on one narrows all the others.
 *
 * The model is plain JSON (numbers and strings): the HTML report embeds it, and the same code
 * runs in the report, the dashboard and the command line. Texts are optional: without them
 * (the report) free text matches nothing and KWIC rows come from the contexts stored in the
 * model (`withContexts`). Pure: no `vscode`, no Node modules.
 */
import type { Annotation } from '../types';
import { documentDate } from '../recognize/documentDate';
import { paragraphSpans } from '../recognize/paragraphs';
import { themeColor, type GlossarySet } from '../glossary/glossary';
import { mayContain, needleBits, paragraphSignatures } from './textSignatures';

export interface CorpusTheme {
  id: string;
  label: string;
  labelEn?: string;
  /** a colour as the glossary writes it (`themeColor`), where known */
  color?: string;
  /** id of the enclosing theme */
  parent?: string;
}

/** The themes of a glossary set as the corpus model keeps them (every level, in the glossary's order). */
export function corpusThemes(set: Pick<GlossarySet, 'flatThemes'>): CorpusTheme[] {
  return set.flatThemes.map(({ theme }) => {
    const t: CorpusTheme = { id: theme.id, label: theme.label, color: themeColor(theme) };
    if (theme.labelEn) t.labelEn = theme.labelEn;
    if (theme.parent) t.parent = theme.parent;
    return t;
  });
}

export interface CorpusDocument {
  /** the document's path, `/`-separated (relative to the workspace folder or the command line's folder) */
  path: string;
  /** the document's own date, YYYY-MM-DD (`documentDate`), if it has one */
  date?: string;
  /** UTF-16 code units */
  length: number;
}

/** Fields per paragraph in `CorpusModel.paragraphs`: document index, start, end. */
export const PARAGRAPH_FIELDS = 3;
/** Fields per mention in `CorpusModel.hits`: paragraph index, key, start, end. */
export const HIT_FIELDS = 4;

export interface CorpusModel {
  version: 1;
  themes: CorpusTheme[];
  /** the country codes mentioned, sorted */
  countries: string[];
  /** in path order */
  documents: CorpusDocument[];
  /** (document, start, end) for each paragraph, flat; by document, then start */
  paragraphs: number[];
  /**
   * (paragraph, key, start, end) for each theme or country mention, flat; by paragraph, then
   * start. `key` < themes.length is a theme index, else `themes.length + ` a country index.
   */
  hits: number[];
  /** stored KWIC contexts (the report, which has no texts): [hit index, left, match, right] */
  contexts?: Array<[number, string, string, string]>;
}

export interface CorpusInput {
  path: string;
  text: string;
  annotations: readonly Annotation[];
  /** YYYY-MM-DD; by default the document's own date (`documentDate`) */
  date?: string;
}

/** The model of analysed documents (kept in the order given; themes in the order given, then unknown ids). */
export function buildCorpusModel(inputs: readonly CorpusInput[], themes: readonly CorpusTheme[]): CorpusModel {
  const themeList = themes.map((t) => ({ ...t }));
  const themeIndex = new Map(themeList.map((t, i) => [t.id, i]));
  const countrySet = new Set<string>();
  for (const input of inputs) {
    for (const a of input.annotations) {
      if (a.kind === 'country') countrySet.add(a.country);
      else if (a.kind === 'term' && !themeIndex.has(a.theme)) {
        themeIndex.set(a.theme, themeList.length);
        themeList.push({ id: a.theme, label: a.theme });
      }
    }
  }
  const countries = [...countrySet].sort();
  const countryIndex = new Map(countries.map((c, i) => [c, themeList.length + i]));
  const documents: CorpusDocument[] = [];
  const paragraphs: number[] = [];
  const hits: number[] = [];
  inputs.forEach((input, d) => {
    const date = input.date ?? documentDate(input.text)?.date;
    documents.push(date ? { path: input.path, date, length: input.text.length } : { path: input.path, length: input.text.length });
    const spans = paragraphSpans(input.text);
    const first = paragraphs.length / PARAGRAPH_FIELDS;
    for (const s of spans) paragraphs.push(d, s.start, s.end);
    const sorted = input.annotations.filter((a) => a.kind !== 'date').sort((a, b) => a.start - b.start);
    let p = 0;
    for (const a of sorted) {
      while (p + 1 < spans.length && spans[p + 1].start <= a.start) p++;
      if (spans.length === 0 || a.start < spans[p].start || a.start >= spans[p].end) continue;
      const key = a.kind === 'term' ? themeIndex.get(a.theme)! : countryIndex.get((a as { country: string }).country)!;
      hits.push(first + p, key, a.start, a.end);
    }
  });
  return { version: 1, themes: themeList, countries, documents, paragraphs, hits };
}

/** What to look at: every field narrows (AND); the ids inside one group are alternatives (OR). */
export interface CorpusSelection {
  /** groups of theme ids; a paragraph matches a group when it mentions one of them or a theme inside one */
  themes?: string[][];
  /** groups of country codes */
  countries?: string[][];
  /** the document's date from (YYYY, YYYY-MM or YYYY-MM-DD, inclusive); undated documents then do not match */
  from?: string;
  /** the document's date to (inclusive, as precise as written: `2023` is to the end of 2023) */
  to?: string;
  /** texts the paragraph must contain (each of them; letters in any case) */
  texts?: string[];
  /** document indexes (a row of the heat map) */
  documents?: number[];
  /** a folder: documents whose path starts with it */
  folder?: string;
}

export type Period = 'year' | 'month';
export type KwicSort = 'document' | 'left' | 'right' | 'match';

export interface KwicRow {
  doc: number;
  path: string;
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
  kind: 'theme' | 'country' | 'text';
  /** the theme id or the country code; the text for a text match */
  key: string;
}

export interface CorpusView {
  /** paragraphs and documents the selection matches */
  paragraphs: number;
  documents: number;
  /** matched documents in date order (undated last), then path */
  documentOrder: number[];
  /** document x theme cells with mentions: count in matched paragraphs, per 1,000 characters of the document */
  density: Array<{ doc: number; theme: string; count: number; per1000: number }>;
  /** mentions of each theme per period of the documents' dates (period order) */
  timeline: Array<{ period: string; theme: string; count: number }>;
  /** theme mentions in matched paragraphs of undated documents */
  undated: number;
  /** mentions of each country, most first (then code) */
  countries: Array<{ country: string; count: number }>;
  /** paragraphs mentioning both */
  themeCountry: Array<{ theme: string; country: string; paragraphs: number }>;
  /** paragraphs mentioning both (a before b in the themes' order) */
  themeTheme: Array<{ a: string; b: string; paragraphs: number }>;
  kwic: { rows: KwicRow[]; total: number };
}

export interface ViewOptions {
  period?: Period;
  /** KWIC rows kept (the first in document order, then sorted); 500 by default */
  kwicLimit?: number;
  /** characters of context each side; 40 by default */
  kwicWidth?: number;
  kwicSort?: KwicSort;
  /** density rows for the first N documents of `documentOrder` only (a heat map shows some); all by default */
  documentLimit?: number;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the first and last day it covers. */
export function dateBounds(value: string): { first: string; last: string } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (d) return { first: value, last: value };
  if (mo) {
    const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return { first: `${y}-${mo}-01`, last: `${y}-${mo}-${String(days).padStart(2, '0')}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

const WHITE = /\s+/g;

/** An answer to selections over a model (and the texts, where there are any). */
export class Corpus {
  /** first hit of each paragraph, and the end (length P + 1) */
  private readonly paraHits: Int32Array;
  private readonly themeIds: Map<string, number>;
  private readonly countryKeys: Map<string, number>;
  /** each theme's index with its descendants' */
  private readonly themeFamily = new Map<string, number[]>();
  private readonly lowered = new Map<number, string>();
  private readonly contexts = new Map<number, [string, string, string]>();
  /** each paragraph's character-pair signature (textSignatures.ts), built on the first free-text search */
  private signatures?: Uint32Array;
  readonly paragraphCount: number;

  constructor(
    readonly model: CorpusModel,
    /** the text of a document, where it is at hand */
    private readonly textOf?: (doc: number) => string | undefined,
    /** false: free text is found by reading every paragraph the other conditions leave (the bench's "before") */
    private readonly textFilter = true,
  ) {
    const P = (this.paragraphCount = model.paragraphs.length / PARAGRAPH_FIELDS);
    this.paraHits = new Int32Array(P + 1);
    const H = model.hits.length / HIT_FIELDS;
    let h = 0;
    for (let p = 0; p <= P; p++) {
      while (h < H && model.hits[h * HIT_FIELDS] < p) h++;
      this.paraHits[p] = h;
    }
    this.themeIds = new Map(model.themes.map((t, i) => [t.id, i]));
    this.countryKeys = new Map(model.countries.map((c, i) => [c, model.themes.length + i]));
    const children = new Map<string, string[]>();
    for (const t of model.themes) if (t.parent) (children.get(t.parent) ?? children.set(t.parent, []).get(t.parent)!).push(t.id);
    const family = (id: string, seen: Set<string>): number[] => {
      if (seen.has(id)) return [];
      seen.add(id);
      const own = this.themeIds.get(id);
      return [...(own === undefined ? [] : [own]), ...(children.get(id) ?? []).flatMap((c) => family(c, seen))];
    };
    for (const t of model.themes) this.themeFamily.set(t.id, family(t.id, new Set()));
    for (const [hit, left, match, right] of model.contexts ?? []) this.contexts.set(hit, [left, match, right]);
  }

  /** The keys (theme indexes with descendants, or country keys) of one selection group. */
  private groupKeys(group: readonly string[], kind: 'theme' | 'country'): Set<number> {
    const keys = new Set<number>();
    for (const id of group) {
      if (kind === 'theme') for (const k of this.themeFamily.get(id) ?? []) keys.add(k);
      else {
        const k = this.countryKeys.get(id.toUpperCase());
        if (k !== undefined) keys.add(k);
      }
    }
    return keys;
  }

  private lowerText(doc: number): string | undefined {
    let t = this.lowered.get(doc);
    if (t === undefined) {
      const raw = this.textOf?.(doc);
      if (raw === undefined) return undefined;
      t = raw.toLowerCase();
      this.lowered.set(doc, t);
    }
    return t;
  }

  /**
   * Builds the free-text filter now (it is built on the first free-text search otherwise): call
   * it once the texts are read, so that no click pays for it.
   */
  indexTexts(): void {
    if (!this.signatures && this.textOf && this.textFilter) this.signatures = paragraphSignatures(this.model.paragraphs, PARAGRAPH_FIELDS, this.textOf);
  }

  /** The paragraphs a selection matches, in order. */
  matchParagraphs(selection: CorpusSelection): number[] {
    const { model } = this;
    const P = this.paragraphCount;
    const docOk = new Uint8Array(model.documents.length).fill(1);
    const from = selection.from ? dateBounds(selection.from)?.first : undefined;
    const to = selection.to ? dateBounds(selection.to)?.last : undefined;
    const docSet = selection.documents ? new Set(selection.documents) : undefined;
    const folder = selection.folder?.replace(/\\/g, '/').replace(/\/+$/, '');
    model.documents.forEach((d, i) => {
      if (docSet && !docSet.has(i)) docOk[i] = 0;
      else if (folder && !(d.path === folder || d.path.startsWith(folder + '/'))) docOk[i] = 0;
      else if ((from || to) && (!d.date || (from && d.date < from) || (to && d.date > to))) docOk[i] = 0;
    });
    const groups = [
      ...(selection.themes ?? []).map((g) => this.groupKeys(g, 'theme')),
      ...(selection.countries ?? []).map((g) => this.groupKeys(g, 'country')),
    ];
    const texts = (selection.texts ?? []).filter((t) => t !== '').map((t) => ({ raw: t, lower: t.toLowerCase(), cased: t.toLowerCase() !== t.toUpperCase(), doc: -1, at: -1 }));
    if (texts.length) this.indexTexts();
    const signatures = this.signatures;
    const bits = signatures ? texts.flatMap((t) => needleBits(t.raw)) : [];
    const out: number[] = [];
    const hits = model.hits;
    for (let p = 0; p < P; p++) {
      const doc = model.paragraphs[p * PARAGRAPH_FIELDS];
      if (!docOk[doc]) continue;
      let ok = true;
      for (const keys of groups) {
        let found = false;
        for (let h = this.paraHits[p]; h < this.paraHits[p + 1]; h++) {
          if (keys.has(hits[h * HIT_FIELDS + 1])) {
            found = true;
            break;
          }
        }
        if (!found) {
          ok = false;
          break;
        }
      }
      if (ok && bits.length && !mayContain(signatures!, p, bits)) ok = false;
      if (ok && texts.length) {
        const start = model.paragraphs[p * PARAGRAPH_FIELDS + 1];
        const end = model.paragraphs[p * PARAGRAPH_FIELDS + 2];
        for (const t of texts) {
          // the next occurrence in this document at or after the paragraph (paragraphs come in order)
          if (t.doc !== doc || (t.at >= 0 && t.at < start)) {
            const text = t.cased ? this.lowerText(doc) : this.textOf?.(doc);
            t.at = text === undefined ? -1 : text.indexOf(t.cased ? t.lower : t.raw, start);
            t.doc = doc;
          }
          if (t.at < 0 || t.at + t.raw.length > end) {
            ok = false;
            break;
          }
        }
      }
      if (ok) out.push(p);
    }
    return out;
  }

  /** Every chart's data and the KWIC rows for a selection. */
  view(selection: CorpusSelection = {}, options: ViewOptions = {}): CorpusView {
    const { model } = this;
    const T = model.themes.length;
    const C = model.countries.length;
    const D = model.documents.length;
    const period = options.period ?? 'year';
    const matched = this.matchParagraphs(selection);
    const docsSeen = new Set<number>();
    for (const p of matched) docsSeen.add(model.paragraphs[p * PARAGRAPH_FIELDS]);
    const documentOrder = [...docsSeen];
    documentOrder.sort((a, b) => {
      const da = model.documents[a].date;
      const db = model.documents[b].date;
      if (da !== db) return !da ? 1 : !db ? -1 : da < db ? -1 : 1;
      return a - b;
    });
    const inHeatMap = new Uint8Array(D);
    for (const d of documentOrder.slice(0, options.documentLimit ?? Infinity)) inHeatMap[d] = 1;
    // each document's period, as an index into the sorted periods (-1: undated)
    const periodKeys = [...new Set(model.documents.map((d) => (d.date ? (period === 'year' ? d.date.slice(0, 4) : d.date.slice(0, 7)) : '')).filter((k) => k !== ''))].sort();
    const periodIndex = new Map(periodKeys.map((k, i) => [k, i]));
    const docPeriod = new Int32Array(D);
    model.documents.forEach((d, i) => (docPeriod[i] = d.date ? periodIndex.get(period === 'year' ? d.date.slice(0, 4) : d.date.slice(0, 7))! : -1));
    const perPeriod = new Int32Array(periodKeys.length * T);
    const countryCounts = new Int32Array(C);
    const themeCountry = new Int32Array(T * C);
    const themeTheme = new Int32Array(T * T);
    /** the current document's mentions of each theme (documents come in order) */
    const docThemes = new Int32Array(T);
    const docThemeList: number[] = [];
    const perDoc = new Map<number, Array<[number, number]>>();
    let undated = 0;
    const seenThemes: number[] = [];
    const seenCountries: number[] = [];
    const themeMark = new Int32Array(T).fill(-1);
    const countryMark = new Int32Array(C).fill(-1);
    const hits = model.hits;
    let currentDoc = -1;
    const flushDoc = () => {
      if (currentDoc < 0) return;
      docThemeList.sort((a, b) => a - b);
      perDoc.set(
        currentDoc,
        docThemeList.map((k) => [k, docThemes[k]]),
      );
      for (const k of docThemeList) docThemes[k] = 0;
      docThemeList.length = 0;
    };
    for (const p of matched) {
      const doc = model.paragraphs[p * PARAGRAPH_FIELDS];
      if (doc !== currentDoc) {
        flushDoc();
        currentDoc = inHeatMap[doc] ? doc : -1;
      }
      const dp = docPeriod[doc];
      seenThemes.length = 0;
      seenCountries.length = 0;
      for (let h = this.paraHits[p]; h < this.paraHits[p + 1]; h++) {
        const k = hits[h * HIT_FIELDS + 1];
        if (k < T) {
          if (currentDoc >= 0 && docThemes[k]++ === 0) docThemeList.push(k);
          if (dp >= 0) perPeriod[dp * T + k]++;
          else undated++;
          if (themeMark[k] !== p) {
            themeMark[k] = p;
            seenThemes.push(k);
          }
        } else {
          const c = k - T;
          countryCounts[c]++;
          if (countryMark[c] !== p) {
            countryMark[c] = p;
            seenCountries.push(c);
          }
        }
      }
      for (const t of seenThemes) {
        for (const c of seenCountries) themeCountry[t * C + c]++;
        for (const u of seenThemes) if (t < u) themeTheme[t * T + u]++;
      }
    }
    flushDoc();
    const density: CorpusView['density'] = [];
    for (const doc of documentOrder) {
      const row = perDoc.get(doc);
      if (!row) continue;
      const length = model.documents[doc].length;
      for (const [k, count] of row) density.push({ doc, theme: model.themes[k].id, count, per1000: Math.round((count * 100000) / Math.max(1, length)) / 100 });
    }
    const timeline: CorpusView['timeline'] = [];
    periodKeys.forEach((key, i) => {
      for (let k = 0; k < T; k++) if (perPeriod[i * T + k]) timeline.push({ period: key, theme: model.themes[k].id, count: perPeriod[i * T + k] });
    });
    const countries: CorpusView['countries'] = [];
    for (let c = 0; c < C; c++) if (countryCounts[c]) countries.push({ country: model.countries[c], count: countryCounts[c] });
    countries.sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : 1));
    const tc: CorpusView['themeCountry'] = [];
    for (let i = 0; i < T * C; i++) if (themeCountry[i]) tc.push({ theme: model.themes[Math.floor(i / C)].id, country: model.countries[i % C], paragraphs: themeCountry[i] });
    const tt: CorpusView['themeTheme'] = [];
    for (let i = 0; i < T * T; i++) if (themeTheme[i]) tt.push({ a: model.themes[Math.floor(i / T)].id, b: model.themes[i % T].id, paragraphs: themeTheme[i] });
    return {
      paragraphs: matched.length,
      documents: docsSeen.size,
      documentOrder,
      density,
      timeline,
      undated,
      countries,
      themeCountry: tc,
      themeTheme: tt,
      kwic: this.kwic(selection, matched, options),
    };
  }

  /**
   * The KWIC rows of a selection: the mentions of its themes and countries (every theme mention
   * when it names none) and the occurrences of its texts, in the paragraphs it matches.
   */
  kwic(selection: CorpusSelection, matched: readonly number[], options: ViewOptions = {}): { rows: KwicRow[]; total: number } {
    const { model } = this;
    const T = model.themes.length;
    const limit = options.kwicLimit ?? 500;
    const width = options.kwicWidth ?? 40;
    const wanted = new Set<number>();
    for (const g of selection.themes ?? []) for (const k of this.groupKeys(g, 'theme')) wanted.add(k);
    for (const g of selection.countries ?? []) for (const k of this.groupKeys(g, 'country')) wanted.add(k);
    const texts = (selection.texts ?? []).filter((t) => t !== '');
    const anyTheme = wanted.size === 0 && texts.length === 0;
    const rows: KwicRow[] = [];
    let total = 0;
    for (const p of matched) {
      const doc = model.paragraphs[p * PARAGRAPH_FIELDS];
      const pStart = model.paragraphs[p * PARAGRAPH_FIELDS + 1];
      const pEnd = model.paragraphs[p * PARAGRAPH_FIELDS + 2];
      const found: Array<{ start: number; end: number; kind: KwicRow['kind']; key: string; hit?: number }> = [];
      if (rows.length >= limit && texts.length === 0) {
        // full: count the rest only
        for (let h = this.paraHits[p]; h < this.paraHits[p + 1]; h++) {
          const k = model.hits[h * HIT_FIELDS + 1];
          if (anyTheme ? k < T : wanted.has(k)) total++;
        }
        continue;
      }
      for (let h = this.paraHits[p]; h < this.paraHits[p + 1]; h++) {
        const k = model.hits[h * HIT_FIELDS + 1];
        if (anyTheme ? k < T : wanted.has(k)) {
          found.push({
            start: model.hits[h * HIT_FIELDS + 2],
            end: model.hits[h * HIT_FIELDS + 3],
            kind: k < T ? 'theme' : 'country',
            key: k < T ? model.themes[k].id : model.countries[k - T],
            hit: h,
          });
        }
      }
      if (texts.length) {
        const raw = this.textOf?.(doc);
        const lower = texts.some((t) => t.toLowerCase() !== t.toUpperCase()) ? this.lowerText(doc) : raw;
        if (raw !== undefined && lower !== undefined) {
          for (const t of texts) {
            const cased = t.toLowerCase() !== t.toUpperCase();
            const hay = cased ? lower : raw;
            const needle = cased ? t.toLowerCase() : t;
            for (let at = hay.indexOf(needle, pStart); at >= 0 && at + needle.length <= pEnd; at = hay.indexOf(needle, at + needle.length)) {
              found.push({ start: at, end: at + needle.length, kind: 'text', key: t });
            }
          }
        }
      }
      if (found.length > 1) found.sort((a, b) => a.start - b.start || a.end - b.end);
      for (const f of found) {
        total++;
        if (rows.length >= limit) continue;
        const text = this.textOf?.(doc);
        let left: string;
        let match: string;
        let right: string;
        if (text !== undefined) {
          left = text.slice(Math.max(pStart, f.start - width), f.start).replace(WHITE, ' ');
          match = text.slice(f.start, f.end);
          right = text.slice(f.end, Math.min(pEnd, f.end + width)).replace(WHITE, ' ');
        } else {
          const stored = f.hit === undefined ? undefined : this.contexts.get(f.hit);
          if (!stored) continue;
          [left, match, right] = stored;
        }
        rows.push({ doc, path: model.documents[doc].path, start: f.start, end: f.end, left, match, right, kind: f.kind, key: f.key });
      }
    }
    return { rows: sortKwic(rows, options.kwicSort ?? 'document'), total };
  }

  /**
   * The model with KWIC contexts stored for the mentions `kwic` would show first (at most
   * `perKey` for each theme and country, `max` in all), for a report without the texts.
   */
  withContexts(options: { perKey?: number; max?: number; width?: number } = {}): CorpusModel {
    const { model } = this;
    const perKey = options.perKey ?? 50;
    const max = options.max ?? 5000;
    const width = options.width ?? 40;
    const taken = new Map<number, number>();
    const contexts: Array<[number, string, string, string]> = [];
    const H = model.hits.length / HIT_FIELDS;
    for (let h = 0; h < H && contexts.length < max; h++) {
      const k = model.hits[h * HIT_FIELDS + 1];
      if ((taken.get(k) ?? 0) >= perKey) continue;
      const p = model.hits[h * HIT_FIELDS];
      const doc = model.paragraphs[p * PARAGRAPH_FIELDS];
      const text = this.textOf?.(doc);
      if (text === undefined) continue;
      const pStart = model.paragraphs[p * PARAGRAPH_FIELDS + 1];
      const pEnd = model.paragraphs[p * PARAGRAPH_FIELDS + 2];
      const start = model.hits[h * HIT_FIELDS + 2];
      const end = model.hits[h * HIT_FIELDS + 3];
      taken.set(k, (taken.get(k) ?? 0) + 1);
      contexts.push([
        h,
        text.slice(Math.max(pStart, start - width), start).replace(WHITE, ' '),
        text.slice(start, end),
        text.slice(end, Math.min(pEnd, end + width)).replace(WHITE, ' '),
      ]);
    }
    return { ...model, contexts };
  }
}

const collator = new Intl.Collator('th');
const reversed = (s: string): string => [...s].reverse().join('');

/**
 * KWIC rows sorted: `document` (path, then offset), `match`, `left` (by the words nearest the
 * match: the left context read backwards, as concordancers do) or `right`; Thai collation, ties
 * in document order. A new array.
 */
export function sortKwic(rows: readonly KwicRow[], by: KwicSort): KwicRow[] {
  const docOrder = (a: KwicRow, b: KwicRow) => a.doc - b.doc || a.start - b.start;
  if (by === 'document') return [...rows].sort(docOrder);
  const keyOf = by === 'left' ? (r: KwicRow) => reversed(r.left.trimEnd()) : by === 'right' ? (r: KwicRow) => r.right.trimStart() : (r: KwicRow) => r.match;
  const keyed = rows.map((r) => ({ r, k: keyOf(r) }));
  keyed.sort((a, b) => collator.compare(a.k, b.k) || docOrder(a.r, b.r));
  return keyed.map((x) => x.r);
}

/**
 * A model as the HTML report embeds it: the paragraphs as a count per document, the mentions as
 * their keys only (coded as below, `;` between paragraphs), offsets left out (the stored contexts stand in for the texts). Several times
 * smaller than the model's JSON. Keys are coded by frequency: the most frequent 90 are one
 * printable character each, the others `~` and two characters (`keyOrder` says which is which).
 */
export interface PackedCorpusModel {
  version: 1;
  packed: true;
  themes: CorpusTheme[];
  countries: string[];
  documents: CorpusDocument[];
  paragraphsPerDocument: number[];
  /** the keys by the order of their codes in `keys` */
  keyOrder: number[];
  keys: string;
  contexts?: Array<[number, string, string, string]>;
}

/** The characters of packed keys: printable ASCII without `"`, `\\`, `;` and `~` (`~` escapes a rarer key). */
const KEY_ALPHABET = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter((c) => c !== '"' && c !== '\\' && c !== ';' && c !== '~' && c !== '<')
  .join('');

export function packCorpusModel(model: CorpusModel): PackedCorpusModel {
  const P = model.paragraphs.length / PARAGRAPH_FIELDS;
  const perDoc = new Array<number>(model.documents.length).fill(0);
  for (let p = 0; p < P; p++) perDoc[model.paragraphs[p * PARAGRAPH_FIELDS]]++;
  const H = model.hits.length / HIT_FIELDS;
  // the most frequent keys get one character, the others `~` and two
  const frequency = new Map<number, number>();
  for (let h = 0; h < H; h++) frequency.set(model.hits[h * HIT_FIELDS + 1], (frequency.get(model.hits[h * HIT_FIELDS + 1]) ?? 0) + 1);
  const order = [...frequency].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([k]) => k);
  const A = KEY_ALPHABET.length;
  const code = new Map(order.map((k, i) => [k, i < A ? KEY_ALPHABET[i] : `~${KEY_ALPHABET[Math.floor((i - A) / A)]}${KEY_ALPHABET[(i - A) % A]}`]));
  const parts: string[] = [];
  let h = 0;
  for (let p = 0; p < P; p++) {
    let keys = '';
    while (h < H && model.hits[h * HIT_FIELDS] === p) keys += code.get(model.hits[h++ * HIT_FIELDS + 1]);
    parts.push(keys);
  }
  const packed: PackedCorpusModel = {
    version: 1,
    packed: true,
    themes: model.themes,
    countries: model.countries,
    documents: model.documents,
    paragraphsPerDocument: perDoc,
    keyOrder: order,
    keys: parts.join(';'),
  };
  if (model.contexts) packed.contexts = model.contexts;
  return packed;
}

/** The model of a packed one (offsets 0: KWIC rows come from the stored contexts). */
export function unpackCorpusModel(packed: PackedCorpusModel): CorpusModel {
  const paragraphs: number[] = [];
  packed.paragraphsPerDocument.forEach((n, d) => {
    for (let i = 0; i < n; i++) paragraphs.push(d, 0, 0);
  });
  const hits: number[] = [];
  const P = paragraphs.length / PARAGRAPH_FIELDS;
  const perParagraph = packed.keys === '' && P <= 1 ? [''] : packed.keys.split(';');
  if (perParagraph.length !== Math.max(P, 1)) throw new Error(`a packed corpus model with ${P} paragraphs has mentions for ${perParagraph.length}`);
  const A = KEY_ALPHABET.length;
  const index = new Map([...KEY_ALPHABET].map((c, i) => [c, i]));
  for (let p = 0; p < P; p++) {
    const keys = perParagraph[p];
    for (let i = 0; i < keys.length; i++) {
      const rank = keys[i] === '~' ? A + index.get(keys[++i])! * A + index.get(keys[++i])! : index.get(keys[i])!;
      hits.push(p, packed.keyOrder[rank], 0, 0);
    }
  }
  const model: CorpusModel = { version: 1, themes: packed.themes, countries: packed.countries, documents: packed.documents, paragraphs, hits };
  if (packed.contexts) model.contexts = packed.contexts;
  return model;
}
