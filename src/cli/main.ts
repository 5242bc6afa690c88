/**
 * The command line (docs/cli.md):
 *
 *   thai-policy-lens analyze [--glossary FILE]... [--packs a,b] [--reference-date YYYY-MM-DD]
 *                            [--format json|summary|csv|md] FILE...
 *   thai-policy-lens export --format csv|md|webanno [--folder DIR] [--annotations FILE]
 *                           [--glossary FILE]... [--packs a,b] [--no-builtin-glossary]
 *                           [--reference-date YYYY-MM-DD] [--out FILE]
 *   thai-policy-lens codebook export [--glossary FILE]... [--packs a,b] [--out FILE]
 *   thai-policy-lens codebook import FILE.qdc [--out FILE.glossary.yaml] [--force] [--glossary FILE]...
 *
 * `runCli` does the work and returns the exit status, writing to the streams it is given,
 * so that tests can call it directly; the bundle (dist/cli.js) calls it when run.
 * On any error: exit status 2, one line on standard error, nothing on standard output and no
 * file written. The export commands are in export.ts.
 */
import { Analyzer, BUILTIN_PACK_IDS, resolveReferenceDate } from '../core';
import pkg from '../../package.json';
import { builtinPackFiles, CliError, defaultBuiltinDir, isIsoDate, loadGlossaries, packsOption, readTextFile } from './common';
import { EXPORT_FORMATS, exportCodebook, exportPassages, importCodebook } from './export';
import type { ExportFormat } from './export';
import { formatterFor, OUTPUT_FORMATS } from './format';
import type { OutputFormat } from './format';

export { isIsoDate, readTextFile };

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** the folder of the built-in glossary packs; by default the one shipped with the package */
  builtinDir?: string;
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

export const USAGE = `Usage: thai-policy-lens analyze [options] FILE...
       thai-policy-lens export --format csv|md|webanno [options]
       thai-policy-lens codebook export [--glossary FILE]... [--out FILE]
       thai-policy-lens codebook import FILE.qdc [--out FILE.glossary.yaml] [--force]

analyze: finds policy themes (glossary terms), countries and dates in Thai text files.
  --glossary FILE              a glossary (*.glossary.yaml); repeat for several.
                               Default: the built-in glossary
  --packs a,b                  the packs of the built-in glossary to use (with --glossary:
                               loaded as well). Default: all of them (listed below)
  --reference-date YYYY-MM-DD  resolves relative dates (วันนี้, ปีหน้า) and years not written;
                               without it, each document's own date does (its front matter
                               date:, else a dateline such as วันจันทร์ที่ 26 พฤษภาคม 2568 in
                               its first lines)
  --format FORMAT              json (default), summary, csv or md

export: the coded passages (tags) of a workspace folder, as the editor exports them: each
passage with its document, theme, text, note, line, and the countries and dates inside it.
Each passage is found again in its document's current text; one that is not found, or whose
document is missing, is exported as orphaned with its stored text and position.
  --format FORMAT              csv, md (a Markdown report) or webanno (W3C Web Annotation
                               JSON-LD); required
  --folder DIR                 the workspace folder the documents are in. Default: .
  --annotations FILE           Default: DIR/.policy-lens/annotations.json
  --glossary FILE              a glossary for theme labels, in addition to the built-in one
                               and every *.glossary.yaml under DIR; repeat for several
  --packs a,b                  the packs of the built-in glossary. Default: all of them
  --no-builtin-glossary        leave the built-in glossary out
  --reference-date YYYY-MM-DD  resolves relative dates inside passages. Default: each
                               document's own date, as analyze does
  --out FILE                   write to FILE (replaced whole). Default: standard output

codebook export: the glossary as a REFI-QDA codebook (.qdc) for NVivo, ATLAS.ti, MAXQDA
or QualCoder.
  --glossary FILE              repeat for several, merged. Default: the built-in glossary
  --packs a,b                  the packs of the built-in glossary. Default: all of them
  --out FILE                   Default: standard output

codebook import: a REFI-QDA codebook as a new glossary file.
  --out FILE                   Default: NAME.glossary.yaml in the current folder, NAME
                               being the codebook's file name without .qdc
  --force                      replace FILE if it exists (otherwise it is left alone)
  --glossary FILE              glossaries whose theme ids the import must not reuse.
                               Default: the built-in glossary

  --help                       show this help
  --version                    show the version

Built-in glossary packs, for --packs:
  ${wrap(BUILTIN_PACK_IDS.join(', '), 2, 88)}

Exit status: 0 on success; 2 on bad arguments, a missing or binary file, an invalid
glossary, annotations file or codebook, or an output file that exists (codebook import).
`;

