/**
 * Reading a REFI-QDA project (`.qdpx`) written by any tool: its documents as plain text, its
 * codes as a glossary (every code a theme: codings point at codes), its codings of plain text as
 * tags. The inverse of `buildProject` (qdpx.ts): export then import gives back the same
 * documents, themes and tags.
 *
 * Untrusted input, checked before anything is returned (the caller writes only then):
 * - the zip: at most `MAX_ENTRIES` entries and `MAX_UNPACKED_BYTES` declared unpacked bytes in
 *   the files read (fflate unpacks an entry into a buffer of its declared size, so a zip bomb
 *   cannot grow past it); only `project.qde` and the `sources/` files it names are unpacked;
 * - a missing `project.qde`, XML that is not a project: a `QdpxError`;
 * - document names: a TextSource's name becomes a path inside the target folder only when it is
 *   one (no `..`, no absolute path, no drive letter); else `sources/<guid>.txt`, with a warning;
 * - selections outside their document, or codings of unknown codes: left out, with a warning;
 * - unknown elements: ignored, one warning per name;
 * - GUIDs in any case, with or without braces, compare equal.
 *
 * Positions count code points (as the standard does), converted to the editor's UTF-16 offsets.
 * Pure: no `vscode`, no Node modules.
 */
import * as l10n from '@vscode/l10n';
import { unzipSync, strFromU8 } from 'fflate';
import { describeRange } from '../tags/anchoring';
import { isInsidePath, type StoredTag } from '../tags/annotationsFile';
import { codebookToGlossary, QdcError, type QdcImportOptions } from './qdc';
import { QDPX_NAMESPACE, utf16Offset } from './qdpx';
import { parseXml, XmlError, type XmlElement } from './xml';

/** The most entries a project's zip may have. */
export const MAX_ENTRIES = 100_000;
/** The most bytes the files read may unpack to, together (declared sizes). */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

/** A `.qdpx` that cannot be read, and why. */
export class QdpxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QdpxError';
  }
}

export interface ReadProject {
  /** the project's name */
  name: string;
  /** each text source: a relative path with `/` separators (inside the target folder) and its text */
  documents: Array<{ path: string; text: string }>;
  /** the glossary of the codes ('' when every code is a theme already loaded) */
  glossary: string;
  themes: number;
  terms: number;
  /** the codings of plain text, as tags (their `creator` is the coder's name, when known) */
  tags: StoredTag[];
  /** what was left out or changed, one sentence each */
  warnings: string[];
}

const guidKey = (guid: string | undefined): string => (guid ?? '').trim().replace(/^\{|\}$/g, '').toLowerCase();

