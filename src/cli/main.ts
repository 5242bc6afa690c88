/**
 * The command line (docs/cli.md):
 *
 *   thai-policy-lens analyze [--glossary FILE]... [--packs a,b] [--no-builtin-glossary]
 *                            [--reference-date YYYY-MM-DD] [--format json|jsonl|summary|csv|md]
 *                            [--include GLOB]... [--exclude GLOB]... [--jobs N] FILE|FOLDER...
 *   thai-policy-lens export --format csv|md|webanno|qdpx [--folder DIR] [--annotations FILE]
 *                           [--glossary FILE]... [--packs a,b] [--no-builtin-glossary]
 *                           [--reference-date YYYY-MM-DD] [--out FILE]
 *   thai-policy-lens codebook export [--glossary FILE]... [--packs a,b] [--annotations FILE] [--out FILE]
 *   thai-policy-lens codebook import FILE.qdc [--out FILE.glossary.yaml] [--force] [--glossary FILE]...
 *   thai-policy-lens agreement [--coder A --coder B]... [--format table|csv] [--annotations FILE] [--out FILE] DIR
 *   thai-policy-lens import FILE.qdpx --folder DIR [--force] [--glossary FILE]... [--no-builtin-glossary]
 *   thai-policy-lens convert FILE.pdf|.docx|.html [--out FILE] [--pages N-M] [--format txt|md]
 *   thai-policy-lens find QUERY DIR [--format json|csv|md] [--glossary FILE]... [--packs a,b] ...
 *   thai-policy-lens report DIR --out FILE.html [--glossary FILE]... [--packs a,b] ...
 *
 * `runCliAsync` converts PDF, Word and HTML inputs first (convert.ts: the converters are
 * asynchronous), then runs `runCli`; `runCli` does the work and returns the exit status, writing to the streams it is given,
 * so that tests and the bench can call it directly; bin.ts (the bundle dist/cli.js) runs it.
 * On any error: exit status 2, one line on standard error, nothing on standard output and no
 * file written. The export commands are in export.ts.
 */
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { parseArgs as parseArgv } from 'node:util';
import { Analyzer, BUILTIN_PACK_IDS, getUiLocale, orList, type GlossarySet } from '../core';
import pkg from '../../package.json';
import { builtinPackFiles, CliError, defaultBuiltinDir, isIsoDate, packsOption, parseGlossaries, readGlossaries } from './common';
import { analyzedFiles, CONVERT_FORMATS, convertCommand, convertFiles, documentText } from './convert';
import { EXPORT_FORMATS, exportCodebook, exportPassages, importCodebook } from './export';
import { importProject } from './importProject';
import { AGREEMENT_FORMATS, agreementCommand, type AgreementOptions } from './agreement';
import type { ExportFormat } from './export';
import { formatterFor, OUTPUT_FORMATS } from './format';
import { findCommand, reportCommand } from './corpus';
import { FOUND_PASSAGE_FORMATS, type FoundPassageFormat } from '../core';
import type { OutputFormat } from './format';
import { analyzeDocument } from './analyzeDocument';
import { analyzeOnThreads } from './jobs';
import { Inputs, parseMaxSize, type StdinReader } from './input';
import { cachedMatcher, matcherKey, provideMatcher } from './matcherCache';
import { writeOutput } from './output';
import { configureLanguage, resetLanguage } from './language';

export { isIsoDate };

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** the folder of the built-in glossary packs; by default the one shipped with the package */
  builtinDir?: string;
  /** standard input, for `-`; by default this process's */
  stdin?: StdinReader;
  /** the environment (the matcher cache's folder); by default this process's */
  env?: NodeJS.ProcessEnv;
}

/** Exit status for bad arguments, unreadable input or an invalid glossary. */
export const EXIT_USAGE = 2;
/** Exit status for a bug (an exception that is not about the input). */
export const EXIT_INTERNAL = 1;

/** `text` broken at spaces into lines of at most `width` characters, the later ones indented. */
function wrap(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n');
}

