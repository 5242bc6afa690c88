import { strict as assert } from 'node:assert';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseGlossary } from '../../../../src/core/glossary/glossary';
import { themeGuid } from '../../../../src/core/exchange/qdc';
import { buildProject, codePointOffset, sourceGuid, userGuid, utf16Offset, zipProject, type ProjectInput } from '../../../../src/core/exchange/qdpx';
import { parseXml, type XmlElement } from '../../../../src/core/exchange/xml';
import { QdpxError, readProject } from '../../../../src/core/exchange/qdpxRead';
import { xmllintSchema } from '../../../support/xmllint';

const GLOSSARY = parseGlossary(
  `version: 1
themes:
  - id: security
    label: ความมั่นคง
    label_en: Security
    terms: [ความมั่นคง]
    themes:
      - id: maritime
        label: ความมั่นคงทางทะเล
`,
  'g.glossary.yaml',
).glossary!.themes;

// an emoji (two UTF-16 units) before the second passage: its positions differ from the editor's offsets
const NEWS = 'ข่าวความมั่นคง 😀 ความร่วมมือทางทะเลกับอาเซียน\n';
const OTHER = 'ประเด็นใหม่ & <ทดสอบ>\n';
const second = NEWS.indexOf('ความร่วมมือ');

function input(): ProjectInput {
  return {
    name: 'workspace',
    origin: 'Thai Policy Lens test',
    themes: GLOSSARY,
    tagThemes: [{ id: 'new-issue', label: 'ประเด็นใหม่', color: '#123456' }],
    documents: [
      { path: 'docs/news.txt', text: NEWS },
      { path: 'other.md', text: OTHER },
    ],
    tags: [
      { id: 't2', document: 'docs/news.txt', theme: 'maritime', start: second, end: second + 'ความร่วมมือทางทะเล'.length, note: 'บันทึก\nสองบรรทัด', created: '2025-05-26T09:00:00.000Z', modified: '2025-05-26T10:00:00.000Z', creator: 'Somchai' },
      { id: 't1', document: 'docs/news.txt', theme: 'security', start: 4, end: 14, created: '2025-05-26T08:00:00.000Z', creator: 'Malee' },
      { id: 't3', document: 'other.md', theme: 'new-issue', start: 0, end: 11, creator: 'Somchai' },
      { id: 't4', document: 'other.md', theme: 'gone-theme', start: 12, end: 20 },
      { id: 't5', document: 'other.md', theme: 'security', start: 0, end: 3, orphaned: true },
    ],
  };
}

const child = (el: XmlElement, name: string): XmlElement[] => el.children.filter((c) => c.local === name);

