import { strict as assert } from 'node:assert';
import { GlossarySet } from '../../../src/core/glossary/glossary';
import { searchGlossary, searchThemes } from '../../../src/features/glossarySearch';
import { annotationAt, occurrencesOf, step, themeFamily } from '../../../src/features/occurrences';
import type { Annotation } from '../../../src/core/types';

const GLOSSARY = `version: 1
themes:
  - id: diplomacy
    label: การทูต
    label_en: Diplomacy
    terms:
      - term: การทูตดิจิทัล
        en: Digital diplomacy
        gloss: การใช้สื่อสังคมออนไลน์ในงานการทูต
        aliases: [การทูตแบบดิจิทัล]
      - การเจรจาทวิภาคี
    themes:
      - id: public-diplomacy
        label: การทูตสาธารณะ
        label_en: Public diplomacy
        terms:
          - term: การทูตวัฒนธรรม
            en: Cultural diplomacy
  - id: security
    label: ความมั่นคง
    label_en: Security
    gloss: ภัยคุกคามและการป้องกันประเทศ
    terms:
      - term: หยุดยิง
        en: Ceasefire
      - term: อาวุธนิวเคลียร์
        en: Nuclear weapons
  - id: economy
    label: เศรษฐกิจ
    label_en: Economy
    terms:
      - term: เขตการค้าเสรี
        en: Free trade area
        aliases: [FTA]
`;

function glossary(): GlossarySet {
  const set = new GlossarySet();
  set.update('file:///w/test.glossary.yaml', GLOSSARY);
  return set;
}

const top = (list: ReturnType<typeof searchGlossary>) => list.map((m) => (m.kind === 'term' ? `term:${m.term}` : `theme:${m.themeId}`));

describe('glossary search', () => {
  it('an empty query lists everything in glossary order, themes before their terms', () => {
    const all = searchGlossary(glossary(), '  ');
    assert.deepEqual(top(all), [
      'theme:diplomacy',
      'term:การทูตดิจิทัล',
      'term:การเจรจาทวิภาคี',
      'theme:public-diplomacy',
      'term:การทูตวัฒนธรรม',
      'theme:security',
      'term:หยุดยิง',
      'term:อาวุธนิวเคลียร์',
      'theme:economy',
      'term:เขตการค้าเสรี',
    ]);
    assert.deepEqual(top(searchThemes(glossary(), '')), ['theme:diplomacy', 'theme:public-diplomacy', 'theme:security', 'theme:economy']);
  });

  it('finds a term by its English equivalent, with its theme path (no gloss of its own)', () => {
    const [first] = searchGlossary(glossary(), 'ceasefire');
    assert.deepEqual(first && { ...first, score: 0 }, {
      kind: 'term',
      themeId: 'security',
      term: 'หยุดยิง',
      label: 'หยุดยิง',
      labelEn: 'Ceasefire',
      path: 'ความมั่นคง (Security)',
      score: 0,
    });
  });

  it('a term carries its own gloss', () => {
    const [first] = searchGlossary(glossary(), 'Digital diplomacy');
    assert.deepEqual([first.term, first.gloss, first.path], ['การทูตดิจิทัล', 'การใช้สื่อสังคมออนไลน์ในงานการทูต', 'การทูต (Diplomacy)']);
  });

  it('tolerates a misspelled Thai term (fuzzy, anywhere in the field)', () => {
    assert.equal(top(searchGlossary(glossary(), 'การทูตดิจิตอล'))[0], 'term:การทูตดิจิทัล');
    assert.equal(top(searchGlossary(glossary(), 'เจรจาทวิ'))[0], 'term:การเจรจาทวิภาคี');
  });

  it('finds a term by an alias, and a theme by its English label', () => {
    assert.equal(top(searchGlossary(glossary(), 'การทูตแบบดิจิทัล'))[0], 'term:การทูตดิจิทัล');
    assert.equal(top(searchGlossary(glossary(), 'FTA'))[0], 'term:เขตการค้าเสรี');
    assert.deepEqual(top(searchThemes(glossary(), 'economy')), ['theme:economy']);
    assert.equal(top(searchThemes(glossary(), 'public'))[0], 'theme:public-diplomacy');
  });

  it('themes are found by their terms and glosses too; a sub-theme carries its ancestors as path', () => {
    assert.equal(top(searchThemes(glossary(), 'นิวเคลียร์'))[0], 'theme:security');
    assert.equal(top(searchThemes(glossary(), 'ป้องกันประเทศ'))[0], 'theme:security');
    const sub = searchThemes(glossary(), 'การทูตสาธารณะ')[0];
    assert.equal(sub.themeId, 'public-diplomacy');
    assert.equal(sub.path, 'การทูต (Diplomacy)');
  });

  it('finds nothing for an unrelated query, and follows glossary changes', () => {
    const set = glossary();
    assert.deepEqual(searchGlossary(set, 'zzzzqqqq'), []);
    assert.deepEqual(searchThemes(set, 'agriculture'), []);
    set.update('file:///w/test.glossary.yaml', GLOSSARY.replace('label_en: Economy', 'label_en: Agriculture'));
    assert.deepEqual(top(searchThemes(set, 'agriculture')), ['theme:economy']);
  });

  it('searches themes in no glossary (those of the annotations file) with the glossary themes, listed after them', () => {
    const set = glossary();
    const loose = [
      { id: 'border-security', label: 'ความมั่นคงชายแดน', labelEn: 'Border security' },
      { id: 'security', label: 'ซ้ำกับของอภิธานศัพท์' }, // a glossary id: the glossary's theme wins
    ];
    const ids = (list: ReturnType<typeof searchThemes>) => list.map((m) => m.themeId);
    assert.deepEqual(ids(searchThemes(set, '', 200, loose)), ['diplomacy', 'public-diplomacy', 'security', 'economy', 'border-security']);
    assert.deepEqual(ids(searchThemes(set, 'border', 200, loose)), ['border-security']);
    assert.equal(searchThemes(set, 'border', 200, loose)[0].path, '');
    assert.deepEqual(ids(searchThemes(set, 'ซ้ำกับ', 200, loose)), []);
    assert.deepEqual(ids(searchThemes(set, 'border')), [], 'not without them');
    const renamed = [{ id: 'border-security', label: 'ด่านพรมแดน' }];
    assert.deepEqual(ids(searchThemes(set, 'ด่านพรมแดน', 200, renamed)), ['border-security'], 'a change of the loose themes is searched at once');
  });
});

