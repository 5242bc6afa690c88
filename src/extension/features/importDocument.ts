/**
 * Import Document (PDF, Word, Web Page)...: converts a PDF, .docx or HTML file (src/convert) and
 * writes the text, with its front matter and page markers, beside it as `NAME.policy.txt`, then
 * opens it (highlights as for any document). Progress in a notification with a cancel button.
 *
 * The command takes an optional URI (the source; without it a dialog asks) and returns the URI
 * of the text written, or undefined when cancelled.
 */
import * as l10n from '@vscode/l10n';
import { formatNumber } from '../../core';
import * as vscode from 'vscode';
import { convertDocument, ConvertError, renderConverted } from '../../convert';
import { readBytes, writeTextAtomic } from '../services/files';
import type { Settings } from '../services/settings';

export const IMPORT_COMMAND = 'thaiPolicyLens.importDocument';

const STRINGS = {
  pick: () => l10n.t('Import'),
  filter: () => l10n.t('PDF, Word and web pages'),
  progress: (name: string) => l10n.t('Thai Policy Lens: importing {0}', name),
  page: (page: number, total: number) => l10n.t('page {0} of {1}', formatNumber(page), formatNumber(total)),
  failed: (name: string, why: string) => l10n.t('Thai Policy Lens: cannot import {0}: {1}', name, why),
  scanned: (name: string, pages: number[]) => l10n.t('Thai Policy Lens: {0}: pages {1} have no text (scanned?); OCR is not done.', name, pages.join(', ')),
};

/** Where the text of `source` goes: `NAME.policy.txt` in the same folder. */
export function importTarget(source: vscode.Uri): vscode.Uri {
  const name = source.path.replace(/^.*\//, '').replace(/\.(pdf|docx|html?)$/i, '');
  return vscode.Uri.joinPath(source, '..', `${name}.policy.txt`);
}

async function importDocument(settings: Settings, uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const source =
    uri ??
    (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: STRINGS.pick(), filters: { [STRINGS.filter()]: ['pdf', 'docx', 'html', 'htm'] } }))?.[0];
  if (!source) return undefined;
  const name = source.path.replace(/^.*\//, '');
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: STRINGS.progress(name), cancellable: true }, async (progress, token) => {
    try {
      let last = 0;
      const result = await convertDocument(await readBytes(source), name, {
        pageMarker: settings.for(source).pageMarker,
        onPage: (page, total) => {
          if (token.isCancellationRequested) throw new vscode.CancellationError();
          progress.report({ message: STRINGS.page(page, total), increment: ((page - last) / total) * 100 });
          last = page;
        },
      });
      if (token.isCancellationRequested) return undefined;
      if (result.meta.emptyPages?.length) void vscode.window.showWarningMessage(STRINGS.scanned(name, result.meta.emptyPages));
      const target = importTarget(source);
      await writeTextAtomic(target, renderConverted(result));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
      return target;
    } catch (e) {
      if (e instanceof vscode.CancellationError) return undefined;
      void vscode.window.showErrorMessage(STRINGS.failed(name, e instanceof ConvertError ? e.message : String((e as Error)?.message ?? e)));
      return undefined;
    }
  });
}

export function registerImportDocument(context: vscode.ExtensionContext, settings: Settings): void {
  context.subscriptions.push(vscode.commands.registerCommand(IMPORT_COMMAND, (uri?: vscode.Uri) => importDocument(settings, uri)));
}
