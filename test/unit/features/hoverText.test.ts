import { strict as assert } from 'node:assert';
import { GlossarySet } from '../../../src/core/glossary/glossary';
import { countryByCode } from '../../../src/core/recognize/countries';
import type { DateAnnotation, TermAnnotation } from '../../../src/core/types';
import { countryHoverMarkdown, dateHoverMarkdown, termHoverMarkdown, withPage } from '../../../src/features/hoverText';
import { dateInWords, weekdayOf } from '../../../src/features/dateWords';

const GLOSSARY = `version: 1
themes:
  - id: trade
    label: การค้า
    label_en: Trade
    gloss: ประเด็น **การค้า**
    terms:
      - ภาษีศุลกากร
    themes:
      - id: trade-fta
        label: ความตกลงการค้าเสรี
        label_en: Free trade agreements
        terms:
          - term: เขตการค้าเสรี
            en: Free trade area
            gloss: "ดู [x](command:workbench.action.quit) <img src=x> ![](https://example.com/a.png)"
            aliases: [FTA, เขตการค้าเสรีอาเซียน]
`;

function glossary(): GlossarySet {
  const set = new GlossarySet();
  set.update('file:///w/trade.glossary.yaml', GLOSSARY);
  return set;
}

function date(fields: Partial<DateAnnotation> & Pick<DateAnnotation, 'text' | 'calendar'>): DateAnnotation {
  return { kind: 'date', start: 0, end: fields.text.length, ...fields };
}

