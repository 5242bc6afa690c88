import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GlossarySet } from '../../../src/core/glossary/glossary';
import { Analyzer } from '../../../src/core/recognize/analyze';
import { measureCoverage, packsOfThemes, SUBSTANTIVE_THAI_CHARS, thaiCharCount } from '../../../src/tools/measureCoverage';
import type { CoverageDocument } from '../../../src/tools/measureCoverage';
import { runEval } from '../../../src/tools/eval';

const TRADE = 'version: 1\nthemes:\n  - id: trade\n    label: การค้า\n    terms: [การค้าเสรี]\n    themes:\n      - id: fta\n        label: เอฟทีเอ\n        terms: [เขตการค้า]\n';
const HEALTH = 'version: 1\nthemes:\n  - id: health\n    label: สาธารณสุข\n    terms: [วัคซีน]\n';

/** A line of exactly `n` Thai characters that holds no term: a repeated word. */
function filler(n: number): string {
  return 'ประชุม'.repeat(Math.ceil(n / 6)).slice(0, n);
}

function setOf(files: Record<string, string>): GlossarySet {
  const set = new GlossarySet();
  for (const [file, text] of Object.entries(files)) assert.deepEqual(set.update(file, text), []);
  return set;
}

describe('measureCoverage', () => {
  const set = setOf({ 'economy.glossary.yaml': TRADE, 'health.glossary.yaml': HEALTH });
  const analyzer = new Analyzer(set);
  const doc = (name: string, text: string): CoverageDocument => ({ name, text, annotations: analyzer.analyze(text, { kinds: ['term'] }) });
  const packOf = packsOfThemes(set, (file) => file.replace('.glossary.yaml', ''));

  it('counts Thai characters, and a line with at least 80 of them is substantive', () => {
    assert.equal(thaiCharCount('ก ข English ๑'), 3);
    assert.equal(SUBSTANTIVE_THAI_CHARS, 80);
    const report = measureCoverage([doc('a.txt', `${filler(79)}\n${filler(80)}\n\nEnglish only, a long line of Latin text that is not Thai at all.`)], packOf, { sample: 0, seed: 1, top: 5 });
    assert.deepEqual([report.paragraphs, report.substantive, report.themeless], [3, 1, 1]);
  });

  it('finds the substantive paragraphs without a theme, and counts themes and packs by paragraph', () => {
    const a = doc('a.txt', [`${filler(80)}การค้าเสรี`, `${filler(90)} วัคซีน เขตการค้า`, filler(100), 'การค้าเสรี สั้น'].join('\n'));
    const b = doc('b.txt', filler(85));
    const report = measureCoverage([a, b], packOf, { sample: 10, seed: 1, top: 5 });
    assert.deepEqual(
      { documents: report.documents, withText: report.documentsWithText, withoutTheme: report.documentsWithoutTheme, substantive: report.substantive, themeless: report.themeless },
      { documents: 2, withText: 2, withoutTheme: 1, substantive: 4, themeless: 2 },
    );
    const packs = Object.fromEntries(report.packs.map((p) => [p.pack, [p.matches, p.paragraphs, p.documents]]));
    // the short last line's match counts as a match, not as a substantive paragraph
    assert.deepEqual(packs, { economy: [3, 2, 1], health: [1, 1, 1] });
    const themes = Object.fromEntries(report.themes.map((t) => [t.theme, [t.pack, t.matches, t.paragraphs]]));
    // a sub-theme counts in the pack of its top-level theme
    assert.deepEqual(themes, { trade: ['economy', 2, 1], fta: ['economy', 1, 1], health: ['health', 1, 1] });
    assert.equal(report.matches, 4);
  });

  it('lists the frequent words and bigrams of the themeless paragraphs only, without function words', () => {
    const text = ['การประปาน้ำประปาน้ำประปา และการค้าเสรี ' + filler(80), 'น้ำประปาไหลดี น้ำประปาสะอาด ของหมู่บ้าน ' + filler(80)].join('\n');
    const report = measureCoverage([doc('a.txt', text)], packOf, { sample: 0, seed: 1, top: 50 });
    const words = new Map(report.words);
    // the first paragraph has a theme, so only the second is read
    assert.equal(words.get('ประปา'), 2);
    assert.equal(words.get('ของ'), undefined);
    assert.equal(words.get('การ'), undefined);
    assert.ok(report.bigrams.some(([b, n]) => b === 'น้ำ ประปา' && n === 2), JSON.stringify(report.bigrams));
  });

  it('draws the same sample for the same seed, in document order, and flags a match inside a word', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `บรรทัดที่ ${i} การค้าเสรี ${filler(80)}`);
    const report = (seed: number) => measureCoverage([doc('a.txt', lines.join('\n'))], packOf, { sample: 5, seed, top: 0 });
    const first = report(7).sample;
    assert.equal(first.length, 5);
    assert.deepEqual(report(7).sample, first);
    assert.notDeepEqual(report(8).sample.map((m) => m.line), first.map((m) => m.line));
    assert.deepEqual(first.map((m) => m.line), [...first.map((m) => m.line)].sort((x, y) => x - y));
    assert.deepEqual(
      [first[0].term, first[0].theme, first[0].column, first[0].insideWord],
      ['การค้าเสรี', 'trade', `บรรทัดที่ ${first[0].line - 1} `.length + 1, false],
    );
    assert.match(first[0].context, /\[การค้าเสรี\]/);
    // a term inside a longer word (ทะเล in ทะเลาะ, to quarrel) is flagged
    const sea = setOf({ 'sea.glossary.yaml': 'version: 1\nthemes:\n  - id: sea\n    label: ทะเล\n    terms: [ทะเล]\n' });
    const text = `เขาทะเลาะกันริมทะเล ${filler(80)}`;
    const inside = measureCoverage([{ name: 'b.txt', text, annotations: new Analyzer(sea).analyze(text, { kinds: ['term'] }) }], () => 'sea', { sample: 2, seed: 1, top: 0 });
    assert.deepEqual(inside.sample.map((m) => [m.column, m.insideWord]), [[4, true], [16, false]]);
  });
});

