/**
 * The messages between the extension (extension/features/corpusDashboard.ts) and the corpus
 * dashboard's webview (webview/corpus/main.ts), and what the page reports it drew. Pure types.
 */
import type { CorpusDocument, CorpusSelection, CorpusTheme, CorpusView, KwicRow, KwicSort, Period } from '../core';
import type { CorpusStrings } from './corpusStrings';

/** Documents in the dashboard's heat map (the first by date): the view computes their cells only. */
export const DASHBOARD_DOCUMENT_LIMIT = 60;

/** What the page needs of the model: names, dates, colours. */
export interface CorpusMeta {
  themes: CorpusTheme[];
  countries: string[];
  documents: CorpusDocument[];
}

/** The marks drawn in each chart (elements a click selects), and the KWIC rows shown. */
export interface DrawnSummary {
  marks: Record<string, number>;
  kwic: Array<[string, string, string]>;
  paragraphs: number;
  selection: CorpusSelection;
}

/** The page's check of its colours (webview/corpus/contrast.ts). */
export interface ContrastReport {
  /** the body's theme class: vscode-light, vscode-dark, vscode-high-contrast, vscode-high-contrast-light */
  kind: string;
  /** texts checked, and those below 3:1 against what is behind them */
  texts: number;
  lowContrast: string[];
  /** clickable marks, and those whose fill and outline are both below 1.5:1 against the page */
  marks: number;
  hiddenMarks: number;
  /** the focus outline's colour against the page */
  focusContrast: number;
}

export type ToWebview =
  | { type: 'init'; meta: CorpusMeta; strings: CorpusStrings; query?: string }
  | { type: 'view'; id: number; view: CorpusView }
  | { type: 'query'; query: string }
  /** the tests: click the KWIC list's row `index` (its own click handler runs) */
  | { type: 'clickKwicRow'; index: number }
  /** the tests: click a chart's button (`data-action`: csv, svg, png, table) */
  | { type: 'clickAction'; chart: string; action: string }
  /** the tests: check the page's colours (answered with `contrast`) */
  | { type: 'checkContrast' };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'view'; id: number; selection: CorpusSelection; period: Period; kwicSort: KwicSort; documentLimit: number }
  | { type: 'open'; row: KwicRow }
  | { type: 'save'; name: string; content: string }
  /** a binary export (a chart as PNG), its bytes in base64 */
  | { type: 'saveBinary'; name: string; base64: string }
  | { type: 'drawn'; summary: DrawnSummary }
  | { type: 'contrast'; report: ContrastReport };
