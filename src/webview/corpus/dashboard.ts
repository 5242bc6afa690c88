/**
 * The corpus dashboard's page: one home for the charts of the editor's webview and of the HTML
 * report. It draws a `CorpusView` (core/corpus) with Observable Plot and keeps the selection:
 * a click on any mark narrows every chart and the KWIC list; the query box takes the passage
 * query language. Where the view comes from is the backend's business (the extension host, or
 * the report's embedded model).
 */
import * as Plot from '@observablehq/plot';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import world from 'world-atlas/countries-50m.json';
import { countryByCode, COUNTRIES, csvRow, parsePassageQuery, sortKwic, type CorpusSelection, type CorpusTheme, type CorpusView, type KwicRow, type KwicSort, type Period } from '../../core';
import type { CorpusStrings } from '../../features/corpusStrings';
import { DASHBOARD_DOCUMENT_LIMIT, type CorpusMeta, type DrawnSummary } from '../../features/corpusMessages';
import { CORPUS_CSS } from './style';

export interface Backend {
  view(selection: CorpusSelection, options: { period: Period; kwicSort: KwicSort; documentLimit: number }): Promise<CorpusView>;
  /** open a KWIC row's passage (the editor only) */
  open?(row: KwicRow): void;
  /** save an export; the report downloads it itself */
  save?(name: string, content: string): void;
  /** save a binary export (base64); the report downloads it itself */
  saveBinary?(name: string, base64: string): void;
  /** what was drawn, after each update (the editor's tests read it) */
  drawn?(summary: DrawnSummary): void;
  /** false in the report: it keeps no paragraph text, free text finds nothing */
  searchesText?: boolean;
}

/** documents in the heat map (the first by date); `DASHBOARD_DOCUMENT_LIMIT` */
const MAX_DOC_ROWS = DASHBOARD_DOCUMENT_LIMIT;
const MAX_MATRIX = 20;
const MAX_BARS = 20;
const MAX_TIMELINE_THEMES = 8;
const MAX_TABLE_ROWS = 500;

const fill = (template: string, ...args: Array<string | number>): string => template.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** Makes each element of a mark focusable and clickable, marked with its key. */
function clickable(keyOf: (i: number) => string, onClick: (i: number) => void): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next!(index, scales, values, dimensions, context);
    if (!g) return g;
    const kids = g.querySelectorAll(':scope > *');
    index.forEach((i, j) => {
      const node = kids[j];
      if (!node) return;
      node.setAttribute('data-key', keyOf(i));
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'button');
      node.addEventListener('click', () => onClick(i));
      node.addEventListener('keydown', (e) => {
        const key = (e as KeyboardEvent).key;
        if (key === 'Enter' || key === ' ') {
          e.preventDefault();
          onClick(i);
        }
      });
    });
    return g;
  };
}

interface ChartTable {
  columns: string[];
  rows: Array<Array<string | number>>;
}

/** A chart's table as CSV (the core's cells: RFC 4180, the spreadsheet-formula guard). */
function csvOf(table: ChartTable): string {
  return [table.columns, ...table.rows].map((r) => csvRow(r)).join('\r\n') + '\r\n';
}

