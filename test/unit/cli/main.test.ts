import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinPacksDir, run } from '../../support/runCli';
import { csvCell as csvField } from '../../../src/core/text/csv';
import { LineIndex } from '../../../src/core/text/lines';
import { analyze, resolveReferenceDate } from '../../../src/core';
import { NEWS_ITEM } from '../../support/newsItem';
import pkg from '../../../package.json';


let dir: string;
function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const TRADE = 'version: 1\nthemes:\n  - id: trade\n    label: การค้า\n    label_en: Trade\n    terms: [การค้าเสรี]\n';

describe('command line', () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-cli-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints JSON exactly as the contract shows', () => {
    const glossary = write('trade.glossary.yaml', TRADE);
    const doc = write('doc.txt', 'ไทยกับจีนลงนามการค้าเสรี');
    const result = run(['analyze', '--glossary', glossary, doc]);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    assert.equal(
      result.stdout,
      `{
  "documents": [
    {
      "path": ${JSON.stringify(doc)},
      "length": 24,
      "annotations": [
        {"kind":"country","start":0,"end":3,"text":"ไทย","country":"TH"},
        {"kind":"country","start":6,"end":9,"text":"จีน","country":"CN"},
        {"kind":"term","start":14,"end":24,"text":"การค้าเสรี","theme":"trade","term":"การค้าเสรี"}
      ]
    }
  ]
}
`,
    );
    assert.deepEqual(JSON.parse(result.stdout).documents[0].annotations[2].theme, 'trade');
  });

  it('prints an empty annotation list as []', () => {
    const doc = write('plain.txt', 'abc');
    const result = run(['analyze', doc]);
    assert.equal(result.code, 0);
    assert.equal(result.stdout, `{\n  "documents": [\n    {\n      "path": ${JSON.stringify(doc)},\n      "length": 3,\n      "annotations": []\n    }\n  ]\n}\n`);
  });

  it('prints summary counts per kind, theme and country', () => {
    const glossary = write('trade.glossary.yaml', TRADE);
    const doc = write('doc.txt', 'ไทยกับจีนลงนามการค้าเสรี จีนและการค้าเสรี');
    const result = run(['analyze', '--format', 'summary', '--glossary', glossary, doc]);
    assert.equal(result.code, 0);
    assert.deepEqual(JSON.parse(result.stdout), {
      documents: [{ path: doc, length: 41, counts: { term: 2, country: 3, date: 0 }, themes: { trade: 2 }, countries: { CN: 2, TH: 1 } }],
    });
  });

  it('prints CSV with its header, line numbers and RFC 4180 quoting', () => {
    const glossary = write('deal.glossary.yaml', 'version: 1\nthemes:\n  - id: trade\n    label: การค้า\n    terms: [\'Trade, "Fair" Deal\']\n');
    const doc = write('doc.txt', 'ว่าด้วย Trade, "Fair" Deal\nบรรทัดสอง ไทย');
    const result = run(['analyze', '--format=csv', '--glossary', glossary, doc]);
    assert.equal(result.code, 0);
    const quotedPath = csvField(doc);
    assert.equal(
      result.stdout,
      'path,kind,start,end,line,text,theme,term,country,from,to\n' +
        `${quotedPath},term,8,26,1,"Trade, ""Fair"" Deal",trade,"Trade, ""Fair"" Deal",,,\n` +
        `${quotedPath},country,37,40,2,ไทย,,,TH,,\n`,
    );
  });

  it('prints a Markdown report grouped by theme, country and date', () => {
    const glossary = write('trade.glossary.yaml', TRADE);
    const doc = write('doc.txt', 'ไทยลงนามการค้าเสรี\nเมื่อ 16 พฤศจิกายน 2564');
    const result = run(['analyze', '--format', 'md', '--glossary', glossary, doc]);
    assert.equal(result.code, 0);
    const md = result.stdout;
    assert.ok(md.startsWith(`# ${doc.replace(/[\\_*]/g, (c) => `\\${c}`)}\n`), md.slice(0, 200));
    assert.match(md, /\n### การค้า \(Trade\) `trade`: 1\n\n\| Term \| Count \| Lines \|\n\| --- \| ---: \| --- \|\n\| การค้าเสรี \| 1 \| 1 \|\n/);
    assert.match(md, /\n## Countries\n\n\| Country \| Code \| Count \| As written \| Lines \|\n/);
    assert.match(md, /\| TH \| 1 \| ไทย \| 1 \|/);
    assert.match(md, /\n\| 2 \| 16 พฤศจิกายน 2564 \| 2021-11-16 \| 2021-11-16 \| BE \|\n/);
  });

  it('analyses several files in order', () => {
    const a = write('a.txt', 'ไทย');
    const b = write('b.txt', 'จีน');
    const result = run(['analyze', '--format', 'summary', a, b]);
    assert.deepEqual(
      JSON.parse(result.stdout).documents.map((d: { path: string; countries: object }) => [d.path, d.countries]),
      [
        [a, { TH: 1 }],
        [b, { CN: 1 }],
      ],
    );
  });

  it('reads a folder recursively: .txt and .md files in path order, or what --include names, less --exclude', () => {
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(path.join(corpus, 'b', 'deep'), { recursive: true });
    fs.mkdirSync(path.join(corpus, 'node_modules'), { recursive: true });
    for (const [name, text] of Object.entries({ 'z.txt': 'ไทย', 'a.md': 'จีน', 'b/deep/c.txt': 'ลาว', 'b/note.csv': 'ญี่ปุ่น', 'node_modules/x.txt': 'พม่า', 'b/skip.txt': 'เวียดนาม' })) {
      fs.writeFileSync(path.join(corpus, name), text);
    }
    const paths = (args: string[]): string[] => {
      const result = run(['analyze', '--format', 'summary', ...args]);
      assert.equal(result.code, 0, result.stderr);
      return JSON.parse(result.stdout).documents.map((d: { path: string }) => path.relative(corpus, d.path).split(path.sep).join('/'));
    };
    assert.deepEqual(paths([corpus]), ['a.md', 'b/deep/c.txt', 'b/skip.txt', 'z.txt']);
    assert.deepEqual(paths(['--exclude', 'skip.*', '--exclude', 'deep', corpus]), ['a.md', 'z.txt']);
    assert.deepEqual(paths(['--include', '*.csv', '--include', 'b/**/*.txt', corpus]), ['b/deep/c.txt', 'b/note.csv', 'b/skip.txt']);
    assert.deepEqual(paths(['--include', '{z,a}.*', corpus]), ['a.md', 'z.txt']);
    const none = run(['analyze', '--include', '*.pdf', corpus]);
    assert.equal(none.code, 2);
    assert.equal(none.stderr, `${corpus}: no documents in this folder (none matches --include)\n`);
    assert.equal(none.stdout, '');
  });

  it('writes --format jsonl as one line per document, the json format\'s objects', () => {
    const glossary = write('trade.glossary.yaml', TRADE);
    const a = write('a.txt', 'ไทยลงนามการค้าเสรี');
    const b = write('b.txt', 'ไม่มี');
    const lines = run(['analyze', '--format', 'jsonl', '--glossary', glossary, a, b]);
    const json = run(['analyze', '--glossary', glossary, a, b]);
    assert.equal(lines.code, 0);
    assert.ok(lines.stdout.endsWith('}\n'));
    assert.deepEqual(lines.stdout.trimEnd().split('\n').map((l) => JSON.parse(l)), JSON.parse(json.stdout).documents);
  });

  it('refuses a bad --jobs', () => {
    const a = write('a.txt', 'ไทย');
    assert.deepEqual(run(['analyze', '--jobs', '0', a]), { code: 2, stdout: '', stderr: 'invalid --jobs "0": give a number of threads, such as 4\n' });
  });

  it('drops a UTF-8 BOM before counting offsets', () => {
    const doc = write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ไทย', 'utf8')]));
    const result = run(['analyze', doc]);
    const [document] = JSON.parse(result.stdout).documents;
    assert.equal(document.length, 3);
    assert.deepEqual(document.annotations, [{ kind: 'country', start: 0, end: 3, text: 'ไทย', country: 'TH' }]);
  });

  it('merges glossaries by theme id, with a warning (not an error) for a different label', () => {
    const g1 = write('one.glossary.yaml', TRADE);
    const g2 = write('two.glossary.yaml', 'version: 1\nthemes:\n  - id: trade\n    label: พาณิชย์\n    terms: [เขตการค้าเสรี]\n');
    const result = run(['analyze', '--format', 'summary', '--glossary', g1, '--glossary', g2, write('d.txt', 'การค้าเสรี และเขตการค้าเสรี')]);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, `${g2}:3:5: warning: theme "trade" is already defined at ${g1}:3:5 with the label «การค้า»; that label stays (this file's terms are added to the theme)\n`);
    assert.deepEqual(JSON.parse(result.stdout).documents[0].themes, { trade: 2 });
  });

  it('uses the built-in glossary when no --glossary is given', () => {
    const builtin = builtinPacksDir(dir, { 'economy-fiscal': TRADE });
    const doc = write('doc.txt', 'การค้าเสรี');
    assert.deepEqual(JSON.parse(run(['analyze', '--format', 'summary', doc], builtin).stdout).documents[0].themes, { trade: 1 });
    // an absent built-in glossary means no terms, not an error
    const without = run(['analyze', '--format', 'summary', doc]);
    assert.equal(without.code, 0);
    assert.deepEqual(JSON.parse(without.stdout).documents[0].counts, { term: 0, country: 0, date: 0 });
  });

  it('loads the built-in packs chosen with --packs, every pack by default, and says which ids are packs', () => {
    const HEALTH = 'version: 1\nthemes:\n  - id: health\n    label: สาธารณสุข\n    terms: [วัคซีน]\n';
    const builtin = builtinPacksDir(dir, { 'economy-fiscal': TRADE, 'health-welfare': HEALTH });
    const doc = write('packs.txt', 'การค้าเสรีและวัคซีน');
    const themes = (argv: string[]): unknown => JSON.parse(run(['analyze', '--format', 'summary', ...argv, doc], builtin).stdout).documents[0].themes;
    assert.deepEqual(themes([]), { trade: 1, health: 1 });
    assert.deepEqual(themes(['--packs', 'health-welfare']), { health: 1 });
    assert.deepEqual(themes(['--packs', ' Economy-Fiscal ,health-welfare']), { trade: 1, health: 1 });
    // --glossary adds to the packs, as in the editor and export; --no-builtin-glossary leaves them out
    const own = write('own.glossary.yaml', 'version: 1\nthemes:\n  - id: own\n    label: ของเรา\n    terms: [และ]\n');
    assert.deepEqual(themes(['--glossary', own]), { trade: 1, own: 1, health: 1 });
    assert.deepEqual(themes(['--glossary', own, '--packs', 'economy-fiscal']), { trade: 1, own: 1 });
    assert.deepEqual(themes(['--glossary', own, '--no-builtin-glossary']), { own: 1 });
    const bad = run(['analyze', '--packs', 'economy,health-welfare', doc], builtin);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^unknown pack "economy" in --packs \(use foreign-affairs, economy-fiscal, .*, culture-tourism\)\n$/);
    assert.deepEqual(run(['analyze', '--packs', ',', doc], builtin), {
      code: 2,
      stdout: '',
      stderr: '--packs names no pack; use --no-builtin-glossary to leave the built-in glossary out\n',
    });
    assert.match(run(['--help']).stdout, /Built-in glossary packs, for --packs:\n {2}foreign-affairs, economy-fiscal,/);
  });

  it('passes --reference-date to the date recognizer', () => {
    const doc = write('today.txt', 'ประชุมวันนี้');
    const result = run(['analyze', '--reference-date', '2024-05-01', doc]);
    const [date] = JSON.parse(result.stdout).documents[0].annotations;
    assert.deepEqual([date.from, date.to], ['2024-05-01', '2024-05-01']);
  });

  it('resolves relative dates against the document\'s own date, as the editor does, and says which date it used', () => {
    const doc = write('news.txt', NEWS_ITEM);
    const [document] = JSON.parse(run(['analyze', doc]).stdout).documents;
    assert.deepEqual(document.referenceDate, { date: '2025-05-26', source: 'dateline', line: 1 });
    // the editor's rule: the same function, with its setting and today only as fallbacks
    const editorReference = resolveReferenceDate(NEWS_ITEM, { fallback: '2025-11-22', today: '2026-12-04' });
    const editor = analyze(NEWS_ITEM, undefined, { referenceDate: editorReference?.date });
    assert.deepEqual(document.annotations, JSON.parse(JSON.stringify(editor)));
    const values = (document.annotations as Array<{ text: string; from?: string; to?: string }>).filter((a) => ['วันนี้', 'ปีนี้', '11-14 ก.ค.'].includes(a.text));
    assert.deepEqual(
      values.map((a) => [a.text, a.from, a.to]),
      [
        ['วันนี้', '2025-05-26', '2025-05-26'],
        ['11-14 ก.ค.', '2025-07-11', '2025-07-14'],
        ['ปีนี้', '2025', '2025'],
      ],
    );
    // an explicit --reference-date still wins
    const [explicit] = JSON.parse(run(['analyze', '--reference-date', '2024-05-01', doc]).stdout).documents;
    assert.deepEqual(explicit.referenceDate, { date: '2024-05-01', source: 'explicit' });
    assert.deepEqual(
      (explicit.annotations as Array<{ text: string; from?: string }>).filter((a) => a.text === 'วันนี้').map((a) => a.from),
      ['2024-05-01'],
    );
  });

  it('prints warnings about a glossary on stderr and goes on', () => {
    const glossary = write('warn.glossary.yaml', 'version: 1\nthemes:\n  - id: a\n    label: x\n    colour: red\n');
    const doc = write('doc.txt', 'ไทย');
    const result = run(['analyze', '--glossary', glossary, doc]);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, `${glossary}:5:5: warning: unknown key "colour" in a theme\n`);
  });

  it('shows help and version', () => {
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: thai-policy-lens analyze \[options\] FILE\.\.\./);
    assert.equal(help.stderr, '');
    assert.deepEqual(run(['analyze', '--help']).code, 0);
    const version = run(['--version']);
    assert.deepEqual([version.code, version.stdout], [0, `${pkg.version}\n`]);
  });

  describe('exit status 2 with one line on stderr and nothing on stdout', () => {
    const cases: Array<[string, () => [string[], string]]> = [
      ['a missing file', () => [['analyze', path.join(dir, 'missing.txt')], `cannot read file ${path.join(dir, 'missing.txt')}: no such file`]],
      [
        'a folder without documents',
        () => {
          const empty = fs.mkdtempSync(path.join(dir, 'empty-'));
          return [['analyze', empty], `${empty}: no documents in this folder (no .txt, .md, .pdf, .docx or .html file)`];
        },
      ],
      ['a directory as a glossary', () => [['analyze', '--glossary', dir, write('d.txt', 'ไทย')], `cannot read glossary ${dir}: is a directory`]],
      ['a missing glossary', () => [['analyze', '--glossary', path.join(dir, 'none.yaml'), write('d.txt', 'ไทย')], `cannot read glossary ${path.join(dir, 'none.yaml')}: no such file`]],
      [
        'invalid YAML in a glossary',
        () => {
          const g = write('tab.glossary.yaml', 'version: 1\nthemes:\n\t- id: a\n');
          return [['analyze', '--glossary', g, write('d.txt', 'ไทย')], `${g}:3:1: invalid YAML: Tabs are not allowed as indentation`];
        },
      ],
      [
        'a glossary that breaks the rules',
        () => {
          const g = write('colour.glossary.yaml', 'version: 1\nthemes:\n  - id: a\n    label: x\n    color: red\n');
          return [['analyze', '--glossary', g, write('d.txt', 'ไทย')], `${g}:5:12: "red" is not a colour: use #rgb, #rrggbb or #rrggbbaa`];
        },
      ],
      ['a bad date', () => [['analyze', '--reference-date', '2024-02-30', write('d.txt', 'ไทย')], 'invalid --reference-date "2024-02-30": use a real date written YYYY-MM-DD']],
      ['a date in another form', () => [['analyze', '--reference-date', '1/5/2024', write('d.txt', 'ไทย')], 'invalid --reference-date "1/5/2024": use a real date written YYYY-MM-DD']],
      ['an unknown option', () => [['analyze', '--frobnicate', write('d.txt', 'ไทย')], 'unknown option --frobnicate; see --help']],
      ['an unknown format', () => [['analyze', '--format', 'xml', write('d.txt', 'ไทย')], 'unknown format "xml" (use json, jsonl, summary, csv or md)']],
      ['an option without its value', () => [['analyze', write('d.txt', 'ไทย'), '--format'], '--format needs a value; see --help']],
      ['a binary file', () => [['analyze', write('bin.dat', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))], `${path.join(dir, 'bin.dat')}: binary file (it contains NUL bytes), not text`]],
      ['no input files', () => [['analyze'], 'no input files; see --help']],
      ['no command', () => [[], 'missing command: use "analyze", "export", "import", "agreement", "codebook", "convert", "find" or "report"; see --help']],
      ['an unknown command', () => [['analyse', 'x.txt'], 'unknown command "analyse" (use "analyze", "export", "import", "agreement", "codebook", "convert", "find" or "report"); see --help']],
    ];
    for (const [name, make] of cases) {
      it(name, () => {
        const [argv, message] = make();
        const result = run(argv);
        assert.deepEqual(result, { code: 2, stdout: '', stderr: `${message}\n` });
      });
    }

    it('checks every file before printing anything', () => {
      const good = write('good.txt', 'ไทย');
      const result = run(['analyze', good, path.join(dir, 'absent.txt')]);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
    });
  });
});

