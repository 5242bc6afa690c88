import { strict as assert } from 'node:assert';
import { countryCode, parsePassageQuery, QueryError } from '../../../../src/core/corpus/passageQuery';
import { THEMES } from './corpus.test';
import { inThai } from '../../../support/thai';

const parse = (q: string) => parsePassageQuery(q, THEMES);

describe('parsePassageQuery', () => {
  it('reads themes by id or label, countries by code or name, a date range and free text', () => {
    assert.deepEqual(parse('theme:rights country:MM date:2021..2023 "ผู้ลี้ภัย ชาวโรฮีนจา"'), {
      themes: [['rights']],
      countries: [['MM']],
      from: '2021',
      to: '2023',
      texts: ['ผู้ลี้ภัย ชาวโรฮีนจา'],
    });
    assert.deepEqual(parse('theme:"Human Rights" theme:ผู้ลี้ภัย,trade country:เมียนมา,jpn ASEAN'), {
      themes: [['rights'], ['refugees', 'trade']],
      countries: [['MM', 'JP']],
      texts: ['ASEAN'],
    });
  });

  it('reads Buddhist Era years, months, days and open ranges', () => {
    assert.deepEqual(parse('date:2564..2566'), { from: '2021', to: '2023' });
    assert.deepEqual(parse('date:๒๕๖๕'), { from: '2022', to: '2022' });
    assert.deepEqual(parse('date:2566-3..'), { from: '2023-03' });
    assert.deepEqual(parse('date:..2021-12-31'), { to: '2021-12-31' });
    assert.deepEqual(parse('folder:news/2566 x'), { folder: 'news/2566', texts: ['x'] });
    assert.deepEqual(parse(''), {});
    // a word that is not a field is free text
    assert.deepEqual(parse('http://x'), { texts: ['http://x'] });
  });

  it('says what is wrong and where, in one line', () => {
    const error = (q: string) => {
      try {
        parse(q);
      } catch (e) {
        assert.ok(e instanceof QueryError);
        return e.message;
      }
      assert.fail(`no error for ${q}`);
    };
    assert.equal(error('theme:rights theme:nothing'), '1:14: unknown theme "nothing"');
    assert.equal(error('country:Narnia'), '1:1: unknown country "Narnia"');
    assert.equal(error('date:2023..2021'), '1:1: date: 2023..2021 ends before it starts');
    assert.equal(error('date:21'), '1:1: date: "21" is not a year, YYYY-MM or YYYY-MM-DD');
    assert.equal(error('date:2021-13'), '1:1: date: "2021-13" is not a year, YYYY-MM or YYYY-MM-DD');
    assert.equal(error('date:..'), '1:1: date: needs a year on at least one side of ..');
    assert.equal(error('date:2021 date:2022'), '1:11: date: given twice');
    assert.equal(error('a "open'), '1:3: a quote is not closed');
    assert.equal(error('theme:'), '1:1: theme: needs a value');
    inThai(() => {
      assert.equal(error('theme:rights theme:nothing'), '1:14: ไม่รู้จักประเด็น "nothing"');
      assert.equal(error('date:2023..2021'), '1:1: date: 2023..2021 สิ้นสุดก่อนเริ่มต้น');
    });
  });

  it('knows countries by alpha-2, alpha-3, Thai and English names', () => {
    assert.equal(countryCode('mm'), 'MM');
    assert.equal(countryCode('MMR'), 'MM');
    assert.equal(countryCode('Myanmar'), 'MM');
    assert.equal(countryCode('ญี่ปุ่น'), 'JP');
    assert.equal(countryCode('nowhere'), undefined);
  });
});
