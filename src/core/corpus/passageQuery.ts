/**
 * The passage query language (docs/query.md): a query is words separated by spaces,
 *
 *   theme:ID-or-label     a theme by id, or by its Thai or English label (any case); a theme
 *                         includes the themes inside it
 *   country:ISO-or-name   a country by ISO 3166-1 alpha-2 or alpha-3 code, or by a Thai or English name
 *   date:FROM..TO         the document's date: years, YYYY-MM or YYYY-MM-DD, CE or BE (a year
 *                         from 2400 is BE); either end may be left out; one value is that period
 *   folder:PATH           documents under a folder
 *   "free text"  word     text the paragraph contains (letters in any case)
 *
 * `field:a,b` is either (OR); words are all required (AND). A value with spaces is quoted:
 * `theme:"human rights"`. Errors name the column: `1:7: unknown theme "xyz"`. Pure.
 */
import * as l10n from '@vscode/l10n';
import { COUNTRIES, countryByCode } from '../recognize/countries';
import type { CorpusSelection, CorpusTheme } from './corpus';

export class QueryError extends Error {
  constructor(
    message: string,
    /** 1-based column of the word at fault */
    readonly column: number,
  ) {
    super(`1:${column}: ${message}`);
  }
}

const FIELDS = ['theme', 'country', 'date', 'folder'] as const;

interface Word {
  field?: string;
  value: string;
  column: number;
}

/** The words of a query, quotes taken off (an unclosed quote is an error). */
function words(query: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    while (i < n && /\s/.test(query[i])) i++;
    if (i >= n) break;
    const column = i + 1;
    let field: string | undefined;
    const head = /^([A-Za-z]+):/.exec(query.slice(i, i + 12));
    if (head && (FIELDS as readonly string[]).includes(head[1].toLowerCase())) {
      field = head[1].toLowerCase();
      i += head[0].length;
    }
    let value = '';
    while (i < n && !/\s/.test(query[i])) {
      if (query[i] === '"') {
        const close = query.indexOf('"', i + 1);
        if (close < 0) throw new QueryError(l10n.t('a quote is not closed'), i + 1);
        value += query.slice(i + 1, close);
        i = close + 1;
      } else value += query[i++];
    }
    if (field && value === '') throw new QueryError(l10n.t('{0}: needs a value', field), column);
    out.push({ field, value, column });
  }
  return out;
}

const fold = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** A year written in BE (from 2400) as CE. */
function ceYear(y: number): number {
  return y >= 2400 ? y - 543 : y;
}

/** One end of a date range: YYYY, YYYY-MM or YYYY-MM-DD (Thai digits allowed), CE or BE, as CE. */
function dateEnd(value: string, column: number): string {
  const digits = value.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(digits);
  const month = m?.[2] ? Number(m[2]) : 1;
  const day = m?.[3] ? Number(m[3]) : 1;
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) throw new QueryError(l10n.t('date: "{0}" is not a year, YYYY-MM or YYYY-MM-DD', value), column);
  const year = String(ceYear(Number(m[1])));
  return [year, m[2]?.padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-');
}

/** The selection a query asks for, against the themes of the glossaries in use. Throws `QueryError`. */
export function parsePassageQuery(query: string, themes: readonly CorpusTheme[]): CorpusSelection {
  const selection: CorpusSelection = {};
  const byId = new Map(themes.map((t) => [t.id.toLowerCase(), t.id]));
  const byLabel = new Map<string, string>();
  for (const t of themes) {
    for (const label of [t.label, t.labelEn]) if (label && !byLabel.has(fold(label))) byLabel.set(fold(label), t.id);
  }
  for (const w of words(query)) {
    if (!w.field) {
      (selection.texts ??= []).push(w.value);
      continue;
    }
    const values = w.field === 'date' || w.field === 'folder' ? [w.value] : w.value.split(',').filter((v) => v.trim() !== '');
    if (w.field === 'theme') {
      const group = values.map((v) => {
        const id = byId.get(v.trim().toLowerCase()) ?? byLabel.get(fold(v));
        if (!id) throw new QueryError(l10n.t('unknown theme "{0}"', v), w.column);
        return id;
      });
      (selection.themes ??= []).push(group);
    } else if (w.field === 'country') {
      const group = values.map((v) => {
        const code = countryCode(v);
        if (!code) throw new QueryError(l10n.t('unknown country "{0}"', v), w.column);
        return code;
      });
      (selection.countries ??= []).push(group);
    } else if (w.field === 'date') {
      if (selection.from !== undefined || selection.to !== undefined) throw new QueryError(l10n.t('date: given twice'), w.column);
      const range = /^(.*?)\.\.(.*)$/.exec(w.value);
      if (range) {
        if (range[1] === '' && range[2] === '') throw new QueryError(l10n.t('date: needs a year on at least one side of ..'), w.column);
        if (range[1] !== '') selection.from = dateEnd(range[1], w.column);
        if (range[2] !== '') selection.to = dateEnd(range[2], w.column);
        if (selection.from && selection.to && selection.from.slice(0, 4) > selection.to.slice(0, 4)) throw new QueryError(l10n.t('date: {0} ends before it starts', w.value), w.column);
      } else selection.from = selection.to = dateEnd(w.value, w.column);
    } else selection.folder = w.value;
  }
  return selection;
}

let names: Map<string, string> | undefined;

/** A country's code from its alpha-2 or alpha-3 code or a Thai or English name (any case). */
export function countryCode(value: string): string | undefined {
  const v = value.trim();
  const direct = countryByCode(v);
  if (direct) return direct.code;
  if (!names) {
    names = new Map();
    for (const c of COUNTRIES) {
      for (const n of [c.alpha3, c.nameTh, c.formalTh, c.nameEn, c.formalEn, ...c.aliases, ...(c.informal ?? [])]) {
        if (n && !names.has(fold(n))) names.set(fold(n), c.code);
      }
    }
  }
  return names.get(fold(v));
}
