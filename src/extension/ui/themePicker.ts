/**
 * The theme quick pick (tagging a passage, changing a tag's theme, adding a term to the
 * glossary): "New theme..." first, then the themes ranked by the glossary search
 * (src/features/glossarySearch.ts) as the user types, over Thai and English labels, ids, terms,
 * aliases and glosses. The best theme is the active item whenever there is one, so Enter takes
 * it; "New theme..." is chosen only by moving to it (or when no theme matches), and starts from
 * what was typed. Glossary text is untrusted: icon syntax in it is escaped.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { GlossarySet } from '../../core';
import { searchThemes, themeTitle, type GlossaryMatch, type LooseTheme } from '../../features/glossarySearch';
import { escapeIcons } from '../../features/markdown';

export interface ThemePickerOptions {
  title: string;
  placeholder: string;
  /** themes in no glossary (the annotations file's), searched too and listed after the glossary's */
  loose?: readonly LooseTheme[];
  /** the description of a loose theme's item */
  looseDescription?: string;
  /** the theme in use now: its item says so */
  current?: string;
  /** the description of a glossary theme's item (default: its ancestors) */
  describe?: (match: GlossaryMatch) => string;
  /** the themes listed first before anything is typed */
  preferred?: (themeId: string) => boolean;
  ignoreFocusOut?: boolean;
}

/** A theme chosen, or "New theme..." (with what was typed in the picker, as a first label). */
export type ThemeChoice = { themeId: string; isNew?: undefined } | { themeId?: undefined; isNew: true; typed: string };

interface ThemeItem extends vscode.QuickPickItem {
  themeId?: string;
  isNew?: boolean;
}

/** Every theme when nothing is typed: the picker lists them all, not the search's first 200. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/** The theme picker on screen, for the integration tests (testHooks.ts). */
let shown: vscode.QuickPick<vscode.QuickPickItem> | undefined;

/** The theme picker on screen, if any (for the tests). */
export function shownThemePicker(): vscode.QuickPick<vscode.QuickPickItem> | undefined {
  return shown;
}

/** Asks for a theme of `set` (or a new one); undefined when cancelled. */
export async function pickTheme(set: GlossarySet, options: ThemePickerOptions): Promise<ThemeChoice | undefined> {
  const loose = options.loose ?? [];
  const looseIds = new Set(loose.filter((t) => !set.theme(t.id)).map((t) => t.id));
  const qp = vscode.window.createQuickPick<ThemeItem>();
  qp.title = options.title;
  qp.placeholder = options.placeholder;
  qp.matchOnDescription = false;
  qp.matchOnDetail = false;
  qp.ignoreFocusOut = options.ignoreFocusOut ?? false;
  // keep the fuzzy ranking's order (not in every VS Code version's typed API)
  (qp as unknown as { sortByLabel: boolean }).sortByLabel = false;
  const newItem: ThemeItem = { label: `$(add) ${l10n.t('New theme...')}`, isNew: true, alwaysShow: true };
  const toItem = (match: GlossaryMatch): ThemeItem => {
    const description = looseIds.has(match.themeId) ? options.looseDescription : options.describe ? options.describe(match) : match.path;
    const item: ThemeItem = { label: `$(symbol-color) ${escapeIcons(themeTitle(match))}`, themeId: match.themeId, alwaysShow: true };
    if (description) item.description = escapeIcons(description);
    if (match.themeId === options.current) item.detail = l10n.t('current theme');
    return item;
  };
  const update = () => {
    let matches = searchThemes(set, qp.value, NO_LIMIT, loose);
    if (qp.value.trim() === '' && options.preferred) {
      const preferred = options.preferred;
      matches = [...matches.filter((m) => preferred(m.themeId)), ...matches.filter((m) => !preferred(m.themeId))];
    }
    const themes = matches.map(toItem);
    qp.items = [newItem, ...themes];
    // the best theme is the active item: Enter takes it, never "New theme..." while a theme matches
    if (themes.length) qp.activeItems = [themes[0]];
  };
  update();
  shown = qp;
  const chosen = await chooseFrom(qp, update);
  const typed = qp.value.trim();
  if (shown === qp) shown = undefined;
  if (!chosen) return undefined;
  return chosen.isNew ? { isNew: true, typed } : chosen.themeId !== undefined ? { themeId: chosen.themeId } : undefined;
}

/**
 * Shows `qp` and resolves with the item accepted (the selected one, else the active one), or
 * undefined when it is hidden without a choice; the quick pick is disposed either way.
 */
function chooseFrom<T extends vscode.QuickPickItem>(qp: vscode.QuickPick<T>, onDidChangeValue: (value: string) => void): Promise<T | undefined> {
  return new Promise((resolve) => {
    let chosen: T | undefined;
    const subscriptions = [
      qp.onDidChangeValue(onDidChangeValue),
      qp.onDidAccept(() => {
        chosen = qp.selectedItems[0] ?? qp.activeItems[0];
        qp.hide();
      }),
      qp.onDidHide(() => {
        for (const s of subscriptions) s.dispose();
        qp.dispose();
        resolve(chosen);
      }),
    ];
    qp.show();
  });
}
