/**
 * The country gazetteer: every ISO 3166-1 state and territory and the historical states
 * SU, YU, CS and DD, with Thai short and formal names (Royal Institute style), English
 * names and the other forms found in Thai text (สหรัฐฯ, สปป.ลาว, ยูเออี, ประเทศไทย ...).
 *
 * The data is src/core/recognize/data/countries.json, drafted by scripts/build-gazetteer.mjs from
 * CLDR and Debian iso-codes and corrected by hand (sources: data/COUNTRIES-SOURCES.md).
 *
 * `readCountryAt` decides whether a name found in the text is the country or part of a
 * longer name of something else (ทะเลจีนใต้, อ่าวไทย, ลาวา, ภาษาอังกฤษ, การบินไทย, a surname),
 * and in which role the country is named: plainly, inside an organisation's name
 * (ธนาคารแห่งประเทศไทย), as a people or nationality (ชาวเกาหลี, คนไทย) or as a region named
 * after it (คาบสมุทรเกาหลี). It looks only at the code units around the span (word lists indexed by the unit touching
 * the span, compared at fixed offsets, at most 40 units back): no allocation on the common
 * path, no regular expression, no word segmenter, so its cost does not grow with the text.
 *
 * Browser-safe: no Node modules.
 */
import data from './data/countries.json';
import type { CountryRole } from '../types';

export interface Country {
  /** ISO 3166-1 alpha-2, or a historical code (SU, YU, CS, DD) */
  code: string;
  /** Thai short name: ไทย, จีน, สหรัฐอเมริกา */
  nameTh: string;
  /** Thai formal name: ราชอาณาจักรไทย, สาธารณรัฐประชาชนจีน (the short name where there is no other) */
  formalTh: string;
  /** English short name */
  nameEn: string;
  /** English formal name, where it differs from the short one */
  formalEn?: string;
  /** other Thai and English surface forms, including `ประเทศ` + the Thai short forms */
  aliases: string[];
  /** colloquial and abbreviated forms found in news text (อินโด, อินโดฯ): matched like aliases */
  informal?: string[];
  /** frequent misspellings found in news text (สิงค์โปร์): matched like aliases */
  misspellings?: string[];
  /** ISO 3166-1 alpha-3 (ISO 3166-3 for the historical states) */
  alpha3?: string;
  /** ISO 3166-1 numeric code */
  numeric?: string;
  /** true for a state that no longer exists */
  historical?: boolean;
  /** the year a historical state ended */
  until?: string;
}

/** Every country and territory, sorted by code. */
export const COUNTRIES: readonly Country[] = data as Country[];

const BY_CODE = new Map<string, Country>(COUNTRIES.map((c) => [c.code, c]));

/** The country with this code (any case), if any. */
export function countryByCode(code: string): Country | undefined {
  return BY_CODE.get(code.toUpperCase());
}

let names: ReadonlyArray<{ name: string; code: string }> | undefined;

/**
 * Every surface form to feed the matcher, with its country code: the Thai and English short
 * and formal names, the aliases, the informal forms and the misspellings. Each form appears
 * once; no form belongs to two countries.
 */
export function countryNames(): Array<{ name: string; code: string }> {
  if (!names) {
    const list: Array<{ name: string; code: string }> = [];
    for (const c of COUNTRIES) {
      const seen = new Set<string>();
      for (const n of [c.nameTh, c.formalTh, c.nameEn, c.formalEn, ...c.aliases, ...(c.informal ?? []), ...(c.misspellings ?? [])]) {
        if (n && !seen.has(n)) {
          seen.add(n);
          list.push({ name: n, code: c.code });
        }
      }
    }
    names = list;
  }
  return names.map((n) => ({ ...n }));
}

/**
 * The flag emoji of a current country or territory (🇹🇭 for TH); '' for a historical state
 * or an unknown code.
 */
