import { strict as assert } from 'node:assert';
import { htmlToText } from '../../../src/convert/html';
import { ConvertError } from '../../../src/convert/errors';

const PAGE = `<!doctype html><html><head><title>ข่าว</title><style>p{color:red}</style><script>var x = "ไม่ใช่ข้อความ";</script></head>
<body><nav><ul><li><a href="/">หน้าแรก</a></li><li>เมนู</li></ul></nav>
<div role="navigation">ลิงก์</div>
<main><h1>การประชุม &amp; ผล</h1>
<p>รัฐมนตรีว่าการ<b>กระทรวงการต่างประเทศ</b>
   หารือกับ   อาเซียน<br>บรรทัดใหม่</p>
<ol><li>ข้อหนึ่ง</li><li>ข้อสอง</li></ol>
<ul><li>จุด</li></ul>
<table><tr><th>ประเทศ</th><th>ปี</th></tr><tr><td>ไทย</td><td>2568</td></tr></table>
<p hidden>ซ่อน</p></main>
<aside>ข่าวอื่น</aside><footer>ลิขสิทธิ์</footer></body></html>`;

describe('convert: web pages (HTML)', () => {
  it('keeps the headings, paragraphs, lists and tables of the main content as text', () => {
    assert.equal(
      htmlToText(PAGE),
      'การประชุม & ผล\n\nรัฐมนตรีว่าการกระทรวงการต่างประเทศ หารือกับ อาเซียน\nบรรทัดใหม่\n\n1. ข้อหนึ่ง\n\n2. ข้อสอง\n\n- จุด\n\nประเทศ\tปี\n\nไทย\t2568',
    );
  });

  it('writes Markdown with --format md: headings, lists and tables', () => {
    assert.equal(
      htmlToText(PAGE, 'md'),
      '# การประชุม & ผล\n\nรัฐมนตรีว่าการกระทรวงการต่างประเทศ หารือกับ อาเซียน\nบรรทัดใหม่\n\n1. ข้อหนึ่ง\n\n2. ข้อสอง\n\n- จุด\n\n| ประเทศ | ปี |\n\n| ไทย | 2568 |',
    );
  });

  it('reads the whole body when there is no main or article, without scripts, navigation and footers', () => {
    assert.equal(htmlToText('<body><nav>เมนู</nav><div>ก</div><div>ข <span>ค</span></div><footer>ท้าย</footer></body>'), 'ก\n\nข ค');
  });

  it('repairs the Thai it reads (ํา, marks out of order)', () => {
    assert.equal(htmlToText('<p>นํ้า ท\u0e48\u0e35</p>'), 'น้ำ ที่');
  });

  it('refuses a page over the bound in one line', () => {
    assert.throws(() => htmlToText('<p>' + 'ก'.repeat(50_000_001)), (e: unknown) => e instanceof ConvertError && /larger than 50 MB/.test(e.message));
  });
});
