/**
 * `npm run eval -- DIR [--reference-date YYYY-MM-DD] [--json] [--show N] [--glossary FILE]... [--packs a,b]`
 * `npm run eval -- --coverage DIR [--sample N] [--seed N] [--json] [--glossary FILE]... [--packs a,b]`
 * `npm run eval -- --convert [DIR] [--out FILE] [--keep DIR]`: the converters (evalConvert.ts)
 *
 * Scores the recognizer against a corpus folder:
 * - every `*.jsonl` file in ThaiNER form (`{id, text, spans:[{start,end,label,surface}]}`,
 *   UTF-16 offsets) is scored per category: DATE (gold DATE spans vs our dates, leaving out
 *   years with the role `title`: the gold tags a law's title, its year included, as one LAW
 *   span; they are counted on a line of their own) and
 *   COUNTRY (gold LOCATION spans whose text is a gazetteer country name vs our countries,
 *   leaving out those with the role `organization`: a flat gold such as ThaiNER tags the whole
 *   ORGANIZATION and puts no LOCATION inside it; they are counted on a line of their own),
 *   by exact span and by overlap (both one-to-one), with the first N misses and false alarms;
 * - every plain `*.txt` document (DIR and its sub-folders) gets its counts (no gold there).
 * With `--coverage`, the glossary's coverage of the `*.txt` documents instead (measureCoverage.ts):
 * paragraphs with no theme, counts per pack and theme, the frequent words of the themeless
 * paragraphs, and a sample of term matches with their context for a person to read.
 * The glossary: the `--glossary` files, else the built-in packs (all, or those of `--packs`);
 * `--packs` with `--glossary` loads both.
 * Exit status 2 with one line on standard error for a missing DIR or bad arguments.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_PACKS, countryNames } from '../core';
import type { Annotation, AnalyzeOptions } from '../core';
import { builtinPackFiles, CliError, defaultBuiltinDir, packsOption } from '../cli/common';
import { measureCoverage, packsOfThemes } from './measureCoverage';
import type { CoverageReport } from './measureCoverage';
import { GlossaryLoadError, loadProductFromFiles, readText } from './measureProduct';
import type { LoadedProduct } from './measureProduct';
import { alignSpans, CountryNameSet, overlaps, Tally } from './measureScore';
import type { Span } from './measureScore';
import { formatTable } from './measureTable';
import { runEvalConvert } from './evalConvert';

const USAGE =
  'usage: npm run eval -- [--coverage] DIR [--reference-date YYYY-MM-DD] [--json] [--show N] [--sample N] [--seed N] [--glossary FILE]... [--packs a,b]';

/** Command-line options of the eval script. */
export interface EvalOptions {
  dir: string;
  referenceDate?: string;
  json: boolean;
  show: number;
  /** glossary files; the built-in packs when none is given */
  glossaries: string[];
  /** `--packs`: the built-in packs to load, comma-separated (all when absent) */
  packs?: string;
  /** `--coverage`: measure the glossary's coverage of the documents */
  coverage: boolean;
  /** term matches drawn for the precision check (coverage) */
  sample: number;
  /** seed of that draw */
  seed: number;
}

/** Thrown for bad arguments or a missing folder; reported as one line, exit status 2. */
class UsageError extends Error {}

/** Parses the arguments after `eval.js`. */
export function parseEvalArgs(argv: readonly string[]): EvalOptions {
  const options: EvalOptions = { dir: '', json: false, show: 0, glossaries: [], coverage: false, sample: 200, seed: 1 };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    const count = (): number => {
      const v = value();
      if (!/^\d+$/.test(v)) throw new UsageError(`bad ${arg}: ${v} (want a number)`);
      return Number(v);
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--coverage') options.coverage = true;
    else if (arg === '--packs') options.packs = value();
    else if (arg === '--sample') options.sample = count();
    else if (arg === '--seed') options.seed = count();
    else if (arg === '--reference-date') {
      const v = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`bad --reference-date: ${v} (want YYYY-MM-DD)`);
      options.referenceDate = v;
    } else if (arg === '--show') options.show = count();
    else if (arg === '--glossary') options.glossaries.push(value());
    else if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}; ${USAGE}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new UsageError(USAGE);
  options.dir = positional[0];
  return options;
}

