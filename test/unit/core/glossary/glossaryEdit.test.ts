import { strict as assert } from 'node:assert';
import { addTermToGlossary, cleanTerm, GlossaryEditError, themeFileText } from '../../../../src/core/glossary/glossaryEdit';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseGlossary, type GlossaryTheme } from '../../../../src/core/glossary/glossary';
import { ROOT } from '../../../support/paths';

// A hand-written glossary: aligned comments, a block scalar, a flow list of aliases, `themes: []`.
const HAND_WRITTEN = `# Glossary of the Mekong desk. Keep ids stable: reports cite them.
version: 1
themes:
  - id: mekong                    # the Mekong-Lancang cooperation
    label: ความร่วมมือลุ่มน้ำโขง     # shown in the tree
    color: "#59a14f"
    terms:
      - term: ลุ่มน้ำโขง
        en: Mekong basin
        gloss: |
          พื้นที่ลุ่มแม่น้ำโขง
          ครอบคลุมหกประเทศ
        aliases: [แม่น้ำโขง, Mekong]
      - ความมั่นคงทางน้ำ          # water security
    themes: []                    # sub-themes later

  # ---- trade ----
  - id: trade
    label: การค้า
    themes:
      - id: trade-border
        label: การค้าชายแดน
        terms: [ด่านศุลกากร, จุดผ่านแดน]
`;

const lines = (text: string) => text.split('\n');

/** The lines of `after` that are not in `before`, in order (the file must only have grown). */
function insertedLines(before: string, after: string): string[] {
  const a = lines(before);
  const b = lines(after);
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  assert.equal(i + j, a.length, 'every line of the original is still there, in order');
  return b.slice(i, b.length - j);
}

