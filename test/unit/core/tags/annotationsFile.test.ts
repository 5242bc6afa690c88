import { strict as assert } from 'node:assert';
import {
  MAX_JSON_DEPTH,
  coderSlug,
  coderTagsDir,
  coderTagsFile,
  emptyAnnotations,
  isCoderTagsFileName,
  makeThemeId,
  mergeAnnotations,
  parseAnnotationsFile,
  serializeAnnotationsFile,
  splitByCoder,
  unionAnnotations,
  type AnnotationsData,
} from '../../../../src/core/tags/annotationsFile';
import { lineColumnAt } from '../../../../src/core/text/lines';
import { storedTag } from '../../../support/storedTag';
import { inThai } from '../../../support/thai';

const tag = storedTag;

const SAMPLE: AnnotationsData = {
  version: 1,
  themes: [{ id: 'theme-1', label: 'ความมั่นคงทางทะเล', color: '#4e79a7' }],
  tags: [tag('t1', 'docs/มติ ครม.txt', 12, 'ความร่วมมือ', { theme: 'theme-1', note: 'ดูย่อหน้าถัดไป\nและภาคผนวก' })],
};

const SAMPLE_TEXT = `{
  "version": 1,
  "themes": [
    {
      "id": "theme-1",
      "label": "ความมั่นคงทางทะเล",
      "color": "#4e79a7"
    }
  ],
  "tags": [
    {
      "id": "t1",
      "document": "docs/มติ ครม.txt",
      "theme": "theme-1",
      "note": "ดูย่อหน้าถัดไป\\nและภาคผนวก",
      "created": "2025-11-20T08:00:00.000Z",
      "modified": "2025-11-20T08:00:00.000Z",
      "target": {
        "selector": [
          {
            "type": "TextQuoteSelector",
            "exact": "ความร่วมมือ",
            "prefix": "ก่อน",
            "suffix": "หลัง"
          },
          {
            "type": "TextPositionSelector",
            "start": 12,
            "end": 23
          }
        ]
      }
    }
  ]
}
`;

