/**
 * Generators for the benchmark: a Thai glossary of N plausible policy terms and Thai
 * policy-style documents of a given size (cabinet-resolution and press-release sentences
 * with glossary terms, countries, dates and not-dates, and line breaks).
 * Everything is deterministic for a given seed. Node-only helpers are not used here.
 */
import { SeededRandom } from './measureRandom';

// ---------------------------------------------------------------------------------------
// Glossary terms

/** Heads of Thai policy compounds (นโยบาย..., การ..., ความ...). */
const TERM_HEADS = [
  'การ', 'ความ', 'นโยบาย', 'แผน', 'ยุทธศาสตร์', 'กรอบ', 'มาตรการ', 'โครงการ', 'กลไก', 'ระบบ',
  'ศูนย์', 'คณะกรรมการ', 'แนวทาง', 'กองทุน', 'เครือข่าย', 'หลักเกณฑ์',
];

/** Cores of the compounds: verbs and nouns of policy prose. */
const TERM_CORES = [
  'พัฒนา', 'ส่งเสริม', 'คุ้มครอง', 'ป้องกัน', 'ฟื้นฟู', 'บริหารจัดการ', 'กำกับดูแล', 'ขับเคลื่อน',
  'เสริมสร้าง', 'ยกระดับ', 'อนุรักษ์', 'แก้ไขปัญหา', 'ปฏิรูป', 'บูรณาการ', 'เฝ้าระวัง', 'ลดความเหลื่อมล้ำ',
  'ร่วมมือ', 'เชื่อมโยง', 'ลงทุน', 'ค้าชายแดน', 'ถ่ายทอดเทคโนโลยี', 'ตรวจสอบ', 'ประเมินผล', 'สนับสนุน',
  'มั่นคง', 'ปลอดภัย', 'โปร่งใส', 'ยั่งยืน', 'เท่าเทียม', 'ช่วยเหลือ', 'อำนวยความสะดวก', 'เปิดเสรี',
  'แลกเปลี่ยนข้อมูล', 'ต่อต้านการก่อการร้าย', 'ปราบปรามยาเสพติด', 'จัดการภัยพิบัติ', 'ลดก๊าซเรือนกระจก',
  'รักษาความสงบ', 'คุ้มครองแรงงาน', 'ส่งออก',
];

/** Qualifiers that end a compound (ทางทะเล, ระหว่างประเทศ...). */
const TERM_TAILS = [
  'ทางทะเล', 'ระหว่างประเทศ', 'ดิจิทัล', 'ระดับภูมิภาค', 'ระดับชาติ', 'ชายแดน', 'ด้านสาธารณสุข',
  'ด้านพลังงาน', 'ทางไซเบอร์', 'ภาคเกษตร', 'อุตสาหกรรม', 'ผู้ลี้ภัย', 'ลุ่มน้ำโขง', 'เศรษฐกิจสีเขียว',
  'การศึกษา', 'แรงงานข้ามชาติ', 'ทรัพยากรน้ำ', 'ห่วงโซ่อุปทาน', 'วิสาหกิจขนาดกลางและขนาดย่อม',
  'สิ่งแวดล้อม', 'ภาคประชาสังคม', 'อวกาศ', 'ความมั่นคงทางอาหาร', 'การท่องเที่ยว', 'ทางการเงิน',
  'ประชาคมอาเซียน', 'ระยะยาว', 'เชิงรุก', 'แบบพหุภาคี', 'แบบทวิภาคี',
];

/** Real terms of Thai foreign-policy documents, always part of the generated glossary. */
export const REAL_TERMS = [
  'การทูตดิจิทัล', 'อาวุธนิวเคลียร์', 'การไม่แพร่ขยายอาวุธนิวเคลียร์', 'ความตกลงการค้าเสรี',
  'การเปลี่ยนแปลงสภาพภูมิอากาศ', 'การปล่อยก๊าซเรือนกระจก', 'สิทธิมนุษยชน', 'ความช่วยเหลือด้านมนุษยธรรม',
  'ประชาคมอาเซียน', 'เป้าหมายการพัฒนาที่ยั่งยืน', 'หยุดยิง', 'ความมั่นคงทางทะเล', 'ข้อมูลข่าวสาร',
  'ความร่วมมือระหว่างประเทศ', 'การค้าเสรี', 'ภัยพิบัติ', 'Digital Diplomacy', 'Free Trade Agreement',
];

