/**
 * `thai-policy-lens import FILE.qdpx --folder DIR`: a REFI-QDA project written by any tool into a
 * workspace folder (core `readProject`): its documents as text files, its codes as a glossary
 * (`NAME.glossary.yaml`, only the themes the loaded glossaries lack), its codings as tags added
 * to the folder's annotations file (a tag whose id is there already is not added again).
 *
 * Everything is read and checked first; a document that exists with other text, or a glossary
 * file that exists, stops the import before anything is written (unless `--force`). Every path
 * written is inside DIR (the core keeps document names inside; symbolic links leading out are
 * refused here).
 */
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { QdpxError, coderTagsFile, emptyAnnotations, splitByCoder, type AnnotationsData, formatNumber, plural, readProject, safeFileStem, serializeAnnotationsFile, tagsToAdd } from '../core';
import { CliError, loadGlossaries } from './common';
import { ANNOTATIONS_FILE, documentFile, findGlossaryFiles, readAnnotations, readProjectAnnotations, termsCount, themesCount, type ExportIO } from './export';
import { requireFolder, type Inputs } from './input';
import { outputTarget, writeOutput } from './output';

export interface ProjectImportOptions {
  file: string;
  folder: string;
  force: boolean;
  /** the glossaries loaded (built-in, --glossary), besides the folder's own */
  glossaries: readonly string[];
}

/** Runs `import`. */
export function importProject(options: ProjectImportOptions, io: ExportIO, inputs: Inputs): void {
  const notFolder = l10n.t('{0} is not a directory (--folder names the workspace folder to import into)', options.folder);
  requireFolder(options.folder, notFolder, notFolder);
  const bytes = inputs.bytes(options.file, 'project');
  const loaded = loadGlossaries([...options.glossaries, ...findGlossaryFiles(options.folder)], io, inputs);
  const annotationsPath = path.join(options.folder, ANNOTATIONS_FILE);
  const shared = fs.existsSync(annotationsPath) ? readAnnotations(annotationsPath, io, inputs) : emptyAnnotations();
  const data = fs.existsSync(path.join(path.dirname(annotationsPath), 'tags')) ? readProjectAnnotations(annotationsPath, io, inputs) : shared;
  let project;
  try {
    project = readProject(new Uint8Array(bytes), { existing: [...loaded.flatThemes.map((f) => f.theme), ...data.themes], sourceName: path.basename(options.file) });
  } catch (e) {
    if (e instanceof QdpxError) throw new CliError(`${options.file}: ${e.message}`);
    throw e;
  }

  // checks before any write
  const documents = project.documents.map((d) => {
    const { file, outside } = documentFile(options.folder, d.path);
    if (outside) throw new CliError(l10n.t('{0}: document {1} cannot be written: {2}; nothing was imported', options.file, d.path, outside));
    const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === d.text;
    if (!same && fs.existsSync(file) && !options.force) throw new CliError(l10n.t('{0} exists with other text; nothing was imported (--force replaces it)', file));
    return { file, text: d.text, same };
  });
  const glossaryFile = path.join(options.folder, `${safeFileStem(path.basename(options.file).replace(/\.qdpx$/i, ''))}.glossary.yaml`);
  if (project.glossary && fs.existsSync(glossaryFile) && !options.force) throw new CliError(l10n.t('{0} already exists; nothing was imported (--force replaces it)', glossaryFile));
  const added = tagsToAdd(data.tags, project.tags);
  // each coder's tags go to the coder's file (joined with what it holds), the others to the annotations file
  const coderFile = (relative: string) => path.join(options.folder, ...relative.split('/'));
  const existing = new Map<string, AnnotationsData>();
  for (const tag of added) {
    if (!tag.creator?.trim()) continue;
    const relative = coderTagsFile(tag.creator);
    if (!existing.has(relative) && fs.existsSync(coderFile(relative))) existing.set(relative, readAnnotations(coderFile(relative), io, inputs));
  }
  const split = splitByCoder({ version: 1, themes: [], tags: added }, existing);

  for (const w of project.warnings) io.stderr.write(`${l10n.t('{0}: warning: {1}', options.file, w)}\n`);
  for (const d of documents) {
    if (d.same) continue;
    fs.mkdirSync(path.dirname(d.file), { recursive: true });
    writeOutput(outputTarget(d.file, { overwrite: true }), [d.text], io, inputs);
  }
  if (project.glossary) writeOutput(outputTarget(glossaryFile, { overwrite: true }), [project.glossary], io, inputs);
  for (const { file, data: coderData } of split.coderFiles) {
    fs.mkdirSync(path.dirname(coderFile(file)), { recursive: true });
    writeOutput(outputTarget(coderFile(file), { overwrite: true }), [serializeAnnotationsFile(coderData)], io, inputs);
  }
  if (split.rest.tags.length) {
    fs.mkdirSync(path.dirname(annotationsPath), { recursive: true });
    writeOutput(outputTarget(annotationsPath, { overwrite: true }), [serializeAnnotationsFile({ ...shared, tags: [...shared.tags, ...split.rest.tags] })], io, inputs);
  }
  const written = documents.filter((d) => !d.same).length;
  io.stdout.write(
    `${l10n.t(
      'imported {0}, {1}, {2} and {3} from {4} into {5}',
      plural(written, l10n.t('1 document'), l10n.t('{0} documents', formatNumber(written))),
      themesCount(project.themes),
      termsCount(project.terms),
      plural(added.length, l10n.t('1 tag'), l10n.t('{0} tags', formatNumber(added.length))),
      options.file,
      options.folder,
    )}\n`,
  );
}