describe('CSV and line helpers', () => {
  it('quotes only the fields that need it', () => {
    assert.equal(csvField('ไทย'), 'ไทย');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(undefined), '');
    assert.equal(csvField(42), '42');
  });

  it('numbers lines from 1 across \\n, \\r\\n and \\r', () => {
    const lines = new LineIndex('a\nb\r\nc\rd');
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((o) => lines.lineNumber(o)), [1, 1, 2, 2, 2, 3, 3, 4]);
  });
});

describe('analyze --format csv and spreadsheet formulas', () => {
  it('guards file names and terms that start a formula, as the export CSV does', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-csv-'));
    const doc = path.join(tmp, '=2+3.txt');
    const glossary = path.join(tmp, 'f.glossary.yaml');
    fs.writeFileSync(doc, 'ข้อความ =cmd|calc และ @sum(1)\n');
    fs.writeFileSync(glossary, 'version: 1\nthemes:\n  - id: f\n    label: สูตร\n    terms:\n      - "=cmd|calc"\n      - "@sum(1)"\n');
    const cwd = process.cwd();
    process.chdir(tmp); // the file named as the user typed it: =2+3.txt
    let r;
    try {
      r = run(['analyze', '--format', 'csv', '--glossary', glossary, '=2+3.txt']);
    } finally {
      process.chdir(cwd);
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    assert.equal(r.code, 0, r.stderr);
    const rows = r.stdout.trim().split('\n').slice(1);
    assert.equal(rows.length, 2);
    for (const row of rows) {
      assert.ok(row.startsWith("'=2+3.txt,"), row);
      assert.ok(!/,[=@+-]/.test(row.replace(/,-?\d+/g, '')), row);
    }
    assert.ok(rows[0].includes(",'=cmd|calc,"), rows[0]);
    assert.ok(rows[1].includes(",'@sum(1),"), rows[1]);
  });
});
