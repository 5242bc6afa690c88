/**
 * The TextMate grammar of the `thai-policy` language (syntaxes/thai-policy.tmLanguage.json):
 * its regexes compile, its line rules agree with parseStructure (which builds the outline), and,
 * when the VS Code server that the integration tests install is in .cache/, VS Code's own
 * tokenizer (vscode-textmate with Oniguruma) gives the expected scopes.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseStructure } from '../../../src/core/recognize/structure';

import { ROOT } from '../../support/paths';
const GRAMMAR_FILE = path.join(ROOT, 'syntaxes', 'thai-policy.tmLanguage.json');

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  include?: string;
  patterns?: Rule[];
}
interface Grammar extends Rule {
  scopeName: string;
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(fs.readFileSync(GRAMMAR_FILE, 'utf8')) as Grammar;

/** Every rule of the grammar, with where it is. */
function allRules(): Array<{ where: string; rule: Rule }> {
  const out: Array<{ where: string; rule: Rule }> = [];
  const visit = (where: string, rule: Rule) => {
    out.push({ where, rule });
    rule.patterns?.forEach((r, i) => visit(`${where}.patterns[${i}]`, r));
  };
  grammar.patterns?.forEach((r, i) => visit(`patterns[${i}]`, r));
  for (const [key, rule] of Object.entries(grammar.repository)) visit(key, rule);
  return out;
}

/** The JavaScript form of a grammar regex (the grammar uses only syntax both engines share). */
function jsRegex(source: string): RegExp {
  return new RegExp(source, 'u');
}

/** Which line rule of the grammar a line starts with, as a parseStructure kind. */
function grammarKind(line: string): string {
  const rules: Array<[string, string]> = [
    ['separator', 'none'],
    ['footnote', 'none'],
    ['numbered-heading', 'heading'],
    ['title', 'title'],
    ['heading', 'heading'],
    ['clause', 'clause'],
  ];
  for (const [key, kind] of rules) {
    const rule = grammar.repository[key];
    if (jsRegex((rule.begin ?? rule.match)!).test(line)) return kind;
  }
  return 'none';
}

function parserKind(line: string): string {
  return parseStructure(line)[0]?.kind ?? 'none';
}

