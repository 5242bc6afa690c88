/**
 * Import REFI-QDA Project (.qdpx)...: a project written by NVivo, ATLAS.ti, MAXQDA, QualCoder or
 * this extension into a workspace folder (core `readProject`), as `thai-policy-lens import`
 * does: documents as text files, the codes the glossaries lack as `NAME.glossary.yaml`, the
 * codings as tags of the folder's annotations file (a tag whose id is there already is skipped).
 * Everything is checked before anything is written: a document that exists with other text stops
 * the import.
 *
 * Takes an optional `{ file, folder }` argument (URI strings) and then shows no dialog; returns
 * what was imported, or `{ error }`, or undefined when cancelled.
 */
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { QdpxError, readProject, safeFileStem, tagsToAdd } from '../../core';
import { exists, freeGlossaryName, readBytes, readText, writeTextAtomic } from '../services/files';
import type { TagService } from '../services/tagService';
import type { FeatureContext } from '../featureContext';

export interface ImportProjectArgs {
  /** the .qdpx (a URI string) */
  file: string;
  /** the workspace folder to import into (a URI string); default the first */
  folder?: string;
}

export type ImportProjectResult = { documents: number; themes: number; terms: number; tags: number; warnings: string[]; glossary?: string } | { error: string };

async function importProject(ctx: FeatureContext, tags: TagService, args: ImportProjectArgs | undefined): Promise<ImportProjectResult | undefined> {
  const interactive = !args;
  const fail = (message: string): { error: string } => {
    if (interactive) void vscode.window.showErrorMessage(l10n.t('Thai Policy Lens: {0}', message));
    return { error: message };
  };
  const folder = args?.folder ? vscode.Uri.parse(args.folder) : vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return fail(l10n.t('open a folder first; the project is imported into it.'));
  let source = args ? vscode.Uri.parse(args.file) : undefined;
  if (!source) {
    const picked = await vscode.window.showOpenDialog({ title: l10n.t('Import REFI-QDA Project'), canSelectMany: false, filters: { [l10n.t('REFI-QDA Project')]: ['qdpx'] }, openLabel: l10n.t('Import') });
    if (!picked?.length) return undefined;
    source = picked[0];
  }
  const baseName = source.path.split('/').pop() ?? 'project.qdpx';
  await ctx.glossaries.whenIdle();
  const store = tags.storeFor(folder);
  await store?.loaded;
  const cannotSave = store ? store.cannotSave() : l10n.t('the folder has no annotations file');
  if (cannotSave) return fail(l10n.t('cannot import {0}: the tags cannot be saved ({1}).', baseName, cannotSave));
  let project;
  try {
    project = readProject(await readBytes(source, 512_000_000), { existing: [...ctx.glossaries.set.flatThemes.map((f) => f.theme), ...tags.fileThemes(folder)], sourceName: baseName });
  } catch (err) {
    if (err instanceof QdpxError) return fail(l10n.t('cannot import {0}: {1}', baseName, err.message));
    return fail(l10n.t('cannot read {0}: {1}', baseName, err instanceof Error ? err.message : String(err)));
  }
  // checks first: a document that exists with other text stops the import
  const documents: Array<{ uri: vscode.Uri; text: string; same: boolean }> = [];
  for (const d of project.documents) {
    const uri = vscode.Uri.joinPath(folder, ...d.path.split('/'));
    const same = (await exists(uri)) && (await readText(uri)) === d.text;
    if (!same && (await exists(uri))) return fail(l10n.t('cannot import {0}: {1} exists with other text; nothing was imported.', baseName, d.path));
    documents.push({ uri, text: d.text, same });
  }
  for (const d of documents) if (!d.same) await writeTextAtomic(d.uri, d.text);
  let glossary: vscode.Uri | undefined;
  if (project.glossary) {
    glossary = await freeGlossaryName(vscode.Uri.joinPath(folder, `${safeFileStem(baseName.replace(/\.qdpx$/i, ''))}.glossary.yaml`));
    await writeTextAtomic(glossary, project.glossary);
    await ctx.glossaries.reload();
  }
  const toAdd = tagsToAdd(store!.tags, project.tags);
  for (const tag of toAdd) store!.putTag(tag);
  const added = toAdd.length;
  await tags.flush();
  const result = { documents: documents.filter((d) => !d.same).length, themes: project.themes, terms: project.terms, tags: added, warnings: project.warnings, glossary: glossary?.toString() };
  if (interactive) {
    void vscode.window.showInformationMessage(l10n.t('Thai Policy Lens: imported from {0}: documents {1}, themes {2}, tags {3}.', baseName, result.documents, result.themes, result.tags));
    if (project.warnings.length) void vscode.window.showWarningMessage(l10n.t('Thai Policy Lens: the import of {0} left things out (notes: {1}). The first: {2}', baseName, project.warnings.length, project.warnings[0]));
  }
  return result;
}

export function registerImportProject(ctx: FeatureContext, tags: TagService): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand('thaiPolicyLens.importProject', (arg?: unknown) =>
      importProject(ctx, tags, arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) && 'file' in arg ? (arg as ImportProjectArgs) : arg instanceof vscode.Uri ? { file: arg.toString() } : undefined),
    ),
  );
}
