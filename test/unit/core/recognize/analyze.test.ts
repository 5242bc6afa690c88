import { strict as assert } from 'node:assert';
import { analyze, Analyzer } from '../../../../src/core/recognize/analyze';
import { GlossarySet, parseGlossary } from '../../../../src/core/glossary/glossary';
import type { Annotation } from '../../../../src/core/types';

const GLOSSARY = `version: 1
themes:
  - id: digital-diplomacy
    label: การทูตดิจิทัล
    terms:
      - term: การทูตดิจิทัล
        aliases: [Digital Diplomacy]
  - id: budget
    label: งบประมาณ
    terms: [ปีงบประมาณ]
countries:
  - code: KR
    aliases: [แดนกิมจิ]
`;

const TEXT = 'เมื่อวันที่ 16 พฤศจิกายน 2564 ไทยและจีนหารือเรื่อง Digital Diplomacy ในทะเลจีนใต้ กับแดนกิมจิ ในปีงบประมาณ 2568';

function glossarySet(text = GLOSSARY): GlossarySet {
  const set = new GlossarySet();
  assert.deepEqual(set.update('test.glossary.yaml', text), []);
  return set;
}

describe('analyze: Latin forms written in capitals', () => {
  const CASES = `version: 1
themes:
  - id: health
    label: สาธารณสุข
    terms:
      - term: องค์การอนามัยโลก
        aliases: [WHO]
      - term: ปัญญาประดิษฐ์
        aliases: [AI, Artificial Intelligence]
      - term: อาเซียน
        case_sensitive: false
        aliases: [ASEAN]
      - term: ภาษาโปรแกรม
        case_sensitive: true
        aliases: [Rust]
`;
  const terms = (text: string): string[] =>
    analyze(text, glossarySet(CASES), { kinds: ['term'] }).map((a) => a.text);

  it('match an acronym only in capitals: an ordinary English word is not it', () => {
    assert.deepEqual(terms('People who use AI tools, ask who wrote it'), ['AI']);
    assert.deepEqual(terms('The WHO says: Who knows? ai, Ai'), ['WHO']);
  });

  it('match other Latin forms in any case, and every form in any case where case_sensitive is false', () => {
    assert.deepEqual(terms('artificial intelligence and Artificial Intelligence'), ['artificial intelligence', 'Artificial Intelligence']);
    assert.deepEqual(terms('ASEAN, Asean and asean'), ['ASEAN', 'Asean', 'asean']);
  });

  it('match only as written where case_sensitive is true', () => {
    assert.deepEqual(terms('Rust, not rust nor RUST'), ['Rust']);
  });
});

describe('analyze', () => {
  it('finds terms, countries and dates, sorted by start, in original offsets', () => {
    const found = analyze(TEXT, glossarySet());
    assert.deepEqual(found, [
      { kind: 'date', start: 12, end: 29, text: '16 พฤศจิกายน 2564', from: '2021-11-16', to: '2021-11-16', calendar: 'BE' },
      { kind: 'country', start: 30, end: 33, text: 'ไทย', country: 'TH' },
      { kind: 'country', start: 36, end: 39, text: 'จีน', country: 'CN' },
      { kind: 'term', start: 51, end: 68, text: 'Digital Diplomacy', theme: 'digital-diplomacy', term: 'การทูตดิจิทัล' },
      // จีน in ทะเลจีนใต้ (the South China Sea) is not China
      { kind: 'country', start: 85, end: 93, text: 'แดนกิมจิ', country: 'KR' },
      // a date may overlap a term
      { kind: 'term', start: 96, end: 106, text: 'ปีงบประมาณ', theme: 'budget', term: 'ปีงบประมาณ' },
      { kind: 'date', start: 96, end: 111, text: 'ปีงบประมาณ 2568', from: '2024-10-01', to: '2025-09-30', calendar: 'BE' },
    ]);
  });

  it('keeps every annotation text equal to the original slice', () => {
    const text = 'ประเทศไทย\u200Bและสหรัฐฯ ร่วม การทูต\u200Bดิจิทัล ปี ๒๕๖๔ ฯลฯ';
    const found = analyze(text, glossarySet());
    assert.ok(found.length >= 3);
    for (const a of found) assert.equal(a.text, text.slice(a.start, a.end));
    assert.deepEqual(
      found.filter((a) => a.kind !== 'date').map((a) => a.text),
      ['ประเทศไทย', 'สหรัฐฯ', 'การทูต\u200Bดิจิทัล'],
    );
  });

  it('filters by kind', () => {
    const set = glossarySet();
    const kinds = (list: Annotation[]): string[] => list.map((a) => `${a.kind}:${a.text}`);
    assert.deepEqual(kinds(analyze(TEXT, set, { kinds: ['country'] })), ['country:ไทย', 'country:จีน', 'country:แดนกิมจิ']);
    assert.deepEqual(kinds(analyze(TEXT, set, { kinds: ['date'] })), ['date:16 พฤศจิกายน 2564', 'date:ปีงบประมาณ 2568']);
    assert.deepEqual(kinds(analyze(TEXT, set, { kinds: ['term'] })), ['term:Digital Diplomacy', 'term:ปีงบประมาณ']);
    assert.deepEqual(analyze(TEXT, set, { kinds: [] }), []);
  });

  it('finds countries and dates with no glossary', () => {
    const found = analyze('ไทยกับจีน', undefined);
    assert.deepEqual(
      found.map((a) => [a.kind, a.start, a.end]),
      [
        ['country', 0, 3],
        ['country', 6, 9],
      ],
    );
  });

  it('accepts parsed glossaries too', () => {
    const { glossary } = parseGlossary(GLOSSARY, 'plain.yaml');
    assert.ok(glossary);
    const found = analyze('การทูตดิจิทัล', glossary);
    assert.deepEqual(found, [{ kind: 'term', start: 0, end: 13, text: 'การทูตดิจิทัล', theme: 'digital-diplomacy', term: 'การทูตดิจิทัล' }]);
  });

  it('passes the reference date to the date recognizer', () => {
    const found = analyze('ประชุมวันนี้', undefined, { referenceDate: '2024-05-01' });
    assert.deepEqual(found, [{ kind: 'date', start: 6, end: 12, text: 'วันนี้', from: '2024-05-01', to: '2024-05-01', calendar: 'none', relative: 'วันนี้' }]);
  });
});