/**
 * `count` distinct glossary terms: the real terms first, then head+core and head+core+tail
 * compounds in a seeded order (so some terms are prefixes of others, as in real glossaries),
 * and, for very large glossaries, head+core+tail+tail compounds.
 */
export function generateTerms(count: number, random: SeededRandom): string[] {
  const terms = new Set<string>();
  for (const t of REAL_TERMS) if (terms.size < count) terms.add(t);
  const candidates: string[] = [];
  for (const head of TERM_HEADS) {
    for (const core of TERM_CORES) {
      candidates.push(head + core);
      for (const tail of TERM_TAILS) candidates.push(head + core + tail);
    }
  }
  random.shuffle(candidates);
  // Two-part compounds are short and fire often: let only about one in three of them in.
  for (const c of candidates) {
    if (terms.size >= count) break;
    const twoPart = !TERM_TAILS.some((tail) => c.endsWith(tail));
    if (twoPart && !random.chance(0.35)) continue;
    terms.add(c);
  }
  if (terms.size < count) {
    const longer: string[] = [];
    for (const head of TERM_HEADS) {
      for (const core of TERM_CORES) {
        for (const tail of TERM_TAILS) for (const tail2 of TERM_TAILS) if (tail !== tail2) longer.push(head + core + tail + tail2);
      }
    }
    random.shuffle(longer);
    for (const c of longer) {
      if (terms.size >= count) break;
      terms.add(c);
    }
  }
  if (terms.size < count) throw new Error(`can generate at most ${terms.size} distinct terms`);
  return [...terms];
}

