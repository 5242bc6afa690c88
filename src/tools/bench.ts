/**
 * `npm run bench [-- --sizes 1,10 --terms 5000 --runs 5 --seed N --no-child]`
 * (run by `node --expose-gc dist/bench.js`)
 *
 * Generates seeded Thai policy-style documents (sizes in MB of UTF-8, 1 MB = 2^20 bytes)
 * and a glossary of N Thai terms, then measures in the same run:
 * - the product: glossary parse and matcher build once, then the full analysis (terms,
 *   countries and dates) by the Analyzer, median of N runs, throughput, heap;
 * - the baseline: ONE JavaScript RegExp alternation of the same terms (escaped, longest
 *   first, flag g) scanning the same text with an exec loop, median of N runs;
 * - whole processes: a child process (this file with `--child`) that reads the glossary and
 *   one document and analyses it, against a child doing the regex scan: wall time (startup,
 *   load, analysis) and peak RSS (`process.resourceUsage().maxRSS`).
 * Then the growth check of benchCorners.ts (each hostile corner case at 1x and 10x, a ratio
 * over 12 flagged; `--corners` runs it alone, `--no-corners` leaves it out).
 * Then the command line's whole-process cases of benchCli.ts (`--cli` runs them alone, `--no-cli`
 * leaves them out).
 * Then the corpus view's figures (benchCorpusView.ts; `--corpus-view` alone, `--no-corpus-view`), and
 * the editor's, measured in a real VS Code by benchEditor.ts: big documents (`--editor` alone,
 * `--no-editor`) and a workspace of `--workspace-docs` documents (`--workspace` alone, `--no-workspace`).
 * Prints figures and whether the targets are met; never fails on time.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Annotation } from '../core';
import { generateDocument, generateTerms, glossaryYaml, utf8Length } from './measureGenerate';
import { loadProduct, readText } from './measureProduct';
import type { LoadedProduct } from './measureProduct';
import { SeededRandom } from './measureRandom';
import { formatTable } from './measureTable';
import { median } from './measureStats';
import { runCorners } from './benchCorners';
import { runCorpusViewBench } from './benchCorpusView';
import { runEditorBench } from './benchEditor';
import { writeCorpus } from './corpusGenerate';
import { builtinGlossaryFiles, glossaryForms, runCliBench } from './benchCli';

const MB = 1 << 20;
const DEFAULT_SEED = 20221116;
/** About 1 MB of generated Thai text, in UTF-16 code units. */
const WARM_UP_CHARS = 370_000;

/** Targets of the product (from the project's performance requirements). */
const TARGET_RATIO_TO_BASELINE = 0.25;
const TARGET_SCALING = 11;
const TARGET_PEAK_RSS_MB = 100;

interface BenchOptions {
  sizes: number[];
  terms: number;
  runs: number;
  seed: number;
  children: boolean;
  /** the growth check of the corner cases: also (true), only ('only'), or not (false) */
  corners: boolean | 'only';
  /** the command line's whole-process cases (benchCli.ts): also (true), only ('only'), or not (false) */
  cli: boolean | 'only';
  cliChars: number;
  corpusDocs: number;
  cliProgram?: string;
  /** the corpus view's figures (benchCorpusView.ts): also (true), only ('only'), or not (false) */
  corpusView: boolean | 'only';
  /** write the generated corpus to this folder and stop */
  writeCorpus?: string;
  /** the editor's figures in a real VS Code (benchEditor.ts): big documents, and a workspace of `workspaceDocs` documents */
  editor: boolean | 'only';
  workspace: boolean | 'only';
  workspaceDocs: number;
}

/** Options of a child process: `--child product|baseline --doc FILE --glossary FILE --terms-file FILE`. */
interface ChildOptions {
  mode: 'product' | 'baseline';
  doc: string;
  glossary: string;
  termsFile: string;
}

/** What a child prints (one JSON line). */
interface ChildReport {
  mode: string;
  /** reading the document */
  readMs: number;
  /** glossary parse + matcher build (product) or term list read + RegExp compile (baseline) */
  loadMs: number;
  analyzeMs: number;
  matches: number;
  /** RSS after the glossary (or term list) is loaded, before the document is read */
  rssAfterLoadMB: number;
  /** V8 heap in use at the end, the result still alive */
  heapUsedMB: number;
  maxRssMB: number;
  /** CPU time of the whole child process (user + system), ms */
  cpuMs: number;
}

