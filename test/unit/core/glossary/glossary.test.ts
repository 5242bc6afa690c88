import { strict as assert } from 'node:assert';
import { GlossarySet, parseGlossary, THEME_PALETTE, themeColor } from '../../../../src/core/glossary/glossary';
import type { GlossaryDiagnostic } from '../../../../src/core/glossary/glossary';

const GOOD = `version: 1
themes:
  - id: digital-diplomacy
    label: การทูตดิจิทัล
    label_en: Digital diplomacy
    color: "#4e79a7"
    gloss: Diplomacy by digital means.
    terms:
      - term: การทูตดิจิทัล
        whole_word: false
        en: Digital diplomacy
        gloss: The use of digital tools in diplomacy.
        aliases: [Digital Diplomacy, การทูตแบบดิจิทัล]
      - ข้อมูลข่าวสาร
    themes:
      - id: cyber
        label: ไซเบอร์
        terms: [ความมั่นคงไซเบอร์]
countries:
  - code: kr
    aliases: [สาธารณะรัฐเกาหลี]
`;

/** Errors only, as "line:column message" strings. */
function errorsOf(text: string, file = 'g.glossary.yaml'): string[] {
  return parseGlossary(text, file)
    .errors.filter((e) => e.severity === 'error')
    .map((e) => `${e.line}:${e.column} ${e.message}`);
}

function themesYaml(body: string): string {
  return `version: 1\nthemes:\n${body}`;
}

