/**
 * Import Document (PDF, Word, Web Page)...: converts a PDF, .docx or HTML file (src/convert) and
 * writes the text, with its front matter and page markers, beside it as `NAME.policy.txt`, then
 * opens it (highlights as for any document). Progress in a notification with a cancel button.
 *
 * PDF pages without a text layer (scanned): where tesseract (with its Thai data) and pdftoppm are
 * installed, a button offers OCR of them (src/convert/ocr.ts, as the command line does); the text
 * is then converted again with those pages read, written over the first, and marked as OCR text
 * in its front matter. Without the tools, one line names the Debian packages to install.
 *
 * The command takes an optional URI (the source; without it a dialog asks) and options
 * (`{ ocr: true }` reads the scanned pages by OCR at once, `{ ocr: false }` never offers it), and
 * returns the URI of the text written, or undefined when cancelled.
 */
import * as l10n from '@vscode/l10n';
import { formatNumber, plural } from '../../core';
import * as vscode from 'vscode';
import { convertDocument, ConvertError, missingOcrTools, OCR_PACKAGES, OcrCancelled, ocrPages, renderConverted, type Converted } from '../../convert';
import { readBytes, writeTextAtomic } from '../services/files';
import { showInformation } from '../ui/messages';
import type { Settings } from '../services/settings';

export const IMPORT_COMMAND = 'thaiPolicyLens.importDocument';

const STRINGS = {
  pick: () => l10n.t('Import'),
  filter: () => l10n.t('PDF, Word and web pages'),
  progress: (name: string) => l10n.t('Thai Policy Lens: importing {0}', name),
  page: (page: number, total: number) => l10n.t('page {0} of {1}', formatNumber(page), formatNumber(total)),
  failed: (name: string, why: string) => l10n.t('Thai Policy Lens: cannot import {0}: {1}', name, why),
  ocrPage: (page: number, done: number, total: number) => l10n.t('OCR of page {0} ({1} of {2})', formatNumber(page), formatNumber(done), formatNumber(total)),
  offerOcr: (name: string, pages: number[]) =>
    plural(
      pages.length,
      l10n.t('Thai Policy Lens: {0}: page {1} has no text (scanned?). Read it by OCR (tesseract)?', name, pages.join(', ')),
      l10n.t('Thai Policy Lens: {0}: pages {1} have no text (scanned?). Read them by OCR (tesseract)?', name, pages.join(', ')),
    ),
  readByOcr: () => l10n.t('Read by OCR'),
  installOcr: (name: string, pages: number[]) =>
    plural(
      pages.length,
      l10n.t('Thai Policy Lens: {0}: page {1} has no text (scanned?); for OCR install the Debian packages {2}', name, pages.join(', '), OCR_PACKAGES),
      l10n.t('Thai Policy Lens: {0}: pages {1} have no text (scanned?); for OCR install the Debian packages {2}', name, pages.join(', '), OCR_PACKAGES),
    ),
  ocrReadNothing: (name: string, pages: number[]) =>
    plural(
      pages.length,
      l10n.t('Thai Policy Lens: {0}: page {1} has no text (scanned?) and OCR read no text on it', name, pages.join(', ')),
      l10n.t('Thai Policy Lens: {0}: pages {1} have no text (scanned?) and OCR read no text on them', name, pages.join(', ')),
    ),
};

/** The command's options (see the top of this file). */
export interface ImportOptions {
  ocr?: boolean;
}

/** What one conversion did: the text written, and the pages still without text. */
interface Imported {
  target: vscode.Uri;
  result: Converted;
  /** the OCR tools missing, when OCR was asked for */
  missing?: string[];
}

