import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeRange } from '../../../src/core/tags/anchoring';
import { serializeAnnotationsFile, type StoredTag } from '../../../src/core/tags/annotationsFile';
import { parseGlossary, type GlossaryTheme } from '../../../src/core/glossary/glossary';
import { builtinPacksDir, run, type CliRun } from '../../support/runCli';
import pkg from '../../../package.json';
import { strFromU8, unzipSync } from 'fflate';
import { xmllintSchema } from '../../support/xmllint';


/** A glossary found in the folder: a theme with a sub-theme. */
const TRADE = `version: 1
themes:
  - id: trade
    label: การค้า
    label_en: Trade
    terms: [การค้าเสรี]
    themes:
      - id: fta
        label: ความตกลงการค้าเสรี
`;

/** Line 2 holds the first passage (10..63): two countries, a term and a date. */
const DOC_A = 'บรรทัดแรก\nไทยกับจีนลงนามการค้าเสรีเมื่อวันที่ 16 พฤศจิกายน 2564\nจบ\n';
const PASSAGE_A = 'ไทยกับจีนลงนามการค้าเสรีเมื่อวันที่ 16 พฤศจิกายน 2564';
/** The second passage (0..18) names two countries and no date. */
const DOC_B = 'ญี่ปุ่นกับเวียดนาม หารือเรื่องสาธารณสุข\n';
const PASSAGE_B = 'ญี่ปุ่นกับเวียดนาม';

let dir: string;
let folder: string;

/** A stored tag of the passage `exact` of `text` (its first occurrence). */
function tag(id: string, document: string, theme: string, text: string, exact: string, note?: string): StoredTag {
  const start = text.indexOf(exact);
  assert.ok(start >= 0, `${exact} is in the text`);
  const [quote, position] = describeRange(text, start, start + exact.length);
  const t: StoredTag = { id, document, theme, created: '2025-11-20T09:30:00.000Z', modified: '2025-11-21T10:00:00.000Z', quote, position };
  if (note !== undefined) t.note = note;
  return t;
}

/** A fresh workspace folder: two documents, the folder's glossary and an annotations file. */
function makeFolder(tags: StoredTag[] = defaultTags()): string {
  const root = fs.mkdtempSync(path.join(dir, 'ws-'));
  fs.mkdirSync(path.join(root, 'docs'));
  fs.mkdirSync(path.join(root, '.policy-lens'));
  fs.writeFileSync(path.join(root, 'docs', 'a.txt'), DOC_A);
  fs.writeFileSync(path.join(root, 'docs', 'b.txt'), DOC_B);
  fs.writeFileSync(path.join(root, 'trade.glossary.yaml'), TRADE);
  const data = { version: 1 as const, themes: [{ id: 'own', label: 'ประเด็นเฉพาะ', labelEn: 'Own theme' }], tags };
  fs.writeFileSync(path.join(root, '.policy-lens', 'annotations.json'), serializeAnnotationsFile(data));
  return root;
}

function defaultTags(): StoredTag[] {
  return [tag('tag-b', 'docs/b.txt', 'own', DOC_B, PASSAGE_B), tag('tag-a', 'docs/a.txt', 'fta', DOC_A, PASSAGE_A, 'ดูข้อ 2, "ร่าง"')];
}

/** The CSV records (BOM and CRLF taken off), each split into its fields (none holds a line break here). */
function csvRecords(csv: string): string[][] {
  assert.equal(csv.charCodeAt(0), 0xfeff);
  assert.ok(csv.endsWith('\r\n'));
  return csv
    .slice(1, -2)
    .split('\r\n')
    .map((line) => {
      const fields: string[] = [];
      const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/gy;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line)) && m[0] !== '') {
        fields.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
        if (m[2] === '') break;
      }
      return fields;
    });
}

const HEADER = ['document', 'theme', 'theme_label', 'text', 'note', 'line', 'start', 'end', 'countries', 'dates', 'orphaned'];

