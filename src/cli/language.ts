/**
 * The language of the command line's messages (errors, warnings, help, Markdown headings): the
 * same `l10n/bundle.l10n.<lang>.json` bundles as the editor, read by `@vscode/l10n`. Chosen by
 * `--lang th|en`, else by the environment (LC_ALL, then LC_MESSAGES, then LANG: `th_TH.UTF-8` is
 * Thai). Machine-readable output (JSON keys, the CSV header, W3C JSON-LD) is never translated.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { languageOf, setUiLocale, type ContentLanguage } from '../core';
import { CliError } from './common';

export const CLI_LANGUAGES: readonly ContentLanguage[] = ['th', 'en'];

/** The `--lang` value in `argv` (`--lang th`, `--lang=th`), or undefined. */
export function langArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return undefined;
    if (a === '--lang') return argv[i + 1] ?? '';
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

/** The language the environment asks for: the first of LC_ALL, LC_MESSAGES, LANG that is set. */
export function environmentLanguage(env: NodeJS.ProcessEnv): ContentLanguage {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return languageOf(locale);
}

/**
 * The folder of the translation bundles: `l10n/` next to the package's `package.json`, found
 * upwards from this file (dist/cli.js in the package, out/src/cli/ in the tests).
 */
export function l10nDir(from: string = __dirname): string | undefined {
  let dir = from;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'l10n');
    if (fs.existsSync(path.join(candidate, 'bundle.l10n.th.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/**
 * Sets the language of the messages for this run and returns it. An unknown `--lang` value is
 * reported (in English: no language is known yet) as a CliError.
 */
export function configureLanguage(argv: readonly string[], env: NodeJS.ProcessEnv, dir: string | undefined = l10nDir()): ContentLanguage {
  const asked = langArgument(argv);
  if (asked !== undefined && !(CLI_LANGUAGES as readonly string[]).includes(asked)) {
    useLanguage('en', dir);
    throw new CliError(l10n.t('unknown language "{0}" for --lang (use th or en)', asked));
  }
  const lang = (asked as ContentLanguage | undefined) ?? environmentLanguage(env);
  useLanguage(lang, dir);
  return lang;
}

function useLanguage(lang: ContentLanguage, dir: string | undefined): void {
  const bundle = dir && lang !== 'en' ? path.join(dir, `bundle.l10n.${lang}.json`) : undefined;
  if (bundle && fs.existsSync(bundle)) l10n.config({ fsPath: bundle });
  else l10n.config({ contents: {} });
  setUiLocale(lang);
}

/** Back to English (the default of `@vscode/l10n`), after a run in-process (tests, the bench). */
export function resetLanguage(): void {
  useLanguage('en', undefined);
}
