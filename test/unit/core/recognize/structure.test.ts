/**
 * parseStructure: the titles, headings and numbered clauses of Thai official documents, nested,
 * with exact offsets. The documents are written here, in the style of cabinet resolutions.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseStructure, StructureScan, type StructureNode } from '../../../../src/core/recognize/structure';

/** A node as plain data: `label` and the tree shape, for comparing whole outlines. */
interface Shape {
  label: string;
  kind: string;
  children?: Shape[];
}

function shape(nodes: readonly StructureNode[]): Shape[] {
  return nodes.map((n) => (n.children.length ? { label: n.label, kind: n.kind, children: shape(n.children) } : { label: n.label, kind: n.kind }));
}

/** Every node, depth first. */
function flatten(nodes: readonly StructureNode[]): StructureNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** Offset of the start and end of `line` (its first occurrence) in `text`. */
function lineSpan(text: string, line: string): [number, number] {
  const at = text.indexOf(line);
  assert.ok(at >= 0, `line not found: ${line}`);
  return [at, at + line.length];
}

const RESOLUTION = [
  'มติคณะรัฐมนตรี',
  'เรื่อง ร่างแผนความร่วมมือด้านการทูตสาธารณะ',
  '',
  'คณะรัฐมนตรีมีมติเห็นชอบตามที่กระทรวงการต่างประเทศเสนอ',
  '',
  'สาระสำคัญของเรื่อง',
  '1. กระทรวงการต่างประเทศรายงานผลการหารือกับประเทศเพื่อนบ้าน',
  '2. ร่างแผนมีสาระสำคัญ ดังนี้',
  'ประเด็นหลักที่ 1 : การแลกเปลี่ยนข้อมูล',
  '1) จัดตั้งศูนย์ข้อมูลร่วม',
  '2) จัดการประชุมประจำปี',
  'ประเด็นหลักที่ 2 : การพัฒนาบุคลากร',
  '(ก) ฝึกอบรมเจ้าหน้าที่',
  '(ข) แลกเปลี่ยนนักการทูต',
  'รายละเอียดเพิ่มเติมของการแลกเปลี่ยน',
  '3. ค่าใช้จ่ายให้ใช้จากงบประมาณของหน่วยงาน',
  '',
  'ความเห็นของส่วนราชการ',
  'สำนักงบประมาณเห็นควรให้ความเห็นชอบ',
  '',
].join('\n');

