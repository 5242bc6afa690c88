/**
 * The export commands of the command line, the same files the editor's export commands write:
 *
 *   export --format csv|md|webanno   coded passages of a folder (its annotations file), as CSV,
 *                                    a Markdown report or W3C Web Annotation JSON-LD
 *   codebook export                  the merged glossary as a REFI-QDA codebook (.qdc)
 *   codebook import FILE.qdc         a REFI-QDA codebook as a new glossary YAML file
 *
 * Passages are found again in each document's current text (core `anchor`: position, then
 * quote, then approximate match), as the editor does when it opens a document; a passage that is
 * not found, or whose document cannot be read, is exported as orphaned with its stored text and
 * position. Everything is read and checked before anything is written.
 */
import * as l10n from '@vscode/l10n';
import { formatNumber, oneLine, plural } from '../core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  Analyzer,
  resolveReferenceDate,
  PASSAGE_FORMATS,
  QdcError,
  anchorStoredTags,
  buildProject,
  zipProject,
  collectPassages,
  decodeXml,
  glossaryToQdc,
  lineColumnAt,
  isInsidePath,
  isCoderTagsFileName,
  parseAnnotationsFile,
  unionAnnotations,
  qdcToGlossary,
  renderPassageChunks,
  safeFileStem,
  themeLookup,
  type Annotation,
  type AnnotationsData,
  type PassageFormat,
  type PassageSource,
  type StoredTag,
  type TaggedDocument,
} from '../core';
import pkg from '../../package.json';
import { CliError, loadGlossaries, type WarningSink } from './common';
import { requireFolder, type Inputs } from './input';
import { outputTarget, writeOutput } from './output';

export type ExportFormat = PassageFormat | 'qdpx';
export const EXPORT_FORMATS: readonly ExportFormat[] = [...PASSAGE_FORMATS, 'qdpx'];

/** Where the editor keeps the annotations of a workspace folder (setting `thaiPolicyLens.annotationsFile`). */
export const ANNOTATIONS_FILE = path.join('.policy-lens', 'annotations.json');

export interface ExportIO extends WarningSink {
  stdout: { write(chunk: string): unknown };
}

export interface PassageExportOptions {
  format: ExportFormat;
  /** the workspace folder: tag documents are relative to it */
  folder: string;
  /** the annotations file; default `<folder>/.policy-lens/annotations.json` */
  annotations?: string;
  /** the files of the built-in packs (none to leave the built-in glossary out) */
  builtinGlossaries: readonly string[];
  /** more glossary files, loaded after the built-in one and the folder's */
  glossaries: readonly string[];
  referenceDate?: string;
  /** where to write; default standard output */
  out?: string;
}

/**
 * Every `*.glossary.yaml` / `*.glossary.yml` file at any depth under `folder`, outside
 * `node_modules` and `.git` folders, in the order the editor loads them (by file URI), as the
 * editor finds them in a workspace folder. Symbolic links to files are followed, to folders not
 * (no cycles).
 */
export function findGlossaryFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable folder is skipped, as the editor's search does
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(file);
      } else if (/\.glossary\.(?:yaml|yml)$/.test(entry.name)) {
        if (entry.isFile() || (entry.isSymbolicLink() && isFile(file))) found.push(file);
      }
    }
  };
  walk(folder);
  const uri = (file: string) => pathToFileURL(path.resolve(file)).href;
  return found.sort((a, b) => uri(a).localeCompare(uri(b)));
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The files in order with repeats (the same file by another path) left out. */
function distinctFiles(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = path.resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function taggedPassages(n: number): string {
  return plural(n, l10n.t('1 tagged passage'), l10n.t('{0} tagged passages', formatNumber(n)));
}

export function themesCount(n: number): string {
  return plural(n, l10n.t('1 theme'), l10n.t('{0} themes', formatNumber(n)));
}

export function termsCount(n: number): string {
  return plural(n, l10n.t('1 term'), l10n.t('{0} terms', formatNumber(n)));
}

/**
 * The tags of one document as passage sources: each found again in `text` (in order of their
 * stored position, each search starting where the last tag's move suggests, as the editor does);
 * one not found, or every one when `text` is undefined (the document cannot be read), is
 * orphaned with its stored text and position.
 */
export function anchorTags(tags: readonly StoredTag[], text: string | undefined): Array<{ tag: StoredTag; source: PassageSource }> {
  const out: Array<{ tag: StoredTag; source: PassageSource }> = [];
  for (const { tag, found } of anchorStoredTags(tags, text)) {
    const source: PassageSource = {
      id: tag.id,
      document: tag.document,
      theme: tag.theme,
      text: found ? text!.slice(found.start, found.end) : tag.quote.exact,
      start: found ? found.start : tag.position.start,
      end: found ? found.end : tag.position.end,
      created: tag.created,
      modified: tag.modified,
    };
    if (!found) source.orphaned = true;
    if (tag.note !== undefined) source.note = tag.note;
    if (tag.creator !== undefined) source.creator = tag.creator;
    out.push({ tag, source });
  }
  return out;
}

/**
 * Why `file` is outside `folder` once symbolic links are followed (undefined when it is inside,
 * or does not exist: then reading it says so).
 */
export function outsideFolder(folder: string, file: string): string | undefined {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return undefined;
  }
  const root = fs.realpathSync(folder);
  if (real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) return undefined;
  return l10n.t('it is a symbolic link to {0}, outside the folder', real);
}

