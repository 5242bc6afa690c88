/**
 * `thai-policy-lens agreement [--coder A --coder B]... [--format table|csv] [--out FILE] DIR`:
 * how far the coders of a workspace folder agree (core `codingAgreement`: character level,
 * percentage agreement and Cohen's kappa of the first two coders, Krippendorff's alpha of all),
 * per theme and document, per theme, per document and overall. Each tag is found again in its
 * document's current text first; orphaned tags and tags without a coder are left out, with a
 * warning.
 */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { agreementCsv, codingAgreement, formatNumber, orList, plural, type AgreementRow, type CodedRange } from '../core';
import { CliError } from './common';
import { ANNOTATIONS_FILE, anchorTags, documentFile, readProjectAnnotations, type ExportIO } from './export';
import type { Inputs } from './input';
import { outputTarget, writeOutput } from './output';

export const AGREEMENT_FORMATS = ['table', 'csv'] as const;

export interface AgreementOptions {
  folder: string;
  annotations?: string;
  /** the coders compared; default every coder of the tags, by name */
  coders: readonly string[];
  format: (typeof AGREEMENT_FORMATS)[number];
  out?: string;
}

/** The agreement table for reading: aligned columns. */
function agreementTable(rows: readonly AgreementRow[], coders: readonly string[]): string {
  const cells = [[l10n.t('theme'), l10n.t('document'), l10n.t('chars'), l10n.t('both'), l10n.t('{0} only', coders[0]), l10n.t('{0} only', coders[1]), l10n.t('agree %'), l10n.t('kappa'), l10n.t('alpha')]];
  const all = l10n.t('(all)');
  for (const r of rows) cells.push([r.theme ?? all, r.document ?? all, String(r.units), String(r.both), String(r.onlyA), String(r.onlyB), (r.percent * 100).toFixed(1), r.kappa.toFixed(3), r.alpha.toFixed(3)]);
  const widths = cells[0].map((_, i) => Math.max(...cells.map((c) => [...c[i]].length)));
  return cells.map((c) => c.map((v, i) => (i < 2 ? v + ' '.repeat(widths[i] - [...v].length) : ' '.repeat(widths[i] - [...v].length) + v)).join('  ').trimEnd()).join('\n') + '\n';
}

export function agreementCommand(options: AgreementOptions, io: ExportIO, inputs: Inputs): void {
  const target = outputTarget(options.out);
  const data = readProjectAnnotations(options.annotations ?? path.join(options.folder, ANNOTATIONS_FILE), io, inputs);
  const found = [...new Set(data.tags.map((t) => t.creator).filter((c): c is string => !!c))].sort();
  const coders = options.coders.length ? [...options.coders] : found;
  if (coders.length < 2) throw new CliError(
      coders.length
        ? l10n.t('agreement needs two coders or more; the tags of {0} have only {1} (tags record their coder since the setting thaiPolicyLens.coder)', options.folder, coders[0])
        : l10n.t('agreement needs two coders or more; the tags of {0} have no coder (tags record their coder since the setting thaiPolicyLens.coder)', options.folder),
    );
  for (const c of coders) if (!found.includes(c)) throw new CliError(found.length ? l10n.t('no tag of {0} is by the coder "{1}" (coders: {2})', options.folder, c, orList(found)) : l10n.t('no tag of {0} is by the coder "{1}" (no tag has a coder)', options.folder, c));
  const noCoder = data.tags.filter((t) => !t.creator).length;
  if (noCoder) io.stderr.write(`${plural(noCoder, l10n.t('warning: 1 tag without a coder left out'), l10n.t('warning: {0} tags without a coder left out', formatNumber(noCoder)))}\n`);

  const ranges: CodedRange[] = [];
  const lengths = new Map<string, number>();
  const byDocument = new Map<string, typeof data.tags>();
  for (const tag of data.tags) if (tag.creator && coders.includes(tag.creator)) byDocument.set(tag.document, [...(byDocument.get(tag.document) ?? []), tag]);
  for (const document of [...byDocument.keys()].sort()) {
    const { file, outside } = documentFile(options.folder, document);
    if (outside) throw new CliError(l10n.t('document {0} not read: {1}', file, outside));
    const text = inputs.text(file, 'document', io);
    lengths.set(document, text.length);
    for (const { tag, source } of anchorTags(byDocument.get(document)!, text)) {
      if (source.orphaned) io.stderr.write(`${l10n.t('{0}: warning: tagged passage of {1} not found; left out', file, tag.creator ?? '')}\n`);
      else ranges.push({ coder: tag.creator!, document, theme: tag.theme, start: source.start, end: source.end });
    }
  }
  const themes = [...new Set(ranges.map((r) => r.theme))].sort();
  const rows = codingAgreement(ranges, coders, themes, lengths);
  writeOutput(target, [options.format === 'csv' ? agreementCsv(rows, coders) : agreementTable(rows, coders)], io, inputs);
}
