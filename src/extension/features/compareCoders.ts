/**
 * Compare Coders...: the agreement of two coders (or more, for Krippendorff's alpha) of a
 * workspace folder's tags, at character level (core `codingAgreement`), written as CSV, the same
 * bytes as `thai-policy-lens agreement --format csv`. The tags are taken as the editor follows
 * them (open documents: live positions); orphaned tags and tags without a coder are left out.
 *
 * Then the passages the first two coders disagree on (core `codingDisagreements`: coded by one
 * of them only) are listed; picking one opens it beside, selected.
 *
 * Takes an optional `{ coders, file }` argument (file: where to write the CSV, a URI string) and
 * then shows no dialog; returns `{ file, rows, disagreements }`, `{ error }`, or undefined when
 * cancelled.
 */
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { EXPORTS_FOLDER, agreementCsv, codingAgreement, codingDisagreements, oneLine, type CodedRange, type Disagreement } from '../../core';
import { writeTextAtomic } from '../services/files';
import type { FeatureContext } from '../featureContext';
import type { TagInfo } from './tagging';

export interface CompareCodersArgs {
  coders?: string[];
  file?: string;
}

export type CompareCodersResult = { file: string; rows: number; disagreements: Disagreement[] } | { error: string };

async function compareCoders(tags: { allTags(): TagInfo[] }, args: CompareCodersArgs | undefined): Promise<CompareCodersResult | undefined> {
  const interactive = !args;
  const fail = (message: string): { error: string } => {
    if (interactive) void vscode.window.showErrorMessage(l10n.t('Thai Policy Lens: {0}', message));
    return { error: message };
  };
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return fail(l10n.t('open a folder first; the coders of its tags are compared.'));
  const all = tags.allTags().filter((t) => t.creator && !t.orphaned && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(t.uri))?.uri.toString() === folder.uri.toString());
  const found = [...new Set(all.map((t) => t.creator!))].sort();
  let coders = args?.coders ?? found;
  if (interactive && found.length > 2) {
    const picked = await vscode.window.showQuickPick(found, { canPickMany: true, title: l10n.t('Compare Coders'), placeHolder: l10n.t('The coders to compare (the first two for percentage agreement and kappa)') });
    if (!picked) return undefined;
    coders = picked;
  }
  if (coders.length < 2) return fail(l10n.t('comparing needs the tags of two coders or more; this folder has {0}.', found.join(', ') || '0'));
  const lengths = new Map<string, number>();
  const documents = new Map<string, vscode.TextDocument>();
  const ranges: CodedRange[] = [];
  for (const tag of all) {
    if (!coders.includes(tag.creator!)) continue;
    if (!lengths.has(tag.document)) {
      try {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === tag.uri) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(tag.uri)));
        lengths.set(tag.document, doc.getText().length);
        documents.set(tag.document, doc);
      } catch {
        continue;
      }
    }
    ranges.push({ coder: tag.creator!, document: tag.document, theme: tag.theme, start: tag.start, end: tag.end });
  }
  const sorted = new Map([...lengths].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const themes = [...new Set(ranges.map((r) => r.theme))].sort();
  const rows = codingAgreement(ranges, coders, themes, sorted);
  let target = args?.file ? vscode.Uri.parse(args.file) : undefined;
  if (!target) {
    target = await vscode.window.showSaveDialog({
      title: l10n.t('Save the Agreement Table as CSV'),
      defaultUri: vscode.Uri.joinPath(folder.uri, EXPORTS_FOLDER, 'agreement.csv'),
      filters: { CSV: ['csv'] },
    });
    if (!target) return undefined;
  }
  await writeTextAtomic(target, agreementCsv(rows, coders));
  const disagreements = codingDisagreements(ranges, coders[0], coders[1]);
  if (interactive) {
    await vscode.window.showTextDocument(target);
    await showDisagreements(disagreements, documents, coders[0], coders[1]);
  }
  return { file: target.toString(), rows: rows.length, disagreements };
}

/** A quick pick of the passages coded by one coder only; the one picked opens beside, selected. */
async function showDisagreements(list: readonly Disagreement[], documents: ReadonlyMap<string, vscode.TextDocument>, a: string, b: string): Promise<void> {
  if (list.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('Thai Policy Lens: {0} and {1} coded the same passages.', a, b));
    return;
  }
  const items = list.map((d) => {
    const doc = documents.get(d.document)!;
    const range = new vscode.Range(doc.positionAt(d.start), doc.positionAt(d.end));
    return {
      label: oneLine(doc.getText(range), 61),
      description: l10n.t('coded by {0} only · {1}', d.coder, d.theme),
      detail: l10n.t('{0}, line {1}', d.document, range.start.line + 1),
      doc,
      range,
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: l10n.t('Where {0} and {1} disagree', a, b),
    placeHolder: l10n.t('A passage coded by one coder only: it opens beside'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked) await vscode.window.showTextDocument(picked.doc, { selection: picked.range, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
}

export function registerCompareCoders(ctx: FeatureContext, tags: { allTags(): TagInfo[] }): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand('thaiPolicyLens.compareCoders', (arg?: unknown) =>
      compareCoders(tags, arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? (arg as CompareCodersArgs) : undefined),
    ),
  );
}
