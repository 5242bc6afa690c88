/**
 * The corpus view at scale (`npm run bench`, or `-- --corpus-view` alone): a generated corpus
 * (corpusGenerate.ts, 14,000 documents, about 45M characters by default) analysed with the
 * built-in glossary, then the figures the dashboard and the report depend on:
 * - building the corpus model from the analyses, and its free-text filter (once per index change);
 * - the dashboard's data: every chart and the KWIC rows with no selection (opening it), and
 *   after a click (a country, a theme, a year, a theme x country cell, free text), median of runs;
 * - the HTML report's size (the packed model with its stored contexts, the chart script).
 * Targets: a click under 200 ms, the report under 5 MB. Prints figures; never fails on time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCorpusModel, Corpus, corpusThemes, resolveReferenceDate, type CorpusInput, type CorpusSelection } from '../core';
import { corpusReportHtml, reportModel, REPORT_STRINGS } from '../features/corpusReport';
import { DASHBOARD_DOCUMENT_LIMIT } from '../features/corpusMessages';
import { builtinGlossaryFiles, glossaryForms } from './benchCli';
import { generateCorpus } from './corpusGenerate';
import { loadProductFromFiles } from './measureProduct';
import { median } from './measureStats';
import { formatTable } from './measureTable';

const TARGET_CLICK_MS = 200;
const TARGET_REPORT_BYTES = 5_000_000;

export interface CorpusViewBenchOptions {
  documents: number;
  runs: number;
  seed: number;
}

const ms = (x: number): string => x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0);

export function runCorpusViewBench(options: CorpusViewBenchOptions, print: (s: string) => void): void {
  const root = path.join(__dirname, '..');
  const builtin = builtinGlossaryFiles(root);
  const product = loadProductFromFiles(builtin);
  const forms = glossaryForms(builtin);
  let started = performance.now();
  const inputs: CorpusInput[] = [];
  const texts: string[] = [];
  let chars = 0;
  for (const doc of generateCorpus(options.documents, forms, options.seed)) {
    const reference = resolveReferenceDate(doc.text);
    inputs.push({ path: doc.path, text: doc.text, annotations: product.analyzer.analyze(doc.text, { referenceDate: reference?.date }) });
    texts.push(doc.text);
    chars += doc.text.length;
  }
  const analyzeMs = performance.now() - started;
  print(`\nThe corpus view: ${options.documents.toLocaleString('en-US')} generated documents, ${(chars / 1e6).toFixed(1)}M characters, the built-in glossary (generated and analysed in ${(analyzeMs / 1000).toFixed(1)} s)`);
  started = performance.now();
  const model = buildCorpusModel(inputs, corpusThemes(product.glossaries));
  const corpus = new Corpus(model, (d) => texts[d]);
  const buildMs = performance.now() - started;
  started = performance.now();
  corpus.indexTexts();
  const indexMs = performance.now() - started;
  const overall = corpus.view();
  const topTheme = overall.timeline.reduce((best, t) => (t.count > (best?.count ?? 0) ? t : best), overall.timeline[0]).theme;
  const topCountry = overall.countries[0]?.country ?? 'TH';
  const scanning = new Corpus(model, (d) => texts[d], false);
  const clicks: Array<[string, CorpusSelection, Corpus?]> = [
    ['open: no selection', {}],
    [`click a country (${topCountry})`, { countries: [[topCountry]] }],
    [`click a theme (${topTheme})`, { themes: [[topTheme]] }],
    ['click a year (2023)', { from: '2023', to: '2023' }],
    [`click a theme x country cell`, { themes: [[topTheme]], countries: [[topCountry]] }],
    ['query with free text', { countries: [[topCountry]], texts: ['ความร่วมมือ'] }],
    ['  the same, reading every paragraph (no filter)', { countries: [[topCountry]], texts: ['ความร่วมมือ'] }, scanning],
    ['query with free text alone', { texts: ['ความร่วมมือ'] }],
    ['  the same, reading every paragraph (no filter)', { texts: ['ความร่วมมือ'] }, scanning],
  ];
  const rows: Array<Array<string | number>> = [['dashboard data (every chart + KWIC)', 'wall ms (runs)', 'median', 'CPU ms median', 'paragraphs matched', 'KWIC total']];
  let worstClick = 0;
  for (const [name, selection, which = corpus] of clicks) {
    const times: number[] = [];
    const cpu: number[] = [];
    let last = overall;
    for (let i = 0; i < options.runs; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      last = which.view(selection, { documentLimit: DASHBOARD_DOCUMENT_LIMIT });
      const c1 = process.cpuUsage(c0);
      times.push(performance.now() - t0);
      cpu.push((c1.user + c1.system) / 1000);
    }
    if (name.startsWith('click')) worstClick = Math.max(worstClick, median(times));
    rows.push([name, times.map(ms).join(', '), ms(median(times)), ms(median(cpu)), last.paragraphs, last.kwic.total]);
  }
  started = performance.now();
  const packed = reportModel(corpus);
  const scriptFile = path.join(root, 'dist', 'webview', 'corpus.js');
  const script = fs.existsSync(scriptFile) ? fs.readFileSync(scriptFile, 'utf8') : '';
  const html = corpusReportHtml({ data: packed, script, strings: REPORT_STRINGS, title: 'bench' });
  const reportMs = performance.now() - started;
  const dataBytes = Buffer.byteLength(JSON.stringify(packed));
  const scriptBytes = Buffer.byteLength(script);
  const reportBytes = Buffer.byteLength(html);
  print(formatTable(rows));
  print(
    formatTable([
      ['figure', 'value'],
      ['model: paragraphs', (model.paragraphs.length / 3).toLocaleString('en-US')],
      ['model: theme and country mentions', (model.hits.length / 4).toLocaleString('en-US')],
      ['model built from the analyses, ms', ms(buildMs)],
      ['free-text filter (paragraph signatures) built, ms', ms(indexMs)],
      ['report: embedded data, bytes', dataBytes.toLocaleString('en-US')],
      [`report: chart script (${path.relative(root, scriptFile)}), bytes`, scriptBytes.toLocaleString('en-US')],
      ['report: whole file, bytes', reportBytes.toLocaleString('en-US')],
      ['report: made in, ms', ms(reportMs)],
    ]),
  );
  print(`  target: a click (every chart and the KWIC list) < ${TARGET_CLICK_MS} ms: worst median ${ms(worstClick)} ms -> ${worstClick < TARGET_CLICK_MS ? 'met' : 'NOT met'}`);
  print(`  target: the report < ${(TARGET_REPORT_BYTES / 1e6).toFixed(0)} MB: ${(reportBytes / 1e6).toFixed(2)} MB -> ${reportBytes < TARGET_REPORT_BYTES ? 'met' : 'NOT met'}${script ? '' : ' (no chart script built: run npm run build)'}`);
}
