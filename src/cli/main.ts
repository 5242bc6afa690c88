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
 * file written. The arguments and the help are in arguments.ts, the export commands in export.ts.
 */
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Analyzer, getUiLocale, type GlossarySet } from '../core';
import pkg from '../../package.json';
import { builtinPackFiles, CliError, defaultBuiltinDir, isIsoDate, packsOption, parseGlossaries, readGlossaries } from './common';
import { analyzedFiles, convertCommand, convertFiles, documentText } from './convert';
import { exportCodebook, exportPassages, importCodebook } from './export';
import { importProject } from './importProject';
import { agreementCommand, type AgreementOptions } from './agreement';
import type { ExportFormat } from './export';
import { formatterFor } from './format';
import { findCommand, reportCommand } from './corpus';
import type { FoundPassageFormat } from '../core';
import type { OutputFormat } from './format';
import { analyzeDocument } from './analyzeDocument';
import { analyzeOnThreads } from './jobs';
import { Inputs, type StdinReader } from './input';
import { cachedMatcher, matcherKey, provideMatcher } from './matcherCache';
import { writeOutput } from './output';
import { configureLanguage, resetLanguage } from './language';
import { COMMANDS, parseArgs, quotedList, usage, type Options } from './arguments';

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