describe('glossary search: the name meant first, and countries', () => {
  // a theme of security terms in the style of the built-in glossary: many longer names contain the word
  const SECURITY = `version: 1
themes:
  - id: security-defence
    label: ความมั่นคงและการป้องกันประเทศ
    label_en: Security and defence
    terms:
      - term: ความมั่นคง
        en: security
        gloss: สภาวะที่รัฐและประชาชนปลอดภัยจากภัยคุกคาม ทั้งทางทหารและที่ไม่ใช่ทางทหาร
      - term: คณะมนตรีความมั่นคงแห่งสหประชาชาติ
        en: UN Security Council
        aliases: [คณะมนตรีความมั่นคง, UNSC]
      - term: ความมั่นคงทางอาหาร
        en: food security
        gloss: ภาวะที่ทุกคนเข้าถึงอาหารที่เพียงพอ ปลอดภัย และมีคุณค่าทางโภชนาการได้ตลอดเวลา
        aliases: [ความมั่นคงด้านอาหาร]
      - term: ความมั่นคงทางพลังงาน
        en: energy security
        aliases: [ความมั่นคงด้านพลังงาน]
      - term: ความมั่นคงด้านสุขภาพ
        en: health security
        aliases: [ความมั่นคงทางสุขภาพ]
`;
  const set = new GlossarySet();
  set.update('file:///w/security.glossary.yaml', SECURITY);

  it('ranks the term that is the query first, also with a tone mark missing or one letter off', () => {
    assert.equal(top(searchGlossary(set, 'ความมั่นคง'))[0], 'term:ความมั่นคง');
    assert.equal(top(searchGlossary(set, 'ความมันคง'))[0], 'term:ความมั่นคง', 'the tone mark left out');
    assert.equal(top(searchGlossary(set, 'ความมั่นคลง'))[0], 'term:ความมั่นคง', 'one letter too many');
    assert.equal(top(searchGlossary(set, 'security'))[0], 'term:ความมั่นคง', 'its English');
    // the other matches follow, by Fuse's score
    assert.ok(top(searchGlossary(set, 'ความมันคง')).includes('term:คณะมนตรีความมั่นคงแห่งสหประชาชาติ'));
  });

  it('finds countries by their Thai and English names when asked, never for an empty query', () => {
    const [korea] = searchGlossary(glossary(), 'north korea', 200, { countries: true });
    assert.deepEqual([korea.kind, korea.country, korea.label, korea.labelEn], ['country', 'KP', 'เกาหลีเหนือ', 'North Korea']);
    assert.equal(searchThemes(glossary(), 'เกาหลีเหนือ', 200, [], { countries: true })[0].country, 'KP');
    assert.equal(searchThemes(glossary(), 'Democratic People', 200, [], { countries: true })[0].country, 'KP', 'by the formal name');
    assert.equal(searchGlossary(glossary(), 'north korea').length, 0, 'not unless asked');
    assert.ok(searchGlossary(glossary(), '', 200, { countries: true }).every((m) => m.kind !== 'country'));
    // a theme that is the query stays before a country that only resembles it
    assert.equal(top(searchGlossary(glossary(), 'ความมั่นคง', 200, { countries: true }))[0], 'theme:security');
  });
});

