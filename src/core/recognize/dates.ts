/**
 * Date recognition in Thai (and English) policy text.
 *
 * Dates start at cheap triggers (datesTriggers.ts: a run of digits, a Thai month name, an era
 * marker, ปี/เดือน/สัปดาห์, ทศวรรษ/ศตวรรษ/ไตรมาส, a relative word (also วันศุกร์ที่แล้ว,
 * จนถึงปัจจุบัน), a part of a year or month (ต้นปี, สิ้นเดือน), an English month or weekday). Their
 * possible positions come from an automaton pass over the text (the matcher's, shared with
 * the terms and countries when the Analyzer runs both, or a small one of the triggers alone);
 * at each trigger a small hand-written parser reads the date forward with charCodeAt, without
 * building strings. The scan resumes after each date, so dates come out sorted and never
 * overlap, and the time is linear in the length of the text.
 *
 * Span conventions (chosen to match the ThaiNER gold): the prefixes วันที่ / วันพุธที่, the
 * preposition เมื่อ and the words ปี / เดือน before a year or month stay outside the span
 * (`วันที่ [4 ก.ย. 61]`, `เมื่อ[วานนี้]`, `ในปี [2562]`, `เดือน[พฤศจิกายน 2561]`); an era marker, or ปี between a month and its year,
 * is inside (`[พ.ศ. 2566]`, `[16 พฤศจิกายน พ.ศ. 2564]`, `[19 กันยายน ปี 2549]`). Words that
 * make the kind of period are inside too (`[ปีงบประมาณ 2568]`, `[ทศวรรษ 1960]`). An English
 * timestamp keeps its weekday and time (`[Tuesday, 26 April 2022 21:23]`); its value is the day.
 *
 * Parts of a year or month (ต้น, กลาง, ปลาย, สิ้น + ปี/เดือน) are inside the span when glued
 * to a relative word or a month name (`[ปลายปีนี้]`, `[ต้นเดือนกุมภาพันธ์]`) and outside it before
 * a written year or after a space (`กลางปี [2566]`, `ต้นเดือน [ก.พ.]`), as ปี and เดือน are; the
 * part narrows the value either way (thirds of the year, days 1-10 / 11-20 / 21-end, the end).
 * A year in the title of a law or a budget act (`พ.ร.บ.ยาเสพติดให้โทษ พ.ศ. 2522`, `รัฐธรรมนูญ
 * ฉบับปี 2550`, `งบประมาณรายจ่ายประจำปี 2562`) is a date with the role `title`.
 *
 * Years: 4 digits are BE when >= 2400 (or after พ.ศ.), CE otherwise (or after ค.ศ.); 2 digits
 * after a Thai month or ปี are BE 25xx (`5 ม.ค. 66` is 2023), in a date written in digits BE
 * from 40 and CE 20xx below (`6/6/55` is 2012, `30/06/18` 2018). Where no year is written
 * (`6 ตุลา`, `1 - 24 มี.ค.`) the year is the reference date's, else the nearest year written
 * earlier in the document, and the date is `inferred`; with neither, it keeps only its text
 * (no from/to): cli.md allows only YYYY forms, and a guessed year would be worse than none.
 *
 * The text is read as is, without a normalizing pass: Thai digits ๐-๙ count as digits,
 * no-break and zero-width spaces may separate the parts of a date, and zero-width characters
 * inside a month or era word are skipped (not in the first two characters of a word that starts
 * a date, which dates-triggers.ts compares exactly). No date word contains ำ, so the
 * decomposed spelling ํา needs no handling here.
 */
import type { Calendar, DateAnnotation } from '../types';
import {
  BE_OFFSET,
  addDays,
  addMonths,
  daysInMonth,
  formatDate,
  formatYmd,
  isValidDay,
  mondayOf,
  parseIsoDay,
  type Ymd,
} from './datesCalendar';
import {
  CENTURY_WORDS,
  DAY_PREFIXES,
  ENGLISH_WEEKDAYS,
  ERA_MARKERS,
  FISCAL_YEAR_WORDS,
  MEASURE_WORDS,
  BUDGET_TITLE_WORDS,
  MONTH_NAMES,
  PERIOD_PARTS,
  QUANTITY_WORDS,
  QUARTER_WORDS,
  RELATIVE_WORDS,
  TITLE_WORDS,
  type MonthStyle,
  type PeriodPart,
  type RelativeWord,
} from './datesLexicon';
import { DATE_MARKERS, TriggerKind, triggerAt } from './datesTriggers';
import { Matcher } from './matcher';

export interface DateOptions {
  /** YYYY-MM-DD; resolves relative words and years not written */
  referenceDate?: string;
}

/**
 * Every date in `text`, sorted by offset and non-overlapping. Offsets are UTF-16 code units
 * into `text` itself. An invalid `referenceDate` is ignored.
 *
 * `starts`, when given, are ascending offsets that include every place where a date trigger
 * starts: the starts of `DATE_MARKERS` from a Matcher built with them, found in the same pass
 * as the terms. Without it a small automaton of the markers alone reads the text for them.
 */
export function findDates(text: string, options: DateOptions = {}, starts?: ArrayLike<number>): DateAnnotation[] {
  return scanner.scan(text, parseIsoDay(options.referenceDate), starts ?? dateTriggerStarts(text));
}

let triggerMatcher: Matcher | undefined;

/** The offsets where a date trigger may start (ascending), from an automaton of `DATE_MARKERS` alone. */
export function dateTriggerStarts(text: string): Int32Array {
  triggerMatcher ??= Matcher.build([], { markers: DATE_MARKERS });
  return triggerMatcher.findWithMarkers(text).markers;
}

// ---------------------------------------------------------------------------------------------
// Characters

const DOT = 0x2e;
const COMMA = 0x2c;
const COLON = 0x3a;
const SLASH = 0x2f;
const HYPHEN = 0x2d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/** 0-9 for ASCII and Thai digits, -1 otherwise (also for NaN past the end). */
function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x0e50 && c <= 0x0e59) return c - 0x0e50;
  return -1;
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0e50 && c <= 0x0e59);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Thai consonants ก-ฮ. */
function isThaiConsonant(c: number): boolean {
  return c >= 0x0e01 && c <= 0x0e2e;
}

/** Thai letters, vowels and tone marks (not digits or ฯ ๆ). */
function isThaiLetter(c: number): boolean {
  return (c >= 0x0e01 && c <= 0x0e3a) || (c >= 0x0e40 && c <= 0x0e4e);
}

/** Invisible characters that may sit inside a word: zero-width space/joiners, word joiner, BOM, soft hyphen. */
function isZeroWidth(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0x00ad;
}

/** Horizontal space between the parts of a date, including no-break and zero-width spaces (not newlines). */
function isSpaceLike(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    isZeroWidth(c)
  );
}

/** Hyphen and the dashes used for ranges (– — ‐ ‑ −). */
function isDash(c: number): boolean {
  return c === HYPHEN || c === 0x2013 || c === 0x2014 || c === 0x2010 || c === 0x2011 || c === 0x2212;
}

// ---------------------------------------------------------------------------------------------
// Lexicon indexes

/** Groups words (or entries with a `form`) by the UTF-16 code of one of their characters, keeping their order. */
function indexByChar<T>(entries: readonly T[], form: (entry: T) => string, charAt: (word: string) => number): Map<number, T[]> {
  const index = new Map<number, T[]>();
  for (const entry of entries) {
    const c = charAt(form(entry));
    const list = index.get(c);
    if (list) list.push(entry);
    else index.set(c, [entry]);
  }
  return index;
}

const firstChar = (word: string): number => word.charCodeAt(0);
const lastChar = (word: string): number => word.charCodeAt(word.length - 1);
const NONE: readonly never[] = [];
/** English ordinal suffixes (24th, 1st). */
const ORDINAL_SUFFIXES = ['st', 'nd', 'rd', 'th'];

/** Month names by first character, longest first. */
const MONTHS_BY_FIRST_CHAR = indexByChar(
  MONTH_NAMES.filter((n) => n.style !== 'bare'),
  (n) => n.form,
  firstChar,
);
/** BARE_MONTH_FIRST[c - 0x0e00] = 1 where an abbreviation without dots starts with that Thai character. */
const BARE_MONTH_FIRST = new Uint8Array(0x80);
for (const n of MONTH_NAMES) if (n.style === 'bare') BARE_MONTH_FIRST[n.form.charCodeAt(0) - 0x0e00] = 1;
/** Abbreviations without dots (ธค, พย) by first character, longest first: tried only after a day. */
const BARE_MONTHS_BY_FIRST_CHAR = indexByChar(
  MONTH_NAMES.filter((n) => n.style === 'bare'),
  (n) => n.form,
  firstChar,
);

