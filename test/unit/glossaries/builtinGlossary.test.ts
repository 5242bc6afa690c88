/**
 * Checks the shipped glossary data: glossaries/builtin.glossary.yaml, samples/sample.glossary.yaml,
 * schemas/glossary.schema.json and the sample documents in samples/.
 * Reads the files with the `yaml` package directly (not with the real glossary loader), so that
 * these checks are about the data only.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';

/** Repository root, from the compiled test at out/test/unit/. */
import { ROOT } from '../../support/paths';
const BUILTIN_FILE = path.join(ROOT, 'glossaries', 'builtin.glossary.yaml');
const SAMPLE_GLOSSARY_FILE = path.join(ROOT, 'samples', 'sample.glossary.yaml');
const SCHEMA_FILE = path.join(ROOT, 'schemas', 'glossary.schema.json');
const SAMPLES_DIR = path.join(ROOT, 'samples');

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const COLOR_PATTERN = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a YAML file; fails on any YAML error or warning (duplicate keys included). */
function loadYaml(file: string): JsonObject {
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  assert.deepEqual(doc.errors.map((e) => e.message), [], `YAML errors in ${file}`);
  assert.deepEqual(doc.warnings.map((e) => e.message), [], `YAML warnings in ${file}`);
  const data: unknown = doc.toJS();
  assert.ok(isObject(data), `${file} is not a YAML mapping`);
  return data as JsonObject;
}

/** One term as written in a glossary: the canonical text, its aliases and the theme it sits in. */
interface FlatTerm {
  themeId: string;
  /** id of the top-level theme this term belongs to (itself or an ancestor) */
  topId: string;
  term: string;
  aliases: string[];
  en?: string;
  wholeWord: boolean;
  /** true where the term was written as a bare string */
  bare: boolean;
}

/** One theme with its parent, flattened out of the nested `themes` lists. */
interface FlatTheme {
  id: string;
  topId: string;
  depth: number;
  node: JsonObject;
  terms: FlatTerm[];
}

function asString(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Flattens nested themes (depth first, in file order). */
function flattenThemes(list: Json | undefined, depth = 0, topId?: string, out: FlatTheme[] = []): FlatTheme[] {
  assert.ok(Array.isArray(list), 'themes must be a list');
  for (const node of list) {
    assert.ok(isObject(node), 'a theme must be a mapping');
    const id = String(node.id);
    const top = topId ?? id;
    const terms: FlatTerm[] = [];
    for (const raw of (node.terms ?? []) as Json[]) {
      if (typeof raw === 'string') {
        terms.push({ themeId: id, topId: top, term: raw, aliases: [], wholeWord: false, bare: true });
      } else {
        assert.ok(isObject(raw), `theme ${id}: a term must be a string or a mapping`);
        terms.push({
          themeId: id,
          topId: top,
          term: String(raw.term ?? ''),
          aliases: ((raw.aliases ?? []) as Json[]).map(String),
          en: asString(raw.en),
          wholeWord: raw.whole_word === true,
          bare: false,
        });
      }
    }
    out.push({ id, topId: top, depth, node, terms });
    if (node.themes !== undefined) flattenThemes(node.themes, depth + 1, top, out);
  }
  return out;
}

/** Every matched form of a term: the term itself and its aliases. */
function surfaces(t: FlatTerm): string[] {
  return [t.term, ...t.aliases];
}

const THAI_DIGIT_ZERO = 0x0e50;

/**
 * The comparison form of the glossary spec's normalization: Thai digits as ASCII, nikhahit +
 * sara aa as sara am, no zero-width characters or soft hyphens, one space for any white space
 * run, no ฯ, lower case.
 */
function normalize(text: string): string {
  return text
    .replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - THAI_DIGIT_ZERO))
    .replace(/\u0e4d\u0e32/g, '\u0e33')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/ฯ/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}