class UsageError extends Error {}

const USAGE =
  'usage: npm run bench -- [--sizes 1,10] [--terms 5000] [--runs 5] [--seed N] [--no-child] [--corners | --no-corners] ' +
  '[--cli | --no-cli] [--cli-chars 10000000] [--corpus-docs 14000] [--cli-program dist/cli.js] [--corpus-view | --no-corpus-view] [--write-corpus DIR] ' +
  '[--editor | --no-editor] [--workspace | --no-workspace] [--workspace-docs 14000]';

function parseArgs(argv: readonly string[]): BenchOptions | ChildOptions {
  const bench: BenchOptions = { sizes: [1, 10], terms: 5000, runs: 5, seed: DEFAULT_SEED, children: true, corners: true, cli: true, cliChars: 10_000_000, corpusDocs: 14_000, corpusView: true, editor: true, workspace: true, workspaceDocs: 14_000 };
  const child: Partial<ChildOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value; ${USAGE}`);
      return v;
    };
    const positive = (v: string, integer: boolean): number => {
      const n = Number(v);
      if (!(n > 0) || (integer && !Number.isInteger(n))) throw new UsageError(`bad value for ${arg}: ${v}`);
      return n;
    };
    switch (arg) {
      case '--sizes': bench.sizes = value().split(',').map((s) => positive(s, false)); break;
      case '--terms': bench.terms = positive(value(), true); break;
      case '--runs': bench.runs = positive(value(), true); break;
      case '--seed': bench.seed = positive(value(), true); break;
      case '--no-child': bench.children = false; break;
      case '--corners': bench.corners = 'only'; break;
      case '--no-corners': bench.corners = false; break;
      case '--cli': bench.cli = 'only'; break;
      case '--no-cli': bench.cli = false; break;
      case '--cli-chars': bench.cliChars = positive(value(), true); break;
      case '--corpus-docs': bench.corpusDocs = Number(value()); break;
      case '--cli-program': bench.cliProgram = path.resolve(value()); break;
      case '--corpus-view': bench.corpusView = 'only'; break;
      case '--no-corpus-view': bench.corpusView = false; break;
      case '--write-corpus': bench.writeCorpus = path.resolve(value()); break;
      case '--editor': bench.editor = 'only'; break;
      case '--no-editor': bench.editor = false; break;
      case '--workspace': bench.workspace = 'only'; break;
      case '--no-workspace': bench.workspace = false; break;
      case '--workspace-docs': bench.workspaceDocs = positive(value(), true); break;
      case '--child': {
        const mode = value();
        if (mode !== 'product' && mode !== 'baseline') throw new UsageError(`bad --child mode: ${mode}`);
        child.mode = mode;
        break;
      }
      case '--doc': child.doc = value(); break;
      case '--glossary': child.glossary = value(); break;
      case '--terms-file': child.termsFile = value(); break;
      default: throw new UsageError(`unknown argument ${arg}; ${USAGE}`);
    }
  }
  if (child.mode) {
    if (!child.doc || !child.glossary || !child.termsFile) throw new UsageError('--child needs --doc, --glossary and --terms-file');
    return child as ChildOptions;
  }
  return bench;
}

// ---------------------------------------------------------------------------------------
// The baseline

/** ONE RegExp alternation of the terms: escaped, longest first, flag g. */
export function baselineRegExp(terms: readonly string[]): RegExp {
  const escaped = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('|'), 'g');
}

/** Scans the whole text with the RegExp; returns the number of matches. */
export function baselineScan(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text) !== null) count++;
  return count;
}

// ---------------------------------------------------------------------------------------
// Measuring helpers

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

/** Times of the runs of one workload, in ms: wall clock and CPU time of this process. */
interface Timing {
  wall: number[];
  cpu: number[];
}

/** Median wall and CPU times of a workload. */
function medians(t: Timing): { wall: number; cpu: number } {
  return { wall: median(t.wall), cpu: median(t.cpu) };
}

/**
 * Runs each workload `runs` times, interleaved (a, b, c, a, b, c, ...) so that a busy
 * machine slows them alike, with a full GC before each run. Records the wall time and the
 * CPU time (user + system, all threads of this process: far less sensitive than the wall
 * clock to other processes on a shared machine).
 */
function timeInterleaved<K extends string>(runs: number, workloads: Record<K, () => unknown>): Record<K, Timing> {
  const names = Object.keys(workloads) as K[];
  const timings = Object.fromEntries(names.map((n) => [n, { wall: [], cpu: [] }])) as unknown as Record<K, Timing>;
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      gc();
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      workloads[name]();
      const wall = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      timings[name].wall.push(wall);
      timings[name].cpu.push((cpu.user + cpu.system) / 1000);
    }
  }
  return timings;
}

/** Heap plus memory outside the heap (typed arrays), in bytes. */
function heapAndExternal(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

const toMB = (bytes: number): number => bytes / MB;
const ms = (x: number): string => x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0);
const mb = (x: number): string => x.toFixed(1);

/** `parse + build ms` of a product set-up. */
function setupTimes(product: LoadedProduct): string {
  return `${ms(product.parseMs)} + ${ms(product.buildMs)} ms`;
}

function countKinds(found: readonly Annotation[]): { term: number; country: number; date: number } {
  const counts = { term: 0, country: 0, date: 0 };
  for (const a of found) counts[a.kind]++;
  return counts;
}

// ---------------------------------------------------------------------------------------
// Child processes

function runChild(options: ChildOptions): void {
  const started = performance.now();
  let report: ChildReport;
  if (options.mode === 'product') {
    const glossaryText = readText(options.glossary);
    const loaded = loadProduct([{ file: options.glossary, text: glossaryText }]);
    const loadedAt = performance.now();
    const rssAfterLoadMB = toMB(process.memoryUsage.rss());
    const text = readText(options.doc);
    const readAt = performance.now();
    const found = loaded.analyzer.analyze(text);
    const doneAt = performance.now();
    const heapUsedMB = toMB(process.memoryUsage().heapUsed);
    report = { mode: 'product', readMs: readAt - loadedAt, loadMs: loadedAt - started, analyzeMs: doneAt - readAt, matches: found.length, rssAfterLoadMB, heapUsedMB, maxRssMB: 0, cpuMs: 0 };
  } else {
    const terms = readText(options.termsFile).split('\n').filter((t) => t.length > 0);
    const pattern = baselineRegExp(terms);
    const loadedAt = performance.now();
    const rssAfterLoadMB = toMB(process.memoryUsage.rss());
    const text = readText(options.doc);
    const readAt = performance.now();
    const matches = baselineScan(pattern, text);
    const doneAt = performance.now();
    const heapUsedMB = toMB(process.memoryUsage().heapUsed);
    report = { mode: 'baseline', readMs: readAt - loadedAt, loadMs: loadedAt - started, analyzeMs: doneAt - readAt, matches, rssAfterLoadMB, heapUsedMB, maxRssMB: 0, cpuMs: 0 };
  }
  const usage = process.resourceUsage();
  report.maxRssMB = usage.maxRSS / 1024;
  report.cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(JSON.stringify(report) + '\n');
}

/** Spawns this script as a child; returns its report and its wall time seen from outside. */
function spawnChild(options: ChildOptions): { report: ChildReport; wallMs: number } {
  const args = [__filename, '--child', options.mode, '--doc', options.doc, '--glossary', options.glossary, '--terms-file', options.termsFile];
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`child ${options.mode} failed (status ${result.status}): ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return { report: JSON.parse(result.stdout.trim()) as ChildReport, wallMs };
}