/** Era markers by first character, longest first, each also without its final dot (พ.ศ 2566). */
const ERAS_BY_FIRST_CHAR = indexByChar(
  ERA_MARKERS.flatMap((m) => (m.form.endsWith('.') ? [m, { form: m.form.slice(0, -1), calendar: m.calendar }] : [m])).sort(
    (a, b) => b.form.length - a.form.length,
  ),
  (m) => m.form,
  firstChar,
);

const RELATIVE_BY_FIRST_CHAR = indexByChar(RELATIVE_WORDS, (w) => w.word, firstChar);
/** Letters that, right after ปี, make another word (ปีก a wing, ปีน to climb, ปีศาจ, ปีติ). */
const NOT_AFTER_YEAR_WORD: readonly number[] = [0x0e01, 0x0e19, 0x0e28, 0x0e15];

/** Vowels and tone marks written after a consonant: ปี + one of them is another syllable (ปี๊บ). */
function isFollowingMark(c: number): boolean {
  return (c >= 0x0e30 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e);
}

/** The year spoken of, for a part of a year written without one (ต้นปี): the last year written, else the reference year. */
const THIS_YEAR: RelativeWord = { word: 'ปี', unit: 'year', offset: 0, anaphoric: true };
const MEASURE_BY_FIRST_CHAR = indexByChar(MEASURE_WORDS, (w) => w, firstChar);
/** Quantity words by their last character, to look back from a position. */
const QUANTITY_BY_LAST_CHAR = indexByChar(QUANTITY_WORDS, (w) => w, lastChar);

/** Plausible years written without an era marker: CE 1000-2200 or BE 2400-2800. */
function isPlausibleYear(value: number): boolean {
  return (value >= 1000 && value <= 2200) || (value >= 2400 && value <= 2800);
}

// ---------------------------------------------------------------------------------------------
// Scanner

/** A date as read, before its missing year (if any) is inferred. Years are CE. */
interface Found {
  start: number;
  end: number;
  /** how the year was written; 'none' when no year was written */
  calendar: Calendar;
  fromYear: number | undefined;
  fromMonth: number | undefined;
  fromDay: number | undefined;
  toYear: number | undefined;
  toMonth: number | undefined;
  toDay: number | undefined;
  /** decades and centuries: their years do not become the document's current year */
  period: boolean;
  relative: RelativeWord | undefined;
  /** a part of the year or month read (ปลายปี, ต้นเดือน): narrows the value once it is known */
  part: PeriodPart | undefined;
  /** 1-4: the quarter of the year read (ไตรมาส 2/2561), which narrows the value; 0 for none */
  quarter: number;
  /**
   * a day written alone (วันที่ [5] ที่ผ่านมา: -1, วันที่ [20] นี้: 1): the last such day of a
   * month on or before the reference date, or the next on or after it; 0 for other dates
   */
  dayOfMonth: number;
}

/** A Found with every field present (one shape for all, kept by the scanner). */
function newFound(): Found {
  return {
    start: 0,
    end: 0,
    calendar: 'none',
    fromYear: undefined,
    fromMonth: undefined,
    fromDay: undefined,
    toYear: undefined,
    toMonth: undefined,
    toDay: undefined,
    period: false,
    relative: undefined,
    part: undefined,
    quarter: 0,
    dayOfMonth: 0,
  };
}

/**
 * Reads the dates of one text at a time; one instance serves every call (see `findDates`).
 * A date is read into the scanner's one Found, checked and emitted before the next one is
 * read, so reading allocates nothing but the annotations.
 */
class DateScanner {
  private readonly found: Found = newFound();
  private text = '';
  private reference: Ymd | undefined;
  private out: DateAnnotation[] = [];
  /** end of the last date found; digits before it belong to a date, not to a quantity */
  private lastEnd = 0;
  /** CE year of the last date whose year was written */
  private lastWrittenYear: number | undefined;
  /** the last day (YYYY-MM-DD) a date found so far ends on: วันรุ่งขึ้น is the day after it */
  private lastDay: string | undefined;
  /** end of a date-shaped text just rejected (31 เมษายน): no date starts inside it */
  private rejectedEnd = 0;

  // Results of the read* helpers (to avoid allocating a result object per attempt).
  private numValue = 0;
  private numDigits = 0;
  private month = 0;
  private monthStyle: MonthStyle = 'full';
  private year = 0;
  private yearCalendar: 'BE' | 'CE' = 'BE';
  private yearValue = 0;
  private yearDigits = 0;
  private eraCalendar: 'BE' | 'CE' = 'BE';

  /** The dates of `text`, trying the positions in `starts` (ascending) that no date found so far covers. */
  scan(text: string, reference: Ymd | undefined, starts: ArrayLike<number>): DateAnnotation[] {
    this.text = text;
    this.reference = reference;
    this.out = [];
    this.lastEnd = 0;
    this.lastWrittenYear = undefined;
    this.lastDay = undefined;
    this.rejectedEnd = 0;
    try {
      this.scanStarts(starts);
      return this.out;
    } finally {
      this.text = '';
      this.out = [];
    }
  }

  private scanStarts(starts: ArrayLike<number>): void {
    const text = this.text;
    let pos = 0;
    for (let c = 0; c < starts.length; c++) {
      if (starts[c] < pos) continue;
      pos = starts[c];
      const kind = triggerAt(text, pos);
      if (kind === TriggerKind.None) {
        pos++;
        continue;
      }
      const found = this.parseAt(kind, pos);
      if (found) {
        this.emit(found);
        pos = found.end;
      } else {
        // skip a rejected date, a whole run of digits, or else try the next character
        let next = pos + 1;
        if (kind === TriggerKind.Digits) while (isDigit(text.charCodeAt(next))) next++;
        pos = Math.max(next, this.rejectedEnd);
      }
    }
  }

  private parseAt(kind: TriggerKind, at: number): Found | null {
    switch (kind) {
      case TriggerKind.Digits:
        return this.parseNumberFirst(at);
      case TriggerKind.ThaiMonth:
        return this.parseMonthFirst(at, false);
      case TriggerKind.Era:
        return this.parseEra(at);
      case TriggerKind.YearWord:
        return this.parseYearWord(at);
      case TriggerKind.MonthWord:
        return this.parseMonthWord(at);
      case TriggerKind.Relative:
        return this.parseRelative(at);
      case TriggerKind.Part:
        return this.parsePart(at);
      case TriggerKind.Decade:
        return this.parseDecade(at);
      case TriggerKind.Century:
        return this.parseCentury(at, at + 'ศตวรรษ'.length, undefined);
      case TriggerKind.Quarter:
        return this.parseQuarter(at);
      case TriggerKind.EnglishMonth:
        return this.parseEnglishMonthFirst(at);
      case TriggerKind.EnglishWeekday:
        return this.parseEnglishWeekday(at);
      default:
        return null;
    }
  }

  // ----- low-level readers ------------------------------------------------------------------

  private code(pos: number): number {
    return this.text.charCodeAt(pos);
  }

  private skipSpaces(pos: number): number {
    while (isSpaceLike(this.text.charCodeAt(pos))) pos++;
    return pos;
  }

  /** Matches `word` at `pos`, skipping zero-width characters inside it; returns the end, or -1. */
  private matchWord(pos: number, word: string): number {
    const text = this.text;
    let j = pos;
    for (let i = 0; i < word.length; i++) {
      let c = text.charCodeAt(j);
      if (i > 0) while (isZeroWidth(c)) c = text.charCodeAt(++j);
      if (c !== word.charCodeAt(i)) return -1;
      j++;
    }
    return j;
  }

  /** Reads a run of ASCII or Thai digits into numValue/numDigits; returns the end, or -1. */
  private readNumber(pos: number): number {
    let value = 0;
    let digits = 0;
    let d: number;
    while ((d = digitValue(this.text.charCodeAt(pos))) >= 0) {
      if (digits < 9) value = value * 10 + d;
      digits++;
      pos++;
    }
    if (digits === 0) return -1;
    this.numValue = value;
    this.numDigits = digits;
    return pos;
  }

  /** A number ending at `end` is whole: not followed by a decimal/thousands/time part (4.0, 3,600, 10:30). */
  private endsCleanly(end: number): boolean {
    const c = this.code(end);
    return !((c === DOT || c === COMMA || c === COLON) && isDigit(this.code(end + 1)));
  }

  /** A number may start a date at `pos`: not glued to Latin letters (G20) nor part of 1.5, 3,600, 239/2561, 10:30. */
  private numberMayStart(pos: number): boolean {
    const prev = this.code(pos - 1);
    if (isAsciiLetter(prev) || isDigit(prev) || prev === SLASH || prev === COLON) return false;
    if ((prev === DOT || prev === COMMA) && isDigit(this.code(pos - 2))) return false;
    return true;
  }