describe('command line: export', () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-cli-export-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    folder = makeFolder();
  });

  it('exports two tags in two documents as CSV, field by field', () => {
    const result = run(['export', '--format', 'csv', '--folder', folder]);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    assert.deepEqual(csvRecords(result.stdout), [
      HEADER,
      ['docs/a.txt', 'fta', 'ความตกลงการค้าเสรี', PASSAGE_A, 'ดูข้อ 2, "ร่าง"', '2', '10', '63', 'TH; CN', '16 พฤศจิกายน 2564 [2021-11-16]', 'false'],
      ['docs/b.txt', 'own', 'ประเด็นเฉพาะ (Own theme)', PASSAGE_B, '', '1', '0', '18', 'JP; VN', '', 'false'],
    ]);
    assert.equal(
      result.stdout,
      '\ufeffdocument,theme,theme_label,text,note,line,start,end,countries,dates,orphaned\r\n' +
        `docs/a.txt,fta,ความตกลงการค้าเสรี,${PASSAGE_A},"ดูข้อ 2, ""ร่าง""",2,10,63,TH; CN,16 พฤศจิกายน 2564 [2021-11-16],false\r\n` +
        `docs/b.txt,own,ประเด็นเฉพาะ (Own theme),${PASSAGE_B},,1,0,18,JP; VN,,false\r\n`,
    );
  });

  it('exports them as a Markdown report', () => {
    const result = run(['export', '--format', 'md', '--folder', folder]);
    assert.deepEqual([result.code, result.stderr], [0, '']);
    assert.equal(
      result.stdout,
      [
        '# Coded passages',
        '',
        '2 passages in 2 documents.',
        '',
        '## ความตกลงการค้าเสรี',
        '',
        'Theme `trade / fta`: 1 passage.',
        '',
        '### docs/a.txt',
        '',
        `> ${PASSAGE_A}`,
        '',
        'Line 2. Note: ดูข้อ 2, "ร่าง"',
        '',
        '## ประเด็นเฉพาะ (Own theme)',
        '',
        'Theme `own`: 1 passage.',
        '',
        '### docs/b.txt',
        '',
        `> ${PASSAGE_B}`,
        '',
        'Line 1.',
        '',
      ].join('\n'),
    );
  });

  it('exports them as W3C Web Annotation JSON-LD relative to the folder, named once as @base', () => {
    const result = run(['export', '--format', 'webanno', '--folder', folder]);
    assert.deepEqual([result.code, result.stderr], [0, '']);
    assert.ok(result.stdout.endsWith('}\n'));
    const base = pathToFileURL(folder).href + '/';
    const collection = JSON.parse(result.stdout);
    assert.deepEqual(collection['@context'], ['http://www.w3.org/ns/anno.jsonld', { '@base': base }]);
    assert.equal(collection.id, '#annotations');
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.total, 2);
    assert.deepEqual(collection.first.items, [
      {
        id: '#annotation-tag-a',
        type: 'Annotation',
        motivation: ['tagging', 'commenting'],
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: 'ความตกลงการค้าเสรี', format: 'text/plain' },
          { type: 'SpecificResource', purpose: 'classifying', source: '#theme-fta' },
          { type: 'TextualBody', purpose: 'commenting', value: 'ดูข้อ 2, "ร่าง"', format: 'text/plain' },
        ],
        target: {
          source: 'docs/a.txt',
          selector: [
            { type: 'TextQuoteSelector', exact: PASSAGE_A },
            { type: 'TextPositionSelector', start: 10, end: 63 },
          ],
        },
        created: '2025-11-20T09:30:00.000Z',
        modified: '2025-11-21T10:00:00.000Z',
      },
      {
        id: '#annotation-tag-b',
        type: 'Annotation',
        motivation: 'tagging',
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: 'ประเด็นเฉพาะ (Own theme)', format: 'text/plain' },
          { type: 'SpecificResource', purpose: 'classifying', source: '#theme-own' },
        ],
        target: {
          source: 'docs/b.txt',
          selector: [
            { type: 'TextQuoteSelector', exact: PASSAGE_B },
            { type: 'TextPositionSelector', start: 0, end: 18 },
          ],
        },
        created: '2025-11-20T09:30:00.000Z',
        modified: '2025-11-21T10:00:00.000Z',
      },
    ]);
  });

  it('writes --out whole, with the same bytes as standard output, and leaves no temporary file', () => {
    const out = path.join(folder, 'coded.csv');
    fs.writeFileSync(out, 'old content');
    const result = run(['export', '--format=csv', `--folder=${folder}`, '--out', out]);
    assert.deepEqual(result, { code: 0, stdout: '', stderr: '' });
    assert.equal(fs.readFileSync(out, 'utf8'), run(['export', '--format', 'csv', '--folder', folder]).stdout);
    assert.deepEqual(fs.readdirSync(folder).sort(), ['.policy-lens', 'coded.csv', 'docs', 'trade.glossary.yaml']);
  });

  it('re-anchors a tag whose text was edited on disk', () => {
    // a line added above, and a word inside the passage changed (ลงนาม -> ลงนามใน)
    fs.writeFileSync(path.join(folder, 'docs', 'a.txt'), 'หัวเรื่อง\n' + DOC_A.replace('ลงนาม', 'ลงนามใน'));
    const result = run(['export', '--format', 'csv', '--folder', folder]);
    assert.deepEqual([result.code, result.stderr], [0, '']);
    const edited = 'ไทยกับจีนลงนามในการค้าเสรีเมื่อวันที่ 16 พฤศจิกายน 2564';
    assert.deepEqual(csvRecords(result.stdout)[1], ['docs/a.txt', 'fta', 'ความตกลงการค้าเสรี', edited, 'ดูข้อ 2, "ร่าง"', '3', '20', '75', 'TH; CN', '16 พฤศจิกายน 2564 [2021-11-16]', 'false']);
  });

  it('follows a passage that only moved', () => {
    fs.writeFileSync(path.join(folder, 'docs', 'b.txt'), 'คำนำ\n\n' + DOC_B);
    const result = run(['export', '--format', 'csv', '--folder', folder]);
    assert.deepEqual(csvRecords(result.stdout)[2], ['docs/b.txt', 'own', 'ประเด็นเฉพาะ (Own theme)', PASSAGE_B, '', '3', '6', '24', 'JP; VN', '', 'false']);
  });

  it('exports a deleted passage as orphaned, with its stored text and position', () => {
    fs.writeFileSync(path.join(folder, 'docs', 'b.txt'), 'หารือเรื่องสาธารณสุข\n');
    const result = run(['export', '--format', 'csv', '--folder', folder]);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, `${path.join(folder, 'docs', 'b.txt')}:1: warning: tagged passage "ญี่ปุ่นกับเวียดนาม" not found; exported as orphaned\n`);
    assert.deepEqual(csvRecords(result.stdout)[2], ['docs/b.txt', 'own', 'ประเด็นเฉพาะ (Own theme)', PASSAGE_B, '', '1', '0', '18', '', '', 'true']);
    // the Web Annotation of an orphan has only its quote
    const items = JSON.parse(run(['export', '--format', 'webanno', '--folder', folder]).stdout).first.items;
    assert.deepEqual(items[1].target.selector, [{ type: 'TextQuoteSelector', exact: PASSAGE_B }]);
    assert.match(run(['export', '--format', 'md', '--folder', folder]).stdout, /\n> ญี่ปุ่นกับเวียดนาม\n\nLine 1 \(not found in the document any more\)\.\n$/);
  });

  it('exports the tags of a missing document as orphaned', () => {
    fs.rmSync(path.join(folder, 'docs', 'a.txt'));
    const result = run(['export', '--format', 'csv', '--folder', folder]);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, `warning: cannot read document ${path.join(folder, 'docs', 'a.txt')}: no such file; 1 tagged passage in it exported as orphaned\n`);
    assert.deepEqual(csvRecords(result.stdout).slice(1), [
      ['docs/a.txt', 'fta', 'ความตกลงการค้าเสรี', PASSAGE_A, 'ดูข้อ 2, "ร่าง"', '1', '10', '63', '', '', 'true'],
      ['docs/b.txt', 'own', 'ประเด็นเฉพาะ (Own theme)', PASSAGE_B, '', '1', '0', '18', 'JP; VN', '', 'false'],
    ]);
  });

  it('labels themes from the built-in glossary and --glossary files too, and can leave the built-in one out', () => {
    const builtin = builtinPacksDir(dir, { 'health-welfare': 'version: 1\nthemes:\n  - id: health\n    label: สาธารณสุข\n    label_en: Health\n' });
    const extra = path.join(dir, 'extra.glossary.yaml');
    fs.writeFileSync(extra, 'version: 1\nthemes:\n  - id: asean\n    label: อาเซียน\n');
    const tags = [tag('t1', 'docs/b.txt', 'health', DOC_B, 'สาธารณสุข'), tag('t2', 'docs/b.txt', 'asean', DOC_B, 'หารือ'), tag('t3', 'docs/b.txt', 'nowhere', DOC_B, 'เรื่อง')];
    const ws = makeFolder(tags);
    const labels = (r: CliRun) => csvRecords(r.stdout).slice(1).map((f) => [f[1], f[2]]);
    assert.deepEqual(labels(run(['export', '--format', 'csv', '--folder', ws, '--glossary', extra], builtin)), [
      ['asean', 'อาเซียน'],
      ['nowhere', 'nowhere'],
      ['health', 'สาธารณสุข (Health)'],
    ]);
    assert.deepEqual(labels(run(['export', '--format', 'csv', '--folder', ws, '--no-builtin-glossary'], builtin)), [
      ['asean', 'asean'],
      ['nowhere', 'nowhere'],
      ['health', 'health'],
    ]);
    // --packs picks the packs: without health-welfare the theme has no label
    assert.deepEqual(labels(run(['export', '--format', 'csv', '--folder', ws, '--packs', 'foreign-affairs'], builtin)), [
      ['asean', 'asean'],
      ['nowhere', 'nowhere'],
      ['health', 'health'],
    ]);
    assert.deepEqual(labels(run(['export', '--format', 'csv', '--folder', ws, '--packs', 'health-welfare'], builtin))[2], ['health', 'สาธารณสุข (Health)']);
  });

  it('skips glossaries under node_modules and .git, as the editor does', () => {
    fs.mkdirSync(path.join(folder, 'node_modules', 'x'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'node_modules', 'x', 'broken.glossary.yaml'), 'not: [a glossary');
    fs.mkdirSync(path.join(folder, '.git'));
    fs.writeFileSync(path.join(folder, '.git', 'broken.glossary.yml'), 'not: [a glossary');
    assert.equal(run(['export', '--format', 'csv', '--folder', folder]).code, 0);
  });

  it('reads the coders\' files .policy-lens/tags/*.json together with the annotations file', () => {
    const [b, a] = defaultTags();
    a.creator = 'สมชาย';
    folder = makeFolder([b]);
    fs.mkdirSync(path.join(folder, '.policy-lens', 'tags'));
    fs.writeFileSync(path.join(folder, '.policy-lens', 'tags', 'สมชาย.json'), serializeAnnotationsFile({ version: 1, themes: [], tags: [a] }));
    fs.writeFileSync(path.join(folder, '.policy-lens', 'tags', '.hidden.json'), 'not read');
    const result = run(['export', '--format', 'csv', '--folder', folder]);
    assert.equal(result.stderr, '');
    assert.deepEqual(csvRecords(result.stdout).slice(1).map((r) => [r[0], r[1], r[3]]), [
      ['docs/a.txt', 'fta', PASSAGE_A],
      ['docs/b.txt', 'own', PASSAGE_B],
    ]);
    // without the annotations file, the coders' files alone
    fs.rmSync(path.join(folder, '.policy-lens', 'annotations.json'));
    assert.deepEqual(csvRecords(run(['export', '--format', 'csv', '--folder', folder]).stdout).map((r) => r[0]), ['document', 'docs/a.txt']);
    // an invalid coder's file is named
    fs.writeFileSync(path.join(folder, '.policy-lens', 'tags', 'malee.json'), '{');
    const bad = run(['export', '--format', 'csv', '--folder', folder]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /tags[\\/]malee\.json:1:2: not a valid annotations file/);
  });

  it('reads --annotations from another place', () => {
    const elsewhere = path.join(dir, 'elsewhere.json');
    fs.renameSync(path.join(folder, '.policy-lens', 'annotations.json'), elsewhere);
    const result = run(['export', '--format', 'csv', '--folder', folder, '--annotations', elsewhere]);
    assert.deepEqual([result.code, csvRecords(result.stdout).length], [0, 3]);
  });

  describe('exit status 2 with one line on stderr, nothing on stdout and no file written', () => {
    const cases: Array<[string, () => [string[], string]]> = [
      [
        'a corrupt annotations file (invalid JSON)',
        () => {
          const file = path.join(folder, '.policy-lens', 'annotations.json');
          fs.writeFileSync(file, '{\n  "version": 1,\n  "tags": [,]\n}\n');
          return [['export', '--format', 'csv', '--folder', folder], `${file}:3:12: not a valid annotations file: invalid JSON: expected a value, found character ","`];
        },
      ],
      [
        'an annotations file with a field of the wrong shape',
        () => {
          const file = path.join(folder, '.policy-lens', 'annotations.json');
          const text = fs.readFileSync(file, 'utf8').replace('"start": 0', '"start": -1');
          fs.writeFileSync(file, text);
          const line = text.split('\n').findIndex((l) => l.includes('"start": -1')) + 1;
          return [['export', '--format', 'md', '--folder', folder], `${file}:${line}:22: not a valid annotations file: tags[1].target.selector[1].start must be a whole number of at least 0`];
        },
      ],
      ['no annotations file', () => [['export', '--format', 'csv', '--folder', dir], `cannot read annotations file ${path.join(dir, '.policy-lens', 'annotations.json')}: no such file`]],
      ['a missing folder', () => [['export', '--format', 'csv', '--folder', path.join(dir, 'absent')], `cannot read folder ${path.join(dir, 'absent')}: no such directory`]],
      ['no --format', () => [['export', '--folder', folder], 'export needs --format csv, md or webanno; see --help']],
      ['an unknown format', () => [['export', '--format', 'json', '--folder', folder], 'unknown format "json" (use csv, md, webanno or qdpx)']],
      ['an option of another command', () => [['export', '--format', 'csv', '--force'], 'unknown option --force; see --help']],
      ['a file argument', () => [['export', '--format', 'csv', 'docs/a.txt'], 'unexpected argument "docs/a.txt": export reads the documents of --folder; see --help']],
      [
        'an invalid glossary in the folder',
        () => {
          const g = path.join(folder, 'bad.glossary.yaml');
          fs.writeFileSync(g, 'version: 1\nthemes:\n  - id: a\n    label: x\n    color: red\n');
          return [['export', '--format', 'csv', '--folder', folder], `${g}:5:12: "red" is not a colour: use #rgb, #rrggbb or #rrggbbaa`];
        },
      ],
    ];
    for (const [name, make] of cases) {
      it(name, () => {
        const [argv, message] = make();
        const out = path.join(folder, 'out.csv');
        const result = run([...argv, '--out', out]);
        assert.deepEqual(result, { code: 2, stdout: '', stderr: `${message}\n` });
        assert.equal(fs.existsSync(out), false);
      });
    }

    it('an --out folder that does not exist', () => {
      const out = path.join(folder, 'no', 'such', 'dir', 'x.csv');
      assert.deepEqual(run(['export', '--format', 'csv', '--folder', folder, '--out', out]), { code: 2, stdout: '', stderr: `cannot write ${out}: no such directory\n` });
    });
  });
});

