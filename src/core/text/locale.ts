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

function rulesFor(locale: string): Intl.PluralRules {
  let r = pluralRules.get(locale);
  if (!r) {
    try {
      r = new Intl.PluralRules(locale);
    } catch {
      r = new Intl.PluralRules('en');
    }
    pluralRules.set(locale, r);
  }
  return r;
}

/**
 * The form for `n` in the interface language: `one` where its plural rules say "one"
 * (English 1), else `other` (Thai has one form only).
 */
export function plural(n: number, one: string, other: string, locale: string = uiLocale): string {
  return rulesFor(locale).select(n) === 'one' ? one : other;
}

/** A number as the interface language writes it (`12,345`). */
export function formatNumber(n: number, locale: string = uiLocale): string {
  let f = numberFormats.get(locale);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale);
    } catch {
      f = new Intl.NumberFormat('en');
    }
    numberFormats.set(locale, f);
  }
  return f.format(n);
}
