/**
 * The passages (paragraphs) a passage query finds, and their outputs: `thai-policy-lens find
 * --format json|csv|md` and the editor's Find Passages. Pure.
 */
import { csvRow } from '../text/csv';
import { LineIndex } from '../text/lines';
import { escapeBlock, escapeTableCell } from '../text/markdown';
import { HIT_FIELDS, PARAGRAPH_FIELDS, type Corpus, type CorpusSelection } from './corpus';

export interface FoundPassage {
  doc: number;
  path: string;
  date?: string;
  start: number;
  end: number;
  /** 1-based line of the start */
  line: number;
  text: string;
  /** the themes and countries mentioned in it, each once, in the model's order */
  themes: string[];
  countries: string[];
}

export type FoundPassageFormat = 'json' | 'csv' | 'md';
export const FOUND_PASSAGE_FORMATS: readonly FoundPassageFormat[] = ['json', 'csv', 'md'];

/** The paragraphs `selection` matches, with their text (`textOf` gives a document's). */
export function findPassages(corpus: Corpus, selection: CorpusSelection, textOf: (doc: number) => string): FoundPassage[] {
  const { model } = corpus;
  const T = model.themes.length;
  const lines = new Map<number, LineIndex>();
  const out: FoundPassage[] = [];
  const H = model.hits.length / HIT_FIELDS;
  let h = 0;
  for (const p of corpus.matchParagraphs(selection)) {
    const doc = model.paragraphs[p * PARAGRAPH_FIELDS];
    const start = model.paragraphs[p * PARAGRAPH_FIELDS + 1];
    const end = model.paragraphs[p * PARAGRAPH_FIELDS + 2];
    const text = textOf(doc);
    let index = lines.get(doc);
    if (!index) {
      lines.clear();
      index = new LineIndex(text);
      lines.set(doc, index);
    }
    while (h < H && model.hits[h * HIT_FIELDS] < p) h++;
    const themes = new Set<number>();
    const countries = new Set<number>();
    for (let k = h; k < H && model.hits[k * HIT_FIELDS] === p; k++) {
      const key = model.hits[k * HIT_FIELDS + 1];
      (key < T ? themes : countries).add(key);
    }
    const passage: FoundPassage = {
      doc,
      path: model.documents[doc].path,
      start,
      end,
      line: index.lineOf(start) + 1,
      text: text.slice(start, end),
      themes: [...themes].sort((a, b) => a - b).map((k) => model.themes[k].id),
      countries: [...countries].sort((a, b) => a - b).map((k) => model.countries[k - T]),
    };
    if (model.documents[doc].date) passage.date = model.documents[doc].date;
    out.push(passage);
  }
  return out;
}

/** The passages as `find` writes them (docs/cli.md), in chunks. */
export function* renderFoundPassages(passages: readonly FoundPassage[], format: FoundPassageFormat, query: string): Iterable<string> {
  if (format === 'json') {
    yield `{"query":${JSON.stringify(query)},"count":${passages.length},"passages":[`;
    let first = true;
    for (const p of passages) {
      const { doc: _doc, ...rest } = p;
      yield `${first ? '\n' : ',\n'}${JSON.stringify(rest)}`;
      first = false;
    }
    yield `${first ? '' : '\n'}]}\n`;
  } else if (format === 'csv') {
    yield 'path,line,start,end,date,themes,countries,text\r\n';
    for (const p of passages) yield csvRow([p.path, p.line, p.start, p.end, p.date, p.themes.join(' '), p.countries.join(' '), p.text]) + '\r\n';
  } else {
    yield `# Passages: ${escapeTableCell(query)}\n\n${passages.length === 1 ? '1 passage' : `${passages.length} passages`}.\n`;
    let last: string | undefined;
    for (const p of passages) {
      if (p.path !== last) yield `\n## ${escapeTableCell(p.path)}${p.date ? ` (${p.date})` : ''}\n`;
      last = p.path;
      const tags = [...p.themes, ...p.countries].map((t) => `\`${t.replace(/`/g, '')}\``).join(' ');
      yield `\n- line ${p.line}${tags ? ` — ${tags}` : ''}\n\n${escapeBlock(p.text)
        .split('\n')
        .map((l) => `  > ${l}`)
        .join('\n')}\n`;
    }
  }
}
