/**
 * The entry of the chart bundle (dist/webview/corpus.js): in the editor's webview it talks to
 * the extension (messages); in the HTML report it answers from the embedded model.
 */
import { Corpus, unpackCorpusModel, type CorpusView, type PackedCorpusModel } from '../../core';
import type { CorpusStrings } from '../../features/corpusStrings';
import type { DrawnSummary, FromWebview, ToWebview } from '../../features/corpusMessages';
import { checkContrast } from './contrast';
import { Dashboard, type Backend } from './dashboard';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

function inReport(root: HTMLElement): void {
  const data = JSON.parse(document.getElementById('tpl-corpus-data')!.textContent!) as PackedCorpusModel;
  const strings = JSON.parse(document.getElementById('tpl-corpus-strings')!.textContent!) as CorpusStrings;
  const corpus = new Corpus(unpackCorpusModel(data));
  const backend: Backend = {
    searchesText: false,
    view: async (selection, options) => corpus.view(selection, options),
    drawn: (summary) => {
      (window as unknown as { tplDrawn: DrawnSummary }).tplDrawn = summary;
      document.body.dataset.drawn = String(Number(document.body.dataset.drawn ?? 0) + 1);
    },
  };
  const dashboard = new Dashboard(root, { themes: data.themes, countries: data.countries, documents: data.documents }, strings, backend);
  void dashboard.update();
}

function inWebview(root: HTMLElement): void {
  const vscode = acquireVsCodeApi();
  const post = (m: FromWebview) => vscode.postMessage(m);
  const pending = new Map<number, (view: CorpusView) => void>();
  let next = 0;
  let dashboard: Dashboard | undefined;
  const backend: Backend = {
    view: (selection, options) =>
      new Promise((resolve) => {
        const id = ++next;
        pending.set(id, resolve);
        post({ type: 'view', id, selection, period: options.period, kwicSort: options.kwicSort, documentLimit: options.documentLimit });
      }),
    open: (row) => post({ type: 'open', row }),
    save: (name, content) => post({ type: 'save', name, content }),
    saveBinary: (name, base64) => post({ type: 'saveBinary', name, base64 }),
    drawn: (summary) => post({ type: 'drawn', summary }),
  };
  window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    const m = event.data;
    if (m.type === 'init' && dashboard) {
      dashboard.refresh(m.meta);
      if (m.query) dashboard.runQuery(m.query);
    } else if (m.type === 'init') {
      dashboard = new Dashboard(root, m.meta, m.strings, backend);
      if (m.query) dashboard.runQuery(m.query);
      else void dashboard.update();
    } else if (m.type === 'view') {
      pending.get(m.id)?.(m.view);
      pending.delete(m.id);
    } else if (m.type === 'query') dashboard?.runQuery(m.query);
    else if (m.type === 'checkContrast') post({ type: 'contrast', report: checkContrast(root) });
    else if (m.type === 'clickAction') root.querySelector<HTMLElement>(`section[data-chart="${m.chart}"] button[data-action="${m.action}"]`)?.click();
    else if (m.type === 'clickKwicRow') root.querySelectorAll<HTMLElement>('table.tpl-kwic tr[data-open]')[m.index]?.click();
  });
  post({ type: 'ready' });
}

const root = document.getElementById('tpl-corpus');
if (root) {
  if (typeof acquireVsCodeApi === 'function') inWebview(root);
  else inReport(root);
}