/** The commands, in the order the help lists them. */
const COMMANDS = ['analyze', 'export', 'import', 'agreement', 'codebook', 'convert', 'find', 'report'] as const;

/** `"a", "b" or "c"`: names typed as they are, listed in the interface language. */
function quotedList(names: readonly string[]): string {
  return orList(names.map((n) => `"${n}"`));
}

/** The values of `--format` of each command that takes one. */
const FORMATS: Partial<Record<CommandKey, readonly string[]>> = {
  analyze: OUTPUT_FORMATS,
  convert: CONVERT_FORMATS,
  agreement: AGREEMENT_FORMATS,
  export: EXPORT_FORMATS,
  find: FOUND_PASSAGE_FORMATS,
};

function unknownFormat(value: string, formats: readonly string[]): string {
  return l10n.t('unknown format "{0}" (use {1})', value, orList(formats));
}

/** The synopsis of each command, as typed (never translated). */
const SYNOPSIS = [
  'thai-policy-lens analyze [options] FILE...',
  'thai-policy-lens export --format csv|md|webanno|qdpx [options]',
  'thai-policy-lens codebook export [--glossary FILE]... [--out FILE]',
  'thai-policy-lens codebook import FILE.qdc [--out FILE.glossary.yaml] [--force]',
  'thai-policy-lens import FILE.qdpx --folder DIR [--force]',
  'thai-policy-lens agreement [--coder A --coder B] [--format table|csv] DIR',
  'thai-policy-lens convert FILE.pdf|.docx|.html|.htm [options]',
  'thai-policy-lens find QUERY DIR [--format json|csv|md] [options]',
  'thai-policy-lens report DIR --out FILE.html [options]',
];

/**
 * The help (`--help`), in the language of the messages: the synopsis, then one translated
 * section per command (a section each, so that a new command adds a string and changes none).
 */