function isLatin(text: string): boolean {
  return /^[\x20-\x7e]+$/.test(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True where `surface` occurs in `normalizedText`: Thai anywhere, Latin only at word boundaries. */
function occursIn(normalizedText: string, surface: string): boolean {
  const s = normalize(surface);
  if (!isLatin(s)) return normalizedText.includes(s);
  return new RegExp(`(?<![a-z0-9])${escapeRegExp(s)}(?![a-z0-9])`).test(normalizedText);
}

/** WCAG contrast ratio between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Country names, in the forms documents use, that must never be glossary terms. */
const COUNTRY_NAMES = [
  'ไทย', 'ประเทศไทย', 'ราชอาณาจักรไทย', 'จีน', 'สาธารณรัฐประชาชนจีน', 'ญี่ปุ่น', 'สหรัฐ', 'สหรัฐฯ',
  'สหรัฐอเมริกา', 'ลาว', 'สปป.ลาว', 'เมียนมา', 'พม่า', 'กัมพูชา', 'เวียดนาม', 'มาเลเซีย', 'อินโดนีเซีย',
  'สิงคโปร์', 'ฟิลิปปินส์', 'บรูไน', 'ติมอร์-เลสเต', 'อินเดีย', 'เกาหลีใต้', 'สาธารณรัฐเกาหลี',
  'ออสเตรเลีย', 'รัสเซีย', 'ฝรั่งเศส', 'Thailand', 'China', 'Japan', 'United States', 'USA', 'Myanmar',
  'Cambodia', 'Laos', 'India', 'Malaysia', 'Indonesia',
];
/** Terms that contain a country name but name something else (the sea is not China). */
const NOT_A_COUNTRY = ['ทะเลจีนใต้', 'South China Sea'];

const THAI_MONTHS = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน',
  'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
];

/** A loaded glossary, flattened. */
interface LoadedGlossary {
  data: JsonObject;
  themes: FlatTheme[];
  terms: FlatTerm[];
}

/**
 * Loads a glossary on first use, inside a test, so that a broken file fails the tests that
 * read it instead of aborting the whole mocha run at load time.
 */
function lazyGlossary(file: string): () => LoadedGlossary {
  let loaded: LoadedGlossary | undefined;
  return () => {
    if (loaded === undefined) {
      const data = loadYaml(file);
      const themes = flattenThemes(data.themes);
      loaded = { data, themes, terms: themes.flatMap((t) => t.terms) };
    }
    return loaded;
  };
}

const loadBuiltin = lazyGlossary(BUILTIN_FILE);
const loadSample = lazyGlossary(SAMPLE_GLOSSARY_FILE);

describe('built-in glossary (glossaries/builtin.glossary.yaml)', () => {
  let builtin: JsonObject;
  let builtinThemes: FlatTheme[];
  let builtinTerms: FlatTerm[];
  before(() => {
    ({ data: builtin, themes: builtinThemes, terms: builtinTerms } = loadBuiltin());
  });

  it('is version 1 with the nine top-level policy themes, in order', () => {
    assert.equal(builtin.version, 1);
    assert.deepEqual(
      builtinThemes.filter((t) => t.depth === 0).map((t) => t.id),
      [
        'diplomacy', 'security-defence', 'trade-economy', 'digital-technology', 'environment-climate',
        'health', 'human-rights', 'humanitarian-disaster', 'regional-cooperation',
      ],
    );
    assert.deepEqual(Object.keys(builtin).sort(), ['themes', 'version']);
  });

  it('nests the sub-themes under their parents', () => {
    const parentOf = Object.fromEntries(builtinThemes.filter((t) => t.depth > 0).map((t) => [t.id, t.topId]));
    assert.deepEqual(parentOf, {
      'digital-diplomacy': 'diplomacy',
      'public-diplomacy': 'diplomacy',
      'economic-diplomacy': 'diplomacy',
      'maritime-security': 'security-defence',
      'arms-control': 'security-defence',
      'public-finance': 'trade-economy',
      asean: 'regional-cooperation',
      'mekong-subregion': 'regional-cooperation',
      'regional-frameworks': 'regional-cooperation',
    });
  });

  it('has well-formed, unique theme ids', () => {
    const ids = builtinThemes.map((t) => t.id);
    for (const id of ids) assert.match(id, ID_PATTERN);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i)}`);
  });

  it('gives every theme a label, an English label and a gloss', () => {
    for (const t of builtinThemes) {
      for (const key of ['label', 'label_en', 'gloss']) {
        const value = t.node[key];
        assert.ok(typeof value === 'string' && value.trim() !== '', `theme ${t.id} has no ${key}`);
      }
    }
  });

  it('gives every theme a distinct colour readable on light and dark backgrounds', () => {
    const colors = builtinThemes.map((t) => String(t.node.color));
    for (const [i, color] of colors.entries()) {
      assert.match(color, /^#[0-9a-f]{6}$/, `theme ${builtinThemes[i].id}: colour ${color}`);
      assert.ok(contrast(color, '#ffffff') >= 3, `theme ${builtinThemes[i].id}: ${color} too light for a light theme`);
      assert.ok(contrast(color, '#1e1e1e') >= 3, `theme ${builtinThemes[i].id}: ${color} too dark for a dark theme`);
    }
    assert.equal(new Set(colors).size, colors.length, 'two themes share a colour');
  });

  it('has 5 to 30 terms in every theme and at least 10 under every top-level theme', () => {
    for (const t of builtinThemes) {
      assert.ok(t.terms.length >= 5 && t.terms.length <= 30, `theme ${t.id} has ${t.terms.length} terms`);
    }
    for (const top of builtinThemes.filter((t) => t.depth === 0)) {
      const n = builtinTerms.filter((x) => x.topId === top.id).length;
      assert.ok(n >= 10, `theme ${top.id} and its sub-themes have only ${n} terms`);
    }
  });

  it('gives every term an English equivalent and no empty term or alias', () => {
    for (const t of builtinTerms) {
      assert.ok(!t.bare, `built-in term ${t.term} is a bare string: give it an en`);
      assert.ok(t.en !== undefined && t.en.trim() !== '', `term ${t.term} has no en`);
      for (const s of surfaces(t)) assert.ok(s.trim() !== '', `theme ${t.themeId}: empty term or alias`);
    }
  });

  it('never repeats a term or alias, in the same theme or across themes', () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const t of builtinTerms) {
      for (const s of surfaces(t)) {
        const key = normalize(s);
        const where = seen.get(key);
        if (where !== undefined) repeated.push(`${s} (${where} and ${t.themeId})`);
        else seen.set(key, t.themeId);
      }
    }
    assert.deepEqual(repeated, []);
  });

  it('has no country names among its terms, nor inside them (except names of other things)', () => {
    const all = builtinTerms.flatMap(surfaces);
    const allNormalized = new Set(all.map(normalize));
    for (const name of COUNTRY_NAMES) assert.ok(!allNormalized.has(normalize(name)), `${name} is a term`);
    const containing = all.filter(
      (s) => !NOT_A_COUNTRY.includes(s) && COUNTRY_NAMES.some((name) => occursIn(normalize(s), name)),
    );
    assert.deepEqual(containing, []);
    // the exception is real: the sea is in the glossary, and it does contain จีน
    assert.ok(all.includes('ทะเลจีนใต้'));
  });

  it('has no date words and no ฯ in its terms, and no single generic words', () => {
    for (const s of builtinTerms.flatMap(surfaces)) {
      assert.ok(!/พ\.ศ\.|ค\.ศ\.|ปีงบประมาณ/.test(s), `${s} looks like a date`);
      assert.ok(!THAI_MONTHS.some((m) => s.includes(m)), `${s} contains a month name`);
      assert.ok(!s.includes('ฯ'), `${s}: write terms without ฯ (the matcher makes it optional)`);
      if (!isLatin(s)) assert.ok(s.length >= 4, `${s} is too short to be a Thai term that matches anywhere`);
    }
    const terms = new Set(builtinTerms.flatMap(surfaces));
    for (const generic of ['การ', 'ประเทศ', 'ความร่วมมือ', 'ดิจิทัล', 'รัฐบาล', 'นโยบาย', 'งบประมาณ']) {
      assert.ok(!terms.has(generic), `${generic} is too generic to be a term`);
    }
  });

  it('files the core policy terms under the expected themes', () => {
    const themeOf = (term: string): string | undefined => builtinTerms.find((t) => t.term === term)?.themeId;
    const expected: Record<string, string> = {
      การทูตดิจิทัล: 'digital-diplomacy',
      ความร่วมมือระหว่างประเทศ: 'diplomacy',
      การค้าเสรี: 'trade-economy',
      ความตกลงการค้าเสรี: 'trade-economy',
      ความมั่นคงทางทะเล: 'maritime-security',
      หยุดยิง: 'security-defence',
      การไม่แพร่ขยายอาวุธนิวเคลียร์: 'arms-control',
      อาวุธนิวเคลียร์: 'arms-control',
      การเปลี่ยนแปลงสภาพภูมิอากาศ: 'environment-climate',
      การปล่อยก๊าซเรือนกระจก: 'environment-climate',
      เป้าหมายการพัฒนาที่ยั่งยืน: 'environment-climate',
      สิทธิมนุษยชน: 'human-rights',
      ผู้ลี้ภัย: 'human-rights',
      ความช่วยเหลือด้านมนุษยธรรม: 'humanitarian-disaster',
      ภัยพิบัติ: 'humanitarian-disaster',
      อาเซียน: 'asean',
      ประชาคมอาเซียน: 'asean',
      'ความร่วมมือแม่โขง-ล้านช้าง': 'mekong-subregion',
      บิมสเทค: 'regional-frameworks',
    };
    assert.deepEqual(Object.fromEntries(Object.keys(expected).map((k) => [k, themeOf(k)])), expected);
    const aliasesOf = (term: string): string[] => builtinTerms.find((t) => t.term === term)?.aliases ?? [];
    assert.ok(aliasesOf('ความตกลงการค้าเสรี').includes('FTA'));
    assert.ok(aliasesOf('การทูตดิจิทัล').includes('Digital Diplomacy'));
    assert.ok(aliasesOf('เป้าหมายการพัฒนาที่ยั่งยืน').includes('SDGs'));
    assert.ok(aliasesOf('อาเซียน').includes('ASEAN'));
  });
});

describe('sample workspace glossary (samples/sample.glossary.yaml)', () => {
  let sample: JsonObject;
  let sampleThemes: FlatTheme[];
  let sampleTerms: FlatTerm[];
  before(() => {
    ({ data: sample, themes: sampleThemes, terms: sampleTerms } = loadSample());
  });

  it('is version 1 with nested themes', () => {
    assert.equal(sample.version, 1);
    assert.deepEqual(
      sampleThemes.map((t) => `${t.depth}:${t.id}`),
      ['0:mekong-water', '1:mekong-hydropower', '1:mekong-fisheries', '0:economic-corridors'],
    );
  });

  it('has well-formed ids that do not clash with the built-in ones (the two are merged)', () => {
    const ids = sampleThemes.map((t) => t.id);
    for (const id of ids) assert.match(id, ID_PATTERN);
    assert.equal(new Set(ids).size, ids.length);
    const builtinIds = new Set(loadBuiltin().themes.map((t) => t.id));
    assert.deepEqual(ids.filter((id) => builtinIds.has(id)), []);
  });

  it('has labels, valid colours and no empty terms', () => {
    for (const t of sampleThemes) {
      assert.ok(typeof t.node.label === 'string' && t.node.label.trim() !== '', `theme ${t.id} has no label`);
      assert.ok(typeof t.node.label_en === 'string' && t.node.label_en.trim() !== '', `theme ${t.id} has no label_en`);
      assert.match(String(t.node.color), COLOR_PATTERN);
    }
    for (const s of sampleTerms.flatMap(surfaces)) assert.ok(s.trim() !== '');
  });

  it('shows one whole_word term, one bare-string term and country aliases', () => {
    assert.deepEqual(sampleTerms.filter((t) => t.wholeWord).map((t) => t.term), ['ปลา']);
    assert.deepEqual(sampleTerms.filter((t) => t.bare).map((t) => t.term), ['ฤดูน้ำหลาก']);
    assert.deepEqual(sample.countries, [
      { code: 'TL', aliases: ['ติมอร์ เลสเต'] },
      { code: 'KR', aliases: ['สาธารณะรัฐเกาหลี'] },
    ]);
  });

  it('repeats no built-in term and no term of its own', () => {
    const builtinKeys = new Set(loadBuiltin().terms.flatMap(surfaces).map(normalize));
    const keys = sampleTerms.flatMap(surfaces).map(normalize);
    assert.deepEqual(keys.filter((k) => builtinKeys.has(k)), []);
    assert.equal(new Set(keys).size, keys.length);
  });
});

/** The documents in samples/ (every .txt and .md file but the README), with their normalized text. */
function readSampleDocuments(): Array<{ name: string; text: string }> {
  return fs
    .readdirSync(SAMPLES_DIR)
    .filter((name) => /\.(txt|md)$/.test(name) && name !== 'README.md')
    .sort()
    .map((name) => ({ name, text: normalize(fs.readFileSync(path.join(SAMPLES_DIR, name), 'utf8')) }));
}

describe('sample documents (samples/)', () => {
  let sampleDocuments: Array<{ name: string; text: string }>;
  let builtinThemes: FlatTheme[];
  let builtinTerms: FlatTerm[];
  before(() => {
    sampleDocuments = readSampleDocuments();
    ({ themes: builtinThemes, terms: builtinTerms } = loadBuiltin());
  });

  it('are the four documents, each 2 to 7 KB', () => {
    assert.deepEqual(sampleDocuments.map((d) => d.name), [
      'asean-joint-statement.txt',
      'cabinet-resolution-mekong.txt',
      'mfa-press-release.txt',
      'policy-note-digital-diplomacy.md',
    ]);
    for (const d of sampleDocuments) {
      const bytes = fs.statSync(path.join(SAMPLES_DIR, d.name)).size;
      assert.ok(bytes >= 2000 && bytes <= 7000, `${d.name} is ${bytes} bytes`);
    }
  });

  it('each contain terms of the built-in glossary', () => {
    for (const d of sampleDocuments) {
      const found = builtinTerms.filter((t) => surfaces(t).some((s) => occursIn(d.text, s)));
      assert.ok(found.length >= 5, `${d.name}: only ${found.length} built-in terms`);
    }
  });

  it('together touch every top-level built-in theme', () => {
    const touched = new Set(
      builtinTerms
        .filter((t) => sampleDocuments.some((d) => surfaces(t).some((s) => occursIn(d.text, s))))
        .map((t) => t.topId),
    );
    assert.deepEqual(
      builtinThemes.filter((t) => t.depth === 0 && !touched.has(t.id)).map((t) => t.id),
      [],
    );
  });

  it('together contain every country, not-a-country, date and not-a-date form they are meant to show', () => {
    const forms = [
      // countries: short, formal, abbreviated, English
      'สหรัฐฯ', 'สปป.ลาว', 'สาธารณรัฐประชาชนจีน', 'เมียนมา', 'Japan',
      // names inside names of other things
      'ทะเลจีนใต้', 'อ่าวไทย',
      // dates
      '16 พฤศจิกายน 2564', 'พ.ศ. 2566', '๑๖ พ.ย. ๖๔', '28 ก.ค.68', '13 - 14 พฤศจิกายน 2568', 'ทศวรรษ 1960',
      'ปีงบประมาณ พ.ศ. 2568', '26 April 2022', '16/11/2564',
      // numbers that are not dates
      'โควิด 19', '70 ปี', 'ร้อยละ 90',
    ];
    const raw = sampleDocuments.map((d) => fs.readFileSync(path.join(SAMPLES_DIR, d.name), 'utf8')).join('\n');
    assert.deepEqual(forms.filter((f) => !raw.includes(f)), []);
  });
});

/** The JSON Schema keywords the small validator below understands; the schema may use no others. */
const VALIDATED_KEYWORDS = new Set([
  '$ref', 'allOf', 'oneOf', 'type', 'const', 'required', 'properties', 'additionalProperties', 'items', 'pattern',
]);
const ANNOTATION_KEYWORDS = new Set(['$schema', 'title', 'description', 'definitions']);

/**
 * A small JSON Schema (draft-07) validator for the keywords in VALIDATED_KEYWORDS; returns the
 * errors as "path: message" strings.
 */
function validate(schema: JsonObject, value: unknown, root: JsonObject, at = '$'): string[] {
  const errors: string[] = [];
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/definitions/', '');
    const target = (root.definitions as JsonObject)[name];
    assert.ok(isObject(target), `unresolved $ref ${schema.$ref}`);
    errors.push(...validate(target, value, root, at));
  }
  for (const sub of (schema.allOf ?? []) as JsonObject[]) errors.push(...validate(sub, value, root, at));
  if (Array.isArray(schema.oneOf)) {
    const passing = (schema.oneOf as JsonObject[]).filter((sub) => validate(sub, value, root, at).length === 0);
    if (passing.length !== 1) errors.push(`${at}: matches ${passing.length} of oneOf`);
  }
  if ('const' in schema && value !== schema.const) errors.push(`${at}: must be ${JSON.stringify(schema.const)}`);
  if (typeof schema.type === 'string') {
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    if (actual !== schema.type) return [...errors, `${at}: must be ${schema.type}, not ${actual}`];
  }
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    errors.push(`${at}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  }
  if (Array.isArray(value) && isObject(schema.items)) {
    value.forEach((item, i) => errors.push(...validate(schema.items as JsonObject, item, root, `${at}[${i}]`)));
  }
  if (isObject(value)) {
    for (const key of (schema.required ?? []) as string[]) if (!(key in value)) errors.push(`${at}: missing ${key}`);
    const properties = (schema.properties ?? {}) as JsonObject;
    for (const [key, item] of Object.entries(value)) {
      if (isObject(properties[key])) errors.push(...validate(properties[key] as JsonObject, item, root, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unknown key ${key}`);
    }
  }
  return errors;
}

/** Every subschema of the schema, with its path. */
function subschemas(schema: JsonObject, at = '$'): Array<{ at: string; node: JsonObject }> {
  const out = [{ at, node: schema }];
  const children = (key: string): Array<[string, Json]> => {
    const v = schema[key];
    return isObject(v) ? Object.entries(v) : Array.isArray(v) ? v.map((x, i) => [String(i), x]) : [];
  };
  for (const key of ['properties', 'definitions', 'allOf', 'oneOf']) {
    for (const [name, sub] of children(key)) if (isObject(sub)) out.push(...subschemas(sub, `${at}.${key}.${name}`));
  }
  if (isObject(schema.items)) out.push(...subschemas(schema.items, `${at}.items`));
  return out;
}

describe('glossary JSON schema (schemas/glossary.schema.json)', () => {
  let schema: JsonObject;
  before(() => {
    schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as JsonObject;
  });

  it('is a draft-07 schema using only keywords these tests understand', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    for (const { at, node } of subschemas(schema)) {
      for (const key of Object.keys(node)) {
        assert.ok(VALIDATED_KEYWORDS.has(key) || ANNOTATION_KEYWORDS.has(key), `${at}: keyword ${key}`);
      }
      // draft-07 ignores every keyword beside $ref, descriptions included
      if ('$ref' in node) assert.deepEqual(Object.keys(node), ['$ref'], `${at}: $ref with siblings`);
    }
  });

  it('describes every field', () => {
    for (const { at, node } of subschemas(schema)) {
      if (!isObject(node.properties)) continue;
      for (const [key, prop] of Object.entries(node.properties)) {
        assert.ok(isObject(prop) && typeof prop.description === 'string', `${at}.${key} has no description`);
      }
    }
  });

  it('uses the same id and colour patterns as these tests', () => {
    const theme = (schema.definitions as JsonObject).theme as JsonObject;
    const props = theme.properties as JsonObject;
    assert.equal((props.id as JsonObject).pattern, ID_PATTERN.source);
    assert.equal((props.color as JsonObject).pattern, COLOR_PATTERN.source);
  });

  it('accepts the built-in and the sample glossary', () => {
    assert.deepEqual(validate(schema, loadBuiltin().data, schema), []);
    assert.deepEqual(validate(schema, loadSample().data, schema), []);
  });

  it('rejects the errors the glossary spec names', () => {
    const check = (yamlText: string): string[] => validate(schema, parseDocument(yamlText).toJS(), schema);
    assert.deepEqual(check('version: 1\nthemes:\n  - id: ok\n    label: x\n    terms: [a, {term: b, aliases: [c]}]\n'), []);
    assert.deepEqual(check('version: 2\nthemes: []\n'), ['$.version: must be 1']);
    assert.deepEqual(check('version: 1\nthemes:\n  - label: x\n'), ['$.themes[0]: missing id']);
    assert.deepEqual(check('version: 1\nthemes:\n  - id: Bad_Id\n    label: x\n'), [
      '$.themes[0].id: "Bad_Id" does not match ^[a-z0-9][a-z0-9-]*$',
    ]);
    assert.deepEqual(check('version: 1\nthemes:\n  - id: a\n    label: x\n    color: "#12345"\n'), [
      '$.themes[0].color: "#12345" does not match ^#([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$',
    ]);
    assert.deepEqual(check('version: 1\nthemes:\n  - id: a\n    label: x\n    terms: ["  "]\n'), [
      '$.themes[0].terms[0]: matches 0 of oneOf',
    ]);
    assert.deepEqual(check('version: 1\nthemes:\n  - id: a\n    lable: x\n'), [
      '$.themes[0]: missing label',
      '$.themes[0]: unknown key lable',
    ]);
    assert.deepEqual(check('version: 1\nthemes:\n  - id: a\n    label: x\n    themes:\n      - id: b\n'), [
      '$.themes[0].themes[0]: missing label',
    ]);
    assert.deepEqual(check('version: 1\nthemes: []\ncountries:\n  - code: kor\n    aliases: [x]\n'), [
      '$.countries[0].code: "kor" does not match ^[A-Z]{2}$',
    ]);
  });
});