function tableElement(table: ChartTable): HTMLTableElement {
  const t = el('table');
  t.append(el('thead', {}, el('tr', {}, ...table.columns.map((c) => el('th', { scope: 'col' }, c)))));
  const body = el('tbody');
  for (const row of table.rows.slice(0, MAX_TABLE_ROWS)) body.append(el('tr', {}, ...row.map((v) => el('td', typeof v === 'number' ? { class: 'tpl-num' } : {}, String(v)))));
  t.append(body);
  return t;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** pixels per CSS pixel in a PNG export */
const PNG_SCALE = 2;

/**
 * Writes into `to` (a copy of `from`) the colours `from` takes from the page: `currentColor` and
 * the editor theme's CSS variables mean nothing in a file.
 */
function resolveColours(from: Element, to: Element): void {
  const computed = getComputedStyle(from);
  for (const prop of ['fill', 'stroke', 'color']) {
    const value = to.getAttribute(prop);
    if (value && (value.includes('var(') || value === 'currentColor')) to.setAttribute(prop, computed.getPropertyValue(prop));
  }
  // the marks' outlines come from the page's style sheet (style.ts), which the file does not carry
  if (from.hasAttribute('data-key')) for (const prop of ['stroke', 'stroke-opacity', 'stroke-width']) to.setAttribute(prop, computed.getPropertyValue(prop));
  for (let i = 0; i < from.children.length && i < to.children.length; i++) resolveColours(from.children[i], to.children[i]);
}

/**
 * A chart as one standalone SVG: its drawings (a legend, the map and the bars) stacked, on the
 * page's background, in the page's colours and font.
 */
function chartSvg(section: HTMLElement): { svg: SVGSVGElement; width: number; height: number } | undefined {
  const parts = [...section.querySelectorAll<SVGSVGElement>('svg')].filter((s) => !s.parentElement?.closest('svg') && !s.closest('[class*="swatch"]'));
  if (!parts.length) return undefined;
  const page = getComputedStyle(document.body);
  const out = document.createElementNS(SVG_NS, 'svg');
  const background = document.createElementNS(SVG_NS, 'rect');
  out.append(background);
  const gap = 8;
  let y = 0;
  let width = 0;
  for (const part of parts) {
    const box = part.getBoundingClientRect();
    const w = Math.ceil(box.width) || Number(part.getAttribute('width')) || 0;
    const h = Math.ceil(box.height) || Number(part.getAttribute('height')) || 0;
    const copy = part.cloneNode(true) as SVGSVGElement;
    resolveColours(part, copy);
    copy.setAttribute('x', '0');
    copy.setAttribute('y', String(y));
    copy.setAttribute('width', String(w));
    copy.setAttribute('height', String(h));
    out.append(copy);
    y += h + gap;
    width = Math.max(width, w);
  }
  const height = Math.max(1, y - gap);
  width = Math.max(1, width);
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.setAttribute('style', `color: ${page.color}; font-family: ${page.fontFamily}`);
  for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: page.backgroundColor })) background.setAttribute(k, v);
  return { svg: out, width, height };
}

/** The SVG drawn into a canvas: the PNG's bytes, in base64. */
async function pngOf(chart: { svg: SVGSVGElement; width: number; height: number }): Promise<string> {
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(chart.svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(chart.width * PNG_SCALE);
    canvas.height = Math.round(chart.height * PNG_SCALE);
    const context = canvas.getContext('2d')!;
    context.scale(PNG_SCALE, PNG_SCALE);
    context.drawImage(image, 0, 0, chart.width, chart.height);
    const data = canvas.toDataURL('image/png');
    return data.slice(data.indexOf(',') + 1);
  } finally {
    URL.revokeObjectURL(url);
  }
}

let worldFeatures: Array<{ id: string; name: string; feature: unknown }> | undefined;
function countryShapes(): Array<{ id: string; name: string; feature: unknown }> {
  if (!worldFeatures) {
    const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const fc = feature(topology, topology.objects.countries);
    worldFeatures = fc.features.map((f) => ({ id: String(f.id), name: f.properties?.name ?? '', feature: f }));
  }
  return worldFeatures;
}

let byNumeric: Map<string, string> | undefined;
/** ISO numeric → alpha-2 (the atlas names countries by numeric code). */
function codeOfNumeric(numeric: string): string | undefined {
  byNumeric ??= new Map(COUNTRIES.filter((c) => c.numeric).map((c) => [String(Number(c.numeric)).padStart(3, '0'), c.code]));
  return byNumeric.get(numeric.padStart(3, '0'));
}