describe('parseGlossary', () => {
  it('reads themes, terms, aliases, nested themes and countries with their positions', () => {
    const { glossary, errors } = parseGlossary(GOOD, 'a.glossary.yaml');
    assert.deepEqual(errors, []);
    assert.ok(glossary);
    assert.equal(glossary.version, 1);
    const [theme] = glossary.themes;
    assert.equal(theme.id, 'digital-diplomacy');
    assert.equal(theme.label, 'การทูตดิจิทัล');
    assert.equal(theme.labelEn, 'Digital diplomacy');
    assert.equal(theme.color, '#4e79a7');
    assert.equal(theme.gloss, 'Diplomacy by digital means.');
    assert.equal(theme.depth, 0);
    assert.equal(theme.parent, undefined);
    assert.deepEqual(theme.source, { file: 'a.glossary.yaml', line: 3, column: 5 });
    assert.deepEqual(theme.terms[0], {
      term: 'การทูตดิจิทัล',
      wholeWord: false,
      aliases: ['Digital Diplomacy', 'การทูตแบบดิจิทัล'],
      theme: 'digital-diplomacy',
      source: { file: 'a.glossary.yaml', line: 9, column: 9 },
      en: 'Digital diplomacy',
      gloss: 'The use of digital tools in diplomacy.',
    });
    // a bare string is a term with no gloss
    assert.deepEqual(theme.terms[1], {
      term: 'ข้อมูลข่าวสาร',
      wholeWord: false,
      aliases: [],
      theme: 'digital-diplomacy',
      source: { file: 'a.glossary.yaml', line: 14, column: 9 },
    });
    const [cyber] = theme.themes;
    assert.equal(cyber.id, 'cyber');
    assert.equal(cyber.parent, 'digital-diplomacy');
    assert.equal(cyber.depth, 1);
    assert.deepEqual(cyber.source, { file: 'a.glossary.yaml', line: 16, column: 9 });
    assert.deepEqual(cyber.terms.map((t) => [t.term, t.theme, t.source.line, t.source.column]), [['ความมั่นคงไซเบอร์', 'cyber', 18, 17]]);
    assert.deepEqual(glossary.countries, [{ code: 'KR', aliases: ['สาธารณะรัฐเกาหลี'], source: { file: 'a.glossary.yaml', line: 20, column: 5 } }]);
  });

  it('reports invalid YAML at its line and column', () => {
    const result = parseGlossary('version: 1\nthemes:\n\t- id: a\n', 'bad.yaml');
    assert.equal(result.glossary, undefined);
    assert.deepEqual(
      result.errors.map((e) => [e.file, e.line, e.column, e.severity, e.message]),
      [['bad.yaml', 3, 1, 'error', 'invalid YAML: Tabs are not allowed as indentation']],
    );
    // an unclosed quote is found where the text ends
    const unclosed = parseGlossary('version: 1\nthemes:\n  - id: a\n    label: "open\n', 'bad.yaml');
    assert.deepEqual(
      unclosed.errors.map((e) => [e.line, e.column, e.message]),
      [[5, 1, 'invalid YAML: Missing closing "quote']],
    );
  });

  it('reports a missing id at the theme', () => {
    assert.deepEqual(errorsOf(themesYaml('  - label: ไม่มีรหัส\n')), ['3:5 theme is missing "id"']);
  });

  it('reports a bad id at its value', () => {
    assert.deepEqual(errorsOf(themesYaml('  - id: Digital_Diplomacy\n    label: x\n')), [
      '3:9 invalid theme id "Digital_Diplomacy": use lower-case letters, digits and "-", starting with a letter or digit',
    ]);
    assert.deepEqual(errorsOf(themesYaml('  - id: -trade\n    label: x\n')).length, 1);
  });

  it('reports a duplicate id in one file at the later occurrence', () => {
    const text = themesYaml('  - id: trade\n    label: การค้า\n  - id: trade\n    label: การค้าอีก\n');
    assert.deepEqual(errorsOf(text), ['5:9 duplicate theme id "trade"']);
  });

  it('reports a duplicate id between a theme and a nested theme', () => {
    const text = themesYaml('  - id: trade\n    label: การค้า\n    themes:\n      - id: trade\n        label: ซ้ำ\n');
    assert.deepEqual(errorsOf(text), ['6:13 duplicate theme id "trade"']);
  });

  it('reports a missing label', () => {
    assert.deepEqual(errorsOf(themesYaml('  - id: trade\n')), ['3:5 theme "trade" is missing "label"']);
  });

  it('reports a colour that is not a colour, and accepts #rgb, #rrggbb, #rrggbbaa', () => {
    assert.deepEqual(errorsOf(themesYaml('  - id: a\n    label: x\n    color: red\n')), ['5:12 "red" is not a colour: use #rgb, #rrggbb or #rrggbbaa']);
    assert.deepEqual(errorsOf(themesYaml('  - id: a\n    label: x\n    color: "#12345"\n')).length, 1);
    for (const c of ['#abc', '#A1b2C3', '#11223344']) assert.deepEqual(errorsOf(themesYaml(`  - id: a\n    label: x\n    color: "${c}"\n`)), []);
  });

  it('reports an empty term, written either way', () => {
    assert.deepEqual(errorsOf(themesYaml('  - id: a\n    label: x\n    terms:\n      - ""\n      - term: "  "\n      - term:\n')), [
      '6:9 empty term',
      '7:15 empty term',
      '8:14 empty term',
    ]);
  });

  it('reports a term made only of characters that normalization removes', () => {
    assert.deepEqual(errorsOf(themesYaml('  - id: a\n    label: x\n    terms: ["\\u200B"]\n')), ['5:13 empty term']);
  });

  it('reports a wrong or missing version, and missing themes', () => {
    assert.deepEqual(errorsOf('version: 2\nthemes: []\n'), ['1:10 unsupported "version": it must be 1']);
    assert.deepEqual(errorsOf('themes: []\n'), ['1:1 missing "version" (it must be 1)']);
    assert.deepEqual(errorsOf('version: 1\n'), ['1:1 missing "themes" (a list of themes)']);
    assert.deepEqual(errorsOf('- just a list\n'), ['1:1 a glossary must be a mapping with "version" and "themes"']);
  });

  it('warns about unknown keys and still gives the glossary', () => {
    const result = parseGlossary(themesYaml('  - id: a\n    label: x\n    colour: "#fff"\n'), 'w.yaml');
    assert.ok(result.glossary);
    assert.deepEqual(
      result.errors.map((e) => [e.severity, e.line, e.column, e.message]),
      [['warning', 5, 5, 'unknown key "colour" in a theme']],
    );
  });

  it('checks whole_word and the kinds of fields', () => {
    assert.deepEqual(errorsOf(themesYaml('  - id: a\n    label: x\n    terms:\n      - term: น้ำ\n        whole_word: yes please\n')), [
      '7:21 "whole_word" must be true or false',
    ]);
    assert.deepEqual(errorsOf(themesYaml('  - id: a\n    label: x\n    terms: ไม่ใช่รายการ\n')), ['5:12 "terms" must be a list']);
  });

  it('reads whole_word: true and numbers written as terms', () => {
    const { glossary } = parseGlossary(themesYaml('  - id: a\n    label: x\n    terms:\n      - term: น้ำ\n        whole_word: true\n      - 2030\n'), 'n.yaml');
    assert.ok(glossary);
    assert.deepEqual(
      glossary.themes[0].terms.map((t) => [t.term, t.wholeWord]),
      [
        ['น้ำ', true],
        ['2030', false],
      ],
    );
  });
});

