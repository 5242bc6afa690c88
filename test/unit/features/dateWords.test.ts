// Dates in words in both content languages: English Gregorian and Thai Buddhist, month and
// weekday names from Intl; Thai falls back to English where the engine has no Thai calendar.
import * as assert from 'node:assert/strict';
import { dateInWords, dateLanguage, monthName, supportsThaiDates, weekdayOf } from '../../../src/features/dateWords';
import { dateHoverMarkdown } from '../../../src/features/hoverText';
import type { DateAnnotation } from '../../../src/core';

describe('dateWords', () => {
  it('writes English Gregorian dates and ranges', () => {
    assert.equal(dateInWords('2021-11-16', '2021-11-16', 'en'), '16 November 2021 (Tuesday)');
    assert.equal(dateInWords('2025-11-13', '2025-11-14', 'en'), '13–14 November 2025');
    assert.equal(dateInWords('2025-10', '2025-12', 'en'), 'October–December 2025');
    assert.equal(dateInWords('1960', '1969', 'en'), 'the 1960s (1960–1969)');
  });

  it('writes Thai dates with the Buddhist calendar and Thai month names', () => {
    assert.equal(dateInWords('2021-11-16', '2021-11-16', 'th'), 'วันอังคารที่ 16 พฤศจิกายน พ.ศ. 2564');
    assert.equal(dateInWords('2025-11-13', '2025-11-14', 'th'), '13–14 พฤศจิกายน พ.ศ. 2568');
    assert.equal(dateInWords('2025-11-30', '2025-12-02', 'th'), '30 พฤศจิกายน – 2 ธันวาคม พ.ศ. 2568');
    assert.equal(dateInWords('2024-10-01', '2025-09-30', 'th'), '1 ตุลาคม พ.ศ. 2567 – 30 กันยายน พ.ศ. 2568');
    assert.equal(dateInWords('2025-11', '2025-11', 'th'), 'พฤศจิกายน พ.ศ. 2568');
    assert.equal(dateInWords('2025-10', '2025-12', 'th'), 'ตุลาคม–ธันวาคม พ.ศ. 2568');
    assert.equal(dateInWords('2025', '2025', 'th'), 'พ.ศ. 2568');
    assert.equal(dateInWords('2023', '2027', 'th'), 'พ.ศ. 2566–2570');
    assert.equal(dateInWords('1960', '1969', 'th'), 'ทศวรรษ 1960 (พ.ศ. 2503–2512)');
    assert.equal(dateInWords('2001', '2100', 'th'), 'คริสต์ศตวรรษที่ 21 (พ.ศ. 2544–2643)');
    assert.equal(monthName(1, 'th'), 'มกราคม');
    assert.equal(weekdayOf(2024, 2, 29, 'th'), 'วันพฤหัสบดี');
  });

  it('falls back to English where the engine has no Thai calendar data', () => {
    assert.equal(supportsThaiDates(), true, 'this Node has full ICU');
    // an Intl without Thai: the locale resolves to English, the calendar to Gregorian
    const noThai = {
      DateTimeFormat: function (_locale: string, options: Intl.DateTimeFormatOptions) {
        return new Intl.DateTimeFormat('en-US', { ...options, calendar: 'gregory' });
      } as unknown as typeof Intl.DateTimeFormat,
    };
    assert.equal(supportsThaiDates(noThai), false);
    const throwing = { DateTimeFormat: function () { throw new RangeError('Incorrect locale information provided'); } as unknown as typeof Intl.DateTimeFormat };
    assert.equal(supportsThaiDates(throwing), false);
    assert.equal(dateLanguage('th', false), 'en');
    assert.equal(dateLanguage('th', true), 'th');
    assert.equal(dateLanguage('en', true), 'en');
  });

  it('puts the date hover in the content language', () => {
    const a: DateAnnotation = { kind: 'date', start: 0, end: 17, text: '16 พฤศจิกายน 2564', from: '2021-11-16', to: '2021-11-16', calendar: 'BE' };
    assert.match(dateHoverMarkdown(a, undefined, 'th'), /^\*\*วันอังคารที่ 16 พฤศจิกายน พ\.ศ\. 2564\*\*\n/);
    assert.match(dateHoverMarkdown(a, undefined, 'en'), /^\*\*16 November 2021 \(Tuesday\)\*\*\n/);
    const inferred: DateAnnotation = { kind: 'date', start: 0, end: 6, text: '6 ต.ค.', from: '2025-10-06', to: '2025-10-06', calendar: 'none', inferred: true };
    assert.match(dateHoverMarkdown(inferred, { date: '2025-05-26', source: 'dateline', line: 4 }, 'th'), /inferred from the document's date, 26 พฤษภาคม พ\.ศ\. 2568, line 4\n/);
  });
});