describe('qdpx: REFI-QDA project export', () => {
  const project = buildProject(input());
  const root = parseXml(project.qde);

  it('is valid by the REFI-QDA Project schema (xmllint)', () => {
    assert.deepEqual(xmllintSchema(project.qde), { status: 0, output: 'project.qde validates\n' });
  });

  it('counts positions in code points, as the standard does: Thai text as the editor does, an emoji as one', () => {
    assert.equal(codePointOffset(NEWS, 4), 4);
    assert.equal(codePointOffset(NEWS, second), second - 1);
    assert.equal(utf16Offset(NEWS, second - 1), second);
    assert.equal(utf16Offset('ab', 3), undefined);
    const selections = child(child(root, 'Sources')[0], 'TextSource')[0].children;
    assert.deepEqual(
      selections.map((s) => [s.attributes.get('name'), s.attributes.get('startPosition'), s.attributes.get('endPosition')]),
      [
        ['ความมั่นคง', '4', '14'],
        ['ความร่วมมือทางทะเล', String(second - 1), String(second - 1 + 18)],
      ],
    );
    // the selected text, read as the standard counts, is the passage
    const chars = [...NEWS];
    assert.equal(chars.slice(second - 1, second - 1 + 18).join(''), 'ความร่วมมือทางทะเล');
  });

  it('holds the coders, the codes (themes, tag-made, and a code for a theme no longer known), codings and notes', () => {
    assert.deepEqual(child(child(root, 'Users')[0], 'User').map((u) => [u.attributes.get('name'), u.attributes.get('guid')]), [
      ['Malee', userGuid('Malee')],
      ['Somchai', userGuid('Somchai')],
    ]);
    const codes = child(child(child(root, 'CodeBook')[0], 'Codes')[0], 'Code');
    assert.deepEqual(codes.map((c) => c.attributes.get('name')), ['ความมั่นคง', 'ประเด็นใหม่', 'gone-theme']);
    const [news, other] = child(child(root, 'Sources')[0], 'TextSource');
    assert.deepEqual([news.attributes.get('name'), news.attributes.get('plainTextPath')], ['docs/news.txt', `internal://${sourceGuid('docs/news.txt')}.txt`]);
    const maritime = news.children[1];
    assert.equal(maritime.attributes.get('creatingUser'), userGuid('Somchai'));
    assert.equal(child(child(maritime, 'Coding')[0], 'CodeRef')[0].attributes.get('targetGUID'), themeGuid('maritime'));
    const noteGuid = child(maritime, 'NoteRef')[0].attributes.get('targetGUID');
    const note = child(child(root, 'Notes')[0], 'Note')[0];
    assert.equal(note.attributes.get('guid'), noteGuid);
    assert.equal(child(note, 'PlainTextContent')[0].text, 'บันทึก\nสองบรรทัด');
    assert.equal(other.children.length, 2, 'the orphaned tag is left out');
    assert.equal(project.skipped, 1);
    assert.deepEqual([...project.sources.keys()], [`${sourceGuid('docs/news.txt')}.txt`, `${sourceGuid('other.md')}.txt`]);
  });

  it('gives the same project, GUIDs and zip bytes each time, whatever the order of the tags', () => {
    const again = input();
    again.tags = [...again.tags].reverse();
    const rebuilt = buildProject(again);
    assert.equal(rebuilt.qde, project.qde);
    assert.deepEqual(zipProject(rebuilt), zipProject(project));
  });

  it('zips project.qde and sources/ with the documents as UTF-8', () => {
    const files = unzipSync(zipProject(project));
    assert.deepEqual(Object.keys(files).sort(), ['project.qde', `sources/${sourceGuid('docs/news.txt')}.txt`, `sources/${sourceGuid('other.md')}.txt`].sort());
    assert.equal(strFromU8(files['project.qde']), project.qde);
    assert.equal(strFromU8(files[`sources/${sourceGuid('docs/news.txt')}.txt`]), NEWS);
  });
});

