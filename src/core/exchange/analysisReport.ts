/**
 * The analysis of a document as a readable Markdown report: counts, then the themes (each with
 * its terms, how often and on which lines), the countries (as written, on which lines) and the
 * dates (their Gregorian values). `thai-policy-lens analyze --format md` prints it for each file,
 * and the editor's Analyze Active Document opens it. Document and glossary text is escaped.
 */
import * as l10n from '@vscode/l10n';
import { formatNumber, plural } from '../text/locale';
import { escapeTableCell } from '../text/markdown';
import { LineIndex } from '../text/lines';
import { countryByCode } from '../recognize/countries';
import type { GlossarySet } from '../glossary/glossary';
import type { Annotation } from '../types';

/** One analysed document. */
export interface AnalysedDocument {
  /** how the report names it (a path) */
  path: string;
  /** the text analysed */
  text: string;
  annotations: readonly Annotation[];
}

/** Lists line numbers compactly: at most `max` of them, then "…". */
function lineList(lines: number[], max = 12): string {
  const unique = [...new Set(lines)];
  return unique.slice(0, max).join(', ') + (unique.length > max ? ', …' : '');
}

function total(termLines: Map<string, number[]>): number {
  let n = 0;
  for (const ls of termLines.values()) n += ls.length;
  return n;
}

/**
 * The report of one document; `glossaries` gives theme labels (else theme ids are shown); `index`
 * is its place in a batch (after the first, a rule separates the reports).
 */
export function analysisReportMarkdown(doc: AnalysedDocument, glossaries?: Pick<GlossarySet, 'theme' | 'ancestors'>, index = 0): string {
  const themeTitle = (id: string): string => {
    const theme = glossaries?.theme(id);
    if (!theme) return escapeTableCell(id);
    const path = [...(glossaries?.ancestors(id) ?? []), theme].map((t) => escapeTableCell(t.label)).join(' › ');
    return `${path}${theme.labelEn ? ` (${escapeTableCell(theme.labelEn)})` : ''} \`${id}\``;
  };
  const lines = new LineIndex(doc.text);
  const terms = doc.annotations.filter((a) => a.kind === 'term');
  const countries = doc.annotations.filter((a) => a.kind === 'country');
  const dates = doc.annotations.filter((a) => a.kind === 'date');
  const out: string[] = [];
  if (index) out.push('---', '');
  out.push(`# ${escapeTableCell(doc.path)}`, '');
  out.push(
    l10n.t(
      '{0}: {1}, {2}, {3}.',
      plural(doc.text.length, l10n.t('1 character'), l10n.t('{0} characters', formatNumber(doc.text.length))),
      plural(terms.length, l10n.t('1 term'), l10n.t('{0} terms', formatNumber(terms.length))),
      plural(countries.length, l10n.t('1 country'), l10n.t('{0} countries', formatNumber(countries.length))),
      plural(dates.length, l10n.t('1 date'), l10n.t('{0} dates', formatNumber(dates.length))),
    ),
    '',
  );

  out.push(`## ${l10n.t('Themes')}`, '');
  if (!terms.length) out.push(l10n.t('No glossary terms found.'), '');
  const byTheme = new Map<string, Map<string, number[]>>();
  for (const a of terms) {
    const termLines = byTheme.get(a.theme) ?? new Map<string, number[]>();
    byTheme.set(a.theme, termLines);
    const list = termLines.get(a.term) ?? [];
    termLines.set(a.term, list);
    list.push(lines.lineNumber(a.start));
  }
  const themeOrder = [...byTheme].sort((x, y) => total(y[1]) - total(x[1]) || (x[0] < y[0] ? -1 : 1));
  for (const [id, termLines] of themeOrder) {
    out.push(`### ${themeTitle(id)}: ${total(termLines)}`, '', `| ${l10n.t('Term')} | ${l10n.t('Count')} | ${l10n.t('Lines')} |`, '| --- | ---: | --- |');
    for (const [term, ls] of [...termLines].sort((x, y) => y[1].length - x[1].length)) out.push(`| ${escapeTableCell(term)} | ${ls.length} | ${lineList(ls)} |`);
    out.push('');
  }

  out.push(`## ${l10n.t('Countries')}`, '');
  if (!countries.length) out.push(l10n.t('No countries found.'), '');
  else {
    const byCode = new Map<string, { written: Set<string>; lines: number[] }>();
    for (const a of countries) {
      const entry = byCode.get(a.country) ?? { written: new Set<string>(), lines: [] };
      byCode.set(a.country, entry);
      entry.written.add(a.text);
      entry.lines.push(lines.lineNumber(a.start));
    }
    out.push(`| ${l10n.t('Country')} | ${l10n.t('Code')} | ${l10n.t('Count')} | ${l10n.t('As written')} | ${l10n.t('Lines')} |`, '| --- | --- | ---: | --- | --- |');
    for (const [code, entry] of [...byCode].sort((x, y) => y[1].lines.length - x[1].lines.length || (x[0] < y[0] ? -1 : 1))) {
      const c = countryByCode(code);
      const name = c ? `${c.nameTh} (${c.nameEn})` : code;
      out.push(`| ${escapeTableCell(name)} | ${code} | ${entry.lines.length} | ${[...entry.written].map(escapeTableCell).join(', ')} | ${lineList(entry.lines)} |`);
    }
    out.push('');
  }

  out.push(`## ${l10n.t('Dates')}`, '');
  if (!dates.length) out.push(l10n.t('No dates found.'), '');
  else {
    out.push(`| ${l10n.t('Line')} | ${l10n.t('As written')} | ${l10n.t('From')} | ${l10n.t('To')} | ${l10n.t('Calendar')} |`, '| ---: | --- | --- | --- | --- |');
    for (const d of dates) {
      const written = escapeTableCell(d.text);
      const cell = d.relative && !d.from ? l10n.t('{0} (relative: {1})', written, escapeTableCell(d.relative)) : d.inferred ? l10n.t('{0} (year inferred)', written) : written;
      out.push(`| ${lines.lineNumber(d.start)} | ${cell} | ${d.from ?? ''} | ${d.to ?? ''} | ${d.calendar} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
