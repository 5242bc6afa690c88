import { strict as assert } from 'node:assert';
import { dateTriggerStarts, findDates } from '../../../../src/core/recognize/dates';
import { formatDate } from '../../../../src/core/recognize/datesCalendar';
import { DATE_MARKERS, TriggerKind, triggerAt } from '../../../../src/core/recognize/datesTriggers';
import { normalizeTerm } from '../../../../src/core/text/normalize';
import type { DateAnnotation } from '../../../../src/core/types';

/** Fields of an expected date besides its place in the text. */
type Value = Omit<DateAnnotation, 'kind' | 'start' | 'end' | 'text'>;

/** The annotation expected for the `nth` occurrence of `span` in `text`. */
function date(text: string, span: string, value: Value, nth = 0): DateAnnotation {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(span, start + 1);
  assert.ok(start >= 0, `test bug: ${span} not in ${text}`);
  return { kind: 'date', start, end: start + span.length, text: span, ...value };
}

/** A day, month or year written once: from equals to. */
function single(when: string, calendar: 'BE' | 'CE'): Value {
  return { from: when, to: when, calendar };
}

describe('findDates', () => {
  describe('day, month and year', () => {
    it('reads a full Thai month and a BE year, leaving วันที่ outside the span', () => {
      const text = 'ที่ประชุมมีมติเมื่อวันที่ 16 พฤศจิกายน 2564 ณ ทำเนียบรัฐบาล';
      assert.deepStrictEqual(findDates(text), [date(text, '16 พฤศจิกายน 2564', single('2021-11-16', 'BE'))]);
    });

    it('leaves a weekday prefix outside the span', () => {
      const text = 'วันพุธที่ 4 มิถุนายน 2568';
      assert.deepStrictEqual(findDates(text), [
        { kind: 'date', start: 10, end: 25, text: '4 มิถุนายน 2568', from: '2025-06-04', to: '2025-06-04', calendar: 'BE' },
      ]);
    });

    it('reads abbreviated months, 2-digit BE years and a year glued to the month', () => {
      const text = 'ประชุม 24 มี.ค. 2568 ลงนาม 5 ม.ค. 66 หยุดยิงตั้งแต่ 28 ก.ค.68 แถลงวันนี้([2ก.ย.])';
      assert.deepStrictEqual(findDates(text).slice(0, 3), [
        date(text, '24 มี.ค. 2568', single('2025-03-24', 'BE')),
        date(text, '5 ม.ค. 66', single('2023-01-05', 'BE')),
        date(text, '28 ก.ค.68', single('2025-07-28', 'BE')),
      ]);
    });

    it('reads a day glued to its month', () => {
      const text = 'ระดับน้ำวันนี้(2ก.ย.)';
      assert.deepStrictEqual(findDates(text, { referenceDate: '2018-09-02' }), [
        date(text, 'วันนี้', { from: '2018-09-02', to: '2018-09-02', calendar: 'none', relative: 'วันนี้' }),
        date(text, '2ก.ย.', { from: '2018-09-02', to: '2018-09-02', calendar: 'none', inferred: true }),
      ]);
    });

    it('keeps พ.ศ. and ค.ศ. inside the span, and ค.ศ. makes the year CE', () => {
      const text = 'ลงนามเมื่อ 16 พฤศจิกายน พ.ศ. 2564 และ 1 มกราคม ค.ศ. 2022';
      assert.deepStrictEqual(findDates(text), [
        date(text, '16 พฤศจิกายน พ.ศ. 2564', single('2021-11-16', 'BE')),
        date(text, '1 มกราคม ค.ศ. 2022', single('2022-01-01', 'CE')),
      ]);
    });

    it('keeps ปี between a month and its year inside the span', () => {
      const text = 'เหตุการณ์ 19 กันยายน ปี 2549 ';
      assert.deepStrictEqual(findDates(text), [date(text, '19 กันยายน ปี 2549', single('2006-09-19', 'BE'))]);
    });

    it('reads Thai digits throughout', () => {
      const text = 'ลงวันที่ ๑๖ พ.ย. ๖๔';
      assert.deepStrictEqual(findDates(text), [
        { kind: 'date', start: 9, end: 19, text: '๑๖ พ.ย. ๖๔', from: '2021-11-16', to: '2021-11-16', calendar: 'BE' },
      ]);
    });

    it('reads a CE year written after a Thai month by its size', () => {
      const text = 'นิตยสารฉบับวันที่ 2 กรกฎาคม 2018 ';
      assert.deepStrictEqual(findDates(text), [date(text, '2 กรกฎาคม 2018', single('2018-07-02', 'CE'))]);
    });

    it('accepts no-break and zero-width spaces between the parts and inside a month name', () => {
      const text = 'วันที่\u00a016\u00a0พฤศจิ\u200bกายน\u00a02564';
      assert.deepStrictEqual(findDates(text), [
        { kind: 'date', start: 7, end: 25, text: text.slice(7), from: '2021-11-16', to: '2021-11-16', calendar: 'BE' },
      ]);
    });
  });

  describe('month and year', () => {
    it('reads a month and year, leaving เดือน outside the span', () => {
      const text = 'เริ่มโครงการเดือนพฤศจิกายน 2564';
      assert.deepStrictEqual(findDates(text), [date(text, 'พฤศจิกายน 2564', single('2021-11', 'BE'))]);
    });

    it('reads an abbreviated month with a 2-digit year', () => {
      const text = 'เลือกตั้งตามโรดแม็ป ก.พ. 62';
      assert.deepStrictEqual(findDates(text), [date(text, 'ก.พ. 62', single('2019-02', 'BE'))]);
    });

    it('reads English months with a year', () => {
      const text = 'Report of April 2022';
      assert.deepStrictEqual(findDates(text), [date(text, 'April 2022', single('2022-04', 'CE'))]);
    });

    it('needs เดือน before or นี้ after a month written without a year', () => {
      const text = 'ชื่อเล่นว่ากันยา ประชุมเดือนธันวา และภายในกันยายนนี้';
      assert.deepStrictEqual(findDates(text, { referenceDate: '2025-01-15' }), [
        date(text, 'ธันวา', { from: '2025-12', to: '2025-12', calendar: 'none', inferred: true }),
        date(text, 'กันยายน', { from: '2025-09', to: '2025-09', calendar: 'none', inferred: true }),
      ]);
    });

    it('does not take a month abbreviation inside an acronym', () => {
      assert.deepStrictEqual(findDates('สำนักงาน ก.พ. ร่วมกับ ก.ค.ศ. และ อ.ก.พ.'), []);
    });
  });

  describe('years', () => {
    it('reads a bare พ.ศ. year in Arabic and Thai digits', () => {
      const text = 'พ.ศ. 2566 และ พ.ศ.๒๕๖๗';
      assert.deepStrictEqual(findDates(text), [
        date(text, 'พ.ศ. 2566', single('2023', 'BE')),
        date(text, 'พ.ศ.๒๕๖๗', single('2024', 'BE')),
      ]);
    });

    it('reads a year after ปี, leaving ปี outside the span', () => {
      const text = 'ในปี 2562 และทุนการศึกษาปี 61 กับปี ค.ศ. 2022';
      assert.deepStrictEqual(findDates(text), [
        date(text, '2562', single('2019', 'BE')),
        date(text, '61', single('2018', 'BE')),
        date(text, 'ค.ศ. 2022', single('2022', 'CE')),
      ]);
    });

    it('does not read a bare number, an event name or a name with a number as a year', () => {
      const text = 'รหัส 2566 ของงาน APEC 2022 และ Thailand 4.0 กับ G20';
      assert.deepStrictEqual(findDates(text), []);
    });
  });

  describe('ranges', () => {
    it('reads a range of days in one month', () => {
      const text = 'ระหว่างวันที่ 13 - 14 พฤศจิกายน 2568 และ ๒๓-๒๕ ตุลาคม ๒๕๖๗';
      assert.deepStrictEqual(findDates(text), [
        date(text, '13 - 14 พฤศจิกายน 2568', { from: '2025-11-13', to: '2025-11-14', calendar: 'BE' }),
        date(text, '๒๓-๒๕ ตุลาคม ๒๕๖๗', { from: '2024-10-23', to: '2024-10-25', calendar: 'BE' }),
      ]);
    });

    it('infers the year of a range written without one from the reference date', () => {
      const text = 'ลดราคา 1 - 24 มี.ค. เท่านั้น';
      assert.deepStrictEqual(findDates(text, { referenceDate: '2025-06-01' }), [
        date(text, '1 - 24 มี.ค.', { from: '2025-03-01', to: '2025-03-24', calendar: 'none', inferred: true }),
      ]);
    });

    it('keeps only the text of a date without a year when no year is known', () => {
      const text = 'ลดราคา 1 - 24 มี.ค. เท่านั้น';
      assert.deepStrictEqual(findDates(text), [date(text, '1 - 24 มี.ค.', { calendar: 'none' })]);
    });

    it('reads ranges of months, the first in the year before when it comes later in the year', () => {
      const text = 'ช่วงมกราคม - มีนาคม 2568 และสถิติ ต.ค.-ส.ค.61';
      assert.deepStrictEqual(findDates(text), [
        date(text, 'มกราคม - มีนาคม 2568', { from: '2025-01', to: '2025-03', calendar: 'BE' }),
        date(text, 'ต.ค.-ส.ค.61', { from: '2017-10', to: '2018-08', calendar: 'BE' }),
      ]);
    });

    it('reads ranges across months and across years', () => {
      const text = 'จัดงาน 30 ต.ค. - 2 พ.ย. 2568 และ 5 กุมภาพันธ์ – 31 มีนาคม 2561 และ ธันวาคม 2566 - มกราคม 2567';
      assert.deepStrictEqual(findDates(text), [
        date(text, '30 ต.ค. - 2 พ.ย. 2568', { from: '2025-10-30', to: '2025-11-02', calendar: 'BE' }),
        date(text, '5 กุมภาพันธ์ – 31 มีนาคม 2561', { from: '2018-02-05', to: '2018-03-31', calendar: 'BE' }),
        date(text, 'ธันวาคม 2566 - มกราคม 2567', { from: '2023-12', to: '2024-01', calendar: 'BE' }),
      ]);
    });

    it('puts the start of a range over new year in the year before', () => {
      const text = 'ปิดทำการ 30 ธ.ค. - 2 ม.ค.';
      assert.deepStrictEqual(findDates(text, { referenceDate: '2025-01-10' }), [
        date(text, '30 ธ.ค. - 2 ม.ค.', { from: '2024-12-30', to: '2025-01-02', calendar: 'none', inferred: true }),
      ]);
    });

    it('reads ranges of years', () => {
      const text = 'สมัย พ.ศ. 2503-2512 แผนปี 2566–2570 และแผนงาน 2023 - 2024';
      assert.deepStrictEqual(findDates(text), [
        date(text, 'พ.ศ. 2503-2512', { from: '1960', to: '1969', calendar: 'BE' }),
        date(text, '2566–2570', { from: '2023', to: '2027', calendar: 'BE' }),
        date(text, '2023 - 2024', { from: '2023', to: '2024', calendar: 'CE' }),
      ]);
    });
  });

  describe('decades, centuries and fiscal years', () => {
    it('reads decades in CE and BE', () => {
      const text = 'ในทศวรรษ 1960 และทศวรรษที่ 2520';
      assert.deepStrictEqual(findDates(text), [
        date(text, 'ทศวรรษ 1960', { from: '1960', to: '1969', calendar: 'CE' }),
        date(text, 'ทศวรรษที่ 2520', { from: '1977', to: '1986', calendar: 'BE' }),
      ]);
    });

    it('reads centuries, with or without an era prefix', () => {
      const text = 'ศตวรรษที่ 21 คริสต์ศตวรรษที่ 20 พุทธศตวรรษที่ 25';
      assert.deepStrictEqual(findDates(text), [
        date(text, 'ศตวรรษที่ 21', { from: '2001', to: '2100', calendar: 'CE' }),
        date(text, 'คริสต์ศตวรรษที่ 20', { from: '1901', to: '2000', calendar: 'CE' }),
        date(text, 'พุทธศตวรรษที่ 25', { from: '1858', to: '1957', calendar: 'BE' }),
      ]);
    });

    it('reads a fiscal year as 1 October to 30 September', () => {
      const text = 'งบประมาณรายจ่ายประจำปีงบประมาณ (พ.ศ.) 2568 ปีงบประมาณ 2567 และปีงบฯ 68';
      const fiscal2568: Value = { from: '2024-10-01', to: '2025-09-30', calendar: 'BE' };
      assert.deepStrictEqual(findDates(text), [
        date(text, 'ปีงบประมาณ (พ.ศ.) 2568', fiscal2568),
        date(text, 'ปีงบประมาณ 2567', { from: '2023-10-01', to: '2024-09-30', calendar: 'BE' }),
        date(text, 'ปีงบฯ 68', fiscal2568),
      ]);
    });
  });

  describe('English and numeric dates', () => {
    it('keeps the weekday and time of an English timestamp, with the day as value', () => {
      const text = '- Published: Tuesday, 26 April 2022 21:23\n- Hits: 6282';
      assert.deepStrictEqual(findDates(text), [
        { kind: 'date', start: 13, end: 41, text: 'Tuesday, 26 April 2022 21:23', from: '2022-04-26', to: '2022-04-26', calendar: 'CE' },
      ]);
    });

    it('reads month-first and abbreviated English dates', () => {
      const text = 'signed on July 24, 2023 and on 24 Jul 2023.';
      assert.deepStrictEqual(findDates(text), [
        date(text, 'July 24, 2023', single('2023-07-24', 'CE')),
        date(text, '24 Jul 2023', single('2023-07-24', 'CE')),
      ]);
    });

    it('reads d/m/y by the size of the year, and ISO dates', () => {
      const text = '16/11/2564 16/11/2021 2025-09-18 ๑๖/๑๑/๒๕๖๔';
      assert.deepStrictEqual(findDates(text), [
        date(text, '16/11/2564', single('2021-11-16', 'BE')),
        date(text, '16/11/2021', single('2021-11-16', 'CE')),
        date(text, '2025-09-18', single('2025-09-18', 'CE')),
        date(text, '๑๖/๑๑/๒๕๖๔', single('2021-11-16', 'BE')),
      ]);
    });

    it('does not read a case number as a date', () => {
      assert.deepStrictEqual(findDates('คำสั่งที่ 239/2561 และหนังสือที่ 12/3'), []);
    });
  });

  describe('relative words', () => {
    const text =
      'วันนี้ เมื่อวาน วานซืน วานนี้ พรุ่งนี้ วันพรุ่งนี้ ปีนี้ ปีหน้า ปีที่แล้ว เดือนนี้ เดือนหน้า สัปดาห์หน้า';
    const words = text.split(' ');

    it('resolves relative words against the reference date (weeks run Monday to Sunday)', () => {
      const values: Array<[string, string]> = [
        ['2025-09-18', '2025-09-18'],
        ['2025-09-17', '2025-09-17'],
        ['2025-09-16', '2025-09-16'],
        ['2025-09-17', '2025-09-17'],
        ['2025-09-19', '2025-09-19'],
        ['2025-09-19', '2025-09-19'],
        ['2025', '2025'],
        ['2026', '2026'],
        ['2024', '2024'],
        ['2025-09', '2025-09'],
        ['2025-10', '2025-10'],
        ['2025-09-22', '2025-09-28'],
      ];
      let start = 0;
      const expected = words.map((word, i): DateAnnotation => {
        const a: DateAnnotation = { kind: 'date', start, end: start + word.length, text: word, from: values[i][0], to: values[i][1], calendar: 'none', relative: word };
        start += word.length + 1;
        return a;
      });
      assert.deepStrictEqual(findDates(text, { referenceDate: '2025-09-18' }), expected);
    });

    it('keeps the word and no from/to without a reference date', () => {
      const found = findDates(text);
      assert.deepStrictEqual(
        found.map((a) => [a.text, a.relative, a.from, a.calendar]),
        words.map((w) => [w, w, undefined, 'none']),
      );
    });

    it('leaves the preposition เมื่อ outside วานนี้ and วานซืน, as before a day; เมื่อวาน alone is one word', () => {
      const text = 'แถลงเมื่อวานนี้ (17 ก.ย.) ประชุมเมื่อวานซืน และเมื่อวาน';
      assert.deepStrictEqual(findDates(text, { referenceDate: '2025-09-18' }), [
        date(text, 'วานนี้', { from: '2025-09-17', to: '2025-09-17', calendar: 'none', relative: 'วานนี้' }),
        date(text, '17 ก.ย.', { from: '2025-09-17', to: '2025-09-17', calendar: 'none', inferred: true }),
        date(text, 'วานซืน', { from: '2025-09-16', to: '2025-09-16', calendar: 'none', relative: 'วานซืน' }),
        date(text, 'เมื่อวาน', { from: '2025-09-17', to: '2025-09-17', calendar: 'none', relative: 'เมื่อวาน' }, 2),
      ]);
    });

    it('reads ปัจจุบัน (the present) as the end of a period after ถึง or จน, and not elsewhere', () => {
      const text = 'ตั้งแต่ปี 2557 จนถึงปัจจุบัน ก่อตั้งถึง ปัจจุบัน ทำมาจนปัจจุบัน ในปัจจุบันราคาสูง';
      assert.deepStrictEqual(findDates(text, { referenceDate: '2025-09-18' }), [
        date(text, '2557', single('2014', 'BE')),
        date(text, 'ปัจจุบัน', { from: '2025-09-18', to: '2025-09-18', calendar: 'none', relative: 'ปัจจุบัน' }),
        date(text, 'ปัจจุบัน', { from: '2025-09-18', to: '2025-09-18', calendar: 'none', relative: 'ปัจจุบัน' }, 1),
        date(text, 'ปัจจุบัน', { from: '2025-09-18', to: '2025-09-18', calendar: 'none', relative: 'ปัจจุบัน' }, 2),
      ]);
      assert.deepStrictEqual(findDates('ปัจจุบันราคาสูง'), []);
    });

    it('does not read a duration before a relative word as a date', () => {
      assert.deepStrictEqual(findDates('3 ปีที่แล้ว สามปีก่อน หลายปีที่ผ่านมา 2 เดือนก่อน', { referenceDate: '2025-09-18' }), []);
    });
  });

  describe('informal forms of Thai news (issue 17), against 26 May 2025, a Monday', () => {
    const ref = { referenceDate: '2025-05-26' };
    /** The one date in `text`, with its value. */
    function one(text: string, span: string, value: Value): void {
      assert.deepStrictEqual(findDates(text, ref), [date(text, span, value)]);
    }
    const inferred = (day: string): Value => ({ from: day, to: day, calendar: 'none', inferred: true });

    it('reads month abbreviations without dots, glued to the day or not', () => {
      one('แถลงข่าว (1ธค.57) ที่ทำเนียบ', '1ธค.57', single('2014-12-01', 'BE'));
      one('ประชุมวันที่ 24 พย. นี้', '24 พย.', inferred('2025-11-24'));
      one('แถลง (7มค.) ว่า', '7มค.', inferred('2025-01-07'));
      one('เมื่อ 19ธค. ที่ผ่านมา', '19ธค.', inferred('2025-12-19'));
      one('ลงนามวันที่ 14มค.2560', '14มค.2560', single('2017-01-14', 'BE'));
      one('บรรจุวันที่ 1 ตค 61 ได้', '1 ตค 61', single('2018-10-01', 'BE'));
      one('สมัครได้ถึง 12 กพ. 2561', '12 กพ. 2561', single('2018-02-12', 'BE'));
    });

    it('reads such an abbreviation only after a day: its letters begin words and acronyms', () => {
      assert.deepStrictEqual(findDates('รับสมัคร 24 พยาบาล และ 3 กยศ. กับ ธค. พย', ref), []);
    });

    it('reads numeric dates with a 2-digit Buddhist year, and with dashes', () => {
      one('ผลิตเมื่อ 6/6/55 หมดอายุ', '6/6/55', single('2012-06-06', 'BE'));
      one('ผลิตเมื่อ 06/06/55 หมดอายุ', '06/06/55', single('2012-06-06', 'BE'));
      one('ประกาศ 26-6-61 เวลา', '26-6-61', single('2018-06-26', 'BE'));
      // below 40 a 2-digit year is CE 20xx: BE 2500-2539 would be 1957-1996
      one('บันทึก 30/06/18 โดย', '30/06/18', single('2018-06-30', 'CE'));
      // a middle number over 12 with a 4-digit year: the month was written first
      one('Posted 9/28/2004 by', '9/28/2004', single('2004-09-28', 'CE'));
      assert.deepStrictEqual(findDates('มาตรา 5/6/55/1 และ 1/2/3 และ 02-123-4567', ref), []);
    });

    it('reads parts of a year and relative years', () => {
      one('การเลือกตั้งปลายปีนี้', 'ปลายปีนี้', { from: '2025-09', to: '2025-12', calendar: 'none', relative: 'ปลายปีนี้' });
      one('จะเปิดต้นปีหน้า', 'ต้นปีหน้า', { from: '2026-01', to: '2026-04', calendar: 'none', relative: 'ต้นปีหน้า' });
      one('ภายในสิ้นปีนี้', 'สิ้นปีนี้', { from: '2025-12', to: '2025-12', calendar: 'none', relative: 'สิ้นปีนี้' });
      // a written year is the span, as after ปี alone; the part narrows its value
      one('ราวกลางปี 2566 ', '2566', { from: '2023-05', to: '2023-08', calendar: 'BE' });
      one('ปีถัดมา', 'ปีถัดมา', { from: '2026', to: '2026', calendar: 'none', relative: 'ปีถัดมา' });
      one('ปีก่อน', 'ปีก่อน', { from: '2024', to: '2024', calendar: 'none', relative: 'ปีก่อน' });
      // ปีถัดมา is the year after the one the text speaks of
      const text = 'ในปี 2560 เริ่มโครงการ และปีถัดมาขยายผล';
      assert.deepStrictEqual(findDates(text, ref), [
        date(text, '2560', single('2017', 'BE')),
        date(text, 'ปีถัดมา', { from: '2018', to: '2018', calendar: 'none', relative: 'ปีถัดมา' }),
      ]);
    });

    it('reads parts of a month', () => {
      one('ตั้งแต่ต้นเดือนกุมภาพันธ์ ', 'ต้นเดือนกุมภาพันธ์', { from: '2025-02-01', to: '2025-02-10', calendar: 'none', inferred: true });
      one('ถึงสิ้นเดือนกันยายน 2561', 'สิ้นเดือนกันยายน 2561', single('2018-09-30', 'BE'));
      one('ปลายเดือนนี้', 'ปลายเดือนนี้', { from: '2025-05-21', to: '2025-05-31', calendar: 'none', relative: 'ปลายเดือนนี้' });
      one('ช่วงต้นเดือน ก.พ. ที่ผ่านมา', 'ก.พ.', { from: '2025-02-01', to: '2025-02-10', calendar: 'none', inferred: true });
    });

    it('does not read ปลายปีก (a wing tip) or a part of a fiscal year as a part of a year', () => {
      assert.deepStrictEqual(findDates('ความเสียหายที่ปลายปีกเครื่องบิน', ref), []);
      const text = 'งบประมาณปลายปีงบประมาณ 2561';
      assert.deepStrictEqual(findDates(text, ref), [date(text, 'ปีงบประมาณ 2561', { from: '2017-10-01', to: '2018-09-30', calendar: 'BE' })]);
    });

    it('reads weekdays with นี้, หน้า, ที่แล้ว and ที่ผ่านมา', () => {
      const day = (d: string, word: string): Value => ({ from: d, to: d, calendar: 'none', relative: word });
      one('ชุมนุมวันอาทิตย์นี้', 'วันอาทิตย์นี้', day('2025-06-01', 'วันอาทิตย์นี้'));
      one('เมื่อวันศุกร์ที่แล้ว', 'วันศุกร์ที่แล้ว', day('2025-05-23', 'วันศุกร์ที่แล้ว'));
      one('เมื่อวันอังคารที่ผ่านมา', 'วันอังคารที่ผ่านมา', day('2025-05-20', 'วันอังคารที่ผ่านมา'));
      one('ประชุมวันจันทร์หน้า', 'วันจันทร์หน้า', day('2025-06-02', 'วันจันทร์หน้า'));
      one('วันจันทร์นี้', 'วันจันทร์นี้', day('2025-05-26', 'วันจันทร์นี้'));
      // a weekday before a date is left out of the date's span, as before
      one('วันจันทร์ที่ 26 พฤษภาคม 2568', '26 พฤษภาคม 2568', single('2025-05-26', 'BE'));
    });

    it('reads the day after the one written (วันรุ่งขึ้น)', () => {
      const text = 'เมื่อวันที่ 31 สิงหาคม 2561 และวันรุ่งขึ้น';
      assert.deepStrictEqual(findDates(text, ref)[1], date(text, 'วันรุ่งขึ้น', { from: '2018-09-01', to: '2018-09-01', calendar: 'none', relative: 'วันรุ่งขึ้น' }));
    });

    it('reads a range whose second part is a bare month abbreviation with its year as one range', () => {
      one('ช่วง ธ.ค.61-ม.ค.62 ที่ผ่านมา', 'ธ.ค.61-ม.ค.62', { from: '2018-12', to: '2019-01', calendar: 'BE' });
      one('ช่วง ธ.ค. 61 - ม.ค. 62 ', 'ธ.ค. 61 - ม.ค. 62', { from: '2018-12', to: '2019-01', calendar: 'BE' });
    });

    it('reads a month abbreviation written whole with its dots as a month, but for the acronyms ก.พ. and ก.ค.', () => {
      one('คาด มี.ค.จะประกาศ', 'มี.ค.', { from: '2025-03', to: '2025-03', calendar: 'none', inferred: true });
      assert.deepStrictEqual(findDates('สำนักงาน ก.พ. แจ้งว่า ที่ดินมีเอกสาร ส.ค.1 แล้ว', ref), []);
    });

    it('reads a quarter with a relative year as that quarter (its number is not a quantity)', () => {
      one('ถึงไตรมาส 1 ปีหน้า', 'ไตรมาส 1 ปีหน้า', { from: '2026-01', to: '2026-03', calendar: 'none', relative: 'ไตรมาส 1 ปีหน้า' });
    });

    it('reads quarters of a year with the year after / or ปี, their three months the value', () => {
      one('จีดีพีไตรมาส 2/2561 โต', 'ไตรมาส 2/2561', { from: '2018-04', to: '2018-06', calendar: 'BE' });
      one('ไตรมาสที่ 3/61 ลดลง', 'ไตรมาสที่ 3/61', { from: '2018-07', to: '2018-09', calendar: 'BE' });
      one('ช่วงไตรมาส 4 ของปี 2561', 'ไตรมาส 4 ของปี 2561', { from: '2018-10', to: '2018-12', calendar: 'BE' });
      one('ไตรมาสที่ 2 ปี 61', 'ไตรมาสที่ 2 ปี 61', { from: '2018-04', to: '2018-06', calendar: 'BE' });
      one('ไตรมาสแรกของปีนี้', 'ไตรมาสแรกของปีนี้', { from: '2025-01', to: '2025-03', calendar: 'none', relative: 'ไตรมาสแรกของปีนี้' });
      one('ไตรมาสสุดท้ายของปี 2568', 'ไตรมาสสุดท้ายของปี 2568', { from: '2025-10', to: '2025-12', calendar: 'BE' });
      // no year, no quarter 5, a fiscal year's quarter: not a quarter (the fiscal year is the date)
      assert.deepStrictEqual(findDates('ไตรมาส 3 ไตรมาส 5/2561', ref), []);
      one('ไตรมาส 2 ปีงบประมาณ 2562', 'ปีงบประมาณ 2562', { from: '2018-10-01', to: '2019-09-30', calendar: 'BE' });
    });

    it('reads days joined by , และ หรือ ถึง before one month as one date, first to last day', () => {
      one('ประชุมวันที่ 24 และ 25 ก.ย. ที่', '24 และ 25 ก.ย.', { from: '2025-09-24', to: '2025-09-25', calendar: 'none', inferred: true });
      one('จัดงาน 1, 2 และ 3 มีนาคม 2561', '1, 2 และ 3 มีนาคม 2561', { from: '2018-03-01', to: '2018-03-03', calendar: 'BE' });
      one('วันที่ 1 ถึง 3 ธ.ค.61', '1 ถึง 3 ธ.ค.61', { from: '2018-12-01', to: '2018-12-03', calendar: 'BE' });
      // days must follow one another and end at a month
      one('ข้อ 3 และ 2 ก.ย. 2561', '2 ก.ย. 2561', single('2018-09-02', 'BE'));
      assert.deepStrictEqual(findDates('ข้อ 3 และ 4 ของระเบียบ', ref), []);
    });

    it('reads a day written alone after วันที่ and before ที่ผ่านมา or นี้ as a day around the reference date', () => {
      one('เมื่อวันที่ 5 ที่ผ่านมา', '5', inferred('2025-05-05'));
      one('เมื่อวันที่ 28 ที่ผ่านมา', '28', inferred('2025-04-28'));
      one('เมื่อวันที่ 31 ที่แล้ว', '31', inferred('2025-03-31'));
      one('ในวันที่ 30 นี้', '30', inferred('2025-05-30'));
      one('วันศุกร์ที่ 6 นี้', '6', inferred('2025-06-06'));
      one('วันที่ 26 นี้', '26', inferred('2025-05-26'));
      // without วันที่ before, or ที่ผ่านมา / นี้ after, a number alone is no date
      assert.deepStrictEqual(findDates('ข้อ 5 ที่ผ่านมา วันที่ 5 เป็นต้นไป', ref), []);
      assert.deepStrictEqual(findDates('เมื่อวันที่ 5 ที่ผ่านมา'), [{ kind: 'date', start: 12, end: 13, text: '5', calendar: 'none' }]);
    });

    it('reads the era markers written without their inner dot (พศ., คศ.)', () => {
      one('ตั้งแต่ พศ.2561', 'พศ.2561', single('2018', 'BE'));
      one('ในปี คศ 2018', 'คศ 2018', single('2018', 'CE'));
    });

    it('keeps precision: a 2-digit number alone is not a year, a duration is not a date', () => {
      one('ในปี 53 นั้น', '53', single('2010', 'BE'));
      one('ตั้งแต่ พ.ศ. 53', 'พ.ศ. 53', single('2010', 'BE'));
      assert.deepStrictEqual(findDates('ผู้ชุมนุม 53 คน อายุ 53 เป็นเวลา 4 ปี ติดคุก 4 ปี', ref), []);
    });

    it('gives the year in the title of a law or a budget act the role title', () => {
      const title = (span: string, when: string): Value => ({ from: when, to: when, calendar: 'BE', role: 'title' });
      let text = 'ตามพระราชบัญญัติยาเสพติดให้โทษ พ.ศ.2522 ห้ามมิให้';
      assert.deepStrictEqual(findDates(text, ref), [date(text, 'พ.ศ.2522', title('พ.ศ.2522', '1979'))]);
      text = 'นำรัฐธรรมนูญฉบับปี 40 กลับมาใช้';
      assert.deepStrictEqual(findDates(text, ref), [date(text, '40', title('40', '1997'))]);
      text = 'ชี้แจงงบประมาณรายจ่ายประจำปี 2562 วงเงิน';
      assert.deepStrictEqual(findDates(text, ref), [date(text, '2562', title('2562', '2019'))]);
      text = 'รัฐธรรมนูญแห่งราชอาณาจักรไทย (ฉบับชั่วคราว) พุทธศักราช 2557 ประกอบกับ';
      assert.deepStrictEqual(findDates(text, ref), [date(text, 'พุทธศักราช 2557', title('', '2014'))]);
      // a year of the sentence after a law's name is a date like any other
      text = 'พ.ร.บ.ฉบับนี้ใช้บังคับใน พ.ศ. 2560';
      assert.deepStrictEqual(findDates(text, ref), [date(text, 'พ.ศ. 2560', single('2017', 'BE'))]);
      text = 'ประชุมใหญ่ประจำปี 2561';
      assert.deepStrictEqual(findDates(text, ref), [date(text, '2561', single('2018', 'BE'))]);
    });
  });

  describe('year inference', () => {
    it('takes the nearest year written before, when there is no reference date', () => {
      const text = 'ในปี 2519 เกิดเหตุการณ์ 6 ตุลา ต่อมาปี 2520 วันที่ 1 มกราคม';
      assert.deepStrictEqual(findDates(text), [
        date(text, '2519', single('1976', 'BE')),
        date(text, '6 ตุลา', { from: '1976-10-06', to: '1976-10-06', calendar: 'none', inferred: true }),
        date(text, '2520', single('1977', 'BE')),
        date(text, '1 มกราคม', { from: '1977-01-01', to: '1977-01-01', calendar: 'none', inferred: true }),
      ]);
    });

    it('prefers the reference date over a year written before', () => {
      const text = 'ในปี 2519 เกิดเหตุการณ์ 6 ตุลา';
      assert.deepStrictEqual(findDates(text, { referenceDate: '2025-01-15' })[1], date(text, '6 ตุลา', { from: '2025-10-06', to: '2025-10-06', calendar: 'none', inferred: true }));
    });

    it('does not read ตุลาการ (judges) as the month', () => {
      assert.deepStrictEqual(findDates('คณะตุลาการ 6 ตุลาการ', { referenceDate: '2025-01-15' }), []);
    });

    it('gives no from/to to 29 February when the inferred year is not a leap year', () => {
      const text = 'ครบกำหนด 29 ก.พ. นี้';
      assert.deepStrictEqual(findDates(text, { referenceDate: '2025-01-15' }), [date(text, '29 ก.พ.', { calendar: 'none' })]);
      assert.deepStrictEqual(findDates(text, { referenceDate: '2024-01-15' }), [
        date(text, '29 ก.พ.', { from: '2024-02-29', to: '2024-02-29', calendar: 'none', inferred: true }),
      ]);
    });
  });

  describe('not dates', () => {
    it('ignores durations', () => {
      assert.deepStrictEqual(findDates('ครบรอบ 70 ปี เจ็ดทศวรรษ ใช้เวลา 3 เดือน และ 4 ปี'), []);
    });

    it('ignores counts, percentages and money', () => {
      assert.deepStrictEqual(findDates('กำลังพล 28,500 นาย ร้อยละ 90 งบ 2,000 ล้านบาท อายุ 25 ปี 61 ล้าน'), []);
    });

    it('ignores disease and product names with numbers', () => {
      assert.deepStrictEqual(findDates('โรคโควิด 19 โควิด-19 ไวรัสโคโรนา 2019 COVID-19 Thailand 4.0'), []);
    });

    it('ignores section numbers and decimals', () => {
      assert.deepStrictEqual(findDates('มาตรา 12 วรรค 3 ข้อ 1.5 ประเด็นหลักที่ 1 : การพัฒนา'), []);
    });

    it('rejects days that do not exist, converting BE to CE for leap years', () => {
      // 2564 is divisible by 4 but CE 2021 is not a leap year; 2567 is not, but CE 2024 is.
      const text = '31 เมษายน 2566 30 กุมภาพันธ์ 29 ก.พ. 2566 29 ก.พ. 2564 29 ก.พ. 2567';
      assert.deepStrictEqual(findDates(text), [date(text, '29 ก.พ. 2567', single('2024-02-29', 'BE'))]);
    });

    it('rejects an impossible day without a year', () => {
      assert.deepStrictEqual(findDates('วันที่ 31 เมษายน'), []);
    });
  });

  it('returns sorted, non-overlapping dates whose text is the slice of the input', () => {
    const text = 'วันอังคารที่ 16 มกราคม 2567\n16/01/2567\nวันนี้ (16 มกราคม 2567) ครม. เห็นชอบปีงบประมาณ พ.ศ. 2568';
    const found = findDates(text);
    assert.deepStrictEqual(
      found.map((a) => a.text),
      ['16 มกราคม 2567', '16/01/2567', 'วันนี้', '16 มกราคม 2567', 'ปีงบประมาณ พ.ศ. 2568'],
    );
    for (let i = 0; i < found.length; i++) {
      assert.equal(text.slice(found[i].start, found[i].end), found[i].text);
      if (i > 0) assert.ok(found[i - 1].end <= found[i].start);
    }
  });

  it('ignores an invalid reference date', () => {
    const text = 'วันนี้';
    assert.deepStrictEqual(findDates(text, { referenceDate: '2025-02-30' }), [date(text, 'วันนี้', { calendar: 'none', relative: 'วันนี้' })]);
  });
});

