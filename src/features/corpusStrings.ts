/**
 * The words of the corpus dashboard and the HTML report. The webview and the report get them
 * as data: the editor passes them through `l10n.t` (extension/features/corpusDashboard.ts), the
 * command line's report uses these English ones. `{0}`, `{1}` are filled in by the page.
 */
export interface CorpusStrings {
  title: string;
  density: string;
  densityHelp: string;
  timeline: string;
  countries: string;
  unmapped: string;
  themeCountry: string;
  themeTheme: string;
  kwic: string;
  showTable: string;
  showChart: string;
  downloadCsv: string;
  downloadSvg: string;
  downloadPng: string;
  /** the HTML report only (English): what it keeps, `{0}` per theme or country, `{1}` in all, `{2}` characters */
  reportLimits?: string;
  /** the HTML report only: a query with free text */
  reportNoText?: string;
  clear: string;
  query: string;
  queryHelp: string;
  matched: string;
  rowsShown: string;
  left: string;
  match: string;
  right: string;
  document: string;
  year: string;
  month: string;
  mentions: string;
  paragraphs: string;
  perThousand: string;
  theme: string;
  country: string;
  period: string;
  nothing: string;
  undated: string;
  folder: string;
  allFolders: string;
  dateFrom: string;
  dateTo: string;
  allThemes: string;
  filters: string;
}

export const ENGLISH_CORPUS_STRINGS: CorpusStrings = {
  title: 'Corpus Dashboard',
  density: 'Documents × themes',
  densityHelp: 'Mentions per 1,000 characters; documents by date',
  timeline: 'Themes over time',
  countries: 'Countries',
  unmapped: 'Not on the map: {0}',
  themeCountry: 'Themes × countries (same paragraph)',
  themeTheme: 'Themes × themes (same paragraph)',
  kwic: 'Keyword in context',
  showTable: 'Table',
  showChart: 'Chart',
  downloadCsv: 'CSV',
  downloadSvg: 'SVG',
  downloadPng: 'PNG',
  reportLimits:
    'This report keeps at most {0} keyword-in-context rows for each theme and each country ({1} in all), {2} characters each side, and not the text of the paragraphs: free text in a query ("...") finds nothing here. Open Corpus Dashboard in the editor, or thai-policy-lens find, searches every paragraph.',
  reportNoText: 'Free text ("...") is not searched in this report: it keeps no paragraph text (thai-policy-lens find searches it).',
  clear: 'Clear selection',
  query: 'Find passages, e.g. theme:ID country:MM date:2564..2566 "text"',
  queryHelp: 'Query language: theme:, country:, date:FROM..TO (CE or BE), folder:, "free text"',
  matched: '{0} paragraphs in {1} documents',
  rowsShown: 'Showing {0} of {1}',
  left: 'Left context',
  match: 'Match',
  right: 'Right context',
  document: 'Document',
  year: 'Year',
  month: 'Month',
  mentions: 'Mentions',
  paragraphs: 'Paragraphs',
  perThousand: 'Per 1,000 characters',
  theme: 'Theme',
  country: 'Country',
  period: 'Period',
  nothing: 'Nothing matches.',
  undated: '{0} mentions in undated documents',
  folder: 'Folder',
  allFolders: 'All folders',
  dateFrom: 'From',
  dateTo: 'To',
  allThemes: 'All themes',
  filters: 'Filters',
};
