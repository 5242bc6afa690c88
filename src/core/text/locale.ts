/**
 * The languages of what the product shows, and counts and numbers written in them. One home:
 * the interface language (set once, where `@vscode/l10n` is configured: the extension's
 * activation, the command line's `--lang`), plural forms chosen by `Intl.PluralRules` and numbers
 * by `Intl.NumberFormat` in that language, and the content language (`th` | `en`: Thai-first or
 * English-first labels, Thai Buddhist or English Gregorian dates).
 *
 * Plurals take whole translated phrases, never glued words:
 * `plural(n, l10n.t('1 passage'), l10n.t('{0} passages', formatNumber(n)))`.
 */

/** The language of the content shown (theme labels, dates): Thai first or English first. */
export type ContentLanguage = 'th' | 'en';

let uiLocale = 'en';

/** Sets the interface language (`th`, `en`, `th-TH`...), as the translation bundle was chosen. */
export function setUiLocale(locale: string): void {
  uiLocale = locale || 'en';
}

/** The interface language set last (`en` until set). */
export function getUiLocale(): string {
  return uiLocale;
}

/** `th` for a Thai locale (`th`, `th-TH`, `th_TH.UTF-8`), else `en`. */
export function languageOf(locale: string | undefined): ContentLanguage {
  return /^th(?:$|[-_.@])/i.test(locale ?? '') ? 'th' : 'en';
}

/** The content language a setting (`auto` | `th` | `en`) means; `auto` follows the interface. */
export function resolveContentLanguage(setting: string | undefined, locale: string = uiLocale): ContentLanguage {
  return setting === 'th' || setting === 'en' ? setting : languageOf(locale);
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The Intl object of `locale`, made once (English if the engine does not know the locale). */
function cached<T>(cache: Map<string, T>, locale: string, make: (locale: string) => T): T {
  let value = cache.get(locale);
  if (!value) {
    try {
      value = make(locale);
    } catch {
      value = make('en');
    }
    cache.set(locale, value);
  }
  return value;
}

/**
 * The form for `n` in the interface language: `one` where its plural rules say "one"
 * (English 1), else `other` (Thai has one form only).
 */
export function plural(n: number, one: string, other: string, locale: string = uiLocale): string {
  return cached(pluralRules, locale, (l) => new Intl.PluralRules(l)).select(n) === 'one' ? one : other;
}

/** A number as the interface language writes it (`12,345`). */
export function formatNumber(n: number, locale: string = uiLocale): string {
  return cached(numberFormats, locale, (l) => new Intl.NumberFormat(l)).format(n);
}

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * Alternatives as the interface language lists them: `csv, md or webanno` (British usage, no
 * serial comma), `csv, md หรือ webanno`. For names typed as they are (formats, commands).
 */
export function orList(items: readonly string[], locale: string = uiLocale): string {
  const l = languageOf(locale) === 'th' ? 'th' : 'en-GB';
  return cached(listFormats, l, (x) => new Intl.ListFormat(x, { type: 'disjunction' })).format(items);
}
