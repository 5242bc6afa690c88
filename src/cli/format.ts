/**
 * Output formats of `thai-policy-lens analyze` (docs/cli.md): json, summary, csv and md.
 * Each formatter writes a header, each document in pieces (an annotation or a row at a time),
 * and a footer, so that no output is ever one huge string (output.ts streams them).
 */
import { LineIndex, analysisReportMarkdown, csvRow, type Annotation, type GlossarySet, type ReferenceDate, type TextCounts } from '../core';

export type OutputFormat = 'json' | 'jsonl' | 'summary' | 'csv' | 'md';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'jsonl', 'summary', 'csv', 'md'];

/** One analysed document. */
export interface DocumentResult {
  /** the path as given on the command line */
  path: string;
  /** the text analysed (BOM dropped) */
  text: string;
  annotations: Annotation[];
  /** instead of `annotations` (left empty), for a formatter that needs only counts */
  counts?: TextCounts;
  /** the date relative words and unwritten years were resolved against, and where it comes from */
  reference?: ReferenceDate;
}

export interface Formatter {
  /** true: the documents need only `counts` (`Analyzer.count`), not their annotations */
  countsOnly?: boolean;
  /** true: each document is written as soon as it is analysed (one line each) */
  streams?: boolean;
  header(): string;
  /** `index` is 0 for the first document; the text in pieces, so that no output is one huge string */
  document(doc: DocumentResult, index: number): Iterable<string>;
  footer(): string;
}

/** An annotation as a JSON object: kind, start, end, text first, then the kind's fields. */
export function annotationJson(a: Annotation): string {
  const ordered: Record<string, unknown> = { kind: a.kind, start: a.start, end: a.end, text: a.text };
  for (const [key, value] of Object.entries(a)) if (!(key in ordered) && value !== undefined) ordered[key] = value;
  return JSON.stringify(ordered);
}

const jsonFormatter: Formatter = {
  header: () => '{\n  "documents": [',
  *document(doc, index) {
    const reference = doc.reference ? `      "referenceDate": ${JSON.stringify(doc.reference)},\n` : '';
    yield `${index ? ',' : ''}\n    {\n      "path": ${JSON.stringify(doc.path)},\n      "length": ${doc.text.length},\n${reference}      "annotations": `;
    if (doc.annotations.length === 0) {
      yield '[]\n    }';
      return;
    }
    yield '[\n';
    for (let i = 0; i < doc.annotations.length; i++) yield `${i ? ',\n' : ''}        ${annotationJson(doc.annotations[i])}`;
    yield '\n      ]\n    }';
  },
  footer: () => '\n  ]\n}\n',
};

/** One document per line: the object of the json format, on one line. */
const jsonlFormatter: Formatter = {
  streams: true,
  header: () => '',
  *document(doc) {
    const reference = doc.reference ? `,"referenceDate":${JSON.stringify(doc.reference)}` : '';
    yield `{"path":${JSON.stringify(doc.path)},"length":${doc.text.length}${reference},"annotations":[`;
    for (let i = 0; i < doc.annotations.length; i++) yield `${i ? ',' : ''}${annotationJson(doc.annotations[i])}`;
    yield ']}\n';
  },
  footer: () => '',
};

/** Counts by key, largest first (ties by key), as a plain object. */
function sortedCounts(counts: Map<string, number>): Record<string, number> {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(sorted);
}

/** The counts of a document's annotations, as `Analyzer.count` gives them. */
function countsOfAnnotations(annotations: readonly Annotation[]): TextCounts {
  const counts: TextCounts = { term: 0, country: 0, date: 0, themes: new Map(), countries: new Map() };
  for (const a of annotations) {
    counts[a.kind]++;
    if (a.kind === 'term') counts.themes.set(a.theme, (counts.themes.get(a.theme) ?? 0) + 1);
    else if (a.kind === 'country') counts.countries.set(a.country, (counts.countries.get(a.country) ?? 0) + 1);
  }
  return counts;
}

/** The summary of one document: counts per kind, per theme and per country. */
export function summaryOf(doc: DocumentResult): object {
  const c = doc.counts ?? countsOfAnnotations(doc.annotations);
  return { path: doc.path, length: doc.text.length, counts: { term: c.term, country: c.country, date: c.date }, themes: sortedCounts(c.themes), countries: sortedCounts(c.countries) };
}

const summaryFormatter: Formatter = {
  countsOnly: true,
  header: () => '{\n  "documents": [',
  document: (doc, index) => [`${index ? ',' : ''}\n    ${JSON.stringify(summaryOf(doc))}`],
  footer: () => '\n  ]\n}\n',
};

export const CSV_COLUMNS = ['path', 'kind', 'start', 'end', 'line', 'text', 'theme', 'term', 'country', 'from', 'to'] as const;

const csvFormatter: Formatter = {
  header: () => `${CSV_COLUMNS.join(',')}\n`,
  *document(doc) {
    const lines = new LineIndex(doc.text);
    for (const a of doc.annotations) {
      const row = [
        doc.path,
        a.kind,
        a.start,
        a.end,
        lines.lineNumber(a.start),
        a.text,
        a.kind === 'term' ? a.theme : undefined,
        a.kind === 'term' ? a.term : undefined,
        a.kind === 'country' ? a.country : undefined,
        a.kind === 'date' ? a.from : undefined,
        a.kind === 'date' ? a.to : undefined,
      ];
      yield `${csvRow(row)}\n`;
    }
  },
  footer: () => '',
};

/** The md report: one analysis report per document (core `analysisReportMarkdown`, which the editor shows too). */
function mdFormatter(glossaries: GlossarySet | undefined): Formatter {
  return {
    header: () => '',
    document: (doc, index) => [analysisReportMarkdown(doc, glossaries, index)],
    footer: () => '',
  };
}

/** The formatter for a format; `glossaries` gives theme labels to the md report. */
export function formatterFor(format: OutputFormat, glossaries?: GlossarySet): Formatter {
  switch (format) {
    case 'json':
      return jsonFormatter;
    case 'jsonl':
      return jsonlFormatter;
    case 'summary':
      return summaryFormatter;
    case 'csv':
      return csvFormatter;
    case 'md':
      return mdFormatter(glossaries);
  }
}