/** The glossary YAML (version 1) holding `terms`, spread over themes of about 100 terms. */
export function glossaryYaml(terms: readonly string[], termsPerTheme = 100): string {
  const lines = ['version: 1', 'themes:'];
  for (let i = 0, theme = 1; i < terms.length; i += termsPerTheme, theme++) {
    lines.push(`  - id: bench-theme-${theme}`);
    lines.push(`    label: หัวข้อทดสอบ ${theme}`);
    lines.push(`    label_en: Bench theme ${theme}`);
    lines.push('    terms:');
    for (const term of terms.slice(i, i + termsPerTheme)) lines.push(`      - ${JSON.stringify(term)}`);
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------
// Documents

const SUBJECTS = [
  'คณะรัฐมนตรี', 'กระทรวงการต่างประเทศ', 'นายกรัฐมนตรี', 'ที่ประชุม', 'รัฐมนตรีว่าการกระทรวงพาณิชย์',
  'ฝ่ายไทย', 'ผู้แทนไทย', 'สำนักเลขาธิการอาเซียน', 'กระทรวงกลาโหม', 'โฆษกประจำสำนักนายกรัฐมนตรี',
  'สำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ', 'รองนายกรัฐมนตรี', 'คณะผู้แทนไทย', 'กรมเอเชียตะวันออก',
];

const VERBS = [
  'มีมติเห็นชอบ', 'รับทราบ', 'เห็นชอบในหลักการของ', 'ได้หารือเกี่ยวกับ', 'แสดงความยินดีต่อ',
  'ยืนยันความพร้อมในการสนับสนุน', 'ผลักดัน', 'มอบหมายให้หน่วยงานที่เกี่ยวข้องดำเนินการตาม',
  'เน้นย้ำความสำคัญของ', 'ได้ลงนามใน', 'เสนอให้มีการทบทวน', 'อนุมัติงบประมาณสำหรับ',
];

const OBJECTS = [
  'ร่างแถลงการณ์ร่วม', 'ผลการประชุม', 'ร่างบันทึกความเข้าใจ', 'ร่างปฏิญญา', 'ข้อเสนอของฝ่ายเลขานุการ',
  'ผลการเยือนอย่างเป็นทางการ', 'รายงานความคืบหน้า', 'แผนปฏิบัติการ', 'ข้อริเริ่มใหม่', 'ร่างเอกสารผลลัพธ์',
];

const CONNECTORS = [
  'ทั้งนี้', 'นอกจากนี้', 'อย่างไรก็ดี', 'โดยเฉพาะอย่างยิ่ง', 'ในการนี้', 'สำหรับประเด็นดังกล่าว',
  'เพื่อให้เกิดประโยชน์สูงสุด', 'ตามที่ได้มีการหารือไว้',
];

/** Country names in the forms found in real documents, plus English names. */
const COUNTRY_FORMS = [
  'ไทย', 'ประเทศไทย', 'ราชอาณาจักรไทย', 'จีน', 'สาธารณรัฐประชาชนจีน', 'ญี่ปุ่น', 'ประเทศญี่ปุ่น',
  'สหรัฐฯ', 'สหรัฐอเมริกา', 'สหรัฐ', 'กัมพูชา', 'ราชอาณาจักรกัมพูชา', 'สปป.ลาว', 'ลาว',
  'สาธารณรัฐประชาธิปไตยประชาชนลาว', 'เวียดนาม', 'สาธารณรัฐสังคมนิยมเวียดนาม', 'เมียนมา', 'พม่า',
  'อินโดนีเซีย', 'สาธารณรัฐอินโดนีเซีย', 'มาเลเซีย', 'สิงคโปร์', 'ฟิลิปปินส์', 'บรูไนดารุสซาลาม',
  'อินเดีย', 'ออสเตรเลีย', 'เครือรัฐออสเตรเลีย', 'เกาหลีใต้', 'สาธารณรัฐเกาหลี', 'ฝรั่งเศส', 'เยอรมนี',
  'สหราชอาณาจักร', 'รัสเซีย', 'นิวซีแลนด์', 'แคนาดา', 'บราซิล', 'Japan', 'Indonesia', 'Thailand',
];

/** Names that contain a country name but are not a country. */
const NOT_COUNTRY_PLACES = [
  'ทะเลจีนใต้', 'อ่าวไทย', 'อินโดจีน', 'อเมริกาใต้', 'ลุ่มแม่น้ำโขง', 'ภูมิภาคเอเชียตะวันออกเฉียงใต้',
];

const CITIES = ['กรุงเทพมหานคร', 'กรุงพนมเปญ', 'นครเวียงจันทน์', 'กรุงจาการ์ตา', 'กรุงโตเกียว', 'เกาะบาหลี'];

const THAI_MONTHS = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
];
const THAI_MONTHS_ABBR = [
  'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.',
];
const ENGLISH_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const RELATIVE_DATES = ['วันนี้', 'เมื่อวานนี้', 'วานนี้', 'พรุ่งนี้', 'ปีหน้า', 'เดือนหน้า', 'ปีที่แล้ว'];

/** Numbers that are not dates: durations, money, percentages, names with numbers. */
const NOT_DATES = [
  'ร้อยละ 90', 'วงเงิน 2,000 ล้านบาท', 'สถานการณ์โควิด 19', 'เป็นระยะเวลา 3 เดือน', 'ครบรอบ 70 ปี',
  'จำนวน 28,500 นาย', 'ไวรัสโคโรนา 2019', 'Thailand 4.0', 'ข้อ 12 (3)', 'ร้อยละ ๔๕',
];

const THAI_DIGIT_ZERO = 0x0e50;

/** `n` written with Thai digits (๐-๙). */
function thaiDigits(n: number | string): string {
  const s = String(n);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 48 && c <= 57 ? String.fromCharCode(THAI_DIGIT_ZERO + c - 48) : s[i];
  }
  return out;
}