type CommandKey = 'analyze' | 'export' | 'codebook export' | 'codebook import';

const VALUE_OPTIONS: readonly string[] = ['--glossary', '--packs', '--reference-date', '--format', '--folder', '--annotations', '--out'];
const FLAG_OPTIONS: readonly string[] = ['--force', '--no-builtin-glossary'];
/** The options each command takes (besides --help and --version). */
const COMMAND_OPTIONS: Record<CommandKey, readonly string[]> = {
  analyze: ['--glossary', '--packs', '--reference-date', '--format'],
  export: ['--format', '--folder', '--annotations', '--glossary', '--packs', '--no-builtin-glossary', '--reference-date', '--out'],
  'codebook export': ['--glossary', '--packs', '--out'],
  'codebook import': ['--out', '--force', '--glossary'],
};

interface Options {
  command?: string;
  /** the codebook command: export or import */
  subcommand?: string;
  glossaries: string[];
  /** `--packs`, as written */
  packs?: string;
  referenceDate?: string;
  /** checked against the command's formats */
  format?: string;
  folder?: string;
  annotations?: string;
  out?: string;
  force: boolean;
  noBuiltinGlossary: boolean;
  files: string[];
  help: boolean;
  version: boolean;
}

/**
 * Reads the arguments in order. Options may come before or after the command; each is checked
 * against the command's options as soon as the command is known (a command that is not known is
 * checked as `analyze`, as it always was), so the first bad argument is the one reported.
 */
function parseArgs(argv: readonly string[]): Options {
  const options: Options = { glossaries: [], files: [], force: false, noBuiltinGlossary: false, help: false, version: false };
  let onlyFiles = false;
  /** the command whose options apply, once known */
  let key: CommandKey | undefined;
  /** options met before the command was known */
  const pending: Array<{ name: string; value?: string }> = [];

  const apply = (k: CommandKey, name: string, value: string | undefined): void => {
    if (!COMMAND_OPTIONS[k].includes(name)) throw new CliError(`unknown option ${name}; see --help`);
    switch (name) {
      case '--glossary':
        options.glossaries.push(value!);
        break;
      case '--packs':
        options.packs = value;
        break;
      case '--reference-date':
        options.referenceDate = value;
        break;
      case '--format':
        if (k === 'analyze' && !(OUTPUT_FORMATS as readonly string[]).includes(value!)) throw new CliError(`unknown format "${value}" (use json, summary, csv or md)`);
        if (k === 'export' && !(EXPORT_FORMATS as readonly string[]).includes(value!)) throw new CliError(`unknown format "${value}" (use csv, md or webanno)`);
        options.format = value;
        break;
      case '--folder':
        options.folder = value;
        break;
      case '--annotations':
        options.annotations = value;
        break;
      case '--out':
        options.out = value;
        break;
      case '--force':
        options.force = true;
        break;
      case '--no-builtin-glossary':
        options.noBuiltinGlossary = true;
        break;
    }
  };
  const known = (k: CommandKey): void => {
    key = k;
    for (const p of pending.splice(0)) apply(k, p.name, p.value);
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      if (options.command === undefined && !onlyFiles) {
        options.command = arg;
        if (arg === 'analyze' || arg === 'export') known(arg);
        else if (arg !== 'codebook') known('analyze');
      } else if (options.command === 'codebook' && options.subcommand === undefined && !onlyFiles) {
        options.subcommand = arg;
        if (arg !== 'export' && arg !== 'import') throw new CliError(`unknown command "codebook ${arg}" (use "codebook export" or "codebook import FILE.qdc"); see --help`);
        known(`codebook ${arg}`);
      } else options.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const inline = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    if (name === '--help' || name === '-h') {
      options.help = true;
      continue;
    }
    if (name === '--version' || name === '-V') {
      options.version = true;
      continue;
    }
    const takesValue = VALUE_OPTIONS.includes(name);
    if (!takesValue && !FLAG_OPTIONS.includes(name)) throw new CliError(`unknown option ${name}; see --help`);
    if (key !== undefined && !COMMAND_OPTIONS[key].includes(name)) throw new CliError(`unknown option ${name}; see --help`);
    let value: string | undefined;
    if (takesValue) {
      if (inline !== undefined) value = inline;
      else if (i + 1 >= argv.length) throw new CliError(`${name} needs a value; see --help`);
      else value = argv[++i];
    } else if (inline !== undefined) throw new CliError(`${name} takes no value; see --help`);
    if (key !== undefined) apply(key, name, value);
    else pending.push({ name, value });
  }
  // no command at all: the options are checked as analyze's, as they always were
  if (options.command === undefined) known('analyze');
  return options;
}

