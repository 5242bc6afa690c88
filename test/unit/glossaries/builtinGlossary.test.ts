/**
 * Checks the shipped glossary data: the built-in packs (glossaries/<pack>.glossary.yaml),
 * samples/sample.glossary.yaml, schemas/glossary.schema.json and the sample documents in samples/.
 * Reads the files with the `yaml` package directly (not with the real glossary loader), so that
 * these checks are about the data only; the checks of what the packs match (the common-word list,
 * adding a term to a built-in theme by id) use the real GlossarySet and Analyzer.
 *
 * The common-word list, test/fixtures/glossaries/commonThaiWords.txt, is everyday Thai vocabulary
 * written for this project (about 730 words: people, the body, home, food, time, nature, verbs,
 * adjectives, places, school and work, abstract words, words ending in การ, and place names and
 * compounds that hold a policy word by accident, such as ศาลา, ทะเลาะ, น้ำเสียง, หนังสือเดินทาง).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { BUILTIN_PACK_IDS, BUILTIN_PACKS } from '../../../src/core/glossary/packs';
import type { BuiltinPack } from '../../../src/core/glossary/packs';
import { GlossarySet } from '../../../src/core/glossary/glossary';
import { Analyzer } from '../../../src/core/recognize/analyze';

/** Repository root, from the compiled test at out/test/unit/. */
import { ROOT } from '../../support/paths';
const GLOSSARIES_DIR = path.join(ROOT, 'glossaries');
const WORD_LIST_FILE = path.join(ROOT, 'test', 'fixtures', 'glossaries', 'commonThaiWords.txt');
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
  gloss?: string;
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
          gloss: asString(raw.gloss),
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
/** Terms that contain a country name but name something else (the sea is not China, the cloud is not Laos). */
const NOT_A_COUNTRY = ['ทะเลจีนใต้', 'South China Sea', 'คลาวด์กลางภาครัฐ', 'คลาวด์ภาครัฐ'];

/**
 * Terms where ไทย is the adjective "Thai" in the name of a thing, not the country: the country
 * is not what they are about, and the term is the better reading of those words. (The names of
 * institutions that end in แห่งประเทศไทย, "of Thailand", are allowed by rule.)
 */
const THAI_AS_ADJECTIVE: Record<string, string> = {
  การแพทย์แผนไทย: 'Thai traditional medicine, a field of medicine',
  แพทย์แผนไทย: 'practitioners of Thai traditional medicine',
  ผ้าไทย: 'Thai textiles, a product',
  มวยไทย: 'Muay Thai, a martial art',
  อาหารไทย: 'Thai food',
  ครัวไทยสู่ครัวโลก: 'the name of a food-export programme',
  ภาษาไทย: 'the Thai language',
  วันภาษาไทยแห่งชาติ: 'National Thai Language Day',
  ภูมิปัญญาไทย: 'Thai traditional knowledge',
  กระทรวงมหาดไทย: 'the Ministry of Interior (มหาดไทย is one word)',
  แรงงานไทยในต่างประเทศ: 'Thai workers abroad, people (not the country)',
};

/**
 * Words of the common-word list inside which a built-in term may match, each with the reason:
 * the word is a compound that means something in the term's own field, or it is too rare in
 * policy text to give up the term for. Keyed `word ⊃ matched text`.
 */