export function flagEmoji(code: string): string {
  const c = countryByCode(code);
  if (!c || c.historical || !/^[A-Z]{2}$/.test(c.code)) return '';
  return String.fromCodePoint(0x1f1e6 + c.code.charCodeAt(0) - 65, 0x1f1e6 + c.code.charCodeAt(1) - 65);
}

// ---------------------------------------------------------------------------------------
// Context: is the name at [start, end) the country?
//
// Every check looks at the code units right next to the span: word lists are indexed by the
// code unit that touches the span, so a call costs a few array look-ups and, only where that
// unit fits, a comparison at a fixed offset. No allocation on the common path.

/**
 * Words looked up on one side of a span: `before` words must end where the span starts,
 * `after` words must start where it ends. Latin word lists compare ASCII case-insensitively.
 */
class EdgeWords {
  /** words by the code unit that touches the span: Thai units in an array, others in a Map */
  private readonly thai: Array<string[] | undefined> = new Array(0x80);
  private readonly other = new Map<number, string[]>();

  constructor(
    words: readonly string[],
    private readonly side: 'before' | 'after',
    private readonly foldCase = false,
  ) {
    for (const w of words) {
      const unit = foldUnit(side === 'before' ? w.charCodeAt(w.length - 1) : w.charCodeAt(0));
      const list = this.listFor(unit);
      if (list) list.push(w);
      else if (isThaiUnit(unit)) this.thai[unit - 0x0e00] = [w];
      else this.other.set(unit, [w]);
    }
  }

  private listFor(unit: number): string[] | undefined {
    return isThaiUnit(unit) ? this.thai[unit - 0x0e00] : this.other.get(unit);
  }

  /** Does one of the words touch the span edge at `at`? */
  touches(text: string, at: number): boolean {
    return this.touching(text, at) !== undefined;
  }

  /** The word that touches the span edge at `at` (the first listed, when several do), if any. */
  touching(text: string, at: number): string | undefined {
    const before = this.side === 'before';
    if (before ? at <= 0 : at >= text.length) return undefined;
    const list = this.listFor(foldUnit(text.charCodeAt(before ? at - 1 : at)));
    if (!list) return undefined;
    for (let i = 0; i < list.length; i++) {
      const w = list[i];
      if (matchesAt(text, before ? at - w.length : at, w, this.foldCase)) return w;
    }
    return undefined;
  }
}

