/**
 * Exports of the coded passages (the analyst's tags): CSV, a Markdown report and W3C Web
 * Annotation JSON, from the tree's title menu and the command palette; the save dialog starts in
 * `.policy-lens/exports/`, which the workspace index skips. The formats are in
 * `core/exports.ts`; this file gathers the tags, the countries and dates inside each passage,
 * asks where to save, and writes the file in one go.
 *
 * Each command takes an optional `{ file, document }` argument (file: where to write, as a URI
 * string; document: only the tags of that document) and then shows no dialog; it returns
 * `{ file, passages }`, or undefined when cancelled.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { writeTextAtomic } from '../services/files';
import { collectPassages, EXPORTS_FOLDER, formatNumber, plural, renderPassages, themeLookup, type CodedPassage, type PassageFormat, type TaggedDocument } from '../../core';
import type { FeatureContext } from '../featureContext';
import type { Tagging, TagInfo } from './tagging';

export interface ExportArgs {
  /** where to write (a URI string); without it a save dialog asks */
  file?: string;
  /** only the tags of this document (a URI string); default: every tag of the workspace */
  document?: string;
}

export interface ExportResult {
  file: string;
  passages: number;
}

const FORMATS: Record<PassageFormat, { command: string; title: () => string; extension: string; filter: () => string; fileName: string }> = {
  csv: { command: 'thaiPolicyLens.exportCsv', title: () => l10n.t('Export Coded Passages as CSV'), extension: 'csv', filter: () => 'CSV', fileName: 'coded-passages.csv' },
  md: { command: 'thaiPolicyLens.exportMarkdown', title: () => l10n.t('Export Coded Passages as Markdown'), extension: 'md', filter: () => 'Markdown', fileName: 'coded-passages.md' },
  webanno: {
    command: 'thaiPolicyLens.exportWebAnnotations',
    title: () => l10n.t('Export Annotations as W3C Web Annotation JSON'),
    extension: 'jsonld',
    filter: () => 'Web Annotation JSON-LD',
    fileName: 'annotations.jsonld',
  },
};

class ExportReports {
  constructor(
    private readonly ctx: FeatureContext,
    private readonly tagging: Tagging,
  ) {}

  /** The passages of the given tags, with each document's analysis for countries and dates. */
  private async passages(tags: readonly TagInfo[]): Promise<{ passages: CodedPassage[]; unreadable: string[] }> {
    await this.ctx.glossaries.whenIdle();
    const byDocument = new Map<string, TagInfo[]>();
    for (const tag of tags) {
      const list = byDocument.get(tag.uri);
      if (list) list.push(tag);
      else byDocument.set(tag.uri, [tag]);
    }
    const documents: TaggedDocument[] = [];
    const unreadable: string[] = [];
    for (const [uriText, list] of byDocument) {
      const uri = vscode.Uri.parse(uriText);
      const themes = themeLookup(this.ctx.glossaries.set, (id) => this.tagging.fileTheme(id, uri));
      try {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriText) ?? (await vscode.workspace.openTextDocument(uri));
        documents.push({ tags: list, text: doc.getText(), annotations: this.ctx.analysis.get(doc).annotations, themes });
      } catch {
        // the document is gone: its tags are exported as stored, without countries and dates
        unreadable.push(list[0].document);
        documents.push({ tags: list, text: undefined, annotations: [], themes });
      }
    }
    return { passages: collectPassages(documents), unreadable };
  }

  async run(format: PassageFormat, args: ExportArgs | undefined): Promise<ExportResult | undefined> {
    const spec = FORMATS[format];
    const interactive = !args;
    const folder = (await exportFolder(args, interactive))?.uri;
    const all = args?.document ? this.tagging.tagsOf(vscode.Uri.parse(args.document)) : this.tagging.allTags();
    // several folders: the passages of one folder, each folder with its own annotations file
    const tags = folder && (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? all.filter((t) => vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(t.uri))?.uri.toString() === folder.toString()) : all;
    if (tags.length === 0) {
      if (interactive) void vscode.window.showInformationMessage(l10n.t('Thai Policy Lens: there are no tagged passages to export. Select text and run "Tag Selection with Theme..." first.'));
      return undefined;
    }
    let target = args?.file ? vscode.Uri.parse(args.file) : undefined;
    if (!target) {
      // by default into the exports folder, which the workspace index skips (an export is not a document)
      const exports = folder && vscode.Uri.joinPath(folder, EXPORTS_FOLDER);
      if (exports) await vscode.workspace.fs.createDirectory(exports).then(undefined, () => undefined);
      target = await vscode.window.showSaveDialog({
        title: spec.title(),
        defaultUri: exports ? vscode.Uri.joinPath(exports, spec.fileName) : undefined,
        filters: { [spec.filter()]: [spec.extension] },
        saveLabel: l10n.t('Export'),
      });
      if (!target) return undefined;
    }
    const { passages, unreadable } = await this.passages(tags);
    const content = renderPassages(format, passages, (folder ?? vscode.Uri.file('/')).toString());
    try {
      await writeTextAtomic(target, content);
    } catch (err) {
      const message = l10n.t('Thai Policy Lens: could not write {0}: {1}', target.fsPath || target.toString(), err instanceof Error ? err.message : String(err));
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
    if (unreadable.length) {
      const list = unreadable.join(', ');
      void vscode.window.showWarningMessage(
        unreadable.length === 1
          ? l10n.t('Thai Policy Lens: cannot read {0}; its tagged passages were exported as orphaned.', list)
          : l10n.t('Thai Policy Lens: cannot read {0}; their tagged passages were exported as orphaned.', list),
      );
    }
    if (interactive) {
      const open = l10n.t('Open');
      const n = passages.length;
      const where = vscode.workspace.asRelativePath(target);
      const message = plural(n, l10n.t('Thai Policy Lens: exported 1 passage to {0}.', where), l10n.t('Thai Policy Lens: exported {0} passages to {1}.', formatNumber(n), where));
      void vscode.window.showInformationMessage(message, open).then((choice) => {
        if (choice === open) void vscode.commands.executeCommand('vscode.open', target);
      });
    }
    return { file: target.toString(), passages: passages.length };
  }
}

/**
 * The folder whose passages are exported: the document's (argument), the active editor's, the one
 * picked when there are several folders and the command was run by hand, else the first.
 */
export async function exportFolder(args: ExportArgs | undefined, interactive: boolean): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const of = (uri: vscode.Uri | undefined) => (uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined);
  const known = of(args?.document ? vscode.Uri.parse(args.document) : undefined) ?? of(args?.file ? vscode.Uri.parse(args.file) : undefined) ?? of(vscode.window.activeTextEditor?.document.uri);
  if (known || folders.length < 2) return known ?? folders[0];
  return (interactive ? await vscode.window.showWorkspaceFolderPick({ placeHolder: l10n.t('Export the coded passages of which folder?') }) : undefined) ?? folders[0];
}

export function registerExportReports(ctx: FeatureContext, tagging: Tagging): void {
  const reports = new ExportReports(ctx, tagging);
  const argsOf = (arg: unknown): ExportArgs | undefined =>
    arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) && ('file' in arg || 'document' in arg) ? (arg as ExportArgs) : undefined;
  for (const format of Object.keys(FORMATS) as PassageFormat[]) {
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(FORMATS[format].command, (arg?: unknown) => reports.run(format, argsOf(arg))));
  }
}
