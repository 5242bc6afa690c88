/**
 * Exports of coded passages (tagged spans of documents): CSV for spreadsheets, Markdown for
 * reading and sharing, and W3C Web Annotation JSON-LD for other annotation tools.
 *
 * Pure functions of their input (no `vscode`, no Node modules, no clock): the same passages give
 * the same bytes, so exports diff cleanly.
 */
import type { Annotation } from '../types';

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
}

/** Where a theme sits: its ids from the top level down (the last is the theme) and its label. */
export interface ThemeLookup {
  path(themeId: string): string[];
  label(themeId: string): string;
}

/** 1-based line of `offset` in `text` (`\n`, `\r\n` and `\r` end lines, as in the editor). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}

/**
 * A tag as a coded passage: its line in `documentText` (when the document could be read) and the
 * countries (each code once, in order) and dates whose annotations lie wholly inside it. An
 * orphaned tag has no countries or dates: its text is no longer in the document.
 */
export function codedPassage(tag: PassageSource, documentText: string | undefined, annotations: readonly Annotation[], themes: ThemeLookup): CodedPassage {
  const countries: string[] = [];
  const dates: CodedPassage['dates'] = [];
  if (!tag.orphaned) {
    for (const a of annotations) {
      if (a.start < tag.start || a.end > tag.end) continue;
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
    line: documentText === undefined ? 1 : lineAt(documentText, tag.start),
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
  return passage;
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

/** One CSV field, quoted as RFC 4180 asks when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
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
  const guard = options.guardFormulas ?? true;
  const text = (value: string | undefined): string => {
    const v = value ?? '';
    return csvField(guard && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  };
  const rows = [CSV_HEADER.join(',')];
  for (const p of passages) {
    rows.push(
      [
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
      ].join(','),
    );
  }
  return '\ufeff' + rows.join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** ASCII punctuation that Markdown (CommonMark + GFM) can give a meaning to inside a line. */
const MARKDOWN_INLINE = /[\\`*_{}[\]()#+\-.!|<>~&:@=$]/g;

/** Escapes untrusted text for use inside a Markdown line: every significant character backslash-escaped. */
export function escapeMarkdownText(text: string): string {
  return text.replace(MARKDOWN_INLINE, '\\$&');
}

/** Untrusted text on one line: white space runs (line breaks too) made one space, then escaped. */
function inline(text: string): string {
  return escapeMarkdownText(text.replace(/\s+/g, ' ').trim());
}

/** Untrusted text as the lines of a block quote: each line trimmed and escaped, line breaks kept. */
function quoteLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  return lines.map((line) => {
    const t = line.trim();
    return t ? `> ${escapeMarkdownText(t)}` : '>';
  });
}

/**
 * A Markdown report of passages: a title, then one section per theme (in the order the themes
 * first appear in `passages`), in it one subsection per document (same order), and each passage
 * (by start offset) quoted, followed by its line and note. Document text, notes, labels and the
 * title are escaped so they show as written and cannot become links, images, HTML or headings;
 * line breaks inside a passage are kept as quoted lines.
 */
export function passagesToMarkdown(passages: readonly CodedPassage[], title: string): string {
  const out: string[] = [`# ${inline(title)}`, ''];
  const total = passages.length;
  const documents = new Set(passages.map((p) => p.document)).size;
  out.push(`${total} ${total === 1 ? 'passage' : 'passages'} in ${documents} ${documents === 1 ? 'document' : 'documents'}.`, '');
  const byTheme = new Map<string, CodedPassage[]>();
  for (const p of passages) {
    const list = byTheme.get(p.theme);
    if (list) list.push(p);
    else byTheme.set(p.theme, [p]);
  }
  for (const [themeId, list] of byTheme) {
    const first = list[0];
    out.push(`## ${inline(first.themeLabel || themeId)}`, '');
    const path = first.themePath.length ? first.themePath : [themeId];
    out.push(`Theme \`${path.join(' / ').replace(/`/g, "'")}\`: ${list.length} ${list.length === 1 ? 'passage' : 'passages'}.`, '');
    const byDocument = new Map<string, CodedPassage[]>();
    for (const p of list) {
      const docList = byDocument.get(p.document);
      if (docList) docList.push(p);
      else byDocument.set(p.document, [p]);
    }
    for (const [document, docPassages] of byDocument) {
      out.push(`### ${inline(document)}`, '');
      const sorted = [...docPassages].sort((a, b) => a.start - b.start || a.end - b.end);
      for (const p of sorted) {
        out.push(...quoteLines(p.text));
        const where = `Line ${p.line}${p.orphaned ? ' (not found in the document any more)' : ''}`;
        out.push('', p.note?.trim() ? `${where}. Note: ${inline(p.note)}` : `${where}.`, '');
      }
    }
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
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
  created?: string;
  modified?: string;
}

export interface WebAnnotationCollection {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
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

/** A document path (relative to the workspace folder) as an absolute URI. */
function documentUri(base: string, document: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(document)) return document; // already a URI
  const encoded = document.replace(/\\/g, '/').replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
  return new URL(encoded, base).href;
}

/**
 * A W3C Web Annotation collection (JSON-LD, `http://www.w3.org/ns/anno.jsonld`) of passages,
 * with every annotation in its first (only) page. `baseUri` is the workspace folder's URI: the
 * documents (`target.source`) are resolved against it.
 *
 * Each passage is one Annotation:
 * - `id`: `urn:uuid:<id>` when the passage id is a UUID, else `<baseUri>#annotation-<id>`;
 * - `motivation`: `tagging`, or `["tagging", "commenting"]` when there is a note;
 * - `body`: a TextualBody with `purpose: "tagging"` whose value is the theme label (what tools
 *   show as the tag); a SpecificResource with `purpose: "classifying"` whose `source` is
 *   `<baseUri>#theme-<themeId>` (the theme id, for machines); and, with a note, a TextualBody
 *   with `purpose: "commenting"`;
 * - `target`: the document with a TextQuoteSelector (`exact` = the passage text) and a
 *   TextPositionSelector (`start`/`end`: UTF-16 offsets, the same as code points for Thai and
 *   any text without characters outside the Basic Multilingual Plane); an orphaned passage has
 *   only the quote, because its position is no longer known;
 * - `created`/`modified` when known.
 */
export function passagesToWebAnnotations(passages: readonly CodedPassage[], baseUri: string, label = 'Thai Policy Lens coded passages'): WebAnnotationCollection {
  const base = folderUri(baseUri);
  const items = passages.map((p): WebAnnotation => {
    const body: WebAnnotationBody[] = [
      { type: 'TextualBody', purpose: 'tagging', value: p.themeLabel || p.theme, format: 'text/plain' },
      { type: 'SpecificResource', purpose: 'classifying', source: `${base}#theme-${encodeURIComponent(p.theme)}` },
    ];
    const note = p.note?.trim();
    if (note) body.push({ type: 'TextualBody', purpose: 'commenting', value: p.note!, format: 'text/plain' });
    const selector: WebAnnotation['target']['selector'] = [{ type: 'TextQuoteSelector', exact: p.text }];
    if (!p.orphaned) selector.push({ type: 'TextPositionSelector', start: p.start, end: p.end });
    const annotation: WebAnnotation = {
      id: UUID.test(p.id) ? `urn:uuid:${p.id.toLowerCase()}` : `${base}#annotation-${encodeURIComponent(p.id)}`,
      type: 'Annotation',
      motivation: note ? ['tagging', 'commenting'] : 'tagging',
      body,
      target: { source: documentUri(base, p.document), selector },
    };
    if (p.created) annotation.created = p.created;
    if (p.modified) annotation.modified = p.modified;
    return annotation;
  });
  const collection: WebAnnotationCollection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${base}#annotations`,
    type: 'AnnotationCollection',
    label,
    total: items.length,
  };
  if (items.length) collection.first = { id: `${base}#annotations-page-1`, type: 'AnnotationPage', startIndex: 0, items };
  return collection;
}
