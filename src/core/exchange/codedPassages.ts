/**
 * Exports of coded passages (tagged spans of documents): CSV for spreadsheets, Markdown for
 * reading and sharing, and W3C Web Annotation JSON-LD for other annotation tools.
 *
 * Pure functions of their input (no `vscode`, no Node modules, no clock): the same passages give
 * the same bytes, so exports diff cleanly.
 */
import * as l10n from '@vscode/l10n';
import { formatNumber, plural } from '../text/locale';
import type { Annotation } from '../types';
import { csvCell } from '../text/csv';
import { LineIndex } from '../text/lines';
import { escapeProseInline, escapeProseLines, escapeQuoteLines } from '../text/markdown';
import { firstStartingAt } from '../recognize/analyze';

/** One tagged passage, as the exports see it. */
export interface CodedPassage {
  /** the document, as a path relative to the workspace folder with `/` separators (e.g. `docs/mfa.txt`) */
  document: string;
  /** the theme id */
  theme: string;
  /** ids of the themes from the top level down to `theme` (the last one is `theme`) */
  themePath: string[];
  /** the theme's label as shown in the tree */
  themeLabel: string;
  /** the passage text as tagged */
  text: string;
  /** the analyst's note */
  note?: string;
  /** 1-based line of the passage start, as the editor shows it */
  line: number;
  /** UTF-16 offsets of the passage in the document (as VS Code offsets) */
  start: number;
  end: number;
  /** true when the passage text was not found in the document any more (its position is the last known one) */
  orphaned?: boolean;
  /** ISO 3166-1 codes of the countries named in the passage */
  countries: string[];
  /** dates named in the passage: the text and its Gregorian value (YYYY, YYYY-MM or YYYY-MM-DD) */
  dates: Array<{ text: string; from?: string; to?: string }>;
  /** ISO 8601 date-times */
  created?: string;
  modified?: string;
  /** the coder who made the tag */
  creator?: string;
  /** a stable id of the passage (a UUID, or any string unique in the workspace) */
  id: string;
}

/** A tag as stored or followed in the editor: what `codedPassage` needs of it. */
export interface PassageSource {
  id: string;
  document: string;
  theme: string;
  text: string;
  note?: string;
  start: number;
  end: number;
  orphaned?: boolean;
  created?: string;
  modified?: string;
  creator?: string;
}

/** Where a theme sits: its ids from the top level down (the last is the theme) and its label. */
export interface ThemeLookup {
  path(themeId: string): string[];
  label(themeId: string): string;
}

/**
 * A tag as a coded passage: its line in the document (when the document could be read: `lines`
 * is its line index) and the countries (each code once, in order) and dates whose annotations lie
 * wholly inside it. An orphaned tag has no countries or dates: its text is no longer in the
 * document.
 */
export function codedPassage(tag: PassageSource, lines: LineIndex | undefined, annotations: readonly Annotation[], themes: ThemeLookup): CodedPassage {
  const countries: string[] = [];
  const dates: CodedPassage['dates'] = [];
  if (!tag.orphaned) {
    // annotations are sorted by start: only those that start inside the passage are looked at
    for (let i = firstStartingAt(annotations, tag.start); i < annotations.length && annotations[i].start < tag.end; i++) {
      const a = annotations[i];
      if (a.end > tag.end) continue;
      if (a.kind === 'country' && !countries.includes(a.country)) countries.push(a.country);
      else if (a.kind === 'date') {
        const date: CodedPassage['dates'][number] = { text: a.text };
        if (a.from) date.from = a.from;
        if (a.to) date.to = a.to;
        dates.push(date);
      }
    }
  }
  const path = themes.path(tag.theme);
  const passage: CodedPassage = {
    document: tag.document,
    theme: tag.theme,
    themePath: path.length ? path : [tag.theme],
    themeLabel: themes.label(tag.theme) || tag.theme,
    text: tag.text,
    line: lines === undefined ? 1 : lines.lineNumber(tag.start),
    start: tag.start,
    end: tag.end,
    countries,
    dates,
    id: tag.id,
  };
  if (tag.note !== undefined) passage.note = tag.note;
  if (tag.orphaned) passage.orphaned = true;
  if (tag.created) passage.created = tag.created;
  if (tag.modified) passage.modified = tag.modified;
  if (tag.creator) passage.creator = tag.creator;
  return passage;
}

