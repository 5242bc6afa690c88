/**
 * Calendar arithmetic for date recognition: Buddhist Era conversion, leap years, month
 * lengths, and formatting of Gregorian dates as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * All years here are Gregorian (CE) unless a name says otherwise.
 */

/** Buddhist Era year = Gregorian year + 543. */
export const BE_OFFSET = 543;

/** Gregorian leap year (convert a BE year to CE first: BE 2567 is CE 2024, a leap year). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1-12) of `year`; with no year, February has 29 (the most it can have). */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return MONTH_LENGTHS[month - 1];
}

/** True where day/month exist in `year` (or in some year, when the year is unknown). */
export function isValidDay(day: number, month: number, year?: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Dates already formatted, by year, month and day (the same few recur throughout a document). */
const formatted = new Map<number, string>();
const FORMATTED_LIMIT = 1 << 14;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the parts given. */
export function formatDate(year: number, month?: number, day?: number): string {
  const m = month ?? 0;
  const d = month !== undefined ? (day ?? 0) : 0;
  const cached = Number.isInteger(year) && year >= 0 && year < 100000 && Number.isInteger(m) && m >= 0 && m <= 12 && Number.isInteger(d) && d >= 0 && d <= 31;
  const key = (year * 13 + m) * 32 + d;
  if (cached) {
    const s = formatted.get(key);
    if (s !== undefined) return s;
  }
  let s = pad(year, 4);
  if (month !== undefined) s += '-' + pad(month, 2);
  if (month !== undefined && day !== undefined) s += '-' + pad(day, 2);
  if (cached) {
    if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
    formatted.set(key, s);
  }
  return s;
}

/** A calendar day as numbers (month 1-12). */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD` (a real day); undefined for anything else. */
export function parseIsoDay(s: string | undefined): Ymd | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(ymd.day, ymd.month, ymd.year) ? ymd : undefined;
}

/** The day `days` after (or before, if negative) `d`. */
export function addDays(d: Ymd, days: number): Ymd {
  const t = utcDay(d.year, d.month - 1, d.day + days);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** A UTC day (`Date.UTC` would read years 0-99 as 1900-1999). */
function utcDay(year: number, month0: number, day: number): Date {
  const t = new Date(0);
  t.setUTCFullYear(year, month0, day);
  return t;
}

/** The month `months` after (or before) year/month, as [year, month]. */
export function addMonths(year: number, month: number, months: number): [number, number] {
  const index = year * 12 + (month - 1) + months;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** Monday of the ISO week (Monday to Sunday) that contains `d`. */
export function mondayOf(d: Ymd): Ymd {
  const weekday = utcDay(d.year, d.month - 1, d.day).getUTCDay(); // 0 = Sunday
  return addDays(d, -((weekday + 6) % 7));
}

export function formatYmd(d: Ymd): string {
  return formatDate(d.year, d.month, d.day);
}