describe('annotations file: reading', () => {
  it('reads a valid file', () => {
    assert.deepEqual(parseAnnotationsFile(SAMPLE_TEXT), { data: SAMPLE });
  });

  it('reads {"version": 1} as no annotations, and ignores a byte-order mark', () => {
    assert.deepEqual(parseAnnotationsFile('\ufeff' + SAMPLE_TEXT), { data: SAMPLE });
    assert.deepEqual(parseAnnotationsFile('{"version": 1}'), { data: emptyAnnotations() });
  });

  it('refuses an empty file: it may be a write caught half-way, never "no tags" (issue 9, item 9)', () => {
    const empty = { message: 'the file is empty (an annotations file holds at least {"version": 1}); if another program is writing it, try again', line: 1, column: 1, offset: 0 };
    assert.deepEqual(parseAnnotationsFile(''), { error: empty });
    assert.deepEqual(parseAnnotationsFile(' \n\t'), { error: empty });
    assert.deepEqual(parseAnnotationsFile('\ufeff'), { error: empty });
  });

  it('bounds the nesting with a message at the place, instead of overflowing the stack (item 7)', () => {
    const deep = `{"version": 1, "tags": ${'['.repeat(3000)}${']'.repeat(3000)}}`;
    assert.deepEqual(parseAnnotationsFile(deep).error, { message: `invalid JSON: nested more than ${MAX_JSON_DEPTH} levels deep`, line: 1, column: 24 + MAX_JSON_DEPTH - 1, offset: 23 + MAX_JSON_DEPTH - 1 });
    const objects = `${'{"a":'.repeat(100000)}1${'}'.repeat(100000)}`;
    assert.equal(parseAnnotationsFile(objects).error?.message, `invalid JSON: nested more than ${MAX_JSON_DEPTH} levels deep`);
  });

  it('refuses comments, trailing commas, duplicate keys and document paths that leave the folder', () => {
    assert.equal(parseAnnotationsFile('{"version": 1 // one\n}').error?.message, 'invalid JSON: comments are not allowed in JSON');
    assert.equal(parseAnnotationsFile('{"version": 1, "tags": [1,]}').error?.message, 'invalid JSON: a comma before "]" is not allowed in JSON');
    assert.equal(parseAnnotationsFile('{"version": 1, "version": 1}').error?.message, 'invalid JSON: duplicate key "version"');
    assert.equal(parseAnnotationsFile('{"version": 1, "tags": "x\u0001"}').error?.message, 'invalid JSON: a line break or control character inside a string (write it as \\n, \\t ...)');
    assert.equal(parseAnnotationsFile('{"version": 1, "tags": "\\q"}').error?.message, 'invalid JSON: invalid escape "\\q" in a string');
    for (const document of ['../secret.txt', 'docs/../../etc/passwd', './a.txt', 'a//b.txt', 'a/..']) {
      const text = SAMPLE_TEXT.replace('"document": "docs/มติ ครม.txt"', `"document": ${JSON.stringify(document)}`);
      assert.notEqual(text, SAMPLE_TEXT);
      assert.equal(parseAnnotationsFile(text).error?.message, 'tags[0].document must be a path inside the workspace folder (no "..", "." or empty parts)', document);
    }
  });

  it('reports invalid JSON at its line and column', () => {
    const broken = SAMPLE_TEXT.replace('"theme": "theme-1",\n      "note"', '"theme": "theme-1"\n      "note"');
    assert.deepEqual(parseAnnotationsFile(broken), {
      error: { message: 'invalid JSON: expected "," or "}" after the value of "theme", found character """', line: 15, column: 7, offset: 238 },
    });
    assert.deepEqual(lineColumnAt(broken, 238), { line: 15, column: 7 });
    assert.deepEqual(lineColumnAt('ก\r\nขค', 4), { line: 2, column: 2 });
  });

  it('reports a trailing comma, an unterminated string and a truncated file', () => {
    assert.deepEqual(parseAnnotationsFile('{\n  "version": 1,\n  "tags": [],\n}'), {
      error: { message: 'invalid JSON: a comma before "}" is not allowed in JSON', line: 4, column: 1, offset: 32 },
    });
    assert.deepEqual(parseAnnotationsFile('{"version": 1, "themes": ["abc'), {
      error: { message: 'invalid JSON: unterminated string (missing closing ")', line: 1, column: 27, offset: 26 },
    });
    assert.deepEqual(parseAnnotationsFile(SAMPLE_TEXT.slice(0, 80)).error, { message: 'invalid JSON: unterminated string (missing closing ")', line: 6, column: 16, offset: 76 });
    assert.deepEqual(parseAnnotationsFile(SAMPLE_TEXT.slice(0, 100)).error, { message: 'invalid JSON: expected a property name in quotes, found end of file', line: 7, column: 4, offset: 100 });
    assert.deepEqual(parseAnnotationsFile('{"version": 1}}').error, {
      message: 'invalid JSON: unexpected character "}" after the end of the JSON value',
      line: 1,
      column: 15,
      offset: 14,
    });
  });

  it('reports another version by field and position', () => {
    assert.deepEqual(parseAnnotationsFile('{\n  "version": 2,\n  "tags": []\n}'), {
      error: { message: 'unsupported version 2: this extension reads version 1', line: 2, column: 14, offset: 15, field: 'version' },
    });
  });

  it('reports a field of the wrong shape with its JSON path and position', () => {
    const negative = SAMPLE_TEXT.replace('"start": 12', '"start": -1');
    assert.deepEqual(parseAnnotationsFile(negative).error, {
      message: 'tags[0].target.selector[1].start must be a whole number of at least 0',
      line: 28,
      column: 22,
      offset: 646,
      field: 'tags[0].target.selector[1].start',
    });
    const noTheme = SAMPLE_TEXT.replace('      "theme": "theme-1",\n', '');
    assert.deepEqual(parseAnnotationsFile(noTheme).error, { message: 'tags[0] is missing "theme"', line: 11, column: 5, offset: 149, field: 'tags[0]' });
    const badTime = SAMPLE_TEXT.replace('"modified": "2025-11-20T08:00:00.000Z"', '"modified": "yesterday"');
    assert.equal(parseAnnotationsFile(badTime).error?.field, 'tags[0].modified');
    assert.equal(parseAnnotationsFile(badTime).error?.line, 17);
    const tagsNotList = '{"version": 1, "tags": {}}';
    assert.deepEqual(parseAnnotationsFile(tagsNotList).error, { message: 'tags must be a list, not an object', line: 1, column: 24, offset: 23, field: 'tags' });
  });

  it('reports an unknown field at its key', () => {
    const typo = SAMPLE_TEXT.replace('"note":', '"notes":');
    assert.deepEqual(parseAnnotationsFile(typo).error, {
      message: 'unknown field "notes" in tags[0] (expected "id", "document", "theme", "note", "creator", "created", "modified", "target", "orphaned")',
      line: 15,
      column: 7,
      offset: 239,
      field: 'tags[0].notes',
    });
  });

  it('reports duplicate ids, a missing selector and an absolute document path', () => {
    const twice = serializeAnnotationsFile({ ...SAMPLE, tags: [SAMPLE.tags[0], { ...SAMPLE.tags[0], position: { type: 'TextPositionSelector', start: 40, end: 51 } }] });
    const dup = parseAnnotationsFile(twice).error;
    assert.equal(dup?.message, 'tags[1].id: duplicate tag id "t1"');
    assert.deepEqual([dup?.line, dup?.column, dup?.field], [35, 13, 'tags[1].id']);
    const noQuote = SAMPLE_TEXT.replace(/\{\s*"type": "TextQuoteSelector"[^}]*\},/, '');
    assert.equal(parseAnnotationsFile(noQuote).error?.message, 'tags[0].target.selector has no TextQuoteSelector');
    const absolute = SAMPLE_TEXT.replace('"docs/มติ ครม.txt"', '"/home/analyst/docs/a.txt"');
    assert.equal(parseAnnotationsFile(absolute).error?.field, 'tags[0].document');
  });

  it('words its errors in Thai with the Thai bundle, at the same line and column', () => {
    const broken = SAMPLE_TEXT.replace('"theme": "theme-1",\n      "note"', '"theme": "theme-1"\n      "note"');
    const noTheme = SAMPLE_TEXT.replace('      "theme": "theme-1",\n', '');
    inThai(() => {
      assert.deepEqual(parseAnnotationsFile(broken).error, {
        message: 'JSON ไม่ถูกต้อง: ต้องการ "," หรือ "}" หลังค่าของ "theme" แต่พบอักขระ """',
        line: 15,
        column: 7,
        offset: 238,
      });
      assert.deepEqual(parseAnnotationsFile(noTheme).error, { message: 'tags[0] ไม่มี "theme"', line: 11, column: 5, offset: 149, field: 'tags[0]' });
      assert.equal(parseAnnotationsFile('{"version": 1, "tags": {}}').error?.message, 'tags ต้องเป็นรายการ ไม่ใช่อ็อบเจกต์');
    });
    assert.equal(parseAnnotationsFile(noTheme).error?.message, 'tags[0] is missing "theme"');
  });
});

