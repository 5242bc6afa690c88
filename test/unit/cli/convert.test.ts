import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { runAsync } from '../../support/runCli';
import { writePdf } from '../../../src/tools/pdfWriter';

const GLOSSARY = 'version: 1\nthemes:\n  - id: maritime\n    label: ทะเล\n    terms: [ความมั่นคงทางทะเล]\n';

describe('command line: convert, and analyze of PDF, Word and HTML files', () => {
  let dir: string;
  const file = (name: string, content: string | Uint8Array): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-convert-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a .docx as text with its front matter (source, SHA-256, converter, the document date)', async () => {
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('วันที่ 26 พฤษภาคม 2568'), new Paragraph('หารือด้านความมั่นคงทางทะเล')] }] }));
    const docx = file('brief.docx', bytes);
    const out = path.join(dir, 'brief.policy.txt');
    const r = await runAsync(['convert', docx, '--out', out]);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
    const sha = (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');
    assert.match(fs.readFileSync(out, 'utf8'), new RegExp(`^---\\nsource: "brief.docx"\\nsha256: ${sha}\\nconverter: "mammoth \\d+\\.\\d+\\.\\d+"\\ndate: 2025-05-26\\n---\\nวันที่ 26 พฤษภาคม 2568\\n\\nหารือด้านความมั่นคงทางทะเล\\n$`));
  });

  it('analyze reads a PDF and a web page converted in memory, offsets into the text convert writes', async () => {
    const pdf = file('note.pdf', writePdf([[{ text: 'ขยายความร่วมมือด้านความมั่นคง', x: 60, y: 80, size: 12 }, { text: 'ทางทะเล', x: 60, y: 96, size: 12 }]]));
    const html = file('news.html', '<nav>เมนู</nav><p>ความมั่นคงทางทะเล</p>');
    const glossary = file('g.glossary.yaml', GLOSSARY);
    const r = await runAsync(['analyze', '--no-builtin-glossary', '--glossary', glossary, '--format', 'csv', pdf, html]);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const converted = (await runAsync(['convert', pdf])).stdout;
    const rows = r.stdout.trim().split('\n').slice(1);
    assert.equal(rows.length, 2);
    const [, , start, end, , text] = rows[0].split(',');
    assert.equal(converted.slice(Number(start), Number(end)), 'ความมั่นคงทางทะเล');
    assert.equal(text, 'ความมั่นคงทางทะเล');
    assert.match(rows[1], /news\.html,term,\d+,\d+,\d+,ความมั่นคงทางทะเล,maritime/);
  });

  it('gives one line and status 2 for a corrupt PDF, a zip that is not a .docx, a bad format and a bad page range', async () => {
    const bad = file('bad.pdf', 'not a pdf');
    const zip = file('bad.docx', 'PK not really');
    for (const [argv, message] of [
      [['convert', bad], `${bad}: not a valid PDF, or a truncated or corrupt one\n`],
      [['analyze', zip], `${zip}: not a Word document (.docx): not a zip file, or a truncated one\n`],
      [['convert', bad, '--format', 'rtf'], 'unknown format "rtf" (use txt or md)\n'],
      [['convert', bad, '--pages', '0-2'], `${bad}: invalid page range "0-2": give N-M with 1 <= N <= M, such as 3-5\n`],
      [['convert', path.join(dir, 'notes.txt')], `${path.join(dir, 'notes.txt')}: convert reads .pdf, .docx, .html and .htm files\n`],
      [['convert'], 'convert needs the file to read (FILE.pdf, .docx, .html or .htm); see --help\n'],
    ] as const) {
      const r = await runAsync([...argv]);
      assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', message], argv.join(' '));
    }
  });
});
