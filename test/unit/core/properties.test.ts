/**
 * Property-based tests of the core's invariants with fast-check (issue 9, "make it last").
 *
 * In `npm test` they run with a fixed seed and a few thousand runs in all, so a failure is the
 * same on every machine. `npm run fuzz` runs the same properties for long with a random seed
 * (scripts/fuzz.mjs sets TPL_FUZZ_SEED and TPL_FUZZ_RUNS) and prints the seed of any failure;
 * `TPL_FUZZ_SEED=N npm run fuzz` replays it.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { Analyzer } from '../../../src/core/recognize/analyze';
import { GlossarySet, parseGlossary, parseGlossaryDocument } from '../../../src/core/glossary/glossary';
import { parseAnnotationsFile, serializeAnnotationsFile, type StoredTag } from '../../../src/core/tags/annotationsFile';
import { glossaryToQdc, qdcToGlossary } from '../../../src/core/exchange/qdc';
import { csvCell } from '../../../src/core/text/csv';
import { decodeText, DecodeError } from '../../../src/core/text/decode';
import type { Annotation } from '../../../src/core/types';

/** The seed and the scale: fixed in `npm test`; `npm run fuzz` sets both. */
const SEED = Number(process.env.TPL_FUZZ_SEED ?? 20260105);
const SCALE = Number(process.env.TPL_FUZZ_RUNS ?? 1);
const runs = (n: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * SCALE)) });

/** Pieces of Thai policy text and of what breaks it: words, dates, countries, marks, odd characters. */
const PIECES = [
  'ไทย', 'จีน', 'สหรัฐ', 'สหรัฐฯ', 'ฯลฯ', 'ฯ', 'ลาว', 'สปป.ลาว', 'ญี่ปุ่น', 'การค้าเสรี', 'ความมั่นคง', 'น้ำ', 'น้ำมัน',
  'พ.ศ.', 'ค.ศ.', '2566', '๒๕๖๖', '16', 'พฤศจิกายน', 'พ.ย.', 'ม.ค.', 'ปีหน้า', 'วันนี้', 'เมื่อวาน', 'พุทธศตวรรษที่', 'ทศวรรษ', 'ปีงบประมาณ',
  '-', '–', ' ถึง ', ' ', '  ', '\n', '\r\n', '\r', '\t', '\u200b', '\u00ad', '่', '้', 'ํา', 'ำ', 'ก', 'a', 'US', 'Thailand', '1', '9999', '0', '.',
  '\ud800', '\udc00', '😀', '\u2028', '\u0000', '"', ',', '=',
];
const thaiText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

const GLOSSARY = new GlossarySet();
GLOSSARY.update(
  'fuzz.glossary.yaml',
  'version: 1\nthemes:\n  - id: trade\n    label: การค้า\n    terms:\n      - การค้าเสรี\n      - term: น้ำ\n        whole_word: true\n      - term: ไทย\n        aliases: [ประเทศไทย]\n  - id: us\n    label: สหรัฐ\n    terms:\n      - term: สหรัฐ\n        whole_word: true\n',
);
const analyzer = new Analyzer(GLOSSARY);

const DATE_VALUE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A date value keeps the YYYY contract: years 0001-9999, real months and days. */
function validDateValue(value: string): boolean {
  const m = DATE_VALUE.exec(value);
  if (!m || m[1] === '0000') return false;
  if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 12)) return false;
  if (m[3] !== undefined) {
    const days = new Date(Date.UTC(2000, Number(m[2]), 0)).getUTCDate(); // a leap year: 29 February is checked by the scanner
    if (Number(m[3]) < 1 || Number(m[3]) > days) return false;
  }
  return true;
}

function checkAnnotations(text: string, found: readonly Annotation[]): void {
  let last = 0;
  for (const a of found) {
    assert.ok(Number.isInteger(a.start) && Number.isInteger(a.end) && a.start >= 0 && a.start < a.end && a.end <= text.length, `offsets ${a.start}-${a.end} in ${text.length}`);
    assert.ok(a.start >= last, 'sorted by start');
    last = a.start;
    assert.equal(a.text, text.slice(a.start, a.end));
    if (a.kind === 'date') {
      for (const v of [a.from, a.to]) if (v !== undefined) assert.ok(validDateValue(v), `date value ${v} of ${JSON.stringify(a.text)}`);
      if (a.from !== undefined && a.to !== undefined) assert.ok(a.from.slice(0, 4) <= a.to.slice(0, 4), `${a.from} after ${a.to}`);
    }
  }
}

