/**
 * The text of the hover glosses, as Markdown strings: what a term, a country or a date means.
 * Glossary and document text is escaped (markdown.ts); the only links are this extension's own
 * commands. Dates are put in words (`16 November 2021 (Tuesday)`, `13–14 November 2025`,
 * `the 1960s`) with the calendar they were written in.
 *
 * Pure: no `vscode` import, so the unit tests can check every string.
 */
import type { CountryAnnotation, DateAnnotation, TermAnnotation } from '../core';
import type { GlossaryTerm, GlossaryTheme } from '../core';
import type { Country, CountryRole, ReferenceDate } from '../core';
import { flagEmoji } from '../core';
import { commandLink, escapeBlock, escapeInline } from './markdown';

/** The commands the term hover links to; the hover trusts exactly these. */
export const HOVER_COMMANDS = {
  showInTree: 'thaiPolicyLens.showInTree',
  nextOccurrence: 'thaiPolicyLens.nextOccurrence',
  openGlossaryEntry: 'thaiPolicyLens.openGlossaryEntry',
} as const;
export const HOVER_COMMAND_IDS: readonly string[] = Object.values(HOVER_COMMANDS);

const BE_OFFSET = 543;
const PATH_SEPARATOR = ' › ';
const EN_DASH = '–';

export const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
export const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

// ---------------------------------------------------------------------------------------
// Terms

/** A theme's label with its English label: `การทูตทดสอบ (Test diplomacy)` (escaped). */
export function themeLabelMarkdown(theme: Pick<GlossaryTheme, 'label' | 'labelEn'>): string {
  const th = escapeInline(theme.label);
  return theme.labelEn ? `${th} (${escapeInline(theme.labelEn)})` : th;
}

/** The theme path, outermost first: `A (a) › B (b)` (escaped). */
export function themePathMarkdown(ancestors: readonly GlossaryTheme[], theme: GlossaryTheme): string {
  return [...ancestors, theme].map(themeLabelMarkdown).join(PATH_SEPARATOR);
}

export interface TermHoverInput {
  annotation: TermAnnotation;
  /** the annotation's theme, if it is still in the glossary */
  theme?: GlossaryTheme;
  ancestors: readonly GlossaryTheme[];
  /** the glossary entry of the canonical term, if it is still there */
  entry?: GlossaryTerm;
  /** occurrences of this term in the document */
  termCount: number;
  /** occurrences of the theme (its sub-themes included) in the document */
  themeCount: number;
}

/** `1 time`, `3 times` */
function times(n: number): string {
  return n === 1 ? '1 time' : `${n} times`;
}

