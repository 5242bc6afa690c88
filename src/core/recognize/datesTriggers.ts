/**
 * Where a date may start: a run of digits or one of a few trigger words. `triggerAt` says
 * which kind of date may start at a position: a table indexed by the first two characters
 * picks the few trigger words that begin with them. The positions to ask about come from
 * `DATE_MARKERS` found by the matcher's automaton (the one pass over the text that also finds
 * the terms and countries), so the parsers run only where a trigger word or a digit is.
 */
import { MONTH_NAMES, PERIOD_PARTS, RELATIVE_WORDS } from './datesLexicon';

/** What a trigger word opens; the scanner has one parser per kind. */
export const enum TriggerKind {
  None = 0,
  /** a run of ASCII or Thai digits */
  Digits,
  /** ม.ค, มกรา(คม) ... */
  ThaiMonth,
  /** พ.ศ, ค.ศ, พศ, คศ, พุทธศ(ักราช|ตวรรษ), คริสต(์ศักราช|์ศตวรรษ) */
  Era,
  /** ปี (ปี 2566, ปีหน้า, ปีงบประมาณ) */
  YearWord,
  /** เดือน (เดือนหน้า, เดือนพฤศจิกายน) */
  MonthWord,
  /** relative words that need no other context: วันนี้, เมื่อวาน, สัปดาห์หน้า, วันศุกร์ที่แล้ว ... */
  Relative,
  /** a part of a year or month: ต้นปี, กลางเดือน, ปลายปี, สิ้นเดือน */
  Part,
  Decade,
  Century,
  /** ไตรมาส (ไตรมาส 2/2561, ไตรมาสที่ 3 ปี 61) */
  Quarter,
  EnglishMonth,
  EnglishWeekday,
}

interface TriggerWord {
  word: string;
  kind: TriggerKind;
}

const WORDS: Array<[string, TriggerKind]> = [
  // bare abbreviations (ธค) are read only after a day, which its digits trigger
  ...MONTH_NAMES.filter((n) => n.style === 'abbr' || n.style === 'informal').map(
    (n): [string, TriggerKind] => [n.form, TriggerKind.ThaiMonth],
  ),
  ['พ.ศ', TriggerKind.Era],
  ['ค.ศ', TriggerKind.Era],
  ['พศ', TriggerKind.Era],
  ['คศ', TriggerKind.Era],
  ['พุทธศ', TriggerKind.Era],
  ['คริสต', TriggerKind.Era],
  ['ปี', TriggerKind.YearWord],
  ['เดือน', TriggerKind.MonthWord],
  ['สัปดาห์', TriggerKind.Relative],
  ['ทศวรรษ', TriggerKind.Decade],
  ['ศตวรรษ', TriggerKind.Century],
  ['ไตรมาส', TriggerKind.Quarter],
  ...RELATIVE_WORDS.filter((w) => w.unit === 'day').map((w): [string, TriggerKind] => [w.word, TriggerKind.Relative]),
  // วันศุกร์ที่แล้ว ...: วัน + the weekday is enough to look (few marker words keep the automaton small)
  ...['วันอาทิตย์', 'วันจันทร์', 'วันอังคาร', 'วันพุธ', 'วันพฤหัส', 'วันศุกร์', 'วันเสาร์'].map((w): [string, TriggerKind] => [w, TriggerKind.Relative]),
  ...PERIOD_PARTS.flatMap((p): Array<[string, TriggerKind]> => [
    [`${p.word}ปี`, TriggerKind.Part],
    [`${p.word}เดือน`, TriggerKind.Part],
  ]),
  ...['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map(
    (w): [string, TriggerKind] => [w, TriggerKind.EnglishMonth],
  ),
  ...['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((w): [string, TriggerKind] => [w, TriggerKind.EnglishWeekday]),
];

/**
 * The marker words of the matcher (see `MatcherOptions.markers`) that find every position
 * where `triggerAt` is not None: the ten digits (Thai digits normalize to them) and the
 * trigger words, each only once (a word that begins with another trigger word is left out:
 * the shorter one marks the same start). Every trigger word normalizes to itself, but for
 * ASCII case, and none starts with a tone mark or า (whose normalization depends on the
 * character before), so the normalized text holds the marker wherever the exact word is.
 */
export const DATE_MARKERS: readonly string[] = (() => {
  const words = [...new Set(WORDS.map(([w]) => w))].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const w of words) if (!kept.some((k) => w.startsWith(k))) kept.push(w);
  return ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ...kept];
})();

/**
 * Trigger words all start with two characters from the Thai block (U+0E00-U+0E7F) or ASCII:
 * each such character gets a byte code, Thai 0-127 and ASCII 128-255, and -1 otherwise.
 */
function byteCode(c: number): number {
  if (c >= 0x0e00 && c <= 0x0e7f) return c - 0x0e00;
  if (c < 0x80) return c + 0x80;
  return -1;
}

/** For each pair of byte codes (first << 8 | second): 0, or 1 + the index of its bucket of words. */
const BUCKET_OF_PAIR = new Uint16Array(0x10000);
const BUCKETS: TriggerWord[][] = [];
for (const [word, kind] of [...WORDS].sort((a, b) => b[0].length - a[0].length)) {
  const pair = (byteCode(word.charCodeAt(0)) << 8) | byteCode(word.charCodeAt(1));
  if (BUCKET_OF_PAIR[pair] === 0) {
    BUCKETS.push([]);
    BUCKET_OF_PAIR[pair] = BUCKETS.length;
  }
  BUCKETS[BUCKET_OF_PAIR[pair] - 1].push({ word, kind });
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0e50 && c <= 0x0e59);
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** The kind of trigger that starts at `pos`, or None. English words must start a word. */
export function triggerAt(text: string, pos: number): TriggerKind {
  const c = text.charCodeAt(pos);
  if (isDigit(c)) return TriggerKind.Digits;
  const first = byteCode(c);
  if (first < 0) return TriggerKind.None;
  const second = byteCode(text.charCodeAt(pos + 1));
  if (second < 0) return TriggerKind.None;
  const bucket = BUCKET_OF_PAIR[(first << 8) | second];
  if (bucket === 0) return TriggerKind.None;
  const words = BUCKETS[bucket - 1];
  for (let i = 0; i < words.length; i++) {
    const t = words[i];
    if (!text.startsWith(t.word, pos)) continue;
    if ((t.kind === TriggerKind.EnglishMonth || t.kind === TriggerKind.EnglishWeekday) && isWordChar(text.charCodeAt(pos - 1))) {
      return TriggerKind.None;
    }
    return t.kind;
  }
  return TriggerKind.None;
}