const RELATED_WORDS: Record<string, string> = {
  'ทุเรียนเทศ ⊃ ทุเรียน': 'soursop is a fruit crop too',
  'น้ำผลไม้ ⊃ ผลไม้': 'fruit juice is a fruit product',
  'กีฬาสี ⊃ กีฬา': 'a school sports day is sport',
  'ทหารพราน ⊃ ทหาร': 'the rangers are soldiers',
  'ท่าเรือจ้าง ⊃ ท่าเรือ': 'a ferry pier is a port',
  'ป้ายรถเมล์ ⊃ รถเมล์': 'a bus stop is public transport',
  'พยาบาลวิชาชีพ ⊃ พยาบาล': 'a registered nurse is medical personnel',
  'โรงเรียนสอนขับรถ ⊃ โรงเรียน': 'a driving school is a school',
  'สัตวแพทย์ ⊃ แพทย์': 'a veterinarian (with the agriculture pack on, the whole word is its own term)',
  'รถไฟเหาะ ⊃ รถไฟ': 'a roller coaster: rare in policy text, and รถไฟ alone is the word for railways',
  'เขื่อนขันธ์ ⊃ เขื่อน': 'an old fort and place name: rare in policy text, and เขื่อน alone is the word for dams',
  'พระจอมเกล้าเจ้าคุณทหาร ⊃ ทหาร': 'part of the name of a university: with the education pack on, the name is its own term',
};

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

const loadSample = lazyGlossary(SAMPLE_GLOSSARY_FILE);

/** One built-in pack, loaded and flattened. */
interface LoadedPack extends LoadedGlossary {
  pack: BuiltinPack;
}

let packsLoaded: LoadedPack[] | undefined;

/** Every built-in pack, in load order. */
function loadPacks(): LoadedPack[] {
  packsLoaded ??= BUILTIN_PACKS.map((pack) => ({ pack, ...lazyGlossary(path.join(GLOSSARIES_DIR, pack.file))() }));
  return packsLoaded;
}

/** The built-in packs together: every theme and term of every pack. */
function loadBuiltin(): { themes: FlatTheme[]; terms: FlatTerm[] } {
  const packs = loadPacks();
  return { themes: packs.flatMap((p) => p.themes), terms: packs.flatMap((p) => p.terms) };
}

/** The id of the pack a theme is in. */
function packOf(themeId: string): string | undefined {
  return loadPacks().find((p) => p.themes.some((t) => t.id === themeId))?.pack.id;
}

/** A GlossarySet of the real loader with the given packs. */
function packSet(packs: readonly BuiltinPack[]): GlossarySet {
  const set = new GlossarySet();
  for (const p of packs) {
    const file = path.join(GLOSSARIES_DIR, p.file);
    const errors = set.update(file, fs.readFileSync(file, 'utf8'));
    assert.deepEqual(errors, [], `${p.file} does not load cleanly`);
  }
  return set;
}

/** The theme ids of the first built-in glossary (one file, foreign policy); they never change. */
const FIRST_GLOSSARY_IDS = [
  'diplomacy', 'digital-diplomacy', 'public-diplomacy', 'economic-diplomacy', 'security-defence', 'maritime-security',
  'arms-control', 'trade-economy', 'public-finance', 'digital-technology', 'environment-climate', 'health', 'human-rights',
  'humanitarian-disaster', 'regional-cooperation', 'asean', 'mekong-subregion', 'regional-frameworks',
];

