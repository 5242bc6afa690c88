/**
 * A generated corpus for the corpus view's scale figures: `count` dated documents in the style
 * of government news (about 8,400 bytes of UTF-8 each: 14,000 of them are about 45M
 * characters, a year of government news), each opening with a dateline (วันที่ D เดือน YYYY,
 * Buddhist Era, 2563-2568) and paragraphs separated by blank lines, using the glossary's forms
 * and country names. Seeded: the same seed gives the same corpus. Never committed: written
 * to a folder on request (`npm run bench -- --write-corpus DIR`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateDocument } from './measureGenerate';
import { SeededRandom } from './measureRandom';

/** UTF-8 bytes of a document's body: 14,000 documents make about 45M characters. */
const DOCUMENT_BYTES = 8_350;

const MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];

export interface GeneratedDocument {
  /** `YYYY/MM/NNNNN.txt` (CE year and month of its date) */
  path: string;
  text: string;
}

/** The documents of a generated corpus, one at a time. */
export function* generateCorpus(count: number, forms: readonly string[], seed: number): Iterable<GeneratedDocument> {
  const random = new SeededRandom(seed);
  for (let i = 0; i < count; i++) {
    const year = 2020 + random.int(6);
    const month = random.int(12);
    const day = 1 + random.int(28);
    const dateline = `วันที่ ${day} ${MONTHS[month]} ${year + 543}`;
    const body = generateDocument(DOCUMENT_BYTES, forms, random).replace(/\n/g, '\n\n');
    yield { path: `${year}/${String(month + 1).padStart(2, '0')}/${String(i).padStart(5, '0')}.txt`, text: `${dateline}\n\n${body}` };
  }
}

/** Writes a generated corpus under `dir`; returns the number of characters written. */
export function writeCorpus(dir: string, count: number, forms: readonly string[], seed: number): number {
  let chars = 0;
  for (const doc of generateCorpus(count, forms, seed)) {
    const file = path.join(dir, doc.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, doc.text);
    chars += doc.text.length;
  }
  return chars;
}
