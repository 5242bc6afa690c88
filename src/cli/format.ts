/**
 * Output formats of `thai-policy-lens analyze` (docs/cli.md): json, summary, csv and md.
 * Each formatter writes a header, each document in pieces (an annotation or a row at a time),
 * and a footer, so that no output is ever one huge string (output.ts streams them).
 */
import { LineIndex, analysisReportMarkdown, csvRow, type Annotation, type AnnotationKind, type GlossarySet, type ReferenceDate } from '../core';

export type OutputFormat = 'json' | 'summary' | 'csv' | 'md';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'summary', 'csv', 'md'];

/** One analysed document. */
export interface DocumentResult {
  /** the path as given on the command line */
  path: string;
  /** the text analysed (BOM dropped) */
  text: string;
  annotations: Annotation[];
  /** the date relative words and unwritten years were resolved against, and where it comes from */
  reference?: ReferenceDate;
}

export interface Formatter {
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

/** Counts by key, largest first (ties by key), as a plain object. */
function countsOf(keys: string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(sorted);
}

/** The summary of one document: counts per kind, per theme and per country. */
export function summaryOf(doc: DocumentResult): object {
  const counts: Record<AnnotationKind, number> = { term: 0, country: 0, date: 0 };
  const themes: string[] = [];
  const countries: string[] = [];
  for (const a of doc.annotations) {
    counts[a.kind]++;
    if (a.kind === 'term') themes.push(a.theme);
    else if (a.kind === 'country') countries.push(a.country);
  }
  return { path: doc.path, length: doc.text.length, counts, themes: countsOf(themes), countries: countsOf(countries) };
}

const summaryFormatter: Formatter = {
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
    case 'summary':
      return summaryFormatter;
    case 'csv':
      return csvFormatter;
    case 'md':
      return mdFormatter(glossaries);
  }
}