/**
 * The file of a tag's document inside `folder`, or why it is refused: a path that leaves the folder
 * (`..`, or a symbolic link to somewhere outside it) is never read.
 */
export function documentFile(folder: string, document: string): { file: string; outside?: string } {
  const file = path.join(folder, ...document.split('/'));
  if (!isInsidePath(document)) return { file, outside: l10n.t('its path leaves the folder') };
  return { file, outside: outsideFolder(folder, file) };
}

/** The annotations file at `file`, or a CliError that names where it is not valid. */
export function readAnnotations(file: string, io: ExportIO, inputs: Inputs): AnnotationsData {
  const parsed = parseAnnotationsFile(inputs.text(file, 'annotations file', io));
  if (parsed.error) {
    const e = parsed.error;
    throw new CliError(l10n.t('{0}: not a valid annotations file: {1}', `${file}:${e.line}:${e.column}`, e.message));
  }
  return parsed.data;
}

/**
 * Every tag of a workspace folder: the annotations file `file` (themes, tags without a coder) and
 * the coders' files `tags/*.json` beside it, as one (core `unionAnnotations`). The annotations
 * file may be missing when coders' files exist.
 */
export function readProjectAnnotations(file: string, io: ExportIO, inputs: Inputs): AnnotationsData {
  const dir = path.join(path.dirname(file), 'tags');
  let names: string[] = [];
  try {
    names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && isCoderTagsFileName(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    // no coders' files
  }
  const parts: AnnotationsData[] = [];
  if (names.length === 0 || fs.existsSync(file)) parts.push(readAnnotations(file, io, inputs));
  for (const name of names) parts.push(readAnnotations(path.join(dir, name), io, inputs));
  return unionAnnotations(parts);
}

/** Runs `export`: reads and checks everything, then writes the export whole. */
export function exportPassages(options: PassageExportOptions, io: ExportIO, inputs: Inputs): void {
  requireFolder(options.folder, l10n.t('cannot read folder {0}: no such directory', options.folder), l10n.t('{0} is not a directory (--folder names the workspace folder)', options.folder));

  if (options.format === 'qdpx' && (options.out === undefined || options.out === '-')) throw new CliError(l10n.t('export --format qdpx writes a zip file: name it with --out FILE.qdpx'));
  const target = outputTarget(options.out);
  const data = readProjectAnnotations(options.annotations ?? path.join(options.folder, ANNOTATIONS_FILE), io, inputs);

  const found = findGlossaryFiles(options.folder).filter((file) => {
    const outside = outsideFolder(options.folder, file);
    if (outside) io.stderr.write(`${l10n.t('warning: glossary {0} not read: {1}', file, outside)}\n`);
    return !outside;
  });
  const glossaryFiles = distinctFiles([
    ...options.builtinGlossaries,
    ...found,
    ...options.glossaries,
  ]);
  const glossaries = loadGlossaries(glossaryFiles, io, inputs);
  const ownThemes = new Map(data.themes.map((t) => [t.id, t] as const));
  const themes = themeLookup(glossaries, (id) => ownThemes.get(id));
  const analyzer = new Analyzer(glossaries);

  const byDocument = new Map<string, StoredTag[]>();
  for (const tag of data.tags) {
    const list = byDocument.get(tag.document);
    if (list) list.push(tag);
    else byDocument.set(tag.document, [tag]);
  }
  const documents: TaggedDocument[] = [];
  for (const document of [...byDocument.keys()].sort()) {
    const tags = byDocument.get(document)!;
    const { file, outside } = documentFile(options.folder, document);
    let text: string | undefined;
    if (outside) io.stderr.write(`${l10n.t('warning: document {0} not read: {1}; {2} in it exported as orphaned', file, outside, taggedPassages(tags.length))}\n`);
    else {
      try {
        text = inputs.text(file, 'document', io);
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        io.stderr.write(`${l10n.t('warning: {0}; {1} in it exported as orphaned', e.message, taggedPassages(tags.length))}\n`);
      }
    }
    const anchored = anchorTags(tags, text);
    let annotations: readonly Annotation[] = [];
    if (text !== undefined && anchored.some((a) => !a.source.orphaned)) {
      annotations = analyzer.analyze(text, { referenceDate: resolveReferenceDate(text, { explicit: options.referenceDate })?.date });
    }
    for (const { tag, source } of anchored) {
      if (text !== undefined && source.orphaned) {
        io.stderr.write(`${l10n.t('{0}: warning: tagged passage "{1}" not found; exported as orphaned', `${file}:${lineColumnAt(text, tag.position.start).line}`, oneLine(tag.quote.exact, 40))}\n`);
      }
    }
    documents.push({ tags: anchored.map((a) => a.source), text, annotations, themes });
  }
  if (options.format === 'qdpx') {
    const project = buildProject({
      name: path.basename(path.resolve(options.folder)),
      origin: `Thai Policy Lens ${pkg.version}`,
      themes: glossaries.themes,
      tagThemes: data.themes,
      documents: documents.flatMap((d) => (d.text !== undefined && d.tags.length ? [{ path: d.tags[0].document, text: d.text }] : [])),
      tags: documents.flatMap((d) => d.tags),
    });
    if (project.skipped) io.stderr.write(`${plural(project.skipped, l10n.t('warning: 1 orphaned tagged passage left out of the project (no position in a document)'), l10n.t('warning: {0} orphaned tagged passages left out of the project (no position in a document)', formatNumber(project.skipped)))}\n`);
    writeOutput(target, [zipProject(project)], io, inputs);
    return;
  }
  const chunks = renderPassageChunks(options.format, collectPassages(documents), pathToFileURL(path.resolve(options.folder)).href);
  writeOutput(target, chunks, io, inputs);
}

/**
 * Runs `codebook export`: the merged glossary of `glossaryFiles` as a REFI-QDA codebook, with the
 * themes made while tagging that an annotations file keeps (`annotations`, and the coders' files
 * beside it), as the editor's export has them.
 */
export function exportCodebook(glossaryFiles: readonly string[], annotations: string | undefined, out: string | undefined, io: ExportIO, inputs: Inputs): void {
  const tagThemes = annotations === undefined ? [] : readProjectAnnotations(annotations, io, inputs).themes;
  if (glossaryFiles.length === 0 && tagThemes.length === 0) throw new CliError(l10n.t('no glossary is loaded, so there is no codebook to export; name one with --glossary FILE'));
  const target = outputTarget(out);
  const set = loadGlossaries(glossaryFiles, io, inputs);
  let xml: string;
  try {
    xml = glossaryToQdc(set.themes, { origin: `Thai Policy Lens ${pkg.version}`, tagThemes });
  } catch (e) {
    if (e instanceof QdcError) throw new CliError(e.message);
    throw e;
  }
  writeOutput(target, [xml], io, inputs);
}

export interface CodebookImportOptions {
  /** the .qdc file */
  file: string;
  /** the glossary file to write; default `<name of the codebook>.glossary.yaml` in the current folder */
  out?: string;
  /** replace `out` when it exists */
  force: boolean;
  /** the glossaries loaded: a theme of theirs is not imported again (only what it lacks), and other codes do not take their ids (they get `-2`, `-3`...) */
  glossaries: readonly string[];
}

/** `FILE:LINE:COLUMN: message` of a QdcError (the position taken out of the message). */
function qdcErrorMessage(file: string, e: QdcError): string {
  if (e.line === undefined) return `${file}: ${e.message}`;
  return `${file}:${e.line}:${e.column ?? 1}: ${e.message.replace(/ \(line \d+, column \d+\)$/, '')}`;
}

/** Runs `codebook import`: writes a new glossary and says on standard output what it holds. */
export function importCodebook(options: CodebookImportOptions, io: ExportIO, inputs: Inputs): void {
  const baseName = options.file === '-' ? 'codebook.qdc' : path.basename(options.file);
  const target = options.out ?? `${safeFileStem(baseName)}.glossary.yaml`;
  const bytes = inputs.bytes(options.file, 'codebook');
  let xml: string;
  try {
    xml = decodeXml(bytes);
  } catch (e) {
    throw new CliError(l10n.t('cannot read codebook {0}: {1}', options.file, (e as Error).message));
  }
  const existing = loadGlossaries(options.glossaries, io, inputs).flatThemes.map((f) => f.theme);
  let result;
  try {
    result = qdcToGlossary(xml, { sourceName: baseName, existing });
  } catch (e) {
    if (e instanceof QdcError) throw new CliError(qdcErrorMessage(options.file, e));
    throw e;
  }
  if (result.themes === 0 && result.terms === 0) {
    // a codebook these glossaries wrote: nothing new, nothing written
    io.stderr.write(`${l10n.t('nothing imported: every theme of {0} ({1}) is already in the glossary', options.file, themesCount(result.unchanged))}\n`);
    return;
  }
  const output = outputTarget(target, { overwrite: options.force });
  writeOutput(output, [result.yaml], io, inputs, { overwrite: options.force });
  for (const w of result.warnings) {
    const m = /^line (\d+): (.*)$/s.exec(w);
    io.stderr.write(`${m ? l10n.t('{0}: warning: {1}', `${options.file}:${m[1]}`, m[2]) : l10n.t('{0}: warning: {1}', options.file, w)}\n`);
  }
  if (output.kind === 'stdout') {
    io.stderr.write(`${l10n.t('imported {0} and {1} from {2}', themesCount(result.themes), termsCount(result.terms), options.file)}\n`);
    return;
  }
  if (!/\.glossary\.ya?ml$/.test(target)) io.stderr.write(`${l10n.t('warning: {0} does not end in .glossary.yaml, so the editor does not load it as a glossary', target)}\n`);
  io.stdout.write(`${l10n.t('imported {0} and {1} from {2} into {3}', themesCount(result.themes), termsCount(result.terms), options.file, target)}\n`);
}