describe('eval --coverage', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-coverage-'));
    fs.writeFileSync(path.join(dir, 'g.glossary.yaml'), TRADE);
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.writeFileSync(path.join(dir, 'docs', 'a.txt'), `${filler(80)}การค้าเสรี\n${filler(80)}\n`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (argv: string[]): { code: number; out: string; err: string } => {
    let out = '';
    let err = '';
    const code = runEval(argv, (s) => (out += s), (s) => (err += s));
    return { code, out, err };
  };

  it('prints the share without a theme, the pack and theme tables, the frequent words and the sample', () => {
    const result = run(['--coverage', path.join(dir, 'docs'), '--glossary', path.join(dir, 'g.glossary.yaml'), '--sample', '3']);
    assert.equal(result.err, '');
    assert.equal(result.code, 0);
    assert.match(result.out, /without a theme: 1 of 2 \(50\.0%\); documents without a theme: 0 of 1\n/);
    assert.match(result.out, /\ng\.glossary\.yaml +1 +1 +50\.0% +1\n/);
    assert.match(result.out, /\ntrade {2}การค้า +1 +1\n/);
    assert.match(result.out, /themes with no match: fta\n/);
    assert.match(result.out, /precision check: 1 of 1 term matches drawn with seed 1/);
    assert.match(result.out, / {2}a\.txt:1:81 {2}การค้าเสรี → trade {2}.*\[การค้าเสรี\] ประชุม/);
    const json = JSON.parse(run(['--coverage', path.join(dir, 'docs'), '--glossary', path.join(dir, 'g.glossary.yaml'), '--json']).out);
    assert.deepEqual([json.substantive, json.themeless, json.sample.length], [2, 1, 1]);
  });

  it('rejects an unknown pack and a bad number in one line', () => {
    assert.deepEqual(run(['--coverage', dir, '--packs', 'nope']), {
      code: 2,
      out: '',
      err: `unknown pack "nope" in --packs (use foreign-affairs, economy-fiscal, agriculture-rural, education, health-welfare, energy-resources, transport-infrastructure, digital-government, justice-law, local-administration, labour-migration, culture-tourism)\n`,
    });
    assert.equal(run(['--coverage', dir, '--sample', 'x']).err, 'bad --sample: x (want a number)\n');
  });
});