  /** `pos` follows an abbreviation letter and dot (อ.ก.พ.): a month abbreviation there is part of an acronym. */
  private acronymBefore(pos: number): boolean {
    return this.code(pos - 1) === DOT && isThaiConsonant(this.code(pos - 2));
  }

  /** An acronym continues at `pos` (ก.ค.ศ.): a consonant and a dot. */
  private acronymAfter(pos: number): boolean {
    return isThaiConsonant(this.code(pos)) && this.code(pos + 1) === DOT;
  }

  /**
   * Reads a month name at `pos` into month/monthStyle; returns the end, or -1.
   * `thai`/`english` say which names are allowed; `afterDay` that a day was just read (only
   * then is an abbreviation without dots a month: 1ธค.57, 24 พย.).
   */
  private readMonth(pos: number, thai: boolean, english: boolean, afterDay = false): number {
    const names = MONTHS_BY_FIRST_CHAR.get(this.code(pos)) ?? NONE;
    for (let n = 0; n < names.length; n++) {
      const name = names[n];
      if (name.style === 'english' ? !english : !thai) continue;
      let end = this.matchWord(pos, name.form);
      if (end < 0) continue;
      switch (name.style) {
        case 'abbr':
          if (this.code(end) === DOT) end++;
          else if (isThaiLetter(this.code(end))) continue;
          // ก.ค.ศ., อ.ก.พ.: an acronym; after a day it is the month (3 ก.พ.น.พ.เสรี: a title follows)
          if (this.acronymBefore(pos) || (!afterDay && this.acronymAfter(end))) continue;
          break;
        case 'informal':
          if (this.matchWord(end, 'การ') >= 0) continue; // ตุลาการ (judges)
          break;
        case 'english':
          if (isAsciiLetter(this.code(end)) || isAsciiLetter(this.code(pos - 1))) continue;
          if (name.form.length <= 4 && this.code(end) === DOT) end++;
          break;
        case 'full':
          break;
      }
      this.month = name.month;
      this.monthStyle = name.style;
      return end;
    }
    return afterDay && thai ? this.readBareMonth(pos) : -1;
  }

  /**
   * Reads an abbreviation without dots (1ธค.57, 24 พย.) into month/monthStyle; returns the end,
   * or -1. Only right after a day: the letters also begin words and acronyms (พยาบาล, กยศ.), so
   * no Thai letter may follow, nor an acronym after its dot.
   */
  private readBareMonth(pos: number): number {
    const c = this.code(pos);
    if (c < 0x0e01 || c > 0x0e44 || BARE_MONTH_FIRST[c - 0x0e00] === 0) return -1;
    const names = BARE_MONTHS_BY_FIRST_CHAR.get(c);
    if (!names) return -1;
    for (let n = 0; n < names.length; n++) {
      let end = this.matchWord(pos, names[n].form);
      if (end < 0 || isThaiLetter(this.code(end))) continue;
      if (this.code(end) === DOT) {
        if (this.acronymAfter(end + 1)) continue;
        end++;
      }
      this.month = names[n].month;
      this.monthStyle = 'bare';
      return end;
    }
    return -1;
  }

  /** Reads พ.ศ., ค.ศ., พุทธศักราช ... into eraCalendar; returns the end, or -1. */
  private readEraMarker(pos: number): number {
    const eras = ERAS_BY_FIRST_CHAR.get(this.code(pos)) ?? NONE;
    for (let n = 0; n < eras.length; n++) {
      const era = eras[n];
      const end = this.matchWord(pos, era.form);
      if (end >= 0) {
        this.eraCalendar = era.calendar;
        return end;
      }
    }
    return -1;
  }

  /** A measure word follows (62 ล้าน, 61 ปี): the 2-digit number before it is a quantity, not a year. */
  private followedByMeasureWord(pos: number): boolean {
    const p = this.skipSpaces(pos);
    const words = MEASURE_BY_FIRST_CHAR.get(this.code(p)) ?? NONE;
    for (let n = 0; n < words.length; n++) if (this.matchWord(p, words[n]) >= 0) return true;
    return false;
  }

  /** A month name follows (กุมภาพันธ์ 29 ก.พ.): the 2-digit number before it is a day, not a year. */
  private followedByMonth(pos: number): boolean {
    const { month, monthStyle } = this;
    const follows = this.readMonth(this.skipSpaces(pos), true, true, true) >= 0;
    this.month = month;
    this.monthStyle = monthStyle;
    return follows;
  }

  /**
   * A quantity comes right before `pos` (10 ปีที่ผ่านมา, สามปีก่อน, หลายเดือน): a following
   * ปี/เดือน/สัปดาห์/วัน word is a duration. Digits of a date found just before do not count.
   */
  private precededByQuantity(pos: number): boolean {
    let q = pos - 1;
    while (q >= 0 && isSpaceLike(this.code(q))) q--;
    if (q < 0) return false;
    if (isDigit(this.code(q))) {
      if (q < this.lastEnd) return false;
      // ไตรมาส 1 ปีหน้า: the number of a quarter, not a quantity
      let d = q;
      while (d > 0 && isDigit(this.code(d - 1))) d--;
      while (d > 0 && isSpaceLike(this.code(d - 1))) d--;
      return !endsWith(this.text, d, 'ไตรมาส') && !endsWith(this.text, d, 'ไตรมาสที่');
    }
    const words = QUANTITY_BY_LAST_CHAR.get(this.code(q)) ?? NONE;
    for (let n = 0; n < words.length; n++) {
      const word = words[n];
      const s = q + 1 - word.length;
      if (s >= 0 && this.text.startsWith(word, s)) return true;
    }
    return false;
  }

  /**
   * Reads a year number at `pos` into year (CE), yearCalendar, yearValue and yearDigits;
   * returns the end, or -1. `era` is the marker written before it, if any. Four digits are BE
   * from 2400; two digits (when `twoDigits`) are BE 25xx; three digits only after ค.ศ.
   */
  private readYearNumber(pos: number, era: 'BE' | 'CE' | undefined, twoDigits: boolean): number {
    const end = this.readNumber(pos);
    if (end < 0 || !this.endsCleanly(end)) return -1;
    const value = this.numValue;
    const digits = this.numDigits;
    let calendar: 'BE' | 'CE';
    let fullValue = value;
    if (digits === 4) {
      if (!era && !isPlausibleYear(value)) return -1;
      calendar = era ?? (value >= 2400 ? 'BE' : 'CE');
    } else if (digits === 2 && twoDigits && era !== 'CE') {
      calendar = 'BE';
      fullValue = 2500 + value;
    } else if (digits === 3 && era === 'CE') {
      calendar = 'CE';
    } else {
      return -1;
    }
    if (digits === 2 && !era && (this.followedByMeasureWord(end) || this.followedByMonth(end))) return -1;
    this.year = calendar === 'BE' ? fullValue - BE_OFFSET : fullValue;
    if (this.year < 1) return -1;
    this.yearCalendar = calendar;
    this.yearValue = fullValue;
    this.yearDigits = digits;
    return end;
  }

  /**
   * Reads the year written after a day or month: spaces, an optional marker (พ.ศ., ค.ศ.,
   * ปี, ปี พ.ศ.; after an English month only an optional comma), spaces and the year.
   */
  private readYearAfterMonth(pos: number, english: boolean): number {
    let p = this.skipSpaces(pos);
    let era: 'BE' | 'CE' | undefined;
    if (english) {
      if (this.code(p) === COMMA) p = this.skipSpaces(p + 1);
      return this.readYearNumber(p, undefined, false);
    }
    const yearWordEnd = this.matchWord(p, 'ปี');
    if (yearWordEnd >= 0) p = this.skipSpaces(yearWordEnd);
    const eraEnd = this.readEraMarker(p);
    if (eraEnd >= 0) {
      era = this.eraCalendar;
      p = this.skipSpaces(eraEnd);
    }
    return this.readYearNumber(p, era, true);
  }

  /**
   * After a year just read (yearValue/yearDigits), reads `-2512` or `-12` (same century)
   * ending a year range; sets `found.toYear` and returns true when there is one.
   */
  private extendYearRange(found: Found): boolean {
    const first = this.yearValue;
    const firstCe = this.year;
    const q = this.skipSpaces(found.end);
    if (!isDash(this.code(q))) return false;
    const p = this.skipSpaces(q + 1);
    const end = this.readNumber(p);
    if (end < 0 || !this.endsCleanly(end)) return false;
    let last: number;
    if (this.numDigits === 4) last = this.numValue;
    else if (this.numDigits === 2) last = first - (first % 100) + this.numValue;
    else return false;
    if (last <= first || last - first > 200) return false;
    found.toYear = firstCe + (last - first);
    found.end = end;
    return true;
  }