describe('glossaryEdit.addTermToGlossary', () => {
  it('adds a bare term after the last term of a block list, changing nothing else', () => {
    const r = addTermToGlossary(HAND_WRITTEN, { term: 'เขื่อนแม่น้ำโขง', themeId: 'mekong' });
    assert.deepEqual(insertedLines(HAND_WRITTEN, r.text), ['      - เขื่อนแม่น้ำโขง']);
    assert.equal(lines(r.text)[14], '      - เขื่อนแม่น้ำโขง');
    assert.equal(r.line, 15);
    assert.equal(r.column, 9);
    assert.equal(r.themeId, 'mekong');
    assert.equal(r.layoutKept, true);
  });

  it('writes en and gloss as a mapping, quoting what YAML would misread', () => {
    const r = addTermToGlossary(HAND_WRITTEN, { term: 'คณะกรรมาธิการ  แม่น้ำโขง\n', themeId: 'mekong', en: 'Mekong River Commission: MRC', gloss: '#1 body for the basin' });
    assert.deepEqual(insertedLines(HAND_WRITTEN, r.text), [
      '      - term: คณะกรรมาธิการ แม่น้ำโขง',
      '        en: "Mekong River Commission: MRC"',
      '        gloss: "#1 body for the basin"',
    ]);
    assert.equal(r.line, 15);
    const parsed = parseGlossary(r.text, 'g.yaml');
    const term = parsed.glossary!.themes[0].terms[2];
    assert.deepEqual([term.term, term.en, term.gloss], ['คณะกรรมาธิการ แม่น้ำโขง', 'Mekong River Commission: MRC', '#1 body for the basin']);
  });

  it('adds `terms:` before `themes:` in a theme without terms', () => {
    const r = addTermToGlossary(HAND_WRITTEN, { term: 'เขตการค้าเสรี', themeId: 'trade', en: 'Free trade area' });
    assert.deepEqual(insertedLines(HAND_WRITTEN, r.text), ['    terms:', '      - term: เขตการค้าเสรี', '        en: Free trade area']);
    assert.equal(lines(r.text)[19], '    terms:');
    assert.equal(lines(r.text)[22], '    themes:');
    assert.equal(r.line, 21);
    assert.equal(r.layoutKept, true);
  });

  it('joins a bare term to a flow list on its line', () => {
    const r = addTermToGlossary(HAND_WRITTEN, { term: 'ใบอนุญาต, นำเข้า', themeId: 'trade-border' });
    assert.equal(lines(r.text)[22], '        terms: [ด่านศุลกากร, จุดผ่านแดน, "ใบอนุญาต, นำเข้า"]');
    assert.equal(lines(r.text).length, lines(HAND_WRITTEN).length);
    assert.equal(r.line, 23);
    assert.equal(r.column, 42);
    assert.deepEqual(parseGlossary(r.text, 'g').glossary!.themes[1].themes[0].terms.map((t) => t.term), ['ด่านศุลกากร', 'จุดผ่านแดน', 'ใบอนุญาต, นำเข้า']);
  });

  it('creates a new top-level theme at the end of the themes list', () => {
    const r = addTermToGlossary(HAND_WRITTEN, { term: 'ฝุ่นควันข้ามแดน', newTheme: { id: 'haze', label: 'หมอกควัน', labelEn: 'Transboundary haze' } });
    assert.deepEqual(insertedLines(HAND_WRITTEN, r.text), [
      '  - id: haze',
      '    label: หมอกควัน',
      '    label_en: Transboundary haze',
      '    terms:',
      '      - ฝุ่นควันข้ามแดน',
    ]);
    assert.equal(r.line, 28);
    assert.equal(r.themeId, 'haze');
    assert.deepEqual(parseGlossary(r.text, 'g').glossary!.themes.map((t) => t.id), ['mekong', 'trade', 'haze']);
  });

  it('creates a sub-theme in `themes: []`, keeping the comment where it was', () => {
    const r = addTermToGlossary(HAND_WRITTEN, { term: 'ประมงน้ำจืด', newTheme: { id: 'mekong-fishery', label: 'ประมง', parentId: 'mekong' } });
    const out = lines(r.text);
    assert.equal(out[14], '    themes:                       # sub-themes later');
    assert.equal(out[14].indexOf('#'), lines(HAND_WRITTEN)[14].indexOf('#'), 'the comment stays in its column');
    assert.deepEqual(out.slice(15, 19), ['      - id: mekong-fishery', '        label: ประมง', '        terms:', '          - ประมงน้ำจืด']);
    assert.equal(r.line, 19);
    assert.equal(r.layoutKept, true);
    const g = parseGlossary(r.text, 'g').glossary!;
    assert.equal(g.themes[0].themes[0].parent, 'mekong');
  });

  it('fills `terms:` written with no value', () => {
    const text = 'version: 1\nthemes:\n  - id: a\n    label: เอ\n    terms:\n';
    const r = addTermToGlossary(text, { term: 'คำ', themeId: 'a' });
    assert.equal(r.text, 'version: 1\nthemes:\n  - id: a\n    label: เอ\n    terms:\n      - คำ\n');
    assert.equal(r.line, 6);
  });

  it('keeps CRLF line ends and a file without a final line break', () => {
    const text = 'version: 1\r\nthemes:\r\n  - id: a\r\n    label: เอ\r\n    terms:\r\n      - หนึ่ง';
    const r = addTermToGlossary(text, { term: 'สอง', themeId: 'a', gloss: 'ที่สอง' });
    assert.equal(r.text, 'version: 1\r\nthemes:\r\n  - id: a\r\n    label: เอ\r\n    terms:\r\n      - หนึ่ง\r\n      - term: สอง\r\n        gloss: ที่สอง\r\n');
    assert.equal(r.line, 7);
  });

  it('writes a new file from an empty text, and after a file of comments only', () => {
    const r = addTermToGlossary('', { term: 'ทะเลอันดามัน', newTheme: { id: 'andaman', label: 'อันดามัน' } });
    assert.equal(r.text, '# Thai Policy Lens glossary (format: version 1): themes and the terms that signal them.\n\nversion: 1\nthemes:\n  - id: andaman\n    label: อันดามัน\n    terms:\n      - ทะเลอันดามัน\n');
    assert.equal(r.line, 8);
    const c = addTermToGlossary('# notes\n', { term: 'ทะเลอันดามัน', newTheme: { id: 'andaman', label: 'อันดามัน' } });
    assert.ok(c.text.startsWith('# notes\n#'));
    assert.equal(parseGlossary(c.text, 'g').glossary!.themes[0].terms[0].term, 'ทะเลอันดามัน');
  });

  it('falls back to the YAML library for a flow list of mappings, keeping the content', () => {
    const text = 'version: 1\nthemes: [{id: a, label: เอ, terms: [หนึ่ง]}]\n';
    const r = addTermToGlossary(text, { term: 'สอง', themeId: 'a', en: 'two' });
    assert.equal(r.layoutKept, false);
    const g = parseGlossary(r.text, 'g').glossary!;
    assert.deepEqual(g.themes[0].terms.map((t) => [t.term, t.en]), [['หนึ่ง', undefined], ['สอง', 'two']]);
  });

  it('refuses a term already in the theme, also as an alias or written differently', () => {
    const dup = (term: string) => {
      try {
        addTermToGlossary(HAND_WRITTEN, { term, themeId: 'mekong' });
      } catch (e) {
        assert.ok(e instanceof GlossaryEditError);
        assert.equal(e.problem, 'duplicate-term');
        return e.message;
      }
      assert.fail(`"${term}" was added twice`);
    };
    assert.equal(dup('ลุ่มน้ำโขง'), '"ลุ่มน้ำโขง" is already a term of theme "mekong"');
    assert.equal(dup('mekong'), '"mekong" is already an alias of "ลุ่มน้ำโขง" in theme "mekong"');
    assert.equal(dup(' ความมั่นคงทางน้ำ '), '"ความมั่นคงทางน้ำ" is already a term of theme "mekong"');
    // the same term in another theme is allowed
    assert.equal(addTermToGlossary(HAND_WRITTEN, { term: 'ลุ่มน้ำโขง', themeId: 'trade' }).themeId, 'trade');
  });

  it('says where a file does not parse', () => {
    const broken = 'version: 1\nthemes:\n  - id: a\n    label: [unclosed\n';
    assert.throws(
      () => addTermToGlossary(broken, { term: 'x', themeId: 'a' }),
      (e: unknown) => e instanceof GlossaryEditError && e.problem === 'yaml' && e.line === 5 && /^invalid YAML at line 5, column 1: /.test(e.message),
    );
    assert.throws(() => addTermToGlossary('- just\n- a list\n', { term: 'x', themeId: 'a' }), (e: unknown) => e instanceof GlossaryEditError && e.problem === 'structure');
  });

  it('refuses an unknown theme, an empty term, and a bad or used new theme id', () => {
    const problem = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof GlossaryEditError ? e.problem : String(e);
      }
      return 'no error';
    };
    assert.equal(problem(() => addTermToGlossary(HAND_WRITTEN, { term: 'x', themeId: 'nope' })), 'unknown-theme');
    assert.equal(problem(() => addTermToGlossary(HAND_WRITTEN, { term: ' \n\u200b', themeId: 'mekong' })), 'empty-term');
    assert.equal(problem(() => addTermToGlossary(HAND_WRITTEN, { term: 'x', newTheme: { id: 'Bad_Id', label: 'x' } })), 'invalid-id');
    assert.equal(problem(() => addTermToGlossary(HAND_WRITTEN, { term: 'x', newTheme: { id: 'trade-border', label: 'x' } })), 'duplicate-theme');
    assert.equal(problem(() => addTermToGlossary(HAND_WRITTEN, { term: 'x', newTheme: { id: 'new', label: '  ' } })), 'empty-label');
    assert.equal(problem(() => addTermToGlossary('', { term: 'x', themeId: 'mekong' })), 'unknown-theme');
  });

  it('cleanTerm makes white space runs one space', () => {
    assert.equal(cleanTerm('  ความ\tร่วม\n\nมือ  '), 'ความ ร่วม มือ');
  });

  it('extends a theme defined elsewhere by its id, writing the ancestors the file lacks around it', () => {
    const ancestors = [{ id: 'security-defence', label: 'ความมั่นคงและการป้องกันประเทศ', labelEn: 'Security and defence' }];
    const maritime = { id: 'maritime-security', label: 'ความมั่นคงทางทะเล', labelEn: 'Maritime security', ancestors };
    // a new file: the parent as a skeleton (id and labels), the theme under it
    const fresh = addTermToGlossary('', { term: 'เรือตรวจการณ์', newTheme: maritime });
    assert.deepEqual(parseGlossary(fresh.text, 'g.yaml').errors, []);
    const [top] = parseGlossary(fresh.text, 'g.yaml').glossary!.themes;
    assert.deepEqual([top.id, top.label, top.labelEn, top.terms.length], ['security-defence', 'ความมั่นคงและการป้องกันประเทศ', 'Security and defence', 0]);
    assert.deepEqual([top.themes[0].id, top.themes[0].terms.map((t) => t.term)], ['maritime-security', ['เรือตรวจการณ์']]);
    assert.equal(fresh.themeId, 'maritime-security');
    // a file that defines the parent: the theme goes under it, the rest of the file as it was
    const withParent = 'version: 1\nthemes:\n  - id: security-defence\n    label: ความมั่นคงและการป้องกันประเทศ\n    terms: [กองทัพเรือ]\n';
    const r = addTermToGlossary(withParent, { term: 'เรือตรวจการณ์', newTheme: maritime });
    assert.deepEqual(insertedLines(withParent, r.text), ['    themes:', '      - id: maritime-security', '        label: ความมั่นคงทางทะเล', '        label_en: Maritime security', '        terms:', '          - เรือตรวจการณ์']);
    assert.equal(r.layoutKept, true);
  });
});

