import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { setUiLocale } from '../../../src/core/text/locale';
import { Analyzer } from '../../../src/core/recognize/analyze';
import { GlossarySet } from '../../../src/core/glossary/glossary';
import type { Annotation } from '../../../src/core/types';
import { InMemoryDocument } from '../../../src/features/inMemoryDocument';
import { AnnotationTable, packAnnotations, visitPacked, type AnnotationVisitor } from '../../../src/features/compactIndex';
import { MAX_CHILDREN, TreeSource, buildThemeTree, buildThemeTreeSteps, childrenOf, passagesElement, type TreeInput, type TreeTag } from '../../../src/features/themeTreeModel';
import { present, snapshot, type TreeItemSnapshot } from '../../../src/features/themeTreeItems';
import { runSliced } from '../../../src/features/slices';

// A glossary and documents in the style of the project's fixtures, written for these tests.
const GLOSSARY = `version: 1
themes:
  - id: test-diplomacy
    label: การทูตทดสอบ
    label_en: Test diplomacy
    color: "#4e79a7"
    gloss: ประเด็นทดสอบด้านการทูต
    terms:
      - term: การทูตดิจิทัล
        en: Digital diplomacy
        gloss: การใช้เครื่องมือดิจิทัลในงานการทูต
        aliases: [Digital Diplomacy]
      - การเจรจาทวิภาคี
    themes:
      - id: test-public-diplomacy
        label: การทูตสาธารณะทดสอบ
        label_en: Test public diplomacy
        terms:
          - term: การทูตสาธารณะ
            en: Public diplomacy
  - id: test-security
    label: ความมั่นคงทดสอบ
    label_en: Test security
    color: "#e15759"
    terms:
      - term: อาวุธนิวเคลียร์
        en: Nuclear weapons
      - term: การไม่แพร่ขยายอาวุธนิวเคลียร์
        en: Nuclear non-proliferation
      - term: หยุดยิง
        en: Ceasefire
`;

const POLICY = [
  'มติคณะรัฐมนตรี เรื่อง ความร่วมมือด้านการทูตดิจิทัล',
  'เมื่อวันที่ 16 พฤศจิกายน 2564 กระทรวงการต่างประเทศได้หารือกับสาธารณรัฐอินโดนีเซียเรื่องการทูตดิจิทัล',
  'ที่ประชุมย้ำการไม่แพร่ขยายอาวุธนิวเคลียร์ และการทูตสาธารณะ ร่วมกับสหรัฐฯ และญี่ปุ่น',
  'ทั้งสองฝ่ายตกลงหยุดยิงตั้งแต่ 28 ก.ค.68 บริเวณทะเลจีนใต้ไม่เกี่ยวข้อง',
  'การเจรจาทวิภาคีครั้งต่อไปจัดขึ้นในปี พ.ศ. 2569',
].join('\n');
const STATEMENT = [
  'แถลงการณ์ร่วม ฉบับที่ 2',
  'ที่ประชุมรับทราบว่าข้อตกลงหยุดยิงมีผลตั้งแต่วันที่ 5 มีนาคม 2568 และจะทบทวนอีกครั้งในปี พ.ศ. 2570',
  'ฝ่ายไทยเสนอการเจรจาทวิภาคีกับกัมพูชา ต่อเนื่องจากการประชุมเมื่อ 12 ม.ค. 2566',
].join('\n');

const set = new GlossarySet();
assert.deepEqual(set.update('test.glossary.yaml', GLOSSARY), []);
const analyzer = new Analyzer(set);

/** A tree source of an in-memory document, analysed. */
function source(doc: InMemoryDocument, name: string, annotations?: Annotation[]): TreeSource {
  const text = doc.getText();
  return new TreeSource(doc.uri, text, annotations ?? analyzer.analyze(text, { referenceDate: '2025-11-22' }), name);
}

const policy = () => source(new InMemoryDocument('file:///ws/policy.txt', POLICY), 'policy.txt');
const statement = () => source(new InMemoryDocument('file:///ws/statement.txt', STATEMENT), 'statement.txt');

function tree(input: Partial<TreeInput> & Pick<TreeInput, 'sources'>, expanded: string[] = []): TreeItemSnapshot[] {
  const model = buildThemeTree({ themes: set.themes, filter: '', workspace: false, ...input });
  return snapshot(model.roots, { workspace: input.workspace ?? false, expanded: new Set(expanded), selected: new Set() });
}