  /** Reads a time `21:23` or `21:23:05` after an English date; returns its end, or `pos` when absent. */
  private readClockTime(pos: number): number {
    const p = this.skipSpaces(pos);
    const hourEnd = this.readNumber(p);
    if (hourEnd < 0 || this.numDigits > 2 || this.numValue > 23 || this.code(hourEnd) !== COLON) return pos;
    let end = this.readNumber(hourEnd + 1);
    if (end < 0 || this.numDigits !== 2 || this.numValue > 59) return pos;
    if (this.code(end) === COLON) {
      const secondsEnd = this.readNumber(end + 1);
      if (secondsEnd >= 0 && this.numDigits === 2 && this.numValue <= 59) end = secondsEnd;
    }
    return isDigit(this.code(end)) ? pos : end;
  }

  /** Skips an English ordinal suffix (24th, 1st); returns its end, or -1 when there is none. */
  private readOrdinalSuffix(pos: number): number {
    for (let n = 0; n < ORDINAL_SUFFIXES.length; n++) {
      const end = this.matchWord(pos, ORDINAL_SUFFIXES[n]);
      if (end >= 0 && !isAsciiLetter(this.code(end))) return end;
    }
    return -1;
  }

  // ----- forms ------------------------------------------------------------------------------

  /** At a run of digits: ISO, d/m/y, a day (with month, range), or a bare BE year range. */
  private parseNumberFirst(start: number): Found | null {
    if (!this.numberMayStart(start)) return null;
    const end = this.readNumber(start);
    const value = this.numValue;
    const digits = this.numDigits;
    if (digits === 4) return this.parseIsoDate(start, end, value) ?? this.parseBareYearRange(start, end, value);
    if (digits > 2 || value < 1 || value > 31) return null;
    if (this.code(end) === SLASH) return this.parseNumericDate(start, end, value, SLASH);
    if (this.code(end) === HYPHEN) {
      const numeric = this.parseNumericDate(start, end, value, HYPHEN);
      if (numeric) return numeric;
    }
    if (!this.endsCleanly(end)) return null;
    return this.parseDayFirst(start, end, value);
  }

  /** `2025-09-18` (a year from 2400 is BE). */
  private parseIsoDate(start: number, yearEnd: number, yearValue: number): Found | null {
    if (this.code(yearEnd) !== HYPHEN || !isPlausibleYear(yearValue)) return null;
    const monthEnd = this.readNumber(yearEnd + 1);
    if (monthEnd < 0 || this.numDigits !== 2 || this.code(monthEnd) !== HYPHEN) return null;
    const month = this.numValue;
    const dayEnd = this.readNumber(monthEnd + 1);
    if (dayEnd < 0 || this.numDigits !== 2 || !this.endsCleanly(dayEnd) || isAsciiLetter(this.code(dayEnd))) return null;
    const calendar = yearValue >= 2400 ? 'BE' : 'CE';
    const year = calendar === 'BE' ? yearValue - BE_OFFSET : yearValue;
    return this.checked(this.dayFound(start, dayEnd, this.numValue, month, year, calendar));
  }

  /**
   * Day, month and year in digits, separated by `/` (`16/11/2564`, `6/6/55`, `06/06/55`) or
   * `-` (`26-6-61`). A 4-digit year from 2400 is BE, else CE; a 2-digit year is BE 25xx from
   * 40 (`55` is 2555 = 2012) and CE 20xx below (`18` is 2018: BE 2500-2539 would be 1957-1996,
   * which a date in digits hardly means). With a 4-digit year and `/`, a middle number over 12
   * is the day of a month written first (`9/28/2004`, as English-language pages write it).
   * Nothing else may follow (`1/2/3/4`, `1-2-55-1`).
   */
  private parseNumericDate(start: number, dayEnd: number, first: number, separator: number): Found | null {
    const monthEnd = this.readNumber(dayEnd + 1);
    if (monthEnd < 0 || this.numDigits > 2 || this.code(monthEnd) !== separator) return null;
    let month = this.numValue;
    let day = first;
    const yearEnd = this.readNumber(monthEnd + 1);
    if (yearEnd < 0 || (this.numDigits !== 4 && this.numDigits !== 2)) return null;
    if (!this.endsCleanly(yearEnd) || this.code(yearEnd) === SLASH || isDash(this.code(yearEnd)) || isAsciiLetter(this.code(yearEnd))) return null;
    const value = this.numValue;
    let calendar: 'BE' | 'CE';
    let year: number;
    if (this.numDigits === 4) {
      if (!isPlausibleYear(value)) return null;
      calendar = value >= 2400 ? 'BE' : 'CE';
      year = calendar === 'BE' ? value - BE_OFFSET : value;
      if (separator === SLASH && month > 12 && first <= 12) {
        day = month;
        month = first;
      }
    } else {
      calendar = value >= 40 ? 'BE' : 'CE';
      year = calendar === 'BE' ? 2500 + value - BE_OFFSET : 2000 + value;
    }
    return this.checked(this.dayFound(start, yearEnd, day, month, year, calendar));
  }

  /**
   * `2566–2570` or `2023 - 2024`: two 4-digit years joined by a dash with no other context.
   * BE years (2400-2800) are always years; CE years only within 1900-2100, at most 30 years
   * apart, and not followed by a measure word (1990-2000 บาท is money).
   */
  private parseBareYearRange(start: number, end: number, value: number): Found | null {
    const be = value >= 2400 && value <= 2800;
    const ce = value >= 1900 && value <= 2100;
    if ((!be && !ce) || !this.endsCleanly(end)) return null;
    this.year = be ? value - BE_OFFSET : value;
    this.yearValue = value;
    this.yearDigits = 4;
    const found = this.makeFound(start, end, be ? 'BE' : 'CE', this.year, undefined, undefined, this.year);
    if (!this.extendYearRange(found) || this.numDigits !== 4) return null;
    if (ce && (found.toYear! - found.fromYear! > 30 || this.followedByMeasureWord(found.end))) return null;
    return found;
  }

  private dayFound(start: number, end: number, day: number, month: number, year: number | undefined, calendar: Calendar): Found {
    return this.makeFound(start, end, calendar, year, month, day, year, month, day);
  }

  /** The scanner's Found, with these fields (what was read into it before is dropped). */
  private makeFound(
    start: number,
    end: number,
    calendar: Calendar,
    fromYear?: number,
    fromMonth?: number,
    fromDay?: number,
    toYear?: number,
    toMonth?: number,
    toDay?: number,
    period = false,
    relative?: RelativeWord,
  ): Found {
    const f = this.found;
    f.start = start;
    f.end = end;
    f.calendar = calendar;
    f.fromYear = fromYear;
    f.fromMonth = fromMonth;
    f.fromDay = fromDay;
    f.toYear = toYear;
    f.toMonth = toMonth;
    f.toDay = toDay;
    f.period = period;
    f.relative = relative;
    f.part = undefined;
    f.quarter = 0;
    f.dayOfMonth = 0;
    return f;
  }

  /**
   * A day first: `16 พฤศจิกายน 2564`, `28 ก.ค.68`, `2ก.ย.`, `26 April 2022 21:23`, a day range
   * `13 - 14 พฤศจิกายน 2568`, or a cross-month range `30 ต.ค. - 2 พ.ย. 2568`.
   */
  private parseDayFirst(start: number, dayEnd: number, day: number): Found | null {
    const ordinalEnd = this.readOrdinalSuffix(dayEnd);
    const afterDay = ordinalEnd >= 0 ? ordinalEnd : dayEnd;
    const q = this.skipSpaces(afterDay);
    const monthEnd = this.readMonth(q, ordinalEnd < 0, true, true);
    if (monthEnd >= 0) {
      const english = this.monthStyle === 'english';
      const found = this.dayFound(start, monthEnd, day, this.month, undefined, 'none');
      this.readYearInto(found, english);
      this.extendDayMonthRange(found);
      if (english && found.toYear !== undefined) found.end = this.readClockTime(found.end);
      return this.checked(found);
    }
    if (ordinalEnd >= 0) return null;
    if (!isDash(this.code(q))) return this.parseDayList(start, dayEnd, day) ?? this.parseDayOfMonth(start, dayEnd, day);
    // a range of days in one month: 13 - 14 พฤศจิกายน 2568
    const lastEnd = this.readNumber(this.skipSpaces(q + 1));
    if (lastEnd < 0 || this.numDigits > 2 || !this.endsCleanly(lastEnd)) return null;
    const lastDay = this.numValue;
    const rangeMonthEnd = this.readMonth(this.skipSpaces(lastEnd), true, true, true);
    if (rangeMonthEnd < 0 || lastDay <= day) return null;
    const english = this.monthStyle === 'english';
    const found = this.dayFound(start, rangeMonthEnd, day, this.month, undefined, 'none');
    found.toDay = lastDay;
    this.readYearInto(found, english);
    if (english && found.toYear !== undefined) found.end = this.readClockTime(found.end);
    return this.checked(found);
  }

