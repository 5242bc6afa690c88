/**
 * Export REFI-QDA Project (.qdpx)...: the tags of a workspace folder, their documents, coders,
 * notes and the themes as a project NVivo, ATLAS.ti, MAXQDA and QualCoder open (core
 * `buildProject`, `zipProject`); the same project `thai-policy-lens export --format qdpx` writes.
 *
 * Takes an optional `{ file }` argument (where to write, a URI string) and then shows no dialog;
 * returns `{ file, passages, skipped }`, or undefined when cancelled.
 */
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { EXPORTS_FOLDER, buildProject, zipProject, type FileTheme, type ProjectDocument } from '../../core';
import { writeBytesAtomic } from '../services/files';
import type { FeatureContext } from '../featureContext';
import { exportFolder } from './exportReports';
import type { TagInfo } from './tagging';

export interface ExportProjectArgs {
  /** where to write (a URI string); without it a save dialog asks */
  file?: string;
}

export interface ExportProjectResult {
  file: string;
  /** tags written as codings */
  passages: number;
  /** orphaned tags, or tags of documents that cannot be read, left out */
  skipped: number;
}

interface TagSource {
  allTags(): TagInfo[];
  fileThemes(uri?: vscode.Uri): FileTheme[];
}

async function exportProject(ctx: FeatureContext, tags: TagSource, args: ExportProjectArgs | undefined): Promise<ExportProjectResult | undefined> {
  const interactive = !args;
  const folder = await exportFolder(args, interactive);
  if (!folder) {
    if (interactive) void vscode.window.showInformationMessage(l10n.t('Thai Policy Lens: open a folder first; a project holds the tagged documents of a workspace folder.'));
    return undefined;
  }
  const inFolder = tags.allTags().filter((t) => vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(t.uri))?.uri.toString() === folder.uri.toString());
  if (inFolder.length === 0) {
    if (interactive) void vscode.window.showInformationMessage(l10n.t('Thai Policy Lens: there are no tagged passages to export. Select text and run "Tag Selection with Theme..." first.'));
    return undefined;
  }
  let target = args?.file ? vscode.Uri.parse(args.file) : undefined;
  if (!target) {
    const exports = vscode.Uri.joinPath(folder.uri, EXPORTS_FOLDER);
    await Promise.resolve(vscode.workspace.fs.createDirectory(exports)).catch(() => undefined);
    target = await vscode.window.showSaveDialog({
      title: l10n.t('Export REFI-QDA Project'),
      defaultUri: vscode.Uri.joinPath(exports, `${folder.name}.qdpx`),
      filters: { [l10n.t('REFI-QDA Project')]: ['qdpx'] },
      saveLabel: l10n.t('Export'),
    });
    if (!target) return undefined;
  }
  await ctx.glossaries.whenIdle();
  const documents: ProjectDocument[] = [];
  for (const uriText of new Set(inFolder.map((t) => t.uri))) {
    try {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriText) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(uriText)));
      documents.push({ path: inFolder.find((t) => t.uri === uriText)!.document, text: doc.getText() });
    } catch {
      // a document that cannot be read: its tags are left out (counted in `skipped`)
    }
  }
  const version = String(ctx.extension.extension.packageJSON.version ?? '');
  const project = buildProject({ name: folder.name, origin: `Thai Policy Lens ${version}`.trim(), themes: ctx.glossaries.set.themes, tagThemes: tags.fileThemes(folder.uri), documents, tags: inFolder });
  try {
    await writeBytesAtomic(target, zipProject(project));
  } catch (err) {
    void vscode.window.showErrorMessage(l10n.t('Thai Policy Lens: could not write {0}: {1}', target.fsPath || target.toString(), err instanceof Error ? err.message : String(err)));
    return undefined;
  }
  const passages = inFolder.length - project.skipped;
  if (interactive) {
    const where = vscode.workspace.asRelativePath(target);
    const message = passages === 1 ? l10n.t('Thai Policy Lens: exported 1 passage to the REFI-QDA project {0}.', where) : l10n.t('Thai Policy Lens: exported {0} passages to the REFI-QDA project {1}.', passages, where);
    void vscode.window.showInformationMessage(message);
    if (project.skipped) {
      void vscode.window.showWarningMessage(
        project.skipped === 1
          ? l10n.t('Thai Policy Lens: 1 tagged passage was left out of the project: its text is no longer in its document, or the document cannot be read.')
          : l10n.t('Thai Policy Lens: {0} tagged passages were left out of the project: their text is no longer in their documents, or the documents cannot be read.', project.skipped),
      );
    }
  }
  return { file: target.toString(), passages, skipped: project.skipped };
}

export function registerExportProject(ctx: FeatureContext, tags: TagSource): void {
  const argsOf = (arg: unknown): ExportProjectArgs | undefined => (arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) && 'file' in arg ? (arg as ExportProjectArgs) : undefined);
  ctx.extension.subscriptions.push(vscode.commands.registerCommand('thaiPolicyLens.exportProject', (arg?: unknown) => exportProject(ctx, tags, argsOf(arg))));
}
