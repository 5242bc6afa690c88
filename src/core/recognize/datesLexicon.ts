/**
 * Words that date recognition knows: Thai and English month names, era markers,
 * relative expressions, and the measure words after which a number is a quantity, not a year.
 * Only data here; the matching is in dates.ts.
 */

/**
 * How a month name is written. `informal` names (ตุลา, ธันวา) are also personal names and
 * word parts (ตุลาการ), so they need more context than full names or abbreviations. `bare`
 * abbreviations are written without their dots (ธค, พย, มีค): the same letters begin ordinary
 * words (พยาบาล, กยศ.), so they are read only right after a day (1ธค.57, 24 พย.).
 */
export type MonthStyle = 'full' | 'abbr' | 'bare' | 'informal' | 'english';

export interface MonthName {
  form: string;
  month: number;
  style: MonthStyle;
}

const THAI_FULL = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
];
/** Abbreviations, written here without the final dot (the dot is optional after a day). */
const THAI_ABBR = ['ม.ค', 'ก.พ', 'มี.ค', 'เม.ย', 'พ.ค', 'มิ.ย', 'ก.ค', 'ส.ค', 'ก.ย', 'ต.ค', 'พ.ย', 'ธ.ค'];
/** The abbreviations without dots, as Thai news writes them after a day (1ธค.57, 7มค., 24 พย.). */
const THAI_ABBR_BARE = ['มค', 'กพ', 'มีค', 'เมย', 'พค', 'มิย', 'กค', 'สค', 'กย', 'ตค', 'พย', 'ธค'];
const THAI_INFORMAL = [
  'มกรา', 'กุมภา', 'มีนา', 'เมษา', 'พฤษภา', 'มิถุนา',
  'กรกฎา', 'สิงหา', 'กันยา', 'ตุลา', 'พฤศจิกา', 'ธันวา',
];
const ENGLISH_FULL = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Every month name, longest first (so มีนาคม wins over มีนา). */
export const MONTH_NAMES: readonly MonthName[] = (() => {
  const names: MonthName[] = [];
  for (let i = 0; i < 12; i++) {
    names.push({ form: THAI_FULL[i], month: i + 1, style: 'full' });
    names.push({ form: THAI_ABBR[i], month: i + 1, style: 'abbr' });
    names.push({ form: THAI_ABBR_BARE[i], month: i + 1, style: 'bare' });
    names.push({ form: THAI_INFORMAL[i], month: i + 1, style: 'informal' });
    names.push({ form: ENGLISH_FULL[i], month: i + 1, style: 'english' });
    if (ENGLISH_FULL[i].length > 3) names.push({ form: ENGLISH_FULL[i].slice(0, 3), month: i + 1, style: 'english' });
  }
  // Common spellings: กรกฏาคม (ฏ for ฎ), กุมภาพันธุ์, Sept.
  names.push({ form: 'กรกฏาคม', month: 7, style: 'full' });
  names.push({ form: 'กรกฏา', month: 7, style: 'informal' });
  names.push({ form: 'กุมภาพันธุ์', month: 2, style: 'full' });
  names.push({ form: 'Sept', month: 9, style: 'english' });
  return names.sort((a, b) => b.form.length - a.form.length);
})();

/** English weekday names; a weekday before an English date belongs to its span. */
export const ENGLISH_WEEKDAYS: readonly string[] = [
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun',
].sort((a, b) => b.length - a.length);

/** Era markers written before a year; `calendar` is how that year counts. */
export interface EraMarker {
  form: string;
  calendar: 'BE' | 'CE';
}

export const ERA_MARKERS: readonly EraMarker[] = [
  { form: 'พุทธศักราช', calendar: 'BE' },
  { form: 'คริสต์ศักราช', calendar: 'CE' },
  { form: 'คริสตศักราช', calendar: 'CE' },
  { form: 'พ.ศ.', calendar: 'BE' },
  { form: 'ค.ศ.', calendar: 'CE' },
  // written without the inner dot, as news often prints them (พศ. 2561)
  { form: 'พศ.', calendar: 'BE' },
  { form: 'คศ.', calendar: 'CE' },
];

/** Century words; the era prefix says how the century counts (none: decided by its number). */
export const CENTURY_WORDS: readonly EraMarker[] = [
  { form: 'พุทธศตวรรษ', calendar: 'BE' },
  { form: 'คริสต์ศตวรรษ', calendar: 'CE' },
  { form: 'คริสตศตวรรษ', calendar: 'CE' },
];