  /**
   * Days joined by `,`, และ, หรือ or ถึง before one month: `24 และ 25 ก.ย.`, `1, 2 และ 3 ก.ย. 2561`,
   * `1 ถึง 3 มีนาคม`; the value runs from the first day to the last (each day after the one
   * before it).
   */
  private parseDayList(start: number, dayEnd: number, day: number): Found | null {
    let last = day;
    let p = dayEnd;
    for (let n = 0; n < 8; n++) {
      const q = this.skipSpaces(p);
      let joined = this.code(q) === COMMA ? q + 1 : -1;
      for (let w = 0; w < DAY_JOINERS.length && joined < 0; w++) joined = this.matchWord(q, DAY_JOINERS[w]);
      if (joined < 0) break;
      const end = this.readNumber(this.skipSpaces(joined));
      if (end < 0 || this.numDigits > 2 || !this.endsCleanly(end) || this.numValue <= last || this.numValue > 31) return null;
      last = this.numValue;
      p = end;
    }
    if (p === dayEnd) return null;
    const monthEnd = this.readMonth(this.skipSpaces(p), true, false, true);
    if (monthEnd < 0) return null;
    const found = this.dayFound(start, monthEnd, day, this.month, undefined, 'none');
    found.toDay = last;
    this.readYearInto(found, false);
    return this.checked(found);
  }

  /**
   * A day written alone after วันที่ (or วันศุกร์ที่) and before ที่ผ่านมา / ที่แล้ว or นี้:
   * `เมื่อวันที่ [5] ที่ผ่านมา`, `ในวันที่ [20] นี้`, a day of the month before or after the
   * reference date (resolved in `emit`).
   */
  private parseDayOfMonth(start: number, dayEnd: number, day: number): Found | null {
    if (!this.precededByWord(start, DAY_PREFIXES)) return null;
    const p = this.skipSpaces(dayEnd);
    let direction = 0;
    if (this.matchWord(p, 'ที่ผ่านมา') >= 0 || this.matchWord(p, 'ที่แล้ว') >= 0) direction = -1;
    else if (this.matchWord(p, 'นี้') >= 0) direction = 1;
    else return null;
    const found = this.makeFound(start, dayEnd, 'none', undefined, undefined, day, undefined, undefined, day);
    found.dayOfMonth = direction;
    return found;
  }

  /** Reads the year after a month into both ends of `found`, when one is written. */
  private readYearInto(found: Found, english: boolean): void {
    const yearEnd = this.readYearAfterMonth(found.end, english);
    if (yearEnd < 0) return;
    found.fromYear = found.toYear = this.year;
    found.calendar = this.yearCalendar;
    found.end = yearEnd;
  }

  /** `- 2 พ.ย. 2568` after a day and month: the end of a cross-month range. */
  private extendDayMonthRange(found: Found): void {
    const q = this.skipSpaces(found.end);
    if (!isDash(this.code(q))) return;
    const p = this.skipSpaces(q + 1);
    const dayEnd = this.readNumber(p);
    if (dayEnd < 0 || this.numDigits > 2 || !this.endsCleanly(dayEnd)) return;
    const day = this.numValue;
    const monthEnd = this.readMonth(this.skipSpaces(dayEnd), true, true, true);
    if (monthEnd < 0) return;
    found.toDay = day;
    found.toMonth = this.month;
    found.end = monthEnd;
    const yearEnd = this.readYearAfterMonth(monthEnd, this.monthStyle === 'english');
    if (yearEnd >= 0) {
      found.toYear = this.year;
      found.calendar = this.yearCalendar;
      found.end = yearEnd;
    } else {
      found.toYear = undefined; // the start's year, if written, is completed by checked()
    }
  }

  /** `- มกราคม 2567` after a month and its year: the end of a range of months across years. */
  private extendMonthYearRange(found: Found): void {
    const q = this.skipSpaces(found.end);
    if (!isDash(this.code(q))) return;
    const monthEnd = this.readMonth(this.skipSpaces(q + 1), true, false);
    if (monthEnd < 0) return;
    const month = this.month;
    const yearEnd = this.readYearAfterMonth(monthEnd, false);
    if (yearEnd < 0) return;
    found.toMonth = month;
    found.toYear = this.year;
    found.end = yearEnd;
  }

  /**
   * A month first: `พฤศจิกายน 2564`, `ก.พ. 62`, a month range `มกราคม - มีนาคม 2568`,
   * `ต.ค.-ส.ค.61`, `ธันวาคม 2566 - มกราคม 2567`, or a month to a day `ธ.ค. 2566 - 2 ก.พ. 2567`.
   * Without a year it needs เดือน before (`afterMonthWord`) or นี้ after.
   */
  private parseMonthFirst(start: number, afterMonthWord: boolean): Found | null {
    const firstEnd = this.readMonth(start, true, false);
    if (firstEnd < 0) return null;
    const firstAlone = this.monthStyle === 'abbr' && this.code(firstEnd - 1) === DOT && !ACRONYM_MONTHS.includes(this.month);
    const found = this.makeFound(start, firstEnd, 'none', undefined, this.month, undefined, undefined, this.month);
    const q = this.skipSpaces(firstEnd);
    if (isDash(this.code(q))) {
      const lastEnd = this.readMonth(this.skipSpaces(q + 1), true, false);
      if (lastEnd >= 0) {
        found.toMonth = this.month;
        found.end = lastEnd;
      }
    }
    const monthRange = found.end !== firstEnd;
    // an abbreviation written whole with its dots stands alone as a month (คาด มี.ค.จะประกาศ),
    // but for ก.พ. and ก.ค., which are also the acronyms of civil-service commissions
    // (ส.ค.1, a land title deed, is not a month: no digit may follow)
    const alone = firstAlone && (!monthRange || (this.monthStyle === 'abbr' && this.code(found.end - 1) === DOT)) && !isDigit(this.code(found.end));
    this.readYearInto(found, false);
    if (found.toYear === undefined) {
      if (!afterMonthWord && !alone && this.matchWord(this.skipSpaces(found.end), 'นี้') < 0) return null;
    } else if (monthRange) {
      found.fromYear = undefined; // the range may start in the year before (ต.ค.-ส.ค.61): set by checked()
    } else {
      const end = found.end;
      this.extendDayMonthRange(found); // ธ.ค. 2566 - 2 ก.พ. 2567
      if (found.end === end) this.extendMonthYearRange(found); // ธันวาคม 2566 - มกราคม 2567
    }
    return this.checked(found);
  }

  /** เดือน: a relative month (เดือนหน้า) or a month name after it (เดือน[พฤศจิกายน 2561]). */
  private parseMonthWord(start: number): Found | null {
    if (this.precededByQuantity(start)) return null;
    const relative = this.parseRelative(start);
    if (relative) return relative;
    return this.parseMonthFirst(this.skipSpaces(start + 'เดือน'.length), true);
  }

  /**
   * ปี: a fiscal year (ปีงบประมาณ 2568), a relative year (ปีหน้า), or a year after it:
   * `ในปี [2562]`, `ปี [61]`, `ปี [พ.ศ. 2566]`, `ปี [2566-2570]`.
   */
  private parseYearWord(start: number): Found | null {
    if (this.matchWord(start, 'ปีงบ') >= 0) {
      for (let n = 0; n < FISCAL_YEAR_WORDS.length; n++) {
        const end = this.matchWord(start, FISCAL_YEAR_WORDS[n]);
        if (end >= 0) return this.parseFiscalYear(start, end);
      }
    }
    if (this.precededByQuantity(start)) return null;
    const relative = this.parseRelative(start);
    if (relative) return relative;
    let p = this.skipSpaces(start + 'ปี'.length);
    const spanStart = p;
    let era: 'BE' | 'CE' | undefined;
    const eraEnd = this.readEraMarker(p);
    if (eraEnd >= 0) {
      era = this.eraCalendar;
      p = this.skipSpaces(eraEnd);
    }
    const end = this.readYearNumber(p, era, true);
    if (end < 0) return null;
    const found = this.makeFound(spanStart, end, this.yearCalendar, this.year, undefined, undefined, this.year);
    this.extendYearRange(found);
    return found;
  }