export function usage(): string {
  const label = l10n.t('Usage:');
  const indent = ' '.repeat(label.replace(/\p{Mn}/gu, '').length + 1); // Thai marks take no column
  const synopsis = `${label} ${SYNOPSIS.join(`\n${indent}`)}`;
  const sections = [
    synopsis,
    l10n.t('analyze: finds policy themes (glossary terms), countries and dates in Thai text files\n(UTF-8, or UTF-16 with a byte order mark; - reads standard input). A folder is read\nrecursively: its .txt, .md, .pdf, .docx, .html and .htm files, in path order (a PDF, Word\nor HTML file beside its NAME.policy.txt is left out). PDF, Word (.docx) and HTML files are\nconverted first, as convert writes them; offsets are into that text.\n  --glossary FILE              a glossary (*.glossary.yaml), in addition to the built-in\n                               one; repeat for several\n  --packs a,b                  the packs of the built-in glossary to use. Default: all of\n                               them (listed below)\n  --no-builtin-glossary        leave the built-in glossary out\n  --reference-date YYYY-MM-DD  resolves relative dates (วันนี้, ปีหน้า) and years not written;\n                               without it, each document\'s own date does (its front matter\n                               date:, else a dateline such as วันจันทร์ที่ 26 พฤษภาคม 2568 in\n                               its first lines)\n  --format FORMAT              json (default), jsonl (one document per line, written as\n                               each is done), summary, csv or md\n  --include GLOB               in folders, read the files GLOB matches instead of those\n                               above (a GLOB without / matches file names); repeat for several\n  --exclude GLOB               in folders, skip the files and folders GLOB matches\n  --jobs N                     analyse on N threads. Default: the number of CPUs'),
    l10n.t('export: the coded passages (tags) of a workspace folder, as the editor exports them: each\npassage with its document, theme, text, note, line, and the countries and dates inside it.\nEach passage is found again in its document\'s current text; one that is not found, or whose\ndocument is missing, is exported as orphaned with its stored text and position.\n  --format FORMAT              csv, md (a Markdown report), webanno (W3C Web Annotation\n                               JSON-LD) or qdpx (a REFI-QDA project for NVivo, ATLAS.ti,\n                               MAXQDA, QualCoder: needs --out FILE.qdpx); required\n  --folder DIR                 the workspace folder the documents are in. Default: .\n  --annotations FILE           Default: DIR/.policy-lens/annotations.json\n  --glossary FILE              a glossary for theme labels, in addition to the built-in one\n                               and every *.glossary.yaml under DIR; repeat for several\n  --packs a,b                  the packs of the built-in glossary. Default: all of them\n  --no-builtin-glossary        leave the built-in glossary out\n  --reference-date YYYY-MM-DD  resolves relative dates inside passages. Default: each\n                               document\'s own date, as analyze does\n  --out FILE                   write to FILE (a regular file, replaced whole; never one of\n                               the files read). Default, or -: standard output'),
    l10n.t('codebook export: the glossary as a REFI-QDA codebook (.qdc) for NVivo, ATLAS.ti, MAXQDA\nor QualCoder.\n  --glossary FILE              repeat for several, merged. Default: the built-in glossary\n  --packs a,b                  the packs of the built-in glossary (added to --glossary\n                               files). Default: all of them\n  --annotations FILE           also the themes made while tagging that this annotations\n                               file keeps (and the coders\' files in tags/ beside it), as\n                               the editor\'s export has them\n  --out FILE                   Default: standard output'),
    l10n.t('codebook import: a REFI-QDA codebook as a new glossary file.\n  --out FILE                   Default: NAME.glossary.yaml in the current folder, NAME\n                               being the codebook\'s file name without .qdc\n  --force                      replace FILE if it exists (otherwise it is left alone)\n  --glossary FILE              glossaries whose theme ids the import must not reuse.\n                               Default: the built-in glossary'),
    l10n.t('import: a REFI-QDA project (.qdpx, from NVivo, ATLAS.ti, MAXQDA, QualCoder or export) into\na workspace folder: its documents as text files, its codes as NAME.glossary.yaml (only the\nthemes the loaded glossaries lack), its codings as tags added to the annotations file.\n  --folder DIR                 the workspace folder to write into; required\n  --force                      replace documents that exist with other text, and the glossary\n  --glossary FILE              glossaries whose themes are not imported again (besides the\n                               folder\'s own and the built-in one)\n  --no-builtin-glossary        leave the built-in glossary out'),
    l10n.t('agreement: how far the coders of a folder\'s tags agree, at character level (as NVivo\'s\ncoding comparison counts): percentage agreement and Cohen\'s kappa of two coders,\nKrippendorff\'s alpha (nominal) of all, per theme and document, per theme, per document\nand overall.\n  --coder NAME                 a coder to compare; repeat. Default: every coder of the tags\n  --format FORMAT              table (default) or csv\n  --annotations FILE           Default: DIR/.policy-lens/annotations.json\n  --out FILE                   Default, or -: standard output'),
    l10n.t('convert: a PDF, Word (.docx) or web page (.html, .htm) as UTF-8 text with a front matter\n(source, sha256, converter, pages, the document\'s date); Thai repaired, wrapped lines\njoined, running headers and page numbers removed, [หน้า N] between PDF pages.\n  --out FILE                   Default, or -: standard output\n  --pages N-M                  the PDF pages to convert. Default: all (at most 2000)\n  --format FORMAT              txt (default) or md (headings, lists and tables as Markdown)\n  --page-marker TEXT           the marker between pages, {n} the page number. Default:\n                               [หน้า {n}]; \'\' for none'),
    l10n.t('find: the passages (paragraphs) of the documents in DIR that a query matches, such as\ntheme:human-rights country:MM date:2564..2566 "ผู้ลี้ภัย" (docs/query.md). DIR is read and\nanalysed as analyze reads a folder (--glossary, --packs, --no-builtin-glossary,\n--reference-date, --include, --exclude as there).\n  --format FORMAT              json (default), csv or md'),
    l10n.t('report: the corpus of DIR as one self-contained HTML file (charts of themes by document and\nover time, countries on a map, co-occurrence, keyword in context; no network needed).\n  --out FILE                   the HTML file to write; required'),
    l10n.t('  --max-size MB                the size cap of every input file (defaults: documents 256,\n                               glossaries 32, annotations file 128, codebook 64)\n  --lang th|en                 the language of messages, warnings and help. Default:\n                               from LC_ALL, LC_MESSAGES or LANG (th_TH.UTF-8: Thai)\n  --help                       show this help\n  --version                    show the version'),
    l10n.t('Built-in glossary packs, for --packs:\n  {0}', wrap(BUILTIN_PACK_IDS.join(', '), 2, 88)),
    l10n.t('Exit status: 0 on success; 2 on bad arguments, a missing, binary or too large file, an\ninvalid glossary, annotations file or codebook, an --out that is not a regular file, or an\noutput file that exists (codebook import).'),
  ];
  return `${sections.join('\n\n')}\n`;
}