describe('annotations file: writing', () => {
  it('writes the documented layout: fixed key order, 2-space indent, trailing newline', () => {
    assert.equal(serializeAnnotationsFile(SAMPLE), SAMPLE_TEXT);
  });

  it('keeps a tag\'s coder (creator) after its note, and reads it back; an older file without it still reads', () => {
    const withCoder = { ...SAMPLE, tags: [{ ...SAMPLE.tags[0], creator: 'สมชาย' }] };
    const text = serializeAnnotationsFile(withCoder);
    assert.match(text, /"creator": "สมชาย",\n {6}"created"/);
    assert.deepEqual(parseAnnotationsFile(text).data, withCoder);
    assert.equal(parseAnnotationsFile(SAMPLE_TEXT).data!.tags[0].creator, undefined);
    assert.equal(parseAnnotationsFile(text.replace('"creator": "สมชาย"', '"creator": 7')).error?.field, 'tags[0].creator');
  });

  it('writes the same bytes whatever the order in memory: tags by document, then position', () => {
    const a = tag('b2', 'b.txt', 5, 'สอง');
    const b = tag('a9', 'a.txt', 50, 'สาม');
    const c = tag('z1', 'a.txt', 10, 'หนึ่ง', { orphaned: true });
    const d = tag('a1', 'a.txt', 10, 'หนึ่ง');
    const one = serializeAnnotationsFile({ version: 1, themes: [], tags: [a, b, c, d] });
    const two = serializeAnnotationsFile({ version: 1, themes: [], tags: [d, c, b, a] });
    assert.equal(one, two);
    const order = parseAnnotationsFile(one).data!.tags.map((t) => t.id);
    assert.deepEqual(order, ['a1', 'z1', 'a9', 'b2']);
    assert.match(one, /"orphaned": true\n {4}\}/); // last key of its tag
  });

  it('reads back what it wrote', () => {
    const data: AnnotationsData = {
      version: 1,
      themes: [
        { id: 'theme-2', label: 'ประมง', labelEn: 'Fisheries', color: '#abc' },
        { id: 'energy', label: 'พลังงาน' },
      ],
      tags: [tag('x', 'a.txt', 0, 'ข้อความ "อ้างอิง" \\ ท้าย', { orphaned: true, note: '' })],
    };
    const text = serializeAnnotationsFile(data);
    const back = parseAnnotationsFile(text).data!;
    assert.deepEqual(back.tags, data.tags);
    assert.deepEqual(back.themes.map((t) => t.id), ['energy', 'theme-2']);
    assert.equal(serializeAnnotationsFile(back), text);
  });
});