describe('occurrences', () => {
  const annotations: Annotation[] = [
    { kind: 'term', start: 0, end: 5, text: 'aaaaa', theme: 'diplomacy', term: 'a' },
    { kind: 'country', start: 6, end: 9, text: 'ไทย', country: 'TH' },
    { kind: 'term', start: 10, end: 14, text: 'bbbb', theme: 'public-diplomacy', term: 'b' },
    { kind: 'term', start: 20, end: 25, text: 'ccccc', theme: 'security', term: 'c' },
    { kind: 'date', start: 25, end: 29, text: '2568', from: '2025', to: '2025', calendar: 'BE' },
    { kind: 'term', start: 30, end: 35, text: 'aaaaa', theme: 'diplomacy', term: 'a' },
  ];

  it('annotationAt finds the annotation covering an offset, the end only when asked', () => {
    assert.equal(annotationAt(annotations, 0)?.start, 0);
    assert.equal(annotationAt(annotations, 4)?.start, 0);
    assert.equal(annotationAt(annotations, 5), undefined);
    assert.equal(annotationAt(annotations, 5, true)?.start, 0);
    assert.equal(annotationAt(annotations, 25)?.kind, 'date'); // the next annotation starts where one ends
    assert.equal(annotationAt(annotations, 25, true)?.kind, 'date');
    assert.equal(annotationAt(annotations, 17), undefined);
    assert.equal(annotationAt(annotations, 40), undefined);
    assert.equal(annotationAt([], 0), undefined);
  });

  it('themeFamily has the theme and every sub-theme', () => {
    assert.deepEqual([...themeFamily(glossary(), 'diplomacy')].sort(), ['diplomacy', 'public-diplomacy']);
    assert.deepEqual([...themeFamily(glossary(), 'public-diplomacy')], ['public-diplomacy']);
  });

  it('occurrencesOf keeps the terms of the themes (and of one term)', () => {
    const family = themeFamily(glossary(), 'diplomacy');
    assert.deepEqual(occurrencesOf(annotations, family).map((a) => a.start), [0, 10, 30]);
    assert.deepEqual(occurrencesOf(annotations, family, 'a').map((a) => a.start), [0, 30]);
    assert.deepEqual(occurrencesOf(annotations, new Set(['economy'])), []);
  });

  it('step goes to the next or previous start and wraps around at either end', () => {
    const occ = [
      { start: 0, end: 5 },
      { start: 10, end: 14 },
      { start: 30, end: 35 },
    ];
    assert.deepEqual(step(occ, 0, 'next'), { index: 1, wrapped: false });
    assert.deepEqual(step(occ, 12, 'next'), { index: 2, wrapped: false });
    assert.deepEqual(step(occ, 30, 'next'), { index: 0, wrapped: true });
    assert.deepEqual(step(occ, 30, 'previous'), { index: 1, wrapped: false });
    assert.deepEqual(step(occ, 14, 'previous'), { index: 1, wrapped: false }); // just after it
    assert.deepEqual(step(occ, 11, 'previous'), { index: 0, wrapped: false }); // inside it: the one before
    assert.deepEqual(step(occ, 11, 'next'), { index: 2, wrapped: false });
    assert.deepEqual(step(occ, 2, 'previous'), { index: 2, wrapped: true });
    assert.deepEqual(step(occ, 0, 'previous'), { index: 2, wrapped: true });
    assert.equal(step([], 5, 'next'), undefined);
  });
});