/** Words that open a fiscal year (ปีงบประมาณ 2568 = 1 Oct 2024 .. 30 Sep 2025). */
export const FISCAL_YEAR_WORDS: readonly string[] = ['ปีงบประมาณ', 'ปีงบฯ', 'ปีงบ'];

export type RelativeUnit = 'day' | 'week' | 'weekday' | 'month' | 'year';

export interface RelativeWord {
  word: string;
  unit: RelativeUnit;
  /**
   * how many units after the reference date (negative: before). For a `weekday`: 0 is the
   * next such day on or after the reference date (วันอาทิตย์นี้), 1 that day in the next
   * week (วันจันทร์หน้า), -1 the last such day before it (วันศุกร์ที่แล้ว)
   */
  offset: number;
  /** for a `weekday`: 0 Sunday .. 6 Saturday */
  weekday?: number;
  /**
   * true for the day or year after the one the text speaks of (วันรุ่งขึ้น, ปีถัดมา): counted
   * from the last day (or year) written before it when there is one, else from the reference date
   */
  anaphoric?: boolean;
  /**
   * words one of which must come right before it (spaces allowed): ปัจจุบัน (the present) is a
   * date only as the end of a period, after ถึง or จน (ตั้งแต่ปี 2557 จนถึง[ปัจจุบัน])
   */
  after?: readonly string[];
}

/** Thai weekday names after วัน, by weekday (0 Sunday); พฤหัส is the short form of พฤหัสบดี. */
export const THAI_WEEKDAYS: ReadonlyArray<[string, number]> = [
  ['อาทิตย์', 0], ['จันทร์', 1], ['อังคาร', 2], ['พุธ', 3], ['พฤหัสบดี', 4], ['พฤหัส', 4], ['ศุกร์', 5], ['เสาร์', 6],
];
/** What may follow วัน + a weekday to make it relative, and the offset it gives. */
const WEEKDAY_MODIFIERS: Array<[string, number]> = [
  ['นี้', 0], ['หน้า', 1], ['ที่แล้ว', -1], ['ที่ผ่านมา', -1],
];

/**
 * Relative expressions, longest first. เมื่อ before วานนี้ and วานซืน is the preposition "on"
 * and stays outside the span, as before a day (`เมื่อ[วานนี้]`, `เมื่อ[15 เมษายน]`): the scanner
 * reads the word after it; เมื่อวาน alone is the word for yesterday.
 */
export const RELATIVE_WORDS: readonly RelativeWord[] = (
  [
    ['วันนี้', 'day', 0],
    ['วานซืน', 'day', -2],
    ['เมื่อวาน', 'day', -1],
    ['วานนี้', 'day', -1],
    ['วันพรุ่งนี้', 'day', 1],
    ['พรุ่งนี้', 'day', 1],
    ['มะรืนนี้', 'day', 2],
    ['สัปดาห์นี้', 'week', 0],
    ['สัปดาห์หน้า', 'week', 1],
    ['สัปดาห์ที่แล้ว', 'week', -1],
    ['สัปดาห์ที่ผ่านมา', 'week', -1],
    ['สัปดาห์ก่อน', 'week', -1],
    ['เดือนนี้', 'month', 0],
    ['เดือนหน้า', 'month', 1],
    ['เดือนที่แล้ว', 'month', -1],
    ['เดือนที่ผ่านมา', 'month', -1],
    ['เดือนก่อน', 'month', -1],
    ['ปีนี้', 'year', 0],
    ['ปีหน้า', 'year', 1],
    ['ปีที่แล้ว', 'year', -1],
    ['ปีที่ผ่านมา', 'year', -1],
    ['ปีก่อนหน้า', 'year', -1],
    ['ปีก่อน', 'year', -1],
  ] as Array<[string, RelativeUnit, number]>
)
  .map(([word, unit, offset]): RelativeWord => ({ word, unit, offset }))
  .concat(
    [
      { word: 'ปีถัดมา', unit: 'year', offset: 1, anaphoric: true },
      { word: 'ปีต่อมา', unit: 'year', offset: 1, anaphoric: true },
      { word: 'วันรุ่งขึ้น', unit: 'day', offset: 1, anaphoric: true },
      { word: 'วันถัดมา', unit: 'day', offset: 1, anaphoric: true },
      { word: 'ปัจจุบัน', unit: 'day', offset: 0, after: ['ถึง', 'จน'] },
    ],
    THAI_WEEKDAYS.flatMap(([name, weekday]) => WEEKDAY_MODIFIERS.map(([after, offset]): RelativeWord => ({ word: `วัน${name}${after}`, unit: 'weekday', offset, weekday }))),
  )
  .sort((a, b) => b.word.length - a.word.length);

