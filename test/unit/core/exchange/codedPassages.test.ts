import { strict as assert } from 'node:assert';
import { codedPassage, collectPassages, formatDate, passagesToCsv, renderPassages, themeLookup, passagesToMarkdown, passagesToWebAnnotations, type CodedPassage } from '../../../../src/core/exchange/codedPassages';
import { csvCell as csvField } from '../../../../src/core/text/csv';
import { LineIndex, lineColumnAt } from '../../../../src/core/text/lines';

const lineAt = (text: string, offset: number): number => lineColumnAt(text, offset).line;

const NOTE_ID = '3f2b8c1e-9d4a-4e6b-8a7c-1b2c3d4e5f60';

const PASSAGES: CodedPassage[] = [
  {
    id: NOTE_ID,
    document: 'docs/แถลงการณ์ อาเซียน.txt',
    theme: 'maritime',
    themePath: ['security', 'maritime'],
    themeLabel: 'ความมั่นคงทางทะเล',
    text: 'ไทยสนับสนุนเสรีภาพในการเดินเรือ, "ตามกฎหมายระหว่างประเทศ"\nในทะเลจีนใต้',
    note: 'ดู *ย่อหน้า* 3 [ร่าง]',
    line: 12,
    start: 340,
    end: 398,
    countries: ['TH'],
    dates: [{ text: 'วันที่ 8 สิงหาคม 2567', from: '2024-08-08', to: '2024-08-08' }, { text: 'ปีงบประมาณ 2568', from: '2024-10-01', to: '2025-09-30' }],
    created: '2025-11-20T09:30:00.000Z',
    modified: '2025-11-21T10:00:00.000Z',
  },
  {
    id: 'p-2',
    document: 'docs/mfa.txt',
    theme: 'trade',
    themePath: ['trade'],
    themeLabel: 'การค้า',
    text: '=HYPERLINK("http://x")',
    line: 3,
    start: 10,
    end: 32,
    countries: [],
    dates: [],
  },
  {
    id: 'p 3',
    document: 'docs/แถลงการณ์ อาเซียน.txt',
    theme: 'maritime',
    themePath: ['security', 'maritime'],
    themeLabel: 'ความมั่นคงทางทะเล',
    text: '# ลาดตระเวนร่วม',
    line: 2,
    start: 40,
    end: 55,
    orphaned: true,
    countries: ['VN', 'PH'],
    dates: [{ text: 'ปีหน้า' }],
  },
];

describe('exports: CSV', () => {
  it('writes the header, a BOM, CRLF records and RFC 4180 quoting', () => {
    const csv = passagesToCsv(PASSAGES);
    assert.equal(csv.charCodeAt(0), 0xfeff);
    const expected =
      '\ufeffdocument,theme,theme_label,text,note,line,start,end,countries,dates,orphaned\r\n' +
      'docs/แถลงการณ์ อาเซียน.txt,maritime,ความมั่นคงทางทะเล,"ไทยสนับสนุนเสรีภาพในการเดินเรือ, ""ตามกฎหมายระหว่างประเทศ""\nในทะเลจีนใต้",ดู *ย่อหน้า* 3 [ร่าง],12,340,398,TH,วันที่ 8 สิงหาคม 2567 [2024-08-08]; ปีงบประมาณ 2568 [2024-10-01/2025-09-30],false\r\n' +
      `docs/mfa.txt,trade,การค้า,"'=HYPERLINK(""http://x"")",,3,10,32,,,false\r\n` +
      'docs/แถลงการณ์ อาเซียน.txt,maritime,ความมั่นคงทางทะเล,# ลาดตระเวนร่วม,,2,40,55,VN; PH,ปีหน้า,true\r\n';
    assert.equal(csv, expected);
  });

  it('leaves formulas alone when asked', () => {
    const row = passagesToCsv([PASSAGES[1]], { guardFormulas: false }).split('\r\n')[1];
    assert.equal(row, 'docs/mfa.txt,trade,การค้า,"=HYPERLINK(""http://x"")",,3,10,32,,,false');
  });

  it('an empty export is the header only', () => {
    assert.equal(passagesToCsv([]), '\ufeffdocument,theme,theme_label,text,note,line,start,end,countries,dates,orphaned\r\n');
  });

  it('csvField and formatDate', () => {
    assert.equal(csvField('a'), 'a');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('a\rb'), '"a\rb"');
    assert.equal(csvField('say "x"'), '"say ""x"""');
    assert.equal(formatDate({ text: 'พ.ศ. 2568', from: '2025', to: '2025' }), 'พ.ศ. 2568 [2025]');
    assert.equal(formatDate({ text: 'มีนาคม', from: '2025-03' }), 'มีนาคม [2025-03]');
  });
});