type CommandKey = 'analyze' | 'export' | 'codebook export' | 'codebook import' | 'convert' | 'import' | 'agreement' | 'find' | 'report';

type OptionTable = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** The options every command takes. */
const COMMON_OPTIONS: OptionTable = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  'max-size': { type: 'string' },
  lang: { type: 'string' },
};
const GLOSSARY = { glossary: { type: 'string', multiple: true } } as const;
const REFERENCE_DATE = { 'reference-date': { type: 'string' } } as const;
const PACKS = { packs: { type: 'string' } } as const;
const NO_BUILTIN = { 'no-builtin-glossary': { type: 'boolean' } } as const;
const OUT = { out: { type: 'string' } } as const;

/** One option table per command (for `util.parseArgs`). */
const COMMAND_OPTIONS: Record<CommandKey, OptionTable> = {
  analyze: {
    ...COMMON_OPTIONS,
    ...GLOSSARY,
    ...PACKS,
    ...NO_BUILTIN,
    ...REFERENCE_DATE,
    format: { type: 'string' },
    include: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    jobs: { type: 'string' },
  },
  export: {
    ...COMMON_OPTIONS,
    format: { type: 'string' },
    folder: { type: 'string' },
    annotations: { type: 'string' },
    ...GLOSSARY,
    ...PACKS,
    ...NO_BUILTIN,
    ...REFERENCE_DATE,
    ...OUT,
  },
  'codebook export': { ...COMMON_OPTIONS, ...GLOSSARY, ...PACKS, annotations: { type: 'string' }, ...OUT },
  'codebook import': { ...COMMON_OPTIONS, ...OUT, force: { type: 'boolean' }, ...GLOSSARY },
  convert: { ...COMMON_OPTIONS, ...OUT, format: { type: 'string' }, pages: { type: 'string' }, 'page-marker': { type: 'string' } },
  import: { ...COMMON_OPTIONS, folder: { type: 'string' }, force: { type: 'boolean' }, ...GLOSSARY, ...PACKS, ...NO_BUILTIN },
  agreement: { ...COMMON_OPTIONS, coder: { type: 'string', multiple: true }, annotations: { type: 'string' }, format: { type: 'string' }, ...OUT },
  find: { ...COMMON_OPTIONS, ...GLOSSARY, ...PACKS, ...NO_BUILTIN, ...REFERENCE_DATE, format: { type: 'string' }, include: { type: 'string', multiple: true }, exclude: { type: 'string', multiple: true } },
  report: { ...COMMON_OPTIONS, ...GLOSSARY, ...PACKS, ...NO_BUILTIN, ...REFERENCE_DATE, ...OUT, include: { type: 'string', multiple: true }, exclude: { type: 'string', multiple: true } },
};
/** Every option of every command: to find the command before the options are checked against it. */
const ALL_OPTIONS: OptionTable = Object.assign({}, ...Object.values(COMMAND_OPTIONS));

