import { strict as assert } from 'node:assert';
import { parseGlossary, themeColor, type GlossaryTheme } from '../../../../src/core/glossary/glossary';
import {
  glossaryToQdc,
  latinSlug,
  parseDescription,
  QdcError,
  qdcToGlossary,
  THEMES_SET_GUID,
  themeGuid,
  toRgbColor,
  uuidV5,
} from '../../../../src/core/exchange/qdc';
import { parseXml, type XmlElement } from '../../../../src/core/exchange/xml';
import { validateCodebook, walk } from '../../../support/qdcCodebookRules';
import { xmllintSchema } from '../../../support/xmllint';
import { inThai } from '../../../support/thai';

const GLOSSARY = `version: 1
themes:
  - id: maritime
    label: ความมั่นคงทางทะเล
    label_en: Maritime security
    color: "#4e79a7"
    gloss: |
      ความปลอดภัยของเส้นทางเดินเรือ
      และทรัพยากรทางทะเล
    terms:
      - term: เสรีภาพในการเดินเรือ
        en: Freedom of navigation
        gloss: หลักการตาม "UNCLOS" & <กฎหมายทะเล>
        aliases: [freedom of navigation, FON]
      - term: โจรสลัด
        whole_word: true
      - การลาดตระเวนร่วม
    themes:
      - id: maritime-fishery
        label: ประมงผิดกฎหมาย
        color: "#abc"
        terms:
          - term: IUU
            en: Illegal, unreported and unregulated fishing
      - id: maritime-empty
        label: ทะเลว่าง
  - id: trade
    label: การค้า & การลงทุน
    color: "#e15759cc"
    terms:
      - เขตการค้าเสรี
`;

function themesOf(text: string): GlossaryTheme[] {
  const r = parseGlossary(text, 'test.glossary.yaml');
  assert.deepEqual(r.errors, []);
  return r.glossary!.themes;
}


