/** One document of `analyze`: its reference date, then its annotations or only their counts. */
import { resolveReferenceDate, type Analyzer } from '../core';
import type { DocumentResult, Formatter } from './format';

/**
 * The result of one document for `formatter`: annotations, or counts when the formatter needs
 * only those (then no annotation is kept). The reference date is `--reference-date`, else the
 * document's own date (the rule the editor uses too).
 */
export function analyzeDocument(analyzer: Analyzer, formatter: Formatter, path: string, text: string, explicitDate: string | undefined): DocumentResult {
  const reference = resolveReferenceDate(text, { explicit: explicitDate });
  if (formatter.countsOnly) return { path, text, annotations: [], counts: analyzer.count(text, { referenceDate: reference?.date }), reference };
  return { path, text, annotations: analyzer.analyze(text, { referenceDate: reference?.date }), reference };
}