describe('core properties (fast-check)', () => {
  it('analysis: offsets in range, sorted, text equals the slice, date values valid', function () {
    this.timeout(120000);
    const referenceDate = fc.constantFrom(undefined, '2025-06-15', '9999-12-31', '0001-01-01', '2024-02-29');
    fc.assert(
      fc.property(thaiText, referenceDate, (text, ref) => checkAnnotations(text, analyzer.analyze(text, { referenceDate: ref }))),
      runs(1500),
    );
  });

  it('glossaries: the quick reader agrees with yaml, and nothing throws', function () {
    this.timeout(120000);
    const scalar = fc.oneof(
      fc.constantFrom('ก', 'ความมั่นคง', 'a b', '1', 'true', 'null', '~', '0x1F', '1.5', 'x: y', '- z', '#c', "it's", 'a # b', '"q"', '[x]', '&a', '*a', '', ' '),
      fc.string({ maxLength: 6 }),
    );
    const quoted = (s: string, style: number): string => (style === 0 ? s : style === 1 ? JSON.stringify(s) : `'${s.replace(/'/g, "''")}'`);
    const term = fc.tuple(scalar, fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.array(scalar, { maxLength: 3 }));
    const theme = fc.tuple(fc.constantFrom('a', 'b', 'trade', 'Bad Id', '1'), scalar, fc.array(term, { maxLength: 4 }), fc.integer({ min: 0, max: 2 }));
    const glossary = fc.tuple(fc.array(theme, { maxLength: 3 }), fc.constantFrom('1', '2', '"1"'), fc.constantFrom('  ', '    ')).map(([themes, version, indent]) => {
      let text = `version: ${version}\nthemes:\n`;
      for (const [id, label, terms, style] of themes) {
        text += `${indent}- id: ${id}\n${indent}  label: ${quoted(label, style)}\n${indent}  terms:\n`;
        for (const [t, s, whole, aliases] of terms) {
          if (whole || aliases.length) {
            text += `${indent}    - term: ${quoted(t, s)}\n`;
            if (whole) text += `${indent}      whole_word: true\n`;
            if (aliases.length) text += `${indent}      aliases: [${aliases.map((a) => quoted(a, s)).join(', ')}]\n`;
          } else text += `${indent}    - ${quoted(t, s)}\n`;
        }
      }
      return text;
    });
    fc.assert(
      fc.property(glossary, (text) => {
        assert.deepEqual(parseGlossary(text, 'g.glossary.yaml'), parseGlossaryDocument(text, 'g.glossary.yaml'));
      }),
      runs(800),
    );
    // any text at all: diagnostics, never an exception (aliases, anchors, deep nesting, tabs ...)
    const yamlish = fc.array(fc.constantFrom('version: 1\n', 'themes:\n', '  - ', 'id: a\n', 'label: l\n', '&a ', '*a', '[', ']', '{', '}', ', ', '\t', '    ', '- ', 'terms: ', 'ก', '"', '\n', ': ', '#', '---\n'), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(
      fc.property(yamlish, (text) => {
        const result = parseGlossary(text, 'f.glossary.yaml');
        assert.ok(result.glossary !== undefined || result.errors.some((e) => e.severity === 'error'));
        assert.doesNotThrow(() => parseDocument(text));
      }),
      runs(800),
    );
  });

  it('annotations files: a written file reads back the same; any text reads or errors with a position', function () {
    this.timeout(120000);
    const text = fc.string({ maxLength: 12, unit: fc.constantFrom('ก', 'a', ' ', '\n', '"', '\\', '\u2028', '\u0001', '😀', 'ไทย') });
    const tag = fc.record({
      id: fc.stringMatching(/^[a-z0-9-]{1,8}$/),
      document: fc.constantFrom('a.txt', 'docs/มติ ครม.txt', 'x/y/z.md'),
      theme: fc.constantFrom('trade', 'own-1'),
      note: fc.option(text, { nil: undefined }),
      exact: text.filter((s) => s !== ''),
      start: fc.nat(1000),
      length: fc.nat(50),
    });
    fc.assert(
      fc.property(fc.uniqueArray(tag, { selector: (t) => t.id, maxLength: 5 }), (tags) => {
        const stored: StoredTag[] = tags.map((t) => {
          const s: StoredTag = {
            id: t.id,
            document: t.document,
            theme: t.theme,
            created: '2025-01-01T00:00:00.000Z',
            modified: '2025-01-02T00:00:00.000Z',
            quote: { type: 'TextQuoteSelector', exact: t.exact, prefix: '', suffix: '' },
            position: { type: 'TextPositionSelector', start: t.start, end: t.start + t.length },
          };
          if (t.note !== undefined) s.note = t.note;
          return s;
        });
        const data = { version: 1 as const, themes: [], tags: stored };
        const written = serializeAnnotationsFile(data);
        assert.deepEqual(parseAnnotationsFile(written).data, parseAnnotationsFile(serializeAnnotationsFile(parseAnnotationsFile(written).data!)).data);
        assert.equal(parseAnnotationsFile(written).data?.tags.length, stored.length);
      }),
      runs(600),
    );
    const jsonish = fc.array(fc.constantFrom('{', '}', '[', ']', '"version"', '"tags"', ':', ',', '1', '"x"', ' ', '\n', 'true', 'null', '//', '"\\u00', '\u0001', '-'), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(jsonish, (t) => {
        const r = parseAnnotationsFile(t);
        if (r.error) assert.ok(r.error.line >= 1 && r.error.column >= 1 && r.error.offset >= 0 && r.error.offset <= t.length, JSON.stringify(r.error));
      }),
      runs(1000),
    );
  });

  it('codebooks: glosses, English labels and aliases come back from a round trip as written', function () {
    this.timeout(120000);
    const line = fc.string({ maxLength: 10, unit: fc.constantFrom('ก', 'a', ' ', ';', '\\', ':', '\u2028', 'English:', 'Aliases:', 'Theme id: x', 'Matching: whole word', 'ไทย') });
    const nonEmpty = line.filter((s) => s.trim() !== '' && /^[^\s\u2028]/.test(s) && !/[\s\u2028]$/.test(s));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 3 }), fc.uniqueArray(nonEmpty, { maxLength: 3 }), (glossLines, aliases) => {
        const gloss = glossLines.join('\n').trim();
        const yaml = `version: 1\nthemes:\n  - id: sea\n    label: ทะเล\n    terms:\n      - term: เรือ\n        gloss: ${JSON.stringify(gloss)}\n        aliases: ${JSON.stringify(aliases.filter((a) => a !== 'เรือ'))}\n`;
        const parsed = parseGlossary(yaml, 'g.glossary.yaml');
        fc.pre(parsed.glossary !== undefined);
        const original = parsed.glossary!.themes[0].terms[0];
        const back = parseGlossary(qdcToGlossary(glossaryToQdc(parsed.glossary!.themes)).yaml, 'back.glossary.yaml').glossary!.themes[0].terms[0];
        assert.equal(back.gloss ?? '', (original.gloss ?? '').trim());
        assert.deepEqual(back.aliases, original.aliases);
        assert.equal(back.en, original.en);
      }),
      runs(400),
    );
  });

  it('text helpers: decoding gives back what was encoded; a CSV cell reads back as its (guarded) value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: 'grapheme' }), (s) => {
        const clean = s.replace(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/g, '');
        const decoded = decodeText(new TextEncoder().encode(clean));
        const bomless = clean.replace(/^\ufeff/, ''); // a leading U+FEFF is a byte order mark
        assert.equal(decoded.text, bomless);
        assert.equal(decoded.invalid, undefined);
        const units = Uint16Array.from({ length: bomless.length }, (_, i) => bomless.charCodeAt(i));
        assert.equal(decodeText(new Uint8Array([0xff, 0xfe, ...new Uint8Array(units.buffer)])).text, bomless);
      }),
      runs(1000),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        try {
          const d = decodeText(bytes);
          if (d.invalid) assert.ok(d.invalid.offset >= 0 && d.invalid.offset <= d.text.length);
        } catch (e) {
          assert.ok(e instanceof DecodeError, String(e));
        }
      }),
      runs(1000),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 20, unit: fc.constantFrom('a', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', 'ก') }), (value) => {
        const cell = csvCell(value);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        assert.ok(!cell.startsWith('"') || /^"(?:[^"]|"")*"$/.test(cell), cell);
        assert.equal(unquoted, /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
      }),
      runs(1000),
    );
  });
});