describe('thai-policy grammar', () => {
  it('has the scope name and the line rules package.json expects', () => {
    assert.equal(grammar.scopeName, 'text.thai-policy');
    for (const key of ['separator', 'footnote', 'numbered-heading', 'title', 'heading', 'clause', 'bullet', 'url', 'quoted', 'footnote-ref']) {
      assert.ok(grammar.repository[key], `repository.${key}`);
    }
  });

  it('compiles every regex and resolves every include', () => {
    for (const { where, rule } of allRules()) {
      for (const field of ['match', 'begin', 'end'] as const) {
        const source = rule[field];
        if (source !== undefined) assert.doesNotThrow(() => jsRegex(source), `${where}.${field}: ${source}`);
      }
      if (rule.include?.startsWith('#')) assert.ok(grammar.repository[rule.include.slice(1)], `${where} includes ${rule.include}`);
    }
  });

  it('agrees with parseStructure on which lines are titles, headings and clauses', () => {
    const lines: Array<[string, string]> = [
      ['สาระสำคัญของเรื่อง', 'heading'],
      ['ข้อเท็จจริงและข้อกฎหมาย', 'heading'],
      ['ความเห็นของส่วนราชการ', 'heading'],
      ['มติคณะรัฐมนตรี', 'heading'],
      ['มติคณะรัฐมนตรี เรื่อง ความร่วมมือด้านการทูตดิจิทัล', 'heading'],
      ['ข้อเสนอ: ให้กระทรวงการต่างประเทศเป็นหน่วยงานหลักในการประสานงานกับประเทศสมาชิกทั้งหมด', 'heading'],
      ['ประเด็นหลักที่ 1 : การพัฒนากรอบนโยบาย', 'heading'],
      ['ประเด็นที่ ๒ การจัดการวิกฤต', 'heading'],
      ['ส่วนที่ 3 การประชุม', 'heading'],
      ['หมวด ๑ บททั่วไป', 'heading'],
      ['Part 2: Ceasefire Observation', 'heading'],
      ['เรื่อง ร่างแผนปฏิบัติการ', 'title'],
      ['เรื่อง: การประชุมรัฐมนตรี', 'title'],
      ['1. กระทรวงการต่างประเทศรายงาน', 'clause'],
      ['1.ร่างแผนงาน', 'clause'],
      ['8.1 ดำรงการติดต่อสื่อสาร', 'clause'],
      ['๑.๒.๓ การแลกเปลี่ยน', 'clause'],
      ['2) การรับรองเอกสาร', 'clause'],
      ['(1) รายจ่ายประจำ', 'clause'],
      ['(ก) พัฒนาขีดความสามารถ', 'clause'],
      ['(a) cooperation', 'clause'],
      ['ก. ด้านการเมือง', 'clause'],
      ['ข) ด้านเศรษฐกิจ', 'clause'],
      ['ข้อ ๑ ระเบียบนี้เรียกว่า', 'clause'],
      ['มาตรา ๓/๑ ให้มีคณะกรรมการ', 'clause'],
      ['  2. ย่อหน้าด้วยช่องว่าง', 'clause'],
      ['16.11.2564 เป็นวันประชุม', 'none'],
      ['10.30 น. เริ่มการประชุม', 'none'],
      ['2566 เป็นปีแห่งความร่วมมือ', 'none'],
      ['ก.พ. 2567 หน่วยงานจัดทำรายละเอียด', 'none'],
      ['ค.ศ. 2025 เป็นปีสำคัญ', 'none'],
      ['ข้อเสนอดังกล่าวได้รับความเห็นชอบ', 'none'],
      ['เรื่องนี้อยู่ระหว่างการพิจารณา', 'none'],
      ['ประเด็นที่น่าสนใจคือการค้า', 'none'],
      ['มติคณะรัฐมนตรี เมื่อวันที่ 16 มกราคม 2567 ให้ความเห็นชอบวงเงินงบประมาณรายจ่ายประจำปี', 'none'],
      ['___________________', 'none'],
      ['คณะรัฐมนตรีมีมติเห็นชอบ', 'none'],
    ];
    for (const [line, kind] of lines) {
      assert.equal(parserKind(line), kind, `parseStructure: ${line}`);
      assert.equal(grammarKind(line), kind, `grammar: ${line}`);
    }
  });

  it('marks separators, footnotes, quoted titles and links', () => {
    const rule = (key: string) => grammar.repository[key];
    assert.ok(jsRegex(rule('separator').match!).test('___________________'));
    assert.ok(jsRegex(rule('separator').match!).test('........................'));
    assert.ok(!jsRegex(rule('separator').match!).test('... ต่อ'));
    assert.ok(jsRegex(rule('footnote').begin!).test('* การทูตดิจิทัล คือ'));
    assert.ok(jsRegex(rule('footnote').begin!).test('[1] ดูรายละเอียด'));
    const url = jsRegex(rule('url').match!);
    assert.equal(url.exec('ที่มา : https://www.thaigov.go.th/news/contents/details/1234.')?.[0], 'https://www.thaigov.go.th/news/contents/details/1234');
    const quoted = rule('quoted').patterns!.map((p) => jsRegex(p.match!));
    assert.equal(quoted[0].exec('หัวข้อ “การทูตดิจิทัลในยุคใหม่” โดย')?.[0], '“การทูตดิจิทัลในยุคใหม่”');
    const ref = jsRegex(rule('footnote-ref').patterns![0].match!);
    assert.equal(ref.exec('ด้านการทูตดิจิทัล* “ถอดหน้ากาก”')?.index, 'ด้านการทูตดิจิทัล'.length);
  });

  describe('with VS Code’s tokenizer', () => {
    /** vscode-textmate and vscode-oniguruma from the VS Code server in .cache/, if it is installed. */
    function vscodeModules(): string | undefined {
      const cache = path.join(ROOT, '.cache');
      if (!fs.existsSync(cache)) return undefined;
      for (const dir of fs.readdirSync(cache)) {
        const modules = path.join(cache, dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
        if (dir.startsWith('code-server-') && fs.existsSync(path.join(modules, 'vscode-textmate')) && fs.existsSync(path.join(modules, 'vscode-oniguruma'))) {
          return modules;
        }
      }
      return undefined;
    }

    /** Scopes (without the `.thai-policy` suffix and the root scope) of each token of each line. */
    async function tokenize(lines: string[]): Promise<Array<Array<[string, string]>>> {
      const modules = vscodeModules()!;
      /* eslint-disable @typescript-eslint/no-require-imports */
      const tm = require(path.join(modules, 'vscode-textmate'));
      const onig = require(path.join(modules, 'vscode-oniguruma'));
      /* eslint-enable @typescript-eslint/no-require-imports */
      const wasm = fs.readFileSync(path.join(modules, 'vscode-oniguruma', 'release', 'onig.wasm'));
      await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).catch(() => undefined);
      const registry = new tm.Registry({
        onigLib: Promise.resolve({
          createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
          createOnigString: (s: string) => new onig.OnigString(s),
        }),
        loadGrammar: async (scope: string) => (scope === 'text.thai-policy' ? tm.parseRawGrammar(fs.readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null),
      });
      const g = await registry.loadGrammar('text.thai-policy');
      let state = tm.INITIAL;
      return lines.map((line) => {
        const r = g.tokenizeLine(line, state);
        state = r.ruleStack;
        return r.tokens.map((t: { startIndex: number; endIndex: number; scopes: string[] }) => [
          line.slice(t.startIndex, t.endIndex),
          t.scopes.slice(1).map((s) => s.replace(/\.thai-policy$/, '')).join(' '),
        ]);
      });
    }

    before(function () {
      if (!vscodeModules()) this.skip(); // run `npm run test:vscode` once to install the VS Code server
    });

    it('gives headings, clauses, quotes, links, separators and footnotes their scopes', async () => {
      const lines = [
        'สาระสำคัญของเรื่อง',
        'ประเด็นหลักที่ 1 : การพัฒนากรอบนโยบาย',
        '1. หัวข้อ “การทูตดิจิทัล” ที่ https://example.org/a',
        '(ก) ข้อย่อย',
        'เรื่อง ความร่วมมือ',
        '16.11.2564 ไม่ใช่ข้อ',
        '_____',
        '* เชิงอรรถ',
      ];
      assert.deepEqual(await tokenize(lines), [
        [['สาระสำคัญของเรื่อง', 'markup.heading entity.name.section']],
        [
          ['ประเด็นหลักที่ 1', 'markup.heading.numbered entity.name.section'],
          [' : การพัฒนากรอบนโยบาย', 'markup.heading.numbered'],
        ],
        [
          ['1.', 'markup.list.numbered punctuation.definition.list.begin constant.numeric.list-marker'],
          [' หัวข้อ ', 'markup.list.numbered'],
          ['“', 'markup.list.numbered string.quoted.double punctuation.definition.string.begin'],
          ['การทูตดิจิทัล', 'markup.list.numbered string.quoted.double'],
          ['”', 'markup.list.numbered string.quoted.double punctuation.definition.string.end'],
          [' ที่ ', 'markup.list.numbered'],
          ['https://example.org/a', 'markup.list.numbered markup.underline.link'],
        ],
        [
          ['(ก)', 'markup.list.numbered punctuation.definition.list.begin constant.numeric.list-marker'],
          [' ข้อย่อย', 'markup.list.numbered'],
        ],
        [
          ['เรื่อง', 'markup.heading.title keyword.other.subject'],
          [' ความร่วมมือ', 'markup.heading.title entity.name.section.title'],
        ],
        [['16.11.2564 ไม่ใช่ข้อ', '']],
        [['_____', 'comment.line.separator']],
        [
          ['*', 'comment.line.footnote punctuation.definition.comment.footnote'],
          [' เชิงอรรถ', 'comment.line.footnote'],
        ],
      ]);
    });
  });
});