interface Options {
  command?: string;
  /** the codebook command: export or import */
  subcommand?: string;
  glossaries: string[];
  /** agreement's `--coder` */
  coders: string[];
  /** `--packs`, as written */
  packs?: string;
  referenceDate?: string;
  /** checked against the command's formats */
  format?: string;
  folder?: string;
  annotations?: string;
  out?: string;
  /** convert's --pages and --page-marker */
  pages?: string;
  pageMarker?: string;
  maxBytes?: number;
  force: boolean;
  noBuiltinGlossary: boolean;
  files: string[];
  /** `--include` and `--exclude` globs (folders given to analyze) */
  include: string[];
  exclude: string[];
  /** `--jobs N` */
  jobs?: number;
  help: boolean;
  version: boolean;
}

type Token = ReturnType<typeof parseArgv>['tokens'] extends Array<infer T> | undefined ? T : never;

function tokensOf(argv: readonly string[], options: OptionTable): Token[] {
  return parseArgv({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true }).tokens ?? [];
}

/**
 * Reads the arguments with `util.parseArgs`. Options may come before or after the command; they
 * are checked against the command's table (a command that is not known is checked as `analyze`,
 * as it always was), in order, so the first bad argument is the one reported.
 */
function parseArgs(argv: readonly string[]): Options {
  const options: Options = { glossaries: [], coders: [], files: [], include: [], exclude: [], force: false, noBuiltinGlossary: false, help: false, version: false };
  // where the command is: the first argument that is not an option or an option's value
  const words: string[] = [];
  for (const t of tokensOf(argv, ALL_OPTIONS)) {
    if (t.kind === 'option-terminator') break;
    if (t.kind === 'positional') words.push(t.value);
  }
  const [command, sub] = words;
  const key: CommandKey | undefined =
    command === 'export' || command === 'convert' || command === 'import' || command === 'agreement' || command === 'find' || command === 'report' ? command : command === 'codebook' ? (sub === 'export' || sub === 'import' ? `codebook ${sub}` : undefined) : 'analyze';
  const table = key ? COMMAND_OPTIONS[key] : ALL_OPTIONS;

  let onlyFiles = false;
  for (const t of tokensOf(argv, table)) {
    if (t.kind === 'option-terminator') {
      onlyFiles = true;
      continue;
    }
    if (t.kind === 'positional') {
      if (!onlyFiles && options.command === undefined) options.command = t.value;
      else if (!onlyFiles && options.command === 'codebook' && options.subcommand === undefined) {
        options.subcommand = t.value;
        if (key === undefined) throw new CliError(l10n.t('unknown command "codebook {0}" (use "codebook export" or "codebook import FILE.qdc"); see --help', t.value));
      } else options.files.push(t.value);
      continue;
    }
    const spec = Object.prototype.hasOwnProperty.call(table, t.name) ? table[t.name] : undefined;
    if (!spec) throw new CliError(l10n.t('unknown option {0}; see --help', t.rawName));
    if (spec.type === 'string' && t.value === undefined) throw new CliError(l10n.t('{0} needs a value; see --help', t.rawName));
    if (spec.type === 'boolean' && t.inlineValue) throw new CliError(l10n.t('{0} takes no value; see --help', t.rawName));
    const value = t.value ?? '';
    switch (t.name) {
      case 'help':
        options.help = true;
        break;
      case 'version':
        options.version = true;
        break;
      case 'max-size':
        options.maxBytes = parseMaxSize(value);
        break;
      case 'glossary':
        options.glossaries.push(value);
        break;
      case 'coder':
        options.coders.push(value);
        break;
      case 'packs':
        options.packs = value;
        break;
      case 'reference-date':
        options.referenceDate = value;
        break;
      case 'format': {
        const formats = key && FORMATS[key];
        if (formats && !formats.includes(value)) throw new CliError(unknownFormat(value, formats));
        options.format = value;
        break;
      }
      case 'include':
        options.include.push(value);
        break;
      case 'exclude':
        options.exclude.push(value);
        break;
      case 'jobs':
        if (!/^[1-9]\d{0,3}$/.test(value)) throw new CliError(l10n.t('invalid --jobs "{0}": give a number of threads, such as 4', value));
        options.jobs = Number(value);
        break;
      case 'folder':
        options.folder = value;
        break;
      case 'annotations':
        options.annotations = value;
        break;
      case 'out':
        options.out = value;
        break;
      case 'force':
        options.force = true;
        break;
      case 'no-builtin-glossary':
        options.noBuiltinGlossary = true;
        break;
      case 'pages':
        options.pages = value;
        break;
      case 'page-marker':
        options.pageMarker = value;
        break;
    }
  }
  return options;
}