describe('qdc: name-based GUIDs', () => {
  it('uuidV5 gives the RFC example and the version/variant bits', () => {
    // the well-known v5 UUID of www.example.com in the DNS namespace
    assert.equal(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
    const g = themeGuid('maritime');
    assert.match(g, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(themeGuid('maritime'), g, 'stable');
    assert.notEqual(themeGuid('trade'), g);
  });
});

describe('qdc: export', () => {
  const xml = glossaryToQdc(themesOf(GLOSSARY), { origin: 'Thai Policy Lens 0.1.0' });
  const root = parseXml(xml);

  it('is a REFI-QDA codebook by the schema: names, namespace, attributes, GUIDs, order', () => {
    assert.deepEqual(validateCodebook(root), []);
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Thai Policy Lens 0.1.0">\n  <Codes>\n'));
    assert.ok(xml.endsWith('</CodeBook>\n'));
  });

  it('writes the themes as codes, nested as in the glossary, and no term as a code', () => {
    const tree = (el: XmlElement): unknown[] =>
      el.children.filter((c) => c.local === 'Code').map((c) => {
        const kids = tree(c);
        return kids.length ? [c.attributes.get('name'), kids] : c.attributes.get('name');
      });
    const codes = root.children[0];
    assert.deepEqual(tree(codes), [
      ['ความมั่นคงทางทะเล', ['ประมงผิดกฎหมาย', 'ทะเลว่าง']],
      'การค้า & การลงทุน',
    ]);
  });

  it('writes GUIDs from ids, colours as #RRGGBB, and descriptions', () => {
    const all = [...walk(root)].filter((e) => e.local === 'Code');
    const byName = new Map(all.map((e) => [e.attributes.get('name'), e]));
    const maritime = byName.get('ความมั่นคงทางทะเล')!;
    assert.equal(maritime.attributes.get('guid'), themeGuid('maritime'));
    assert.equal(maritime.attributes.get('isCodable'), 'true');
    assert.equal(maritime.attributes.get('color'), '#4E79A7');
    assert.equal(
      maritime.children[0].text,
      'English: Maritime security\nความปลอดภัยของเส้นทางเดินเรือ\nและทรัพยากรทางทะเล\n' +
        'Term: เสรีภาพในการเดินเรือ | English: Freedom of navigation | Gloss: หลักการตาม "UNCLOS" & <กฎหมายทะเล> | Aliases: freedom of navigation; FON\n' +
        'Term: โจรสลัด | Matching: whole word\n' +
        'Term: การลาดตระเวนร่วม\n' +
        'Theme id: maritime',
    );
    assert.equal(byName.get('ทะเลว่าง')!.children[0].text, 'Theme id: maritime-empty');
    assert.equal(byName.get('ประมงผิดกฎหมาย')!.attributes.get('color'), '#AABBCC');
    assert.equal(byName.get('การค้า & การลงทุน')!.attributes.get('color'), '#E15759', 'alpha dropped');
    assert.equal(byName.get('ทะเลว่าง')!.attributes.get('color'), toRgbColor(themeColor({ id: 'maritime-empty' })));
    // raw escaping
    assert.ok(xml.includes('name="การค้า &amp; การลงทุน"'));
    assert.ok(xml.includes('หลักการตาม "UNCLOS" &amp; &lt;กฎหมายทะเล&gt;'));
  });

  it('lists the theme codes in one Set', () => {
    const set = root.children[1].children[0];
    assert.equal(set.attributes.get('guid'), THEMES_SET_GUID);
    const members = set.children.filter((c) => c.local === 'MemberCode').map((m) => m.attributes.get('guid'));
    assert.deepEqual(members, ['maritime', 'maritime-fishery', 'maritime-empty', 'trade'].map(themeGuid));
  });

  it('is the same file each time', () => {
    assert.equal(glossaryToQdc(themesOf(GLOSSARY), { origin: 'Thai Policy Lens 0.1.0' }), xml);
  });

  it('escapes attribute line breaks and drops characters XML cannot hold', () => {
    const themes = themesOf('version: 1\nthemes:\n  - id: a\n    label: "บรรทัด\\nสอง\\u0001 \\"คำ\\""\n');
    const out = glossaryToQdc(themes);
    assert.ok(out.includes('name="บรรทัด&#10;สอง &quot;คำ&quot;"'));
    assert.equal(parseXml(out).children[0].children[0].attributes.get('name'), 'บรรทัด\nสอง "คำ"');
  });

  it('refuses a glossary without themes', () => {
    assert.throws(() => glossaryToQdc([]), (e: unknown) => e instanceof QdcError && /at least one code/.test(e.message));
  });
});

describe('qdc: import', () => {
  it('round trip: export then import gives the same themes and terms', () => {
    const original = themesOf(GLOSSARY);
    const result = qdcToGlossary(glossaryToQdc(original), { sourceName: 'glossary.qdc' });
    assert.deepEqual(result.warnings, []);
    assert.equal(result.themes, 4);
    assert.equal(result.terms, 5);
    const back = themesOf(result.yaml);
    const shape = (themes: GlossaryTheme[]): unknown =>
      themes.map((t) => ({
        id: t.id,
        label: t.label,
        labelEn: t.labelEn,
        color: toRgbColor(themeColor(t)),
        gloss: t.gloss?.trim(),
        terms: t.terms.map((x) => ({ term: x.term, en: x.en, gloss: x.gloss, aliases: x.aliases, wholeWord: x.wholeWord })),
        themes: shape(t.themes),
      }));
    assert.deepEqual(shape(back), shape(original));
  });

  it('round trip: a gloss cannot pass for the fields, and aliases keep ;, \\ and line separators (issue 9, item 13)', () => {
    const text = `version: 1
themes:
  - id: sea
    label: ทะเล
    gloss: "English: not a label\\nTheme id: evil\\n\\\\ a backslash line"
    terms:
      - term: เรือ
        gloss: "Matching: whole word\\nAliases: x; y"
        aliases: ["a\\u2028b", "c;d", "e\\\\f"]
`;
    const original = themesOf(text);
    const back = themesOf(qdcToGlossary(glossaryToQdc(original)).yaml);
    assert.equal(back[0].id, 'sea');
    assert.equal(back[0].labelEn, undefined);
    assert.equal(back[0].gloss, 'English: not a label\nTheme id: evil\n\\ a backslash line');
    assert.deepEqual(
      { gloss: back[0].terms[0].gloss, aliases: back[0].terms[0].aliases, wholeWord: back[0].terms[0].wholeWord },
      { gloss: 'Matching: whole word\nAliases: x; y', aliases: ['a\u2028b', 'c;d', 'e\\f'], wholeWord: false },
    );
  });

  it('codes of one name, and themes of one label, take linear time both ways (item 6)', () => {
    const time = (n: number): number => {
      const list = Array.from({ length: n }, (_, i) => `  - id: t${i}\n    label: ซ้ำ\n`).join('');
      const themes = parseGlossary(`version: 1\nthemes:\n${list}`, 'twice.glossary.yaml').glossary!.themes;
      const started = process.hrtime.bigint();
      const xml = glossaryToQdc(themes);
      assert.equal(new Set(xml.match(/ name="[^"]+"/g)).size, n + 1);
      const codes = Array.from({ length: n }, (_, i) => `<Code guid="${uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', String(i))}" name="Same" isCodable="true"/>`).join('');
      const result = qdcToGlossary(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes}</Codes></CodeBook>`);
      assert.equal(result.themes, n);
      assert.equal(new Set(xml.match(/guid="[^"]+"/g)).size, n + 1);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    time(500);
    const small = time(1000);
    const large = time(10000);
    assert.ok(large < Math.max(small, 5) * 30, `1,000: ${small.toFixed(0)} ms, 10,000: ${large.toFixed(0)} ms`);
  });

  it('without the Theme id lines, ids come from Latin names, then English labels, then code-<n>', () => {
    const xml = glossaryToQdc(themesOf(GLOSSARY)).replace(/\n?Theme id: [a-z-]+/g, '');
    const ids = (themes: GlossaryTheme[]): string[] => themes.flatMap((t) => [t.id, ...ids(t.themes)]);
    assert.deepEqual(ids(themesOf(qdcToGlossary(xml).yaml)), ['maritime-security', 'code-1', 'code-2', 'code-3']);
  });

  it('writes the YAML a person would write', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<!-- exported by another tool -->
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder">
  <Codes>
    <Code guid="{8B0C3F2E-1A2B-4C3D-8E4F-5A6B7C8D9E0F}" name="Economy" isCodable="false" color="#F28E2B">
      <Description>Economic policy
of the region</Description>
      <Code guid="0b7f1a52-3c1d-4e9a-9f1b-2a3b4c5d6e7f" name="การค้า" isCodable="true"/>
      <Code guid="1b7f1a52-3c1d-4e9a-9f1b-2a3b4c5d6e7f" name="Investment" isCodable="true">
        <Code guid="2b7f1a52-3c1d-4e9a-9f1b-2a3b4c5d6e7f" name="การลงทุนโดยตรง" isCodable="true"><Description><![CDATA[FDI <direct>]]></Description></Code>
      </Code>
    </Code>
    <Code guid="3b7f1a52-3c1d-4e9a-9f1b-2a3b4c5d6e7f" name="Économie" isCodable="true"/>
    <Code guid="4b7f1a52-3c1d-4e9a-9f1b-2a3b4c5d6e7f" name="ความมั่นคง" isCodable="true"/>
  </Codes>
</CodeBook>`;
    const r = qdcToGlossary(xml, { sourceName: 'other.qdc' });
    assert.equal(
      r.yaml,
      `# Glossary imported from other.qdc (written by QualCoder), a REFI-QDA codebook, by Thai Policy Lens.
# Top-level codes are themes; a code with child codes is a sub-theme; a leaf code is a term.
# Check the ids and terms: a term is matched in the text as written.

version: 1
themes:
  - id: economy
    label: Economy
    color: "#F28E2B"
    gloss: |-
      Economic policy
      of the region
    terms:
      - การค้า
    themes:
      - id: investment
        label: Investment
        terms:
          - term: การลงทุนโดยตรง
            gloss: FDI <direct>
  - id: economie
    label: Économie
  - id: code-1
    label: ความมั่นคง
`,
    );
    assert.equal(r.themes, 4);
    assert.equal(r.terms, 2);
  });

  it('makes ids unique and reads a prefixed namespace and a project file', () => {
    const xml = `<q:CodeBook xmlns:q="urn:QDA-XML:codebook:1.0"><q:Codes>
      <q:Code guid="00000000-0000-4000-8000-000000000001" name="Trade" isCodable="true"/>
      <q:Code guid="00000000-0000-4000-8000-000000000002" name="trade!" isCodable="true"/>
      <q:Code guid="00000000-0000-4000-8000-000000000002" name="TRADE" isCodable="true" color="red"/>
    </q:Codes></q:CodeBook>`;
    const r = qdcToGlossary(xml);
    assert.deepEqual(themesOf(r.yaml).map((t) => t.id), ['trade', 'trade-2', 'trade-3']);
    assert.deepEqual(r.warnings, ['line 4: guid 00000000-0000-4000-8000-000000000002 is used twice', 'line 4: colour "red" of "TRADE" is not #RRGGBB; left out']);
    const renamed = qdcToGlossary(xml, { takenIds: ['trade', 'trade-3'] });
    assert.deepEqual(themesOf(renamed.yaml).map((t) => t.id), ['trade-2', 'trade-4', 'trade-5']);
    assert.equal(renamed.warnings[0], 'line 2: theme id "trade" is already used by a loaded glossary; written as "trade-2"');
    const project = `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="Aid" isCodable="true"/></Codes></CodeBook></Project>`;
    assert.deepEqual(themesOf(qdcToGlossary(project).yaml).map((t) => t.label), ['Aid']);
  });

  it('keeps a term once when a theme has it twice', () => {
    const xml = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="A" isCodable="true">
      <Code guid="00000000-0000-4000-8000-000000000002" name="ทะเล" isCodable="true"/>
      <Code guid="00000000-0000-4000-8000-000000000003" name=" ทะเล " isCodable="true"/>
    </Code></Codes></CodeBook>`;
    const r = qdcToGlossary(xml);
    assert.deepEqual(themesOf(r.yaml)[0].terms.map((t) => t.term), ['ทะเล']);
    assert.deepEqual(r.warnings, ['line 3: "ทะเล" is written twice under "A"; kept once']);
  });

  it('words its errors and warnings in Thai with the Thai bundle', () => {
    const xml = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="A" isCodable="true">
      <Code guid="00000000-0000-4000-8000-000000000002" name="ทะเล" isCodable="true"/>
      <Code guid="00000000-0000-4000-8000-000000000003" name=" ทะเล " isCodable="true"/>
    </Code></Codes></CodeBook>`;
    inThai(() => {
      assert.deepEqual(qdcToGlossary(xml).warnings, ['บรรทัด 3: "ทะเล" เขียนซ้ำสองครั้งภายใต้ "A" จึงเก็บไว้ครั้งเดียว']);
      assert.throws(
        () => qdcToGlossary('<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n  <Codes></Codes>\n</CodeBook>'),
        (e: unknown) => e instanceof QdcError && e.message === 'สมุดรหัสไม่มีรหัส (บรรทัด 2 คอลัมน์ 3)',
      );
    });
  });

  it('refuses files that are not REFI-QDA codebooks, saying why and where', () => {
    const refused = (xml: string): string => {
      try {
        qdcToGlossary(xml);
      } catch (e) {
        assert.ok(e instanceof QdcError, String(e));
        return e.message;
      }
      return 'accepted';
    };
    assert.equal(refused(''), 'not well-formed XML: the file is empty (line 1, column 1)');
    assert.equal(refused('version: 1\nthemes: []\n'), 'not well-formed XML: the document must start with an element (line 1, column 1)');
    assert.equal(refused('<CodeBook><Codes/></CodeBook>'), 'not a REFI-QDA codebook: the root element is <CodeBook> without a namespace; a codebook has <CodeBook xmlns="urn:QDA-XML:codebook:1.0"> (line 1, column 1)');
    assert.equal(refused('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"/>'), 'not a REFI-QDA codebook: the root element is <html> in the namespace "http://www.w3.org/1999/xhtml"; a codebook has <CodeBook xmlns="urn:QDA-XML:codebook:1.0"> (line 2, column 1)');
    assert.equal(refused('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>'), 'the codebook has no <Codes> element (line 1, column 1)');
    assert.equal(refused('<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n  <Codes></Codes>\n</CodeBook>'), 'the codebook has no codes (line 2, column 3)');
    assert.equal(refused('<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n  <Codes>\n    <Code name="a">\n  </Codes>\n</CodeBook>'), 'not well-formed XML: </Codes> closes <Code> (line 3) (line 4, column 5)');
    assert.equal(refused('<!DOCTYPE x [<!ENTITY a "b">]><x/>'), 'not well-formed XML: a document type declaration with an internal subset is not accepted (line 1, column 1)');
    assert.equal(refused('<CodeBook xmlns="urn:QDA-XML:codebook:1.0">&bogus;</CodeBook>'), 'not well-formed XML: unknown entity &bogus; (line 1, column 44)');
    assert.equal(refused('<q:CodeBook/>'), 'not well-formed XML: undeclared namespace prefix "q" (line 1, column 1)');
    assert.equal(refused('<a x="1" x="2"/>'), 'not well-formed XML: attribute x is written twice (line 1, column 10)');
    assert.equal(refused('<a/><b/>'), 'not well-formed XML: content after the root element (line 1, column 5)');
  });
});

describe('qdc: the XML reader and helpers', () => {
  it('decodes references, CDATA and attribute white space; skips comments and instructions', () => {
    const el = parseXml('\ufeff<?xml version="1.0"?><!DOCTYPE r><r a="x&#10;y\tz &quot;&apos;&#x0E01;"><!-- c --><?pi x?>t&lt;&amp;&gt;<![CDATA[<&>]]>\r\n</r>');
    assert.equal(el.attributes.get('a'), 'x\ny z "\'ก');
    assert.equal(el.text, 't<&><&>\n');
  });

  it('parseDescription reads the lines the export writes, and takes other text as a gloss', () => {
    assert.deepEqual(parseDescription('English: Sea\nนิยาม\nบรรทัดสอง\nAliases: a; b\nMatching: whole word'), { english: 'Sea', gloss: 'นิยาม\nบรรทัดสอง', aliases: ['a', 'b'], wholeWord: true, terms: [] });
    assert.deepEqual(parseDescription('ทะเล\nTheme id: sea-2'), { gloss: 'ทะเล', aliases: [], wholeWord: false, terms: [], themeId: 'sea-2' });
    assert.deepEqual(parseDescription('Just a note about English: not a label'), { gloss: 'Just a note about English: not a label', aliases: [], wholeWord: false, terms: [] });
    assert.deepEqual(parseDescription(''), { aliases: [], wholeWord: false, terms: [] });
  });

  it('latinSlug makes ids only from Latin names', () => {
    assert.equal(latinSlug('Maritime Security (ASEAN)'), 'maritime-security-asean');
    assert.equal(latinSlug('Économie'), 'economie');
    assert.equal(latinSlug('ความมั่นคง'), undefined);
    assert.equal(latinSlug('ASEAN ประชาคม'), undefined);
    assert.equal(latinSlug('!!!'), undefined);
  });
});

describe('qdc: codes are themes (issue 18, item 9)', () => {
  const TWINS = `version: 1
themes:
  - id: sea
    label: ทะเล
    terms:
      - term: "ท่าเรือ | ท่า"
        gloss: "a | b; c \\\\ d\\nสอง"
        aliases: ["x|y", "p;q"]
        case_sensitive: true
    themes:
      - id: sea-2
        label: ทะเล
  - id: land
    label: "ทะเล "
`;

  it('makes code names unique with the theme id, and takes it off on import', () => {
    const xml = glossaryToQdc(themesOf(TWINS));
    const names = [...walk(parseXml(xml))].filter((e) => e.local === 'Code').map((e) => e.attributes.get('name'));
    assert.deepEqual(names, ['ทะเล', 'ทะเล (sea-2)', 'ทะเล (land)']);
    const back = themesOf(qdcToGlossary(xml).yaml);
    assert.deepEqual([back[0].label, back[0].themes[0].label, back[1].label], ['ทะเล', 'ทะเล', 'ทะเล']);
    assert.deepEqual(
      back[0].terms.map((t) => ({ term: t.term, gloss: t.gloss, aliases: t.aliases, caseSensitive: t.caseSensitive })),
      [{ term: 'ท่าเรือ | ท่า', gloss: 'a | b; c \\ d\nสอง', aliases: ['x|y', 'p;q'], caseSensitive: true }],
    );
  });

  it('adds the themes made while tagging as top-level codes, once', () => {
    const xml = glossaryToQdc(themesOf(GLOSSARY), { tagThemes: [{ id: 'tag-made', label: 'ประเด็นใหม่', labelEn: 'New issue', color: '#123456' }, { id: 'trade', label: 'again' }] });
    const root = parseXml(xml);
    assert.deepEqual(validateCodebook(root), []);
    const top = root.children[0].children.map((c) => [c.attributes.get('name'), c.attributes.get('color'), c.children[0]?.text]);
    assert.deepEqual(top[2], ['ประเด็นใหม่', '#123456', 'English: New issue\nTheme id: tag-made']);
    assert.equal(top.length, 3);
    const members = root.children[1].children[0].children.filter((c) => c.local === 'MemberCode').length;
    assert.equal(members, 5);
    assert.deepEqual(themesOf(qdcToGlossary(xml).yaml).map((t) => t.id), ['maritime', 'trade', 'tag-made']);
  });

  it('importing a codebook this glossary wrote changes nothing; a theme it lacks something of gets only that', () => {
    const themes = themesOf(GLOSSARY);
    const flat = (list: readonly GlossaryTheme[]): GlossaryTheme[] => list.flatMap((t) => [t, ...flat(t.themes)]);
    const xml = glossaryToQdc(themes, { tagThemes: [{ id: 'tag-made', label: 'ประเด็นใหม่' }] });
    const existing = [...flat(themes), { id: 'tag-made' }];
    const same = qdcToGlossary(xml, { existing });
    assert.deepEqual({ yaml: same.yaml, themes: same.themes, terms: same.terms, unchanged: same.unchanged, warnings: same.warnings }, { yaml: '', themes: 0, terms: 0, unchanged: 5, warnings: [] });
    // the workspace lost a term and a sub-theme: the import brings back just those, under the ids
    const fewer = flat(themes)
      .filter((t) => t.id !== 'maritime-empty')
      .map((t) => (t.id === 'maritime' ? { id: t.id, terms: t.terms.filter((x) => x.term !== 'โจรสลัด') } : t));
    const r = qdcToGlossary(xml, { existing: [...fewer, { id: 'tag-made' }] });
    assert.deepEqual([r.themes, r.terms, r.unchanged], [1, 1, 3]);
    const back = themesOf(r.yaml);
    assert.deepEqual(back.map((t) => [t.id, t.labelEn, t.terms.map((x) => x.term), t.themes.map((s) => s.id)]), [['maritime', undefined, ['โจรสลัด'], ['maritime-empty']]]);
  });

  it('the codes and the Set of the codebook are valid by the REFI-QDA schema (xmllint)', () => {
    const xml = glossaryToQdc(themesOf(GLOSSARY), { origin: 'Thai Policy Lens', tagThemes: [{ id: 'tag-made', label: 'ประเด็นใหม่' }] });
    // Codebook.xsd declares the project schema's CodeBook, Code and Set types in its own namespace:
    // the same elements are checked inside a project (where a MemberCode names its code by targetGUID)
    const asProject = xml
      .replace(/<MemberCode guid=/g, '<MemberCode targetGUID=')
      .replace(/urn:QDA-XML:codebook:1\.0/, 'urn:QDA-XML:project:1.0')
      .replace(/<CodeBook ([^>]*)>/, '<Project $1 name="codebook"><CodeBook>')
      .replace('  </Codes>\n  <Sets>', '  </Codes></CodeBook>\n  <Sets>')
      .replace(/<\/CodeBook>\n$/, '</Project>\n');
    assert.deepEqual(xmllintSchema(asProject), { status: 0, output: 'project.qde validates\n' });
    assert.notEqual(xmllintSchema(asProject.replace('isCodable="true"', 'isCodable="yes"')).status, 0, 'xmllint rejects what the schema does not allow');
  });
});
