import { strict as assert } from 'node:assert';
import { escapeProseLine, escapeProseLines, escapeTableCell } from '../../../../src/core/text/markdown';

describe('Markdown escaping for files people read', () => {
  it('leaves file names, parentheses, dots and dashes as written', () => {
    assert.equal(escapeProseLine('news-2566.txt'), 'news-2566.txt');
    assert.equal(escapeProseLine('ความมั่นคง (Arms control)'), 'ความมั่นคง (Arms control)');
    assert.equal(escapeProseLine('=HYPERLINK("http://x") a@b.co 3.5%'), '=HYPERLINK("http://x") a@b.co 3.5%');
  });

  it('escapes what would become a link, an image, HTML, code, emphasis or a reference', () => {
    assert.equal(escapeProseLine('![x](http://e/x.png) [a](command:foo)'), '!\\[x\\](http://e/x.png) \\[a\\](command:foo)');
    assert.equal(escapeProseLine('<img src=x> <https://e>'), '\\<img src=x> \\<https://e>');
    assert.equal(escapeProseLine('`x` *a* _b_ ~~c~~ $m$ a\\b'), '\\`x\\` \\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\$m\\$ a\\\\b');
    assert.equal(escapeProseLine('&amp; &#65; and & alone'), '\\&amp; \\&#65; and & alone');
  });

  it('escapes at the start of a line what would begin a block', () => {
    assert.equal(escapeProseLine('# หัวข้อ'), '\\# หัวข้อ');
    assert.equal(escapeProseLine('#hashtag'), '#hashtag');
    assert.equal(escapeProseLine('> quote'), '\\> quote');
    assert.equal(escapeProseLine('- item'), '\\- item');
    assert.equal(escapeProseLine('+ item'), '\\+ item');
    assert.equal(escapeProseLine('1. ข้อ'), '1\\. ข้อ');
    assert.equal(escapeProseLine('2) ข้อ'), '2\\) ข้อ');
    assert.equal(escapeProseLine('2566.'), '2566\\.');
    assert.equal(escapeProseLine('---'), '\\---');
    assert.equal(escapeProseLine('==='), '\\===');
    assert.equal(escapeProseLine('-5 องศา'), '-5 องศา');
  });

  it('keeps the line breaks of a note as hard breaks, each line escaped', () => {
    assert.equal(escapeProseLines('บรรทัดแรก\r\n- ข้อสอง\n\n# สาม  '), 'บรรทัดแรก  \n\\- ข้อสอง  \n\\# สาม');
  });

  it('escapes table cells for the command line report', () => {
    assert.equal(escapeTableCell('a|b *c*\nd'), 'a\\|b \\*c\\* d');
  });
});