describe('parseStructure', () => {
  it('nests a cabinet resolution: title, heading phrases, clauses, numbered headings', () => {
    assert.deepStrictEqual(shape(parseStructure(RESOLUTION)), [
      { label: 'มติคณะรัฐมนตรี', kind: 'heading' },
      {
        label: 'เรื่อง',
        kind: 'title',
        children: [
          {
            label: 'สาระสำคัญของเรื่อง',
            kind: 'heading',
            children: [
              { label: '1.', kind: 'clause' },
              {
                label: '2.',
                kind: 'clause',
                children: [
                  {
                    label: 'ประเด็นหลักที่ 1',
                    kind: 'heading',
                    children: [
                      { label: '1)', kind: 'clause' },
                      { label: '2)', kind: 'clause' },
                    ],
                  },
                  {
                    label: 'ประเด็นหลักที่ 2',
                    kind: 'heading',
                    children: [
                      { label: '(ก)', kind: 'clause' },
                      { label: '(ข)', kind: 'clause' },
                    ],
                  },
                ],
              },
              { label: '3.', kind: 'clause' },
            ],
          },
          { label: 'ความเห็นของส่วนราชการ', kind: 'heading' },
        ],
      },
    ]);
  });

  it('gives each node its line, its level, its style and the exact range of its section', () => {
    const nodes = flatten(parseStructure(RESOLUTION));
    const byLabel = (label: string) => nodes.find((n) => n.label === label)!;

    const title = byLabel('เรื่อง');
    assert.equal(title.text, 'เรื่อง ร่างแผนความร่วมมือด้านการทูตสาธารณะ');
    assert.deepEqual([title.start, title.lineEnd], lineSpan(RESOLUTION, title.text));
    assert.equal(title.end, lineSpan(RESOLUTION, 'สำนักงบประมาณเห็นควรให้ความเห็นชอบ')[1]);
    assert.equal(title.level, 0);

    const clause2 = byLabel('2.');
    assert.equal(clause2.text, '2. ร่างแผนมีสาระสำคัญ ดังนี้');
    assert.equal(clause2.style, 'n.');
    assert.equal(clause2.level, 2);
    assert.equal(clause2.lettered, false);
    // the section of 2. runs to the end of the paragraph before 3.
    assert.equal(clause2.end, lineSpan(RESOLUTION, 'รายละเอียดเพิ่มเติมของการแลกเปลี่ยน')[1]);

    const issue2 = byLabel('ประเด็นหลักที่ 2');
    assert.equal(issue2.style, 'ประเด็นหลักที่ n');
    assert.equal(issue2.level, 3);
    assert.deepEqual([issue2.start, issue2.lineEnd], lineSpan(RESOLUTION, 'ประเด็นหลักที่ 2 : การพัฒนาบุคลากร'));

    const letter = byLabel('(ข)');
    assert.equal(letter.style, '(ก)');
    assert.equal(letter.lettered, true);
    assert.equal(letter.level, 4);

    // a section ends at its last non-blank line: 3. ends before the blank line and the next heading
    const clause3 = byLabel('3.');
    assert.equal(clause3.end, clause3.lineEnd);
    assert.deepEqual([clause3.start, clause3.end], lineSpan(RESOLUTION, '3. ค่าใช้จ่ายให้ใช้จากงบประมาณของหน่วยงาน'));

    // the lone heading before the title holds nothing
    const header = byLabel('มติคณะรัฐมนตรี');
    assert.deepEqual([header.start, header.lineEnd, header.end], [0, 14, 14]);
  });

  it('nests 1.1 inside 1. and closes it at the next 2., with Thai digits', () => {
    const text = '๑. การเมืองและความมั่นคง\n๑.๑ ความร่วมมือทางทะเล\n๑.๒ การต่อต้านการก่อการร้าย\n๑.๒.๑ การแลกเปลี่ยนข่าวกรอง\n๒. เศรษฐกิจ\n';
    assert.deepStrictEqual(shape(parseStructure(text)), [
      {
        label: '๑.',
        kind: 'clause',
        children: [
          { label: '๑.๑', kind: 'clause' },
          { label: '๑.๒', kind: 'clause', children: [{ label: '๑.๒.๑', kind: 'clause' }] },
        ],
      },
      { label: '๒.', kind: 'clause' },
    ]);
    const styles = flatten(parseStructure(text)).map((n) => n.style);
    assert.deepEqual(styles, ['n.', 'n.n', 'n.n', 'n.n.n', 'n.']);
  });

  it('reads the marker written without a space: 1.ร่าง, 1)การประชุม', () => {
    const text = '1.ร่างแผนงานด้านการค้า\n2.ร่างปฏิญญารัฐมนตรี\n1)การประชุมรัฐมนตรี\n';
    const nodes = flatten(parseStructure(text));
    assert.deepEqual(
      nodes.map((n) => [n.label, n.level]),
      [
        ['1.', 0],
        ['2.', 0],
        ['1)', 1],
      ],
    );
  });

  it('does not take dates, times, amounts, years or abbreviations at a line start for clauses', () => {
    const text = [
      '16.11.2564 เป็นวันประชุม',
      '10.30 น. เริ่มการประชุม',
      '2566 เป็นปีแห่งความร่วมมือ',
      '3,600,000 ล้านบาท',
      'ก.พ. 2567 หน่วยงานจัดทำรายละเอียด',
      'ข้อเสนอดังกล่าวได้รับความเห็นชอบ',
      'สรุปผลการประชุมให้ที่ประชุมทราบ',
      'เรื่องนี้อยู่ระหว่างการพิจารณา',
      'ประเด็นที่น่าสนใจคือการค้า',
      '1234. ไม่ใช่ข้อ',
      '(12345) ไม่ใช่ข้อ',
      'มติคณะรัฐมนตรี เมื่อวันที่ 16 มกราคม 2567 ให้ความเห็นชอบวงเงินงบประมาณรายจ่ายประจำปี',
    ].join('\n');
    assert.deepEqual(parseStructure(text), []);
  });

  it('takes a heading phrase alone, before a colon, or before a short rest of the line', () => {
    const text = [
      'ข้อเท็จจริงและข้อกฎหมาย',
      'ข้อเสนอ: ให้กระทรวงการต่างประเทศเป็นหน่วยงานหลักในการประสานงานกับประเทศสมาชิกทั้งหมดตามกรอบความร่วมมือ',
      'มติคณะรัฐมนตรี เรื่อง ความร่วมมือด้านการทูตดิจิทัล',
      'ความเห็นของสำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ',
    ].join('\n');
    const nodes = parseStructure(text);
    assert.deepEqual(
      nodes.map((n) => [n.label, n.kind, n.style, n.level]),
      [
        ['ข้อเท็จจริงและข้อกฎหมาย', 'heading', 'phrase', 0],
        ['ข้อเสนอ', 'heading', 'phrase', 0],
        ['มติคณะรัฐมนตรี', 'heading', 'phrase', 0],
        ['ความเห็นของสำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ', 'heading', 'phrase', 0],
      ],
    );
    assert.equal(nodes[2].text, 'มติคณะรัฐมนตรี เรื่อง ความร่วมมือด้านการทูตดิจิทัล');
  });

  it('reads articles, sections and chapters of regulations and acts', () => {
    const text = 'หมวด ๑ บททั่วไป\nข้อ ๑ ระเบียบนี้เรียกว่าระเบียบว่าด้วยการทูตสาธารณะ\nข้อ ๒ ในระเบียบนี้\n(๑) ผู้แทน หมายความว่า\n(๒) หน่วยงาน หมายความว่า\nหมวด ๒ การประสานงาน\nมาตรา ๓ ให้กระทรวงรักษาการ\nมาตรา ๓/๑ ให้มีคณะกรรมการ\n';
    assert.deepStrictEqual(shape(parseStructure(text)), [
      {
        label: 'หมวด ๑',
        kind: 'heading',
        children: [
          { label: 'ข้อ ๑', kind: 'clause' },
          {
            label: 'ข้อ ๒',
            kind: 'clause',
            children: [
              { label: '(๑)', kind: 'clause' },
              { label: '(๒)', kind: 'clause' },
            ],
          },
        ],
      },
      {
        label: 'หมวด ๒',
        kind: 'heading',
        children: [
          { label: 'มาตรา ๓', kind: 'clause' },
          { label: 'มาตรา ๓/๑', kind: 'clause' },
        ],
      },
    ]);
  });

  it('reads lettered clauses ก. and ก) but not Thai abbreviations', () => {
    const text = 'ก. ด้านการเมือง\nข. ด้านเศรษฐกิจ\nค)ด้านสังคม\nค.ศ. 2025 เป็นปีสำคัญ\n';
    const nodes = flatten(parseStructure(text));
    assert.deepEqual(
      nodes.map((n) => [n.label, n.style, n.lettered, n.level]),
      [
        ['ก.', 'ก.', true, 0],
        ['ข.', 'ก.', true, 0],
        ['ค)', 'ก)', true, 0], // ค) does not start a list: not nested in ข.
      ],
    );
  });

  it('does not nest a marker that continues a list begun inside a paragraph', () => {
    // "1." is inside the paragraph; "2." on its own line continues that list, at the top
    const text = 'ครม. มีมติ ดังนี้ 1. เห็นชอบร่างถ้อยแถลง\n2. อนุมัติให้รัฐมนตรีร่วมรับรอง\n3. มอบหมายกระทรวงดำเนินการ\n';
    assert.deepEqual(
      flatten(parseStructure(text)).map((n) => [n.label, n.level]),
      [
        ['2.', 0],
        ['3.', 0],
      ],
    );
    // an English part: "Part 2" after clause 9 is not inside clause 9, and clause 10 is inside Part 2
    const english = '9. Refrain from disseminating false information.\nPart 2: Observation Arrangement\n10. Both sides must implement the common understanding.\n';
    assert.deepStrictEqual(shape(parseStructure(english)), [
      { label: '9.', kind: 'clause' },
      { label: 'Part 2', kind: 'heading', children: [{ label: '10.', kind: 'clause' }] },
    ]);
  });

  it('closes every section at a separator line (footnotes below it belong to none)', () => {
    const text = 'ประเด็นหลักที่ 5 : การมีส่วนร่วมทางดิจิทัล\nรายละเอียด\n___________________\n* การทูตดิจิทัล คือ การดำเนินการทางการทูตรูปแบบใหม่\n';
    const [issue] = parseStructure(text);
    assert.equal(issue.end, text.indexOf('รายละเอียด') + 'รายละเอียด'.length);
    assert.equal(parseStructure(text).length, 1);
  });

  it('skips indentation, zero-width spaces and CRLF line ends, with offsets into the original text', () => {
    const text = '\u200bสาระสำคัญของเรื่อง\r\n  1. ข้อแรก  \r\n\t1) ข้อย่อย\r\n';
    const [heading] = parseStructure(text);
    assert.deepEqual([heading.start, heading.lineEnd, heading.end], [1, 19, 47]);
    assert.equal(heading.text, 'สาระสำคัญของเรื่อง');
    const [clause] = heading.children;
    assert.deepEqual([clause.start, clause.lineEnd, clause.end, clause.label, clause.text], [23, 32, 47, '1.', '1. ข้อแรก']);
    const [sub] = clause.children;
    assert.deepEqual([sub.start, sub.lineEnd, sub.end, sub.text], [37, 47, 47, '1) ข้อย่อย']);
  });

  it('handles an empty text and a last line without a line break', () => {
    assert.deepEqual(parseStructure(''), []);
    assert.deepEqual(parseStructure('\n\n  \n'), []);
    const [node] = parseStructure('เรื่อง การประชุม');
    assert.deepEqual([node.kind, node.start, node.lineEnd, node.end], ['title', 0, 16, 16]);
  });

  it('stops after maxNodes nodes, ending the last ones where it stopped', () => {
    const text = '1. ก\n2. ข\n   ต่อ\n3. ค\n4. ง\n';
    assert.deepEqual(
      parseStructure(text, 2).map((n) => [n.label, n.start, n.end]),
      [
        ['1.', 0, 4],
        ['2.', 5, 9],
      ],
    );
    assert.equal(parseStructure(text).length, 4);
  });

  it('is linear and fast: 1 MB of a structured document well under 100 ms, 4 MB about four times that', () => {
    const block = RESOLUTION.repeat(Math.ceil(1_000_000 / RESOLUTION.length)).slice(0, 1_000_000);
    const big = block.repeat(4);
    const time = (text: string) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        parseStructure(text);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    const oneMb = time(block);
    const fourMb = time(big);
    // measured about 10 ms and 40 ms on an idle machine; the bounds leave room for a busy one
    assert.ok(oneMb < 150, `1 MB took ${oneMb.toFixed(1)} ms`);
    assert.ok(fourMb < 6 * oneMb + 30, `4 MB took ${fourMb.toFixed(1)} ms, 1 MB ${oneMb.toFixed(1)} ms`);
  });
});