/**
 * `analyze`: with a format that streams (jsonl) each document is written once analysed;
 * otherwise every input is read (once) and checked before anything is printed. With `threads`,
 * more than one document and `--jobs` not 1, the documents are analysed on worker threads
 * (jobs.ts), the output the same.
 */
function analyzeCommand(options: Options, glossaryFiles: string[], io: CliIO, inputs: Inputs, threads: boolean, converted: ReadonlyMap<string, string>): number | Promise<number> {
  if (!options.files.length) throw new CliError(l10n.t('no input files; see --help'));
  const textOf = (file: string): string => documentText(file, converted, inputs, io, 'file');
  const files = analyzedFiles(options.files, { include: options.include, exclude: options.exclude });
  const format = (options.format ?? 'json') as OutputFormat;
  const glossaryTexts = readGlossaries(glossaryFiles, io, inputs);
  const key = matcherKey(glossaryTexts);
  // a cached matcher stands for the glossaries (they loaded without a warning before), unless
  // the format shows their labels
  const cached = format === 'md' ? undefined : cachedMatcher(key, io, io.env);
  let glossaries: GlossarySet | undefined;
  let analyzer: Analyzer;
  if (cached) {
    analyzer = new Analyzer();
    analyzer.useMatcher(cached);
  } else {
    const loaded = parseGlossaries(glossaryTexts, io);
    glossaries = loaded.set;
    analyzer = new Analyzer(glossaries);
    provideMatcher(analyzer, key, io, io.env, loaded.warnings === 0);
  }
  const formatter = formatterFor(format, glossaries);
  const jobs = options.jobs ?? (os.availableParallelism?.() ?? os.cpus().length);
  if (threads && jobs > 1 && files.length > 1 && !files.includes('-')) {
    const setup = { glossaryFiles, matcher: analyzer.getMatcher(), format, referenceDate: options.referenceDate, maxBytes: options.maxBytes, lang: getUiLocale() };
    if (formatter.streams) {
      io.stdout.write(formatter.header());
      return analyzeOnThreads(files, jobs, setup, (output, warnings) => {
        if (warnings) io.stderr.write(warnings);
        if (output) io.stdout.write(output);
      }).then(() => {
        io.stdout.write(formatter.footer());
        return 0;
      });
    }
    const outputs: string[] = [formatter.header()];
    return analyzeOnThreads(files, jobs, setup, (output, warnings) => {
      if (warnings) io.stderr.write(warnings);
      outputs.push(output);
    }).then(() => {
      outputs.push(formatter.footer());
      writeOutput({ kind: 'stdout' }, outputs, io, inputs);
      return 0;
    });
  }
  const documentOf = (index: number, text: string): Iterable<string> => formatter.document(analyzeDocument(analyzer, formatter, files[index], text, options.referenceDate), index);
  function* output(documents: (index: number) => Iterable<string>): Iterable<string> {
    yield formatter.header();
    for (let index = 0; index < files.length; index++) yield* documents(index);
    yield formatter.footer();
  }
  if (formatter.streams) {
    writeOutput({ kind: 'stdout' }, output((index) => documentOf(index, textOf(files[index]))), io, inputs);
  } else if (formatter.countsOnly) {
    // counted as read: only the (small) output of each document is kept
    const written = files.map((file, index) => [...documentOf(index, textOf(file))].join(''));
    writeOutput({ kind: 'stdout' }, output((index) => [written[index]]), io, inputs);
  } else {
    const texts = files.map((file) => textOf(file));
    writeOutput({ kind: 'stdout' }, output((index) => documentOf(index, texts[index])), io, inputs);
  }
  return 0;
}

