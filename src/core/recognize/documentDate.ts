/**
 * The date a document's relative dates (วันนี้, ปีนี้) and dates without a year (11-14 ก.ค.)
 * are resolved against: the document's own date when it has one, so that an archival news
 * item dated 26 May 2025 reads `วันนี้` as 26 May 2025, whenever and wherever it is opened.
 * The editor and the command line use this one rule (`resolveReferenceDate`):
 *
 *   1. an explicit reference date (the command line's `--reference-date`);
 *   2. the document's date (`documentDate`): the `date:` of a front matter block (a leading
 *      `---` YAML block), else a dateline: a full date written alone on a line, or after
 *      `วันที่` / `วัน<weekday>ที่` at the start of a line (`วันจันทร์ที่ 26 พฤษภาคม 2568`),
 *      within the header (the first DATELINE_LINES non-blank lines after the front matter);
 *   3. a fallback (the editor's `thaiPolicyLens.referenceDate` setting);
 *   4. today, where the caller gives it (the editor does; the command line does not, so that
 *      its output does not change from day to day).
 *
 * Pure: no `vscode`, no Node modules.
 */
import { findDates } from './dates';
import { parseIsoDay } from './datesCalendar';

/** Where a reference date comes from. */
export type ReferenceSource = 'explicit' | 'frontMatter' | 'dateline' | 'setting' | 'today';

/** The date relative words and unwritten years are resolved against, and why. */
export interface ReferenceDate {
  /** YYYY-MM-DD */
  date: string;
  source: ReferenceSource;
  /** for the document's own date: the 1-based line it is written on */
  line?: number;
}

export interface ReferenceOptions {
  /** YYYY-MM-DD that wins over everything (the command line's --reference-date) */
  explicit?: string;
  /** YYYY-MM-DD used when the document has no date of its own (the editor's setting) */
  fallback?: string;
  /** YYYY-MM-DD used when there is nothing else (the editor gives today) */
  today?: string;
}

/** Lines a front matter block may have, its `---` lines included; a longer block is not read. */
export const FRONT_MATTER_MAX_LINES = 60;
/** Non-blank lines after the front matter that may hold the dateline. */
export const DATELINE_LINES = 5;
/** Lines, blank or not, the dateline is looked for in (after the front matter). */
const DATELINE_MAX_LINES = 15;
/**
 * The document's date depends only on its first DOCUMENT_DATE_MAX_LINES lines: an edit below
 * them cannot change it (the editor re-analyses the whole document when an edit above changes it).
 */
export const DOCUMENT_DATE_MAX_LINES = FRONT_MATTER_MAX_LINES + DATELINE_MAX_LINES;

/** A `วันที่` or `วัน<weekday>ที่` opening a line: the date after it is the dateline's. */
const DAY_PREFIX = /^วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?ที่\s*/;
/** A bullet, and a short label ending in `:` (`- Published:`, `วันที่:`, `Date:`), before a date alone on a line. */
const LABEL_PREFIX = /^(?:[-*•]\s+)?(?:[^\s:\d][^:\d]{0,29}:\s*)?/;

/**
 * The document's own date, if it has one: the `date:` of its front matter, else its dateline
 * (see the module comment). Looks only at the first DOCUMENT_DATE_MAX_LINES lines.
 */
export function documentDate(text: string): ReferenceDate | undefined {
  const lines = firstLines(text, DOCUMENT_DATE_MAX_LINES);
  let first = 0;
  if (lines.length > 0 && lines[0].replace(/^\ufeff/, '').trimEnd() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && i < FRONT_MATTER_MAX_LINES && /^(?:---|\.\.\.)\s*$/.test(l));
    if (close > 0) {
      for (let i = 1; i < close; i++) {
        const m = /^date\s*:\s*(.*?)\s*$/.exec(lines[i]);
        if (!m) continue;
        const date = dayOf(m[1].replace(/^(['"])(.*)\1$/, '$2'));
        if (date) return { date, source: 'frontMatter', line: i + 1 };
      }
      first = close + 1;
    }
  }
  let seen = 0;
  for (let i = first; i < lines.length && i < first + DATELINE_MAX_LINES && seen < DATELINE_LINES; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    seen++;
    const date = datelineOf(line);
    if (date) return { date, source: 'dateline', line: i + 1 };
  }
  return undefined;
}

/**
 * The reference date of a document: `explicit`, else the document's own date, else `fallback`,
 * else `today`; undefined when there is none of them (then relative words keep no value and a
 * missing year is taken from the nearest year written before). Invalid dates are skipped.
 */
export function resolveReferenceDate(text: string, options: ReferenceOptions = {}): ReferenceDate | undefined {
  if (options.explicit !== undefined && parseIsoDay(options.explicit)) return { date: options.explicit, source: 'explicit' };
  const own = documentDate(text);
  if (own) return own;
  if (options.fallback !== undefined && parseIsoDay(options.fallback)) return { date: options.fallback, source: 'setting' };
  if (options.today !== undefined && parseIsoDay(options.today)) return { date: options.today, source: 'today' };
  return undefined;
}

/** The first `count` lines of `text` (without their line breaks), without splitting the rest. */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let at = 0;
  while (lines.length < count && at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    lines.push(text.slice(at, end > at && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end));
    if (end >= text.length) break;
    at = end + 1;
  }
  return lines;
}

/** The day of a dateline: a full date alone on the line (after a label), or after วัน...ที่ at its start. */
function datelineOf(line: string): string | undefined {
  const prefix = DAY_PREFIX.exec(line);
  if (prefix) return dayAt(line.slice(prefix[0].length), false);
  const label = LABEL_PREFIX.exec(line)![0];
  return dayAt(line.slice(label.length), true);
}

/** A front matter value as a day: `2025-05-26` (a time may follow), or a full date in words. */
function dayOf(value: string): string | undefined {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (iso) return parseIsoDay(iso[1]) ? iso[1] : undefined;
  return dayAt(value, true);
}

/**
 * The day written at the start of `s`: a single full day with its year written (not a range,
 * a month, a relative word or an inferred year). With `alone`, nothing but punctuation may
 * follow it.
 */
function dayAt(s: string, alone: boolean): string | undefined {
  // only a date at the start counts: the scan starts there alone (no automaton of the date
  // markers built for it, no reading of the rest of the line)
  const dates = findDates(s, {}, [0]);
  const d = dates[0];
  if (!d || d.start !== 0 || d.from === undefined || d.from !== d.to || d.from.length !== 10 || d.calendar === 'none' || d.relative) return undefined;
  if (alone && /[^\s.,;:)\]]/.test(s.slice(d.end))) return undefined;
  return d.from;
}