/**
 * What comes before a day written alone: วันที่, or วัน + a weekday + ที่ (วันศุกร์ที่), longest
 * first. `วันที่ [5] ที่ผ่านมา` is a day of the month around the reference date.
 */
export const DAY_PREFIXES: readonly string[] = ['วันที่', ...THAI_WEEKDAYS.map(([name]) => `วัน${name}ที่`)].sort((a, b) => b.length - a.length);

/**
 * The quarters of a year after ไตรมาส (ไตรมาส 2/2561, ไตรมาสที่ 3 ปี 61, ไตรมาสแรกของปีนี้):
 * a digit 1-4 or one of these words, longest first.
 */
export const QUARTER_WORDS: ReadonlyArray<[string, number]> = [
  ['สุดท้าย', 4], ['หนึ่ง', 1], ['แรก', 1], ['สอง', 2], ['สาม', 3], ['สี่', 4],
];

/** Where a part of a year or month falls (ต้นปี, กลางเดือน ...). */
export type PeriodPart = 'early' | 'mid' | 'late' | 'end';

/**
 * Words for a part of a year or month, before ปี or เดือน: ต้น (early: January-April, days
 * 1-10), กลาง (mid: May-August, days 11-20), ปลาย (late: September-December, days 21 to the
 * last), สิ้น (the end: December, the last day).
 */
export const PERIOD_PARTS: ReadonlyArray<{ word: string; part: PeriodPart }> = [
  { word: 'ต้น', part: 'early' },
  { word: 'กลาง', part: 'mid' },
  { word: 'ปลาย', part: 'late' },
  { word: 'สิ้น', part: 'end' },
];

/**
 * Words that open the title of a law (or a budget act): a year written after them with an era
 * marker in the same title (พ.ร.บ.ยาเสพติดให้โทษ พ.ศ. 2522, รัฐธรรมนูญแห่งราชอาณาจักรไทย
 * พุทธศักราช 2550) or with ปี right after them (รัฐธรรมนูญฉบับปี 2550, งบประมาณรายจ่ายประจำปี
 * 2562) is part of that title: the date's role is `title`.
 */
export const TITLE_WORDS: readonly string[] = [
  'รัฐธรรมนูญ', 'พระราชบัญญัติ', 'พ.ร.บ.', 'พ.ร.บ', 'พระราชกำหนด', 'พ.ร.ก.', 'พระราชกฤษฎีกา', 'พ.ร.ฎ.', 'ประมวลกฎหมาย',
  'กฎกระทรวง', 'กฎมณเฑียรบาล', 'ระเบียบ', 'ข้อบังคับ',
];
/** The budget words whose year (งบประมาณรายจ่ายประจำปี 2562) names the budget act. */
export const BUDGET_TITLE_WORDS: readonly string[] = ['งบประมาณรายจ่ายแผ่นดิน', 'งบประมาณรายจ่าย', 'งบประมาณ'];

/**
 * Words that, right before ปี/เดือน/สัปดาห์/วัน, make a duration (สามปีที่แล้ว, หลายปีที่ผ่านมา):
 * then the relative word is not a date.
 */
export const QUANTITY_WORDS: readonly string[] = [
  'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า', 'สิบ', 'ยี่สิบ', 'ร้อย', 'พัน',
  'หลาย', 'กี่', 'ครึ่ง',
];

/**
 * Measure words: a 2-digit number followed by one of these is a quantity (62 ล้าน, 61 ปี), not
 * a 2-digit BE year. Only words that rarely begin another word: not ราย (รายงาน), ตัว (ตัวแทน),
 * คน (คนไทย), หน่วย (หน่วยงาน), พัน (พันธมิตร), วัน (วันที่).
 */
export const MEASURE_WORDS: readonly string[] = [
  'ปี', 'เดือน', 'สัปดาห์', 'ชั่วโมง', 'ชม.', 'นาที', 'วินาที', 'ล้าน', 'แสน', 'หมื่น', 'บาท',
  'เปอร์เซ็นต์', '%', 'กม.', 'กิโลเมตร', 'ไร่', 'ตัน', 'ดอลลาร์', 'องศา',
];