/** A glossary with everything a codebook carries: nesting, English labels, glosses, aliases, whole-word terms, colours. */
const CODEBOOK_GLOSSARY = `version: 1
themes:
  - id: maritime
    label: ความมั่นคงทางทะเล
    label_en: Maritime security
    color: "#4e79a7"
    gloss: ความปลอดภัยของเส้นทางเดินเรือ
    terms:
      - term: เสรีภาพในการเดินเรือ
        en: Freedom of navigation
        gloss: หลักการตาม UNCLOS & กฎหมายทะเล
        aliases: [freedom of navigation, FON]
      - term: โจรสลัด
        whole_word: true
      - การลาดตระเวนร่วม
    themes:
      - id: maritime-fishery
        label: ประมงผิดกฎหมาย
        color: "#aabbcc"
        terms:
          - IUU
  - id: trade
    label: การค้า
    color: "#e15759"
`;

/** What a codebook keeps of a theme, for comparing glossaries. */
function essentials(themes: readonly GlossaryTheme[]): unknown[] {
  return themes.map((t) => ({
    id: t.id,
    label: t.label,
    labelEn: t.labelEn,
    color: t.color?.toLowerCase(),
    gloss: t.gloss,
    terms: t.terms.map((term) => ({ term: term.term, en: term.en, gloss: term.gloss, aliases: term.aliases, wholeWord: term.wholeWord })),
    themes: essentials(t.themes),
  }));
}