// ---------------------------------------------------------------------------------------
// Scoring of ThaiNER-style files

/** One gold span of a ThaiNER line. */
interface GoldSpan extends Span {
  label: string;
  surface: string;
}

/** One line of a ThaiNER-style file. */
interface GoldSentence {
  id: string;
  text: string;
  spans: GoldSpan[];
}

/** A span with the sentence it comes from, for listing misses and false alarms. */
interface Example {
  id: string;
  /** the span's text with a little context: `...before[span]after...` */
  context: string;
  /** for a boundary difference: our span's text */
  ours?: string;
}

/** Scores of one category in one file. */
interface CategoryScore {
  gold: number;
  found: number;
  exact: Tally;
  overlap: Tally;
  misses: Example[];
  falseAlarms: Example[];
  /** overlap pairs whose spans differ */
  boundaries: Example[];
}

type Category = 'DATE' | 'COUNTRY';
const CATEGORIES: Category[] = ['DATE', 'COUNTRY'];

/** Scores of one `*.jsonl` file. */
interface CorpusScore {
  file: string;
  sentences: number;
  ms: number;
  categories: Record<Category, CategoryScore>;
  /** LOCATION spans in the gold and how many of them are country names */
  locations: number;
  countryLocations: number;
  /** our country false alarms that overlap a LOCATION which is not a country name */
  countryFalseAlarmsOnOtherLocations: number;
  /** our country annotations per role (`organization`, `people`, `region`) */
  countryRoles: Record<string, number>;
  /** our countries with the role `organization` that lie inside a gold ORGANIZATION span */
  organizationRolesInGoldOrganizations: number;
  /** our dates with the role `title`, and how many of them lie inside a gold LAW span */
  titleDates: number;
  titleDatesInGoldLaws: number;
}

function emptyScore(): CategoryScore {
  return { gold: 0, found: 0, exact: new Tally(), overlap: new Tally(), misses: [], falseAlarms: [], boundaries: [] };
}

const CONTEXT = 12;

/** `...before[span]after...` on one line. */
function inContext(text: string, span: Span): string {
  const oneLine = (s: string): string => s.replace(/\s+/g, ' ');
  const before = text.slice(Math.max(0, span.start - CONTEXT), span.start);
  const after = text.slice(span.end, span.end + CONTEXT);
  return `${oneLine(before)}[${oneLine(text.slice(span.start, span.end))}]${oneLine(after)}`;
}

/** Reads a ThaiNER-style file; throws UsageError naming the line of a malformed entry. */
function readGoldFile(file: string): GoldSentence[] {
  const sentences: GoldSentence[] = [];
  const lines = readText(file).split(/\r?\n/);
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch (e) {
      throw new UsageError(`${file}:${index + 1}: invalid JSON: ${(e as Error).message}`);
    }
    const e = entry as Partial<GoldSentence>;
    if (typeof e.text !== 'string' || !Array.isArray(e.spans)) throw new UsageError(`${file}:${index + 1}: want {id, text, spans:[...]}`);
    const spans = e.spans.filter((s): s is GoldSpan => typeof s?.start === 'number' && typeof s?.end === 'number' && typeof s?.label === 'string');
    sentences.push({ id: String(e.id ?? `line ${index + 1}`), text: e.text, spans });
  });
  return sentences;
}