/** A date phrase in one of the forms Thai policy documents use (BE, CE, Thai digits, ranges, relative). */
function randomDatePhrase(r: SeededRandom): string {
  const day = r.between(1, 28);
  const month = r.int(12);
  const yearBE = r.between(2555, 2570);
  switch (r.int(14)) {
    case 0: return `เมื่อวันที่ ${day} ${THAI_MONTHS[month]} ${yearBE}`;
    case 1: return `เมื่อวันที่ ${day} ${THAI_MONTHS_ABBR[month]} ${yearBE}`;
    case 2: return `ภายในวันที่ ${day} ${THAI_MONTHS_ABBR[month]} ${yearBE % 100}`;
    case 3: return `(${day} ${THAI_MONTHS_ABBR[month]}${yearBE % 100})`;
    case 4: return `ในปี พ.ศ. ${yearBE}`;
    case 5: return `เมื่อวันที่ ${thaiDigits(day)} ${THAI_MONTHS_ABBR[month]} ${thaiDigits(yearBE % 100)}`;
    case 6: return `ระหว่างวันที่ ${day} - ${day + 1} ${THAI_MONTHS[month]} ${yearBE}`;
    case 7: return `on ${day} ${ENGLISH_MONTHS[month]} ${yearBE - 543}`;
    case 8: return `ลงวันที่ ${day}/${month + 1}/${yearBE}`;
    case 9: return `ในปีงบประมาณ พ.ศ. ${yearBE}`;
    case 10: return `ตั้งแต่เดือน${THAI_MONTHS[month]} ${yearBE}`;
    case 11: return r.pick(RELATIVE_DATES);
    case 12: return `วันที่ ${day} ${THAI_MONTHS[month]} พ.ศ. ${thaiDigits(yearBE)}`;
    default: return `(${yearBE - 543}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')})`;
  }
}

/** One Thai policy-style sentence with (usually) a glossary term, a country and a date. */
function randomSentence(r: SeededRandom, terms: readonly string[]): string {
  const parts: string[] = [];
  if (r.chance(0.25)) parts.push(r.pick(CONNECTORS));
  parts.push(r.pick(SUBJECTS) + r.pick(VERBS) + (r.chance(0.6) ? r.pick(terms) : r.pick(OBJECTS)));
  const country = (): string => r.pick(COUNTRY_FORMS);
  switch (r.int(5)) {
    case 0: parts.push(`ระหว่าง${country()}กับ${country()}`); break;
    case 1: parts.push(`ณ ${r.pick(CITIES)} ${country()}`); break;
    case 2: parts.push(`ร่วมกับ${country()}ในกรอบ${r.pick(terms)}`); break;
    case 3: parts.push(`ในพื้นที่${r.pick(NOT_COUNTRY_PLACES)}`); break;
    default: break;
  }
  if (r.chance(0.6)) parts.push(randomDatePhrase(r));
  if (r.chance(0.3)) parts.push('เพื่อ' + r.pick(terms) + 'และ' + r.pick(terms));
  if (r.chance(0.2)) parts.push(r.pick(NOT_DATES));
  return parts.join(' ');
}

/**
 * A Thai policy-style document of about `targetBytes` bytes of UTF-8 (Thai letters are
 * 3 bytes each): paragraphs of 2-5 sentences, some numbered clauses, separated by newlines.
 */
export function generateDocument(targetBytes: number, terms: readonly string[], random: SeededRandom): string {
  const chunks: string[] = [];
  let bytes = 0;
  let clause = 1;
  while (bytes < targetBytes) {
    const sentences = random.between(2, 5);
    let paragraph = random.chance(0.3) ? `${clause++}. ` : '';
    for (let i = 0; i < sentences; i++) paragraph += (i ? ' ' : '') + randomSentence(random, terms);
    paragraph += '\n';
    chunks.push(paragraph);
    bytes += utf8Length(paragraph);
  }
  return chunks.join('');
}

/** UTF-8 byte length of a string without allocating a buffer. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}