/** label | description of each item (one level), the way the tree reads. */
function rows(items: TreeItemSnapshot[] | undefined): string[] {
  return (items ?? []).map((i) => (i.description === undefined ? i.label : `${i.label} | ${i.description}`));
}

function find(items: TreeItemSnapshot[] | undefined, id: string): TreeItemSnapshot | undefined {
  for (const item of items ?? []) {
    if (item.id === id) return item;
    const inner = find(item.children, id);
    if (inner) return inner;
  }
  return undefined;
}

describe('themes view model', () => {
  it('lists the themes of a document with counts, terms and occurrence lines', () => {
    const items = tree({ sources: [policy()] }, ['theme:test-diplomacy']);
    assert.deepEqual(rows(items), ['การทูตทดสอบ | 4 · Test diplomacy', 'ความมั่นคงทดสอบ | 2 · Test security', 'Countries | 3', 'Dates | 3']);
    assert.deepEqual(
      items.map((i) => [i.kind, i.color, i.expanded]),
      [
        ['theme', '#4e79a7', true],
        ['theme', '#e15759', false],
        ['countries', undefined, false],
        ['dates', undefined, false],
      ],
    );
    const diplomacy = items[0].children!;
    assert.deepEqual(rows(diplomacy), ['การทูตสาธารณะทดสอบ | 1 · Test public diplomacy', 'การทูตดิจิทัล | 2 · Digital diplomacy', 'การเจรจาทวิภาคี | 1']);
    assert.deepEqual(rows(diplomacy[1].children), ['…ความร่วมมือด้านการทูตดิจิทัล | line 1', '…อินโดนีเซียเรื่องการทูตดิจิทัล | line 2']);
    const security = items[1].children!;
    // a term that does not occur is left out
    assert.deepEqual(rows(security), ['การไม่แพร่ขยายอาวุธนิวเคลียร์ | 1 · Nuclear non-proliferation', 'หยุดยิง | 1 · Ceasefire']);
    const ceasefire = POLICY.indexOf('หยุดยิง');
    assert.deepEqual(security[1].children![0], {
      kind: 'occurrence',
      label: 'ทั้งสองฝ่ายตกลงหยุดยิงตั้งแต่ 28 ก.ค.68 บริเวณทะเลจีนใต้ไม่เกี่ยวข้อง',
      description: 'line 4',
      id: `occ:file:///ws/policy.txt#${ceasefire}`,
      target: { uri: 'file:///ws/policy.txt', start: ceasefire, end: ceasefire + 'หยุดยิง'.length },
    });
  });

  it('labels themes, terms and countries in English first when the content language is English', () => {
    const model = buildThemeTree({ themes: set.themes, filter: '', workspace: false, sources: [policy()] });
    const items = snapshot(model.roots, { workspace: false, expanded: new Set(), selected: new Set(), lang: 'en' });
    assert.deepEqual(rows(items), ['Test diplomacy | 4 · การทูตทดสอบ', 'Test security | 2 · ความมั่นคงทดสอบ', 'Countries | 3', 'Dates | 3']);
    assert.deepEqual(rows(items[0].children), ['Test public diplomacy | 1 · การทูตสาธารณะทดสอบ', 'Digital diplomacy | 2 · การทูตดิจิทัล', 'การเจรจาทวิภาคี | 1'], 'a term without English keeps its Thai');
    assert.deepEqual(rows(items[2].children), ['🇯🇵 Japan | 1 · ญี่ปุ่น', '🇺🇸 United States | 1 · สหรัฐอเมริกา', '🇮🇩 Indonesia | 1 · อินโดนีเซีย']);
  });

  it('shows its own words in Thai with the Thai bundle (Countries, Dates, terms not found, lines)', () => {
    l10n.config({ fsPath: path.join(__dirname, '..', '..', '..', '..', 'l10n', 'bundle.l10n.th.json') });
    setUiLocale('th');
    try {
      const items = tree({ sources: [policy()], showEmpty: true }, ['theme:test-diplomacy']);
      assert.deepEqual(rows(items).slice(-2), ['ประเทศ | 3', 'วันที่ | 3']);
      const security = tree({ sources: [policy()], showEmpty: true }, ['theme:test-security'])[1];
      assert.ok(rows(security.children).includes('ไม่พบ 1 คำ'), rows(security.children).join('\n'));
      assert.deepEqual(rows(items[0].children![1].children), ['…ความร่วมมือด้านการทูตดิจิทัล | บรรทัด 1', '…อินโดนีเซียเรื่องการทูตดิจิทัล | บรรทัด 2']);
    } finally {
      l10n.config({ contents: {} });
      setUiLocale('en');
    }
  });

  it('lists the countries, most mentioned first, and the dates as a timeline', () => {
    const items = tree({ sources: [policy()] });
    assert.deepEqual(rows(items[2].children), ['🇯🇵 ญี่ปุ่น | 1 · Japan', '🇺🇸 สหรัฐอเมริกา | 1 · United States', '🇮🇩 อินโดนีเซีย | 1 · Indonesia']);
    assert.deepEqual(rows(items[2].children![1].children), ['…ทูตสาธารณะ ร่วมกับสหรัฐฯ และญี่ปุ่น | line 3']);
    const dates = tree({ sources: [statement()] })[3];
    assert.deepEqual(rows(dates.children), ['12 ม.ค. 2566 | 2023-01-12 · line 3', '5 มีนาคม 2568 | 2025-03-05 · line 2', 'พ.ศ. 2570 | 2027 · line 2']);
  });

  it('filters by the names of themes, terms, countries and dates, not by the line an occurrence is on; English in any case', () => {
    // the line of การไม่แพร่ขยายอาวุธนิวเคลียร์ (and of the US and Japan) contains การทูตสาธารณะ: not a match
    const items = tree({ sources: [policy()], filter: 'สาธารณะ' });
    assert.deepEqual(rows(items), ['การทูตทดสอบ | 1 · Test diplomacy']);
    assert.deepEqual(rows(items[0].children), ['การทูตสาธารณะทดสอบ | 1 · Test public diplomacy']);
    const ceasefire = tree({ sources: [policy()], filter: 'CEASEFIRE' });
    assert.deepEqual(rows(ceasefire), ['ความมั่นคงทดสอบ | 1 · Test security']);
    assert.deepEqual(rows(ceasefire[0].children), ['หยุดยิง | 1 · Ceasefire']);
    assert.deepEqual(rows(tree({ sources: [policy()], filter: 'japan' })), ['Countries | 1']);
    assert.deepEqual(rows(tree({ sources: [policy()], filter: 'ญี่ปุ่น' })), ['Countries | 1']);
    assert.deepEqual(rows(tree({ sources: [policy()], filter: '2569' })), ['Dates | 1']);
    // a word of the text that names nothing finds nothing
    assert.deepEqual(rows(tree({ sources: [policy()], filter: 'ที่ประชุมย้ำ' })), []);
    const model = buildThemeTree({ themes: set.themes, sources: [policy()], filter: 'สาธารณะ', workspace: false });
    assert.equal(model.shown, 1, 'occurrences shown, for the filter message');
  });

  it('in workspace scope, says which file each occurrence is in and filters by path', () => {
    const items = tree({ sources: [policy(), statement()], workspace: true, filter: 'statement' });
    assert.deepEqual(rows(items), ['การทูตทดสอบ | 1 · Test diplomacy', 'ความมั่นคงทดสอบ | 1 · Test security', 'Countries | 2', 'Dates | 3']);
    assert.deepEqual(rows(find(items, 'term:test-security:หยุดยิง')!.children), [
      'ที่ประชุมรับทราบว่าข้อตกลงหยุดยิงมีผลตั้งแต่วันที่ 5 มีนาคม 2568 และจะทบทวนอีก… | statement.txt · line 2',
    ]);
    assert.deepEqual(rows(tree({ sources: [policy(), statement()], workspace: false, filter: 'statement' })), [], 'document scope: paths do not match');
  });

  it('lists tagged passages under their theme, orphans by their text, and filters them by note', () => {
    const text = POLICY;
    const start = text.indexOf('ที่ประชุมย้ำ');
    const tags: TreeTag[] = [
      { id: 't1', theme: 'test-security', start, end: start + 'ที่ประชุมย้ำ'.length, text: 'ที่ประชุมย้ำ', note: 'ดูภาคผนวก' },
      { id: 't0', theme: 'test-security', start: 0, end: 0, text: 'ข้อความที่ถูกลบ\nไปแล้ว', orphaned: true },
    ];
    const tagsOf = (uri: string) => (uri === 'file:///ws/policy.txt' ? tags : []);
    const security = tree({ sources: [policy()], tagsOf })[1];
    assert.deepEqual(rows(security.children).slice(0, 2), ['ข้อความที่ถูกลบ ไปแล้ว | tag · orphaned', 'ที่ประชุมย้ำการไม่แพร่ขยายอาวุธนิวเคลียร์ และการทูตสาธารณะ ร่วมกับสหรัฐฯ และญี่ปุ่น | tag · line 3']);
    assert.deepEqual(security.children![1].target, { uri: 'file:///ws/policy.txt', start, end: start + 'ที่ประชุมย้ำ'.length });
    assert.equal(security.children![0].target, undefined, 'an orphan leads nowhere');
    assert.equal(security.description, '2 · Test security', 'tags are not counted as occurrences');
    const byNote = tree({ sources: [policy()], tagsOf, filter: 'ภาคผนวก' });
    assert.deepEqual(rows(byNote), ['ความมั่นคงทดสอบ | 0 · Test security']);
    assert.deepEqual(rows(tree({ sources: [policy()], tagsOf, filter: 'ถูกลบ' })), ['ความมั่นคงทดสอบ | 0 · Test security'], 'by the tagged text');
    assert.deepEqual(byNote[0].children!.map((c) => c.id), ['tag:t1']);
  });

  it('shows the coder of each tag, and shows one coder\'s tags or everyone\'s', () => {
    const start = POLICY.indexOf('ที่ประชุมย้ำ');
    const tags: TreeTag[] = [
      { id: 'a', theme: 'test-security', start, end: start + 'ที่ประชุมย้ำ'.length, text: 'ที่ประชุมย้ำ', creator: 'มาลี' },
      { id: 'b', theme: 'test-security', start: 0, end: 0, text: 'ข้อความเดิม', orphaned: true, creator: 'Somchai' },
      { id: 'c', theme: 'test-security', start, end: start + 3, text: 'ที่ป', creator: undefined },
    ];
    const tagsOf = () => tags;
    const tagRows = (items: TreeItemSnapshot[]) => rows(items.find((i) => i.id === 'theme:test-security')?.children).filter((r) => r.includes('tag'));
    assert.deepEqual(tagRows(tree({ sources: [policy()], tagsOf })), [
      'ข้อความเดิม | tag by Somchai · orphaned',
      'ที่ประชุมย้ำการไม่แพร่ขยายอาวุธนิวเคลียร์ และการทูตสาธารณะ ร่วมกับสหรัฐฯ และญี่ปุ่น | tag by มาลี · line 3',
      'ที่ประชุมย้ำการไม่แพร่ขยายอาวุธนิวเคลียร์ และการทูตสาธารณะ ร่วมกับสหรัฐฯ และญี่ปุ่น | tag · line 3',
    ]);
    assert.deepEqual(tagRows(tree({ sources: [policy()], tagsOf, workspace: true })).map((r) => r.split(' | ')[1]), ['tag by Somchai · policy.txt · orphaned', 'tag by มาลี · policy.txt · line 3', 'tag · policy.txt · line 3']);
    assert.deepEqual(tagRows(tree({ sources: [policy()], tagsOf, coder: 'มาลี' })), ['ที่ประชุมย้ำการไม่แพร่ขยายอาวุธนิวเคลียร์ และการทูตสาธารณะ ร่วมกับสหรัฐฯ และญี่ปุ่น | tag by มาลี · line 3']);
    assert.deepEqual(tagRows(tree({ sources: [policy()], tagsOf, coder: 'nobody' })), []);
  });

  it('is empty with no glossary themes', () => {
    assert.deepEqual(tree({ themes: [], sources: [policy()] }), []);
  });

  it('cuts long lists with an item saying how many more there are', () => {
    const line = 'หยุดยิง '.repeat(MAX_CHILDREN + 5);
    const items = tree({ sources: [source(new InMemoryDocument('file:///ws/long.txt', line), 'long.txt')] });
    const occurrences = find(items, 'term:test-security:หยุดยิง')!.children!;
    assert.equal(occurrences.length, MAX_CHILDREN + 1);
    assert.deepEqual(occurrences[MAX_CHILDREN], { kind: 'more', label: '5 more…', id: 'term:test-security:หยุดยิง:more' });
  });

  it('shows what each item is: icons, tooltips as literal text, and a highlight on the match', () => {
    const model = buildThemeTree({ themes: set.themes, sources: [policy()], filter: '', workspace: false });
    const diplomacy = model.themes.get('test-diplomacy')!;
    assert.deepEqual(present(diplomacy, false), {
      label: 'การทูตทดสอบ',
      description: '4 · Test diplomacy',
      icon: { color: '#4e79a7' },
      tooltip: [['การทูตทดสอบ', 'Test diplomacy'], ['ประเด็นทดสอบด้านการทูต'], ['4 occurrences (1 in sub-themes)']],
      collapsible: true,
    });
    const term = childrenOf(diplomacy)[1];
    assert.deepEqual(present(term, false).tooltip, [['การทูตดิจิทัล', 'Digital diplomacy'], ['การใช้เครื่องมือดิจิทัลในงานการทูต'], ['also: Digital Diplomacy'], ['2 occurrences']]);
    const occurrence = present(childrenOf(term)[0], true);
    assert.equal(occurrence.description, 'policy.txt · line 1');
    assert.deepEqual(occurrence.tooltip, [['มติคณะรัฐมนตรี เรื่อง ความร่วมมือด้านการทูตดิจิทัล'], ['policy.txt · line 1']]);
    assert.deepEqual(occurrence.highlight, [occurrence.label.indexOf('การทูตดิจิทัล'), occurrence.label.indexOf('การทูตดิจิทัล') + 'การทูตดิจิทัล'.length]);
  });

  it('cuts a long line around the match at a space or a word edge, and knows CRLF lines', () => {
    const text = 'ก'.repeat(10) + ' ' + 'ข'.repeat(40) + ' หยุดยิง ' + 'ค'.repeat(100) + '\r\nบรรทัดที่สอง';
    const src = new TreeSource('file:///ws/a.txt', text, [], 'a.txt');
    const start = text.indexOf('หยุดยิง');
    const cut = src.excerpt(start, start + 'หยุดยิง'.length);
    assert.ok(cut.text.startsWith('…') && cut.text.endsWith('…'), cut.text);
    assert.equal(cut.text.slice(cut.highlight[0], cut.highlight[1]), 'หยุดยิง');
    assert.ok(cut.text.length <= 80, `${cut.text.length} characters`);
    assert.deepEqual(src.lineSpan(0), [0, text.indexOf('\r')]);
    assert.equal(src.lineOf(text.indexOf('บรรทัด')), 1);
  });

  it('leaves out themes and terms that do not occur; showEmpty lists them, absent terms under "not found"', () => {
    // a document with security terms only: the diplomacy theme and its sub-theme go
    const doc = source(new InMemoryDocument('file:///ws/s.txt', 'ข้อตกลงหยุดยิง'), 's.txt');
    assert.deepEqual(rows(tree({ sources: [doc] })), ['ความมั่นคงทดสอบ | 1 · Test security', 'Countries | 0', 'Dates | 0']);
    assert.deepEqual(rows(tree({ sources: [doc] })[0].children), ['หยุดยิง | 1 · Ceasefire']);
    const all = tree({ sources: [doc], showEmpty: true });
    assert.deepEqual(rows(all), ['ความมั่นคงทดสอบ | 1 · Test security', 'การทูตทดสอบ | 0 · Test diplomacy', 'Countries | 0', 'Dates | 0']);
    assert.deepEqual(rows(all[0].children), ['หยุดยิง | 1 · Ceasefire', '2 terms not found']);
    assert.deepEqual(rows(all[0].children![1].children), ['อาวุธนิวเคลียร์ | 0 · Nuclear weapons', 'การไม่แพร่ขยายอาวุธนิวเคลียร์ | 0 · Nuclear non-proliferation']);
    assert.equal(all[0].children![1].kind, 'termsNotFound');
    assert.deepEqual(rows(all[1].children), ['การทูตสาธารณะทดสอบ | 0 · Test public diplomacy', '2 terms not found']);
  });

  it('sorts themes and terms by count, most first, or keeps the glossary order', () => {
    const doc = source(new InMemoryDocument('file:///ws/c.txt', 'หยุดยิง หยุดยิง การเจรจาทวิภาคี อาวุธนิวเคลียร์ การทูตดิจิทัล การทูตดิจิทัล การทูตดิจิทัล'), 'c.txt');
    const byCount = tree({ sources: [doc] });
    assert.deepEqual(rows(byCount).slice(0, 2), ['การทูตทดสอบ | 4 · Test diplomacy', 'ความมั่นคงทดสอบ | 3 · Test security']);
    assert.deepEqual(rows(byCount[1].children), ['หยุดยิง | 2 · Ceasefire', 'อาวุธนิวเคลียร์ | 1 · Nuclear weapons']);
    const inGlossaryOrder = tree({ sources: [doc], sort: 'glossary' });
    assert.deepEqual(rows(inGlossaryOrder[1].children), ['อาวุธนิวเคลียร์ | 1 · Nuclear weapons', 'หยุดยิง | 2 · Ceasefire']);
    const security = source(new InMemoryDocument('file:///ws/d.txt', 'หยุดยิง หยุดยิง การเจรจาทวิภาคี'), 'd.txt');
    assert.deepEqual(rows(tree({ sources: [security] })).slice(0, 2), ['ความมั่นคงทดสอบ | 2 · Test security', 'การทูตทดสอบ | 1 · Test diplomacy']);
    assert.deepEqual(rows(tree({ sources: [security], sort: 'glossary' })).slice(0, 2), ['การทูตทดสอบ | 1 · Test diplomacy', 'ความมั่นคงทดสอบ | 2 · Test security']);
  });

  it('groups equal dates on the timeline once, as written most often, expanding to their places', () => {
    const text = 'งบประมาณปี พ.ศ. 2567 และแผนปี พ.ศ. 2567\nส่วนปี ค.ศ. 2024 นั้น\nวันที่ 5 มีนาคม 2568';
    const doc = source(new InMemoryDocument('file:///ws/dates.txt', text), 'dates.txt');
    const dates = tree({ sources: [doc] }).find((i) => i.kind === 'dates')!;
    assert.equal(dates.description, '4');
    assert.deepEqual(rows(dates.children), ['พ.ศ. 2567 | 2024 (3)', '5 มีนาคม 2568 | 2025-03-05 · line 3']);
    assert.deepEqual(dates.children!.map((d) => d.kind), ['dateGroup', 'date']);
    assert.deepEqual(rows(dates.children![0].children), ['งบประมาณปี พ.ศ. 2567 และแผนปี พ.ศ. 2567 | line 1', '…พ.ศ. 2567 และแผนปี พ.ศ. 2567 | line 1', 'ส่วนปี ค.ศ. 2024 นั้น | line 2']);
    assert.deepEqual(dates.children![0].children!.map((d) => d.target!.start), [text.indexOf('พ.ศ.'), text.lastIndexOf('พ.ศ.'), text.indexOf('ค.ศ.')]);
    const model = buildThemeTree({ themes: set.themes, sources: [doc], filter: '', workspace: false });
    const group = childrenOf(model.roots.find((r) => r.type === 'dates')!)[0];
    assert.deepEqual(present(group, false).tooltip, [['2024: 3 places'], ['written: พ.ศ. 2567, ค.ศ. 2024']]);
  });

  it('gives every item a tooltip with its full Thai and English names', () => {
    const model = buildThemeTree({ themes: set.themes, sources: [policy()], filter: '', workspace: false });
    const country = childrenOf(model.roots.find((r) => r.type === 'countries')!).find((c) => c.type === 'country' && c.code === 'US')!;
    assert.deepEqual(present(country, false).tooltip, [['สหรัฐอเมริกา', 'United States'], ['United States of America'], ['US'], ['1 occurrence']]);
    const date = childrenOf(model.roots.find((r) => r.type === 'dates')!)[0];
    assert.deepEqual(present(date, false).tooltip, [['เมื่อวันที่ 16 พฤศจิกายน 2564 กระทรวงการต่างประเทศได้หารือกับสาธารณรัฐอินโดนีเซียเรื่องการทูตดิจิทัล'], ['16 พฤศจิกายน 2564: 2021-11-16', 'line 2']]);
  });

  it('lists tags whose theme is in no glossary under that theme: the annotations file\'s, or one found nowhere', () => {
    const start = POLICY.indexOf('ที่ประชุมย้ำ');
    const tags: TreeTag[] = [
      { id: 'a', theme: 'new-talks', start, end: start + 12, text: POLICY.slice(start, start + 12) },
      { id: 'b', theme: 'new-talks', start: 0, end: 14, text: POLICY.slice(0, 14), note: 'ประเด็นใหม่' },
      { id: 'c', theme: 'gone-theme', start: 0, end: 5, text: POLICY.slice(0, 5) },
    ];
    const looseTheme = (id: string) => (id === 'new-talks' ? { id, label: 'การเจรจาใหม่', labelEn: 'New talks', color: '#123456' } : undefined);
    const items = tree({ sources: [policy()], tagsOf: () => tags, looseTheme });
    assert.deepEqual(rows(items), [
      'การทูตทดสอบ | 4 · Test diplomacy',
      'ความมั่นคงทดสอบ | 2 · Test security',
      'การเจรจาใหม่ | 2 tags · New talks',
      'gone-theme | 1 tag',
      'Countries | 3',
      'Dates | 3',
    ]);
    assert.deepEqual([items[2].kind, items[2].color, items[3].color], ['looseTheme', '#123456', '#888888']);
    assert.deepEqual(items[2].children!.map((c) => c.id), ['tag:b', 'tag:a']);
    assert.deepEqual(rows(tree({ sources: [policy()], tagsOf: () => tags, looseTheme, filter: 'new talks' })), ['การเจรจาใหม่ | 2 tags · New talks']);
  });

  it('lists a term once when two glossary files give it to the same theme', () => {
    const merged = new GlossarySet();
    merged.update('a.yaml', GLOSSARY);
    merged.update('b.yaml', 'version: 1\nthemes:\n  - id: test-security\n    label: ความมั่นคงทดสอบ\n    terms: [หยุดยิง, สงบศึก]\n');
    const text = 'หยุดยิง และสงบศึก';
    const doc = new TreeSource('file:///ws/m.txt', text, new Analyzer(merged).analyze(text), 'm.txt');
    const model = buildThemeTree({ themes: merged.themes, sources: [doc], filter: '', workspace: false, showEmpty: true });
    const items = snapshot(model.roots, { workspace: false, expanded: new Set(), selected: new Set() });
    assert.deepEqual(rows(find(items, 'theme:test-security')!.children), ['หยุดยิง | 1 · Ceasefire', 'สงบศึก | 1', '2 terms not found']);
  });

  it('builds in steps, a document at a time, the same tree as at once; a new filter reuses the counts', async () => {
    const sources = [policy(), statement()];
    const input: TreeInput = { themes: set.themes, sources, filter: '', workspace: true };
    const steps = buildThemeTreeSteps(input);
    let count = 0;
    while (!steps.next().done) count++;
    assert.ok(count > sources.length, `${count} steps`);
    const atOnce = buildThemeTree(input);
    const sliced = (await runSliced(buildThemeTreeSteps(input), { budgetMs: 0 }))!;
    const view = { workspace: true, expanded: new Set<string>(), selected: new Set<string>() };
    assert.deepEqual(snapshot(sliced.roots, view), snapshot(atOnce.roots, view));
    assert.equal(await runSliced(buildThemeTreeSteps(input), { cancelled: () => true }), undefined, 'a cancelled build stops');
    const filtered = buildThemeTree({ ...input, filter: 'statement', counts: atOnce.counts });
    assert.equal(filtered.counts, atOnce.counts, 'the same documents: the counts are reused');
    assert.deepEqual(rows(snapshot(filtered.roots, view)), ['การทูตทดสอบ | 1 · Test diplomacy', 'ความมั่นคงทดสอบ | 1 · Test security', 'Countries | 2', 'Dates | 3']);
    const changed = buildThemeTree({ ...input, sources: [policy(), statement()], counts: atOnce.counts });
    assert.notEqual(changed.counts, atOnce.counts, 'other documents: counted again');
  });

  it('counts and looks up compact documents (the workspace index\'s) without making their annotations', () => {
    const table = new AnnotationTable();
    /** a source that reads a document packed as the workspace index keeps a closed file, and refuses to make its annotations */
    const compact = (plain: TreeSource): TreeSource => {
      const packed = packAnnotations(table, plain.annotations);
      const document = {
        text: plain.text,
        get annotations(): Annotation[] {
          throw new Error('the annotations were made');
        },
        forEachAnnotation: (visit: AnnotationVisitor, from?: number) => visitPacked(table, packed, visit, from),
      };
      return TreeSource.reading(plain.uri, document, plain.name);
    };
    const plain = [policy(), statement()];
    const all = ['theme:test-diplomacy', 'theme:test-public-diplomacy', 'theme:test-security', 'countries', 'dates', ...[...set.themes.flatMap((t) => [t, ...t.themes])].flatMap((t) => t.terms.map((term) => `term:${t.id}:${term.term}`))];
    for (const filter of ['', 'statement', 'ceasefire', '2568']) {
      const expected = tree({ sources: plain, workspace: true, filter }, all);
      assert.deepEqual(tree({ sources: plain.map(compact), workspace: true, filter }, all), expected, `filter "${filter}"`);
    }
  });

  it('looks up the occurrences of a term only when it is expanded, in document order, and only in the files a path filter keeps', () => {
    const sources = [policy(), statement(), source(new InMemoryDocument('file:///ws/more/statement2.txt', STATEMENT), 'more/statement2.txt')];
    const model = buildThemeTree({ themes: set.themes, sources, filter: '', workspace: true });
    const ceasefire = model.themes.get('test-security')!.children.find((c) => c.id === 'term:test-security:หยุดยิง')!;
    assert.equal(ceasefire.type === 'term' && ceasefire.children, undefined, 'not looked up yet');
    assert.deepEqual(present(ceasefire, true).description, '3 · Ceasefire');
    assert.deepEqual(
      childrenOf(ceasefire).map((c) => present(c, true).description),
      ['policy.txt · line 4', 'statement.txt · line 2', 'more/statement2.txt · line 2'],
    );
    const items = tree({ sources, workspace: true, filter: 'statement2' });
    assert.deepEqual(rows(find(items, 'term:test-security:หยุดยิง')!.children), ['ที่ประชุมรับทราบว่าข้อตกลงหยุดยิงมีผลตั้งแต่วันที่ 5 มีนาคม 2568 และจะทบทวนอีก… | more/statement2.txt · line 2']);
    assert.equal(find(items, 'dates')!.description, '3', 'the dates of that file');
    // a name that matches keeps the occurrences of every file
    assert.equal(find(tree({ sources, workspace: true, filter: 'ceasefire' }), 'term:test-security:หยุดยิง')!.children!.length, 3);
  });

  it('groups equal unresolved dates once, even when other dates come between them', () => {
    const text = 'ปีหน้า สักวันหนึ่ง ปีหน้า';
    const date = (word: string, start: number): Annotation => ({ kind: 'date', start, end: start + word.length, text: word, calendar: 'none', relative: word });
    const doc = source(new InMemoryDocument('file:///ws/later.txt', text), 'later.txt', [date('ปีหน้า', 0), date('สักวันหนึ่ง', 7), date('ปีหน้า', 19)]);
    const dates = tree({ sources: [doc] }).find((i) => i.kind === 'dates')!;
    assert.deepEqual(rows(dates.children), ['ปีหน้า | unresolved (2)', 'สักวันหนึ่ง | unresolved · line 1']);
    assert.deepEqual(dates.children![0].children!.map((d) => d.target!.start), [0, 19]);
    // filtered by the relative word: the group of that word only
    assert.deepEqual(rows(tree({ sources: [doc], filter: 'หน้า' }).find((i) => i.kind === 'dates')!.children), ['ปีหน้า | unresolved (2)']);
  });

  it('lists found passages under "Passages: <query>", each opening its paragraph, a long list capped', () => {
    const doc = source(new InMemoryDocument('file:///ws/a.txt', 'หัวเรื่อง\n\nบรรทัดแรก\nบรรทัดสอง\n'), 'docs/a.txt');
    const group = passagesElement('country:JP "หยุดยิง"', [{ source: doc, start: 11, end: 30 }]);
    const [item] = snapshot([group], { workspace: true, expanded: new Set(), selected: new Set() });
    assert.deepEqual(item, {
      kind: 'passages',
      label: 'Passages: country:JP "หยุดยิง"',
      description: '1 passage',
      id: 'passages',
      expanded: false,
      children: [{ kind: 'passage', label: 'บรรทัดแรก บรรทัดสอง', description: 'docs/a.txt · line 3', id: 'passage:file:///ws/a.txt#11', target: { uri: 'file:///ws/a.txt', start: 11, end: 30 } }],
    });
    const many = passagesElement('x', Array.from({ length: MAX_CHILDREN + 5 }, (_, i) => ({ source: doc, start: i, end: i + 1 })));
    assert.equal(present(many, true).description, `${(MAX_CHILDREN + 5).toLocaleString('en')} passages`);
    assert.equal(many.children.length, MAX_CHILDREN + 1);
    assert.equal(present(many.children[MAX_CHILDREN], true).label, '5 more…');
  });
});
