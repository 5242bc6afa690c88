import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TEST_CACHE_HOME } from '../../support/runCli';
import { runCli } from '../../../src/cli/main';
import { analyze } from '../../../src/core/recognize/analyze';
import { GlossarySet } from '../../../src/core/glossary/glossary';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const NO_BUILTIN = path.join(os.tmpdir(), 'thai-policy-lens-no-such-builtin-packs');

function run(argv: string[]): Run {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    builtinDir: NO_BUILTIN,
    env: { XDG_CACHE_HOME: TEST_CACHE_HOME },
  });
  return { code, stdout, stderr };
}

/** `count` Thai terms that are all different: syllables in base 30. */
function thaiTerms(count: number): string[] {
  const consonants = 'กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ';
  const vowels = ['า', 'ิ', 'ี', 'ุ', 'ู', 'ะ', 'ำ'];
  const terms: string[] = [];
  for (let i = 0; terms.length < count; i++) {
    let s = '';
    for (let n = i; n > 0 || s.length === 0; n = Math.floor(n / 30)) s += consonants[n % 30] + vowels[n % 7];
    terms.push(`นโยบาย${s}`);
  }
  return terms;
}

describe('bad and extreme input', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-bad-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an empty file gives an empty document', () => {
    const file = path.join(dir, 'empty.txt');
    fs.writeFileSync(file, '');
    const result = run(['analyze', '--format', 'summary', file]);
    assert.equal(result.code, 0);
    assert.deepEqual(JSON.parse(result.stdout), {
      documents: [{ path: file, length: 0, counts: { term: 0, country: 0, date: 0 }, themes: {}, countries: {} }],
    });
  });

  it('a file of white space, lone surrogates and control characters gives a result', () => {
    const file = path.join(dir, 'odd.txt');
    fs.writeFileSync(file, ' \n\t\r\n\u00A0\u200B ไทย \uD800 \u0007 ๆ ฯ ฯลฯ ํ');
    const result = run(['analyze', file]);
    assert.equal(result.code, 0);
    const [doc] = JSON.parse(result.stdout).documents;
    assert.deepEqual(
      doc.annotations.map((a: { kind: string; text: string }) => [a.kind, a.text]),
      [['country', 'ไทย']],
    );
    assert.deepEqual(analyze('', undefined), []);
  });

  it('a binary file is refused with a clear message', () => {
    const file = path.join(dir, 'image.png');
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    assert.deepEqual(run(['analyze', file]), { code: 2, stdout: '', stderr: `${file}: binary file (it contains NUL bytes), not text\n` });
  });

  it('a binary glossary is refused with a clear message', () => {
    const glossary = path.join(dir, 'bin.glossary.yaml');
    fs.writeFileSync(glossary, Buffer.from([0x00, 0x01, 0x02]));
    const doc = path.join(dir, 'doc.txt');
    fs.writeFileSync(doc, 'ไทย');
    assert.deepEqual(run(['analyze', '--glossary', glossary, doc]), { code: 2, stdout: '', stderr: `${glossary}: binary glossary (it contains NUL bytes), not text\n` });
  });

  it('invalid YAML is an error with its position, not a crash', () => {
    const glossary = path.join(dir, 'broken.glossary.yaml');
    fs.writeFileSync(glossary, 'version: 1\nthemes:\n  - id: a\n    label: x\n   - id: b\n');
    const doc = path.join(dir, 'doc.txt');
    fs.writeFileSync(doc, 'ไทย');
    const result = run(['analyze', '--glossary', glossary, doc]);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, new RegExp(`^${glossary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:\\d+: invalid YAML: .+\n$`));
    // and in the core: diagnostics, never an exception
    const set = new GlossarySet();
    for (const text of ['', '---\n---\n', 'version: 1\nthemes: &a [*a]\n', '[', 'version: 1\nthemes:\n  - *undefined\n', '\u0000']) {
      assert.doesNotThrow(() => set.update('fuzz.yaml', text));
    }
  });

  it('a 50 MB file is analysed', function () {
    this.timeout(180000);
    const file = path.join(dir, 'big.txt');
    const sentence = 'รายงานการประชุมคณะทำงานว่าด้วยความร่วมมือทางเศรษฐกิจระหว่างไทยกับประเทศเพื่อนบ้านในภูมิภาค\n';
    const chunk = Buffer.from(sentence.repeat(1000), 'utf8');
    const repeats = Math.ceil((50 * 1024 * 1024) / chunk.length);
    const fd = fs.openSync(file, 'w');
    for (let i = 0; i < repeats; i++) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    const result = run(['analyze', '--format', 'summary', file]);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    const [doc] = JSON.parse(result.stdout).documents;
    assert.equal(doc.length, sentence.length * 1000 * repeats);
    assert.deepEqual(doc.countries, { TH: 1000 * repeats });
  });

  it('a glossary of 50,000 terms loads and matches', function () {
    this.timeout(180000);
    const terms = thaiTerms(50000);
    let yaml = 'version: 1\nthemes:\n';
    for (let t = 0; t < 50; t++) {
      yaml += `  - id: theme-${t}\n    label: หมวด ${t}\n    terms:\n`;
      for (let i = t; i < terms.length; i += 50) yaml += `      - ${terms[i]}\n`;
    }
    const glossary = path.join(dir, 'huge.glossary.yaml');
    fs.writeFileSync(glossary, yaml);
    const doc = path.join(dir, 'doc.txt');
    fs.writeFileSync(doc, `ว่าด้วย${terms[31234]}และ${terms[7]}`);
    const result = run(['analyze', '--glossary', glossary, doc]);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    const annotations = JSON.parse(result.stdout).documents[0].annotations;
    assert.deepEqual(
      annotations.map((a: { theme: string; term: string }) => [a.theme, a.term]),
      [
        ['theme-34', terms[31234]],
        ['theme-7', terms[7]],
      ],
    );
  });

  it('a long line without spaces and with whole_word terms stays fast (the segmenter is only used locally)', function () {
    this.timeout(60000);
    const set = new GlossarySet();
    set.update('w.yaml', 'version: 1\nthemes:\n  - id: water\n    label: น้ำ\n    terms:\n      - term: น้ำ\n        whole_word: true\n');
    const text = 'ดื่มน้ำเย็นแล้วเติมน้ำมันรถ'.repeat(20000); // 540,000 characters, no space
    const started = Date.now();
    const found = analyze(text, set, { kinds: ['term'] });
    const took = Date.now() - started;
    assert.equal(found.length, 20000); // น้ำ in ดื่มน้ำเย็น, not in น้ำมัน
    assert.ok(took < 30000, `took ${took} ms`);
  });
});