/** Scores one category of one sentence into `score`. */
function scoreSentence(score: CategoryScore, sentence: GoldSentence, gold: GoldSpan[], ours: Annotation[], show: number): void {
  const alignment = alignSpans(gold, ours);
  score.gold += gold.length;
  score.found += ours.length;
  score.exact.add(alignment.exact.length, gold.length, ours.length);
  score.overlap.add(alignment.overlap.length, gold.length, ours.length);
  const { text, id } = sentence;
  for (const g of alignment.missed) if (score.misses.length < show) score.misses.push({ id, context: inContext(text, g) });
  for (const p of alignment.falseAlarms) if (score.falseAlarms.length < show) score.falseAlarms.push({ id, context: inContext(text, p) });
  for (const [g, p] of alignment.overlap) {
    if ((g.start !== p.start || g.end !== p.end) && score.boundaries.length < show) score.boundaries.push({ id, context: inContext(text, g), ours: p.text });
  }
}

/** Scores one ThaiNER-style file. */
function scoreCorpus(file: string, product: LoadedProduct, countries: CountryNameSet, options: EvalOptions): CorpusScore {
  const sentences = readGoldFile(file);
  const categories: Record<Category, CategoryScore> = { DATE: emptyScore(), COUNTRY: emptyScore() };
  const analyzeOptions: AnalyzeOptions = { referenceDate: options.referenceDate };
  let locations = 0;
  let countryLocations = 0;
  let onOtherLocations = 0;
  const countryRoles: Record<string, number> = {};
  let organizationRolesInGoldOrganizations = 0;
  let titleDates = 0;
  let titleDatesInGoldLaws = 0;
  const started = performance.now();
  for (const sentence of sentences) {
    const found = product.analyzer.analyze(sentence.text, analyzeOptions);
    const goldDates = sentence.spans.filter((s) => s.label === 'DATE');
    const goldLocations = sentence.spans.filter((s) => s.label === 'LOCATION');
    const goldCountries = goldLocations.filter((s) => countries.has(sentence.text.slice(s.start, s.end)));
    locations += goldLocations.length;
    countryLocations += goldCountries.length;
    const allCountries = found.filter((a) => a.kind === 'country');
    const goldOrganizations = sentence.spans.filter((s) => s.label === 'ORGANIZATION');
    for (const a of allCountries) {
      if (!a.role) continue;
      countryRoles[a.role] = (countryRoles[a.role] ?? 0) + 1;
      if (a.role === 'organization' && goldOrganizations.some((o) => o.start <= a.start && a.end <= o.end)) organizationRolesInGoldOrganizations++;
    }
    const ourCountries = allCountries.filter((a) => a.role !== 'organization');
    const goldLaws = sentence.spans.filter((s) => s.label === 'LAW');
    const ourDates: Annotation[] = [];
    for (const a of found) {
      if (a.kind !== 'date') continue;
      if (a.role !== 'title') ourDates.push(a);
      else {
        titleDates++;
        if (goldLaws.some((l) => l.start <= a.start && a.end <= l.end)) titleDatesInGoldLaws++;
      }
    }
    scoreSentence(categories.DATE, sentence, goldDates, ourDates, options.show);
    scoreSentence(categories.COUNTRY, sentence, goldCountries, ourCountries, options.show);
    const otherLocations = goldLocations.filter((s) => !goldCountries.includes(s));
    for (const p of alignSpans(goldCountries, ourCountries).falseAlarms) if (otherLocations.some((l) => overlaps(l, p))) onOtherLocations++;
  }
  return {
    file,
    sentences: sentences.length,
    ms: performance.now() - started,
    categories,
    locations,
    countryLocations,
    countryFalseAlarmsOnOtherLocations: onOtherLocations,
    countryRoles,
    organizationRolesInGoldOrganizations,
    titleDates,
    titleDatesInGoldLaws,
  };
}

// ---------------------------------------------------------------------------------------
// Plain documents

/** Counts of one plain document. */
interface DocumentCounts {
  path: string;
  length: number;
  ms: number;
  counts: { term: number; country: number; date: number };
  /** country annotations per ISO code, most frequent first */
  countries: Record<string, number>;
  /** term annotations per theme id, most frequent first */
  themes: Record<string, number>;
}