  /** `ปีงบประมาณ (พ.ศ.) 2568`: 1 October of the year before to 30 September. */
  private parseFiscalYear(start: number, wordEnd: number): Found | null {
    let p = this.skipSpaces(wordEnd);
    let era: 'BE' | 'CE' | undefined;
    const parenthesized = this.code(p) === OPEN_PAREN;
    const eraEnd = this.readEraMarker(parenthesized ? p + 1 : p);
    if (eraEnd >= 0) {
      if (parenthesized && this.code(eraEnd) !== CLOSE_PAREN) return null;
      era = this.eraCalendar;
      p = this.skipSpaces(parenthesized ? eraEnd + 1 : eraEnd);
    }
    const end = this.readYearNumber(p, era, true);
    if (end < 0) return null;
    const found = this.makeFound(start, end, this.yearCalendar, this.year, undefined, undefined, this.year);
    this.extendYearRange(found);
    found.fromYear = found.fromYear! - 1;
    found.fromMonth = 10;
    found.fromDay = 1;
    found.toMonth = 9;
    found.toDay = 30;
    return found;
  }

  /** พ.ศ. 2566, ค.ศ. 2022, พ.ศ. 2503-2512; also พุทธศตวรรษ/คริสต์ศตวรรษที่ N. */
  private parseEra(start: number): Found | null {
    for (let n = 0; n < CENTURY_WORDS.length; n++) {
      const century = CENTURY_WORDS[n];
      const end = this.matchWord(start, century.form);
      if (end >= 0) return this.parseCentury(start, end, century.calendar);
    }
    if (this.acronymBefore(start)) return null; // ก.ค.ศ.
    const eraEnd = this.readEraMarker(start);
    if (eraEnd < 0) return null;
    const era = this.eraCalendar;
    const end = this.readYearNumber(this.skipSpaces(eraEnd), era, era === 'BE');
    if (end < 0) return null;
    const found = this.makeFound(start, end, this.yearCalendar, this.year, undefined, undefined, this.year);
    this.extendYearRange(found);
    return found;
  }

  /** `ทศวรรษ 1960` (1960..1969), `ทศวรรษที่ 2520` (BE 2520..2529 = 1977..1986). */
  private parseDecade(start: number): Found | null {
    let p = start + 'ทศวรรษ'.length;
    const ordinalEnd = this.matchWord(p, 'ที่');
    if (ordinalEnd >= 0) p = ordinalEnd;
    p = this.skipSpaces(p);
    let era: 'BE' | 'CE' | undefined;
    const eraEnd = this.readEraMarker(p);
    if (eraEnd >= 0) {
      era = this.eraCalendar;
      p = this.skipSpaces(eraEnd);
    }
    let end = this.readYearNumber(p, era, false);
    if (end < 0 || this.yearDigits !== 4 || this.yearValue % 10 !== 0) return null;
    if (this.code(end) === 0x73 /* s */ && !isAsciiLetter(this.code(end + 1))) end++;
    return this.makeFound(start, end, this.yearCalendar, this.year, undefined, undefined, this.year + 9, undefined, undefined, true);
  }

  /**
   * `ศตวรรษที่ 21` (2001..2100). A prefix says the era (คริสต์ศตวรรษ CE, พุทธศตวรรษ BE);
   * without one a century above 22 is BE (ศตวรรษที่ 25 in Thai history is 1858..1957).
   */
  private parseCentury(start: number, wordEnd: number, calendar: 'BE' | 'CE' | undefined): Found | null {
    let p = wordEnd;
    const ordinalEnd = this.matchWord(p, 'ที่');
    if (ordinalEnd >= 0) p = ordinalEnd;
    const end = this.readNumber(this.skipSpaces(p));
    if (end < 0 || this.numDigits > 2 || !this.endsCleanly(end)) return null;
    const n = this.numValue;
    if (n < 1 || n > 30) return null;
    const cal = calendar ?? (n <= 22 ? 'CE' : 'BE');
    const shift = cal === 'BE' ? BE_OFFSET : 0;
    return this.makeFound(start, end, cal, (n - 1) * 100 + 1 - shift, undefined, undefined, n * 100 - shift, undefined, undefined, true);
  }

  /**
   * A quarter of a year: `ไตรมาส 2/2561`, `ไตรมาสที่ 3/61`, `ไตรมาสที่ 2 ปี 61`, `ไตรมาส 4 ของปี
   * 2561`, `ไตรมาสแรกของปีนี้`, `ไตรมาส 1 ปีหน้า` (the span from ไตรมาส; the value the quarter's
   * three months). Not without a year, nor of a fiscal year (ไตรมาส 2 ปีงบประมาณ 2562: the
   * fiscal year is the date).
   */
  private parseQuarter(start: number): Found | null {
    let p = start + 'ไตรมาส'.length;
    const ordinalEnd = this.matchWord(p, 'ที่');
    if (ordinalEnd >= 0) p = ordinalEnd;
    p = this.skipSpaces(p);
    let quarter = 0;
    const digit = digitValue(this.code(p));
    if (digit >= 1 && digit <= 4 && !isDigit(this.code(p + 1))) {
      quarter = digit;
      p++;
    } else {
      for (let n = 0; n < QUARTER_WORDS.length && quarter === 0; n++) {
        const end = this.matchWord(p, QUARTER_WORDS[n][0]);
        if (end >= 0) {
          quarter = QUARTER_WORDS[n][1];
          p = end;
        }
      }
      if (quarter === 0) return null;
    }
    let found: Found | null = null;
    if (this.code(p) === SLASH) {
      const end = this.readYearNumber(p + 1, undefined, true);
      if (end < 0 || isDigit(this.code(end)) || this.code(end) === SLASH) return null;
      found = this.makeFound(start, end, this.yearCalendar, this.year, undefined, undefined, this.year);
    } else {
      let q = this.skipSpaces(p);
      const ofEnd = this.matchWord(q, 'ของ');
      if (ofEnd >= 0) q = this.skipSpaces(ofEnd);
      if (this.matchWord(q, 'ปี') < 0 || this.matchWord(q, 'ปีงบ') >= 0) return null;
      found = this.parseYearWord(q);
      if (!found || found.fromMonth !== undefined || (found.relative === undefined && found.fromYear !== found.toYear)) return null;
      if (found.relative && found.relative.unit !== 'year') return null;
      found.start = start;
    }
    found.quarter = quarter;
    return found;
  }

  /** One of `words` ends right before `pos`, spaces allowed between. */
  private precededByWord(pos: number, words: readonly string[]): boolean {
    let p = pos;
    while (p > 0 && isSpaceLike(this.code(p - 1))) p--;
    return endsWithAny(this.text, p, words);
  }

  /**
   * วันนี้, เมื่อ[วานนี้], พรุ่งนี้, สัปดาห์หน้า, เดือนนี้, ปีที่แล้ว, จนถึง[ปัจจุบัน] ... (not after a
   * quantity: 3 ปีที่แล้ว).
   */
  private parseRelative(start: number): Found | null {
    // เมื่อ[วานนี้]: the preposition stays outside, as before a day (เมื่อวาน alone is one word)
    const afterPreposition = this.matchWord(start, 'เมื่อ');
    if (afterPreposition >= 0) {
      const found = this.parseRelative(afterPreposition);
      if (found) return found;
    }
    const words = RELATIVE_BY_FIRST_CHAR.get(this.code(start)) ?? NONE;
    for (let n = 0; n < words.length; n++) {
      const word = words[n];
      const end = this.matchWord(start, word.word);
      if (end < 0) continue;
      if (word.after && !this.precededByWord(start, word.after)) continue;
      if (this.precededByQuantity(start)) return null;
      return this.makeFound(start, end, 'none', undefined, undefined, undefined, undefined, undefined, undefined, false, word);
    }
    return null;
  }