// ---------------------------------------------------------------------------------------
// The benchmark

interface SizeResult {
  sizeMB: number;
  bytes: number;
  chars: number;
  product: Timing;
  baseline: Timing;
  counts: { term: number; country: number; date: number };
  baselineMatches: number;
  /** the two halves of the analysis alone: the matcher (terms and countries) and the dates */
  matcher: Timing;
  dates: Timing;
  /** heap still used by the result after the analysis (the annotations) */
  resultHeapMB: number;
  rssAfterMB: number;
  children?: { product: { report: ChildReport; wallMs: number }; baseline: { report: ChildReport; wallMs: number } };
}

function runBench(options: BenchOptions, print: (s: string) => void): void {
  const hasGc = (globalThis as { gc?: unknown }).gc !== undefined;
  const startedAll = performance.now();
  print(`Thai Policy Lens benchmark: sizes ${options.sizes.join(', ')} MB (2^20 bytes of UTF-8), ${options.terms} terms, ${options.runs} runs, seed ${options.seed}`);
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  print(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${load}${hasGc ? '' : '; run with --expose-gc for GC between runs'}`);

  const terms = generateTerms(options.terms, new SeededRandom(options.seed));
  const yaml = glossaryYaml(terms);

  // Product set-up: glossary parse and matcher build, timed separately. The first load is
  // the one kept (and weighed); a second one, thrown away, gives the times with a warm JIT.
  gc();
  const heapBefore = heapAndExternal();
  const loaded = loadProduct([{ file: 'bench.glossary.yaml', text: yaml }]);
  gc();
  const productSetupMB = toMB(heapAndExternal() - heapBefore);
  const warmSetup = setupTimes(loadProduct([{ file: 'bench.glossary.yaml', text: yaml }]));

  let started = performance.now();
  const pattern = baselineRegExp(terms);
  baselineScan(pattern, 'ก');
  const regexCompileMs = performance.now() - started;

  print(
    `glossary: ${loaded.themeCount} themes, ${loaded.termCount} terms (${mb(toMB(utf8Length(yaml)))} MB of YAML): ` +
      `parse + matcher build ${setupTimes(loaded)} (again, warm: ${warmSetup}), glossary set + matcher ${mb(productSetupMB)} MB ` +
      `(heap + typed arrays); baseline RegExp compile + first exec ${ms(regexCompileMs)} ms`,
  );

  const tmp = options.children ? fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-bench-')) : '';
  const glossaryFile = path.join(tmp, 'bench.glossary.yaml');
  const termsFile = path.join(tmp, 'bench-terms.txt');
  if (tmp) {
    fs.writeFileSync(glossaryFile, yaml);
    fs.writeFileSync(termsFile, terms.join('\n') + '\n');
  }

  const results: SizeResult[] = [];
  try {
    let warmedUp = false;
    for (const sizeMB of options.sizes) {
      started = performance.now();
      const text = generateDocument(sizeMB * MB, terms, new SeededRandom(options.seed + 1));
      const bytes = utf8Length(text);
      const genMs = performance.now() - started;
      if (!warmedUp) {
        // two unmeasured passes over (up to) the first MB, so that every side runs optimized code
        const warm = text.length > WARM_UP_CHARS ? text.slice(0, WARM_UP_CHARS) : text;
        for (let i = 0; i < 2; i++) {
          loaded.analyzer.analyze(warm);
          baselineScan(pattern, warm);
        }
        warmedUp = true;
      }
      // One untimed run to count the annotations and weigh what they hold (heap with the
      // result alive minus heap once it is dropped, both after a full GC).
      let found: Annotation[] | undefined = loaded.analyzer.analyze(text);
      const counts = countKinds(found);
      gc();
      const withResult = process.memoryUsage().heapUsed;
      const rssAfterMB = toMB(process.memoryUsage.rss());
      found = undefined;
      gc();
      const resultHeapMB = toMB(withResult - process.memoryUsage().heapUsed);
      let baselineMatches = 0;
      const timings = timeInterleaved(options.runs, {
        product: () => loaded.analyzer.analyze(text).length,
        baseline: () => (baselineMatches = baselineScan(pattern, text)),
        matcher: () => loaded.analyzer.analyze(text, { kinds: ['term', 'country'] }).length,
        dates: () => loaded.analyzer.analyze(text, { kinds: ['date'] }).length,
      });
      const result: SizeResult = {
        sizeMB,
        bytes,
        chars: text.length,
        ...timings,
        counts,
        baselineMatches,
        resultHeapMB,
        rssAfterMB,
      };
      if (tmp) {
        const doc = path.join(tmp, `doc-${sizeMB}MB.txt`);
        fs.writeFileSync(doc, text);
        const child = (mode: ChildOptions['mode']): { report: ChildReport; wallMs: number } => spawnChild({ mode, doc, glossary: glossaryFile, termsFile });
        result.children = { product: child('product'), baseline: child('baseline') };
        fs.rmSync(doc);
      }
      results.push(result);
      print(
        `  ${sizeMB} MB: generated ${text.length} chars in ${ms(genMs)} ms; wall ms of the runs: product ${result.product.wall.map(ms).join(', ')}; ` +
          `baseline ${result.baseline.wall.map(ms).join(', ')}`,
      );
    }
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }

  print('');
  print(report(results));
  print('');
  print(targets(results));
  print(`\ntotal bench time ${((performance.now() - startedAll) / 1000).toFixed(1)} s`);
}

/** The tables of figures per size. */
function report(results: SizeResult[]): string {
  const speed: Array<Array<string | number>> = [
    ['size', 'clock', 'product ms', 'MB/s', 'baseline ms', 'MB/s', 'product/baseline', 'matcher ms', 'dates ms'],
  ];
  for (const r of results) {
    const mbs = (t: number): string => (toMB(r.bytes) / (t / 1000)).toFixed(1);
    for (const clock of ['wall', 'cpu'] as const) {
      const product = medians(r.product)[clock];
      const baseline = medians(r.baseline)[clock];
      speed.push([`${r.sizeMB} MB`, clock, ms(product), mbs(product), ms(baseline), mbs(baseline), (product / baseline).toFixed(3), ms(medians(r.matcher)[clock]), ms(medians(r.dates)[clock])]);
    }
  }
  const found: Array<Array<string | number>> = [['size', 'chars', 'terms', 'countries', 'dates', 'regex matches', 'result MB', 'RSS MB']];
  for (const r of results) {
    found.push([`${r.sizeMB} MB`, r.chars, r.counts.term, r.counts.country, r.counts.date, r.baselineMatches, mb(r.resultHeapMB), mb(r.rssAfterMB)]);
  }
  let out =
    'In-process medians of the runs (product: full analysis, terms + countries + dates; matcher / dates: each part alone;\n' +
    'baseline: one RegExp alternation of the terms; wall: elapsed time; cpu: CPU time of this process):\n' +
    formatTable(speed, new Set([0, 1])) +
    '\n\nWhat was found (regex matches: the baseline\'s; result MB: heap held by the annotations of one run; RSS: this whole process):\n' +
    formatTable(found);
  const withChildren = results.filter((r) => r.children);
  if (withChildren.length) {
    const childRows: Array<Array<string | number>> = [
      ['size', 'process', 'wall ms', 'cpu ms', 'load ms', 'read ms', 'analysis ms', 'matches', 'RSS after load MB', 'heap at end MB', 'peak RSS MB'],
    ];
    for (const r of withChildren) {
      for (const [name, c] of Object.entries(r.children!)) {
        const x = c.report;
        childRows.push([`${r.sizeMB} MB`, name, ms(c.wallMs), ms(x.cpuMs), ms(x.loadMs), ms(x.readMs), ms(x.analyzeMs), x.matches, mb(x.rssAfterLoadMB), mb(x.heapUsedMB), mb(x.maxRssMB)]);
      }
    }
    out +=
      '\n\nWhole processes, one per row (wall: spawn to exit, node startup included; cpu, load, read, analysis: measured inside;\n' +
      'load: glossary parse + matcher build, or term list + RegExp compile; peak RSS: resourceUsage().maxRSS):\n' +
      formatTable(childRows, new Set([0, 1]));
  }
  return out;
}

/** The targets, each with its figures (wall and CPU time) and whether it is met. */
function targets(results: SizeResult[]): string {
  const lines = ['Targets (time figures wall / cpu; judged on CPU time, which other processes on the machine disturb less):'];
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  const both = (f: (clock: 'wall' | 'cpu') => number, digits: number, limit: number): string =>
    `${f('wall').toFixed(digits)} / ${f('cpu').toFixed(digits)} -> ${verdict(f('cpu') <= limit)}`;
  const largest = results.reduce((a, b) => (b.sizeMB > a.sizeMB ? b : a));
  lines.push(
    `  product <= ${TARGET_RATIO_TO_BASELINE} x baseline at ${largest.sizeMB} MB: ` +
      both((c) => medians(largest.product)[c] / medians(largest.baseline)[c], 3, TARGET_RATIO_TO_BASELINE),
  );
  const one = results.find((r) => r.sizeMB === 1);
  const ten = results.find((r) => r.sizeMB === 10);
  if (one && ten) {
    const baselineScaling = medians(ten.baseline).cpu / medians(one.baseline).cpu;
    lines.push(
      `  product 10 MB <= ${TARGET_SCALING} x 1 MB: ${both((c) => medians(ten.product)[c] / medians(one.product)[c], 2, TARGET_SCALING)}` +
        ` (baseline, cpu: ${baselineScaling.toFixed(2)})`,
    );
  }
  const child = largest.children?.product;
  if (child) {
    const rss = child.report.maxRssMB;
    lines.push(`  peak RSS of the whole process analysing ${largest.sizeMB} MB < ${TARGET_PEAK_RSS_MB} MB: ${mb(rss)} MB -> ${verdict(rss < TARGET_PEAK_RSS_MB)}`);
    const base = largest.children!.baseline;
    lines.push(
      `  whole process at ${largest.sizeMB} MB, product vs baseline: wall ${ms(child.wallMs)} vs ${ms(base.wallMs)} ms (x${(child.wallMs / base.wallMs).toFixed(2)}), ` +
        `cpu ${ms(child.report.cpuMs)} vs ${ms(base.report.cpuMs)} ms (x${(child.report.cpuMs / base.report.cpuMs).toFixed(2)})`,
    );
  }
  return lines.join('\n');
}

function cliOptions(options: BenchOptions): Parameters<typeof runCliBench>[0] {
  return {
    seed: options.seed,
    terms: options.terms,
    runs: Math.min(options.runs, 3),
    chars: options.cliChars,
    corpusDocs: options.corpusDocs,
    program: options.cliProgram ?? path.join(__dirname, 'cli.js'),
  };
}

function main(argv: readonly string[]): number {
  let options: BenchOptions | ChildOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(e.message + '\n');
    return 2;
  }
  const print = (s: string): void => void process.stdout.write(s + '\n');
  if ('mode' in options) runChild(options);
  else if (options.writeCorpus) {
    const root = path.join(__dirname, '..');
    const builtin = builtinGlossaryFiles(root);
    const bytes = writeCorpus(options.writeCorpus, options.corpusDocs, glossaryForms(builtin), options.seed + 3);
    print(`${options.corpusDocs.toLocaleString('en-US')} documents, ${(bytes / 1e6).toFixed(1)} MB of UTF-8, written under ${options.writeCorpus}`);
  } else if (options.editor === 'only' || options.workspace === 'only') {
    runEditorBench({ editor: options.editor === 'only', workspaceDocs: options.workspace === 'only' ? options.workspaceDocs : 0 }, print);
  } else if (options.corpusView === 'only') runCorpusViewBench({ documents: options.corpusDocs, runs: options.runs, seed: options.seed + 3 }, print);
  else {
    if (options.cli === 'only') {
      runCliBench(cliOptions(options), print);
      return 0;
    }
    if (options.corners !== 'only') runBench(options, print);
    if (options.cli && options.corners !== 'only') runCliBench(cliOptions(options), print);
    if (options.corners) runCorners(print);
    if (options.corpusView && options.corners !== 'only') runCorpusViewBench({ documents: options.corpusDocs, runs: options.runs, seed: options.seed + 3 }, print);
    if ((options.editor || options.workspace) && options.corners !== 'only') {
      runEditorBench({ editor: options.editor !== false, workspaceDocs: options.workspace ? options.workspaceDocs : 0 }, print);
    }
  }
  return 0;
}

if (require.main === module) {
  // a closed pipe (`npm run bench | head`) ends the run quietly
  process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
  process.exitCode = main(process.argv.slice(2));
}
