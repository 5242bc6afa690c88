/**
 * The command line as users run it (issue 12, target 3), whole processes, in the same run:
 *
 * - one file of `--cli-chars` characters (10 million) with the bench's generated glossary
 *   (`--terms`): `analyze --format summary` (matcher cache cold, then warm) against the
 *   bench's RegExp baseline child, wall time and peak RSS;
 * - the matcher cache: the warm load measured in the program (`TPL_TIMINGS=1`);
 * - a generated corpus of `--corpus-docs` documents of about 10 KB (written to a temporary
 *   folder, removed after): `analyze --format summary FOLDER` with the built-in glossary
 *   against ripgrep counting the same terms (`rg -F --count-matches -f terms FOLDER`).
 *
 * The program measured is dist/cli.js next to this file, or `--cli-program FILE` (to measure
 * another build, such as the one before a change, with the same bench).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateDocument, generateTerms, glossaryYaml } from './measureGenerate';
import { loadProductFromFiles } from './measureProduct';
import { SeededRandom } from './measureRandom';
import { formatTable } from './measureTable';
import { median } from './measureStats';

export interface CliBenchOptions {
  seed: number;
  terms: number;
  runs: number;
  /** characters of the one big file */
  chars: number;
  /** documents of the corpus (0: no corpus case) */
  corpusDocs: number;
  program: string;
}

const TARGET_RATIO_TO_REGEXP = 1.0;
const TARGET_PEAK_RSS_MB = 150;
const TARGET_WARM_LOAD_MS = 20;
const TARGET_RATIO_TO_RIPGREP = 2;
const CORPUS_DOC_BYTES = 10_000;

/** ripgrep: `@vscode/ripgrep` if installed, else the one inside the VS Code server the tests install, else `rg` on PATH. */
export function findRipgrep(root: string): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('@vscode/ripgrep') as { rgPath: string }).rgPath;
  } catch {
    // not installed
  }
  const cache = path.join(root, '.cache');
  const platform = `${process.platform}-${process.arch}`;
  try {
    for (const server of fs.readdirSync(cache).filter((n) => n.startsWith('code-server-')).sort().reverse()) {
      const modules = path.join(cache, server, 'node_modules/code-server/lib/vscode/node_modules/@vscode');
      for (const candidate of [path.join(modules, 'ripgrep/bin/rg'), path.join(modules, 'ripgrep-universal/bin', platform, 'rg')]) {
        if (fs.existsSync(candidate)) return candidate;
      }
    }
  } catch {
    // no .cache
  }
  const found = spawnSync('rg', ['--version']);
  return found.status === 0 ? 'rg' : undefined;
}

interface ProcessRun {
  wallMs: number;
  /** CPU time of the process, all threads (user + system), ms; NaN when not known */
  cpuMs: number;
  peakRssMB: number;
  stdout: string;
  stderr: string;
}