describe('exports: Markdown', () => {
  it('groups by theme then document, quotes each passage with its line and note, escapes the text', () => {
    const md = passagesToMarkdown(PASSAGES, 'รายงาน [ร่าง]');
    assert.equal(
      md,
      [
        '# รายงาน \\[ร่าง\\]',
        '',
        '3 passages in 2 documents.',
        '',
        '## ความมั่นคงทางทะเล',
        '',
        'Theme `security / maritime`: 2 passages.',
        '',
        '### docs/แถลงการณ์ อาเซียน.txt',
        '',
        '> \\# ลาดตระเวนร่วม',
        '',
        'Line 2 (not found in the document any more).',
        '',
        '> ไทยสนับสนุนเสรีภาพในการเดินเรือ, "ตามกฎหมายระหว่างประเทศ"',
        '> ในทะเลจีนใต้',
        '',
        'Line 12. Note: ดู \\*ย่อหน้า\\* 3 \\[ร่าง\\]',
        '',
        '## การค้า',
        '',
        'Theme `trade`: 1 passage.',
        '',
        '### docs/mfa.txt',
        '',
        '> =HYPERLINK("http://x")',
        '',
        'Line 3.',
        '',
      ].join('\n'),
    );
  });

  it('keeps the line breaks of a multi-line note', () => {
    const md = passagesToMarkdown([{ ...PASSAGES[1], note: 'ประเด็นแรก\n- ต้องตรวจสอบ\nประเด็นที่สาม' }], 'Coded passages');
    assert.ok(md.includes('Line 3. Note: ประเด็นแรก  \n\\- ต้องตรวจสอบ  \nประเด็นที่สาม\n'), md);
  });

  it('cannot be made to render a link, an image, HTML or a heading', () => {
    const evil: CodedPassage = { ...PASSAGES[1], text: '![x](http://e/x.png) <img src=x> [a](command:foo)\n---\n1. list', note: '<script>' };
    const md = passagesToMarkdown([evil], '# t');
    const body = md.replace(/^>( |$)/gm, '').replace(/`[^`]*`/g, '');
    assert.ok(!/(^|[^\\])[[\]<]/m.test(body), 'every bracket that opens a link, an image or HTML is escaped');
    assert.ok(md.includes('> !\\[x\\](http://e/x.png) \\<img src=x> \\[a\\](command:foo)\n> \\---\n> 1\\. list'), md);
    assert.ok(md.includes('Note: \\<script>'), md);
    assert.ok(md.startsWith('# \\# t\n'));
  });
});

describe('exports: W3C Web Annotation', () => {
  const collection = passagesToWebAnnotations(PASSAGES, 'file:///home/analyst/project');

  it('is an AnnotationCollection with the anno.jsonld context and one page', () => {
    assert.deepEqual(collection['@context'], ['http://www.w3.org/ns/anno.jsonld', { '@base': 'file:///home/analyst/project/' }]);
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.id, '#annotations');
    assert.equal(collection.total, 3);
    assert.equal(collection.first!.type, 'AnnotationPage');
    assert.equal(collection.first!.items.length, 3);
    assert.deepEqual(JSON.parse(JSON.stringify(collection)), collection, 'plain JSON');
  });

  it('writes a passage with a note as tagging + commenting, with quote and position selectors', () => {
    assert.deepEqual(collection.first!.items[0], {
      id: `urn:uuid:${NOTE_ID}`,
      type: 'Annotation',
      motivation: ['tagging', 'commenting'],
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'ความมั่นคงทางทะเล', format: 'text/plain' },
        { type: 'SpecificResource', purpose: 'classifying', source: '#theme-maritime' },
        { type: 'TextualBody', purpose: 'commenting', value: 'ดู *ย่อหน้า* 3 [ร่าง]', format: 'text/plain' },
      ],
      target: {
        source: 'docs/%E0%B9%81%E0%B8%96%E0%B8%A5%E0%B8%87%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B8%93%E0%B9%8C%20%E0%B8%AD%E0%B8%B2%E0%B9%80%E0%B8%8B%E0%B8%B5%E0%B8%A2%E0%B8%99.txt',
        selector: [
          { type: 'TextQuoteSelector', exact: 'ไทยสนับสนุนเสรีภาพในการเดินเรือ, "ตามกฎหมายระหว่างประเทศ"\nในทะเลจีนใต้' },
          { type: 'TextPositionSelector', start: 340, end: 398 },
        ],
      },
      created: '2025-11-20T09:30:00.000Z',
      modified: '2025-11-21T10:00:00.000Z',
    });
  });

  it('writes a passage without a note as tagging only, and an orphaned one with the quote only', () => {
    const [, plain, orphan] = collection.first!.items;
    assert.equal(plain.id, '#annotation-p-2');
    assert.equal(plain.motivation, 'tagging');
    assert.equal(plain.body.length, 2);
    assert.equal(plain.target.source, 'docs/mfa.txt');
    assert.equal(plain.created, undefined);
    assert.equal(orphan.id, '#annotation-p%203');
    assert.deepEqual(orphan.target.selector, [{ type: 'TextQuoteSelector', exact: '# ลาดตระเวนร่วม' }]);
  });

  it('names the folder once: every other IRI resolves against it, the documents by their path', () => {
    const base = collection['@context'][1]['@base'];
    const items = collection.first!.items;
    assert.equal(new URL(items[1].target.source, base).href, 'file:///home/analyst/project/docs/mfa.txt');
    assert.equal(new URL(items[1].body[1].source!, base).href, 'file:///home/analyst/project/#theme-trade');
    const text = JSON.stringify(collection);
    assert.equal(text.split('file:///home/analyst/project').length - 1, 1, 'the folder appears once');
  });

  it('an empty collection has no page', () => {
    const empty = passagesToWebAnnotations([], 'file:///w/');
    assert.equal(empty.total, 0);
    assert.equal(empty.first, undefined);
    assert.equal(empty.id, '#annotations');
    assert.deepEqual(empty['@context'][1], { '@base': 'file:///w/' });
  });
});

describe('codedPassage', () => {
  const text = 'บรรทัดแรก\r\nไทยกับญี่ปุ่นลงนามเมื่อ 16 พฤศจิกายน 2564 และกับจีน\rท้าย';
  const themes = {
    path: (id: string) => (id === 'maritime' ? ['security', 'maritime'] : []),
    label: (id: string) => (id === 'maritime' ? 'ความมั่นคงทางทะเล (Maritime security)' : ''),
  };
  const at = (needle: string) => {
    const start = text.indexOf(needle);
    return { start, end: start + needle.length };
  };
  const annotations = [
    { kind: 'country' as const, ...at('ไทย'), text: 'ไทย', country: 'TH' },
    { kind: 'country' as const, ...at('ญี่ปุ่น'), text: 'ญี่ปุ่น', country: 'JP' },
    { kind: 'date' as const, ...at('16 พฤศจิกายน 2564'), text: '16 พฤศจิกายน 2564', from: '2021-11-16', to: '2021-11-16', calendar: 'BE' as const },
    { kind: 'country' as const, ...at('จีน'), text: 'จีน', country: 'CN' },
  ];

  it('counts lines ended by LF, CRLF and CR from 1', () => {
    assert.equal(lineAt(text, 0), 1);
    assert.equal(lineAt(text, text.indexOf('ไทย')), 2);
    assert.equal(lineAt(text, text.indexOf('ท้าย')), 3);
    assert.equal(lineAt(text, 10_000), 3);
  });

  it('keeps the countries and dates wholly inside the passage, and the theme path and label', () => {
    const passage = at('ญี่ปุ่นลงนามเมื่อ 16 พฤศจิกายน 2564');
    const p = codedPassage({ id: 't1', document: 'a.txt', theme: 'maritime', text: 'x', note: 'n', ...passage, created: '2025-01-01T00:00:00.000Z' }, new LineIndex(text), annotations, themes);
    assert.deepEqual(p, {
      id: 't1',
      document: 'a.txt',
      theme: 'maritime',
      themePath: ['security', 'maritime'],
      themeLabel: 'ความมั่นคงทางทะเล (Maritime security)',
      text: 'x',
      note: 'n',
      line: 2,
      start: passage.start,
      end: passage.end,
      countries: ['JP'],
      dates: [{ text: '16 พฤศจิกายน 2564', from: '2021-11-16', to: '2021-11-16' }],
      created: '2025-01-01T00:00:00.000Z',
    });
  });

  it('falls back to the theme id, and gives an orphaned passage no countries or dates', () => {
    const p = codedPassage({ id: 't2', document: 'a.txt', theme: 'own-theme', text: 'ไทยกับญี่ปุ่น', start: 0, end: text.length, orphaned: true }, undefined, annotations, themes);
    assert.deepEqual([p.themePath, p.themeLabel, p.line, p.countries, p.dates, p.orphaned], [['own-theme'], 'own-theme', 1, [], [], true]);
  });
});

describe('the one coded-passage pipeline', () => {
  const glossary = {
    theme: (id: string) => (id === 'child' ? { id, label: 'ลูก', labelEn: 'Child' } : id === 'parent' ? { id, label: 'แม่' } : undefined),
    ancestors: (id: string) => (id === 'child' ? [{ id: 'parent' }] : []),
  };
  const own = (id: string) => (id === 'made-while-tagging' ? { label: 'ทำเอง' } : undefined);

  it('looks up glossary themes first, then the annotations file, then shows the id', () => {
    const themes = themeLookup(glossary, own);
    assert.deepEqual([themes.path('child'), themes.label('child')], [['parent', 'child'], 'ลูก (Child)']);
    assert.deepEqual([themes.path('made-while-tagging'), themes.label('made-while-tagging')], [['made-while-tagging'], 'ทำเอง']);
    assert.deepEqual([themes.path('gone'), themes.label('gone')], [['gone'], 'gone']);
  });

  it('orders passages by document, start, end and id, and numbers lines per document', () => {
    const themes = themeLookup(glossary, own);
    const text = 'หนึ่ง\r\nสอง\rสาม';
    const tag = (id: string, document: string, start: number, end: number) => ({ id, document, theme: 'child', text: 'x', start, end });
    const passages = collectPassages([
      { tags: [tag('b', 'z.txt', 0, 2), tag('a', 'z.txt', 0, 2)], text: 'ab', annotations: [], themes },
      { tags: [tag('c', 'a.txt', text.indexOf('สาม'), text.length), tag('d', 'a.txt', text.indexOf('สอง'), text.indexOf('สอง') + 3)], text, annotations: [], themes },
      { tags: [tag('e', 'gone.txt', 40, 50)], text: undefined, annotations: [], themes },
    ]);
    assert.deepEqual(
      passages.map((p) => [p.document, p.id, p.line]),
      [
        ['a.txt', 'd', 2],
        ['a.txt', 'c', 3],
        ['gone.txt', 'e', 1],
        ['z.txt', 'a', 1],
        ['z.txt', 'b', 1],
      ],
    );
  });

  it('renders each format from the same passages', () => {
    const passages = collectPassages([{ tags: [{ id: 't', document: 'd.txt', theme: 'parent', text: 'ไทย', start: 0, end: 3 }], text: 'ไทย', annotations: [], themes: themeLookup(glossary, own) }]);
    assert.equal(renderPassages('csv', passages, 'file:///w'), passagesToCsv(passages));
    assert.equal(renderPassages('md', passages, 'file:///w'), passagesToMarkdown(passages, 'Coded passages'));
    assert.equal(renderPassages('webanno', passages, 'file:///w'), JSON.stringify(passagesToWebAnnotations(passages, 'file:///w'), null, 2) + '\n');
  });
});