function glossaryThemes(file: string): GlossaryTheme[] {
  const parsed = parseGlossary(fs.readFileSync(file, 'utf8'), file);
  assert.deepEqual(parsed.errors, []);
  return parsed.glossary!.themes;
}

describe('command line: codebook', () => {
  let cdir: string;
  before(() => {
    cdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-cli-codebook-'));
  });
  after(() => {
    fs.rmSync(cdir, { recursive: true, force: true });
  });

  it('exports a glossary as a .qdc and imports it back into an equal glossary', () => {
    const source = path.join(cdir, 'source.glossary.yaml');
    fs.writeFileSync(source, CODEBOOK_GLOSSARY);
    const qdc = path.join(cdir, 'project.qdc');
    const exported = run(['codebook', 'export', '--glossary', source, '--out', qdc]);
    assert.deepEqual(exported, { code: 0, stdout: '', stderr: '' });
    const xml = fs.readFileSync(qdc, 'utf8');
    assert.ok(xml.startsWith(`<?xml version="1.0" encoding="UTF-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Thai Policy Lens ${pkg.version}">\n  <Codes>\n`));
    assert.equal(run(['codebook', 'export', '--glossary', source]).stdout, xml);

    const imported = path.join(cdir, 'imported.glossary.yaml');
    const result = run(['codebook', 'import', qdc, '--out', imported]);
    assert.deepEqual(result, { code: 0, stdout: `imported 3 themes and 4 terms from ${qdc} into ${imported}\n`, stderr: '' });
    assert.deepEqual(essentials(glossaryThemes(imported)), essentials(glossaryThemes(source)));
    assert.match(fs.readFileSync(imported, 'utf8'), /^# Glossary imported from project\.qdc \(written by Thai Policy Lens /);
  });

  it('exports the built-in glossary by default', () => {
    const builtin = builtinPacksDir(cdir, { 'health-welfare': 'version: 1\nthemes:\n  - id: health\n    label: สาธารณสุข\n' });
    const result = run(['codebook', 'export'], builtin);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /\n {4}<Code guid="[0-9a-f-]{36}" name="สาธารณสุข" isCodable="true" color="#[0-9A-F]{6}">\n {6}<Description>Theme id: health<\/Description>\n/);
    assert.deepEqual(run(['codebook', 'export']), {
      code: 2,
      stdout: '',
      stderr: 'no glossary is loaded, so there is no codebook to export; name one with --glossary FILE\n',
    });
  });

  it('adds the themes made while tagging that an annotations file and its coders\' files keep (--annotations)', () => {
    const source = path.join(cdir, 'tagged.glossary.yaml');
    fs.writeFileSync(source, CODEBOOK_GLOSSARY);
    const lens = path.join(cdir, 'tagged', '.policy-lens');
    fs.mkdirSync(path.join(lens, 'tags'), { recursive: true });
    const file = path.join(lens, 'annotations.json');
    fs.writeFileSync(file, JSON.stringify({ version: 1, themes: [{ id: 'made-while-tagging', label: 'ประเด็นใหม่', color: '#336699' }], tags: [] }));
    fs.writeFileSync(path.join(lens, 'tags', 'somchai.json'), JSON.stringify({ version: 1, themes: [{ id: 'coder-theme', label: 'ประเด็นของผู้ลงรหัส' }], tags: [] }));
    const without = run(['codebook', 'export', '--glossary', source]);
    const withThemes = run(['codebook', 'export', '--glossary', source, '--annotations', file]);
    assert.equal(withThemes.code, 0, withThemes.stderr);
    const names = (xml: string) => [...xml.matchAll(/<Code guid="[^"]+" name="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(names(withThemes.stdout), [...names(without.stdout), 'ประเด็นของผู้ลงรหัส', 'ประเด็นใหม่']);
    assert.match(withThemes.stdout, /<Description>Theme id: made-while-tagging<\/Description>/);
    assert.deepEqual(run(['codebook', 'export', '--glossary', source, '--annotations', path.join(cdir, 'missing.json')]).code, 2);
  });

  it('imports nothing from a codebook the loaded glossaries wrote; gives other codes other ids (issue 18, item 8)', () => {
    const builtin = builtinPacksDir(cdir, { 'economy-fiscal': 'version: 1\nthemes:\n  - id: trade\n    label: การค้า\n    terms: [ส่งออก]\n' });
    const qdc = path.join(cdir, 'trade.qdc');
    assert.equal(run(['codebook', 'export', '--out', qdc], builtin).code, 0);
    const out = path.join(cdir, 'trade-again.glossary.yaml');
    assert.deepEqual(run(['codebook', 'import', qdc, '--out', out], builtin), { code: 0, stdout: '', stderr: `nothing imported: every theme of ${qdc} (1 theme) is already in the glossary\n` });
    assert.equal(fs.existsSync(out), false);
    // another tool's code named Trade is another theme
    const foreign = path.join(cdir, 'foreign.qdc');
    fs.writeFileSync(foreign, '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>\n<Code guid="00000000-0000-4000-8000-000000000001" name="Trade" isCodable="true"/></Codes></CodeBook>\n');
    const other = path.join(cdir, 'trade-2.glossary.yaml');
    const result = run(['codebook', 'import', foreign, '--out', other], builtin);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, `${foreign}:2: warning: theme id "trade" is already used by a loaded glossary; written as "trade-2"\n`);
    assert.deepEqual(glossaryThemes(other).map((t) => t.id), ['trade-2']);
  });

  it('writes NAME.glossary.yaml in the current folder by default', () => {
    const source = path.join(cdir, 'source.glossary.yaml');
    fs.writeFileSync(source, CODEBOOK_GLOSSARY);
    const work = fs.mkdtempSync(path.join(cdir, 'cwd-'));
    const qdc = path.join(cdir, 'My Codebook.qdc');
    assert.equal(run(['codebook', 'export', '--glossary', source, '--out', qdc]).code, 0);
    const before = process.cwd();
    process.chdir(work);
    try {
      const result = run(['codebook', 'import', qdc]);
      assert.deepEqual(result, { code: 0, stdout: `imported 3 themes and 4 terms from ${qdc} into My Codebook.glossary.yaml\n`, stderr: '' });
    } finally {
      process.chdir(before);
    }
    assert.deepEqual(fs.readdirSync(work), ['My Codebook.glossary.yaml']);
  });

  it('refuses to overwrite an existing file unless --force', () => {
    const source = path.join(cdir, 'source.glossary.yaml');
    fs.writeFileSync(source, CODEBOOK_GLOSSARY);
    const qdc = path.join(cdir, 'keep.qdc');
    assert.equal(run(['codebook', 'export', '--glossary', source, '--out', qdc]).code, 0);
    const target = path.join(cdir, 'existing.glossary.yaml');
    fs.writeFileSync(target, 'hand-written\n');
    assert.deepEqual(run(['codebook', 'import', qdc, '--out', target]), { code: 2, stdout: '', stderr: `${target} already exists; use --force to replace it\n` });
    assert.equal(fs.readFileSync(target, 'utf8'), 'hand-written\n');
    const forced = run(['codebook', 'import', '--force', qdc, '--out', target]);
    assert.equal(forced.code, 0);
    assert.deepEqual(essentials(glossaryThemes(target)), essentials(glossaryThemes(source)));
    assert.deepEqual(
      fs.readdirSync(cdir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });

  it('reads a codebook written in UTF-16 (byte order mark)', () => {
    const source = path.join(cdir, 'source.glossary.yaml');
    fs.writeFileSync(source, CODEBOOK_GLOSSARY);
    const xml = run(['codebook', 'export', '--glossary', source]).stdout.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const qdc = path.join(cdir, 'utf16.qdc');
    fs.writeFileSync(qdc, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    const out = path.join(cdir, 'utf16.glossary.yaml');
    assert.equal(run(['codebook', 'import', qdc, '--out', out]).code, 0);
    assert.deepEqual(essentials(glossaryThemes(out)), essentials(glossaryThemes(source)));
  });

  it('warns when the output is not named *.glossary.yaml', () => {
    const source = path.join(cdir, 'source.glossary.yaml');
    fs.writeFileSync(source, CODEBOOK_GLOSSARY);
    const qdc = path.join(cdir, 'named.qdc');
    assert.equal(run(['codebook', 'export', '--glossary', source, '--out', qdc]).code, 0);
    const out = path.join(cdir, 'named.yaml');
    const result = run(['codebook', 'import', qdc, '--out', out]);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, `warning: ${out} does not end in .glossary.yaml, so the editor does not load it as a glossary\n`);
  });

  describe('exit status 2 with one line on stderr and nothing written', () => {
    const cases: Array<[string, () => [string[], string]]> = [
      [
        'invalid XML, with its line and column',
        () => {
          const qdc = path.join(cdir, 'broken.qdc');
          fs.writeFileSync(qdc, '<?xml version="1.0"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n  <Codes>\n    <Code name="a" guid="x"></Codes>\n</CodeBook>\n');
          return [['codebook', 'import', qdc], `${qdc}:4:31: not well-formed XML: </Codes> closes <Code> (line 4)`];
        },
      ],
      [
        'XML that is not a codebook',
        () => {
          const qdc = path.join(cdir, 'other.qdc');
          fs.writeFileSync(qdc, '<?xml version="1.0"?>\n<Project/>\n');
          return [['codebook', 'import', qdc], `${qdc}:2:1: not a REFI-QDA codebook: the root element is <Project> without a namespace; a codebook has <CodeBook xmlns="urn:QDA-XML:codebook:1.0">`];
        },
      ],
      ['a missing codebook', () => [['codebook', 'import', path.join(cdir, 'absent.qdc')], `cannot read codebook ${path.join(cdir, 'absent.qdc')}: no such file`]],
      ['no codebook named', () => [['codebook', 'import'], 'codebook import needs the codebook to read (FILE.qdc); see --help']],
      ['two codebooks', () => [['codebook', 'import', 'a.qdc', 'b.qdc'], 'codebook import reads one codebook, not 2; see --help']],
      ['no codebook command', () => [['codebook'], 'missing codebook command: use "codebook export" or "codebook import FILE.qdc"; see --help']],
      ['an unknown codebook command', () => [['codebook', 'convert'], 'unknown command "codebook convert" (use "codebook export" or "codebook import FILE.qdc"); see --help']],
      ['--force on export', () => [['codebook', 'export', '--force'], 'unknown option --force; see --help']],
    ];
    for (const [name, make] of cases) {
      it(name, () => {
        const [argv, message] = make();
        const out = path.join(cdir, 'never.glossary.yaml');
        const result = run([...argv, '--out', out]);
        assert.deepEqual(result, { code: 2, stdout: '', stderr: `${message}\n` });
        assert.equal(fs.existsSync(out), false);
      });
    }
  });
});

describe('command line: the analyze command is unchanged', () => {
  it('still rejects the options of the other commands', () => {
    assert.deepEqual(run(['analyze', '--out', 'x', 'y.txt']), { code: 2, stdout: '', stderr: 'unknown option --out; see --help\n' });
    assert.deepEqual(run(['analyze', '--format', 'webanno', 'y.txt']), { code: 2, stdout: '', stderr: 'unknown format "webanno" (use json, jsonl, summary, csv or md)\n' });
    // options before the command are checked against the command
    assert.deepEqual(run(['--format', 'webanno', 'analyze', 'y.txt']), { code: 2, stdout: '', stderr: 'unknown format "webanno" (use json, jsonl, summary, csv or md)\n' });
  });

  it('lists every command in --help', () => {
    const help = run(['--help']).stdout;
    assert.match(help, /^Usage: thai-policy-lens analyze \[options\] FILE\.\.\.\n {7}thai-policy-lens export --format csv\|md\|webanno\|qdpx \[options\]\n {7}thai-policy-lens codebook export \[--glossary FILE\]\.\.\. \[--out FILE\]\n {7}thai-policy-lens codebook import FILE\.qdc \[--out FILE\.glossary\.yaml\] \[--force\]\n/);
    assert.equal(run(['export', '--help']).stdout, help);
    assert.equal(run(['codebook', 'import', '--help']).stdout, help);
  });
});

describe('command line: export --format qdpx', () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-cli-qdpx-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a REFI-QDA project valid by the schema, the same bytes each time', () => {
    const ws = makeFolder();
    const out = path.join(dir, 'project.qdpx');
    const result = run(['export', '--format', 'qdpx', '--folder', ws, '--out', out, '--no-builtin-glossary']);
    assert.deepEqual(result, { code: 0, stdout: '', stderr: '' });
    const files = unzipSync(new Uint8Array(fs.readFileSync(out)));
    const qde = strFromU8(files['project.qde']);
    assert.deepEqual(xmllintSchema(qde), { status: 0, output: 'project.qde validates\n' });
    assert.deepEqual(Object.keys(files).filter((f) => f.startsWith('sources/')).map((f) => strFromU8(files[f])).sort(), [DOC_A, DOC_B].sort());
    assert.match(qde, /<PlainTextSelection guid="[-0-9a-f]{36}" name="ไทยกับจีน[^"]*" startPosition="10" endPosition="63" creationDateTime="2025-11-20T09:30:00.000Z" modifiedDateTime="2025-11-21T10:00:00.000Z">/);
    assert.match(qde, /<Code guid="[-0-9a-f]{36}" name="ประเด็นเฉพาะ" isCodable="true" color="#[0-9A-F]{6}">/);
    const before = fs.readFileSync(out);
    assert.equal(run(['export', '--format', 'qdpx', '--folder', ws, '--out', out, '--no-builtin-glossary']).code, 0);
    assert.deepEqual(fs.readFileSync(out), before);
  });

  it('needs --out: a zip does not go to standard output', () => {
    const ws = makeFolder();
    assert.deepEqual(run(['export', '--format', 'qdpx', '--folder', ws]), { code: 2, stdout: '', stderr: 'export --format qdpx writes a zip file: name it with --out FILE.qdpx\n' });
  });
});