describe('hover text', () => {
  describe('dates in words', () => {
    it('a single day with its weekday', () => {
      assert.equal(dateInWords('2021-11-16', '2021-11-16'), '16 November 2021 (Tuesday)');
      assert.equal(weekdayOf(1, 1, 1), 'Monday'); // years below 100 are not 19xx
      assert.equal(weekdayOf(2024, 2, 29), 'Thursday');
    });

    it('ranges of days, within a month, across months and across years', () => {
      assert.equal(dateInWords('2025-11-13', '2025-11-14'), '13–14 November 2025');
      assert.equal(dateInWords('2025-11-30', '2025-12-02'), '30 November – 2 December 2025');
      assert.equal(dateInWords('2024-10-01', '2025-09-30'), '1 October 2024 – 30 September 2025');
    });

    it('months, years, decades and centuries', () => {
      assert.equal(dateInWords('2025-11', '2025-11'), 'November 2025');
      assert.equal(dateInWords('2025-10', '2025-12'), 'October–December 2025');
      assert.equal(dateInWords('2024-11', '2025-02'), 'November 2024 – February 2025');
      assert.equal(dateInWords('2025', '2025'), '2025');
      assert.equal(dateInWords('2023', '2027'), '2023–2027');
      assert.equal(dateInWords('1960', '1969'), 'the 1960s (1960–1969)');
      assert.equal(dateInWords('2001', '2100'), 'the 21st century (2001–2100)');
      assert.equal(dateInWords('1901', '2000'), 'the 20th century (1901–2000)');
      assert.equal(dateInWords('1011', '1110'), '1011–1110'); // 100 years, not a century
    });

    it('mixed precision falls back to both ends in words', () => {
      assert.equal(dateInWords('2025-11', '2025-12-05'), 'November 2025 – 5 December 2025');
    });
  });

  describe('date hovers', () => {
    it('a Buddhist Era date: the Gregorian day, weekday and the BE year', () => {
      assert.equal(
        dateHoverMarkdown(date({ text: '16 พฤศจิกายน 2564', from: '2021-11-16', to: '2021-11-16', calendar: 'BE' })),
        '**16 November 2021 (Tuesday)**\n\nCalendar: Buddhist Era (พ.ศ. / BE): 2564 BE = 2021 CE\n\nWritten: «16 พฤศจิกายน 2564»',
      );
    });

    it('a BE range of years gives the conversion rule', () => {
      const md = dateHoverMarkdown(date({ text: 'พ.ศ. 2566-2570', from: '2023', to: '2027', calendar: 'BE' }));
      assert.equal(md, '**2023–2027**\n\nCalendar: Buddhist Era (พ.ศ. / BE); CE = BE − 543\n\nWritten: «พ\\.ศ\\. 2566\\-2570»');
    });

    it('a CE date', () => {
      const md = dateHoverMarkdown(date({ text: 'ค.ศ. 2022', from: '2022', to: '2022', calendar: 'CE' }));
      assert.equal(md, '**2022**\n\nCalendar: Common Era (ค.ศ. / CE)\n\nWritten: «ค\\.ศ\\. 2022»');
    });

    it('a year not written: inferred from the reference date, or from today', () => {
      const a = date({ text: '6 ตุลา', from: '2025-10-06', to: '2025-10-06', calendar: 'none', inferred: true });
      assert.equal(
        dateHoverMarkdown(a, { date: '2025-11-22', source: 'setting' }),
        '**6 October 2025 (Monday)**\n\nCalendar: no year written; inferred from the reference date, 22 November 2025\n\nWritten: «6 ตุลา»',
      );
      assert.match(dateHoverMarkdown(a, { date: '2025-11-22', source: 'today' }), /inferred from today's date, 22 November 2025\n/);
      assert.match(dateHoverMarkdown(a), /inferred from a year written earlier in the document\n/);
    });

    it('a relative word with its resolved date', () => {
      const a = date({ text: 'พรุ่งนี้', from: '2025-11-23', to: '2025-11-23', calendar: 'none', relative: 'พรุ่งนี้' });
      assert.equal(
        dateHoverMarkdown(a, { date: '2025-11-22', source: 'setting' }),
        '**23 November 2025 (Sunday)**\n\nRelative: «พรุ่งนี้», resolved against the reference date, 22 November 2025\n\n' +
          'Calendar: no year written (a relative expression)\n\nWritten: «พรุ่งนี้»',
      );
      const week = date({ text: 'สัปดาห์หน้า', from: '2025-11-24', to: '2025-11-30', calendar: 'none', relative: 'สัปดาห์หน้า' });
      assert.match(dateHoverMarkdown(week, { date: '2025-11-22', source: 'setting' }), /^\*\*24–30 November 2025\*\*\n/);
    });

    it("a relative word resolved against the document's own date says so, with the line of that date", () => {
      const a = date({ text: 'วันนี้', from: '2025-05-26', to: '2025-05-26', calendar: 'none', relative: 'วันนี้' });
      assert.equal(
        dateHoverMarkdown(a, { date: '2025-05-26', source: 'dateline', line: 4 }),
        "**26 May 2025 (Monday)**\n\nRelative: «วันนี้», resolved against the document's date, 26 May 2025, line 4\n\n" +
          'Calendar: no year written (a relative expression)\n\nWritten: «วันนี้»',
      );
      const inferred = date({ text: '11-14 ก.ค.', from: '2025-07-11', to: '2025-07-14', calendar: 'none', inferred: true });
      assert.match(dateHoverMarkdown(inferred, { date: '2025-05-26', source: 'frontMatter', line: 2 }), /inferred from the document's date, 26 May 2025, line 2\n/);
      assert.match(dateHoverMarkdown(a, { date: '2025-05-26', source: 'explicit' }), /resolved against the reference date, 26 May 2025\n/);
    });

    it('a year in the title of a law says so', () => {
      const a = date({ text: 'พ.ศ. 2522', from: '1979', to: '1979', calendar: 'BE', role: 'title' });
      assert.equal(
        dateHoverMarkdown(a),
        '**1979**\n\nCalendar: Buddhist Era (พ.ศ. / BE): 2522 BE = 1979 CE\n\nPart of the title of a law or a budget act\n\nWritten: «พ\\.ศ\\. 2522»',
      );
    });

    it('a relative word not resolved, and a date with no year at all', () => {
      assert.equal(
        dateHoverMarkdown(date({ text: 'วันนี้', calendar: 'none', relative: 'วันนี้' })),
        '**วันนี้**\n\nRelative: «วันนี้», not resolved (no reference date)\n\nCalendar: no year written (a relative expression)\n\nWritten: «วันนี้»',
      );
      assert.equal(
        dateHoverMarkdown(date({ text: '6 ตุลา', calendar: 'none' })),
        '**6 ตุลา**\n\nCalendar: no year written, and none could be inferred\n\nWritten: «6 ตุลา»',
      );
    });
  });

  describe('country hovers', () => {
    it('says in which role a country is named, where it is not a plain mention', () => {
      const bank = countryHoverMarkdown({ kind: 'country', start: 9, end: 18, text: 'ประเทศไทย', country: 'TH', role: 'organization' }, countryByCode('TH'));
      assert.ok(bank.endsWith("Written here as «ประเทศไทย»\n\nNamed here inside an organisation's name"), bank);
      const people = countryHoverMarkdown({ kind: 'country', start: 3, end: 9, text: 'เกาหลี', country: 'KR', role: 'people' }, countryByCode('KR'));
      assert.ok(people.endsWith('Named here as a people or nationality'), people);
      const region = countryHoverMarkdown({ kind: 'country', start: 8, end: 14, text: 'เกาหลี', country: 'KR', role: 'region' }, countryByCode('KR'));
      assert.ok(region.endsWith('Named here in the name of a region'), region);
    });

    it('Thai short and formal names, English names, ISO codes and the flag', () => {
      const md = countryHoverMarkdown({ kind: 'country', start: 0, end: 20, text: 'สาธารณรัฐอินโดนีเซีย', country: 'ID' }, countryByCode('ID'));
      assert.equal(
        md,
        '🇮🇩 **อินโดนีเซีย** — Indonesia\n\nFormal name: สาธารณรัฐอินโดนีเซีย · Republic of Indonesia\n\nISO 3166-1: **ID** (IDN, 360)\n\n' +
          'Written here as «สาธารณรัฐอินโดนีเซีย»',
      );
    });

    it('a form written differently, and a former state without a flag', () => {
      const us = countryHoverMarkdown({ kind: 'country', start: 0, end: 6, text: 'สหรัฐฯ', country: 'US' }, countryByCode('US'));
      assert.equal(us, '🇺🇸 **สหรัฐอเมริกา** — United States\n\nFormal name: United States of America\n\nISO 3166-1: **US** (USA, 840)\n\nWritten here as «สหรัฐฯ»');
      const su = countryHoverMarkdown({ kind: 'country', start: 0, end: 12, text: 'สหภาพโซเวียต', country: 'SU' }, countryByCode('SU'));
      assert.ok(su.startsWith('**สหภาพโซเวียต** — Soviet Union\n\n'), su);
      assert.match(su, /A former state \(until 1992\)/);
    });
  });

  describe('term hovers', () => {
    it('theme path, English, gloss escaped, aliases, counts and the three command links', () => {
      const set = glossary();
      const annotation: TermAnnotation = { kind: 'term', start: 10, end: 13, text: 'FTA', theme: 'trade-fta', term: 'เขตการค้าเสรี' };
      const md = termHoverMarkdown({
        annotation,
        theme: set.theme('trade-fta'),
        ancestors: set.ancestors('trade-fta'),
        entry: set.termsOf('trade-fta')[0],
        termCount: 2,
        themeCount: 3,
      });
      const args = encodeURIComponent(JSON.stringify([{ themeId: 'trade-fta', term: 'เขตการค้าเสรี' }]));
      assert.equal(
        md,
        [
          '**เขตการค้าเสรี** — Free trade area',
          'Written here as «FTA»',
          'Theme: การค้า (Trade) › ความตกลงการค้าเสรี (Free trade agreements)',
          'ดู \\[x\\]\\(command\\:workbench\\.action\\.quit\\) \\<img src\\=x\\> \\!\\[\\]\\(https\\://example\\.com/a\\.png\\)',
          'Also written: FTA, เขตการค้าเสรีอาเซียน',
          'In this document: this term 2 times; the theme 3 times',
          '[Show in tree](command:thaiPolicyLens.showInTree?%5B%22trade-fta%22%5D) · ' +
            '[Next occurrence](command:thaiPolicyLens.nextOccurrence?%5B%7B%22themeId%22%3A%22trade-fta%22%7D%5D) · ' +
            `[Open glossary entry](command:thaiPolicyLens.openGlossaryEntry?${args})`,
        ].join('\n\n'),
      );
      // the only live links are the extension's own commands
      const links = [...md.matchAll(/(?<!\\)\]\((\S+?)\)/g)].map((m) => m[1].replace(/\?.*/, ''));
      assert.deepEqual(links, ['command:thaiPolicyLens.showInTree', 'command:thaiPolicyLens.nextOccurrence', 'command:thaiPolicyLens.openGlossaryEntry']);
    });

    it('a term without gloss shows its theme gloss, escaped; counts say "1 time" and sub-themes', () => {
      const set = glossary();
      const md = termHoverMarkdown({
        annotation: { kind: 'term', start: 0, end: 11, text: 'ภาษีศุลกากร', theme: 'trade', term: 'ภาษีศุลกากร' },
        theme: set.theme('trade'),
        ancestors: [],
        entry: set.termsOf('trade')[0],
        termCount: 1,
        themeCount: 4,
      });
      const lines = md.split('\n\n');
      assert.equal(lines[0], '**ภาษีศุลกากร**');
      // the theme's gloss goes with the theme: "Theme:" once
      assert.equal(lines[1], 'Theme: การค้า (Trade) — ประเด็น \\*\\*การค้า\\*\\*');
      assert.equal(lines[2], 'In this document: this term 1 time; the theme 4 times (with its sub-themes)');
      assert.equal(md.split('Theme:').length - 1, 1, md);
    });

    it('a theme no longer in the glossary', () => {
      const md = termHoverMarkdown({
        annotation: { kind: 'term', start: 0, end: 3, text: 'abc', theme: 'gone', term: 'abc' },
        ancestors: [],
        termCount: 1,
        themeCount: 0,
      });
      assert.match(md, /\n\nTheme: gone \(no longer in the glossary\)\n\nIn this document: this term 1 time\n\n\[Show in tree\]/);
    });
  });
});

describe('the page line of a hover (imported PDFs)', () => {
  it('adds the page line to a hover, or nothing without a page', () => {
    assert.equal(withPage('**ทะเล**', 3), '**ทะเล**\n\nPage 3');
    assert.equal(withPage('**ทะเล**', 1234), '**ทะเล**\n\nPage 1,234');
    assert.equal(withPage('**ทะเล**', undefined), '**ทะเล**');
  });
});