describe('annotations file: three-way merge', () => {
  const later = '2025-11-21T10:00:00.000Z';
  const latest = '2025-11-21T11:00:00.000Z';
  const A = tag('A', 'a.txt', 0, 'หนึ่ง');
  const B = tag('B', 'a.txt', 10, 'สอง');
  const C = tag('C', 'a.txt', 20, 'สาม');
  const D = tag('D', 'a.txt', 30, 'สี่');
  const E = tag('E', 'a.txt', 40, 'ห้า');
  const base: AnnotationsData = { version: 1, themes: [{ id: 'theme-1', label: 'เดิม' }], tags: [A, B, C, D, E] };

  it('keeps the changes of both sides', () => {
    const ours: AnnotationsData = {
      version: 1,
      themes: [{ id: 'theme-1', label: 'เดิม' }, { id: 'theme-2', label: 'ของเรา' }],
      tags: [{ ...A, note: 'ของเรา', modified: later }, C, D, E, tag('N1', 'b.txt', 0, 'ใหม่เรา')], // B deleted
    };
    const theirs: AnnotationsData = {
      version: 1,
      themes: [{ id: 'theme-1', label: 'เดิม' }, { id: 'theme-3', label: 'ของเขา' }],
      tags: [A, B, { ...C, theme: 'theme-3', modified: later }, E, tag('N2', 'b.txt', 5, 'ใหม่เขา')], // D deleted
    };
    const merged = mergeAnnotations(base, ours, theirs);
    assert.deepEqual(merged.themes.map((t) => t.id), ['theme-1', 'theme-2', 'theme-3']);
    assert.deepEqual(merged.tags, [{ ...A, note: 'ของเรา', modified: later }, { ...C, theme: 'theme-3', modified: later }, E, tag('N1', 'b.txt', 0, 'ใหม่เรา'), tag('N2', 'b.txt', 5, 'ใหม่เขา')]);
  });

  it('for a tag both sides changed, the later modification wins', () => {
    const ours = { ...base, tags: [{ ...A, note: 'เรา', modified: latest }, B, C, D, E] };
    const theirs = { ...base, tags: [{ ...A, note: 'เขา', modified: later }, B, C, D, E] };
    assert.equal(mergeAnnotations(base, ours, theirs).tags[0].note, 'เรา');
    assert.equal(mergeAnnotations(base, theirs, ours).tags[0].note, 'เรา');
  });

  it('a tag deleted on one side but changed on the other is kept', () => {
    const ours = { ...base, tags: [A, C, D, E] }; // B deleted
    const theirs = { ...base, tags: [A, { ...B, note: 'ยังใช้อยู่', modified: later }, C, D, E] };
    assert.deepEqual(mergeAnnotations(base, ours, theirs).tags.map((t) => [t.id, t.note]), [
      ['A', undefined],
      ['B', 'ยังใช้อยู่'],
      ['C', undefined],
      ['D', undefined],
      ['E', undefined],
    ]);
  });

  it('a tag deleted on one side and only moved with its text on the other stays deleted', () => {
    const moved = { ...B, position: { type: 'TextPositionSelector' as const, start: 15, end: 18 } };
    const ours = { ...base, tags: [A, moved, C, D, E] };
    const theirs = { ...base, tags: [A, C, D, E] };
    assert.deepEqual(mergeAnnotations(base, ours, theirs).tags.map((t) => t.id), ['A', 'C', 'D', 'E']);
    assert.deepEqual(mergeAnnotations(base, theirs, ours).tags.map((t) => t.id), ['A', 'C', 'D', 'E']);
  });

  it('with an empty base (a file created meanwhile) it is the union', () => {
    const merged = mergeAnnotations(emptyAnnotations(), { ...emptyAnnotations(), tags: [A] }, { ...emptyAnnotations(), tags: [B] });
    assert.deepEqual(merged.tags.map((t) => t.id), ['A', 'B']);
  });
});

