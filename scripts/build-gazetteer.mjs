#!/usr/bin/env node
// Drafts src/core/recognize/data/countries.json, the country gazetteer, from:
//   - Debian iso-codes (apt-get install iso-codes): ISO 3166-1 and 3166-3 JSON, and the
//     Thai translations in /usr/share/locale/th/LC_MESSAGES/iso_3166-{1,3}.mo (parsed here);
//   - Unicode CLDR region names through Node's ICU (Intl.DisplayNames 'th' and 'en');
//   - the hand corrections in OVERRIDES below, toward the Royal Institute of Thailand's
//     (ราชบัณฑิตยสภา) list of country names and the forms found in Thai news and
//     government documents.
// Not run by the build or the tests: run it by hand after changing OVERRIDES, then review
// the diff of countries.json.
//   node scripts/build-gazetteer.mjs            writes src/core/recognize/data/countries.json
//   node scripts/build-gazetteer.mjs --check    exits 1 if the file would change
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'src/core/recognize/data/countries.json');
const ISO_JSON = '/usr/share/iso-codes/json';
const MO_DIR = '/usr/share/locale/th/LC_MESSAGES';

/** Reads a GNU gettext .mo file into a Map msgid -> msgstr (first plural form only). */
function readMo(path) {
  const buf = readFileSync(path);
  const magic = buf.readUInt32LE(0);
  const little = magic === 0x950412de;
  if (!little && buf.readUInt32BE(0) !== 0x950412de) throw new Error(`${path}: not a .mo file`);
  const u32 = (at) => (little ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  const count = u32(8);
  const idTable = u32(12);
  const strTable = u32(16);
  const map = new Map();
  for (let i = 0; i < count; i++) {
    const idLen = u32(idTable + 8 * i);
    const idAt = u32(idTable + 8 * i + 4);
    const strLen = u32(strTable + 8 * i);
    const strAt = u32(strTable + 8 * i + 4);
    const id = buf.toString('utf8', idAt, idAt + idLen).split('\0')[0];
    const str = buf.toString('utf8', strAt, strAt + strLen).split('\0')[0];
    if (id) map.set(id, str);
  }
  return map;
}

/**
 * Hand corrections per code. th/thFormal/en/enFormal replace the drafted value; aka adds
 * surface forms (Thai or Latin); drop removes drafted aliases that are wrong or harmful;
 * bare lists Thai forms that take no drafted `ประเทศ` + form (เมืองไทย, จีนไทเป);
 * informal lists colloquial and abbreviated forms of news text (อินโด) and misspellings the
 * frequent misspellings news text prints (สิงค์โปร์): both are matched, and kept in fields of
 * their own so that they are marked as such (no `ประเทศ` + form is drafted for them).
 * Thai formal names follow the Royal Institute list (ราชบัณฑิตยสภา, ประกาศสำนักนายกรัฐมนตรี
 * เรื่อง การกำหนดชื่อประเทศ ดินแดน เขตการปกครอง และเมืองหลวง) and the Ministry of Foreign
 * Affairs' current usage where the two differ (ทูร์เคีย, เอสวาตีนี, มาซิโดเนียเหนือ).
 */
const OVERRIDES = {
  // ASEAN and neighbours
  TH: { thFormal: 'ราชอาณาจักรไทย', aka: ['เมืองไทย', 'ประเทศสยาม', 'ราชอาณาจักรสยาม', 'Kingdom of Thailand'], bare: ['เมืองไทย'] },
  KH: { aka: ['เขมร', 'ประเทศเขมร'] },
  LA: { th: 'ลาว', thFormal: 'สาธารณรัฐประชาธิปไตยประชาชนลาว', aka: ['สปป.ลาว', 'สปป. ลาว', 'Lao PDR', "Lao People's Democratic Republic"] },
  MM: { th: 'เมียนมา', thFormal: 'สาธารณรัฐแห่งสหภาพเมียนมา', en: 'Myanmar', enFormal: 'Republic of the Union of Myanmar', aka: ['พม่า', 'เมียนมาร์', 'สหภาพเมียนมา', 'สหภาพพม่า', 'Burma'], drop: ['สาธารณรัฐพม่า', 'Republic of Myanmar'] },
  MY: { thFormal: 'มาเลเซีย', misspellings: ['มาเลย์เซีย'] },
  SG: { misspellings: ['สิงค์โปร์'] },
  ID: { informal: ['อินโด', 'อินโดฯ'], misspellings: ['อินโดนิเซีย', 'อินโดเนเซีย'] },
  PH: { misspellings: ['ฟิลิปินส์', 'ฟิลลิปปินส์'] },
  BN: { th: 'บรูไนดารุสซาลาม', thFormal: 'เนการาบรูไนดารุสซาลาม', enFormal: 'Brunei Darussalam', aka: ['บรูไน'] },
  VN: { thFormal: 'สาธารณรัฐสังคมนิยมเวียดนาม', aka: ['Viet Nam'], misspellings: ['เวียตนาม'] },
  TL: { thFormal: 'สาธารณรัฐประชาธิปไตยติมอร์-เลสเต', aka: ['ติมอร์เลสเต', 'ติมอร์ตะวันออก', 'East Timor'] },
  // East and South Asia
  CN: { thFormal: 'สาธารณรัฐประชาชนจีน', aka: ['จีนแดง', 'จีนแผ่นดินใหญ่', 'PRC', "People's Republic of China"], bare: ['จีนแดง', 'จีนแผ่นดินใหญ่'] },
  TW: { thFormal: 'ไต้หวัน', enFormal: 'Taiwan', aka: ['จีนไทเป', 'จีนไต้หวัน', 'Chinese Taipei', 'สาธารณรัฐจีน', 'Republic of China'], bare: ['จีนไทเป', 'จีนไต้หวัน'], drop: ['Taiwan, Province of China'], misspellings: ['ใต้หวัน'] },
  HK: { th: 'ฮ่องกง', thFormal: 'เขตบริหารพิเศษฮ่องกงแห่งสาธารณรัฐประชาชนจีน', en: 'Hong Kong', enFormal: 'Hong Kong Special Administrative Region of the People\'s Republic of China', aka: ['เขตบริหารพิเศษฮ่องกง', 'เขตปกครองพิเศษฮ่องกง', 'Hong Kong SAR'], drop: ['เขตปกครองพิเศษฮ่องกงของจีน', 'Hong Kong Special Administrative Region of China'] },
  MO: { th: 'มาเก๊า', thFormal: 'เขตบริหารพิเศษมาเก๊าแห่งสาธารณรัฐประชาชนจีน', en: 'Macao', enFormal: 'Macao Special Administrative Region of the People\'s Republic of China', aka: ['เขตบริหารพิเศษมาเก๊า', 'เขตปกครองพิเศษมาเก๊า', 'มาเกา', 'Macau', 'Macao SAR'], drop: ['เขตปกครองพิเศษมาเก๊าของจีน', 'Macao Special Administrative Region of China'] },
  JP: { thFormal: 'ญี่ปุ่น', enFormal: 'Japan' },
  KR: { th: 'เกาหลีใต้', thFormal: 'สาธารณรัฐเกาหลี', en: 'South Korea', enFormal: 'Republic of Korea', aka: ['เกาหลี', 'ROK', 'Korea'], misspellings: ['เกาหลีไต้'] },
  KP: { thFormal: 'สาธารณรัฐประชาธิปไตยประชาชนเกาหลี', aka: ['DPRK'] },
  MN: { thFormal: 'มองโกเลีย', enFormal: 'Mongolia' },
  IN: {},
  PK: {},
  BD: { aka: ['บังคลาเทศ'] },
  LK: {},
  NP: { aka: ['เนเปาล', 'สหพันธ์สาธารณรัฐประชาธิปไตยเนเปาล'] },
  BT: {},
  MV: {},
  AF: {},
  // Central Asia and Caucasus
  KZ: {}, KG: { aka: ['คีร์กีซ'] }, TJ: {}, UZ: {},
  TM: { thFormal: 'เติร์กเมนิสถาน', enFormal: 'Turkmenistan' },
  GE: { thFormal: 'จอร์เจีย', enFormal: 'Georgia' },
  AM: {}, AZ: {},
  // Middle East and North Africa
  AE: { thFormal: 'สหรัฐอาหรับเอมิเรตส์', enFormal: 'United Arab Emirates', aka: ['ยูเออี', 'UAE'] },
  SA: { aka: ['ซาอุดิอาระเบีย', 'ซาอุฯ', 'ซาอุ'] },
  QA: {}, KW: {}, BH: {}, OM: {}, YE: {}, IQ: {}, IR: { aka: ['Islamic Republic of Iran'] },
  SY: { th: 'ซีเรีย', thFormal: 'สาธารณรัฐอาหรับซีเรีย', en: 'Syria', enFormal: 'Syrian Arab Republic' },
  LB: {}, JO: {}, IL: {},
  PS: { th: 'ปาเลสไตน์', thFormal: 'รัฐปาเลสไตน์', en: 'Palestine', enFormal: 'State of Palestine', aka: ['ดินแดนปาเลสไตน์'], drop: ['ปาเลสไตน์, รัฐ', 'Palestinian Territories'] },
  TR: { th: 'ทูร์เคีย', thFormal: 'สาธารณรัฐทูร์เคีย', en: 'Türkiye', enFormal: 'Republic of Türkiye', aka: ['ตุรกี', 'สาธารณรัฐตุรกี', 'Turkey', 'Turkiye', 'Republic of Turkey'] },
  CY: {}, EG: {},
  LY: { thFormal: 'รัฐลิเบีย', enFormal: 'State of Libya' },
  TN: {}, DZ: {}, MA: {},
  SD: {}, SS: {},
  // Europe
  GB: { th: 'สหราชอาณาจักร', aka: ['อังกฤษ', 'ประเทศอังกฤษ', 'บริเตนใหญ่', 'สหราชอาณาจักรบริเตนใหญ่', 'UK', 'U.K.', 'Britain', 'Great Britain'] },
  IE: { thFormal: 'ไอร์แลนด์', enFormal: 'Ireland' },
  FR: { misspellings: ['ฝรั่งเศษ'] }, DE: { aka: ['เยอรมัน', 'เยอรมนีตะวันตก', 'เยอรมันตะวันตก', 'West Germany'], misspellings: ['เยอรมันนี'] },
  IT: {}, ES: {}, PT: {}, GR: { aka: ['Greece'] }, MT: {},
  NL: { aka: ['ฮอลแลนด์', 'ฮอลันดา'], misspellings: ['เนเธอแลนด์'] }, BE: {},
  LU: { thFormal: 'ราชรัฐลักเซมเบิร์ก' },
  CH: { aka: ['สวิส', 'สวิตเซอร์แลนด์', 'Swiss Confederation'], misspellings: ['สวิสเซอร์แลนด์'] },
  AT: {}, LI: {}, MC: {}, AD: {}, SM: { aka: ['ซานมาริโน'] },
  VA: { th: 'นครรัฐวาติกัน', thFormal: 'นครรัฐวาติกัน', en: 'Vatican City', enFormal: 'Vatican City State', aka: ['วาติกัน', 'สันตะสำนัก', 'Holy See', 'Vatican'], bare: ['สันตะสำนัก'], drop: ['Holy See (Vatican City State)'] },
  DK: {}, NO: {}, SE: {}, FI: {}, IS: {},
  PL: {}, CZ: { th: 'เช็ก', thFormal: 'สาธารณรัฐเช็ก', en: 'Czechia', enFormal: 'Czech Republic', aka: ['เช็กเกีย', 'สาธารณรัฐเช็ก'], drop: ['ประเทศเช็กเกีย'] },
  SK: { th: 'สโลวาเกีย', aka: ['สโลวะเกีย'] },
  HU: { thFormal: 'ฮังการี' },
  RO: { thFormal: 'โรมาเนีย', enFormal: 'Romania' },
  BG: {}, RS: {}, ME: { thFormal: 'มอนเตเนโกร' }, HR: {}, SI: {},
  BA: { thFormal: 'บอสเนียและเฮอร์เซโกวีนา', enFormal: 'Bosnia and Herzegovina' },
  MK: { th: 'มาซิโดเนียเหนือ', thFormal: 'สาธารณรัฐมาซิโดเนียเหนือ', aka: ['มาซิโดเนีย'] },
  AL: {}, MD: { aka: ['Moldova'] }, UA: { thFormal: 'ยูเครน', enFormal: 'Ukraine' },
  BY: {}, LT: {}, LV: {}, EE: {},
  RU: { th: 'รัสเซีย', thFormal: 'สหพันธรัฐรัสเซีย', en: 'Russia', enFormal: 'Russian Federation' },
  // Americas
  US: { th: 'สหรัฐอเมริกา', thFormal: 'สหรัฐอเมริกา', en: 'United States', enFormal: 'United States of America', aka: ['สหรัฐ', 'สหรัฐฯ', 'อเมริกา', 'ประเทศอเมริกา', 'สรอ.', 'USA', 'U.S.A.', 'U.S.'] },
  CA: { thFormal: 'แคนาดา', enFormal: 'Canada', misspellings: ['แคนนาดา'] },
  MX: { aka: ['สหรัฐเม็กซิกัน'] },
  GT: {}, BZ: { thFormal: 'เบลีซ' }, HN: {}, SV: {}, NI: {}, CR: {}, PA: {},
  CU: {}, JM: { thFormal: 'จาเมกา' }, HT: {},
  DO: { th: 'โดมินิกัน', thFormal: 'สาธารณรัฐโดมินิกัน', en: 'Dominican Republic', enFormal: 'Dominican Republic' },
  DM: {}, BS: { aka: ['Bahamas', 'The Bahamas'] }, BB: { thFormal: 'บาร์เบโดส' },
  AG: { thFormal: 'แอนติกาและบาร์บูดา' },
  KN: { thFormal: 'สหพันธรัฐเซนต์คิตส์และเนวิส', enFormal: 'Federation of Saint Kitts and Nevis' },
  LC: { thFormal: 'เซนต์ลูเซีย' },
  VC: { thFormal: 'เซนต์วินเซนต์และเกรนาดีนส์' },
  GD: { th: 'เกรเนดา', thFormal: 'เกรเนดา', aka: ['เกรนาดา'] },
  TT: {},
  CO: {}, VE: { aka: ['Venezuela'] }, EC: {}, PE: {},
  BO: { thFormal: 'รัฐพหุชนชาติโบลิเวีย', drop: ['รัฐพหุชาติโบลิเวีย', 'โบลิเวีย, รัฐพหุชาติ'] },
  BR: {}, PY: {}, UY: {}, AR: {}, CL: {}, GY: {}, SR: {},
  // Sub-Saharan Africa
  NG: {}, GH: {}, CI: { th: 'โกตดิวัวร์', aka: ['ไอวอรีโคสต์', "Côte d'Ivoire", "Cote d'Ivoire", 'Ivory Coast'] },
  CV: { th: 'กาบูเวร์ดี', aka: ['เคปเวิร์ด', 'Cape Verde'] },
  GM: { thFormal: 'สาธารณรัฐแกมเบีย', aka: ['The Gambia'] },
  SN: {}, ML: {}, BF: { thFormal: 'บูร์กินาฟาโซ' }, NE: {}, TD: {}, MR: {}, GN: {}, GW: { aka: ['กินี-บิสเซา'] }, SL: {}, LR: {}, TG: {}, BJ: {},
  CM: {}, GA: {}, GQ: {}, ST: {},
  CG: { th: 'คองโก', thFormal: 'สาธารณรัฐคองโก', en: 'Congo', enFormal: 'Republic of the Congo', aka: ['Congo-Brazzaville'] },
  CD: { th: 'ดีอาร์คองโก', thFormal: 'สาธารณรัฐประชาธิปไตยคองโก', en: 'DR Congo', enFormal: 'Democratic Republic of the Congo', aka: ['Congo-Kinshasa', 'DRC'] },
  CF: { th: 'สาธารณรัฐแอฟริกากลาง', thFormal: 'สาธารณรัฐแอฟริกากลาง', enFormal: 'Central African Republic' },
  ET: {}, ER: {}, DJ: {}, SO: {}, KE: {}, UG: {}, RW: {}, BI: {}, TZ: {},
  ZA: {}, LS: {}, BW: {}, NA: {}, ZW: {}, ZM: {}, MW: {}, MZ: {}, MG: {}, MU: {}, SC: {},
  KM: {}, AO: {},
  SZ: { th: 'เอสวาตีนี', thFormal: 'ราชอาณาจักรเอสวาตีนี', aka: ['สวาซิแลนด์', 'ราชอาณาจักรสวาซิแลนด์', 'Swaziland'] },
  // Oceania
  AU: { thFormal: 'เครือรัฐออสเตรเลีย', enFormal: 'Commonwealth of Australia', misspellings: ['ออสเตเลีย'] },
  NZ: { thFormal: 'นิวซีแลนด์', enFormal: 'New Zealand' },
  PG: {}, FJ: {}, SB: { thFormal: 'หมู่เกาะโซโลมอน' }, VU: {}, WS: {}, TO: {},
  KI: { th: 'คิริบาส', thFormal: 'สาธารณรัฐคิริบาส', aka: ['คิริบาตี', 'สาธารณรัฐคิริบาตี'] },
  TV: { thFormal: 'ตูวาลู' }, NR: {}, PW: {}, FM: { aka: ['สหรัฐไมโครนีเซีย'] }, MH: {},
  // territories whose drafted names need care
  BQ: { th: 'เนเธอร์แลนด์แคริบเบียน', thFormal: 'โบแนร์ ซินต์เอิสตาซียึส และซาบา', en: 'Caribbean Netherlands', enFormal: 'Bonaire, Sint Eustatius and Saba', drop: ['บอแนร์, เซนต์ยูสเตเชียส และ เซบา'] },
  SH: { th: 'เซนต์เฮเลนา', thFormal: 'เซนต์เฮเลนา แอสเซนชัน และตริสตันดาคูนยา', en: 'Saint Helena', enFormal: 'Saint Helena, Ascension and Tristan da Cunha', drop: ['เซนต์เฮเลนา, แอสเซนชัน และ ทริสแตน ดา คูนญา'] },
  SJ: { drop: ['สฟาลบาร์ และ ยานไมเอน'] },
  MF: { th: 'เซนต์มาร์ติน', en: 'Saint Martin', enFormal: 'Saint Martin (French part)', drop: ['แซงมาร์แตง (ส่วนของฝรั่งเศส)'] },
  SX: { th: 'ซินต์มาร์เทิน', en: 'Sint Maarten', enFormal: 'Sint Maarten (Dutch part)', drop: ['เซนต์มาร์ติน (ส่วนของดัตช์)', 'ซินต์มาร์เทน'] },
  UM: { en: 'United States Minor Outlying Islands' },
  VI: { en: 'U.S. Virgin Islands', enFormal: 'Virgin Islands of the United States' },
  VG: { en: 'British Virgin Islands', enFormal: 'British Virgin Islands' },
  FK: { aka: ['หมู่เกาะมัลวีนัส'] },
  CC: { en: 'Cocos (Keeling) Islands', aka: ['Cocos Islands', 'Keeling Islands'] },
  CW: { thFormal: 'คูราเซา' },
  AQ: { th: 'แอนตาร์กติกา', thFormal: 'แอนตาร์กติกา', aka: ['ทวีปแอนตาร์กติกา'] },
  EH: {},
  // Historical states (ISO 3166-3)
  SU: { th: 'สหภาพโซเวียต', thFormal: 'สหภาพสาธารณรัฐสังคมนิยมโซเวียต', en: 'Soviet Union', enFormal: 'Union of Soviet Socialist Republics', aka: ['โซเวียต', 'USSR'], alpha3: 'SUN', until: '1992' },
  YU: { th: 'ยูโกสลาเวีย', thFormal: 'สาธารณรัฐสังคมนิยมสหพันธ์ยูโกสลาเวีย', en: 'Yugoslavia', enFormal: 'Socialist Federal Republic of Yugoslavia', aka: ['สหพันธ์สาธารณรัฐยูโกสลาเวีย', 'เซอร์เบียและมอนเตเนโกร', 'Federal Republic of Yugoslavia', 'Serbia and Montenegro'], alpha3: 'YUG', until: '2003' },
  CS: { th: 'เชโกสโลวาเกีย', thFormal: 'สาธารณรัฐสังคมนิยมเชโกสโลวัก', en: 'Czechoslovakia', enFormal: 'Czechoslovak Socialist Republic', aka: ['เชโกสโลวะเกีย', 'สาธารณรัฐเชโกสโลวัก', 'สหพันธ์สาธารณรัฐเช็กและสโลวัก'], alpha3: 'CSK', until: '1993' },
  DD: { th: 'เยอรมนีตะวันออก', thFormal: 'สาธารณรัฐประชาธิปไตยเยอรมัน', en: 'East Germany', enFormal: 'German Democratic Republic', aka: ['เยอรมันตะวันออก', 'GDR'], alpha3: 'DDR', until: '1990' },
};

/** Prefixes that mark a Thai form as already formal (no `ประเทศ` + form is drafted for it). */
const THAI_FORMAL_PREFIX = /^(ประเทศ|สาธารณรัฐ|ราชอาณาจักร|ราชรัฐ|สหพันธ์|สหพันธรัฐ|สหภาพ|เครือรัฐ|รัฐ|นครรัฐ|เขต|ดินแดน|หมู่เกาะ|เกาะ|ทวีป|เนการา|สหสาธารณรัฐ|สมาพันธรัฐ)/;
const THAI = /[\u0E00-\u0E7F]/;

/** A drafted name is usable as a surface form if it is not a catalogue form ("Korea, Republic of"). */
const usable = (s) => !!s && !/[,()]/.test(s) && !/ - /.test(s) && !/ SAR /.test(s + ' ');

function draft() {
  const iso1 = JSON.parse(readFileSync(join(ISO_JSON, 'iso_3166-1.json'), 'utf8'))['3166-1'];
  const thMo = readMo(join(MO_DIR, 'iso_3166-1.mo'));
  const cldrTh = new Intl.DisplayNames(['th'], { type: 'region' });
  const cldrEn = new Intl.DisplayNames(['en'], { type: 'region' });
  const rows = iso1.map((r) => ({ ...r, historical: false }));
  for (const code of ['SU', 'YU', 'CS', 'DD']) rows.push({ alpha_2: code, historical: true });

  const out = [];
  for (const r of rows) {
    const code = r.alpha_2;
    const o = OVERRIDES[code] ?? {};
    const thIso = r.name ? thMo.get(r.name) : undefined;
    const thIsoFormal = r.official_name ? thMo.get(r.official_name) : undefined;
    const thCldr = r.historical ? undefined : cldrTh.of(code);
    const enCldr = r.historical ? undefined : cldrEn.of(code);
    const enIso = r.common_name ?? r.name;

    const nameTh = o.th ?? (usable(thCldr) ? thCldr : usable(thIso) ? thIso : thCldr?.replace(/\s*\(.*\)$/, ''));
    const formalTh = o.thFormal ?? (usable(thIsoFormal) ? thIsoFormal : nameTh);
    const cleanEnCldr = enCldr && usable(enCldr) && !/&|\bSt\./.test(enCldr) ? enCldr : undefined;
    const nameEn = o.en ?? cleanEnCldr ?? (usable(enIso) ? enIso : enCldr?.replace(/\s*\(.*\)$/, ''));
    const officialEn = r.official_name?.replace(/^the /, '');
    const formalEn = o.enFormal ?? (usable(officialEn) ? officialEn : undefined);

    const drop = new Set(o.drop ?? []);
    const candidates = [thIso, thCldr, thIsoFormal, enCldr, r.name, r.common_name, officialEn, ...(o.aka ?? [])];
    const seen = new Set([nameTh, formalTh, nameEn, formalEn]);
    const aliases = [];
    const add = (s) => {
      if (!s || seen.has(s) || drop.has(s) || !usable(s)) return;
      seen.add(s);
      aliases.push(s);
    };
    for (const s of candidates) add(s);
    // `ประเทศ` + each Thai short form: the matcher is leftmost-longest, so the phrase is the span.
    const bare = new Set(o.bare ?? []);
    for (const s of [nameTh, ...aliases]) {
      if (THAI.test(s) && !THAI_FORMAL_PREFIX.test(s) && !/[.ฯ]/.test(s) && !bare.has(s)) add('ประเทศ' + s);
    }
    const entry = { code, nameTh, formalTh, nameEn };
    if (formalEn && formalEn !== nameEn) entry.formalEn = formalEn;
    entry.aliases = aliases;
    for (const field of ['informal', 'misspellings']) {
      const forms = (o[field] ?? []).filter((f) => !seen.has(f));
      for (const f of forms) seen.add(f);
      if (forms.length) entry[field] = forms;
    }
    const alpha3 = o.alpha3 ?? r.alpha_3;
    if (alpha3) entry.alpha3 = alpha3;
    if (r.numeric) entry.numeric = r.numeric;
    if (r.historical) {
      entry.historical = true;
      entry.until = o.until;
    }
    out.push(entry);
  }
  addPrathetFormalNames(out);
  out.sort((a, b) => a.code.localeCompare(b.code));
  return out;
}

/**
 * `ประเทศ` + a Thai formal name, where that phrase starts with another country's form: the
 * matcher is leftmost-longest, so without it `ประเทศสหรัฐเม็กซิโก` would read as
 * ประเทศสหรัฐ (US) followed by เม็กซิโก.
 */
function addPrathetFormalNames(entries) {
  const owner = new Map();
  for (const e of entries) for (const f of [e.nameTh, e.formalTh, ...e.aliases]) if (THAI.test(f)) owner.set(f, e.code);
  for (const e of entries) {
    const bare = new Set(OVERRIDES[e.code]?.bare ?? []);
    for (const f of [e.formalTh, ...e.aliases]) {
      if (!THAI.test(f) || f.startsWith('ประเทศ') || bare.has(f)) continue;
      const phrase = 'ประเทศ' + f;
      if (owner.has(phrase)) continue;
      const clash = [...owner].some(([g, code]) => code !== e.code && g.length > 'ประเทศ'.length && phrase.startsWith(g));
      if (clash) {
        e.aliases.push(phrase);
        owner.set(phrase, e.code);
      }
    }
  }
}

function check(entries) {
  const byForm = new Map();
  const problems = [];
  for (const e of entries) {
    if (!e.nameTh || !e.formalTh || !e.nameEn) problems.push(`${e.code}: a name is missing`);
    for (const f of [e.nameTh, e.formalTh, e.nameEn, e.formalEn, ...e.aliases, ...(e.informal ?? []), ...(e.misspellings ?? [])]) {
      if (!f) continue;
      const key = THAI.test(f) ? f.replace(/ฯ/g, '') : f.toLowerCase();
      const other = byForm.get(key);
      if (other && other !== e.code) problems.push(`"${f}" is both ${other} and ${e.code}`);
      byForm.set(key, e.code);
    }
  }
  return problems;
}

const entries = draft();
const problems = check(entries);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
// one entry per line: compact, and a diff shows which country changed
const json = '[\n' + entries.map((e) => JSON.stringify(e)).join(',\n') + '\n]\n';
if (process.argv.includes('--check')) {
  const current = readFileSync(outFile, 'utf8');
  if (current !== json) {
    console.error('countries.json differs from what the generator drafts');
    process.exit(1);
  }
} else {
  writeFileSync(outFile, json);
  console.log(`${entries.length} entries written to ${outFile}`);
}