/** The glossary as the exports need it: a theme by id and its ancestors. */
export interface ThemeSource {
  theme(id: string): { id: string; label: string; labelEn?: string } | undefined;
  ancestors(id: string): ReadonlyArray<{ id: string }>;
}

/**
 * Theme paths and labels for the exports: a glossary theme's ids from the top level down and its
 * label (`label (labelEn)`); a theme the glossary does not have (one made while tagging) is
 * looked up in `own` (the annotations file's themes), else shown by its id.
 */
export function themeLookup(glossary: ThemeSource, own: (id: string) => { label: string; labelEn?: string } | undefined): ThemeLookup {
  return {
    path: (id) => (glossary.theme(id) ? [...glossary.ancestors(id).map((t) => t.id), id] : [id]),
    label: (id) => {
      const theme = glossary.theme(id) ?? own(id);
      return theme ? (theme.labelEn ? `${theme.label} (${theme.labelEn})` : theme.label) : id;
    },
  };
}

/** One document's tags with what the exports need of the document. */
export interface TaggedDocument {
  /** the tags, each already found again in `text` (or orphaned) */
  tags: readonly PassageSource[];
  /** the document's current text; undefined when it cannot be read (its tags are then exported as stored) */
  text: string | undefined;
  /** the analysis of `text` (for the countries and dates inside each passage) */
  annotations: readonly Annotation[];
  /** theme paths and labels for this document's tags (see `themeLookup`) */
  themes: ThemeLookup;
}