/** `analyze`: every input is checked before anything is printed. */
function analyzeCommand(options: Options, glossaryFiles: string[], io: CliIO): number {
  if (!options.files.length) throw new CliError('no input files; see --help');
  const glossaries = loadGlossaries(glossaryFiles, io);
  for (const file of options.files) readTextFile(file);

  const analyzer = new Analyzer(glossaries);
  const formatter = formatterFor((options.format ?? 'json') as OutputFormat, glossaries);
  io.stdout.write(formatter.header());
  options.files.forEach((file, index) => {
    const text = readTextFile(file);
    // the rule the editor uses too: --reference-date, else the document's own date
    const reference = resolveReferenceDate(text, { explicit: options.referenceDate });
    const annotations = analyzer.analyze(text, { referenceDate: reference?.date });
    io.stdout.write(formatter.document({ path: file, text, annotations, reference }, index));
  });
  io.stdout.write(formatter.footer());
  return 0;
}

/** Runs the command line; returns the exit status. */
export function runCli(argv: readonly string[], io: CliIO): number {
  try {
    const options = parseArgs(argv);
    if (options.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (options.version) {
      io.stdout.write(`${pkg.version}\n`);
      return 0;
    }
    if (options.command === undefined) throw new CliError('missing command: use "analyze", "export" or "codebook"; see --help');
    if (!['analyze', 'export', 'codebook'].includes(options.command)) {
      throw new CliError(`unknown command "${options.command}" (use "analyze", "export" or "codebook"); see --help`);
    }
    if (options.referenceDate !== undefined && !isIsoDate(options.referenceDate)) {
      throw new CliError(`invalid --reference-date "${options.referenceDate}": use a real date written YYYY-MM-DD`);
    }
    const builtin = builtinPackFiles(io.builtinDir ?? defaultBuiltinDir(), packsOption(options.packs));
    /** analyze's rule: the --glossary files, else the built-in packs that are there; both when --packs is given */
    const glossaryFiles = (): string[] => (!options.glossaries.length ? builtin : options.packs !== undefined ? [...builtin, ...options.glossaries] : options.glossaries);
    switch (options.command) {
      case 'analyze':
        return analyzeCommand(options, glossaryFiles(), io);
      case 'export':
        if (options.format === undefined) throw new CliError('export needs --format csv, md or webanno; see --help');
        if (options.files.length) throw new CliError(`unexpected argument "${options.files[0]}": export reads the documents of --folder; see --help`);
        exportPassages(
          {
            format: options.format as ExportFormat,
            folder: options.folder ?? '.',
            annotations: options.annotations,
            builtinGlossaries: options.noBuiltinGlossary ? [] : builtin,
            glossaries: options.glossaries,
            referenceDate: options.referenceDate,
            out: options.out,
          },
          io,
        );
        return 0;
      case 'codebook':
        if (options.subcommand === undefined) throw new CliError('missing codebook command: use "codebook export" or "codebook import FILE.qdc"; see --help');
        if (options.subcommand === 'export') {
          if (options.files.length) throw new CliError(`unexpected argument "${options.files[0]}": codebook export reads the --glossary files; see --help`);
          exportCodebook(glossaryFiles(), options.out, io);
          return 0;
        }
        if (options.files.length === 0) throw new CliError('codebook import needs the codebook to read (FILE.qdc); see --help');
        if (options.files.length > 1) throw new CliError(`codebook import reads one codebook, not ${options.files.length}; see --help`);
        importCodebook({ file: options.files[0], out: options.out, force: options.force, glossaries: glossaryFiles() }, io);
        return 0;
    }
    throw new CliError(`unknown command "${options.command}"; see --help`);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`internal error: ${String((e as Error)?.stack ?? e)}\n`);
    return EXIT_INTERNAL;
  }
}

if (require.main === module) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0); // the reader went away (| head)
    throw e;
  });
  process.exitCode = runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
