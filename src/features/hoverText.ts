/**
 * The text of the hover glosses, as Markdown strings: what a term, a country or a date means.
 * Glossary and document text is escaped (markdown.ts); the only links are this extension's own
 * commands. Dates are put in words (`16 November 2021 (Tuesday)`, `13–14 November 2025`,
 * `the 1960s`) with the calendar they were written in.
 *
 * Pure: no `vscode` import, so the unit tests can check every string.
 */
import * as l10n from '@vscode/l10n';
import type { CountryAnnotation, DateAnnotation, TermAnnotation } from '../core';
import type { GlossaryTerm, GlossaryTheme } from '../core';
import type { Country, CountryRole, ReferenceDate } from '../core';
import { flagEmoji, formatNumber, plural, type ContentLanguage } from '../core';
import { dateInWords, parseDateParts, partsInWords } from './dateWords';
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

// ---------------------------------------------------------------------------------------
// Terms

/**
 * A theme's label with its English label, in the content language's order: `การทูตทดสอบ (Test
 * diplomacy)`, or `Test diplomacy (การทูตทดสอบ)` English first (escaped).
 */
export function themeLabelMarkdown(theme: Pick<GlossaryTheme, 'label' | 'labelEn'>, lang: ContentLanguage = 'th'): string {
  const th = escapeInline(theme.label);
  if (!theme.labelEn) return th;
  const en = escapeInline(theme.labelEn);
  return lang === 'en' ? `${en} (${th})` : `${th} (${en})`;
}

/** The theme path, outermost first: `A (a) › B (b)` (escaped). */
export function themePathMarkdown(ancestors: readonly GlossaryTheme[], theme: GlossaryTheme, lang: ContentLanguage = 'th'): string {
  return [...ancestors, theme].map((t) => themeLabelMarkdown(t, lang)).join(PATH_SEPARATOR);
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
  /** the content language: the theme's Thai label first (default) or its English one */
  lang?: ContentLanguage;
}

/** `1 time`, `3 times` */
function times(n: number): string {
  return plural(n, l10n.t('1 time'), l10n.t('{0} times', formatNumber(n)));
}