describe('StructureScan (the outline after an edit)', () => {
  /** Every node as plain data: where it is, its nesting, its marker. */
  const outline = (nodes: readonly StructureNode[]) => flatten(nodes).map((n) => [n.kind, n.style, n.level, n.start, n.labelEnd, n.lineEnd, n.end, n.children.length].join(' '));
  /** The scan of `before` updated for the edit replacing [at, at + removed) with `inserted`. */
  const edited = (before: string, at: number, removed: number, inserted: string, maxNodes = Infinity) => {
    const after = before.slice(0, at) + inserted + before.slice(at + removed);
    const nodes = StructureScan.of(before).update(after, before.length, at, before.length - at - removed).nodes(after, maxNodes);
    return { after, nodes };
  };

  it('reads again only the lines an edit touches, and gives the outline of the whole text', () => {
    const text = RESOLUTION;
    // a new clause typed in the middle, a heading removed, a separator added at the end
    for (const [at, removed, inserted] of [
      [text.indexOf('2. ร่างแผน'), 0, '1.1 ข้อย่อยใหม่\n'],
      [text.indexOf('ประเด็นหลักที่ 1'), 'ประเด็นหลักที่ 1'.length, 'ข้อความธรรมดา'],
      [text.length, 0, '\n______\nหมายเหตุ: ท้ายเอกสาร'],
      [0, text.indexOf('\n') + 1, ''],
      [text.indexOf('1. กระทรวง') + 1, 0, '\n\n'],
    ] as Array<[number, number, string]>) {
      const { after, nodes } = edited(text, at, removed, inserted);
      assert.deepEqual(outline(nodes), outline(parseStructure(after)), JSON.stringify(inserted));
    }
    // the node limit applies as in parseStructure
    const { after, nodes } = edited(text, 0, 0, 'เรื่อง ใหม่\n', 3);
    assert.deepEqual(outline(nodes), outline(parseStructure(after, 3)));
  });

  it('gives the same outline as a whole parse after any series of edits (property)', () => {
    const lines = ['เรื่อง ทดสอบ', 'สาระสำคัญของเรื่อง', '1. ข้อแรก', '1.1 ข้อย่อย', '2) ข้อสอง', '(ก) ตัวอักษร', 'ข้อ ๓ ข้อบังคับ', 'ส่วนที่ 2', '______', '', '   ', '\uFEFF ', 'ข้อความธรรมดา', '  (1) เยื้อง', 'Part 2: English', 'ท้าย\r'];
    const piece = fc.oneof(fc.constantFrom(...lines), fc.constantFrom('\n', '1', '.', ' ', '(', 'ก', 'เรื่อง', '\n\n'));
    const text = fc.array(fc.constantFrom(...lines), { maxLength: 25 }).map((ls) => ls.join('\n'));
    const edit = fc.record({ at: fc.nat(), removed: fc.nat({ max: 30 }), inserted: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')) });
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 5 }), (start, edits) => {
        // the edits one after another, as onDidChangeTextDocument gives them; one update for them all
        let current = start;
        let prefix = start.length;
        let suffix = start.length;
        for (const e of edits) {
          const at = e.at % (current.length + 1);
          const removed = Math.min(e.removed, current.length - at);
          prefix = Math.min(prefix, at);
          suffix = Math.min(suffix, current.length - at - removed);
          current = current.slice(0, at) + e.inserted + current.slice(at + removed);
        }
        const nodes = StructureScan.of(start).update(current, start.length, prefix, suffix).nodes(current);
        assert.deepEqual(outline(nodes), outline(parseStructure(current)));
      }),
      { seed: 20260105, numRuns: 300 },
    );
  });
});