  /**
   * A part of a year or month, which narrows the value: `ปลายปีนี้`, `ต้นปีหน้า`, `สิ้นปี`,
   * `ต้นเดือนกุมภาพันธ์`, `สิ้นเดือนกันยายน 2561`, `ปลายเดือนนี้` (the span includes the part
   * and ปี/เดือน), `กลางปี [2566]`, `ต้นเดือน [ก.พ.]` (a written year, or a month after a space,
   * is the span, as after ปี and เดือน alone). Not before a fiscal year (ปลายปีงบประมาณ 2561:
   * the fiscal year is the date).
   */
  private parsePart(start: number): Found | null {
    let part: PeriodPart | undefined;
    let p = -1;
    for (let n = 0; n < PERIOD_PARTS.length && p < 0; n++) {
      p = this.matchWord(start, PERIOD_PARTS[n].word);
      part = PERIOD_PARTS[n].part;
    }
    if (p < 0 || part === undefined) return null;
    let found: Found | null = null;
    const yearWordEnd = this.matchWord(p, 'ปี');
    if (yearWordEnd >= 0) {
      if (this.matchWord(p, 'ปีงบ') >= 0) return null;
      found = this.parseRelative(p);
      if (!found) {
        let q = this.skipSpaces(yearWordEnd);
        let era: 'BE' | 'CE' | undefined;
        const eraEnd = this.readEraMarker(q);
        if (eraEnd >= 0) {
          era = this.eraCalendar;
          q = this.skipSpaces(eraEnd);
        }
        const yearStart = this.skipSpaces(yearWordEnd);
        const end = this.readYearNumber(q, era, true);
        if (end >= 0) {
          found = this.makeFound(yearStart, end, this.yearCalendar, this.year, undefined, undefined, this.year);
          found.part = part;
          return found;
        } else {
          // ต้นปี, ปลายปีนั้น: of the year spoken of; not ปลายปีก (a wing tip), ปีน, ปีศาจ, ปีติ, ปี๊บ
          const thatEnd = this.matchWord(yearWordEnd, 'นั้น');
          const next = this.code(yearWordEnd);
          if (thatEnd < 0 && (NOT_AFTER_YEAR_WORD.includes(next) || isFollowingMark(next))) return null;
          found = this.makeFound(start, thatEnd >= 0 ? thatEnd : yearWordEnd, 'none', undefined, undefined, undefined, undefined, undefined, undefined, false, THIS_YEAR);
        }
      }
    } else {
      const monthWordEnd = this.matchWord(p, 'เดือน');
      if (monthWordEnd < 0) return null;
      found = this.parseRelative(p);
      if (!found) {
        const monthStart = this.skipSpaces(monthWordEnd);
        found = this.parseMonthFirst(monthStart, true);
        if (!found || found.fromMonth !== found.toMonth) return null; // a part of one month only
        if (monthStart !== monthWordEnd) {
          found.part = part;
          return found;
        }
      }
    }
    if (!found) return null;
    found.start = start;
    found.part = part;
    return found;
  }

  /** `April 2022`, `July 24, 2023`, `Jul 24`. */
  private parseEnglishMonthFirst(start: number): Found | null {
    const monthEnd = this.readMonth(start, false, true);
    if (monthEnd < 0) return null;
    const month = this.month;
    const p = this.skipSpaces(monthEnd);
    const numberEnd = this.readNumber(p);
    if (numberEnd < 0 || !this.numberMayStart(p)) return null;
    if (this.numDigits === 4) {
      const yearEnd = this.readYearNumber(p, undefined, false);
      if (yearEnd < 0) return null;
      return this.makeFound(start, yearEnd, this.yearCalendar, this.year, month, undefined, this.year, month);
    }
    const day = this.numValue;
    if (this.numDigits > 2 || (this.code(numberEnd) !== COMMA && !this.endsCleanly(numberEnd))) return null;
    const ordinalEnd = this.readOrdinalSuffix(numberEnd);
    const found = this.dayFound(start, ordinalEnd >= 0 ? ordinalEnd : numberEnd, day, month, undefined, 'none');
    this.readYearInto(found, true);
    if (found.toYear !== undefined) found.end = this.readClockTime(found.end);
    return this.checked(found);
  }

  /** `Tuesday, 26 April 2022 21:23`: the weekday belongs to the span of the English date after it. */
  private parseEnglishWeekday(start: number): Found | null {
    for (let n = 0; n < ENGLISH_WEEKDAYS.length; n++) {
      const weekday = ENGLISH_WEEKDAYS[n];
      let p = this.matchWord(start, weekday);
      if (p < 0 || isAsciiLetter(this.code(p))) continue;
      if (this.code(p) === DOT) p++;
      if (this.code(p) === COMMA) p++;
      p = this.skipSpaces(p);
      const dayEnd = this.readNumber(p);
      let found: Found | null;
      if (dayEnd >= 0) {
        const day = this.numValue;
        found = this.numDigits <= 2 && this.endsCleanly(dayEnd) ? this.parseDayFirst(p, dayEnd, day) : null;
      } else {
        found = this.parseEnglishMonthFirst(p);
      }
      if (!found || found.fromDay === undefined) return null;
      found.start = start;
      return found;
    }
    return null;
  }

  // ----- checking and output ----------------------------------------------------------------

  /**
   * Completes the years of a range written once (`30 ต.ค. - 2 พ.ย. 2568`, `ต.ค.-ส.ค.61` starts
   * the year before) and rejects days that do not exist (31 เมษายน, 29 ก.พ. 2566) or ranges
   * that run backwards.
   */
  private checked(found: Found): Found | null {
    if (!this.isConsistent(found)) {
      this.rejectedEnd = found.end; // 31 เมษายน is not a date, nor is เมษายน 30 inside it
      return null;
    }
    return found;
  }

  private isConsistent(found: Found): boolean {
    if (found.toYear !== undefined && found.fromYear === undefined) {
      found.fromYear = compareMonthDay(found) > 0 ? found.toYear - 1 : found.toYear;
    } else if (found.fromYear !== undefined && found.toYear === undefined) {
      found.toYear = compareMonthDay(found) > 0 ? found.fromYear + 1 : found.fromYear;
    }
    if (found.fromDay !== undefined && !isValidDay(found.fromDay, found.fromMonth!, found.fromYear)) return false;
    if (found.toDay !== undefined && !isValidDay(found.toDay, found.toMonth!, found.toYear)) return false;
    if (found.fromYear !== undefined && found.toYear !== undefined) {
      if (found.fromYear > found.toYear || (found.fromYear === found.toYear && compareMonthDay(found) > 0)) return false;
    }
    return true;
  }

  /** Adds the annotation for `found`, inferring a missing year. */
  private emit(found: Found): void {
    let from: string | undefined;
    let to: string | undefined;
    let inferred = false;
    let title = false;
    if (found.relative) {
      [from, to] = this.resolveRelative(found.relative);
    } else if (found.dayOfMonth !== 0) {
      [from, to] = this.resolveDayOfMonth(found.fromDay!, found.dayOfMonth);
      inferred = from !== undefined;
    } else if (found.toYear !== undefined) {
      from = formatDate(found.fromYear!, found.fromMonth, found.fromDay);
      to = formatDate(found.toYear, found.toMonth, found.toDay);
      // only a single year can be a law's (the title words are rare: most texts have none)
      title = found.fromMonth === undefined && this.isTitleYear(found);
      if (!found.period && !title) this.lastWrittenYear = found.toYear;
    } else {
      [from, to] = this.inferYear(found);
      inferred = from !== undefined;
    }
    if (found.part && from !== undefined && from === to) [from, to] = partOf(from, found.part);
    if (found.quarter && from !== undefined && from === to && from.length === 4) {
      const year = Number(from);
      [from, to] = [formatDate(year, 3 * found.quarter - 2), formatDate(year, 3 * found.quarter)];
    }
    if (!inDateRange(from) || !inDateRange(to)) {
      // before 1 CE or after 9999 (พุทธศตวรรษที่ 1, ปีหน้า in 9999): no YYYY to give, not reported
      this.lastEnd = found.end;
      return;
    }
    const { start, end, calendar } = found;
    const text = this.text.slice(start, end);
    // keys in the order of cli.md: kind, start, end, text, from, to, calendar, inferred, relative;
    // each combination is written whole, so that every annotation keeps the shape it is made with
    let annotation: DateAnnotation;
    if (found.relative) {
      const relative = found.part || found.quarter ? text : found.relative.word;
      annotation =
        from !== undefined && to !== undefined
          ? { kind: 'date', start, end, text, from, to, calendar, relative }
          : { kind: 'date', start, end, text, calendar, relative };
    } else if (from !== undefined && to !== undefined) {
      annotation = inferred
        ? { kind: 'date', start, end, text, from, to, calendar, inferred: true }
        : title
          ? { kind: 'date', start, end, text, from, to, calendar, role: 'title' }
          : { kind: 'date', start, end, text, from, to, calendar };
    } else annotation = { kind: 'date', start, end, text, calendar };
    this.out.push(annotation);
    this.lastEnd = found.end;
    if (to !== undefined && to.length === 10) this.lastDay = to;
  }

  /** from/to of a relative word: against the last day or year written for วันรุ่งขึ้น, ปีถัดมา, else against the reference date. */
  private resolveRelative(relative: RelativeWord): [string, string] | [undefined, undefined] {
    if (relative.anaphoric) {
      if (relative.unit === 'year' && this.lastWrittenYear !== undefined) {
        const year = formatDate(this.lastWrittenYear + relative.offset); // ปีถัดมา: the year after the one just written
        return [year, year];
      }
      if (relative.unit === 'day' && this.lastDay !== undefined) {
        const day = formatYmd(addDays(parseIsoDay(this.lastDay)!, relative.offset)); // วันรุ่งขึ้น: the day after the one just written
        return [day, day];
      }
    }
    return this.reference ? relativeRange(this.reference, relative) : [undefined, undefined];
  }

