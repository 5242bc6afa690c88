// An English-only workspace for measuring and testing quiet activation: `count` Markdown and
// plain-text files of English prose, in a few folders, with the words the built-in glossary and
// the country and date recognisers would mark in them (WHO, Chad, health, trade, 3 May 2024).
// Nothing in it is Thai, so the extension must neither highlight nor analyse any of it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SENTENCES = [
  'The WHO met health ministers in Geneva on 3 May 2024 to discuss vaccine supply.',
  'Chad and Niger agreed on a border commission; who will chair it is still open.',
  'Trade between the two economies grew by 4 percent in the second quarter of 2023.',
  'The README explains how to install the package, run the tests and report a bug.',
  'Security and defence cooperation were on the agenda, as were climate and disaster relief.',
  'Japan, Germany and Brazil sent observers; the United States sent a written statement.',
  'Digital services, cybersecurity and data protection rules will be reviewed next year.',
  'Human rights groups asked the ministry to publish the minutes of the meeting.',
];

/** Writes `count` English files under `dir` (a `.txt` and a `.md` in turn) and returns their number. */
export function writeEnglishWorkspace(dir, count = 1000) {
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `part-${String(i % 20).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    const lines = [];
    for (let j = 0; j < 12; j++) lines.push(SENTENCES[(i + j * 3) % SENTENCES.length]);
    const text = i % 2 ? `# Note ${i}\n\n${lines.join('\n\n')}\n` : `Report ${i}\n\n${lines.join('\n')}\n`;
    writeFileSync(join(folder, `doc-${i}.${i % 2 ? 'md' : 'txt'}`), text);
  }
  return count;
}
