import { strict as assert } from 'node:assert';
import { buildCorpusModel, Corpus, dateBounds, packCorpusModel, sortKwic, unpackCorpusModel, type CorpusInput, type CorpusTheme } from '../../../../src/core/corpus/corpus';
import { paragraphSpans } from '../../../../src/core/recognize/paragraphs';
import type { Annotation } from '../../../../src/core/types';

/** Every occurrence of each word, as the analyser would annotate it. */
function annotate(text: string, words: Record<string, { theme: string } | { country: string }>): Annotation[] {
  const out: Annotation[] = [];
  for (const [word, what] of Object.entries(words)) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      const base = { start: at, end: at + word.length, text: word };
      out.push('theme' in what ? { kind: 'term', ...base, theme: what.theme, term: word } : { kind: 'country', ...base, country: what.country });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const WORDS = {
  สิทธิมนุษยชน: { theme: 'rights' },
  ผู้ลี้ภัย: { theme: 'refugees' },
  การค้า: { theme: 'trade' },
  เมียนมา: { country: 'MM' },
  จีน: { country: 'CN' },
} as const;

export const THEMES: CorpusTheme[] = [
  { id: 'humanitarian', label: 'มนุษยธรรม', labelEn: 'Humanitarian' },
  { id: 'rights', label: 'สิทธิมนุษยชน', labelEn: 'Human rights', parent: 'humanitarian' },
  { id: 'refugees', label: 'ผู้ลี้ภัย', labelEn: 'Refugees', parent: 'humanitarian' },
  { id: 'trade', label: 'การค้า', labelEn: 'Trade' },
];

export const TEXTS: Record<string, string> = {
  'a.txt': '---\ndate: 2021-03-05\n---\nสิทธิมนุษยชน ในเมียนมา\n\nผู้ลี้ภัย จากเมียนมา และสิทธิมนุษยชน\n1. การค้า กับจีน\n',
  'b/c.txt': 'วันที่ 10 มกราคม 2566\n\nการค้า กับจีน และการค้า กับเมียนมา\n\nผู้ลี้ภัย\n',
  'd.txt': 'ไม่มีวันที่ สิทธิมนุษยชน ผู้ลี้ภัย\n',
};

export function inputs(): CorpusInput[] {
  return Object.entries(TEXTS).map(([path, text]) => ({ path, text, annotations: annotate(text, WORDS) }));
}

describe('paragraphSpans', () => {
  it('ends a paragraph at a blank line and at a line opening a clause or heading', () => {
    const text = 'หนึ่ง\nต่อ  \n\n  สอง\n1. สาม\nต่อสาม\n---\nสี่\n\n\n';
    assert.deepEqual(
      paragraphSpans(text).map((s) => text.slice(s.start, s.end)),
      ['หนึ่ง\nต่อ', 'สอง', '1. สาม\nต่อสาม', 'สี่'],
    );
    assert.deepEqual(paragraphSpans(''), []);
    assert.deepEqual(paragraphSpans('a\r\n\r\nb'), [{ start: 0, end: 1 }, { start: 5, end: 6 }]);
  });
});

describe('Corpus', () => {
  const model = buildCorpusModel(inputs(), THEMES);
  const texts = Object.values(TEXTS);
  const corpus = new Corpus(model, (d) => texts[d]);

  it('builds the model: documents with their dates, paragraphs, mentions by paragraph', () => {
    assert.deepEqual(model.documents, [
      { path: 'a.txt', date: '2021-03-05', length: TEXTS['a.txt'].length },
      { path: 'b/c.txt', date: '2023-01-10', length: TEXTS['b/c.txt'].length },
      { path: 'd.txt', length: TEXTS['d.txt'].length },
    ]);
    assert.deepEqual(model.countries, ['CN', 'MM']);
    // a.txt: the front matter's date, a line, a line and the clause (a paragraph of its own); b: 3; d: 1
    assert.equal(model.paragraphs.length / 3, 4 + 3 + 1);
    assert.equal(model.hits.length / 4, 7 + 5 + 2);
  });

  it('computes every chart over the whole corpus', () => {
    const v = corpus.view();
    assert.equal(v.paragraphs, 8);
    assert.equal(v.documents, 3);
    assert.deepEqual(v.documentOrder, [0, 1, 2]);
    const len = (p: string) => TEXTS[p].length;
    const per = (n: number, p: string) => Math.round((n * 100000) / len(p)) / 100;
    assert.deepEqual(v.density, [
      { doc: 0, theme: 'rights', count: 2, per1000: per(2, 'a.txt') },
      { doc: 0, theme: 'refugees', count: 1, per1000: per(1, 'a.txt') },
      { doc: 0, theme: 'trade', count: 1, per1000: per(1, 'a.txt') },
      { doc: 1, theme: 'refugees', count: 1, per1000: per(1, 'b/c.txt') },
      { doc: 1, theme: 'trade', count: 2, per1000: per(2, 'b/c.txt') },
      { doc: 2, theme: 'rights', count: 1, per1000: per(1, 'd.txt') },
      { doc: 2, theme: 'refugees', count: 1, per1000: per(1, 'd.txt') },
    ]);
    assert.deepEqual(v.timeline, [
      { period: '2021', theme: 'rights', count: 2 },
      { period: '2021', theme: 'refugees', count: 1 },
      { period: '2021', theme: 'trade', count: 1 },
      { period: '2023', theme: 'refugees', count: 1 },
      { period: '2023', theme: 'trade', count: 2 },
    ]);
    assert.equal(v.undated, 2);
    assert.deepEqual(v.countries, [
      { country: 'MM', count: 3 },
      { country: 'CN', count: 2 },
    ]);
    assert.deepEqual(v.themeCountry, [
      { theme: 'rights', country: 'MM', paragraphs: 2 },
      { theme: 'refugees', country: 'MM', paragraphs: 1 },
      { theme: 'trade', country: 'CN', paragraphs: 2 },
      { theme: 'trade', country: 'MM', paragraphs: 1 },
    ]);
    assert.deepEqual(v.themeTheme, [{ a: 'rights', b: 'refugees', paragraphs: 2 }]);
    assert.equal(v.kwic.total, 9);
    assert.deepEqual(
      v.kwic.rows.slice(0, 2).map((r) => [r.path, r.left, r.match, r.right, r.kind, r.key]),
      [
        ['a.txt', '', 'สิทธิมนุษยชน', ' ในเมียนมา', 'theme', 'rights'],
        ['a.txt', '', 'ผู้ลี้ภัย', ' จากเมียนมา และสิทธิมนุษยชน', 'theme', 'refugees'],
      ],
    );
    assert.equal(corpus.view({}, { period: 'month' }).timeline[0].period, '2021-03');
  });

  it('narrows every chart to the paragraphs a selection matches', () => {
    // a theme includes the themes inside it
    const v = corpus.view({ themes: [['humanitarian']], countries: [['MM']] });
    assert.equal(v.paragraphs, 2);
    assert.deepEqual(v.countries, [{ country: 'MM', count: 2 }]);
    assert.deepEqual(
      v.kwic.rows.map((r) => [r.match, r.start]),
      [
        ['สิทธิมนุษยชน', 25],
        ['เมียนมา', 40],
        ['ผู้ลี้ภัย', 49],
        ['เมียนมา', 62],
        ['สิทธิมนุษยชน', 73],
      ],
    );
    assert.deepEqual(corpus.view({ countries: [['CN', 'XX']] }).paragraphs, 2);
    assert.deepEqual(corpus.view({ from: '2022', to: '2023' }).documentOrder, [1]);
    assert.deepEqual(corpus.view({ from: '2021-03-06' }).documentOrder, [1]);
    assert.deepEqual(corpus.view({ to: '2021-03' }).documentOrder, [0]);
    assert.deepEqual(corpus.view({ folder: 'b' }).documentOrder, [1]);
    assert.deepEqual(corpus.view({ folder: 'b/' }).documentOrder, [1]);
    assert.deepEqual(corpus.view({ documents: [2] }).density.map((d) => d.theme), ['rights', 'refugees']);
    // two groups: both must be in the paragraph
    assert.equal(corpus.view({ themes: [['trade'], ['rights']] }).paragraphs, 0);
  });

  it('finds free text in a paragraph, letters in any case, and shows it in the KWIC list', () => {
    const c = new Corpus(buildCorpusModel([{ path: 'e.txt', text: 'The ASEAN way\n\nasean และ Asean', annotations: [] }], []), () => 'The ASEAN way\n\nasean และ Asean');
    const v = c.view({ texts: ['Asean'] });
    assert.equal(v.paragraphs, 2);
    assert.deepEqual(
      v.kwic.rows.map((r) => [r.left, r.match, r.right, r.kind]),
      [
        ['The ', 'ASEAN', ' way', 'text'],
        ['', 'asean', ' และ Asean', 'text'],
        ['asean และ ', 'Asean', '', 'text'],
      ],
    );
    assert.equal(corpus.view({ texts: ['กับจีน', 'การค้า'] }).paragraphs, 2);
    assert.equal(corpus.view({ texts: ['ไม่มีอยู่'] }).paragraphs, 0);
  });

  it('limits KWIC rows but counts them all, and sorts them by either side', () => {
    const v = corpus.view({ themes: [['trade']] }, { kwicLimit: 2, kwicWidth: 4 });
    assert.equal(v.kwic.total, 3);
    assert.deepEqual(v.kwic.rows.map((r) => [r.left, r.match, r.right]), [
      ['1. ', 'การค้า', ' กับ'],
      ['', 'การค้า', ' กับ'],
    ]);
    const rows = corpus.view({ themes: [['trade']] }, { kwicWidth: 8 }).kwic.rows;
    assert.deepEqual(sortKwic(rows, 'right').map((r) => r.right), [' กับจีน', ' กับจีน ', ' กับเมีย']);
    assert.deepEqual(sortKwic(rows, 'left').map((r) => r.left), ['', '1. ', 'บจีน และ']);
    assert.deepEqual(sortKwic(sortKwic(rows, 'left'), 'document'), rows);
  });

  it('answers from stored contexts where it has no texts (the report)', () => {
    const stored = corpus.withContexts({ perKey: 1, width: 5 });
    assert.equal(stored.contexts!.length, 5); // one for each theme and country mentioned
    const bare = new Corpus(JSON.parse(JSON.stringify(stored)));
    const v = bare.view({ themes: [['trade']] });
    assert.equal(v.kwic.total, 3);
    assert.deepEqual(v.kwic.rows.map((r) => [r.left, r.match, r.right]), [['1. ', 'การค้า', ' กับจ']]);
    assert.deepEqual(bare.view({ themes: [['trade']] }).density, corpus.view({ themes: [['trade']] }).density);
    assert.equal(bare.view({ texts: ['การค้า'] }).paragraphs, 0);
  });

  it('reads dates as periods', () => {
    assert.deepEqual(dateBounds('2024-02'), { first: '2024-02-01', last: '2024-02-29' });
    assert.deepEqual(dateBounds('2023'), { first: '2023-01-01', last: '2023-12-31' });
    assert.equal(dateBounds('x'), undefined);
  });
});

describe('packCorpusModel', () => {
  it('packs a model for the report and unpacks it to the same answers', () => {
    const texts = Object.values(TEXTS);
    const corpus = new Corpus(buildCorpusModel(inputs(), THEMES), (d) => texts[d]);
    const stored = corpus.withContexts({ perKey: 100 });
    const packed = packCorpusModel(stored);
    assert.deepEqual(packed.paragraphsPerDocument, [4, 3, 1]);
    // keys by frequency (rights, refugees, trade, MM: 3 each; CN: 2) coded ' ', '!', '#', '$', '%'
    assert.deepEqual(packed.keyOrder, [1, 2, 3, 5, 4]);
    assert.equal(packed.keys, '; $;!$ ;#%;;#%#$;!; !');
    const back = new Corpus(unpackCorpusModel(JSON.parse(JSON.stringify(packed))));
    for (const selection of [{}, { themes: [['trade']] }, { countries: [['MM']], from: '2021' }]) {
      const a = corpus.view(selection);
      const b = back.view(selection);
      assert.deepEqual({ ...b, kwic: undefined }, { ...a, kwic: undefined });
      assert.deepEqual(
        b.kwic.rows.map((r) => [r.path, r.left, r.match, r.right]),
        a.kwic.rows.map((r) => [r.path, r.left, r.match, r.right]),
      );
    }
    assert.deepEqual(unpackCorpusModel(packCorpusModel(buildCorpusModel([], []))).paragraphs, []);
  });

  it('codes rarer keys with ~ and two characters', () => {
    const themes = Array.from({ length: 200 }, (_, i) => ({ id: `t${i}`, label: `t${i}` }));
    const text = themes.map((t) => t.id).join(' ');
    const annotations: Annotation[] = themes.map((t) => {
      const start = text.indexOf(`${t.id} `) >= 0 ? text.indexOf(`${t.id} `) : text.lastIndexOf(t.id);
      return { kind: 'term', start, end: start + t.id.length, text: t.id, theme: t.id, term: t.id };
    });
    const model = buildCorpusModel([{ path: 'x.txt', text, annotations }], themes);
    const packed = packCorpusModel(model);
    assert.equal(packed.keys.length, 90 + 110 * 3);
    assert.equal(packed.keys.slice(90, 93), '~  ');
    assert.deepEqual(unpackCorpusModel(packed).hits.filter((_, i) => i % 4 === 1), model.hits.filter((_, i) => i % 4 === 1));
  });
});