/** The order of passages in every export: by document path, then start, end and id. */
export function comparePassages(a: CodedPassage, b: CodedPassage): number {
  if (a.document !== b.document) return a.document < b.document ? -1 : 1;
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The coded passages of a set of documents, in export order: the one pipeline that the editor's
 * export commands and `thai-policy-lens export` share. Each document's lines are indexed once.
 */
export function collectPassages(documents: Iterable<TaggedDocument>): CodedPassage[] {
  const passages: CodedPassage[] = [];
  for (const doc of documents) {
    const lines = doc.text === undefined ? undefined : new LineIndex(doc.text);
    const annotations = isSortedByStart(doc.annotations) ? doc.annotations : [...doc.annotations].sort((a, b) => a.start - b.start);
    for (const tag of doc.tags) passages.push(codedPassage(tag, lines, annotations, doc.themes));
  }
  return passages.sort(comparePassages);
}

function isSortedByStart(annotations: readonly Annotation[]): boolean {
  for (let i = 1; i < annotations.length; i++) if (annotations[i].start < annotations[i - 1].start) return false;
  return true;
}

/** The formats of a coded-passage export. */
export type PassageFormat = 'csv' | 'md' | 'webanno';
export const PASSAGE_FORMATS: readonly PassageFormat[] = ['csv', 'md', 'webanno'];

/**
 * An export's file content. `folderUri` is the workspace folder's URI (Web Annotation sources are
 * resolved against it); the Markdown report's title is "Coded passages".
 */
export function renderPassages(format: PassageFormat, passages: readonly CodedPassage[], folderUri: string): string {
  return [...renderPassageChunks(format, passages, folderUri)].join('');
}

/** `renderPassages` in pieces, for a writer that streams: a large export is never one string. */
export function renderPassageChunks(format: PassageFormat, passages: readonly CodedPassage[], folderUri: string): Iterable<string> {
  switch (format) {
    case 'csv':
      return csvChunks(passages);
    case 'md':
      return markdownChunks(passages, l10n.t('Coded passages'));
    case 'webanno':
      return webAnnotationChunks(passages, folderUri);
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

export const CSV_HEADER = ['document', 'theme', 'theme_label', 'text', 'note', 'line', 'start', 'end', 'countries', 'dates', 'orphaned'] as const;

export interface CsvOptions {
  /**
   * Prefix a `'` to text cells that start with `=`, `+`, `-`, `@`, a tab or a carriage return, so
   * that a spreadsheet does not run document text as a formula (CSV injection). Default true.
   */
  guardFormulas?: boolean;
}

/** A date as one cell item: its text, with its value in brackets (`from/to` for a range). */
export function formatDate(date: { text: string; from?: string; to?: string }): string {
  const value = date.from && date.to && date.to !== date.from ? `${date.from}/${date.to}` : (date.from ?? date.to);
  return value ? `${date.text} [${value}]` : date.text;
}

/**
 * CSV of passages, one row each after the header
 * `document,theme,theme_label,text,note,line,start,end,countries,dates,orphaned`.
 *
 * Decisions: records end with CRLF (RFC 4180), line breaks inside a passage are kept inside its
 * quoted field; the text starts with a UTF-8 byte order mark (U+FEFF) so that Excel reads the
 * file as UTF-8 and shows Thai, and other readers (Python's `utf-8-sig`, R, LibreOffice) skip it.
 * `countries` and `dates` hold several items separated by `; ` (a date as `text [value]`);
 * `orphaned` is `true` or `false`; `line` is 1-based; `start`/`end` are UTF-16 offsets.
 */
export function passagesToCsv(passages: readonly CodedPassage[], options: CsvOptions = {}): string {
  return [...csvChunks(passages, options)].join('');
}

function* csvChunks(passages: readonly CodedPassage[], options: CsvOptions = {}): Iterable<string> {
  const text = (value: string | undefined): string => csvCell(value ?? '', options);
  yield `\ufeff${CSV_HEADER.join(',')}\r\n`;
  for (const p of passages) {
    yield [
        text(p.document),
        text(p.theme),
        text(p.themeLabel),
        text(p.text),
        text(p.note),
        String(p.line),
        String(p.start),
        String(p.end),
        text(p.countries.join('; ')),
        text(p.dates.map(formatDate).join('; ')),
        p.orphaned ? 'true' : 'false',
      ].join(',') + '\r\n';
  }
}

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * A Markdown report of passages: a title, then one section per theme (in the order the themes
 * first appear in `passages`), in it one subsection per document (same order), and each passage
 * (by start offset) quoted, followed by its line and note. Document text, notes, labels and the
 * title are escaped where Markdown would read them as syntax (`escapeProseLine`), so they show
 * as written and cannot become links, images, HTML or headings, and are otherwise left alone;
 * line breaks inside a passage and inside a note are kept.
 */
export function passagesToMarkdown(passages: readonly CodedPassage[], title: string): string {
  return [...markdownChunks(passages, title)].join('');
}

/**
 * Lines as one text, in pieces: joined with `\n`, the line breaks at the end made one (as
 * `lines.join('\n').replace(/\n+$/, '') + '\n'`).
 */
function* joinedLines(lines: Iterable<string>): Iterable<string> {
  let held = ''; // line breaks not written yet: they may be the trailing ones
  let first = true;
  for (const line of lines) {
    const piece = (first ? '' : '\n') + line;
    first = false;
    const body = piece.replace(/\n+$/, '');
    if (body === '') {
      held += piece;
      continue;
    }
    yield held + body;
    held = piece.slice(body.length);
  }
  yield '\n';
}

/** `1 passage`, `3 passages` */
function passagesCount(n: number): string {
  return plural(n, l10n.t('1 passage'), l10n.t('{0} passages', formatNumber(n)));
}

function markdownChunks(passages: readonly CodedPassage[], title: string): Iterable<string> {
  return joinedLines(markdownLines(passages, title));
}

function* markdownLines(passages: readonly CodedPassage[], title: string): Iterable<string> {
  const out: string[] = [`# ${escapeProseInline(title)}`, ''];
  const total = passages.length;
  const documents = new Set(passages.map((p) => p.document)).size;
  out.push(l10n.t('{0} in {1}.', passagesCount(total), plural(documents, l10n.t('1 document'), l10n.t('{0} documents', formatNumber(documents)))), '');
  const byTheme = new Map<string, CodedPassage[]>();
  for (const p of passages) {
    const list = byTheme.get(p.theme);
    if (list) list.push(p);
    else byTheme.set(p.theme, [p]);
  }
  for (const [themeId, list] of byTheme) {
    const first = list[0];
    out.push(`## ${escapeProseInline(first.themeLabel || themeId)}`, '');
    const path = first.themePath.length ? first.themePath : [themeId];
    out.push(l10n.t('Theme `{0}`: {1}.', path.join(' / ').replace(/`/g, "'"), passagesCount(list.length)), '');
    const byDocument = new Map<string, CodedPassage[]>();
    for (const p of list) {
      const docList = byDocument.get(p.document);
      if (docList) docList.push(p);
      else byDocument.set(p.document, [p]);
    }
    for (const [document, docPassages] of byDocument) {
      out.push(`### ${escapeProseInline(document)}`, '');
      const sorted = [...docPassages].sort((a, b) => a.start - b.start || a.end - b.end);
      for (const p of sorted) {
        out.push(...escapeQuoteLines(p.text));
        const where = p.orphaned ? l10n.t('Line {0} (not found in the document any more)', p.line) : l10n.t('Line {0}', p.line);
        out.push('', p.note?.trim() ? l10n.t('{0}. Note: {1}', where, escapeProseLines(p.note)) : l10n.t('{0}.', where), '');
      }
      yield* out.splice(0);
    }
  }
  yield* out;
}

// ---------------------------------------------------------------------------------------------
// W3C Web Annotation

export interface WebAnnotationBody {
  type: 'TextualBody' | 'SpecificResource';
  purpose: 'tagging' | 'classifying' | 'commenting';
  value?: string;
  format?: string;
  source?: string;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: string | string[];
  body: WebAnnotationBody[];
  target: {
    source: string;
    selector: Array<{ type: 'TextQuoteSelector'; exact: string } | { type: 'TextPositionSelector'; start: number; end: number }>;
  };
  /** the coder (W3C `creator`, a Person) */
  creator?: { type: 'Person'; name: string };
  created?: string;
  modified?: string;
}

export interface WebAnnotationCollection {
  /** the Web Annotation context, and the workspace folder as the base of every relative IRI */
  '@context': ['http://www.w3.org/ns/anno.jsonld', { '@base': string }];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first?: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** `baseUri` with a trailing slash, so relative paths resolve inside it. */
function folderUri(baseUri: string): string {
  return baseUri.endsWith('/') ? baseUri : baseUri + '/';
}

/** A document path (relative to the workspace folder) as an IRI relative to the folder. */
function documentIri(document: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(document)) return document; // already a URI
  return document.replace(/\\/g, '/').replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
}

/**
 * A W3C Web Annotation collection (JSON-LD, `http://www.w3.org/ns/anno.jsonld`) of passages,
 * with every annotation in its first (only) page. `baseUri` is the workspace folder's URI, named
 * once, as the context's `@base`: every other IRI is relative to it (documents by their path in
 * the folder), so the export does not depend on where the folder is.
 *
 * Each passage is one Annotation:
 * - `id`: `urn:uuid:<id>` when the passage id is a UUID, else `#annotation-<id>`;
 * - `motivation`: `tagging`, or `["tagging", "commenting"]` when there is a note;
 * - `body`: a TextualBody with `purpose: "tagging"` whose value is the theme label (what tools
 *   show as the tag); a SpecificResource with `purpose: "classifying"` whose `source` is
 *   `#theme-<themeId>` (the theme id, for machines); and, with a note, a TextualBody
 *   with `purpose: "commenting"`;
 * - `target`: the document (its path, relative) with a TextQuoteSelector (`exact` = the passage text) and a
 *   TextPositionSelector (`start`/`end`: UTF-16 offsets, the same as code points for Thai and
 *   any text without characters outside the Basic Multilingual Plane); an orphaned passage has
 *   only the quote, because its position is no longer known;
 * - `creator` (a Person with the coder's name) and `created`/`modified` when known.
 */
export function passagesToWebAnnotations(passages: readonly CodedPassage[], baseUri: string, label = 'Thai Policy Lens coded passages'): WebAnnotationCollection {
  const base = folderUri(baseUri);
  const collection = webAnnotationCollection(passages.length, base, label);
  if (collection.first) collection.first.items = passages.map((p) => webAnnotation(p));
  return collection;
}

/** The collection without its annotations (`first.items` empty when there are any). */
function webAnnotationCollection(total: number, base: string, label: string): WebAnnotationCollection {
  const collection: WebAnnotationCollection = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { '@base': base }],
    id: '#annotations',
    type: 'AnnotationCollection',
    label,
    total,
  };
  if (total) collection.first = { id: '#annotations-page-1', type: 'AnnotationPage', startIndex: 0, items: [] };
  return collection;
}

/** One passage as a Web Annotation (see `passagesToWebAnnotations`). */
function webAnnotation(p: CodedPassage): WebAnnotation {
  const body: WebAnnotationBody[] = [
    { type: 'TextualBody', purpose: 'tagging', value: p.themeLabel || p.theme, format: 'text/plain' },
    { type: 'SpecificResource', purpose: 'classifying', source: `#theme-${encodeURIComponent(p.theme)}` },
  ];
  const note = p.note?.trim();
  if (note) body.push({ type: 'TextualBody', purpose: 'commenting', value: p.note!, format: 'text/plain' });
  const selector: WebAnnotation['target']['selector'] = [{ type: 'TextQuoteSelector', exact: p.text }];
  if (!p.orphaned) selector.push({ type: 'TextPositionSelector', start: p.start, end: p.end });
  const annotation: WebAnnotation = {
    id: UUID.test(p.id) ? `urn:uuid:${p.id.toLowerCase()}` : `#annotation-${encodeURIComponent(p.id)}`,
    type: 'Annotation',
    motivation: note ? ['tagging', 'commenting'] : 'tagging',
    body,
    target: { source: documentIri(p.document), selector },
  };
  if (p.creator) annotation.creator = { type: 'Person', name: p.creator };
  if (p.created) annotation.created = p.created;
  if (p.modified) annotation.modified = p.modified;
  return annotation;
}

/**
 * `JSON.stringify(passagesToWebAnnotations(...), null, 2) + '\n'` in pieces: the collection,
 * then each annotation stringified on its own and indented to its place in `first.items`.
 */
function* webAnnotationChunks(passages: readonly CodedPassage[], baseUri: string, label = 'Thai Policy Lens coded passages'): Iterable<string> {
  const base = folderUri(baseUri);
  const shell = JSON.stringify(webAnnotationCollection(passages.length, base, label), null, 2) + '\n';
  if (passages.length === 0) {
    yield shell;
    return;
  }
  const at = shell.lastIndexOf('[]'); // the empty `items` of `first`, the last member of the last member
  yield shell.slice(0, at) + '[\n';
  for (let i = 0; i < passages.length; i++) {
    yield `${i ? ',\n' : ''}      ${JSON.stringify(webAnnotation(passages[i]), null, 2).replace(/\n/g, '\n      ')}`;
  }
  yield '\n    ]' + shell.slice(at + 2);
}
