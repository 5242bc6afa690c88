/**
 * `find` and `report`: the corpus of a folder, analysed as `analyze` does (the same glossaries
 * and reference dates), then asked a passage query (docs/query.md) or drawn as a self-contained
 * HTML report (docs/cli.md). The report embeds the packed corpus model and the chart bundle
 * (dist/webview/corpus.js, the dashboard's own code).
 */
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  Analyzer,
  buildCorpusModel,
  Corpus,
  findPassages,
  parsePassageQuery,
  QueryError,
  renderFoundPassages,
  resolveReferenceDate,
  corpusThemes,
  type CorpusTheme,
  type FoundPassageFormat,
} from '../core';
import { corpusReportHtml, reportModel, REPORT_STRINGS } from '../features/corpusReport';
import { CliError, loadGlossaries, type WarningSink } from './common';
import { analyzedFiles, documentText } from './convert';
import { requireFolder, type Inputs } from './input';
import { outputTarget, writeOutput, type OutputSink } from './output';

export interface CorpusOptions {
  folder: string;
  glossaryFiles: readonly string[];
  include: readonly string[];
  exclude: readonly string[];
  referenceDate?: string;
}

/**
 * The documents of a folder analysed, as a corpus (texts at hand): the files `analyze` reads in a
 * folder, PDF, Word and HTML among them as converted beforehand (`converted`, by `runCliAsync`).
 */
export function loadCorpus(options: CorpusOptions, io: WarningSink, inputs: Inputs, converted: ReadonlyMap<string, string> = new Map()): { corpus: Corpus; texts: string[]; themes: CorpusTheme[] } {
  requireFolder(options.folder, l10n.t('{0}: no such folder', options.folder), l10n.t('{0}: not a folder (find and report read a folder of documents)', options.folder));
  const set = loadGlossaries(options.glossaryFiles, io, inputs);
  const analyzer = new Analyzer(set);
  const themes = corpusThemes(set);
  const files = analyzedFiles([options.folder], { include: options.include, exclude: options.exclude });
  const texts: string[] = [];
  const docs = files.map((file) => {
    const text = documentText(file, converted, inputs, io, 'document');
    texts.push(text);
    const reference = resolveReferenceDate(text, { explicit: options.referenceDate });
    return { path: path.relative(options.folder, file).split(path.sep).join('/'), text, annotations: analyzer.analyze(text, { referenceDate: reference?.date }) };
  });
  const model = buildCorpusModel(docs, themes);
  return { corpus: new Corpus(model, (d) => texts[d]), texts, themes };
}

/** `find QUERY DIR`: the matching passages on standard output. */
export function findCommand(query: string, options: CorpusOptions & { format: FoundPassageFormat }, io: OutputSink & WarningSink, inputs: Inputs, converted?: ReadonlyMap<string, string>): number {
  const { corpus, texts, themes } = loadCorpus(options, io, inputs, converted);
  let selection;
  try {
    selection = parsePassageQuery(query, themes);
  } catch (e) {
    if (e instanceof QueryError) throw new CliError(l10n.t('query:{0}', e.message));
    throw e;
  }
  const passages = findPassages(corpus, selection, (d) => texts[d]);
  writeOutput({ kind: 'stdout' }, renderFoundPassages(passages, options.format, query), io, inputs);
  return 0;
}

/** The chart bundle the report embeds: next to dist/cli.js, or dist/ of the checkout (tests run from out/). */
export function corpusScriptFile(): string {
  const candidates = [path.join(__dirname, 'webview', 'corpus.js'), path.join(__dirname, '..', '..', '..', 'dist', 'webview', 'corpus.js')];
  const found = candidates.find((f) => fs.existsSync(f));
  if (!found) throw new CliError(l10n.t('the report\'s chart script (dist/webview/corpus.js) is missing: run "npm run build"'));
  return found;
}

/** `report DIR --out FILE.html`. */
export function reportCommand(options: CorpusOptions & { out?: string; title?: string }, io: OutputSink & WarningSink, inputs: Inputs, converted?: ReadonlyMap<string, string>): number {
  if (options.out === undefined) throw new CliError(l10n.t('report needs --out FILE.html; see --help'));
  const target = outputTarget(options.out, { overwrite: true });
  const { corpus } = loadCorpus(options, io, inputs, converted);
  const packed = reportModel(corpus);
  const script = fs.readFileSync(corpusScriptFile(), 'utf8');
  const title = options.title ?? `Thai Policy Lens: ${path.basename(path.resolve(options.folder))}`;
  writeOutput(target, [corpusReportHtml({ data: packed, script, strings: REPORT_STRINGS, title })], io, inputs, { overwrite: true });
  return 0;
}