describe('glossaryEdit.themeFileText', () => {
  it('copies one theme as written, comments and all, into a glossary file of its own', () => {
    const text = themeFileText(HAND_WRITTEN, 'mekong', ['Copied from the built-in glossary.', 'Edit freely.']);
    // the theme's lines of HAND_WRITTEN (its comments, block scalar and flow list too), after the header
    const theme = lines(HAND_WRITTEN).slice(3, 15);
    assert.equal(theme[0], '  - id: mekong                    # the Mekong-Lancang cooperation');
    assert.equal(theme[11], '    themes: []                    # sub-themes later');
    assert.equal(text, ['# Copied from the built-in glossary.', '# Edit freely.', 'version: 1', 'themes:', ...theme, ''].join('\n'));
    assert.deepEqual(parseGlossary(text, 'copy.yaml').errors, []);
  });

  it('puts a nested theme inside skeletons of its ancestors, re-indented', () => {
    const text = themeFileText(HAND_WRITTEN, 'trade-border');
    assert.equal(text, 'version: 1\nthemes:\n  - id: trade\n    label: การค้า\n    themes:\n      - id: trade-border\n        label: การค้าชายแดน\n        terms: [ด่านศุลกากร, จุดผ่านแดน]\n');
    const parsed = parseGlossary(text, 'copy.yaml');
    assert.deepEqual(parsed.glossary!.themes[0].themes[0].terms.map((t) => t.term), ['ด่านศุลกากร', 'จุดผ่านแดน']);
    assert.throws(() => themeFileText(HAND_WRITTEN, 'nowhere'), GlossaryEditError);
  });

  it('copies every theme of the built-in glossary files into a file that parses, with the same terms', () => {
    const dir = path.join(ROOT, 'glossaries');
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.glossary.yaml'))) {
      const source = fs.readFileSync(path.join(dir, name), 'utf8');
      const original = parseGlossary(source, name).glossary!;
      const flat = (themes: GlossaryTheme[]): GlossaryTheme[] => themes.flatMap((t) => [t, ...flat(t.themes)]);
      for (const theme of flat(original.themes)) {
        const copy = parseGlossary(themeFileText(source, theme.id), 'copy.yaml');
        assert.deepEqual(copy.errors, [], `${name}: ${theme.id}`);
        const copied = flat(copy.glossary!.themes).find((t) => t.id === theme.id)!;
        assert.deepEqual(flat([copied]).map((t) => [t.id, t.terms.map((x) => x.term)]), flat([theme]).map((t) => [t.id, t.terms.map((x) => x.term)]), `${name}: ${theme.id}`);
      }
    }
  });
});