  /**
   * The day `day` of the reference month or of a month before (`direction` -1: the last such day
   * on or before the reference date) or after (1: the next on or after it), skipping months too
   * short for it; none without a reference date.
   */
  private resolveDayOfMonth(day: number, direction: number): [string, string] | [undefined, undefined] {
    const ref = this.reference;
    if (!ref) return [undefined, undefined];
    let [year, month] = [ref.year, ref.month];
    if (direction < 0 ? day > ref.day : day < ref.day) [year, month] = addMonths(year, month, direction);
    for (let n = 0; n < 12 && !isValidDay(day, month, year); n++) [year, month] = addMonths(year, month, direction);
    const s = formatDate(year, month, day);
    return [s, s];
  }

  /**
   * Is the single year of `found` part of the title of a law or a budget act? Yes when it is
   * written after ปี (or ฉบับปี, ประจำปี) right after a title word (รัฐธรรมนูญฉบับปี 2550,
   * งบประมาณรายจ่ายประจำปี 2562), or with an era marker after a title word earlier on the same
   * line, at most TITLE_REACH code units back, with no number outside parentheses between them
   * and no preposition right before the marker (พ.ร.บ.ยาเสพติดให้โทษ พ.ศ. 2522; not
   * พ.ร.บ.ฉบับนี้ใช้บังคับใน พ.ศ. 2560).
   */
  private isTitleYear(found: Found): boolean {
    if (found.fromMonth !== undefined || found.period || found.fromYear !== found.toYear) return false;
    const text = this.text;
    let p = found.start;
    while (p > 0 && isSpaceLike(text.charCodeAt(p - 1))) p--;
    if (endsWith(text, p, 'ปี')) {
      let q = p - 2;
      if (endsWith(text, q, 'ฉบับ')) q -= 4;
      else if (endsWith(text, q, 'ประจำ')) q -= 5;
      while (q > 0 && isSpaceLike(text.charCodeAt(q - 1))) q--;
      return titleWordEndingAt(text, q);
    }
    if (this.readEraMarker(found.start) < 0 || endsWithAny(text, p, TITLE_PREPOSITIONS)) return false;
    // back over the title, on the same line, with no number outside parentheses, to a title word
    const from = Math.max(this.lastEnd, found.start - TITLE_REACH);
    let depth = 0;
    for (let i = p; i > from; i--) {
      const c = text.charCodeAt(i - 1);
      if (c === 0x0a || c === 0x0d) return false;
      if (c === CLOSE_PAREN) depth++;
      else if (c === OPEN_PAREN) depth = Math.max(0, depth - 1);
      else if (depth === 0 && isDigit(c)) return false;
      else if (c < 0x80 ? c === DOT : c >= 0x0e00 && c < 0x0e80 && TITLE_LAST_CHAR[c - 0x0e00] === 1) {
        if (titleWordEndingAt(text, i)) return true;
      }
    }
    return false;
  }

  /** from/to of a day or month without a year: the reference date's year, else the last year written. */
  private inferYear(found: Found): [string, string] | [undefined, undefined] {
    const year = this.reference?.year ?? this.lastWrittenYear;
    if (year === undefined) return [undefined, undefined];
    const fromYear = compareMonthDay(found) > 0 ? year - 1 : year;
    if (found.fromDay !== undefined && !isValidDay(found.fromDay, found.fromMonth!, fromYear)) return [undefined, undefined];
    if (found.toDay !== undefined && !isValidDay(found.toDay, found.toMonth!, year)) return [undefined, undefined];
    return [formatDate(fromYear, found.fromMonth, found.fromDay), formatDate(year, found.toMonth, found.toDay)];
  }
}

const scanner = new DateScanner();

/** Months whose abbreviation is also a well-known acronym (ก.พ., ก.ค.: civil-service commissions). */
const ACRONYM_MONTHS: readonly number[] = [2, 7];

/** The title words of laws and budget acts by their last character. */
const TITLE_WORDS_BY_LAST_CHAR = indexByChar([...TITLE_WORDS, ...BUDGET_TITLE_WORDS], (w) => w, lastChar);
/** TITLE_LAST_CHAR[c - 0x0e00] = 1 where a title word ends with that Thai character (some end with `.`). */
const TITLE_LAST_CHAR = new Uint8Array(0x80);
for (const w of [...TITLE_WORDS, ...BUDGET_TITLE_WORDS]) {
  const c = w.charCodeAt(w.length - 1);
  if (c >= 0x0e00 && c < 0x0e80) TITLE_LAST_CHAR[c - 0x0e00] = 1;
}

/** Does a title word of a law or a budget act end at `end` of `text`? */
function titleWordEndingAt(text: string, end: number): boolean {
  const words = TITLE_WORDS_BY_LAST_CHAR.get(text.charCodeAt(end - 1));
  return words !== undefined && endsWithAny(text, end, words);
}

/** How far back (code units) a title word is looked for before the era marker of a law's year. */
const TITLE_REACH = 80;
/** Words that join the days of a list before one month (24 และ 25 ก.ย.); `,` joins them too. */
const DAY_JOINERS: readonly string[] = ['และ', 'หรือ', 'ถึง'];

/** Words right before an era marker that make the year a date of the sentence, not of a title. */
const TITLE_PREPOSITIONS = ['ใน', 'เมื่อ', 'ตั้งแต่', 'ถึง', 'ก่อน', 'หลัง', 'จาก', 'ช่วง', 'แต่', 'ปี'];

/** Does `text` hold `word` ending at `end`? */
function endsWith(text: string, end: number, word: string): boolean {
  return end >= word.length && text.startsWith(word, end - word.length);
}

function endsWithAny(text: string, end: number, words: readonly string[]): boolean {
  for (let n = 0; n < words.length; n++) if (endsWith(text, end, words[n])) return true;
  return false;
}

/** Is a from/to value (or its absence) within years 0001-9999, the YYYY the annotations promise? */
function inDateRange(value: string | undefined): boolean {
  return value === undefined || (/^\d{4}(?:-|$)/.test(value) && !value.startsWith('0000'));
}

/** Compares the month/day of a range's two ends (ignoring years): <0, 0 or >0. */
function compareMonthDay(found: Found): number {
  const fromMonth = found.fromMonth ?? 1;
  const toMonth = found.toMonth ?? 1;
  if (fromMonth !== toMonth) return fromMonth - toMonth;
  return (found.fromDay ?? 1) - (found.toDay ?? 1);
}

/** The from/to of a relative word against the reference day (`offset` units after it). */
function relativeRange(ref: Ymd, word: RelativeWord): [string, string] {
  const offset = word.offset;
  switch (word.unit) {
    case 'day': {
      const day = formatYmd(addDays(ref, offset));
      return [day, day];
    }
    case 'week': {
      const monday = addDays(mondayOf(ref), 7 * offset);
      return [formatYmd(monday), formatYmd(addDays(monday, 6))];
    }
    case 'weekday': {
      const target = word.weekday ?? 0;
      const today = weekdayOf(ref);
      let day: Ymd;
      if (offset === 0) day = addDays(ref, (target - today + 7) % 7); // วันอาทิตย์นี้: this one or the next
      else if (offset > 0) day = addDays(mondayOf(ref), 7 * offset + ((target + 6) % 7)); // วันจันทร์หน้า: in the next week
      else day = addDays(ref, -((today - target + 7) % 7 || 7)); // วันศุกร์ที่แล้ว: the last one before
      const s = formatYmd(day);
      return [s, s];
    }
    case 'month': {
      const [year, month] = addMonths(ref.year, ref.month, offset);
      const s = formatDate(year, month);
      return [s, s];
    }
    case 'year': {
      const s = formatDate(ref.year + offset);
      return [s, s];
    }
  }
}

/** The weekday of a day, 0 Sunday .. 6 Saturday. */
function weekdayOf(d: Ymd): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** The months of a year (`YYYY`) or the days of a month (`YYYY-MM`) that a part of it covers. */
function partOf(when: string, part: PeriodPart): [string, string] {
  const year = Number(when.slice(0, 4));
  if (when.length === 4) {
    const [first, last] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : part === 'late' ? [9, 12] : [12, 12];
    return [formatDate(year, first), formatDate(year, last)];
  }
  if (when.length !== 7) return [when, when];
  const month = Number(when.slice(5, 7));
  const lastDay = daysInMonth(month, year);
  const [first, last] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : part === 'late' ? [21, lastDay] : [lastDay, lastDay];
  return [formatDate(year, month, first), formatDate(year, month, last)];
}