describe('built-in glossary packs (glossaries/*.glossary.yaml)', () => {
  let packs: LoadedPack[];
  let builtinThemes: FlatTheme[];
  let builtinTerms: FlatTerm[];
  before(() => {
    packs = loadPacks();
    ({ themes: builtinThemes, terms: builtinTerms } = loadBuiltin());
  });

  it('are one file per pack, named by the pack id, and the setting offers the same packs', () => {
    assert.deepEqual(
      fs.readdirSync(GLOSSARIES_DIR).filter((f) => f.endsWith('.yaml')).sort(),
      BUILTIN_PACKS.map((p) => p.file).sort(),
    );
    for (const p of BUILTIN_PACKS) assert.equal(p.file, `${p.id}.glossary.yaml`);
    assert.deepEqual(BUILTIN_PACK_IDS, [
      'foreign-affairs', 'economy-fiscal', 'agriculture-rural', 'education', 'health-welfare', 'energy-resources',
      'transport-infrastructure', 'digital-government', 'justice-law', 'local-administration', 'labour-migration', 'culture-tourism',
    ]);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as JsonObject;
    const setting = ((pkg.contributes as JsonObject).configuration as JsonObject).properties as JsonObject;
    const packsSetting = setting['thaiPolicyLens.builtinPacks'] as JsonObject;
    assert.deepEqual(packsSetting.default, BUILTIN_PACK_IDS);
    assert.deepEqual((packsSetting.items as JsonObject).enum, BUILTIN_PACK_IDS);
    const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const descriptions = ((packsSetting.items as JsonObject).enumDescriptions as string[]).map((d) => nls[d.replace(/^%(.*)%$/, '$1')] ?? d);
    assert.deepEqual(descriptions.map((d, i) => d.startsWith(`${BUILTIN_PACKS[i].label}: `)), BUILTIN_PACKS.map(() => true));
  });

  it('are each described in docs/glossary.md, with every theme id', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'glossary.md'), 'utf8');
    const missing = [...BUILTIN_PACKS.map((p) => p.id), ...builtinThemes.map((t) => t.id)].filter((id) => !doc.includes(`\`${id}\``));
    assert.deepEqual(missing, []);
  });

  it('are each version 1 with themes, and nothing else', () => {
    for (const p of packs) {
      assert.equal(p.data.version, 1, p.pack.file);
      assert.deepEqual(Object.keys(p.data).sort(), ['themes', 'version'], p.pack.file);
      assert.ok(p.themes.length > 0, `${p.pack.file} has no themes`);
    }
  });

  it('keep every theme id of the first built-in glossary, in the pack of its field', () => {
    const where = Object.fromEntries(FIRST_GLOSSARY_IDS.map((id) => [id, packOf(id)]));
    assert.deepEqual(where, {
      ...Object.fromEntries(FIRST_GLOSSARY_IDS.map((id) => [id, 'foreign-affairs'])),
      'public-finance': 'economy-fiscal',
      'digital-technology': 'digital-government',
      'environment-climate': 'energy-resources',
      health: 'health-welfare',
    });
  });

  it('have these top-level themes, in order', () => {
    const tops = Object.fromEntries(packs.map((p) => [p.pack.id, p.themes.filter((t) => t.depth === 0).map((t) => t.id)]));
    assert.deepEqual(tops, {
      'foreign-affairs': ['diplomacy', 'security-defence', 'trade-economy', 'human-rights', 'humanitarian-disaster', 'regional-cooperation'],
      'economy-fiscal': ['public-finance', 'taxation', 'monetary-finance', 'investment-industry', 'smes-enterprise', 'commerce-trade-promotion', 'economic-conditions-planning'],
      'agriculture-rural': ['agriculture', 'crops-farm-prices', 'irrigation-farmland', 'livestock-fisheries', 'cooperatives-rural-development'],
      education: ['basic-education', 'higher-education-research', 'vocational-skills'],
      'health-welfare': ['health', 'social-welfare'],
      'energy-resources': ['environment-climate', 'energy', 'water-resources', 'forests-coasts-wildlife', 'pollution-waste'],
      'transport-infrastructure': ['transport', 'infrastructure-urban'],
      'digital-government': ['digital-technology', 'digital-government', 'telecom-cyber'],
      'justice-law': ['legislation', 'justice-system', 'crime-policing', 'anti-corruption'],
      'local-administration': ['cabinet-government', 'provincial-administration', 'local-government'],
      'labour-migration': ['labour-employment', 'labour-migration'],
      'culture-tourism': ['tourism', 'culture-heritage', 'soft-power-creative', 'sport'],
    });
  });

  it('nest the sub-themes under their parents', () => {
    const parentOf = Object.fromEntries(builtinThemes.filter((t) => t.depth > 0).map((t) => [t.id, t.topId]));
    assert.deepEqual(parentOf, {
      alliances: 'diplomacy',
      'digital-diplomacy': 'diplomacy',
      'public-diplomacy': 'diplomacy',
      'economic-diplomacy': 'diplomacy',
      'armed-forces': 'security-defence',
      'maritime-security': 'security-defence',
      'arms-control': 'security-defence',
      asean: 'regional-cooperation',
      'mekong-subregion': 'regional-cooperation',
      'regional-frameworks': 'regional-cooperation',
      'health-services': 'health',
      'disease-control': 'health',
      'older-people-families': 'social-welfare',
      housing: 'social-welfare',
      'roads-road-safety': 'transport',
      'rail-mass-transit': 'transport',
      'aviation-shipping': 'transport',
      'civil-service': 'cabinet-government',
    });
  });

  it('have well-formed theme ids, unique across all packs', () => {
    const ids = builtinThemes.map((t) => t.id);
    for (const id of ids) assert.match(id, ID_PATTERN);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i)}`);
  });

  it('give every theme a label, an English label and a gloss', () => {
    for (const t of builtinThemes) {
      for (const key of ['label', 'label_en', 'gloss']) {
        const value = t.node[key];
        assert.ok(typeof value === 'string' && value.trim() !== '', `theme ${t.id} has no ${key}`);
      }
    }
  });

  it('give every theme a distinct colour readable on light and dark backgrounds', () => {
    const colors = builtinThemes.map((t) => String(t.node.color));
    for (const [i, color] of colors.entries()) {
      assert.match(color, /^#[0-9a-f]{6}$/, `theme ${builtinThemes[i].id}: colour ${color}`);
      assert.ok(contrast(color, '#ffffff') >= 3, `theme ${builtinThemes[i].id}: ${color} too light for a light theme`);
      assert.ok(contrast(color, '#1e1e1e') >= 3, `theme ${builtinThemes[i].id}: ${color} too dark for a dark theme`);
    }
    assert.equal(new Set(colors).size, colors.length, 'two themes share a colour');
  });

  it('have 5 to 30 terms in every theme and at least 10 under every top-level theme', () => {
    for (const t of builtinThemes) {
      assert.ok(t.terms.length >= 5 && t.terms.length <= 30, `theme ${t.id} has ${t.terms.length} terms`);
    }
    for (const top of builtinThemes.filter((t) => t.depth === 0)) {
      const n = builtinTerms.filter((x) => x.topId === top.id).length;
      assert.ok(n >= 10, `theme ${top.id} and its sub-themes have only ${n} terms`);
    }
  });

  it('give every term an English equivalent, and every term outside the first glossary a gloss', () => {
    for (const t of builtinTerms) {
      assert.ok(!t.bare, `built-in term ${t.term} is a bare string: give it an en`);
      assert.ok(t.en !== undefined && t.en.trim() !== '', `term ${t.term} has no en`);
      for (const s of surfaces(t)) assert.ok(s.trim() !== '', `theme ${t.themeId}: empty term or alias`);
    }
    const firstIds = new Set(FIRST_GLOSSARY_IDS);
    const withoutGloss = builtinTerms.filter((t) => !firstIds.has(t.themeId) && !(typeof t.gloss === 'string' && t.gloss.trim() !== ''));
    assert.deepEqual(withoutGloss.map((t) => `${t.themeId}: ${t.term}`), []);
    // the themes that moved to the packs of their fields got glosses for every term too
    for (const id of ['public-finance', 'digital-technology', 'environment-climate', 'health']) {
      assert.deepEqual(builtinTerms.filter((t) => t.themeId === id && !t.gloss).map((t) => t.term), [], id);
    }
  });

  it('never repeat a term or alias, in the same theme or across themes and packs', () => {
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

  it('have no country names among their terms, nor inside them (except names of other things)', () => {
    const all = builtinTerms.flatMap(surfaces);
    const allNormalized = new Set(all.map(normalize));
    for (const name of COUNTRY_NAMES) assert.ok(!allNormalized.has(normalize(name)), `${name} is a term`);
    const institution = (s: string): boolean => s.endsWith('แห่งประเทศไทย');
    const containing = all.filter(
      (s) => !NOT_A_COUNTRY.includes(s) && !(s in THAI_AS_ADJECTIVE) && !institution(s) && COUNTRY_NAMES.some((name) => occursIn(normalize(s), name)),
    );
    assert.deepEqual(containing, []);
    // the exceptions are real: each is a term (a stale entry would hide nothing)
    assert.ok(all.includes('ทะเลจีนใต้'));
    assert.deepEqual(Object.keys(THAI_AS_ADJECTIVE).filter((s) => !all.includes(s)), []);
  });

  it('have no date words and no ฯ in their terms, and no single generic or ambiguous words', () => {
    for (const s of builtinTerms.flatMap(surfaces)) {
      assert.ok(!/พ\.ศ\.|ค\.ศ\.|ปีงบประมาณ/.test(s), `${s} looks like a date`);
      assert.ok(!THAI_MONTHS.some((m) => s.includes(m)), `${s} contains a month name`);
      assert.ok(!s.includes('ฯ'), `${s}: write terms without ฯ (the matcher makes it optional)`);
      if (!isLatin(s)) assert.ok(s.length >= 4, `${s} is too short to be a Thai term that matches anywhere`);
    }
    const terms = new Set(builtinTerms.flatMap(surfaces));
    const generic = ['การ', 'ประเทศ', 'ความร่วมมือ', 'ดิจิทัล', 'รัฐบาล', 'นโยบาย', 'งบประมาณ', 'เศรษฐกิจ', 'นายกรัฐมนตรี', 'หน่วยงาน', 'โครงการ', 'ท้องถิ่น'];
    // ambiguous alone: ภาษี (tax, and a place name), ทุน (capital, scholarship, fund), ศาล (court, and ศาลา)
    const ambiguous = ['ภาษี', 'ทุน', 'ศาล', 'ข้าว', 'ไฟฟ้า', 'หุ้นส่วน', 'ผู้ว่า', 'เทศกาล'];
    for (const word of [...generic, ...ambiguous]) assert.ok(!terms.has(word), `${word} is too generic or ambiguous to be a term on its own`);
  });

  it('file the core policy terms under the expected themes', () => {
    const themeOf = (surface: string): string | undefined => builtinTerms.find((t) => surfaces(t).includes(surface))?.themeId;
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
      // defence, taxation and alliances (issue 18)
      กลาโหม: 'armed-forces',
      กระทรวงกลาโหม: 'armed-forces',
      กองทัพ: 'armed-forces',
      ทหาร: 'armed-forces',
      ความร่วมมือทางทหาร: 'security-defence',
      ภาษีเงินได้: 'taxation',
      ภาษีเงินได้นิติบุคคล: 'taxation',
      ภาษีขั้นต่ำ: 'taxation',
      อนุสัญญาภาษีซ้อน: 'taxation',
      พันธมิตร: 'alliances',
      ความเป็นพันธมิตร: 'alliances',
      // abbreviations and short names
      'สศช.': 'economic-conditions-planning',
      'ครม.': 'cabinet-government',
      'กนง.': 'monetary-finance',
      'ธปท.': 'monetary-finance',
      'ป.ป.ช.': 'anti-corruption',
      'อบต.': 'local-government',
      'สปสช.': 'health-services',
      'ธ.ก.ส.': 'cooperatives-rural-development',
      'กสทช.': 'telecom-cyber',
      บีโอไอ: 'investment-industry',
      // one field word or programme per pack
      งบประมาณรายจ่าย: 'public-finance',
      เกษตรกร: 'agriculture',
      โรงเรียน: 'basic-education',
      บัตรสวัสดิการแห่งรัฐ: 'social-welfare',
      ค่าไฟฟ้า: 'energy',
      รถไฟฟ้า: 'rail-mass-transit',
      รัฐบาลดิจิทัล: 'digital-government',
      ร่างพระราชบัญญัติ: 'legislation',
      การกระจายอำนาจ: 'local-government',
      ค่าจ้างขั้นต่ำ: 'labour-employment',
      ซอฟต์พาวเวอร์: 'soft-power-creative',
    };
    assert.deepEqual(Object.fromEntries(Object.keys(expected).map((k) => [k, themeOf(k)])), expected);
    const aliasesOf = (term: string): string[] => builtinTerms.find((t) => t.term === term)?.aliases ?? [];
    assert.ok(aliasesOf('ความตกลงการค้าเสรี').includes('FTA'));
    assert.ok(aliasesOf('การทูตดิจิทัล').includes('Digital Diplomacy'));
    assert.ok(aliasesOf('เป้าหมายการพัฒนาที่ยั่งยืน').includes('SDGs'));
    assert.ok(aliasesOf('อาเซียน').includes('ASEAN'));
  });

  it('match no term inside a common word, with every pack on and with each pack alone', () => {
    const words = fs
      .readFileSync(WORD_LIST_FILE, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    assert.ok(words.length >= 700, `only ${words.length} words`);
    assert.equal(new Set(words).size, words.length, 'a word is listed twice');
    const inside = new Set<string>();
    for (const selection of [BUILTIN_PACKS, ...BUILTIN_PACKS.map((p) => [p])]) {
      const analyzer = new Analyzer(packSet(selection));
      for (const word of words) {
        for (const a of analyzer.analyze(word, { kinds: ['term'] })) {
          if (a.start !== 0 || a.end !== word.length) inside.add(`${word} ⊃ ${a.text}`);
        }
      }
    }
    assert.deepEqual([...inside].filter((k) => !(k in RELATED_WORDS)).sort(), []);
    // every allowance is still needed
    assert.deepEqual(Object.keys(RELATED_WORDS).filter((k) => !inside.has(k)), []);
  });

  it('let a workspace glossary add a term to a built-in theme by its id: one theme, with the new term', () => {
    const set = packSet(BUILTIN_PACKS);
    const before = set.termsOf('security-defence').length;
    const label = set.theme('security-defence')!.label;
    const workspace = `version: 1\nthemes:\n  - id: security-defence\n    label: ${label}\n    terms:\n      - term: ความมั่นคงชายฝั่งทดสอบ\n        en: coastal security\n`;
    assert.deepEqual(set.update('file:///ws/extra.glossary.yaml', workspace), []);
    assert.equal(set.flatThemes.filter((f) => f.theme.id === 'security-defence').length, 1);
    assert.equal(set.themes.filter((t) => t.label === label).length, 1);
    const terms = set.termsOf('security-defence');
    assert.equal(terms.length, before + 1);
    assert.deepEqual([terms[terms.length - 1].term, terms[terms.length - 1].source.file], ['ความมั่นคงชายฝั่งทดสอบ', 'file:///ws/extra.glossary.yaml']);
    const found = new Analyzer(set).analyze('เรื่องความมั่นคงชายฝั่งทดสอบ', { kinds: ['term'] });
    assert.deepEqual(found.map((a) => [a.text, a.kind === 'term' ? a.theme : '']), [['ความมั่นคงชายฝั่งทดสอบ', 'security-defence']]);
    // another label: the built-in one stays, with a warning at the workspace file's theme
    const relabelled = workspace.replace(`label: ${label}`, 'label: ความมั่นคงของเรา');
    const diagnostics = set.update('file:///ws/extra.glossary.yaml', relabelled);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.column, d.severity]), [[3, 5, 'warning']]);
    assert.equal(set.theme('security-defence')!.label, label);
    assert.equal(set.termsOf('security-defence').length, before + 1);
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

  it('together touch every top-level theme of the foreign-affairs pack and the themes that moved from it', () => {
    const touched = new Set(
      builtinTerms
        .filter((t) => sampleDocuments.some((d) => surfaces(t).some((s) => occursIn(d.text, s))))
        .flatMap((t) => [t.topId, t.themeId]),
    );
    const foreign = builtinThemes.filter((t) => t.depth === 0 && packOf(t.id) === 'foreign-affairs').map((t) => t.id);
    assert.deepEqual(
      [...foreign, 'public-finance', 'digital-technology', 'environment-climate', 'health'].filter((id) => !touched.has(id)),
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
    for (const p of loadPacks()) assert.deepEqual(validate(schema, p.data, schema), [], p.pack.file);
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
