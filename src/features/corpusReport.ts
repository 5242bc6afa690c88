/**
 * The corpus report: one self-contained HTML file (no network: a Content Security Policy that
 * allows nothing from outside; the data, the strings and the chart script embedded). Pure: the
 * caller gives the chart bundle's text (dist/webview/corpus.js).
 */
import { packCorpusModel, type Corpus, type PackedCorpusModel } from '../core';
import { ENGLISH_CORPUS_STRINGS, type CorpusStrings } from './corpusStrings';

export const REPORT_STRINGS = ENGLISH_CORPUS_STRINGS;

/** The KWIC contexts the report keeps (it has no texts): per theme or country, in all, characters each side. */
export const REPORT_CONTEXTS = { perKey: 40, max: 4000, width: 30 } as const;

/** The report's data: the corpus packed, with the contexts of REPORT_CONTEXTS. */
export function reportModel(corpus: Corpus): PackedCorpusModel {
  return packCorpusModel(corpus.withContexts(REPORT_CONTEXTS));
}

const fill = (template: string, ...args: Array<string | number>): string => template.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));

/** JSON safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function corpusReportHtml(options: { data: PackedCorpusModel; script: string; strings: CorpusStrings; title: string }): string {
  const script = options.script.replace(/<\/(script)/gi, '<\\/$1');
  return `<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data: blob:">
<title>${escapeHtml(options.title)}</title>
</head>
<body class="tpl-report">
<h1>${escapeHtml(options.title)}</h1>
${options.strings.reportLimits ? `<p class="tpl-report-note">${escapeHtml(fill(options.strings.reportLimits, REPORT_CONTEXTS.perKey, REPORT_CONTEXTS.max.toLocaleString('en'), REPORT_CONTEXTS.width))}</p>\n` : ''}<div id="tpl-corpus"></div>
<script type="application/json" id="tpl-corpus-data">${scriptJson(options.data)}</script>
<script type="application/json" id="tpl-corpus-strings">${scriptJson(options.strings)}</script>
<script>${script}</script>
</body>
</html>
`;
}