describe('qdpx: reading a project', () => {
  const bytes = zipProject(buildProject(input()));
  const zip = (entries: Record<string, string | Uint8Array>): Uint8Array => zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));
  const refused = (data: Uint8Array, options = {}): string => {
    try {
      readProject(data, options);
    } catch (e) {
      assert.ok(e instanceof QdpxError, String(e));
      return e.message;
    }
    return 'accepted';
  };
  const PROJECT = (body: string) => `<?xml version="1.0"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p">\n${body}\n</Project>\n`;

  it('round trip: export then import gives the same documents, themes and tags (positions, notes, coders)', () => {
    const r = readProject(bytes);
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(r.documents, input().documents);
    const glossary = parseGlossary(r.glossary, 'p.glossary.yaml').glossary!;
    const ids = (list: readonly { id: string; themes: readonly unknown[] }[]): string[] => list.flatMap((t) => [t.id, ...ids(t.themes as never)]);
    assert.deepEqual(ids(glossary.themes), ['security', 'maritime', 'new-issue', 'gone-theme']);
    assert.deepEqual(glossary.themes[0].terms.map((t) => t.term), ['ความมั่นคง']);
    const shape = (t: { document: string; theme: string; start: number; end: number; note?: string; creator?: string }) => [t.document, t.theme, t.start, t.end, t.note, t.creator];
    const expected = input().tags.filter((t) => !t.orphaned).map(shape).sort();
    assert.deepEqual(r.tags.map((t) => shape({ ...t, start: t.position.start, end: t.position.end })).sort(), expected);
    assert.equal(r.tags.find((t) => t.theme === 'maritime')!.quote.exact, 'ความร่วมมือทางทะเล');
    // the same project again: the same tag ids
    assert.deepEqual(readProject(bytes).tags.map((t) => t.id), r.tags.map((t) => t.id));
    // themes already loaded are not written again
    const existing = [{ id: 'security', terms: [{ term: 'ความมั่นคง' }] }, { id: 'maritime' }, { id: 'new-issue' }, { id: 'gone-theme' }];
    assert.equal(readProject(bytes, { existing }).glossary, '');
  });

  it('refuses what is not a project, saying why', () => {
    assert.match(refused(strToU8('not a zip')), /^not a zip file: /);
    assert.equal(refused(zip({ 'other.xml': '<x/>' })), 'the zip has no project.qde: it is not a REFI-QDA project');
    assert.equal(refused(zip({ 'project.qde': '<Project' })), 'project.qde:1:1: not well-formed XML: unclosed start tag <Project>');
    assert.equal(refused(zip({ 'project.qde': '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>' })), 'project.qde:1:1: not a REFI-QDA project: the root element is <CodeBook>, a project has <Project xmlns="urn:QDA-XML:project:1.0">');
  });

  it('refuses a zip bomb before unpacking it', () => {
    const big = zip({ 'project.qde': PROJECT('<Sources><TextSource guid="00000000-0000-4000-8000-000000000001" name="a.txt" plainTextPath="internal://a.txt"/></Sources>'), 'sources/a.txt': new Uint8Array(8 * 1024 * 1024) });
    assert.ok(big.length < 64 * 1024, `compressed to ${big.length} bytes`);
    assert.equal(refused(big, { maxUnpackedBytes: 1024 * 1024 }), 'the project unpacks to more than 1 MB (a zip bomb?); nothing was imported');
  });

  it('keeps document paths inside the folder, leaves out selections outside their text, ignores unknown elements, reads other GUID styles', () => {
    const qde = PROJECT(`<CodeBook><Codes><Code guid="{AAAAAAAA-0000-4000-8000-000000000001}" name="Trade" isCodable="true"/></Codes></CodeBook>
<Sources>
<TextSource guid="{BBBBBBBB-0000-4000-8000-000000000001}" name="../../evil" plainTextPath="internal://x.txt">
<PlainTextSelection guid="{CCCCCCCC-0000-4000-8000-000000000001}" startPosition="0" endPosition="4"><Coding guid="{DDDDDDDD-0000-4000-8000-000000000001}"><CodeRef targetGUID="aaaaaaaa-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>
<PlainTextSelection guid="CCCCCCCC-0000-4000-8000-000000000002" startPosition="3" endPosition="99"><Coding guid="DDDDDDDD-0000-4000-8000-000000000002"><CodeRef targetGUID="aaaaaaaa-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>
</TextSource>
<PictureSource guid="EEEEEEEE-0000-4000-8000-000000000001"/>
</Sources>
<Extension xmlns="urn:QDA-XML:project:1.0"/>`);
    const r = readProject(zip({ 'project.qde': qde, 'sources/x.txt': 'การค้าเสรี', '../outside.txt': 'x' }));
    assert.deepEqual(r.documents, [{ path: 'sources/bbbbbbbb-0000-4000-8000-000000000001.txt', text: 'การค้าเสรี' }]);
    assert.deepEqual(r.tags.map((t) => [t.id, t.theme, t.quote.exact]), [['dddddddd-0000-4000-8000-000000000001', 'trade', 'การค']]);
    // a project's codes are all themes (codings point at them), and the glossary's header says so
    assert.match(r.glossary ?? '', /^# Every code is a theme; the codes under a code are its sub-themes\.$/m);
    assert.doesNotMatch(r.glossary ?? '', /a leaf code is a term/);
    assert.deepEqual(r.warnings, [
      'project.qde:11: <Extension> is not read (ignored)',
      'project.qde:9: a <PictureSource> is not read (only text sources are)',
      'project.qde:5: document name "../../evil" is not a new path inside the folder; written as sources/bbbbbbbb-0000-4000-8000-000000000001.txt',
      'project.qde:7: selection 3-99 is outside "sources/bbbbbbbb-0000-4000-8000-000000000001.txt" (10 characters); left out',
    ]);
  });
});