/** Runs a program; its peak RSS comes from a preload script that prints it at exit (node programs only). */
function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv, rssPreload?: string): ProcessRun {
  const fullArgs = rssPreload ? ['-r', rssPreload, ...args] : args;
  const started = performance.now();
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', env, maxBuffer: 256 << 20 });
  const wallMs = performance.now() - started;
  if (result.status !== 0 && !(command !== process.execPath && result.status === 1)) {
    throw new Error(`${path.basename(command)} failed (status ${result.status}): ${(result.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  }
  const rss = /@@maxrss (\d+) (\d+)/.exec(result.stderr ?? '');
  return { wallMs, cpuMs: rss ? Number(rss[2]) / 1000 : NaN, peakRssMB: rss ? Number(rss[1]) / 1024 : NaN, stdout: result.stdout, stderr: result.stderr };
}

const ms = (x: number): string => x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0);
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');

/** The built-in glossary's files (`glossaries/*.glossary.yaml` under the package folder `root`). */
export function builtinGlossaryFiles(root: string): string[] {
  return fs
    .readdirSync(path.join(root, 'glossaries'))
    .filter((f) => f.endsWith('.glossary.yaml'))
    .map((f) => path.join(root, 'glossaries', f));
}

/** The forms (terms and aliases) of glossary files, one per line, for ripgrep and the corpus generator. */
export function glossaryForms(files: readonly string[]): string[] {
  const product = loadProductFromFiles(files);
  const forms = new Set<string>();
  for (const { theme } of product.glossaries.flatThemes) for (const t of theme.terms) for (const f of [t.term, ...t.aliases]) forms.add(f);
  return [...forms];
}

export function runCliBench(options: CliBenchOptions, print: (s: string) => void): void {
  const root = path.join(__dirname, '..');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-bench-cli-'));
  const preload = path.join(tmp, 'maxrss.js');
  fs.writeFileSync(
    preload,
    "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeSync(2, '\\n@@maxrss ' + u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n",
  );
  const cacheHome = path.join(tmp, 'cache');
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
  print(`\nThe command line, whole processes (${options.program}), ${options.runs} runs, median:`);
  try {
    // one big file
    const terms = generateTerms(options.terms, new SeededRandom(options.seed));
    const glossary = path.join(tmp, 'bench.glossary.yaml');
    const termsFile = path.join(tmp, 'bench-terms.txt');
    fs.writeFileSync(glossary, glossaryYaml(terms));
    fs.writeFileSync(termsFile, terms.join('\n') + '\n');
    let text = generateDocument(Math.ceil(options.chars * 2.95), terms, new SeededRandom(options.seed + 1));
    if (text.length > options.chars) text = text.slice(0, options.chars);
    const doc = path.join(tmp, 'big.txt');
    fs.writeFileSync(doc, text);
    const bytes = fs.statSync(doc).size;
    text = '';
    const analyzeArgs = [options.program, 'analyze', '--format', 'summary', '--no-builtin-glossary', '--glossary', glossary, doc];
    const cold = runProcess(process.execPath, analyzeArgs, { ...env, TPL_TIMINGS: '1' }, preload);
    const product: ProcessRun[] = [];
    const baseline: ProcessRun[] = [];
    const baselineArgs = [path.join(__dirname, 'bench.js'), '--child', 'baseline', '--doc', doc, '--glossary', glossary, '--terms-file', termsFile];
    for (let i = 0; i < options.runs; i++) {
      product.push(runProcess(process.execPath, analyzeArgs, { ...env, TPL_TIMINGS: '1' }, preload));
      const b = runProcess(process.execPath, baselineArgs, env);
      const report = JSON.parse(b.stdout.trim()) as { maxRssMB: number; cpuMs: number };
      baseline.push({ ...b, peakRssMB: report.maxRssMB, cpuMs: report.cpuMs });
    }
    const warmLoads = product.map((r) => /matcher: cache loaded in ([\d.]+) ms/.exec(r.stderr)).filter((m) => m !== null).map((m) => Number(m[1]));
    const coldBuild = /matcher: built in ([\d.]+) ms/.exec(cold.stderr);
    const productWall = median(product.map((r) => r.wallMs));
    const baselineWall = median(baseline.map((r) => r.wallMs));
    const productCpu = median(product.map((r) => r.cpuMs));
    const baselineCpu = median(baseline.map((r) => r.cpuMs));
    const productRss = Math.max(...product.map((r) => r.peakRssMB));
    print(
      formatTable([
        ['case', 'wall ms (runs)', 'median', 'cpu ms median', 'peak RSS MB'],
        ['analyze --format summary, cache cold', ms(cold.wallMs), ms(cold.wallMs), ms(cold.cpuMs), cold.peakRssMB.toFixed(1)],
        ['analyze --format summary, cache warm', product.map((r) => ms(r.wallMs)).join(', '), ms(productWall), ms(productCpu), productRss.toFixed(1)],
        ['RegExp baseline child', baseline.map((r) => ms(r.wallMs)).join(', '), ms(baselineWall), ms(baselineCpu), Math.max(...baseline.map((r) => r.peakRssMB)).toFixed(1)],
      ]),
    );
    print(`  file: ${options.chars.toLocaleString('en-US')} characters, ${(bytes / 1e6).toFixed(1)} MB of UTF-8, ${options.terms} terms`);
    print(
      `  target: whole process <= ${TARGET_RATIO_TO_REGEXP}x the RegExp baseline's, as a user waits for it (wall time, the runs alternating): ` +
        `${(productWall / baselineWall).toFixed(2)}x -> ${verdict(productWall / baselineWall <= TARGET_RATIO_TO_REGEXP)} ` +
        `(CPU ${(productCpu / baselineCpu).toFixed(2)}x: it counts V8 compiling the product's hot code on another core while it runs; \`node --single-threaded\` makes both about 1x)`,
    );
    print(`  target: peak RSS <= ${TARGET_PEAK_RSS_MB} MB: ${productRss.toFixed(1)} MB -> ${verdict(productRss <= TARGET_PEAK_RSS_MB)}`);
    if (warmLoads.length) {
      const warm = median(warmLoads);
      print(`  target: warm start loads the cached matcher in < ${TARGET_WARM_LOAD_MS} ms: ${ms(warm)} ms (cold build: ${coldBuild ? `${coldBuild[1]} ms` : '?'}) -> ${verdict(warm < TARGET_WARM_LOAD_MS)}`);
    } else print(`  target: warm start loads the cached matcher in < ${TARGET_WARM_LOAD_MS} ms: no matcher cache in this program -> NOT met`);
    fs.rmSync(doc);

    if (options.corpusDocs > 0) corpusCase(options, root, tmp, env, preload, print);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Writes `docs` generated documents of about 10 KB with glossary `forms` under `folder`, 500 a
 * subfolder (000/00000.txt, ...); the same files for the same seed. Returns the bytes written.
 */
export function writeCorpus(folder: string, docs: number, forms: readonly string[], seed: number): number {
  const random = new SeededRandom(seed);
  let bytes = 0;
  for (let i = 0; i < docs; i++) {
    const sub = path.join(folder, String(Math.floor(i / 500)).padStart(3, '0'));
    if (i % 500 === 0) fs.mkdirSync(sub, { recursive: true });
    const text = generateDocument(CORPUS_DOC_BYTES, forms, random);
    fs.writeFileSync(path.join(sub, `${String(i).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

/** The corpus case: the built-in glossary, `corpusDocs` generated documents, against ripgrep. */
function corpusCase(options: CliBenchOptions, root: string, tmp: string, env: NodeJS.ProcessEnv, preload: string, print: (s: string) => void): void {
  const rg = findRipgrep(root);
  const builtin = builtinGlossaryFiles(root);
  const forms = glossaryForms(builtin);
  const termsFile = path.join(tmp, 'builtin-terms.txt');
  fs.writeFileSync(termsFile, forms.join('\n') + '\n');
  const corpus = path.join(tmp, 'corpus');
  let started = performance.now();
  const bytes = writeCorpus(corpus, options.corpusDocs, forms, options.seed + 2);
  print(`\nA corpus: ${options.corpusDocs.toLocaleString('en-US')} generated documents, ${(bytes / 1e6).toFixed(1)} MB of UTF-8 (written in ${((performance.now() - started) / 1000).toFixed(1)} s), the built-in glossary (${forms.length} forms):`);
  let productArgs = [options.program, 'analyze', '--format', 'summary', corpus];
  try {
    runProcess(process.execPath, productArgs, env); // fills the matcher cache and the page cache
  } catch (e) {
    if (!/is a directory/.test((e as Error).message)) throw e;
    // a program from before folders: the files named one by one
    const files = fs.readdirSync(corpus).sort().flatMap((d) => fs.readdirSync(path.join(corpus, d)).sort().map((f) => path.join(corpus, d, f)));
    productArgs = [options.program, 'analyze', '--format', 'summary', ...files];
    print('  (this program takes no folder: the files are named on its command line)');
    runProcess(process.execPath, productArgs, env);
  }
  const product: ProcessRun[] = [];
  const ripgrep: ProcessRun[] = [];
  for (let i = 0; i < options.runs; i++) {
    product.push(runProcess(process.execPath, productArgs, env, preload));
    if (rg) ripgrep.push(runProcess(rg, ['-F', '--count-matches', '-f', termsFile, corpus], env));
  }
  started = median(product.map((r) => r.wallMs));
  const rows: Array<Array<string | number>> = [['case', 'wall ms (runs)', 'median', 'peak RSS MB']];
  rows.push(['analyze --format summary FOLDER', product.map((r) => ms(r.wallMs)).join(', '), ms(started), Math.max(...product.map((r) => r.peakRssMB)).toFixed(1)]);
  if (rg) rows.push([`rg -F --count-matches -f terms FOLDER`, ripgrep.map((r) => ms(r.wallMs)).join(', '), ms(median(ripgrep.map((r) => r.wallMs))), '']);
  print(formatTable(rows));
  if (!rg) print('  ripgrep not found (npm install @vscode/ripgrep, or run the integration tests once to install the VS Code server): no ratio');
  else {
    const ratio = started / median(ripgrep.map((r) => r.wallMs));
    print(`  ripgrep: ${rg}`);
    print(`  target: corpus wall time <= ${TARGET_RATIO_TO_RIPGREP}x ripgrep's: ${ratio.toFixed(2)}x -> ${verdict(ratio <= TARGET_RATIO_TO_RIPGREP)}`);
  }
}
