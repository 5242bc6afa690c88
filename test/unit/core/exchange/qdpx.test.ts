import { strict as assert } from 'node:assert';
import { strFromU8, unzipSync } from 'fflate';
import { parseGlossary } from '../../../../src/core/glossary/glossary';
import { themeGuid } from '../../../../src/core/exchange/qdc';
import { buildProject, codePointOffset, sourceGuid, userGuid, utf16Offset, zipProject, type ProjectInput } from '../../../../src/core/exchange/qdpx';
import { parseXml, type XmlElement } from '../../../../src/core/exchange/xml';
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