/** Reads a `.qdpx` (see the top of this file). `existing` as for a codebook import. */
export function readProject(bytes: Uint8Array, options: Pick<QdcImportOptions, 'existing' | 'takenIds' | 'sourceName'> & { maxUnpackedBytes?: number } = {}): ReadProject {
  const maxBytes = options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES;
  let entries = 0;
  let declared = 0;
  const names = new Set<string>();
  try {
    // first pass: names and sizes only
    unzipSync(bytes, {
      filter: (f) => {
        entries++;
        names.add(f.name);
        return false;
      },
    });
  } catch (e) {
    throw new QdpxError(l10n.t('not a zip file: {0}', (e as Error).message));
  }
  if (entries > MAX_ENTRIES) throw new QdpxError(l10n.t('the zip has {0} entries, more than {1}', entries, MAX_ENTRIES));
  const qdeName = [...names].find((n) => n.toLowerCase() === 'project.qde');
  if (!qdeName) throw new QdpxError(l10n.t('the zip has no project.qde: it is not a REFI-QDA project'));
  const unpack = (wanted: (name: string) => boolean): Record<string, Uint8Array> => {
    try {
      return unzipSync(bytes, {
        filter: (f) => {
          if (!wanted(f.name)) return false;
          declared += f.originalSize;
          if (declared > maxBytes) throw new QdpxError(l10n.t('the project unpacks to more than {0} MB (a zip bomb?); nothing was imported', Math.round(maxBytes / 1024 / 1024)));
          return true;
        },
      });
    } catch (e) {
      if (e instanceof QdpxError) throw e;
      throw new QdpxError(l10n.t('cannot unpack the zip: {0}', (e as Error).message));
    }
  };
  let files = unpack((n) => n === qdeName);
  let root: XmlElement;
  try {
    root = parseXml(strFromU8(files[qdeName]));
  } catch (e) {
    if (e instanceof XmlError) throw new QdpxError(`project.qde:${e.line}:${e.column}: ${l10n.t('not well-formed XML: {0}', e.message)}`);
    throw e;
  }
  if (root.local !== 'Project' || root.namespace !== QDPX_NAMESPACE) {
    throw new QdpxError(`project.qde:${root.line}:${root.column}: ${l10n.t('not a REFI-QDA project: the root element is <{0}>, a project has <Project xmlns="{1}">', root.local, QDPX_NAMESPACE)}`);
  }
  const warnings: string[] = [];
  const unknown = new Set<string>();
  const known = (el: XmlElement, names: string[]): XmlElement[] =>
    el.children.filter((c) => {
      if (c.namespace === QDPX_NAMESPACE && names.includes(c.local)) return true;
      if (!unknown.has(c.local)) {
        unknown.add(c.local);
        warnings.push(`project.qde:${c.line}: ${l10n.t('<{0}> is not read (ignored)', c.local)}`);
      }
      return false;
    });
  const PROJECT = ['Users', 'CodeBook', 'Variables', 'Cases', 'Sources', 'Notes', 'Links', 'Sets', 'Graphs', 'Description', 'NoteRef'];
  const top = known(root, PROJECT);
  const one = (name: string) => top.find((c) => c.local === name);

  const users = new Map<string, string>();
  for (const u of one('Users')?.children.filter((c) => c.local === 'User') ?? []) users.set(guidKey(u.attributes.get('guid')), u.attributes.get('name') ?? '');

  let glossary = '';
  let themes = 0;
  let terms = 0;
  let themeIds = new Map<string, string>();
  const book = one('CodeBook');
  if (book) {
    try {
      const r = codebookToGlossary(book, { ...options, allThemes: true });
      ({ yaml: glossary, themes, terms, themeIds } = r);
      warnings.push(...r.warnings.map((w) => `project.qde: ${w}`));
    } catch (e) {
      if (e instanceof QdcError) throw new QdpxError(`project.qde: ${e.message}`);
      throw e;
    }
  }
  const notes = new Map<string, string>();
  for (const n of one('Notes')?.children.filter((c) => c.local === 'Note') ?? []) {
    const text = n.children.find((c) => c.local === 'PlainTextContent')?.text;
    if (text) notes.set(guidKey(n.attributes.get('guid')), text);
  }

  const sources = (one('Sources')?.children ?? []).filter((s) => {
    if (s.local === 'TextSource') return true;
    warnings.push(`project.qde:${s.line}: ${l10n.t('a <{0}> is not read (only text sources are)', s.local)}`);
    return false;
  });
  const sourceFiles = new Map<XmlElement, string>();
  for (const s of sources) {
    const p = s.attributes.get('plainTextPath');
    if (p?.startsWith('internal://')) sourceFiles.set(s, `sources/${p.slice('internal://'.length)}`);
  }
  const wanted = new Set(sourceFiles.values());
  files = { ...files, ...unpack((n) => wanted.has(n)) };

  const documents: ReadProject['documents'] = [];
  const tags: ReadProject['tags'] = [];
  const paths = new Set<string>();
  for (const s of sources) {
    const guid = guidKey(s.attributes.get('guid'));
    const file = sourceFiles.get(s);
    let text: string | undefined;
    if (file && files[file]) text = strFromU8(files[file]).replace(/^\ufeff/, '');
    else text = s.children.find((c) => c.local === 'PlainTextContent')?.text;
    const name = (s.attributes.get('name') ?? '').replace(/\\/g, '/').trim();
    if (text === undefined) {
      const textPath = s.attributes.get('plainTextPath');
      const why = textPath !== undefined
        ? l10n.t('the text of "{0}" is not in the project ({1}); left out', name || guid, textPath)
        : l10n.t('the text of "{0}" is not in the project (no plainTextPath); left out', name || guid);
      warnings.push(`project.qde:${s.line}: ${why}`);
      continue;
    }
    let path = /\.(txt|md)$/i.test(name) ? name : `${name}.txt`;
    if (!name || !isInsidePath(path) || /^[A-Za-z]:/.test(path) || paths.has(path)) {
      const safe = `sources/${guid || documents.length + 1}.txt`;
      if (name) warnings.push(`project.qde:${s.line}: ${l10n.t('document name "{0}" is not a new path inside the folder; written as {1}', name, safe)}`);
      path = safe;
    }
    paths.add(path);
    documents.push({ path, text });
    const length = [...text].length;
    for (const sel of s.children.filter((c) => c.local === 'PlainTextSelection')) {
      const from = Number(sel.attributes.get('startPosition'));
      const to = Number(sel.attributes.get('endPosition'));
      if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to <= from || to > length) {
        warnings.push(`project.qde:${sel.line}: ${l10n.t('selection {0}-{1} is outside "{2}" ({3} characters); left out', from, to, path, length)}`);
        continue;
      }
      const start = utf16Offset(text, from)!;
      const end = utf16Offset(text, to)!;
      const [quote, position] = describeRange(text, start, end);
      const noteRefs = sel.children.filter((c) => c.local === 'NoteRef').map((r) => notes.get(guidKey(r.attributes.get('targetGUID')))).filter((n): n is string => !!n);
      for (const coding of sel.children.filter((c) => c.local === 'Coding')) {
        const codeGuid = guidKey(coding.children.find((c) => c.local === 'CodeRef')?.attributes.get('targetGUID'));
        const theme = themeIds.get(codeGuid);
        if (!theme) {
          warnings.push(`project.qde:${coding.line}: ${codeGuid ? l10n.t('a coding of an unknown code {0}; left out', codeGuid) : l10n.t('a coding of an unknown code (none); left out')}`);
          continue;
        }
        const created = coding.attributes.get('creationDateTime') ?? sel.attributes.get('creationDateTime') ?? '1970-01-01T00:00:00.000Z';
        const tag: ReadProject['tags'][number] = {
          // the coding's GUID: stable, so importing the same project again adds no tag twice
          id: guidKey(coding.attributes.get('guid')) || `${guidKey(sel.attributes.get('guid'))}-${tags.length + 1}`,
          document: path,
          theme,
          created,
          modified: sel.attributes.get('modifiedDateTime') ?? created,
          quote,
          position,
        };
        if (noteRefs.length) tag.note = noteRefs.join('\n\n');
        const coder = users.get(guidKey(coding.attributes.get('creatingUser') ?? sel.attributes.get('creatingUser')));
        if (coder) tag.creator = coder;
        tags.push(tag);
      }
    }
  }
  return { name: root.attributes.get('name') ?? '', documents, glossary, themes, terms, tags, warnings };
}

/**
 * The imported tags a folder lacks: not the same id, and not the same
 * passage (document, theme, position) coded again, so that importing a project exported from this
 * folder adds nothing.
 */
export function tagsToAdd(existing: readonly StoredTag[], imported: ReadProject['tags']): StoredTag[] {
  const key = (t: StoredTag): string => `${t.document}\u0000${t.theme}\u0000${t.position.start}\u0000${t.position.end}`;
  const ids = new Set(existing.map((t) => t.id));
  const passages = new Set(existing.map(key));
  const out: StoredTag[] = [];
  for (const tag of imported) {
    if (ids.has(tag.id) || passages.has(key(tag))) continue;
    ids.add(tag.id);
    passages.add(key(tag));
    out.push(tag);
  }
  return out;
}