describe('date trigger starts', () => {
  /** Every offset where `triggerAt` finds a trigger, by reading each one. */
  function everyTrigger(text: string): number[] {
    const out: number[] = [];
    for (let i = 0; i < text.length; i++) if (triggerAt(text, i) !== TriggerKind.None) out.push(i);
    return out;
  }

  it('finds the digits and trigger words, Thai digits included, at the very start and end of the text', () => {
    const text = '๑๖ ม.ค. 66 ไปจนถึงปีหน้า 2';
    assert.deepStrictEqual([...dateTriggerStarts(text)], [0, 1, 3, 8, 9, 18, 25]);
    assert.deepStrictEqual([...dateTriggerStarts(text)], everyTrigger(text));
    assert.deepStrictEqual(findDates(text), [date(text, '๑๖ ม.ค. 66', single('2023-01-16', 'BE')), date(text, 'ปีหน้า', { calendar: 'none', relative: 'ปีหน้า' })]);
  });

  it('finds a date that is the whole text, and one ending at the last character', () => {
    assert.deepStrictEqual([...dateTriggerStarts('พ.ศ. 2566')], [0, 5, 6, 7, 8]);
    assert.deepStrictEqual(findDates('พ.ศ. 2566'), [date('พ.ศ. 2566', 'พ.ศ. 2566', single('2023', 'BE'))]);
    const text = 'ลงนามเมื่อ 5 ธ.ค.';
    assert.deepStrictEqual(findDates(text, { referenceDate: '2024-06-01' }), [date(text, '5 ธ.ค.', { from: '2024-12-05', to: '2024-12-05', calendar: 'none', inferred: true })]);
  });

  it('gives the same dates with the starts passed in as without them', () => {
    const text = 'วันที่ ๑๖ พฤศจิกายน ๒๕๖๔ และ 1 - 3 มี.ค. 2567, ทศวรรษ 1960, Tuesday, 26 April 2022 21:23 เมื่อวานนี้';
    const starts = dateTriggerStarts(text);
    assert.deepStrictEqual(findDates(text, {}, starts), findDates(text));
    assert.equal(findDates(text, {}, starts).length, 5);
    // with no starts, nothing is tried
    assert.deepStrictEqual(findDates(text, {}, []), []);
  });

  it('marks every place a trigger starts, however the text around it is written (random texts)', () => {
    let seed = 3;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['ม.ค', 'มกรา', 'ปี', 'เดือน', 'พ.ศ', 'ค.ศ', 'วันนี้', 'Jan', 'JAN', 'Mon', 'xMar', '1', '๙', 'ํ', 'า', '่', 'ำ', 'ฯ', '\u200B', ' ', '\n', 'ก', 'ส', '.'];
    for (let round = 0; round < 500; round++) {
      let text = '';
      for (let n = random(25); n > 0; n--) text += pieces[random(pieces.length)];
      const starts = new Set(dateTriggerStarts(text));
      for (const at of everyTrigger(text)) assert.ok(starts.has(at), `no start at ${at} in ${JSON.stringify(text)}`);
    }
  });

  it('uses marker words that normalize to themselves and do not start with a character read with the one before it', () => {
    for (const word of DATE_MARKERS) {
      assert.equal(normalizeTerm(word), word.toLowerCase(), word);
      assert.ok(!/^[\u0e32\u0e48-\u0e4b\u0e4d]/.test(word), word);
    }
  });
});