/** ASCII upper case to lower case; every other code unit unchanged. */
function foldUnit(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

/**
 * Is `word` at `at` in text (ASCII case-insensitively when foldCase)? A plain loop: the words
 * are short, and this is cheaper than a `startsWith` call.
 */
function matchesAt(text: string, at: number, word: string, foldCase: boolean): boolean {
  if (at < 0 || at + word.length > text.length) return false;
  if (foldCase) {
    for (let i = 0; i < word.length; i++) if (foldUnit(text.charCodeAt(at + i)) !== foldUnit(word.charCodeAt(i))) return false;
  } else {
    for (let i = 0; i < word.length; i++) if (text.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Words right before a Thai name, and what they make of it: `false` where the name is part of
 * another name (a sea, a language, a river ...), else the role they give the country: inside an
 * organisation's name (`organization`), a people or nationality (`people`), a region named after
 * it (`region`). One table, so that a name costs one look-up. `แห่ง` alone counts only before
 * `ประเทศ` + name (ธนาคารแห่งประเทศไทย, see `readCountryAt`): before a bare or formal name it is
 * the "of" of a title (นายกรัฐมนตรีแห่งสหราชอาณาจักร, รัฐธรรมนูญแห่งราชอาณาจักรไทย).
 */
const THAI_WORDS_BEFORE: Array<[string, false | CountryRole]> = [
  ['ภาษา', false], // ภาษาไทย, ภาษาอังกฤษ: the language
  ['อักษร', false], // อักษรไทย: the script
  ['ทะเล', false], // ทะเลจีนใต้, ทะเลญี่ปุ่น
  ['อ่าว', false], // อ่าวไทย, อ่าวเม็กซิโก
  ['ช่องแคบ', false], // ช่องแคบอังกฤษ
  ['แม่น้ำ', false], // แม่น้ำไนเจอร์, แม่น้ำคองโก
  ['ลุ่มน้ำ', false],
  ['มหาสมุทร', false], // มหาสมุทรอินเดีย
  ['ทวีป', false], // ทวีปอเมริกา, ทวีปออสเตรเลีย
  ['อาหาร', false], // อาหารจีน, อาหารญี่ปุ่น: a cuisine
  ['แห่งประเทศ', 'organization'], // ธนาคารแห่งประเทศไทย, where the matcher tries the bare name
  ['แห่งชาติ', 'organization'], // มหาวิทยาลัยแห่งชาติสิงคโปร์
  ['(ประเทศ', 'organization'], // บริษัท ... (ประเทศไทย) จำกัด
  ['บริษัท', 'organization'], // บริษัท ไทยอินคิวเบเตอร์ จำกัด
  ['บริษัท ', 'organization'],
  ['ชาว', 'people'], // ชาวเกาหลี
  ['คน', 'people'], // คนไทย
  ['พลเมือง', 'people'],
  ['ประชาชน', 'people'], // ประชาชนไทย
  ['คาบสมุทร', 'region'], // คาบสมุทรเกาหลี
  ['อนุทวีป', 'region'], // อนุทวีปอินเดีย
];
const THAI_BEFORE = new EdgeWords(
  THAI_WORDS_BEFORE.map(([w]) => w),
  'before',
);
const READING_AFTER_WORD = new Map<string, false | CountryRole>(THAI_WORDS_BEFORE);

/**
 * Before `ประเทศ` + name, words that make `ประเทศ` part of another word (ต่างประเทศ: foreign,
 * นานาประเทศ: nations): then the span is the bare name, which the matcher tries next.
 */
const PRATHET_BLOCK_BEFORE = new EdgeWords(['ต่าง', 'นานา'], 'before');

/** Words right after a Thai name that put it inside a company's name (role `organization`). */
const THAI_ORGANIZATION_AFTER = new EdgeWords([' จำกัด', ') จำกัด', 'จำกัด', ' (มหาชน)'], 'after');

/** Latin words before and after a Latin name that make it part of another name. */
const LATIN_BLOCK_BEFORE = new EdgeWords(['gulf of ', 'sea of ', 'bay of ', 'strait of ', 'straits of ', 'air '], 'before', true);
const LATIN_BLOCK_AFTER = new EdgeWords([' sea', ' airways', ' airlines', ' river'], 'after', true);
/** Latin words before a Latin name that put it inside an organisation's name (Bank of Thailand). */
const LATIN_ORGANIZATION_BEFORE = new EdgeWords(['bank of ', 'university of ', 'embassy of ', 'embassy of the '], 'before', true);

/** `เกาะ` before a name is an island (เกาะจีน is also "cling to China"), except for these island states. */
const ISLAND_STATES = new Set(['TW', 'SG', 'HK', 'MO', 'LK', 'MT', 'CY', 'IE', 'IS', 'JM', 'CU', 'MG', 'MU', 'BH', 'GB', 'JP', 'NZ', 'TL', 'FJ']);

/** What comes right before a country name that is also a common Thai word (เช็ก: "to check"). */
const COUNTRY_CUES = ['ชาว', 'ทีมชาติ', 'รัฐบาล', 'ประธานาธิบดี', 'นายกรัฐมนตรี', 'สถานทูต', 'เอกอัครราชทูต', 'ไทย', '-', '–', ',', ', '];

/** Per-name rules, as written: what may not stand right before or after that name. */
interface ContextRuleSpec {
  before?: string[];
  after?: string[];
  /** for a name that is also a common word: accepted only right after one of these */
  onlyAfter?: string[];
}

const RULE_SPECS: Array<[string, ContextRuleSpec]> = [
  [
    'ไทย',
    {
      before: [
        'มหาด', // กระทรวงมหาดไทย
        'กรุง', // ธนาคารกรุงไทย
        'กสิกร', // ธนาคารกสิกรไทย
        'การบิน', // การบินไทย
        'ไปรษณีย์', // ไปรษณีย์ไทย
        'เพื่อ', // พรรคเพื่อไทย
        'ภูมิใจ', // พรรคภูมิใจไทย
        'ชาติ', // พรรคชาติไทย, รวมพลังประชาชาติไทย
        'รวม', // พรรครวมไทยสร้างชาติ
        'รัก', // พรรคไทยรักไทย (the second ไทย)
        'เสรี', // ขบวนการเสรีไทย
        'หอการค้า', // หอการค้าไทย
        'ธนาคาร', // สมาคมธนาคารไทย
        'บีบีซี', // บีบีซีไทย: a news service
        'มวย', // มวยไทย: a sport
        'นวด', // นวดไทย
        'แผน', // การแพทย์แผนไทย
        'เลข', // เลขไทย: the digits
        'ทอง', // ทองไทย: the gold price
      ],
      after: [
        'รัฐ', // ไทยรัฐ: a newspaper
        'พาณิชย์', // ธนาคารไทยพาณิชย์
        'รักไทย', // พรรคไทยรักไทย
        'รักษาชาติ',
        'สร้างไทย',
        'ธรรม', // เครื่องไทยธรรม: offerings
        'ทาน',
        'มุง', // ไทยมุง: onlookers
        'เฉย',
        'ใหญ่', // ไทยใหญ่: the Shan
        'ลื้อ',
        'พวน',
        'แลนด์', // ไทยแลนด์ 4.0: a policy slogan
        ' 4.0',
        '4.0',
        'เบฟ',
        'ออยล์',
        'ยูเนี่ยน',
        'พีบีเอส',
        'โพสต์',
        'คม', // ไทยคม: a satellite operator
        'แอร์',
        'สมายล์',
        'ไลอ้อน',
        'ประกัน',
        'ซัมมิท',
      ],
    },
  ],
  ['ประเทศไทย', { after: [' 4.0', '4.0'] }],
  ['เมืองไทย', { before: ['การ'], after: ['ประกัน'] }], // การเมืองไทย: Thai politics; เมืองไทยประกันชีวิต
  ['จีน', { before: ['ปรา', 'อินโด', 'ตรุษ', 'เชื้อสาย', 'หมอ', 'ลูก'], after: ['ฮ่อ'] }], // ปราจีนบุรี, อินโดจีน, ตรุษจีน
  ['ลาว', { after: ['ครั่ง', 'โซ่ง', 'เวียง', 'พวน'] }], // ethnic groups of Thailand
  // อินโด (Indonesia, informal): not อินโดจีน (Indochina), อินโดแปซิฟิก (the Indo-Pacific), อินโด-ยุโรป
  ['อินโด', { after: ['จีน', 'แปซิฟิก', '-แปซิฟิก', ' แปซิฟิก', ' - แปซิฟิก', '–แปซิฟิก', ' – แปซิฟิก', 'ยุโรป', '-ยุโรป', 'อารยัน'] }],
  ['เขมร', { after: ['แดง'] }], // เขมรแดง: the Khmer Rouge
  ['อเมริกา', { before: ['ลาติน', 'ละติน', 'แพน'], after: ['ใต้', 'เหนือ', 'กลาง'] }],
  ['อินเดีย', { after: ['น', 'ตะวันตก', 'ตะวันออก'] }], // อินเดียน, อินเดียนแดง; หมู่เกาะอินเดียตะวันตก (the West Indies), อินเดียตะวันออก
  ['ไอร์แลนด์', { after: ['เหนือ'] }], // Northern Ireland is part of GB
  ['กินี', { before: ['นิว'] }], // นิวกินี: the island
  ['เม็กซิโก', { before: ['นิว'] }], // นิวเม็กซิโก: a US state
  ['เจอร์ซีย์', { before: ['นิว'] }],
  ['จอร์เจีย', { before: ['รัฐ'] }], // รัฐจอร์เจีย: a US state
  ['จอร์แดน', { before: ['ไมเคิล ', 'ไมเคิล'] }],
  ['มองโกเลีย', { after: ['ใน'] }], // มองโกเลียใน: a region of China
  ['ชิลี', { before: ['พริก', 'ซอส'] }],
  ['เช็ก', { onlyAfter: COUNTRY_CUES }], // เช็กสถานะ: "check the status"
  ['ชาด', { onlyAfter: COUNTRY_CUES }], // สีชาด: vermilion; ชาดก: Jataka tales
  ['มาลี', { onlyAfter: COUNTRY_CUES }], // a given name, a flower
  ['China', { before: ['south ', 'east '] }], // South China Sea, South China Morning Post
  ['Thailand', { after: [' 4.0'] }],
  ['Guinea', { before: ['new '], after: [' pig'] }],
  ['Jersey', { before: ['new '] }],
  ['Mexico', { before: ['new '] }],
  ['Ireland', { before: ['northern '] }],
  ['Jordan', { before: ['michael '] }],
  ['Georgia', { before: ['state of '], after: [' state'] }],
  ['Niger', { before: ['river '] }],
  ['Congo', { before: ['river '] }],
];

interface ContextRule {
  name: string;
  before?: EdgeWords;
  after?: EdgeWords;
  onlyAfter?: EdgeWords;
}

function compileRule(name: string, spec: ContextRuleSpec): ContextRule {
  const latin = !isThaiUnit(name.charCodeAt(0));
  return {
    name,
    before: spec.before && new EdgeWords(spec.before, 'before', latin),
    after: spec.after && new EdgeWords(spec.after, 'after', latin),
    onlyAfter: spec.onlyAfter && new EdgeWords(spec.onlyAfter, 'before', latin),
  };
}

/** Rules indexed by the (case-folded) first code unit of their name: Thai ones in an array, others in a Map. */
const THAI_RULES_BY_FIRST: Array<ContextRule[] | undefined> = new Array(0x80);
const RULES_BY_FIRST = new Map<number, ContextRule[]>();
/** The same rules by name (Latin names lower-cased), for spans written with ignorable characters. */
const RULES_BY_NAME = new Map<string, ContextRule>();
for (const [name, spec] of RULE_SPECS) {
  const rule = compileRule(name, spec);
  const first = foldUnit(name.charCodeAt(0));
  const list = isThaiUnit(first) ? THAI_RULES_BY_FIRST[first - 0x0e00] : RULES_BY_FIRST.get(first);
  if (list) list.push(rule);
  else if (isThaiUnit(first)) THAI_RULES_BY_FIRST[first - 0x0e00] = [rule];
  else RULES_BY_FIRST.set(first, [rule]);
  RULES_BY_NAME.set(isThaiUnit(name.charCodeAt(0)) ? name : name.toLowerCase(), rule);
}

/** The rule for the name at [start, end), if it has one. */
function ruleFor(text: string, start: number, end: number, latin: boolean): ContextRule | undefined {
  const first = foldUnit(text.charCodeAt(start));
  const list = isThaiUnit(first) ? THAI_RULES_BY_FIRST[first - 0x0e00] : RULES_BY_FIRST.get(first);
  if (list) {
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      if (r.name.length === end - start && matchesAt(text, start, r.name, latin)) return r;
    }
  } else if (!hasIgnorable(text, start, start + 1)) {
    return undefined; // no rule's name starts with this character, however the rest is written
  }
  if (!hasIgnorable(text, start, end)) return undefined;
  const key = normalizeName(text.slice(start, end));
  return RULES_BY_NAME.get(latin ? key.toLowerCase() : key);
}

/** Does the span hold a character that normalization drops or rewrites (ZWSP, ฯ, ํ, soft hyphen)? */
function hasIgnorable(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0e2f || c === 0x0e4d || c === 0x00ad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) return true;
  }
  return false;
}

/** A name as the gazetteer writes it: without ZWSP and the like, without ฯ, with ำ. */
function normalizeName(span: string): string {
  return span.replace(/[\u200b-\u200d\u2060\ufeff\u00adฯ]/g, '').replace(/\u0e4d([\u0e48-\u0e4b]?)\u0e32/g, '$1\u0e33');
}

/** Titles before a given name: a name after `title + given name + space` is a surname. */
const PERSON_TITLES = ['นางสาว', 'น.ส.', 'นาย', 'นาง', 'ด.ช.', 'ด.ญ.', 'ดร.'];
/** Words that start like a title but are not one (นายกรัฐมนตรี, นายอำเภอ ...). */
const NOT_TITLES = ['นายก', 'นายอำเภอ', 'นายทุน', 'นายจ้าง', 'นายหน้า', 'นายทหาร', 'นายตำรวจ', 'นายช่าง', 'นายสิบ', 'นายพล', 'นายด่าน', 'นายประกัน', 'นางงาม', 'นางพยาบาล', 'นางแบบ', 'นางฟ้า', 'นางสาวไทย'];
/** How far back (code units) a title or an organization head is looked for. */
const REACH = 40;

/**
 * Words that open the name of an organization written without spaces (สมาคมธนาคารไทย,
 * สถาบันวิจัยเศรษฐกิจของญี่ปุ่น, สถานเอกอัครราชทูตเยอรมนี).
 */
const ORGANIZATION_HEADS = ['สมาคม', 'พรรค', 'ชมรม', 'มูลนิธิ', 'สโมสร', 'เครือข่าย', 'สหกรณ์', 'สถาบัน', 'สถานเอกอัครราชทูต', 'สถานทูต', 'สถานกงสุล'];
/**
 * At most this many code units of name words may stand between an organization head and the
 * country (`วิจัยเศรษฐกิจของ`, `อุตสาหกรรมเยื่อและกระดาษ`): the shape of a name, not a clause.
 */
const ORGANIZATION_NAME_REACH = 28;
/** HEAD_FIRST[c - 0x0e00] = 1 where an organization head starts with that Thai code unit. */
const HEAD_FIRST = new Uint8Array(0x80);
for (const h of ORGANIZATION_HEADS) HEAD_FIRST[h.charCodeAt(0) - 0x0e00] = 1;
/**
 * Prepositions and verbs that, right before the name, make the country an argument of the
 * clause that follows the organization, not a part of its name: มูลนิธิรับเงินจาก|กาตาร์,
 * พรรคการเมืองใน|อินโดนีเซีย, สมาคมเดินทางไป|ญี่ปุ่น.
 */
const CLAUSE_WORDS_BEFORE = new EdgeWords(
  [
    'จาก', 'ใน', 'กับ', 'ที่', 'สู่', 'ยัง', 'ถึง', 'ต่อ', 'แก่', 'ให้', 'และ', 'หรือ', 'กว่า', 'ระหว่าง', 'ทั่ว', 'เยือน', 'ว่า', 'คือ',
    'เป็น', 'โดย', 'ไป', 'มา', 'เข้า', 'ออก', 'ถูก', 'แต่', 'ทั้ง', 'ด้วย', 'เช่น', 'กัน', 'แล้ว', 'อยู่', 'นี้', 'นั้น',
  ],
  'before',
);

function isThaiUnit(c: number): boolean {
  return c >= 0x0e00 && c <= 0x0e7f;
}

/** Thai letters, vowels and marks (not digits, ฯ is included): the units of a Thai word. */
function isThaiWordUnit(c: number): boolean {
  return c >= 0x0e01 && c <= 0x0e4e;
}

/** ์ (thanthakhat): the consonant before it is silent, and ends the syllable before that. */
const THANTHAKHAT = 0x0e4c;

function isThaiConsonant(c: number): boolean {
  return c >= 0x0e01 && c <= 0x0e2e;
}

/** Vowels and marks that continue the syllable of the consonant before them (ลาว|า, ลาว|ัณย์). */
function isFollowingVowelOrMark(c: number): boolean {
  return c === 0x0e30 || c === 0x0e31 || (c >= 0x0e32 && c <= 0x0e3a) || c === 0x0e45 || (c >= 0x0e47 && c <= 0x0e4e);
}

/** Vowels written before their consonant (เ แ โ ใ ไ): a name right after one starts mid-syllable. */
function isLeadingVowel(c: number): boolean {
  return c >= 0x0e40 && c <= 0x0e44;
}

/**
 * Is the Thai name at `start` the surname of a titled person (นายอโณทัย ไทยวรรณศรี)? True
 * when a space precedes it, the word before the space starts with a title, and the name
 * runs on into more letters (the surname is longer than the country name).
 */
function isSurname(text: string, start: number, end: number): boolean {
  if (start < 2 || text.charCodeAt(start - 1) !== 0x20 || end >= text.length) return false;
  const next = text.charCodeAt(end);
  if (!isThaiConsonant(next) && !isLeadingVowel(next)) return false;
  // the word before the space; titles with dots (น.ส., ดร.) are part of it
  const limit = Math.max(0, start - 1 - REACH);
  let wordStart = start - 1;
  while (wordStart > limit) {
    const c = text.charCodeAt(wordStart - 1);
    if (!isThaiWordUnit(c) && c !== 0x2e) break;
    wordStart--;
  }
  const first = text.charCodeAt(wordStart);
  if (first !== 0x0e19 && first !== 0x0e14) return false; // น, ด: every title starts with one
  for (let i = 0; i < PERSON_TITLES.length; i++) {
    const title = PERSON_TITLES[i];
    if (text.startsWith(title, wordStart) && start - 1 - wordStart > title.length + 1) {
      for (let j = 0; j < NOT_TITLES.length; j++) if (text.startsWith(NOT_TITLES[j], wordStart)) return false;
      return true;
    }
  }
  return false;
}

/**
 * Is the name inside an organization's name? True when, in the same run of Thai letters (no
 * space) and at most REACH code units back, an organization head (สมาคม, พรรค, สถาบัน,
 * สถานเอกอัครราชทูต ...) stands right before the name or at most ORGANIZATION_NAME_REACH code
 * units of name words before it, and the word
 * right before the name is not a preposition or verb of a clause (CLAUSE_WORDS_BEFORE):
 * สถาบันวิจัยเศรษฐกิจของญี่ปุ่น and นายกสมาคมอุตสาหกรรมเยื่อและกระดาษไทย are, but not
 * มูลนิธิรับเงินจากกาตาร์ or พรรคการเมืองในอินโดนีเซียเสนอร่างกฎหมาย.
 */
function isInOrganizationName(text: string, start: number): boolean {
  const limit = Math.max(0, start - REACH);
  for (let at = start - 1; at >= limit; at--) {
    const c = text.charCodeAt(at);
    if (!isThaiWordUnit(c)) return false;
    if (HEAD_FIRST[c - 0x0e00] === 0) continue;
    for (let i = 0; i < ORGANIZATION_HEADS.length; i++) {
      const head = ORGANIZATION_HEADS[i];
      const headEnd = at + head.length;
      if (headEnd <= start && start - headEnd <= ORGANIZATION_NAME_REACH && matchesAt(text, at, head, false)) {
        return headEnd === start || !CLAUSE_WORDS_BEFORE.touches(text, start);
      }
    }
  }
  return false;
}

/** Is the code unit an ASCII or Latin-1 upper-case letter? */
function isUpperLatin(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/**
 * How the name at [start, end) of text reads: `false` where it is part of a longer name of
 * something else (ทะเลจีนใต้, อินโดจีน, อ่าวไทย, ลาวา, ภาษาอังกฤษ, การบินไทย, the surname in
 * นายอโณทัย ไทยวรรณศรี, South China Sea), `true` for a plain mention of the country, or the
 * CountryRole in which the country is named. Offsets are UTF-16 code units into the original text.
 */
export function readCountryAt(text: string, start: number, end: number): boolean | CountryRole {
  if (start < 0 || end > text.length || start >= end) return false;
  if (!isThaiUnit(text.charCodeAt(start))) return readLatinCountryAt(text, start, end);

  // orthography: the name must not start or end in the middle of a syllable
  if (start > 0 && isLeadingVowel(text.charCodeAt(start - 1))) return false;
  if (end < text.length && isFollowingVowelOrMark(text.charCodeAt(end))) return false;
  if (isThaiConsonant(text.charCodeAt(end)) && text.charCodeAt(end + 1) === THANTHAKHAT) return false; // อินโด|ร์

  const wordBefore = THAI_BEFORE.touching(text, start);
  const roleBefore = wordBefore === undefined ? undefined : READING_AFTER_WORD.get(wordBefore);
  if (roleBefore === false) return false;
  if (PRATHET_BLOCK_BEFORE.touches(text, start) && matchesAt(text, start, 'ประเทศ', false)) return false;

  const rule = ruleFor(text, start, end, false);
  if (rule) {
    if (rule.before?.touches(text, start) || rule.after?.touches(text, end)) return false;
    if (rule.onlyAfter && !rule.onlyAfter.touches(text, start)) return false;
  }
  if (matchesAt(text, start - 4, 'เกาะ', false)) {
    const code = countryCodeOf(text.slice(start, end));
    if (!code || !ISLAND_STATES.has(code)) return false;
  }
  if (isSurname(text, start, end)) return false;
  if (roleBefore !== undefined) return roleBefore;
  if (text.charCodeAt(start) === 0x0e1b && matchesAt(text, start, 'ประเทศ', false) && matchesAt(text, start - 4, 'แห่ง', false)) return 'organization';
  if (THAI_ORGANIZATION_AFTER.touches(text, end) || isInOrganizationName(text, start)) return 'organization';
  return true;
}

/**
 * False where the name at [start, end) of text is not the country at all (see `readCountryAt`);
 * true where it names the country, plainly or in a role.
 */
export function isCountryContext(text: string, start: number, end: number): boolean {
  return readCountryAt(text, start, end) !== false;
}

/** Latin names: proper nouns, so they start with a capital (china, turkey, jersey are words). */
function readLatinCountryAt(text: string, start: number, end: number): boolean | CountryRole {
  if (!isUpperLatin(text.charCodeAt(start))) return false;
  if (LATIN_BLOCK_BEFORE.touches(text, start) || LATIN_BLOCK_AFTER.touches(text, end)) return false;
  const rule = ruleFor(text, start, end, true);
  if (rule && (rule.before?.touches(text, start) || rule.after?.touches(text, end))) return false;
  return LATIN_ORGANIZATION_BEFORE.touches(text, start) ? 'organization' : true;
}

let codeOfName: Map<string, string> | undefined;

/** The code of a gazetteer form as written (only used on the rare `เกาะ` + name path). */
function countryCodeOf(name: string): string | undefined {
  if (!codeOfName) {
    codeOfName = new Map();
    for (const c of COUNTRIES) for (const n of [c.nameTh, c.formalTh, ...c.aliases, ...(c.informal ?? []), ...(c.misspellings ?? [])]) codeOfName.set(n, c.code);
  }
  return codeOfName.get(normalizeName(name));
}
