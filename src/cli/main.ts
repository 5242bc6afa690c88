/**
 * The command line (spec/cli.md):
 *
 *   thai-policy-lens analyze [--glossary FILE]... [--reference-date YYYY-MM-DD]
 *                            [--format json|summary|csv|md] FILE...
 *
 * `runCli` does the work and returns the exit status, writing to the streams it is given,
 * so that tests can call it directly; the bundle (dist/cli.js) calls it when run.
 * On any error: exit status 2, one line on standard error, nothing on standard output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../core/analyze';
import { GlossarySet } from '../core/glossary';
import pkg from '../../package.json';
import { formatterFor, OUTPUT_FORMATS } from './format';
import type { OutputFormat } from './format';

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** the glossary used when no --glossary is given; by default the one shipped with the package */
  builtinGlossary?: string;
}

/** Exit status for bad arguments, unreadable input or an invalid glossary. */
export const EXIT_USAGE = 2;
/** Exit status for a bug (an exception that is not about the input). */
export const EXIT_INTERNAL = 1;

export const USAGE = `Usage: thai-policy-lens analyze [options] FILE...

Finds policy themes (glossary terms), countries and dates in Thai text files.

Options:
  --glossary FILE              a glossary (*.glossary.yaml); repeat for several.
                               Default: the built-in glossary
  --reference-date YYYY-MM-DD  resolves relative dates (วันนี้, ปีหน้า) and years not written
  --format FORMAT              json (default), summary, csv or md
  --help                       show this help
  --version                    show the version

Exit status: 0 on success; 2 on bad arguments, a missing or binary file, or an invalid glossary.
`;

/** The built-in glossary next to the package root (dist/cli.js -> glossaries/). */
export function defaultBuiltinGlossary(): string {
  return path.join(__dirname, '..', 'glossaries', 'builtin.glossary.yaml');
}

/** An error reported as one line on standard error, with exit status 2. */
class CliError extends Error {}

interface Options {
  command?: string;
  glossaries: string[];
  referenceDate?: string;
  format: OutputFormat;
  files: string[];
  help: boolean;
  version: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { glossaries: [], format: 'json', files: [], help: false, version: false };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      if (options.command === undefined && !onlyFiles) options.command = arg;
      else options.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const inline = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new CliError(`${name} needs a value; see --help`);
      return argv[++i];
    };
    switch (name) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--version':
      case '-V':
        options.version = true;
        break;
      case '--glossary':
        options.glossaries.push(value());
        break;
      case '--reference-date':
        options.referenceDate = value();
        break;
      case '--format': {
        const format = value();
        if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new CliError(`unknown format "${format}" (use json, summary, csv or md)`);
        options.format = format as OutputFormat;
        break;
      }
      default:
        throw new CliError(`unknown option ${name}; see --help`);
    }
  }
  return options;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Reads a text file as UTF-8 without its BOM; rejects missing, unreadable and binary files. */
export function readTextFile(file: string, what = 'file'): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
    throw new CliError(`cannot read ${what} ${file}: ${reason}`);
  }
  if (bytes.indexOf(0) !== -1) throw new CliError(`${file}: binary ${what} (it contains NUL bytes), not text`);
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Loads the glossaries (or the built-in one); an error in any of them is a CliError. */
function loadGlossaries(files: string[], builtin: string, io: CliIO): GlossarySet {
  const set = new GlossarySet();
  const list = files.length ? files : fs.existsSync(builtin) ? [builtin] : [];
  for (const file of list) {
    const diagnostics = set.update(file, readTextFile(file, 'glossary'));
    const error = diagnostics.find((d) => d.severity === 'error');
    if (error) throw new CliError(`${error.file}:${error.line}:${error.column}: ${error.message}`);
    for (const w of diagnostics) io.stderr.write(`${w.file}:${w.line}:${w.column}: warning: ${w.message}\n`);
  }
  return set;
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
    if (options.command === undefined) throw new CliError('missing command: use "analyze"; see --help');
    if (options.command !== 'analyze') throw new CliError(`unknown command "${options.command}" (use "analyze"); see --help`);
    if (options.referenceDate !== undefined && !isIsoDate(options.referenceDate)) {
      throw new CliError(`invalid --reference-date "${options.referenceDate}": use a real date written YYYY-MM-DD`);
    }
    if (!options.files.length) throw new CliError('no input files; see --help');

    const glossaries = loadGlossaries(options.glossaries, io.builtinGlossary ?? defaultBuiltinGlossary(), io);
    // every input is checked before anything is printed
    for (const file of options.files) readTextFile(file);

    const analyzer = new Analyzer(glossaries);
    const formatter = formatterFor(options.format, glossaries);
    io.stdout.write(formatter.header());
    options.files.forEach((file, index) => {
      const text = readTextFile(file);
      const annotations = analyzer.analyze(text, { referenceDate: options.referenceDate });
      io.stdout.write(formatter.document({ path: file, text, annotations }, index));
    });
    io.stdout.write(formatter.footer());
    return 0;
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