describe('formatDate', () => {
  it('gives the same text for a date formatted again, and pads the parts', () => {
    assert.equal(formatDate(2023, 1, 5), '2023-01-05');
    assert.equal(formatDate(2023, 1, 5), '2023-01-05');
    assert.equal(formatDate(2023, 1), '2023-01');
    assert.equal(formatDate(2023), '2023');
    assert.equal(formatDate(2023, undefined, 5), '2023');
    assert.equal(formatDate(987), '0987');
    assert.equal(formatDate(123456, 12, 31), '123456-12-31');
  });
});

describe('findDates: values stay within years 0001-9999 (issue 9, item 10)', () => {
  it('does not report dates before 1 CE or after 9999 (no YYYY to give them)', () => {
    assert.deepEqual(findDates('พุทธศตวรรษที่ 6 และพุทธศตวรรษที่ 1'), []);
    assert.deepEqual(findDates('ปีหน้า', { referenceDate: '9999-12-31' }), []);
    assert.deepEqual(findDates('พรุ่งนี้', { referenceDate: '9999-12-31' }), []);
    const yesterday = findDates('เมื่อวาน', { referenceDate: '0001-01-01' });
    assert.deepEqual(yesterday, []);
  });

  it('still reports the edges', () => {
    const next = findDates('ปีหน้า', { referenceDate: '9998-06-01' });
    assert.deepEqual(next.map((d) => [d.from, d.to]), [['9999', '9999']]);
    const century = findDates('พุทธศตวรรษที่ 26');
    assert.deepEqual(century.map((d) => [d.from, d.to]), [['1958', '2057']]);
  });
});
