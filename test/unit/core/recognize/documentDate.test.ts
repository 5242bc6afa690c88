import { strict as assert } from 'node:assert';
import { analyze } from '../../../../src/core/recognize/analyze';
import { DOCUMENT_DATE_MAX_LINES, documentDate, resolveReferenceDate } from '../../../../src/core/recognize/documentDate';
import type { DateAnnotation } from '../../../../src/core/types';
import { NEWS_ITEM } from '../../../support/newsItem';

/** The dates of `text` as [text, from, to]. */
function dates(text: string, referenceDate?: string): Array<[string, string | undefined, string | undefined]> {
  return analyze(text, undefined, { kinds: ['date'], referenceDate })
    .filter((a): a is DateAnnotation => a.kind === 'date')
    .map((a) => [a.text, a.from, a.to]);
}

describe('documentDate', () => {
  it('reads a dateline after วัน<weekday>ที่ on the first line', () => {
    assert.deepEqual(documentDate(NEWS_ITEM), { date: '2025-05-26', source: 'dateline', line: 1 });
  });

  it('reads a full date standing alone on a line of the header, after blank lines and a title', () => {
    assert.deepEqual(documentDate('ครม.เห็นชอบร่างเอกสาร 14 ฉบับ\n\n\n11 กรกฎาคม 2566\nเนื้อหา'), { date: '2023-07-11', source: 'dateline', line: 4 });
    assert.deepEqual(documentDate('หัวข้อข่าว\r\n15/08/2566\r\n'), { date: '2023-08-15', source: 'dateline', line: 2 });
    assert.deepEqual(documentDate('Bali Message\n- Category: มติ ครม.\n- Published: Tuesday, 26 April 2022 21:23\n'), {
      date: '2022-04-26',
      source: 'dateline',
      line: 3,
    });
    assert.deepEqual(documentDate('แถลงข่าว\nวันที่ ๒๓ ตุลาคม ๒๕๖๗ นายกรัฐมนตรีเดินทางถึง'), { date: '2024-10-23', source: 'dateline', line: 2 });
  });

  it('reads the date: of a front matter block first', () => {
    const text = '---\ntitle: ข่าว\ndate: 2025-05-26\n---\n11 กรกฎาคม 2566\nวันนี้';
    assert.deepEqual(documentDate(text), { date: '2025-05-26', source: 'frontMatter', line: 3 });
    assert.deepEqual(documentDate('---\ndate: "2024-01-16T09:30:00+07:00"\n---\n'), { date: '2024-01-16', source: 'frontMatter', line: 2 });
    assert.deepEqual(documentDate('---\ndate: 16 มกราคม 2567\n---\n'), { date: '2024-01-16', source: 'frontMatter', line: 2 });
    // a front matter block without a date: the dateline after it
    assert.deepEqual(documentDate('---\ntitle: ข่าว\n---\nวันที่ 1 มีนาคม 2567\n'), { date: '2024-03-01', source: 'dateline', line: 4 });
  });

  it('takes no date from the story: an event date, a range, a month, a relative word, a date past the header', () => {
    assert.equal(documentDate('มติคณะรัฐมนตรี\nเมื่อวันที่ 16 พฤศจิกายน 2564 กระทรวงการต่างประเทศได้หารือ'), undefined);
    assert.equal(documentDate('ข่าว\n11-14 กรกฎาคม 2566\n'), undefined);
    assert.equal(documentDate('ข่าว\nกรกฎาคม 2566\n'), undefined);
    assert.equal(documentDate('ข่าว\nวันนี้\n'), undefined);
    assert.equal(documentDate('ข่าว\n11 ก.ค.\n'), undefined);
    assert.equal(documentDate('สรุปข่าวการประชุมคณะรัฐมนตรี 13 กันยายน 2565\n'), undefined);
    assert.equal(documentDate('ก\nข\nค\nง\nจ\n11 กรกฎาคม 2566\n'), undefined);
    assert.equal(documentDate('\n'.repeat(DOCUMENT_DATE_MAX_LINES) + '11 กรกฎาคม 2566\n'), undefined);
  });
});

describe('resolveReferenceDate', () => {
  it('takes an explicit date first, then the document\'s date, then the fallback, then today', () => {
    assert.deepEqual(resolveReferenceDate(NEWS_ITEM, { explicit: '2024-01-01', fallback: '2025-11-22', today: '2026-12-04' }), { date: '2024-01-01', source: 'explicit' });
    assert.deepEqual(resolveReferenceDate(NEWS_ITEM, { fallback: '2025-11-22', today: '2026-12-04' }), { date: '2025-05-26', source: 'dateline', line: 1 });
    assert.deepEqual(resolveReferenceDate('ไม่มีวันที่', { fallback: '2025-11-22', today: '2026-12-04' }), { date: '2025-11-22', source: 'setting' });
    assert.deepEqual(resolveReferenceDate('ไม่มีวันที่', { fallback: '', today: '2026-12-04' }), { date: '2026-12-04', source: 'today' });
    assert.equal(resolveReferenceDate('ไม่มีวันที่'), undefined);
  });

  it('resolves วันนี้, ปีนี้ and 11-14 ก.ค. of a dated news item against its date, not today', () => {
    const reference = resolveReferenceDate(NEWS_ITEM, { today: '2026-12-04' });
    assert.deepEqual(dates(NEWS_ITEM, reference?.date), [
      ['26 พฤษภาคม 2568', '2025-05-26', '2025-05-26'],
      ['วันนี้', '2025-05-26', '2025-05-26'],
      ['11-14 ก.ค.', '2025-07-11', '2025-07-14'],
      ['ปีนี้', '2025', '2025'],
    ]);
  });
});