/** Counts per key, most frequent first (ties by key). */
function sortedCounts(keys: string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const entries = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(entries);
}

function countDocument(file: string, dir: string, product: LoadedProduct, options: EvalOptions): DocumentCounts {
  const text = readText(file);
  const started = performance.now();
  const found = product.analyzer.analyze(text, { referenceDate: options.referenceDate });
  const ms = performance.now() - started;
  const counts = { term: 0, country: 0, date: 0 };
  const countryCodes: string[] = [];
  const themeIds: string[] = [];
  for (const a of found) {
    counts[a.kind]++;
    if (a.kind === 'country') countryCodes.push(a.country);
    else if (a.kind === 'term') themeIds.push(a.theme);
  }
  return { path: path.relative(dir, file), length: text.length, ms, counts, countries: sortedCounts(countryCodes), themes: sortedCounts(themeIds) };
}

/** Files under `dir` (recursively, sorted) whose name ends with `suffix`. */
function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(p, suffix));
    else if (entry.isFile() && entry.name.endsWith(suffix)) out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Reports

const fixed = (x: number): string => x.toFixed(3);

function textReport(dir: string, product: LoadedProduct, options: EvalOptions, corpora: CorpusScore[], documents: DocumentCounts[]): string {
  const out: string[] = [];
  out.push(`Thai Policy Lens evaluation of ${dir}`);
  const shortName = (f: string): string => {
    const relative = path.relative(process.cwd(), f);
    return relative && !relative.startsWith('..') ? relative : f;
  };
  const glossaryNames = product.files.map(shortName).join(', ') || '(none)';
  out.push(`glossary: ${glossaryNames} (${product.themeCount} themes, ${product.termCount} terms and aliases); reference date: ${options.referenceDate ?? 'none'}`);
  for (const c of corpora) {
    out.push('');
    out.push(`${path.relative(dir, c.file)}: ${c.sentences} sentences, analysed in ${c.ms.toFixed(0)} ms`);
    out.push(
      `COUNTRY gold = ${c.countryLocations} of ${c.locations} LOCATION spans (those whose text is a country name); ` +
        `${c.countryFalseAlarmsOnOtherLocations} overlap-level country false alarms lie on another LOCATION`,
    );
    const roles = Object.entries(c.countryRoles).map(([role, n]) => `${role} ${n}`).join(', ');
    out.push(
      `country roles found: ${roles || 'none'}; role organization is not scored ` +
        `(${c.organizationRolesInGoldOrganizations} of them lie inside a gold ORGANIZATION span)`,
    );
    out.push(`dates with the role title (a year in the title of a law or a budget act): ${c.titleDates}, not scored (${c.titleDatesInGoldLaws} of them lie inside a gold LAW span)`);
    const rows: Array<Array<string | number>> = [['category', 'match', 'gold', 'found', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1']];
    for (const cat of CATEGORIES) {
      const s = c.categories[cat];
      for (const [match, t] of [['exact', s.exact], ['overlap', s.overlap]] as const) {
        rows.push([cat, match, s.gold, s.found, t.tp, t.fp, t.fn, fixed(t.precision), fixed(t.recall), fixed(t.f1)]);
      }
    }
    out.push(formatTable(rows, new Set([0, 1])));
    if (options.show > 0) {
      for (const cat of CATEGORIES) {
        const s = c.categories[cat];
        const list = (title: string, total: number, examples: Example[]): void => {
          out.push(`${cat} ${title} (first ${examples.length} of ${total}):`);
          for (const e of examples) out.push(`  ${e.id}  ${e.context}${e.ours !== undefined ? `  ours: ${e.ours}` : ''}`);
        };
        list('misses', s.overlap.fn, s.misses);
        list('false alarms', s.overlap.fp, s.falseAlarms);
        list('boundary differences', s.overlap.tp - s.exact.tp, s.boundaries);
      }
    }
  }
  if (documents.length) {
    out.push('');
    const rows: Array<Array<string | number>> = [['document', 'chars', 'ms', 'terms', 'dates', 'countries', 'by code']];
    for (const d of documents) {
      const byCode = Object.entries(d.countries).map(([code, n]) => `${code} ${n}`).join(', ');
      rows.push([d.path, d.length, d.ms.toFixed(1), d.counts.term, d.counts.date, d.counts.country, byCode]);
    }
    out.push(formatTable(rows, new Set([0, 6])));
  }
  return out.join('\n') + '\n';
}

function jsonReport(dir: string, product: LoadedProduct, options: EvalOptions, corpora: CorpusScore[], documents: DocumentCounts[]): string {
  const categoryJson = (s: CategoryScore): object => ({
    gold: s.gold,
    found: s.found,
    exact: s.exact.toJSON(),
    overlap: s.overlap.toJSON(),
    ...(options.show > 0 ? { misses: s.misses, falseAlarms: s.falseAlarms, boundaries: s.boundaries } : {}),
  });
  const report = {
    dir,
    referenceDate: options.referenceDate ?? null,
    glossary: { files: product.files, themes: product.themeCount, termsAndAliases: product.termCount },
    corpora: corpora.map((c) => ({
      file: path.relative(dir, c.file),
      sentences: c.sentences,
      ms: Math.round(c.ms),
      locations: c.locations,
      countryLocations: c.countryLocations,
      countryFalseAlarmsOnOtherLocations: c.countryFalseAlarmsOnOtherLocations,
      countryRoles: c.countryRoles,
      organizationRolesInGoldOrganizations: c.organizationRolesInGoldOrganizations,
      titleDates: c.titleDates,
      titleDatesInGoldLaws: c.titleDatesInGoldLaws,
      categories: { DATE: categoryJson(c.categories.DATE), COUNTRY: categoryJson(c.categories.COUNTRY) },
    })),
    documents: documents.map((d) => ({ ...d, ms: Math.round(d.ms * 10) / 10 })),
  };
  return JSON.stringify(report, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------

/** The glossary files of a run: the --glossary files, else the chosen built-in packs; both with --packs. */
function glossaryFilesOf(options: EvalOptions): string[] {
  const packs = options.glossaries.length && options.packs === undefined ? [] : builtinPackFiles(defaultBuiltinDir(), packsOption(options.packs));
  return [...packs, ...options.glossaries];
}

/** The name of a glossary file's pack (the built-in ones), else the file's name. */
function packNameOf(file: string): string {
  const base = path.basename(file);
  const pack = path.dirname(path.resolve(file)) === path.resolve(defaultBuiltinDir()) ? BUILTIN_PACKS.find((p) => p.file === base) : undefined;
  return pack ? pack.id : base;
}

/** Measures the coverage of the `*.txt` documents under the folder. */
function coverageOf(dir: string, product: LoadedProduct, options: EvalOptions): CoverageReport {
  const documents = filesUnder(dir, '.txt').map((file) => {
    const text = readText(file);
    return { name: path.relative(dir, file), text, annotations: product.analyzer.analyze(text, { referenceDate: options.referenceDate, kinds: ['term'] }) };
  });
  return measureCoverage(documents, packsOfThemes(product.glossaries, packNameOf), { sample: options.sample, seed: options.seed, top: 30 });
}

const percent = (n: number, of: number): string => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');

function coverageReport(dir: string, product: LoadedProduct, options: EvalOptions, c: CoverageReport): string {
  const out: string[] = [];
  const label = (id: string): string => {
    const t = product.glossaries.theme(id);
    return t ? `${t.label}${t.labelEn ? ` (${t.labelEn})` : ''}` : id;
  };
  out.push(`Thai Policy Lens glossary coverage of ${dir}`);
  out.push(`glossary: ${product.files.map(packNameOf).join(', ') || '(none)'} (${product.themeCount} themes, ${product.termCount} terms and aliases)`);
  out.push(
    `substantive paragraphs (a line with at least 80 Thai characters): ${c.substantive} of ${c.paragraphs} non-empty lines in ${c.documents} documents`,
  );
  out.push(`without a theme: ${c.themeless} of ${c.substantive} (${percent(c.themeless, c.substantive)}); documents without a theme: ${c.documentsWithoutTheme} of ${c.documentsWithText}`);
  out.push('');
  const packRows: Array<Array<string | number>> = [['pack', 'matches', 'paragraphs', 'share', 'documents']];
  const packs = [...c.packs].sort((a, b) => b.paragraphs - a.paragraphs || (a.pack < b.pack ? -1 : 1));
  for (const p of packs) packRows.push([p.pack, p.matches, p.paragraphs, percent(p.paragraphs, c.substantive), p.documents]);
  out.push(formatTable(packRows));
  for (const p of packs) {
    out.push('');
    const rows: Array<Array<string | number>> = [[`${p.pack}: theme`, 'matches', 'paragraphs']];
    const themes = c.themes.filter((t) => t.pack === p.pack).sort((a, b) => b.paragraphs - a.paragraphs || b.matches - a.matches);
    for (const t of themes) rows.push([`${t.theme}  ${label(t.theme)}`, t.matches, t.paragraphs]);
    out.push(formatTable(rows));
  }
  const unused = product.glossaries.flatThemes.filter((f) => !c.themes.some((t) => t.theme === f.theme.id)).map((f) => f.theme.id);
  if (unused.length) out.push('', `themes with no match: ${unused.join(', ')}`);
  out.push('', `the ${c.words.length} most frequent words of the themeless paragraphs:`);
  out.push(c.words.map(([w, n]) => `${w} ${n}`).join(', '));
  out.push('', `the ${c.bigrams.length} most frequent bigrams of the themeless paragraphs:`);
  out.push(c.bigrams.map(([w, n]) => `${w} ${n}`).join(', '));
  out.push('');
  const flagged = c.sample.filter((m) => m.insideWord).length;
  out.push(
    `precision check: ${c.sample.length} of ${c.matches} term matches drawn with seed ${options.seed}; ` +
      `* marks the ${flagged} whose edges are not word edges by Intl.Segmenter (read them first):`,
  );
  for (const m of c.sample) out.push(`${m.insideWord ? '*' : ' '} ${m.document}:${m.line}:${m.column}  ${m.term} → ${m.theme}  ${m.context}`);
  return out.join('\n') + '\n';
}

/** Runs the evaluation; returns the exit status. */
export function runEval(argv: readonly string[], stdout: (s: string) => void, stderr: (s: string) => void): number {
  let options: EvalOptions;
  try {
    options = parseEvalArgs(argv);
    if (!fs.existsSync(options.dir) || !fs.statSync(options.dir).isDirectory()) throw new UsageError(`eval: no such folder: ${options.dir}`);
    const product = loadProductFromFiles(glossaryFilesOf(options));
    const dir = options.dir;
    if (options.coverage) {
      const c = coverageOf(dir, product, options);
      stdout(options.json ? JSON.stringify({ dir, glossary: product.files.map(packNameOf), ...c }, null, 2) + '\n' : coverageReport(dir, product, options, c));
      return 0;
    }
    const countries = new CountryNameSet(countryNames().map((n) => n.name));
    const corpora = filesUnder(dir, '.jsonl').map((f) => scoreCorpus(f, product, countries, options));
    const documents = filesUnder(dir, '.txt').map((f) => countDocument(f, dir, product, options));
    stdout((options.json ? jsonReport : textReport)(dir, product, options, corpora, documents));
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof GlossaryLoadError || e instanceof CliError) {
      stderr(e.message.split('\n')[0] + '\n');
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  // a closed pipe (`npm run eval -- DIR | head`) ends the run quietly
  process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
  const argv = process.argv.slice(2);
  if (argv.includes('--convert')) {
    void runEvalConvert(argv, (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then((code) => (process.exitCode = code));
  } else process.exitCode = runEval(argv, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