export class Dashboard {
  private selection: CorpusSelection = {};
  private period: Period = 'year';
  private kwicSort: KwicSort = 'document';
  private readonly asTable = new Set<string>();
  private view: CorpusView | undefined;
  private themeIndex: Map<string, CorpusTheme>;
  private readonly status = el('span', { role: 'status' });
  private readonly error = el('span', { class: 'tpl-error', role: 'alert' });
  private readonly chips = el('div', { class: 'tpl-chips' });
  private readonly input: HTMLInputElement;
  private readonly folderSelect = el('select', { id: 'tpl-folder' });
  private readonly fromInput = el('input', { type: 'month', id: 'tpl-from' });
  private readonly toInput = el('input', { type: 'month', id: 'tpl-to' });
  private readonly themeSelect = el('select', { id: 'tpl-theme' });
  private readonly sections = new Map<string, HTMLElement>();
  private readonly tables = new Map<string, ChartTable>();
  private seq = 0;

  constructor(
    private readonly root: HTMLElement,
    private meta: CorpusMeta,
    private readonly strings: CorpusStrings,
    private readonly backend: Backend,
  ) {
    this.themeIndex = new Map(meta.themes.map((t) => [t.id, t]));
    const style = document.createElement('style');
    style.textContent = CORPUS_CSS;
    document.head.append(style);
    this.input = el('input', { type: 'search', placeholder: strings.query, title: strings.queryHelp, 'aria-label': strings.queryHelp, id: 'tpl-query' });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.runQuery(this.input.value);
    });
    const clear = el('button', { id: 'tpl-clear' }, strings.clear);
    clear.addEventListener('click', () => {
      this.input.value = '';
      this.error.textContent = '';
      this.select({});
    });
    root.append(el('div', { class: 'tpl-bar' }, this.input, clear, this.status, this.error));
    // filters: native controls (keyboard and screen readers as the platform gives them), each setting its part of the selection
    this.fillFilters();
    const setPart = (key: 'folder' | 'from' | 'to' | 'themes', value: CorpusSelection[typeof key] | undefined): void => {
      const next: CorpusSelection = { ...this.selection };
      if (value === undefined) delete next[key];
      else (next as Record<string, unknown>)[key] = value;
      this.select(next);
    };
    this.folderSelect.addEventListener('change', () => setPart('folder', this.folderSelect.value || undefined));
    this.fromInput.addEventListener('change', () => setPart('from', this.fromInput.value || undefined));
    this.toInput.addEventListener('change', () => setPart('to', this.toInput.value || undefined));
    this.themeSelect.addEventListener('change', () => setPart('themes', this.themeSelect.value ? [[this.themeSelect.value]] : undefined));
    const labelled = (text: string, control: HTMLElement) => el('label', {}, text, ' ', control);
    root.append(
      el(
        'div',
        { class: 'tpl-bar tpl-filters', role: 'group', 'aria-label': strings.filters },
        labelled(strings.folder, this.folderSelect),
        labelled(strings.dateFrom, this.fromInput),
        labelled(strings.dateTo, this.toInput),
        labelled(strings.theme, this.themeSelect),
      ),
      this.chips,
    );
    const grid = el('div', { class: 'tpl-grid' });
    root.append(grid);
    for (const [id, title, wide] of [
      ['density', strings.density, true],
      ['timeline', strings.timeline, false],
      ['countries', strings.countries, false],
      ['themeCountry', strings.themeCountry, false],
      ['themeTheme', strings.themeTheme, false],
      ['kwic', strings.kwic, true],
    ] as const) {
      const section = el('section', { class: `tpl-chart${wide ? ' tpl-wide' : ''}`, 'data-chart': id, 'aria-label': title });
      this.sections.set(id, section);
      grid.append(section);
    }
  }

  /** The filters' choices: every folder that holds a document, every theme. */
  private fillFilters(): void {
    const folders = new Set<string>();
    for (const d of this.meta.documents) {
      const parts = d.path.replace(/\\/g, '/').split('/').slice(0, -1);
      for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    }
    this.folderSelect.replaceChildren(el('option', { value: '' }, this.strings.allFolders), ...[...folders].sort().map((f) => el('option', { value: f }, f)));
    this.themeSelect.replaceChildren(el('option', { value: '' }, this.strings.allThemes), ...this.meta.themes.map((t) => el('option', { value: t.id }, t.label)));
    this.syncFilters();
  }

  /** The filters show the selection, however it was made (a query, a click, a filter). */
  private syncFilters(): void {
    const { folder, from, to, themes } = this.selection;
    if (folder && ![...this.folderSelect.options].some((o) => o.value === folder)) this.folderSelect.append(el('option', { value: folder }, folder));
    this.folderSelect.value = folder ?? '';
    const month = (date: string | undefined, end: boolean) => (!date ? '' : /^\d{4}$/.test(date) ? `${date}-${end ? '12' : '01'}` : date.slice(0, 7));
    this.fromInput.value = month(from, false);
    this.toInput.value = month(to, true);
    this.themeSelect.value = themes?.length === 1 && themes[0].length === 1 && this.themeIndex.has(themes[0][0]) ? themes[0][0] : '';
  }

  /** New data (the workspace changed): the same selection drawn again. */
  refresh(meta: CorpusMeta): void {
    this.meta = meta;
    this.themeIndex = new Map(meta.themes.map((t) => [t.id, t]));
    this.fillFilters();
    void this.update();
  }

  /** Runs a passage query (the query box, or Find Passages in the editor). */
  runQuery(query: string): void {
    try {
      const selection = parsePassageQuery(query, this.meta.themes);
      if (selection.texts?.length && this.backend.searchesText === false) {
        this.error.textContent = this.strings.reportNoText ?? '';
        return;
      }
      this.error.textContent = '';
      this.input.value = query;
      this.select(selection);
    } catch (e) {
      this.error.textContent = (e as Error).message;
    }
  }

  select(selection: CorpusSelection): void {
    this.selection = selection;
    this.syncFilters();
    void this.update();
  }

  /** Adds to the selection what a click chose, or takes it away when it is already chosen. */
  private toggle(part: CorpusSelection): void {
    const same = JSON.stringify(part) === JSON.stringify(Object.fromEntries(Object.keys(part).map((k) => [k, (this.selection as Record<string, unknown>)[k]])));
    const next: CorpusSelection = { ...this.selection };
    for (const k of Object.keys(part) as Array<keyof CorpusSelection>) {
      if (same) delete next[k];
      else (next as Record<string, unknown>)[k] = part[k];
    }
    this.select(next);
  }

  themeLabel(id: string): string {
    return this.themeIndex.get(id)?.label ?? id;
  }

  countryLabel(code: string): string {
    return countryByCode(code)?.nameTh ?? code;
  }

  async update(): Promise<void> {
    const seq = ++this.seq;
    const view = await this.backend.view(this.selection, { period: this.period, kwicSort: this.kwicSort, documentLimit: MAX_DOC_ROWS });
    if (seq !== this.seq) return;
    this.view = view;
    this.draw();
  }

  private draw(): void {
    const view = this.view!;
    const s = this.strings;
    this.status.textContent = fill(s.matched, view.paragraphs, view.documents);
    this.chips.replaceChildren(...this.chipTexts().map((t) => el('span', {}, t)));
    const marks: Record<string, number> = {};
    const charts: Array<[string, () => { node: Node; table: ChartTable; help?: string; extra?: Node[] }]> = [
      ['density', () => this.density(view)],
      ['timeline', () => this.timeline(view)],
      ['countries', () => this.countries(view)],
      ['themeCountry', () => this.themeCountry(view)],
      ['themeTheme', () => this.themeTheme(view)],
    ];
    for (const [id, make] of charts) {
      const section = this.sections.get(id)!;
      const { node, table, help, extra } = make();
      this.tables.set(id, table);
      const title = section.getAttribute('aria-label')!;
      const toggle = el('button', { 'data-action': 'table', 'aria-pressed': String(this.asTable.has(id)) }, this.asTable.has(id) ? s.showChart : s.showTable);
      toggle.addEventListener('click', () => {
        if (this.asTable.has(id)) this.asTable.delete(id);
        else this.asTable.add(id);
        this.draw();
      });
      const csv = el('button', { 'data-action': 'csv' }, s.downloadCsv);
      csv.addEventListener('click', () => this.download(`${id}.csv`, csvOf(table), 'text/csv'));
      const actions = el('span', { class: 'tpl-actions' }, toggle, csv);
      if (!this.asTable.has(id)) {
        const svgButton = el('button', { 'data-action': 'svg' }, s.downloadSvg);
        svgButton.addEventListener('click', () => {
          const chart = chartSvg(section);
          if (chart) this.download(`${id}.svg`, new XMLSerializer().serializeToString(chart.svg), 'image/svg+xml');
        });
        const pngButton = el('button', { 'data-action': 'png' }, s.downloadPng);
        pngButton.addEventListener('click', () => void this.downloadPng(id, section));
        actions.append(svgButton, pngButton);
      }
      const header = el('h2', {}, title, actions);
      if (id === 'timeline') {
        const periodButton = el('button', { 'data-action': 'period' }, this.period === 'year' ? s.month : s.year);
        periodButton.addEventListener('click', () => {
          this.period = this.period === 'year' ? 'month' : 'year';
          void this.update();
        });
        actions.prepend(periodButton);
      }
      section.replaceChildren(header, ...(help ? [el('p', { class: 'tpl-help' }, help)] : []), this.asTable.has(id) ? tableElement(table) : node, ...(extra ?? []));
      marks[id] = this.asTable.has(id) ? 0 : section.querySelectorAll('svg [data-key]').length;
    }
    if (this.sections.get('countries')!.dataset.mapMarks !== undefined) marks.map = Number(this.sections.get('countries')!.dataset.mapMarks);
    this.drawKwic(view);
    this.backend.drawn?.({
      marks,
      kwic: view.kwic.rows.map((r) => [r.left, r.match, r.right]),
      paragraphs: view.paragraphs,
      selection: this.selection,
    });
  }

  private chipTexts(): string[] {
    const sel = this.selection;
    const out: string[] = [];
    for (const g of sel.themes ?? []) out.push(`${this.strings.theme}: ${g.map((t) => this.themeLabel(t)).join(' | ')}`);
    for (const g of sel.countries ?? []) out.push(`${this.strings.country}: ${g.map((c) => this.countryLabel(c)).join(' | ')}`);
    if (sel.from || sel.to) out.push(`${this.strings.period}: ${sel.from ?? ''}..${sel.to ?? ''}`);
    for (const d of sel.documents ?? []) out.push(`${this.strings.document}: ${this.meta.documents[d]?.path}`);
    if (sel.folder) out.push(`folder: ${sel.folder}`);
    for (const t of sel.texts ?? []) out.push(`"${t}"`);
    return out;
  }

  private download(name: string, content: string, type: string): void {
    if (this.backend.save) return this.backend.save(name, content);
    const a = el('a', { href: URL.createObjectURL(new Blob([content], { type })), download: name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private async downloadPng(id: string, section: HTMLElement): Promise<void> {
    const chart = chartSvg(section);
    if (!chart) return;
    const base64 = await pngOf(chart);
    if (this.backend.saveBinary) return this.backend.saveBinary(`${id}.png`, base64);
    const a = el('a', { href: `data:image/png;base64,${base64}`, download: `${id}.png` });
    a.click();
  }

  private docLabel(doc: number): string {
    const d = this.meta.documents[doc];
    const path = d.path.length > 40 ? '…' + d.path.slice(-39) : d.path;
    return `${d.date ?? '—'} ${path}`;
  }

  private themeColors(ids: readonly string[]): { domain: string[]; range: string[] } | undefined {
    const colors = ids.map((id) => this.themeIndex.get(id)?.color);
    if (colors.some((c) => !c)) return undefined;
    return { domain: ids.map((id) => this.themeLabel(id)), range: colors as string[] };
  }

  private density(view: CorpusView) {
    const s = this.strings;
    const docs = view.documentOrder.slice(0, MAX_DOC_ROWS);
    const shown = new Set(docs);
    const cells = view.density.filter((d) => shown.has(d.doc));
    const themes = [...new Set(view.density.map((d) => d.theme))];
    const node = cells.length
      ? Plot.plot({
          marginLeft: 230,
          marginBottom: 90,
          width: Math.max(480, 230 + themes.length * 28),
          height: 40 + docs.length * 18 + 90,
          x: { label: null, tickRotate: -40, domain: themes.map((t) => this.themeLabel(t)) },
          y: { label: null, domain: docs.map((d) => this.docLabel(d)) },
          color: { type: 'sqrt', scheme: 'blues', legend: true, label: s.perThousand },
          marks: [
            Plot.cell(cells, {
              x: (d) => this.themeLabel(d.theme),
              y: (d) => this.docLabel(d.doc),
              fill: 'per1000',
              title: (d) => `${this.meta.documents[d.doc].path}\n${this.themeLabel(d.theme)}: ${d.count} (${d.per1000} / 1,000)`,
              inset: 0.5,
              render: clickable((i) => `${cells[i].doc}:${cells[i].theme}`, (i) => this.toggle({ documents: [cells[i].doc], themes: [[cells[i].theme]] })),
            }),
          ],
        })
      : el('p', {}, s.nothing);
    const help = `${s.densityHelp}${view.documentOrder.length > docs.length ? ` (${fill(s.rowsShown, docs.length, view.documentOrder.length)})` : ''}`;
    return {
      node,
      help,
      table: { columns: [s.document, s.theme, s.mentions, s.perThousand], rows: view.density.map((d) => [this.meta.documents[d.doc].path, this.themeLabel(d.theme), d.count, d.per1000]) },
    };
  }

  private timeline(view: CorpusView) {
    const s = this.strings;
    const totals = new Map<string, number>();
    for (const t of view.timeline) totals.set(t.theme, (totals.get(t.theme) ?? 0) + t.count);
    const chosen = this.selection.themes?.flat().filter((t) => totals.has(t));
    const themes = chosen?.length ? chosen : [...totals].sort((a, b) => b[1] - a[1]).slice(0, MAX_TIMELINE_THEMES).map(([t]) => t);
    const keep = new Set(themes);
    const points = view.timeline.filter((t) => keep.has(t.theme));
    const when = (p: string) => new Date(Date.UTC(Number(p.slice(0, 4)), p.length > 4 ? Number(p.slice(5, 7)) - 1 : 0, 1));
    const colors = this.themeColors(themes);
    const node = points.length
      ? Plot.plot({
          width: 520,
          height: 300,
          marginLeft: 40,
          x: { type: 'utc', label: null },
          y: { grid: true, label: s.mentions },
          color: { legend: true, ...(colors ?? { scheme: 'observable10' }) },
          marks: [
            Plot.ruleY([0]),
            Plot.line(points, { x: (d) => when(d.period), y: 'count', z: (d) => d.theme, stroke: (d) => this.themeLabel(d.theme), marker: false }),
            Plot.dot(points, {
              x: (d) => when(d.period),
              y: 'count',
              fill: (d) => this.themeLabel(d.theme),
              r: 4,
              title: (d) => `${d.period} ${this.themeLabel(d.theme)}: ${d.count}`,
              render: clickable((i) => `${points[i].period}:${points[i].theme}`, (i) => this.toggle({ from: points[i].period, to: points[i].period, themes: [[points[i].theme]] })),
            }),
          ],
        })
      : el('p', {}, s.nothing);
    return {
      node,
      help: view.undated ? fill(s.undated, view.undated) : undefined,
      table: { columns: [s.period, s.theme, s.mentions], rows: view.timeline.map((t) => [t.period, this.themeLabel(t.theme), t.count]) },
    };
  }

  private countries(view: CorpusView) {
    const s = this.strings;
    const counts = new Map(view.countries.map((c) => [c.country, c.count]));
    const shapes = countryShapes();
    const onMap = new Set<string>();
    const shaded = shapes.map((f) => {
      const code = codeOfNumeric(f.id);
      if (code && counts.has(code)) onMap.add(code);
      return { ...f, code, count: code ? (counts.get(code) ?? 0) : 0 };
    });
    const mentioned = shaded.filter((f) => f.count > 0);
    const container = el('div');
    const map = Plot.plot({
      width: 520,
      height: 280,
      projection: { type: 'equal-earth' },
      color: { type: 'sqrt', scheme: 'blues', legend: true, label: s.mentions },
      marks: [
        Plot.geo(
          shaded.map((f) => f.feature),
          { fill: '#8882', stroke: 'currentColor', strokeOpacity: 0.15, strokeWidth: 0.3 },
        ),
        Plot.geo(mentioned.map((f) => f.feature), {
          fill: (_f, i) => mentioned[i!].count,
          stroke: 'currentColor',
          strokeWidth: 0.3,
          title: (_f, i) => `${this.countryLabel(mentioned[i!].code!)}: ${mentioned[i!].count}`,
          render: clickable((i) => mentioned[i].code!, (i) => this.toggle({ countries: [[mentioned[i].code!]] })),
        }),
      ],
    });
    const bars = view.countries.slice(0, MAX_BARS);
    const chart = bars.length
      ? Plot.plot({
          width: 520,
          height: 30 + bars.length * 20,
          marginLeft: 130,
          x: { grid: true, label: s.mentions },
          y: { label: null, domain: bars.map((b) => this.countryLabel(b.country)) },
          marks: [
            Plot.barX(bars, {
              x: 'count',
              y: (d) => this.countryLabel(d.country),
              fill: 'var(--vscode-charts-blue, #4269d0)',
              title: (d) => `${this.countryLabel(d.country)} (${d.country}): ${d.count}`,
              render: clickable((i) => bars[i].country, (i) => this.toggle({ countries: [[bars[i].country]] })),
            }),
          ],
        })
      : el('p', {}, s.nothing);
    container.append(map, chart);
    const unmapped = view.countries.filter((c) => !onMap.has(c.country));
    const extra = unmapped.length
      ? [el('p', { class: 'tpl-unmapped' }, fill(s.unmapped, unmapped.map((c) => `${this.countryLabel(c.country)}${countryByCode(c.country)?.historical ? ' †' : ''} (${c.count})`).join(', ')))]
      : [];
    return { node: container, extra, table: { columns: [s.country, 'ISO', s.mentions], rows: view.countries.map((c) => [this.countryLabel(c.country), c.country, c.count]) } };
  }

  private matrix<T>(cells: T[], xOf: (c: T) => string, yOf: (c: T) => string, value: (c: T) => number, key: (c: T) => string, onClick: (c: T) => void, xs: string[], ys: string[]) {
    return Plot.plot({
      marginLeft: 150,
      marginBottom: 90,
      width: Math.max(360, 150 + xs.length * 30),
      height: 90 + ys.length * 22 + 30,
      x: { label: null, tickRotate: -40, domain: xs },
      y: { label: null, domain: ys },
      color: { type: 'sqrt', scheme: 'purples', legend: true, label: this.strings.paragraphs },
      marks: [
        Plot.cell(cells, { x: xOf, y: yOf, fill: value, inset: 0.5, title: (c: T) => `${yOf(c)} × ${xOf(c)}: ${value(c)}`, render: clickable((i) => key(cells[i]), (i) => onClick(cells[i])) }),
        // the count on its cell, dark or light: a halo of the page's background keeps it readable
        Plot.text(cells, { x: xOf, y: yOf, text: value, fill: 'currentColor', stroke: 'var(--vscode-editor-background, Canvas)', strokeWidth: 3, paintOrder: 'stroke', fontSize: 10 }),
      ],
    });
  }

  private themeCountry(view: CorpusView) {
    const s = this.strings;
    const topThemes = top(view.themeCountry.map((c) => [c.theme, c.paragraphs]));
    const topCountries = top(view.themeCountry.map((c) => [c.country, c.paragraphs]));
    const cells = view.themeCountry.filter((c) => topThemes.includes(c.theme) && topCountries.includes(c.country));
    const node = cells.length
      ? this.matrix(
          cells,
          (c) => this.countryLabel(c.country),
          (c) => this.themeLabel(c.theme),
          (c) => c.paragraphs,
          (c) => `${c.theme}:${c.country}`,
          (c) => this.toggle({ themes: [[c.theme]], countries: [[c.country]] }),
          topCountries.map((c) => this.countryLabel(c)),
          topThemes.map((t) => this.themeLabel(t)),
        )
      : el('p', {}, s.nothing);
    return { node, table: { columns: [s.theme, s.country, s.paragraphs], rows: view.themeCountry.map((c) => [this.themeLabel(c.theme), this.countryLabel(c.country), c.paragraphs]) } };
  }

  private themeTheme(view: CorpusView) {
    const s = this.strings;
    const topA = top(view.themeTheme.flatMap((c) => [[c.a, c.paragraphs] as [string, number], [c.b, c.paragraphs] as [string, number]]));
    const cells = view.themeTheme.filter((c) => topA.includes(c.a) && topA.includes(c.b));
    const labels = topA.map((t) => this.themeLabel(t));
    const node = cells.length
      ? this.matrix(
          cells,
          (c) => this.themeLabel(c.b),
          (c) => this.themeLabel(c.a),
          (c) => c.paragraphs,
          (c) => `${c.a}:${c.b}`,
          (c) => this.toggle({ themes: [[c.a], [c.b]] }),
          labels,
          labels,
        )
      : el('p', {}, s.nothing);
    return { node, table: { columns: [s.theme, s.theme, s.paragraphs], rows: view.themeTheme.map((c) => [this.themeLabel(c.a), this.themeLabel(c.b), c.paragraphs]) } };
  }

  private drawKwic(view: CorpusView): void {
    const s = this.strings;
    const section = this.sections.get('kwic')!;
    const rows = sortKwic(view.kwic.rows, this.kwicSort);
    const sortButton = (label: string, by: KwicSort) => {
      const b = el('button', { 'data-sort': by, 'aria-sort': this.kwicSort === by ? 'ascending' : 'none' }, label + (this.kwicSort === by ? ' ▲' : ''));
      b.addEventListener('click', () => {
        this.kwicSort = by;
        this.drawKwic(view);
      });
      return b;
    };
    const table = el('table', { class: 'tpl-kwic' });
    table.append(
      el(
        'thead',
        {},
        el('tr', {}, el('th', { scope: 'col' }, sortButton(s.left, 'left')), el('th', { scope: 'col' }, sortButton(s.match, 'match')), el('th', { scope: 'col' }, sortButton(s.right, 'right')), el('th', { scope: 'col' }, sortButton(s.document, 'document'))),
      ),
    );
    const body = el('tbody');
    for (const r of rows) {
      const tr = el('tr', {}, el('td', { class: 'tpl-left' }, r.left), el('td', { class: 'tpl-match' }, r.match), el('td', { class: 'tpl-right' }, r.right), el('td', {}, r.path));
      if (this.backend.open) {
        tr.setAttribute('data-open', '');
        tr.setAttribute('tabindex', '0');
        tr.addEventListener('click', () => this.backend.open!(r));
        tr.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') this.backend.open!(r);
        });
      }
      body.append(tr);
    }
    table.append(body);
    const csv = el('button', { 'data-action': 'csv' }, s.downloadCsv);
    csv.addEventListener('click', () => this.download('kwic.csv', csvOf({ columns: [s.document, 'start', 'end', s.left, s.match, s.right], rows: rows.map((r) => [r.path, r.start, r.end, r.left, r.match, r.right]) }), 'text/csv'));
    section.replaceChildren(el('h2', {}, s.kwic, el('span', { class: 'tpl-actions' }, csv)), el('p', { class: 'tpl-help' }, fill(s.rowsShown, rows.length, view.kwic.total)), rows.length ? table : el('p', {}, s.nothing));
  }
}

/** The keys with the largest totals, at most MAX_MATRIX, largest first. */
function top(pairs: Array<[string, number]>): string[] {
  const totals = new Map<string, number>();
  for (const [k, n] of pairs) totals.set(k, (totals.get(k) ?? 0) + n);
  return [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_MATRIX)
    .map(([k]) => k);
}