/** Where the text of `source` goes: `NAME.policy.txt` in the same folder. */
export function importTarget(source: vscode.Uri): vscode.Uri {
  const name = source.path.replace(/^.*\//, '').replace(/\.(pdf|docx|html?)$/i, '');
  return vscode.Uri.joinPath(source, '..', `${name}.policy.txt`);
}

async function importDocument(settings: Settings, uri?: vscode.Uri, options: ImportOptions = {}): Promise<vscode.Uri | undefined> {
  const source =
    uri ??
    (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: STRINGS.pick(), filters: { [STRINGS.filter()]: ['pdf', 'docx', 'html', 'htm'] } }))?.[0];
  if (!source) return undefined;
  const name = source.path.replace(/^.*\//, '');
  const first = await convertAndWrite(settings, source, name, options.ocr === true);
  if (!first) return undefined;
  const empty = first.result.meta.emptyPages ?? [];
  if (empty.length && options.ocr === undefined) void offerOcr(settings, source, name, empty);
  else if (empty.length && options.ocr) void vscode.window.showWarningMessage(first.missing?.length ? STRINGS.installOcr(name, empty) : STRINGS.ocrReadNothing(name, empty));
  return first.target;
}

/**
 * Pages without text: a button offers OCR where the tools are installed (converting again with
 * them read), else one line names the packages to install.
 */
async function offerOcr(settings: Settings, source: vscode.Uri, name: string, pages: number[]): Promise<void> {
  if ((await missingOcrTools()).length) {
    void vscode.window.showWarningMessage(STRINGS.installOcr(name, pages));
    return;
  }
  if ((await showInformation(STRINGS.offerOcr(name, pages), STRINGS.readByOcr())) !== STRINGS.readByOcr()) return;
  const again = await convertAndWrite(settings, source, name, true);
  const still = again?.result.meta.emptyPages ?? [];
  if (again && still.length) void vscode.window.showWarningMessage(again.missing?.length ? STRINGS.installOcr(name, still) : STRINGS.ocrReadNothing(name, still));
}

/**
 * Converts the source (with OCR of the pages without text when `ocr`), writes the text beside it
 * and opens it, with progress and a cancel button; undefined when cancelled or failed (said).
 */
function convertAndWrite(settings: Settings, source: vscode.Uri, name: string, ocr: boolean): Thenable<Imported | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: STRINGS.progress(name), cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const cancelled = token.onCancellationRequested(() => abort.abort());
    let missing: string[] | undefined;
    try {
      let last = 0;
      const result = await convertDocument(await readBytes(source), name, {
        pageMarker: settings.for(source).pageMarker,
        onPage: (page, total) => {
          if (token.isCancellationRequested) throw new vscode.CancellationError();
          progress.report({ message: STRINGS.page(page, total), increment: ((page - last) / total) * 100 });
          last = page;
        },
        ocr: ocr
          ? async (pdf, pages) => {
              missing = await missingOcrTools();
              if (missing.length) return new Map();
              return ocrPages(pdf, pages, { signal: abort.signal, onPage: (page, done, total) => progress.report({ message: STRINGS.ocrPage(page, done + 1, total) }) });
            }
          : undefined,
      });
      if (token.isCancellationRequested) return undefined;
      const target = importTarget(source);
      await writeTextAtomic(target, renderConverted(result));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
      return { target, result, missing };
    } catch (e) {
      if (e instanceof vscode.CancellationError || e instanceof OcrCancelled) return undefined;
      void vscode.window.showErrorMessage(STRINGS.failed(name, e instanceof ConvertError ? e.message : String((e as Error)?.message ?? e)));
      return undefined;
    } finally {
      cancelled.dispose();
    }
  });
}

export function registerImportDocument(context: vscode.ExtensionContext, settings: Settings): void {
  context.subscriptions.push(vscode.commands.registerCommand(IMPORT_COMMAND, (uri?: vscode.Uri, options?: unknown) =>
      // from the Explorer's menu the second argument is the list of selected files
      importDocument(settings, uri, options && typeof options === 'object' && !Array.isArray(options) ? (options as ImportOptions) : {}),
    ));
}
