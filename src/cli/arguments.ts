/**
 * The command line's arguments and help (docs/cli.md): the commands, each command's options
 * (`util.parseArgs`, checked against the command's table in order), and `--help`'s text. The
 * commands themselves run in main.ts.
 */
import * as l10n from '@vscode/l10n';
import { parseArgs as parseArgv } from 'node:util';
import { BUILTIN_PACK_IDS, FOUND_PASSAGE_FORMATS, orList } from '../core';
import { CliError } from './common';
import { CONVERT_FORMATS } from './convert';
import { EXPORT_FORMATS } from './export';
import { AGREEMENT_FORMATS } from './agreement';
import { OUTPUT_FORMATS } from './format';
import { parseMaxSize } from './input';

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
export const COMMANDS = ['analyze', 'export', 'import', 'agreement', 'codebook', 'convert', 'find', 'report'] as const;

/** `"a", "b" or "c"`: names typed as they are, listed in the interface language. */
export function quotedList(names: readonly string[]): string {
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

export interface Options {
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
export function parseArgs(argv: readonly string[]): Options {
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