/** The hover of a glossary term: term, English, theme path, gloss, aliases, counts and links. */
export function termHoverMarkdown(input: TermHoverInput): string {
  const { annotation: a, theme, ancestors, entry } = input;
  const parts: string[] = [];
  let head = `**${escapeInline(a.term)}**`;
  if (entry?.en) head += ` — ${escapeInline(entry.en)}`;
  parts.push(head);
  if (a.text !== a.term) parts.push(l10n.t('Written here as «{0}»', escapeInline(a.text)));
  let themeLine = theme ? l10n.t('Theme: {0}', themePathMarkdown(ancestors, theme, input.lang)) : l10n.t('Theme: {0} (no longer in the glossary)', escapeInline(a.theme));
  // a term without a gloss of its own: the theme's gloss, on the theme's line ("Theme:" once)
  if (!entry?.gloss && theme?.gloss) themeLine += ` — ${escapeInline(theme.gloss)}`;
  parts.push(themeLine);
  if (entry?.gloss) parts.push(escapeBlock(entry.gloss));
  if (entry && entry.aliases.length > 0) parts.push(l10n.t('Also written: {0}', entry.aliases.map(escapeInline).join(', ')));
  const termTimes = times(input.termCount);
  if (!theme) parts.push(l10n.t('In this document: this term {0}', termTimes));
  else if (theme.themes.length > 0) parts.push(l10n.t('In this document: this term {0}; the theme {1} (with its sub-themes)', termTimes, times(input.themeCount)));
  else parts.push(l10n.t('In this document: this term {0}; the theme {1}', termTimes, times(input.themeCount)));
  const themeId = a.theme;
  const links = [
    commandLink(l10n.t('Show in tree'), HOVER_COMMANDS.showInTree, [themeId]),
    commandLink(l10n.t('Next occurrence'), HOVER_COMMANDS.nextOccurrence, [{ themeId }]),
    commandLink(l10n.t('Open glossary entry'), HOVER_COMMANDS.openGlossaryEntry, [{ themeId, term: a.term }]),
  ];
  parts.push(links.join(' · '));
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------
// Countries

/** The hover of a country: flag, Thai short and formal names, English name, ISO codes. */
export function countryHoverMarkdown(annotation: CountryAnnotation, country: Country | undefined, lang: ContentLanguage = 'th'): string {
  if (!country) return l10n.t('**{0}** — country code {1}', escapeInline(annotation.text), escapeInline(annotation.country));
  const flag = flagEmoji(country.code);
  const parts: string[] = [];
  const [first, second] = lang === 'en' ? [country.nameEn, country.nameTh] : [country.nameTh, country.nameEn];
  parts.push(`${flag ? flag + ' ' : ''}**${escapeInline(first)}** — ${escapeInline(second)}`);
  const formal: string[] = [];
  if (country.formalTh && country.formalTh !== country.nameTh) formal.push(escapeInline(country.formalTh));
  if (country.formalEn && country.formalEn !== country.nameEn) formal.push(escapeInline(country.formalEn));
  if (formal.length > 0) parts.push(l10n.t('Formal name: {0}', formal.join(' · ')));
  const other = [country.alpha3, country.numeric].filter((c): c is string => !!c).map(escapeInline);
  parts.push(`ISO 3166-1: **${escapeInline(country.code)}**${other.length ? ` (${other.join(', ')})` : ''}`);
  if (country.historical) parts.push(country.until ? l10n.t('A former state (until {0})', escapeInline(country.until)) : l10n.t('A former state'));
  if (annotation.text !== country.nameTh) parts.push(l10n.t('Written here as «{0}»', escapeInline(annotation.text)));
  if (annotation.role) parts.push(countryRoleText(annotation.role));
  return parts.join('\n\n');
}

/** What a country's role says in its hover. */
export function countryRoleText(role: CountryRole): string {
  switch (role) {
    case 'organization':
      return l10n.t("Named here inside an organisation's name");
    case 'people':
      return l10n.t('Named here as a people or nationality');
    case 'region':
      return l10n.t('Named here in the name of a region');
  }
}

// ---------------------------------------------------------------------------------------
// Dates

/**
 * The reference date in words, with where it comes from: `the document's date, 26 May 2025,
 * line 4`, `the reference date, 22 November 2025` (the setting or --reference-date),
 * `today's date, 4 December 2026`.
 */
export function referenceInWords(ref: ReferenceDate | undefined, lang: ContentLanguage = 'en'): string {
  if (!ref) return l10n.t('a year written earlier in the document');
  const p = parseDateParts(ref.date);
  const words = p ? partsInWords(p, lang) : ref.date;
  switch (ref.source) {
    case 'frontMatter':
    case 'dateline':
      return ref.line !== undefined ? l10n.t("the document's date, {0}, line {1}", words, ref.line) : l10n.t("the document's date, {0}", words);
    case 'today':
      return l10n.t("today's date, {0}", words);
    default:
      return l10n.t('the reference date, {0}', words);
  }
}

/** How the year was written: `Buddhist Era (พ.ศ. / BE): 2564 BE = 2021 CE`, ... */
function calendarLine(a: DateAnnotation, ref: ReferenceDate | undefined, lang: ContentLanguage): string {
  const fromYear = a.from ? parseDateParts(a.from)?.year : undefined;
  const toYear = a.to ? parseDateParts(a.to)?.year : undefined;
  switch (a.calendar) {
    case 'BE': {
      if (fromYear !== undefined && fromYear === toYear) return l10n.t('Calendar: Buddhist Era (พ.ศ. / BE): {0} BE = {1} CE', fromYear + BE_OFFSET, fromYear);
      return l10n.t('Calendar: Buddhist Era (พ.ศ. / BE); CE = BE − 543');
    }
    case 'CE':
      return l10n.t('Calendar: Common Era (ค.ศ. / CE)');
    case 'none':
      if (a.relative) return l10n.t('Calendar: no year written (a relative expression)');
      if (a.inferred) return l10n.t('Calendar: no year written; inferred from {0}', referenceInWords(ref, lang));
      return l10n.t('Calendar: no year written, and none could be inferred');
  }
}

/**
 * The hover of a date: the Gregorian date or range in words, the calendar it was written in,
 * and for a relative word what it resolves to. `reference` is the date relative words and
 * unwritten years were resolved against (absent: the document's own years).
 */
export function dateHoverMarkdown(a: DateAnnotation, reference?: ReferenceDate, lang: ContentLanguage = 'en'): string {
  const parts: string[] = [];
  const words = a.from !== undefined && a.to !== undefined ? dateInWords(a.from, a.to, lang) : undefined;
  parts.push(words ? `**${words}**` : `**${escapeInline(a.text)}**`);
  if (a.relative) {
    parts.push(
      words
        ? l10n.t('Relative: «{0}», resolved against {1}', escapeInline(a.relative), referenceInWords(reference, lang))
        : l10n.t('Relative: «{0}», not resolved (no reference date)', escapeInline(a.relative)),
    );
  }
  parts.push(calendarLine(a, reference, lang));
  if (a.role === 'title') parts.push(l10n.t('Part of the title of a law or a budget act'));
  parts.push(l10n.t('Written: «{0}»', escapeInline(a.text)));
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------
// Pages

/** The hover's line for a page: `Page 3`. */
export function pageLine(page: number): string {
  return l10n.t('Page {0}', formatNumber(page));
}

/** A hover's Markdown (an occurrence's or a tag's) with its page line, when it has a page (core `pageAt`). */
export function withPage(markdown: string, page: number | undefined): string {
  return page === undefined ? markdown : `${markdown}\n\n${pageLine(page)}`;
}