describe('GlossarySet', () => {
  const A = themesYaml('  - id: trade\n    label: การค้า\n    terms: [การค้าเสรี]\n');
  const B = themesYaml('  - id: health\n    label: สาธารณสุข\n    terms: [วัคซีน]\n  - id: trade\n    label: การค้าซ้ำ\n    terms: [ภาษีศุลกากร]\n');

  it('merges files by theme id: a later file adds its terms to the theme, whose first label stays, with a warning', () => {
    const set = new GlossarySet();
    assert.deepEqual(set.update('a.yaml', A), []);
    const diagnostics: GlossaryDiagnostic[] = set.update('b.yaml', B);
    assert.deepEqual(
      diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.message]),
      [['b.yaml', 6, 5, 'warning', 'theme "trade" is already defined at a.yaml:3:5 with the label «การค้า»; that label stays (this file\'s terms are added to the theme)']],
    );
    assert.deepEqual(
      set.themes.map((t) => t.id),
      ['trade', 'health'],
    );
    assert.equal(set.theme('trade')?.label, 'การค้า');
    assert.deepEqual(
      set.termsOf('trade').map((t) => [t.term, t.source.file]),
      [
        ['การค้าเสรี', 'a.yaml'],
        ['ภาษีศุลกากร', 'b.yaml'],
      ],
    );
    assert.deepEqual(set.diagnostics('a.yaml'), []);
    // the parsed files themselves are left as they were
    assert.deepEqual(set.glossary('a.yaml')!.themes[0].terms.map((t) => t.term), ['การค้าเสรี']);
    // without the earlier file the later one's theme stands alone, with its own label
    set.remove('a.yaml');
    assert.deepEqual(set.diagnostics('b.yaml'), []);
    assert.equal(set.theme('trade')?.label, 'การค้าซ้ำ');
  });

  it('adds a term to a theme by id without a word of warning when the label is the same', () => {
    const builtin = themesYaml(
      '  - id: security-defence\n    label: ความมั่นคง\n    label_en: Security\n    terms: [ความมั่นคงแห่งชาติ]\n    themes:\n      - id: maritime-security\n        label: ความมั่นคงทางทะเล\n        terms: [เสรีภาพในการเดินเรือ]\n  - id: health\n    label: สาธารณสุข\n',
    );
    const workspace = themesYaml('  - id: security-defence\n    label: ความมั่นคง\n    terms:\n      - term: กองทัพเรือ\n        en: Navy\n');
    const set = new GlossarySet();
    set.update('builtin.yaml', builtin);
    assert.deepEqual(set.update('ws.yaml', workspace), []);
    assert.deepEqual(set.themes.map((t) => t.id), ['security-defence', 'health']);
    assert.deepEqual(set.termsOf('security-defence').map((t) => t.term), ['ความมั่นคงแห่งชาติ', 'กองทัพเรือ']);
    assert.equal(set.theme('security-defence')?.labelEn, 'Security');
    assert.equal(set.terms.length, 3);
  });

  it('puts a later file\'s sub-themes under the merged theme, depth first, and warns when it nests a theme elsewhere', () => {
    const set = new GlossarySet();
    set.update('a.yaml', themesYaml('  - id: economy\n    label: เศรษฐกิจ\n    themes:\n      - id: trade\n        label: การค้า\n  - id: health\n    label: สาธารณสุข\n'));
    const diagnostics = set.update(
      'b.yaml',
      themesYaml('  - id: trade\n    label: การค้า\n    color: "#123456"\n    themes:\n      - id: fta\n        label: เอฟทีเอ\n  - id: economy\n    label: เศรษฐกิจ\n    themes:\n      - id: tax\n        label: ภาษี\n'),
    );
    assert.deepEqual(
      diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`),
      ['3:5 warning theme "trade" is already defined at a.yaml:6:9 under «เศรษฐกิจ»; it stays there (this file\'s terms are added to it)'],
    );
    assert.deepEqual(
      set.flatThemes.map((f) => [f.theme.id, f.theme.depth, f.theme.parent ?? '', f.ancestors.map((a) => a.id).join('/')]),
      [
        ['economy', 0, '', ''],
        ['trade', 1, 'economy', 'economy'],
        ['fta', 2, 'trade', 'economy/trade'],
        ['tax', 1, 'economy', 'economy'],
        ['health', 0, '', ''],
      ],
    );
    assert.deepEqual(set.themes.map((t) => t.id), ['economy', 'health']);
    // a field the first definition leaves out comes from the later one
    assert.equal(set.theme('trade')?.color, '#123456');
  });

  it('warns about a different English label, and still reports a repeated id within one file as an error', () => {
    const set = new GlossarySet();
    set.update('a.yaml', themesYaml('  - id: trade\n    label: การค้า\n    label_en: Trade\n'));
    assert.deepEqual(
      set.update('b.yaml', themesYaml('  - id: trade\n    label: การค้า\n    label_en: Commerce\n')).map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`),
      ['3:5 warning theme "trade" is already defined at a.yaml:3:5 with the English label "Trade"; that label stays (this file\'s terms are added to the theme)'],
    );
    assert.deepEqual(
      set.update('c.yaml', themesYaml('  - id: x\n    label: ก\n  - id: x\n    label: ข\n')).map((d) => `${d.line}:${d.column} ${d.severity}`),
      ['5:9 error'],
    );
  });

  it('keeps the last good version of a file that has errors', () => {
    const set = new GlossarySet();
    set.update('a.yaml', A);
    const v1 = set.version;
    const diagnostics = set.update('a.yaml', 'version: 1\nthemes:\n  - id: trade\n    label: [oops\n');
    assert.equal(diagnostics[0].severity, 'error');
    assert.equal(set.version, v1);
    assert.deepEqual(
      set.termsOf('trade').map((t) => t.term),
      ['การค้าเสรี'],
    );
    assert.equal(set.diagnostics('a.yaml').length, diagnostics.length);
    // fixed: the new version replaces the old one
    assert.deepEqual(set.update('a.yaml', themesYaml('  - id: trade\n    label: การค้า\n    terms: [เขตการค้าเสรี]\n')), []);
    assert.notEqual(set.version, v1);
    assert.deepEqual(
      set.termsOf('trade').map((t) => t.term),
      ['เขตการค้าเสรี'],
    );
  });

  it('changes version only when the merged content changes', () => {
    const set = new GlossarySet();
    const v0 = set.version;
    set.update('a.yaml', A);
    const v1 = set.version;
    assert.notEqual(v1, v0);
    set.update('a.yaml', A);
    assert.equal(set.version, v1);
    assert.equal(set.remove('a.yaml'), true);
    assert.notEqual(set.version, v1);
    assert.equal(set.remove('a.yaml'), false);
    assert.deepEqual(set.themes, []);
  });

  it('a file with errors from the start contributes nothing', () => {
    const set = new GlossarySet();
    const diagnostics = set.update('bad.yaml', 'version: 3\nthemes: []\n');
    assert.equal(diagnostics.length, 1);
    assert.equal(set.version, 0);
    assert.equal(set.glossary('bad.yaml'), undefined);
    assert.deepEqual(set.files, ['bad.yaml']);
  });

  it('flattens nested themes with their ancestors, depth first', () => {
    const set = new GlossarySet();
    set.update(
      'n.yaml',
      themesYaml(
        '  - id: economy\n    label: เศรษฐกิจ\n    themes:\n      - id: trade\n        label: การค้า\n        themes:\n          - id: fta\n            label: เอฟทีเอ\n  - id: health\n    label: สาธารณสุข\n',
      ),
    );
    assert.deepEqual(
      set.flatThemes.map((f) => [f.theme.id, f.ancestors.map((a) => a.id).join('/')]),
      [
        ['economy', ''],
        ['trade', 'economy'],
        ['fta', 'economy/trade'],
        ['health', ''],
      ],
    );
    assert.deepEqual(
      set.ancestors('fta').map((t) => t.id),
      ['economy', 'trade'],
    );
    assert.equal(set.theme('fta')?.depth, 2);
  });

  it('collects extra country names', () => {
    const set = new GlossarySet();
    set.update('c.yaml', GOOD);
    assert.deepEqual(
      set.countryAliases.map((c) => [c.code, c.alias]),
      [['KR', 'สาธารณะรัฐเกาหลี']],
    );
  });
});

describe('themeColor', () => {
  it('uses the colour written, else a stable palette colour picked by the id', () => {
    assert.equal(themeColor({ id: 'trade', color: '#123456' }), '#123456');
    const c = themeColor({ id: 'trade' });
    assert.ok(THEME_PALETTE.includes(c));
    assert.equal(themeColor({ id: 'trade' }), c);
    const spread = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map((id) => themeColor({ id })));
    assert.ok(spread.size >= 5, `only ${spread.size} colours for 12 ids`);
  });
});
