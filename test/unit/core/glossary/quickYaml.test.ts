import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { generateTerms, glossaryYaml } from '../../../../src/tools/measureGenerate';
import { SeededRandom } from '../../../../src/tools/measureRandom';
import { parseGlossary, parseGlossaryDocument } from '../../../../src/core/glossary/glossary';
import { readPlainYaml } from '../../../../src/core/glossary/quickYaml';
import { BUILTIN_PACKS } from '../../../../src/core/glossary/packs';

import { ROOT } from '../../../support/paths';

/** What the glossary reader uses of a node: its kind, start offset, value and source, and its items. */
function dump(node: unknown): unknown {
  if (isMap(node)) return { map: node.range?.[0], items: node.items.map((p) => (isPair(p) ? [dump(p.key), dump(p.value)] : '?')) };
  if (isSeq(node)) return { seq: node.range?.[0], items: node.items.map(dump) };
  if (isScalar(node)) return { scalar: node.range?.[0], value: node.value, source: node.source };
  return node === null ? null : '?';
}

/** The plain reader's nodes and line positions agree with the `yaml` package's. */
function agrees(text: string): void {
  const plain = readPlainYaml(text);
  assert.ok(plain, `not read: ${JSON.stringify(text)}`);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  assert.deepEqual(doc.errors, []);
  assert.deepEqual(dump(plain.contents), dump(doc.contents), JSON.stringify(text));
  for (let offset = 0; offset <= text.length; offset += 7) assert.deepEqual(plain.lines.linePos(offset), lines.linePos(offset));
}

describe('readPlainYaml', () => {
  it('reads block mappings and sequences, compact mappings and comments as yaml does', () => {
    agrees('version: 1\nthemes:\n  - id: a\n    label: ก\n    terms:\n      - ข\n      - term: ค # a comment\n        aliases: [ง, "จ", \'ฉ\']\n');
    agrees('# heading\nversion: 1\n\nthemes:\n- id: a   \n  label: ก\n  terms: []\n  themes:\n    -   id: b\n        label: ข\n');
    agrees('key:\n  -\n    id: x\n  - plain with spaces and a # inside#\n');
    agrees('- a\n- b: c\n');
  });

  it('types plain scalars as the core schema does, and reads quoted escapes', () => {
    agrees('a: 1\nb: +12\nc: true\nd: False\ne: 2566x\nf: "\\u0e01\\"\\\\ \\t"\ng: \'it\'\'s\'\nh: [1, yes, no, "2"]\ni: http://x.y/z\n');
  });

  it('gives the same positions with CRLF line ends', () => {
    agrees('version: 1\r\nthemes:\r\n  - id: a\r\n    label: ก\r\n');
  });

  it('gives up on what it does not read, so that yaml parses it', () => {
    const outside = [
      'a: |\n  text\n',
      'a: >-\n  text\n',
      'a: &x 1\nb: *x\n',
      'a: !tag b\n',
      'a: {b: 1}\n',
      'a: plain\n  continued\n',
      'a: "quoted\n  continued"\n',
      'a:\n\t- b\n',
      'a: 1\na: 2\n',
      '---\na: 1\n',
      '%YAML 1.2\n---\na: 1\n',
      'a:\n',
      'a: ~\n',
      'a: null\n',
      'a: 1.5\n',
      'a: 0x1F\n',
      'a: [b, c,]\n',
      'a: [b,\n  c]\n',
      'a: "b\\x41"\n',
      'a: b: c\n',
      'a: -1\n',
      '\ufeffa: 1\n',
      '? a\n: b\n',
      'a: b\n  c: d\n',
      '',
    ];
    for (const text of outside) assert.equal(readPlainYaml(text), undefined, JSON.stringify(text));
  });

  it('reads every built-in pack and a large generated glossary, and the glossary read is the same as with yaml', () => {
    const packs = BUILTIN_PACKS.map((p) => fs.readFileSync(path.join(ROOT, 'glossaries', p.file), 'utf8'));
    const generated = glossaryYaml(generateTerms(3000, new SeededRandom(5)));
    for (const text of [...packs, generated]) {
      assert.ok(readPlainYaml(text));
      const quick = parseGlossary(text, 'g.glossary.yaml');
      assert.deepEqual(quick.errors, []);
      assert.deepEqual(quick, parseGlossaryDocument(text, 'g.glossary.yaml'));
    }
  });

  it('leaves the diagnostics of a file with problems to yaml, with their positions', () => {
    const text = 'version: 1\nthemes:\n  - id: Bad\n    label: ก\n    colour: "#fff"\n    terms: [ข]\n';
    assert.ok(readPlainYaml(text));
    const result = parseGlossary(text, 'g.glossary.yaml');
    assert.equal(result.glossary, undefined);
    assert.deepEqual(result, parseGlossaryDocument(text, 'g.glossary.yaml'));
    assert.deepEqual(
      result.errors.map((e) => [e.line, e.column, e.severity]),
      [
        [3, 9, 'error'],
        [5, 5, 'warning'],
      ],
    );
  });
});
