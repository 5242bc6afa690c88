/**
 * The growth check of `npm run bench` (issue 9): each hostile or extreme input that once took
 * quadratic (or worse) time is run through the command line in this process at 1x and 10x its
 * size; the times and their ratio are printed, and a ratio over 12 is flagged (linear work gives
 * about 10; times are the better of two runs, each after a garbage collection, as the process
 * is shared). `npm run bench -- --corners` runs this check alone.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serializeAnnotationsFile, type StoredTag } from '../core';
import { runCli } from '../cli/main';
import { formatTable } from './measureTable';

/** A ratio of the 10x time to the 1x time above this is flagged. */
export const MAX_GROWTH = 12;

interface Corner {
  name: string;
  /** writes the input of size `n` into `dir`; returns the command line to run */
  make(dir: string, n: number): string[];
  /** the 1x size (the 10x run takes ten times as much) */
  n: number;
  /** the exit status expected (2 for inputs that are refused) */
  code?: number;
}

const THAI_CONSONANTS = 'กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ';

/** `count` distinct Thai words. */
function words(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    let s = '';
    for (let n = i; n > 0 || s === ''; n = Math.floor(n / 30)) s += THAI_CONSONANTS[n % 30] + 'า';
    out.push(`นโยบาย${s}`);
  }
  return out;
}