/**
 * Runs the command line in this thread (`--jobs` is checked but analyses on this thread only);
 * returns the exit status. Tests and the bench call it.
 */
export function runCli(argv: readonly string[], io: CliIO): number {
  try {
    configureLanguage(argv, io.env ?? process.env);
    return execute(argv, io, false, new Map()) as number;
  } catch (e) {
    return failed(e, io);
  } finally {
    resetLanguage();
  }
}

/** Runs the command line as the program does (`analyze --jobs N` on worker threads); resolves to the exit status. */
export async function runCliAsync(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    configureLanguage(argv, io.env ?? process.env);
    // PDF, Word and HTML are converted here, before the synchronous work (the converters are async)
    let options: Options | undefined;
    try {
      options = parseArgs(argv);
    } catch {
      options = undefined; // execute reports it
    }
    const converted = new Map<string, string>();
    if (options && !options.help && !options.version) {
      const inputs = new Inputs({ maxBytes: options.maxBytes, stdin: io.stdin });
      if (options.command === 'convert') {
        if (options.files.length !== 1) throw new CliError(options.files.length ? l10n.t('convert reads one file, not {0}; see --help', options.files.length) : l10n.t('convert needs the file to read (FILE.pdf, .docx, .html or .htm); see --help'));
        await convertCommand({ file: options.files[0], out: options.out, pages: options.pages, format: options.format, pageMarker: options.pageMarker }, io, inputs);
        return 0;
      }
      // the files themselves and those of the folders given (a folder of mixed files); find and
      // report read a folder only (named otherwise, it is said when they run)
      const args = options.command === 'analyze' ? options.files : options.command === 'find' ? options.files.slice(1, 2) : options.command === 'report' ? options.files.slice(0, 1) : [];
      const folders = options.command === 'analyze' ? args : args.filter((arg) => fs.statSync(arg, { throwIfNoEntry: false })?.isDirectory());
      if (folders.length) await convertFiles(analyzedFiles(folders, { include: options.include, exclude: options.exclude }), inputs, io, converted);
    }
    return await execute(argv, io, converted.size === 0, converted);
  } catch (e) {
    return failed(e, io);
  } finally {
    resetLanguage();
  }
}

