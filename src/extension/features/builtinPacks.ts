/**
 * Choose Built-in Glossary Packs...: a multi-select quick pick of the built-in packs that writes
 * the setting `thaiPolicyLens.builtinPacks` through `Settings.setBuiltinPacks` (the glossary
 * service reloads when it changes).
 * Reachable from the command palette, the Themes view's title bar and the walkthrough.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { BUILTIN_PACKS, selectPacks } from '../../core';
import type { FeatureContext } from '../featureContext';
import type { Settings } from '../services/settings';

/** The strings this feature shows (one place, for a later translation). */
const TEXT = {
  title: () => l10n.t('Thai Policy Lens: Built-in Glossary Packs'),
  placeholder: () => l10n.t('Tick the fields of Thai public policy to highlight (the others are switched off)'),
  nothing: () => l10n.t('Thai Policy Lens: no built-in pack is chosen; only your own glossaries are used.'),
};

interface PackItem extends vscode.QuickPickItem {
  id: string;
}

/**
 * The command: with `ids` (for tests and other extensions) it writes them without asking;
 * returns the packs now chosen, or undefined when the pick was dismissed.
 */
async function chooseBuiltinPacks(settings: Settings, ids?: readonly string[]): Promise<string[] | undefined> {
  const writePacks = async (wanted: readonly string[]): Promise<string[]> => {
    const chosen = selectPacks(wanted).packs.map((p) => p.id);
    await settings.setBuiltinPacks(chosen);
    return chosen;
  };
  if (Array.isArray(ids)) return writePacks(ids);
  const current = new Set(settings.useBuiltinGlossary ? selectPacks(settings.builtinPacks).packs.map((p) => p.id) : []);
  const items: PackItem[] = BUILTIN_PACKS.map((p) => ({ id: p.id, label: p.label, description: p.labelTh, detail: p.description, picked: current.has(p.id) }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: TEXT.title(), placeHolder: TEXT.placeholder(), matchOnDescription: true, matchOnDetail: true });
  if (!picked) return undefined;
  const chosen = await writePacks(picked.map((p) => p.id));
  if (chosen.length === 0) void vscode.window.showInformationMessage(TEXT.nothing());
  return chosen;
}

export function registerBuiltinPacks(ctx: FeatureContext): void {
  ctx.extension.subscriptions.push(vscode.commands.registerCommand('thaiPolicyLens.chooseBuiltinPacks', (ids?: readonly string[]) => chooseBuiltinPacks(ctx.settings, ids)));
}