describe('Analyzer', () => {
  it('gives the same annotations from its one pass as the matcher and the dates alone, merged', () => {
    const analyzer = new Analyzer(glossarySet());
    const text = `${TEXT}\n๒ ม.ค. ๖๗ ไทย ${TEXT} วันนี้`;
    const dateLast = (a: Annotation): number => (a.kind === 'date' ? 1 : 0);
    const parts = [...analyzer.analyze(text, { kinds: ['term', 'country'] }), ...analyzer.analyze(text, { kinds: ['date'] })].sort(
      (a, b) => a.start - b.start || dateLast(a) - dateLast(b),
    );
    assert.deepEqual(analyzer.analyze(text), parts);
    assert.equal(parts.filter((a) => a.kind === 'date').length, 6);
  });

  it('builds the matcher once and again only when the glossaries change', () => {
    const set = glossarySet();
    const analyzer = new Analyzer(set);
    const first = analyzer.getMatcher();
    assert.equal(analyzer.getMatcher(), first);
    assert.deepEqual(analyzer.analyze('เขตการค้าเสรี', { kinds: ['term'] }), []);
    set.update('trade.glossary.yaml', 'version: 1\nthemes:\n  - id: trade\n    label: การค้า\n    terms: [เขตการค้าเสรี]\n');
    assert.notEqual(analyzer.getMatcher(), first);
    assert.deepEqual(analyzer.analyze('เขตการค้าเสรี', { kinds: ['term'] }), [
      { kind: 'term', start: 0, end: 13, text: 'เขตการค้าเสรี', theme: 'trade', term: 'เขตการค้าเสรี' },
    ]);
    // an update with errors keeps the last good version and the same matcher
    const second = analyzer.getMatcher();
    set.update('trade.glossary.yaml', 'version: 1\nthemes:\n  - id: Trade\n');
    assert.equal(analyzer.getMatcher(), second);
  });
});

describe('Analyzer.count', () => {
  it('counts exactly what analyze finds, per kind, theme and country, without the annotations', () => {
    const set = glossarySet(`version: 1
themes:
  - id: cyber
    label: ไซเบอร์
    terms:
      - term: AI
      - term: ไซเบอร์
        whole_word: true
  - id: budget
    label: งบประมาณ
    terms: [ปีงบประมาณ, งบ]
countries:
  - code: KR
    aliases: [แดนกิมจิ]
`);
    const analyzer = new Analyzer(set);
    const texts = [TEXT, 'AI และ ai กับ ไซเบอร์ ความมั่นคงไซเบอร์ จีน (ประเทศจีน) ปีงบประมาณ งบ 5 พ.ค. 2568 วันนี้', '', 'เมื่อวาน'];
    for (const text of texts) {
      const found = analyzer.analyze(text, { referenceDate: '2025-01-01' });
      const themes = new Map<string, number>();
      const countries = new Map<string, number>();
      for (const a of found) {
        if (a.kind === 'term') themes.set(a.theme, (themes.get(a.theme) ?? 0) + 1);
        if (a.kind === 'country') countries.set(a.country, (countries.get(a.country) ?? 0) + 1);
      }
      const kind = (k: string): number => found.filter((a) => a.kind === k).length;
      assert.deepEqual(analyzer.count(text, { referenceDate: '2025-01-01' }), { term: kind('term'), country: kind('country'), date: kind('date'), themes, countries }, text);
    }
    assert.deepEqual(analyzer.count('AI ไทย งบ 5 พ.ค. 2568'), { term: 2, country: 1, date: 1, themes: new Map([['cyber', 1], ['budget', 1]]), countries: new Map([['TH', 1]]) });
  });
});