/** The exit status of an error, written as one line (a CliError) or with its stack (a bug). */
function failed(e: unknown, io: CliIO): number {
  if (e instanceof CliError) {
    io.stderr.write(`${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
    return EXIT_USAGE;
  }
  io.stderr.write(`${l10n.t('internal error: {0}', String((e as Error)?.stack ?? e))}\n`);
  return EXIT_INTERNAL;
}

/** The command line; throws what `failed` reports. */
function execute(argv: readonly string[], io: CliIO, threads: boolean, converted: ReadonlyMap<string, string>): number | Promise<number> {
  {
    const options = parseArgs(argv);
    if (options.help) {
      io.stdout.write(usage());
      return 0;
    }
    if (options.version) {
      io.stdout.write(`${pkg.version}\n`);
      return 0;
    }
    if (options.command === undefined) throw new CliError(l10n.t('missing command: use {0}; see --help', quotedList(COMMANDS)));
    if (!(COMMANDS as readonly string[]).includes(options.command)) {
      throw new CliError(l10n.t('unknown command "{0}" (use {1}); see --help', options.command, quotedList(COMMANDS)));
    }
    if (options.referenceDate !== undefined && !isIsoDate(options.referenceDate)) {
      throw new CliError(l10n.t('invalid --reference-date "{0}": use a real date written YYYY-MM-DD', options.referenceDate));
    }
    const builtin = options.noBuiltinGlossary ? [] : builtinPackFiles(io.builtinDir ?? defaultBuiltinDir(), packsOption(options.packs));
    const inputs = new Inputs({ maxBytes: options.maxBytes, stdin: io.stdin });
    /** the codebook commands' rule: the --glossary files, else the built-in packs; both when --packs is given */
    const glossaryFiles = (): string[] => (!options.glossaries.length ? builtin : options.packs !== undefined ? [...builtin, ...options.glossaries] : options.glossaries);
    switch (options.command) {
      case 'analyze':
        // as in the editor and export: the built-in packs, then the --glossary files
        return analyzeCommand(options, [...builtin, ...options.glossaries], io, inputs, threads, converted);
      case 'convert':
        throw new CliError('convert runs in runCliAsync (the program does)');
      case 'find': {
        if (options.files.length !== 2) throw new CliError('find needs a QUERY and a folder DIR (quote the query); see --help');
        const corpus = { folder: options.files[1], glossaryFiles: [...builtin, ...options.glossaries], include: options.include, exclude: options.exclude, referenceDate: options.referenceDate };
        return findCommand(options.files[0], { ...corpus, format: (options.format ?? 'json') as FoundPassageFormat }, io, inputs, converted);
      }
      case 'report': {
        if (options.files.length !== 1) throw new CliError('report needs one folder DIR; see --help');
        return reportCommand({ folder: options.files[0], glossaryFiles: [...builtin, ...options.glossaries], include: options.include, exclude: options.exclude, referenceDate: options.referenceDate, out: options.out }, io, inputs, converted);
      }
      case 'export':
        if (options.format === undefined) throw new CliError(l10n.t('export needs --format csv, md or webanno; see --help'));
        if (options.files.length) throw new CliError(l10n.t('unexpected argument "{0}": export reads the documents of --folder; see --help', options.files[0]));
        exportPassages(
          {
            format: options.format as ExportFormat,
            folder: options.folder ?? '.',
            annotations: options.annotations,
            builtinGlossaries: builtin,
            glossaries: options.glossaries,
            referenceDate: options.referenceDate,
            out: options.out,
          },
          io,
          inputs,
        );
        return 0;
      case 'import':
        if (options.files.length !== 1) throw new CliError('import reads one REFI-QDA project: thai-policy-lens import FILE.qdpx --folder DIR; see --help');
        if (options.folder === undefined) throw new CliError('import needs --folder DIR, the workspace folder to write the documents, glossary and tags into; see --help');
        // the built-in glossary (unless left out) and the --glossary files: their themes are not imported again
        importProject({ file: options.files[0], folder: options.folder, force: options.force, glossaries: [...builtin, ...options.glossaries] }, io, inputs);
        return 0;
      case 'agreement':
        if (options.files.length !== 1) throw new CliError('agreement compares the coders of one workspace folder: thai-policy-lens agreement [--coder A --coder B] DIR; see --help');
        agreementCommand({ folder: options.files[0], annotations: options.annotations, coders: options.coders, format: (options.format ?? 'table') as AgreementOptions['format'], out: options.out }, io, inputs);
        return 0;
      case 'codebook':
        if (options.subcommand === undefined) throw new CliError(l10n.t('missing codebook command: use "codebook export" or "codebook import FILE.qdc"; see --help'));
        if (options.subcommand === 'export') {
          if (options.files.length) throw new CliError(l10n.t('unexpected argument "{0}": codebook export reads the --glossary files; see --help', options.files[0]));
          exportCodebook(glossaryFiles(), options.annotations, options.out, io, inputs);
          return 0;
        }
        if (options.files.length === 0) throw new CliError(l10n.t('codebook import needs the codebook to read (FILE.qdc); see --help'));
        if (options.files.length > 1) throw new CliError(l10n.t('codebook import reads one codebook, not {0}; see --help', options.files.length));
        importCodebook({ file: options.files[0], out: options.out, force: options.force, glossaries: glossaryFiles() }, io, inputs);
        return 0;
    }
    throw new CliError(l10n.t('unknown command "{0}"; see --help', String(options.command)));
  }
}
