/**
 * Dates in words, in the content language: English with the Gregorian calendar
 * (`16 November 2021 (Tuesday)`, `13–14 November 2025`, `the 1960s (1960–1969)`) or Thai with the
 * Buddhist calendar (`วันอังคารที่ 16 พฤศจิกายน พ.ศ. 2564`, `13–14 พฤศจิกายน พ.ศ. 2568`). Month and
 * weekday names come from `Intl.DateTimeFormat` (`th-TH-u-ca-buddhist`, `en-GB`), never from lists
 * written here. Where the JavaScript engine has no Thai calendar data, Thai falls back to English.
 *
 * Pure: no `vscode` import.
 */
import type { ContentLanguage } from '../core';

const EN_DASH = '–';
const THAI_LOCALE = 'th-TH-u-ca-buddhist';
const BE_OFFSET = 543;

/** A Gregorian date as precise as written: year, year and month, or a full day. */
export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

/** Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undefined for anything else. */
export function parseDateParts(iso: string): DateParts | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return undefined;
  const parts: DateParts = { year: Number(m[1]) };
  if (m[2] !== undefined) parts.month = Number(m[2]);
  if (m[3] !== undefined) parts.day = Number(m[3]);
  if (parts.month !== undefined && (parts.month < 1 || parts.month > 12)) return undefined;
  return parts;
}

function utc(year: number, month = 1, day = 1): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // valid for any year, also before 100
  return d;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions, date: Date): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(key, f);
  }
  return f.format(date);
}

let thaiSupport: boolean | undefined;

/**
 * Whether this JavaScript engine writes Thai Buddhist-calendar dates (its ICU has the Thai
 * locale and the Buddhist calendar). `intl` is for tests.
 */
export function supportsThaiDates(intl: Pick<typeof Intl, 'DateTimeFormat'> = Intl): boolean {
  try {
    const f = new intl.DateTimeFormat(THAI_LOCALE, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    const o = f.resolvedOptions();
    return o.locale.startsWith('th') && o.calendar === 'buddhist' && /[\u0E00-\u0E7F]/.test(f.format(utc(2021, 11, 16))) && f.format(utc(2021, 11, 16)).includes('2564');
  } catch {
    return false;
  }
}

/** The language dates are written in: Thai if asked and supported, else English. */
export function dateLanguage(lang: ContentLanguage, supported?: boolean): ContentLanguage {
  if (lang !== 'th') return 'en';
  thaiSupport ??= supportsThaiDates();
  return (supported ?? thaiSupport) ? 'th' : 'en';
}

/** A month's name: `November`, `พฤศจิกายน`. */
export function monthName(month: number, lang: ContentLanguage = 'en'): string {
  return format(dateLanguage(lang) === 'th' ? THAI_LOCALE : 'en-GB', { month: 'long' }, utc(2000, month, 1));
}

/** The weekday of a Gregorian day: `Tuesday`, `วันอังคาร` (valid for any year, also before 100). */
export function weekdayOf(year: number, month: number, day: number, lang: ContentLanguage = 'en'): string {
  return format(dateLanguage(lang) === 'th' ? THAI_LOCALE : 'en-GB', { weekday: 'long' }, utc(year, month, day));
}

/** A year as the language writes it: `2021`, `พ.ศ. 2564`. */
function yearWords(year: number, th: boolean): string {
  return th ? `พ.ศ. ${year + BE_OFFSET}` : String(year);
}

/** `16 November 2021`, `November 2021`, `2021`; `16 พฤศจิกายน พ.ศ. 2564`, `พฤศจิกายน พ.ศ. 2564`, `พ.ศ. 2564` */
export function partsInWords(p: DateParts, lang: ContentLanguage = 'en'): string {
  const th = dateLanguage(lang) === 'th';
  if (p.month === undefined) return yearWords(p.year, th);
  const month = monthName(p.month, lang);
  return p.day === undefined ? `${month} ${yearWords(p.year, th)}` : `${p.day} ${month} ${yearWords(p.year, th)}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st ... */
function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/**
 * A Gregorian date or range in words. English: `16 November 2021 (Tuesday)`, `13–14 November 2025`,
 * `30 November – 2 December 2025`, `November 2025`, `October–December 2025`, `2025`, `2023–2027`,
 * `the 1960s (1960–1969)`, `the 21st century (2001–2100)`. Thai: `วันอังคารที่ 16 พฤศจิกายน พ.ศ. 2564`,
 * `13–14 พฤศจิกายน พ.ศ. 2568`, `พ.ศ. 2566–2570`, `ทศวรรษ 1960 (พ.ศ. 2503–2512)`,
 * `คริสต์ศตวรรษที่ 21 (พ.ศ. 2544–2643)`.
 */
export function dateInWords(from: string, to: string, lang: ContentLanguage = 'en'): string {
  const th = dateLanguage(lang) === 'th';
  const a = parseDateParts(from);
  const b = parseDateParts(to);
  if (!a || !b) return from === to ? from : `${from} ${EN_DASH} ${to}`;
  const words = (p: DateParts) => partsInWords(p, lang);
  const month = (m: number) => monthName(m, lang);
  const sameYear = a.year === b.year;
  const sameMonth = sameYear && a.month === b.month;
  if (a.day !== undefined && b.day !== undefined && a.month !== undefined && b.month !== undefined) {
    if (sameMonth && a.day === b.day) {
      return th
        ? format(THAI_LOCALE, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', era: 'short' }, utc(a.year, a.month, a.day))
        : `${words(a)} (${weekdayOf(a.year, a.month, a.day)})`;
    }
    if (sameMonth) return `${a.day}${EN_DASH}${b.day} ${month(b.month)} ${yearWords(b.year, th)}`;
    if (sameYear) return `${a.day} ${month(a.month)} ${EN_DASH} ${words(b)}`;
    return `${words(a)} ${EN_DASH} ${words(b)}`;
  }
  if (a.day === undefined && b.day === undefined && a.month !== undefined && b.month !== undefined) {
    if (sameMonth) return words(a);
    if (sameYear) return `${month(a.month)}${EN_DASH}${month(b.month)} ${yearWords(b.year, th)}`;
    return `${words(a)} ${EN_DASH} ${words(b)}`;
  }
  if (a.month === undefined && b.month === undefined) {
    if (sameYear) return yearWords(a.year, th);
    const span = th ? `พ.ศ. ${a.year + BE_OFFSET}${EN_DASH}${b.year + BE_OFFSET}` : `${a.year}${EN_DASH}${b.year}`;
    if (a.year % 10 === 0 && b.year === a.year + 9) return th ? `ทศวรรษ ${a.year} (${span})` : `the ${a.year}s (${span})`;
    if (a.year % 100 === 1 && b.year === a.year + 99) return th ? `คริสต์ศตวรรษที่ ${b.year / 100} (${span})` : `the ${ordinal(b.year / 100)} century (${span})`;
    return span;
  }
  return `${words(a)} ${EN_DASH} ${words(b)}`;
}