describe('command line: import FILE.qdpx', () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-cli-import-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('round trip: export then import into an empty folder gives the same documents, themes and tags; again, nothing new', () => {
    const ws = makeFolder();
    const qdpx = path.join(dir, 'project.qdpx');
    assert.equal(run(['export', '--format', 'qdpx', '--folder', ws, '--out', qdpx, '--no-builtin-glossary']).code, 0);
    const target = fs.mkdtempSync(path.join(dir, 'into-'));
    const result = run(['import', qdpx, '--folder', target, '--no-builtin-glossary']);
    assert.deepEqual(result, { code: 0, stdout: `imported 2 documents, 3 themes, 1 term and 2 tags from ${qdpx} into ${target}\n`, stderr: '' });
    assert.equal(fs.readFileSync(path.join(target, 'docs', 'a.txt'), 'utf8'), DOC_A);
    assert.equal(fs.readFileSync(path.join(target, 'docs', 'b.txt'), 'utf8'), DOC_B);
    const themes = glossaryOf(path.join(target, 'project.glossary.yaml'));
    assert.deepEqual(themes.map((t) => [t.id, t.themes.map((s) => s.id), t.terms.map((x) => x.term)]), [['trade', ['fta'], ['การค้าเสรี']], ['own', [], []]]);
    const tags = (folder: string) =>
      (JSON.parse(fs.readFileSync(path.join(folder, '.policy-lens', 'annotations.json'), 'utf8')) as { tags: Array<StoredTag & { target: { selector: Array<{ start?: number; end?: number; exact?: string }> } }> }).tags
        .map((t) => [t.document, t.theme, t.note, t.target.selector.map((s) => s.exact ?? `${s.start}-${s.end}`).join(' ')])
        .sort();
    assert.deepEqual(tags(target), tags(ws));
    assert.deepEqual(run(['import', qdpx, '--folder', target, '--no-builtin-glossary']), { code: 0, stdout: `imported 0 documents, 0 themes, 0 terms and 0 tags from ${qdpx} into ${target}\n`, stderr: '' });
    // into the folder it came from: nothing new either (the same passages, the same themes)
    const before = fs.readFileSync(path.join(ws, '.policy-lens', 'annotations.json'), 'utf8');
    assert.deepEqual(run(['import', qdpx, '--folder', ws, '--no-builtin-glossary']), { code: 0, stdout: `imported 0 documents, 0 themes, 0 terms and 0 tags from ${qdpx} into ${ws}\n`, stderr: '' });
    assert.equal(fs.readFileSync(path.join(ws, '.policy-lens', 'annotations.json'), 'utf8'), before);
  });

  it('carries each tag\'s coder: export writes Users and creatingUser, import gives the tags their creator back', () => {
    const tags = defaultTags();
    tags[0].creator = 'Malee';
    tags[1].creator = 'สมชาย';
    const ws = makeFolder(tags);
    const qdpx = path.join(dir, 'coders.qdpx');
    assert.equal(run(['export', '--format', 'qdpx', '--folder', ws, '--out', qdpx, '--no-builtin-glossary']).code, 0);
    const qde = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(qdpx)))['project.qde']);
    assert.match(qde, /<Users>\n\s*<User guid="[-0-9a-f]{36}" name="Malee"\/>\n\s*<User guid="[-0-9a-f]{36}" name="สมชาย"\/>/);
    const target = fs.mkdtempSync(path.join(dir, 'coders-'));
    assert.equal(run(['import', qdpx, '--folder', target, '--no-builtin-glossary']).code, 0);
    // one file per coder; no annotations file (no tag without a coder)
    assert.deepEqual(fs.readdirSync(path.join(target, '.policy-lens')), ['tags']);
    assert.deepEqual(fs.readdirSync(path.join(target, '.policy-lens', 'tags')).sort(), ['malee.json', 'สมชาย.json']);
    const back = (name: string) => (JSON.parse(fs.readFileSync(path.join(target, '.policy-lens', 'tags', name), 'utf8')) as { tags: StoredTag[] }).tags.map((t) => [t.document, t.creator]);
    assert.deepEqual(back('malee.json'), [['docs/b.txt', 'Malee']]);
    assert.deepEqual(back('สมชาย.json'), [['docs/a.txt', 'สมชาย']]);
    // the folder's tags are read from the coders' files: importing again adds nothing
    assert.match(run(['import', qdpx, '--folder', target, '--no-builtin-glossary']).stdout, / and 0 tags from /);
    const webanno = JSON.parse(run(['export', '--format', 'webanno', '--folder', ws, '--no-builtin-glossary']).stdout) as { first: { items: Array<{ creator?: unknown }> } };
    assert.deepEqual(webanno.first.items.map((a) => a.creator), [{ type: 'Person', name: 'สมชาย' }, { type: 'Person', name: 'Malee' }]);
  });

  it('refuses bad input with one line and writes nothing', () => {
    const target = fs.mkdtempSync(path.join(dir, 'bad-'));
    const notZip = path.join(dir, 'not.qdpx');
    fs.writeFileSync(notZip, 'hello');
    assert.match(run(['import', notZip, '--folder', target]).stderr, /^.*not\.qdpx: not a zip file: .*\n$/);
    assert.deepEqual(run(['import', notZip]), { code: 2, stdout: '', stderr: 'import needs --folder DIR, the workspace folder to write the documents, glossary and tags into; see --help\n' });
    const ws = makeFolder();
    const qdpx = path.join(dir, 'p.qdpx');
    assert.equal(run(['export', '--format', 'qdpx', '--folder', ws, '--out', qdpx, '--no-builtin-glossary']).code, 0);
    fs.mkdirSync(path.join(target, 'docs'));
    fs.writeFileSync(path.join(target, 'docs', 'b.txt'), 'other text');
    assert.deepEqual(run(['import', qdpx, '--folder', target, '--no-builtin-glossary']), { code: 2, stdout: '', stderr: `${path.join(target, 'docs', 'b.txt')} exists with other text; nothing was imported (--force replaces it)\n` });
    assert.deepEqual(fs.readdirSync(target), ['docs']);
    assert.deepEqual(fs.readdirSync(path.join(target, 'docs')), ['b.txt']);
  });
});