function write(dir: string, name: string, content: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** A workspace with `tags` tags spread over `documents` documents; returns the folder. */
function taggedFolder(dir: string, tags: number, documents: number): string {
  const folder = path.join(dir, `ws-${tags}-${documents}`);
  const line = 'ไทยกับจีนลงนามความตกลงการค้าเสรีเมื่อวันที่ 16 พฤศจิกายน 2564';
  const perDoc = Math.ceil(tags / documents);
  const text = `${line}\n`.repeat(perDoc);
  const stored: StoredTag[] = [];
  for (let d = 0; d < documents; d++) {
    const document = `docs/d${d}.txt`;
    write(folder, document, text);
    for (let i = 0; i < perDoc && stored.length < tags; i++) {
      const start = i * (line.length + 1);
      stored.push({
        id: `t${d}-${i}`,
        document,
        theme: 'trade',
        created: '2025-01-01T00:00:00.000Z',
        modified: '2025-01-01T00:00:00.000Z',
        quote: { type: 'TextQuoteSelector', exact: line.slice(0, 20), prefix: '', suffix: line.slice(20, 40) },
        position: { type: 'TextPositionSelector', start, end: start + 20 },
      });
    }
  }
  write(folder, '.policy-lens/annotations.json', serializeAnnotationsFile({ version: 1, themes: [{ id: 'trade', label: 'การค้า' }], tags: stored }));
  return folder;
}

export const CORNERS: Corner[] = [
  {
    name: 'glossary: plain aliases (*s uses)',
    n: 2000,
    make: (dir, n) => [
      'analyze',
      '--glossary',
      write(dir, `aliases-${n}.glossary.yaml`, `version: 1\nthemes:\n  - id: a\n    label: A\n    terms: [&s ก]\n  - id: b\n    label: B\n    terms:\n${'      - *s\n'.repeat(n)}`),
      write(dir, 'doc.txt', 'ไทย'),
    ],
  },
  {
    name: 'glossary: nested alias bomb (levels 6 and 7, refused)',
    n: 6,
    code: 2,
    make: (dir, n) => {
      const levels = n === 6 ? 6 : 7;
      let text = 'version: 1\nx:\n  - &t0 {id: t, label: l, terms: [ก]}\n';
      for (let k = 1; k <= levels; k++) text += `  - &t${k} {id: t, label: l, themes: [${Array(10).fill(`*t${k - 1}`).join(', ')}]}\n`;
      return ['analyze', '--glossary', write(dir, `bomb-${levels}.glossary.yaml`, `${text}themes: [*t${levels}]\n`), write(dir, 'doc.txt', 'ไทย')];
    },
  },
  {
    name: 'glossary: nested flow lists (refused)',
    n: 1000,
    code: 2,
    make: (dir, n) => ['analyze', '--glossary', write(dir, `deep-${n}.glossary.yaml`, `version: 1\nthemes: ${'['.repeat(n)}${']'.repeat(n)}\n`), write(dir, 'doc.txt', 'ไทย')],
  },
  {
    name: 'annotations file: nested arrays (refused)',
    n: 3000,
    code: 2,
    make: (dir, n) => {
      const folder = path.join(dir, `deep-json-${n}`);
      write(folder, '.policy-lens/annotations.json', `{"version": 1, "tags": ${'['.repeat(n)}${']'.repeat(n)}}`);
      return ['export', '--format', 'csv', '--no-builtin-glossary', '--folder', folder];
    },
  },
  {
    name: 'whole_word ก in a line of ก (characters)',
    n: 100_000,
    make: (dir, n) => ['analyze', '--format', 'summary', '--glossary', write(dir, 'k.glossary.yaml', 'version: 1\nthemes:\n  - id: k\n    label: K\n    terms:\n      - term: ก\n        whole_word: true\n'), write(dir, `k-${n}.txt`, 'ก'.repeat(n))],
  },
  {
    name: 'whole_word สหรัฐ in a line of สหรัฐ (characters)',
    n: 300_000,
    make: (dir, n) => [
      'analyze',
      '--format',
      'summary',
      '--glossary',
      write(dir, 'us.glossary.yaml', 'version: 1\nthemes:\n  - id: k\n    label: K\n    terms:\n      - term: สหรัฐ\n        whole_word: true\n'),
      write(dir, `us-${n}.txt`, 'สหรัฐ'.repeat(n / 5)),
    ],
  },
  {
    name: 'codebook export: one term written n times',
    n: 1000,
    make: (dir, n) => ['codebook', 'export', '--glossary', write(dir, `dup-${n}.glossary.yaml`, `version: 1\nthemes:\n  - id: a\n    label: A\n    terms:\n${'      - ซ้ำ\n'.repeat(n)}`)],
  },
  {
    name: 'codebook import: n codes of one name',
    n: 3000,
    make: (dir, n) => {
      const codes = Array.from({ length: n }, (_, i) => `<Code guid="00000000-0000-4000-8000-${String(i).padStart(12, '0')}" name="Same" isCodable="true"/>`).join('\n');
      const qdc = write(dir, `same-${n}.qdc`, `<?xml version="1.0" encoding="UTF-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>\n${codes}\n</Codes></CodeBook>\n`);
      return ['codebook', 'import', qdc, '--out', path.join(dir, `same-${n}.glossary.yaml`), '--force'];
    },
  },
  {
    name: 'export csv: n tags in one document',
    n: 2000,
    make: (dir, n) => ['export', '--format', 'csv', '--no-builtin-glossary', '--folder', taggedFolder(dir, n, 1)],
  },
  {
    name: 'export csv: n tags over 100 documents',
    n: 10_000,
    make: (dir, n) => ['export', '--format', 'csv', '--no-builtin-glossary', '--folder', taggedFolder(dir, n, 100)],
  },
  {
    name: 'export webanno: n tags over 100 documents',
    n: 10_000,
    make: (dir, n) => ['export', '--format', 'webanno', '--no-builtin-glossary', '--folder', taggedFolder(dir, n, 100)],
  },
  {
    name: 'analyze --format json: n words with a glossary term each',
    n: 100_000,
    make: (dir, n) => {
      const terms = words(50);
      const glossary = write(dir, 'w.glossary.yaml', `version: 1\nthemes:\n  - id: w\n    label: W\n    terms: [${terms.join(', ')}]\n`);
      const text = Array.from({ length: n }, (_, i) => terms[i % terms.length]).join(' ');
      return ['analyze', '--glossary', glossary, write(dir, `words-${n}.txt`, text)];
    },
  },
];

export interface CornerResult {
  name: string;
  n: number;
  ms1: number;
  ms10: number;
  ratio: number;
  flagged: boolean;
}

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

/** Runs one command line in this process, output dropped; returns its time in ms (the better of two runs, each after a collection). */
function timeRun(argv: string[], code: number): number {
  return Math.min(timeOnce(argv, code), timeOnce(argv, code));
}

function timeOnce(argv: string[], code: number): number {
  gc();
  const sink = { write: (): boolean => true };
  const started = process.hrtime.bigint();
  const status = runCli(argv, { stdout: sink, stderr: sink, builtinDir: path.join(os.tmpdir(), 'no-builtin-packs'), env: { TPL_MATCHER_CACHE: 'off' } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (status !== code) throw new Error(`${argv.join(' ')}: exit status ${status}, expected ${code}`);
  return ms;
}

/** Runs every corner case at 1x and 10x (inputs written first, each run once after a warm-up at 1x). */
export function runCorners(print: (line: string) => void): CornerResult[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-corners-'));
  const results: CornerResult[] = [];
  try {
    for (const corner of CORNERS) {
      const small = corner.make(dir, corner.n);
      const large = corner.make(dir, corner.n * 10);
      timeOnce(small, corner.code ?? 0); // warm-up
      const ms1 = timeRun(small, corner.code ?? 0);
      const ms10 = timeRun(large, corner.code ?? 0);
      const ratio = ms10 / Math.max(ms1, 1);
      results.push({ name: corner.name, n: corner.n, ms1, ms10, ratio, flagged: ratio > MAX_GROWTH });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US'));
  print(`\nGrowth check: each corner case at 1x and 10x its size (in this process; flagged when 10x takes more than ${MAX_GROWTH} times 1x)\n`);
  print(
    formatTable(
      [['case', '1x size', '1x ms', '10x ms', 'ratio', ''], ...results.map((r) => [r.name, r.n.toLocaleString('en-US'), fmt(r.ms1), fmt(r.ms10), r.ratio.toFixed(1), r.flagged ? `OVER ${MAX_GROWTH}x` : 'ok'])],
      new Set([0, 5]),
    ),
  );
  const flagged = results.filter((r) => r.flagged);
  print(flagged.length ? `\n${flagged.length} corner case(s) grow faster than linear: ${flagged.map((r) => r.name).join('; ')}` : '\nevery corner case grows linearly (10x within 12x)');
  return results;
}
