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
      'วันนี้ เมื่อวาน เมื่อวานนี้ วานนี้ พรุ่งนี้ วันพรุ่งนี้ ปีนี้ ปีหน้า ปีที่แล้ว เดือนนี้ เดือนหน้า สัปดาห์หน้า';
    const words = text.split(' ');

    it('resolves relative words against the reference date (weeks run Monday to Sunday)', () => {
      const values: Array<[string, string]> = [
        ['2025-09-18', '2025-09-18'],
        ['2025-09-17', '2025-09-17'],
        ['2025-09-17', '2025-09-17'],
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

    it('does not read a duration before a relative word as a date', () => {
      assert.deepStrictEqual(findDates('3 ปีที่แล้ว สามปีก่อน หลายปีที่ผ่านมา 2 เดือนก่อน', { referenceDate: '2025-09-18' }), []);
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