function glossaryOf(file: string): GlossaryTheme[] {
  const parsed = parseGlossary(fs.readFileSync(file, 'utf8'), file);
  assert.deepEqual(parsed.errors, []);
  return parsed.glossary!.themes;
}

describe('command line: agreement', () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-cli-agreement-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Two coders on DOC_A (66 characters) and DOC_B (40): they agree on b.txt, overlap on a.txt. */
  function twoCoders(): string {
    const by = (t: StoredTag, coder: string): StoredTag => ({ ...t, creator: coder });
    return makeFolder([
      by(tag('a1', 'docs/a.txt', 'fta', DOC_A, PASSAGE_A), 'Malee'),
      by(tag('a2', 'docs/a.txt', 'fta', DOC_A, 'ไทยกับจีนลงนามการค้าเสรี'), 'Somchai'),
      by(tag('b1', 'docs/b.txt', 'own', DOC_B, PASSAGE_B), 'Malee'),
      by(tag('b2', 'docs/b.txt', 'own', DOC_B, PASSAGE_B), 'Somchai'),
    ]);
  }

  it('prints the agreement table of two coders, and CSV', () => {
    const ws = twoCoders();
    const table = run(['agreement', ws]);
    assert.equal(table.stderr, '');
    assert.equal(table.code, 0);
    const csv = run(['agreement', '--format', 'csv', '--coder', 'Malee', '--coder', 'Somchai', ws]);
    const rows = csv.stdout.trimEnd().split('\r\n');
    assert.equal(rows[0], 'theme,document,characters,both,only Malee,only Somchai,neither,percent_agreement,cohen_kappa,krippendorff_alpha');
    // fta in a.txt: Malee 10-63 (53 characters), Somchai 10-34 (24): both 24, Malee only 29, neither 67 - 53 = 14
    // po = 38/67; pe = (53·24 + 14·43)/67² = 1874/4489; kappa = (38·67 - 1874)/(4489 - 1874) = 672/2615
    // alpha: 134 values, 77 coded, 57 not, 29 characters disputed: 1 - 133·29/(77·57) = 532/4389
    assert.equal(rows[1], `fta,docs/a.txt,67,24,29,0,14,${((38 / 67) * 100).toFixed(4)},${(672 / 2615).toFixed(4)},${(532 / 4389).toFixed(4)}`);
    assert.equal(rows.find((r) => r.startsWith('own,docs/b.txt,')), 'own,docs/b.txt,40,18,0,0,22,100.0000,1.0000,1.0000');
    assert.ok(rows[rows.length - 1].startsWith('(all),(all),214,42,29,0,143,'), rows[rows.length - 1]);
    assert.match(table.stdout, /^theme +document +chars +both +Malee only +Somchai only +agree % +kappa +alpha\n/);
  });

  it('needs two coders', () => {
    const ws = makeFolder();
    assert.deepEqual(run(['agreement', ws]), { code: 2, stdout: '', stderr: `agreement needs two coders or more; the tags of ${ws} have no coder (tags record their coder since the setting thaiPolicyLens.coder)\n` });
    assert.equal(run(['agreement', '--coder', 'Nobody', '--coder', 'Else', twoCoders()]).stderr.startsWith('no tag of '), true);
  });
});
