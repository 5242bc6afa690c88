import { strict as assert } from 'node:assert';
import { DEFAULT_PAGE_MARKER, pageAt, pageMarkerRegExp } from '../../../../src/core/text/pageMarkers';
import { withPageMarkers } from '../../../../src/convert';

describe('page markers: the page a position of a converted PDF is on', () => {
  // as convert writes a three-page PDF: no marker before page 1, [หน้า 2] and [หน้า 3] on lines of their own
  const text = withPageMarkers(
    [
      { text: 'หน้าแรก ความมั่นคง', page: 1 },
      { text: 'หน้าที่สอง ทะเล', page: 2 },
      { text: 'ต่อ', page: 2 },
      { text: 'หน้าที่สาม', page: 3 },
    ],
    1,
    DEFAULT_PAGE_MARKER,
  );
  const at = (s: string, from = 0): number => text.indexOf(s, from);

  it('is the number of the last marker line before the position; page 1 before [หน้า 2]', () => {
    assert.equal(text, 'หน้าแรก ความมั่นคง\n\n[หน้า 2]\n\nหน้าที่สอง ทะเล\n\nต่อ\n\n[หน้า 3]\n\nหน้าที่สาม');
    assert.equal(pageAt(text, at('ความมั่นคง')), 1);
    assert.equal(pageAt(text, 0), 1);
    assert.equal(pageAt(text, at('ทะเล')), 2);
    assert.equal(pageAt(text, at('ต่อ')), 2);
    assert.equal(pageAt(text, at('หน้าที่สาม')), 3);
    assert.equal(pageAt(text, text.length), 3);
    // on a marker itself: the page before it, until its line ends
    assert.equal(pageAt(text, at('[หน้า 3]')), 2);
    assert.equal(pageAt(text, at('[หน้า 3]') + '[หน้า 3]'.length), 3);
  });

  it('starts from the first page converted (--pages 5-6) and reads numbers of several digits', () => {
    const part = withPageMarkers([{ text: 'ก', page: 5 }, { text: 'ข', page: 6 }], 5, DEFAULT_PAGE_MARKER);
    assert.equal(part, '[หน้า 5]\n\nก\n\n[หน้า 6]\n\nข');
    assert.equal(pageAt(part, part.indexOf('ก')), 5);
    assert.equal(pageAt(part, part.indexOf('ข')), 6);
    assert.equal(pageAt('[หน้า 120]\nก', 12), 120);
  });

  it('reads only whole marker lines: the words หน้า 2 inside a sentence are not a page', () => {
    assert.equal(pageAt('ดูรายละเอียด [หน้า 2] ด้านล่าง\nก', 30), undefined);
    assert.equal(pageAt('ดูหน้า 2\nก', 9), undefined);
    assert.equal(pageAt('  [หน้า 4]  \nก', 13), 4);
  });

  it('is undefined for a text without markers, before a first marker of page 1, or for a template without {n}', () => {
    assert.equal(pageAt('ความมั่นคงทางทะเล', 3), undefined);
    assert.equal(pageAt('', 0), undefined);
    assert.equal(pageAt('ก\n[หน้า 1]\nข', 0), undefined);
    assert.equal(pageAt('[หน้า 2]\nก', 10, ''), undefined);
    assert.equal(pageAt('[หน้า 2]\nก', 10, '---'), undefined);
    assert.equal(pageMarkerRegExp('no number'), undefined);
  });

  it('follows the configured template, its characters taken literally', () => {
    const template = '(page {n}) *';
    const re = pageMarkerRegExp(template)!;
    assert.equal(re.source, '^[ \\t]*\\(page (\\d{1,5})\\) \\*[ \\t]*$');
    const t = 'a\n(page 2) *\nb\n[หน้า 3]\nc';
    assert.equal(pageAt(t, t.indexOf('b'), template), 2);
    assert.equal(pageAt(t, t.indexOf('c'), template), 2);
    assert.equal(pageAt('a\n(page 2) x\nb', 13, template), undefined);
  });
});