/** The hover of a glossary term: term, English, theme path, gloss, aliases, counts and links. */
export function termHoverMarkdown(input: TermHoverInput): string {
  const { annotation: a, theme, ancestors, entry } = input;
  const parts: string[] = [];
  let head = `**${escapeInline(a.term)}**`;
  if (entry?.en) head += ` — ${escapeInline(entry.en)}`;
  parts.push(head);
  if (a.text !== a.term) parts.push(`Written here as «${escapeInline(a.text)}»`);
  let themeLine = theme ? `Theme: ${themePathMarkdown(ancestors, theme)}` : `Theme: ${escapeInline(a.theme)} (no longer in the glossary)`;
  // a term without a gloss of its own: the theme's gloss, on the theme's line ("Theme:" once)
  if (!entry?.gloss && theme?.gloss) themeLine += ` — ${escapeInline(theme.gloss)}`;
  parts.push(themeLine);
  if (entry?.gloss) parts.push(escapeBlock(entry.gloss));
  if (entry && entry.aliases.length > 0) parts.push(`Also written: ${entry.aliases.map(escapeInline).join(', ')}`);
  let counts = `In this document: this term ${times(input.termCount)}`;
  if (theme) counts += `; the theme ${times(input.themeCount)}${theme.themes.length > 0 ? ' (with its sub-themes)' : ''}`;
  parts.push(counts);
  const themeId = a.theme;
  const links = [
    commandLink('Show in tree', HOVER_COMMANDS.showInTree, [themeId]),
    commandLink('Next occurrence', HOVER_COMMANDS.nextOccurrence, [{ themeId }]),
    commandLink('Open glossary entry', HOVER_COMMANDS.openGlossaryEntry, [{ themeId, term: a.term }]),
  ];
  parts.push(links.join(' · '));
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------
// Countries

/** The hover of a country: flag, Thai short and formal names, English name, ISO codes. */
export function countryHoverMarkdown(annotation: CountryAnnotation, country: Country | undefined): string {
  if (!country) return `**${escapeInline(annotation.text)}** — country code ${escapeInline(annotation.country)}`;
  const flag = flagEmoji(country.code);
  const parts: string[] = [];
  parts.push(`${flag ? flag + ' ' : ''}**${escapeInline(country.nameTh)}** — ${escapeInline(country.nameEn)}`);
  const formal: string[] = [];
  if (country.formalTh && country.formalTh !== country.nameTh) formal.push(escapeInline(country.formalTh));
  if (country.formalEn && country.formalEn !== country.nameEn) formal.push(escapeInline(country.formalEn));
  if (formal.length > 0) parts.push(`Formal name: ${formal.join(' · ')}`);
  const other = [country.alpha3, country.numeric].filter((c): c is string => !!c).map(escapeInline);
  parts.push(`ISO 3166-1: **${escapeInline(country.code)}**${other.length ? ` (${other.join(', ')})` : ''}`);
  if (country.historical) parts.push(`A former state${country.until ? ` (until ${escapeInline(country.until)})` : ''}`);
  if (annotation.text !== country.nameTh) parts.push(`Written here as «${escapeInline(annotation.text)}»`);
  if (annotation.role) parts.push(COUNTRY_ROLE_TEXT[annotation.role]);
  return parts.join('\n\n');
}

/** What a country's role says in its hover. */
export const COUNTRY_ROLE_TEXT: Record<CountryRole, string> = {
  organization: "Named here inside an organisation's name",
  people: 'Named here as a people or nationality',
  region: 'Named here in the name of a region',
};

// ---------------------------------------------------------------------------------------
// Dates

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

/** The weekday of a Gregorian day, in English (valid for any year, also before 100). */
export function weekdayOf(year: number, month: number, day: number): string {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return WEEKDAYS_EN[d.getUTCDay()];
}

/** `16 November 2021`, `November 2021`, `2021` */
function partsInWords(p: DateParts): string {
  if (p.month === undefined) return String(p.year);
  const month = MONTHS_EN[p.month - 1];
  return p.day === undefined ? `${month} ${p.year}` : `${p.day} ${month} ${p.year}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st ... */
function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/**
 * A Gregorian date or range in words: `16 November 2021 (Tuesday)`, `13–14 November 2025`,
 * `30 November – 2 December 2025`, `November 2025`, `October–December 2025`, `2025`,
 * `2023–2027`, `the 1960s (1960–1969)`, `the 21st century (2001–2100)`.
 */
export function dateInWords(from: string, to: string): string {
  const a = parseDateParts(from);
  const b = parseDateParts(to);
  if (!a || !b) return from === to ? from : `${from} ${EN_DASH} ${to}`;
  const sameYear = a.year === b.year;
  const sameMonth = sameYear && a.month === b.month;
  if (a.day !== undefined && b.day !== undefined && a.month !== undefined && b.month !== undefined) {
    if (sameMonth && a.day === b.day) return `${partsInWords(a)} (${weekdayOf(a.year, a.month, a.day)})`;
    if (sameMonth) return `${a.day}${EN_DASH}${b.day} ${MONTHS_EN[b.month - 1]} ${b.year}`;
    if (sameYear) return `${a.day} ${MONTHS_EN[a.month - 1]} ${EN_DASH} ${partsInWords(b)}`;
    return `${partsInWords(a)} ${EN_DASH} ${partsInWords(b)}`;
  }
  if (a.day === undefined && b.day === undefined && a.month !== undefined && b.month !== undefined) {
    if (sameMonth) return partsInWords(a);
    if (sameYear) return `${MONTHS_EN[a.month - 1]}${EN_DASH}${MONTHS_EN[b.month - 1]} ${b.year}`;
    return `${partsInWords(a)} ${EN_DASH} ${partsInWords(b)}`;
  }
  if (a.month === undefined && b.month === undefined) {
    if (sameYear) return String(a.year);
    if (a.year % 10 === 0 && b.year === a.year + 9) return `the ${a.year}s (${a.year}${EN_DASH}${b.year})`;
    if (a.year % 100 === 1 && b.year === a.year + 99) return `the ${ordinal(b.year / 100)} century (${a.year}${EN_DASH}${b.year})`;
    return `${a.year}${EN_DASH}${b.year}`;
  }
  return `${partsInWords(a)} ${EN_DASH} ${partsInWords(b)}`;
}

/**
 * The reference date in words, with where it comes from: `the document's date, 26 May 2025,
 * line 4`, `the reference date, 22 November 2025` (the setting or --reference-date),
 * `today's date, 4 December 2026`.
 */
export function referenceInWords(ref: ReferenceDate | undefined): string {
  if (!ref) return 'a year written earlier in the document';
  const p = parseDateParts(ref.date);
  const words = p ? partsInWords(p) : ref.date;
  switch (ref.source) {
    case 'frontMatter':
    case 'dateline':
      return `the document's date, ${words}${ref.line !== undefined ? `, line ${ref.line}` : ''}`;
    case 'today':
      return `today's date, ${words}`;
    default:
      return `the reference date, ${words}`;
  }
}

/** How the year was written: `Buddhist Era (พ.ศ. / BE): 2564 BE = 2021 CE`, ... */
function calendarLine(a: DateAnnotation, ref: ReferenceDate | undefined): string {
  const fromYear = a.from ? parseDateParts(a.from)?.year : undefined;
  const toYear = a.to ? parseDateParts(a.to)?.year : undefined;
  switch (a.calendar) {
    case 'BE': {
      let line = 'Calendar: Buddhist Era (พ.ศ. / BE)';
      if (fromYear !== undefined && fromYear === toYear) line += `: ${fromYear + BE_OFFSET} BE = ${fromYear} CE`;
      else line += '; CE = BE − 543';
      return line;
    }
    case 'CE':
      return 'Calendar: Common Era (ค.ศ. / CE)';
    case 'none':
      if (a.relative) return 'Calendar: no year written (a relative expression)';
      if (a.inferred) return `Calendar: no year written; inferred from ${referenceInWords(ref)}`;
      return 'Calendar: no year written, and none could be inferred';
  }
}

/**
 * The hover of a date: the Gregorian date or range in words, the calendar it was written in,
 * and for a relative word what it resolves to. `reference` is the date relative words and
 * unwritten years were resolved against (absent: the document's own years).
 */
export function dateHoverMarkdown(a: DateAnnotation, reference?: ReferenceDate): string {
  const parts: string[] = [];
  const words = a.from !== undefined && a.to !== undefined ? dateInWords(a.from, a.to) : undefined;
  parts.push(words ? `**${words}**` : `**${escapeInline(a.text)}**`);
  if (a.relative) {
    parts.push(
      words
        ? `Relative: «${escapeInline(a.relative)}», resolved against ${referenceInWords(reference)}`
        : `Relative: «${escapeInline(a.relative)}», not resolved (no reference date)`,
    );
  }
  parts.push(calendarLine(a, reference));
  if (a.role === 'title') parts.push('Part of the title of a law or a budget act');
  parts.push(`Written: «${escapeInline(a.text)}»`);
  return parts.join('\n\n');
}