describe('annotations file: ids of new themes', () => {
  it('slugs a Latin label and numbers a Thai one, never reusing an id', () => {
    assert.equal(makeThemeId('Maritime Security', new Set()), 'maritime-security');
    assert.equal(makeThemeId('  Café & Trade (ASEAN) ', new Set()), 'cafe-trade-asean');
    assert.equal(makeThemeId('Maritime security', new Set(['maritime-security', 'maritime-security-2'])), 'maritime-security-3');
    assert.equal(makeThemeId('ความมั่นคงทางทะเล', new Set()), 'theme-1');
    assert.equal(makeThemeId('ASEAN ความมั่นคง', new Set(['theme-1', 'theme-3'])), 'theme-2');
    assert.equal(makeThemeId('!!!', new Set()), 'theme-1');
  });
});

describe('one file per coder', () => {
  it('names a coder\'s file by a slug of the name, in any script', () => {
    assert.equal(coderSlug('Malee S.'), 'malee-s');
    assert.equal(coderSlug('สมชาย ใจดี'), 'สมชาย-ใจดี');
    assert.equal(coderSlug('../../etc/passwd'), 'etc-passwd');
    assert.equal(coderSlug('...'), 'coder');
    assert.equal(coderSlug('a'.repeat(70) + ' b'), 'a'.repeat(64));
    assert.equal(coderTagsFile('Malee'), '.policy-lens/tags/malee.json');
    assert.equal(coderTagsDir('.policy-lens/annotations.json'), '.policy-lens/tags');
    assert.equal(coderTagsDir('notes.json'), 'tags');
    assert.equal(coderTagsFile('Malee', coderTagsDir('meta/a.json')), 'meta/tags/malee.json');
    assert.deepEqual(['malee.json', '.x.json', 'a.txt', 'สมชาย.json'].filter(isCoderTagsFileName), ['malee.json', 'สมชาย.json']);
  });

  it('reads the files as one: by id, the later version of a tag found twice, the first file\'s theme', () => {
    const t1 = tag('t1', 'a.txt', 0, 'ก', { creator: 'A' });
    const t1later = { ...t1, note: 'ใหม่', modified: '2025-12-01T00:00:00.000Z' };
    const t2 = tag('t2', 'a.txt', 5, 'ข', { creator: 'B' });
    const union = unionAnnotations([
      { version: 1, themes: [{ id: 'x', label: 'หนึ่ง' }], tags: [t1later] },
      { version: 1, themes: [{ id: 'x', label: 'สอง' }, { id: 'w', label: 'W' }], tags: [t2, t1] },
    ]);
    assert.deepEqual(union, { version: 1, themes: [{ id: 'w', label: 'W' }, { id: 'x', label: 'หนึ่ง' }], tags: [t1later, t2] });
  });

  it('migration: moves each coder\'s tags to the coder\'s file, joined with what it holds; themes and tags without a coder stay', () => {
    const legacy = tag('old', 'a.txt', 0, 'ก');
    const a1 = tag('a1', 'a.txt', 2, 'ข', { creator: 'Malee' });
    const a2 = tag('a2', 'b.txt', 2, 'ค', { creator: 'malee' });
    const b1 = tag('b1', 'a.txt', 4, 'ง', { creator: 'สมชาย' });
    const already = tag('a0', 'c.txt', 0, 'จ', { creator: 'Malee' });
    const shared: AnnotationsData = { version: 1, themes: [{ id: 'own', label: 'ของเรา' }], tags: [b1, a2, legacy, a1] };
    const split = splitByCoder(shared, new Map([['.policy-lens/tags/malee.json', { version: 1, themes: [], tags: [already] }]]));
    assert.deepEqual(split, {
      coderFiles: [
        { file: '.policy-lens/tags/malee.json', data: { version: 1, themes: [], tags: [a1, a2, already] } },
        { file: '.policy-lens/tags/สมชาย.json', data: { version: 1, themes: [], tags: [b1] } },
      ],
      rest: { version: 1, themes: [{ id: 'own', label: 'ของเรา' }], tags: [legacy] },
      moved: 3,
    });
    // nothing lost: the new files and the rest hold every tag of before, once
    const after = unionAnnotations([split.rest, ...split.coderFiles.map((f) => f.data)]);
    assert.deepEqual(after.tags.map((t) => t.id).sort(), ['a0', 'a1', 'a2', 'b1', 'old']);
    // done again: nothing moves
    assert.equal(splitByCoder(split.rest, new Map()).moved, 0);
  });
});
