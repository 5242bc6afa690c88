/**
 * REFI-QDA projects (`.qdpx`): the coded passages of a workspace folder as a project that NVivo,
 * ATLAS.ti, MAXQDA and QualCoder open. A `.qdpx` is a zip holding `project.qde` (XML in the
 * namespace `urn:QDA-XML:project:1.0`, valid against the standard's Project.xsd) and `sources/`,
 * the documents' plain text.
 *
 *   Project (@name @origin)
 *     Users / User (@guid @name)                 the coders of the tags, by name
 *     CodeBook / Codes / Code...                 the themes, as the codebook export writes them
 *     Sources / TextSource (@guid @name @plainTextPath="internal://<guid>.txt")
 *       PlainTextSelection (@guid @name @startPosition @endPosition @creatingUser @creationDateTime ...)
 *         Coding (@guid @creatingUser @creationDateTime) / CodeRef (@targetGUID)
 *         NoteRef (@targetGUID)                  the tag's note
 *     Notes / Note (@guid @name) / PlainTextContent
 *     Sets / Set / MemberCode (@targetGUID)      the codes that are themes
 *
 * Positions count Unicode code points (characters) of the source's plain text from 0, end
 * exclusive, as the standard counts them; the editor's offsets count UTF-16 code units, so a
 * character outside the Basic Multilingual Plane (an emoji) moves later positions by one. Thai
 * is inside it: a Thai text's positions are its editor offsets. GUIDs are name-based (UUID v5)
 * of the document path, the tag id, the coder's name and the theme id, so exporting the same
 * tags again gives the same project. Orphaned tags (their text no longer in the document) are
 * left out and counted.
 *
 * Pure: no `vscode`, no Node modules (the zip is written by `fflate`, which runs anywhere).
 */
import { strToU8, zipSync } from 'fflate';
import type { GlossaryTheme } from '../glossary/glossary';
import { allCodes, codebookCodes, GUID_NAMESPACE, THEMES_SET_GUID, THEMES_SET_NAME, THEMES_SET_DESCRIPTION, uuidV5, type CodebookCode, type TagTheme } from './qdc';
import { writeXml, type XmlNode } from './xml';

/** The project namespace of the REFI-QDA standard. */
export const QDPX_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** A document of the project: its path in the workspace folder (`/` separators) and its text. */
export interface ProjectDocument {
  path: string;
  text: string;
}

/** A tag, found in its document's current text (offsets in UTF-16 code units, as the editor's). */
export interface ProjectTag {
  id: string;
  document: string;
  theme: string;
  start: number;
  end: number;
  note?: string;
  orphaned?: boolean;
  /** ISO 8601 */
  created?: string;
  modified?: string;
  /** the coder's name */
  creator?: string;
}

export interface ProjectInput {
  /** the project's name (the workspace folder's) */
  name: string;
  /** e.g. "Thai Policy Lens 0.1.0" */
  origin?: string;
  themes: readonly GlossaryTheme[];
  /** the themes made while tagging */
  tagThemes?: readonly TagTheme[];
  documents: readonly ProjectDocument[];
  tags: readonly ProjectTag[];
}

export interface BuiltProject {
  /** the text of project.qde */
  qde: string;
  /** the files of `sources/`, by their name in it */
  sources: Map<string, string>;
  /** tags left out: orphaned, or their document not among `documents` */
  skipped: number;
}

/** The GUID of a document's source. */
export const sourceGuid = (path: string): string => uuidV5(GUID_NAMESPACE, `source:${path}`);
/** The GUID of a coder. */
export const userGuid = (name: string): string => uuidV5(GUID_NAMESPACE, `user:${name}`);
const selectionGuid = (tagId: string): string => uuidV5(GUID_NAMESPACE, `selection:${tagId}`);
const codingGuid = (tagId: string): string => uuidV5(GUID_NAMESPACE, `coding:${tagId}`);
const noteGuid = (tagId: string): string => uuidV5(GUID_NAMESPACE, `note:${tagId}`);

/** A UTF-16 offset of `text` as a count of code points (the standard's positions). */
export function codePointOffset(text: string, utf16: number): number {
  let n = 0;
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    n++;
  }
  return n;
}

/** A code-point position of `text` as a UTF-16 offset (the inverse of `codePointOffset`); undefined past the end. */
export function utf16Offset(text: string, codePoints: number): number | undefined {
  let i = 0;
  for (let n = 0; n < codePoints; n++) {
    if (i >= text.length) return undefined;
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

/** An ISO date-time as xsd:dateTime, or undefined when it is not one. */
function dateTime(iso: string | undefined): string | undefined {
  return iso && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/.test(iso) ? iso : undefined;
}

/** project.qde and the sources of a project (see the top of this file). */
export function buildProject(input: ProjectInput): BuiltProject {
  // tags on themes that no glossary or tagging theme has any more get a code of their id
  const known = new Set<string>();
  const walk = (list: readonly GlossaryTheme[]): void => list.forEach((t) => (known.add(t.id), walk(t.themes)));
  walk(input.themes);
  const tagThemes = [...(input.tagThemes ?? [])];
  for (const t of tagThemes) known.add(t.id);
  for (const tag of input.tags) {
    if (!known.has(tag.theme)) {
      known.add(tag.theme);
      tagThemes.push({ id: tag.theme, label: tag.theme });
    }
  }
  const codes = codebookCodes(input.themes, tagThemes);
  const codeOf = new Map<string, string>([...allCodes(codes)].map((c) => [c.themeId, c.guid]));

  const byDocument = new Map<string, ProjectTag[]>();
  let skipped = 0;
  const texts = new Map(input.documents.map((d) => [d.path, d.text]));
  for (const tag of input.tags) {
    if (tag.orphaned || !texts.has(tag.document)) {
      skipped++;
      continue;
    }
    const list = byDocument.get(tag.document) ?? [];
    list.push(tag);
    byDocument.set(tag.document, list);
  }
  const users = new Map<string, string>();
  const user = (name: string | undefined): string | undefined => {
    if (!name) return undefined;
    const guid = userGuid(name);
    users.set(name, guid);
    return guid;
  };

  const notes: XmlNode[] = [];
  const sources: XmlNode[] = [];
  const files = new Map<string, string>();
  for (const document of [...input.documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const guid = sourceGuid(document.path);
    files.set(`${guid}.txt`, document.text);
    const tags = (byDocument.get(document.path) ?? []).sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
    const selections = tags.map((tag): XmlNode => {
      const coder = user(tag.creator);
      const children: XmlNode[] = [
        {
          name: 'Coding',
          attributes: [
            ['guid', codingGuid(tag.id)],
            ['creatingUser', coder],
            ['creationDateTime', dateTime(tag.created)],
          ],
          children: [{ name: 'CodeRef', attributes: [['targetGUID', codeOf.get(tag.theme)]] }],
        },
      ];
      if (tag.note?.trim()) {
        const note = noteGuid(tag.id);
        children.push({ name: 'NoteRef', attributes: [['targetGUID', note]] });
        notes.push({
          name: 'Note',
          attributes: [
            ['guid', note],
            ['name', `${document.path} ${tag.id}`],
            ['creatingUser', coder],
            ['creationDateTime', dateTime(tag.created)],
          ],
          children: [{ name: 'PlainTextContent', text: tag.note }],
        });
      }
      return {
        name: 'PlainTextSelection',
        attributes: [
          ['guid', selectionGuid(tag.id)],
          ['name', document.text.slice(tag.start, tag.end).replace(/\s+/g, ' ').trim().slice(0, 80)],
          ['startPosition', codePointOffset(document.text, tag.start)],
          ['endPosition', codePointOffset(document.text, tag.end)],
          ['creatingUser', coder],
          ['creationDateTime', dateTime(tag.created)],
          ['modifiedDateTime', dateTime(tag.modified)],
        ],
        children,
      };
    });
    sources.push({
      name: 'TextSource',
      attributes: [
        ['guid', guid],
        ['name', document.path],
        ['plainTextPath', `internal://${guid}.txt`],
      ],
      children: selections,
    });
  }

  const codeNode = (c: CodebookCode): XmlNode => ({
    name: 'Code',
    attributes: [
      ['guid', c.guid],
      ['name', c.name],
      ['isCodable', 'true'],
      ['color', c.color],
    ],
    children: [...(c.description ? [{ name: 'Description', text: c.description }] : []), ...c.children.map(codeNode)],
  });
  const children: XmlNode[] = [];
  if (users.size) children.push({ name: 'Users', children: [...users].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, guid]) => ({ name: 'User', attributes: [['guid', guid], ['name', name]] })) });
  if (codes.length) children.push({ name: 'CodeBook', children: [{ name: 'Codes', children: codes.map(codeNode) }] });
  if (sources.length) children.push({ name: 'Sources', children: sources });
  if (notes.length) children.push({ name: 'Notes', children: notes });
  if (codes.length) {
    children.push({
      name: 'Sets',
      children: [
        {
          name: 'Set',
          attributes: [
            ['guid', THEMES_SET_GUID],
            ['name', THEMES_SET_NAME],
          ],
          children: [{ name: 'Description', text: THEMES_SET_DESCRIPTION }, ...[...allCodes(codes)].map((c): XmlNode => ({ name: 'MemberCode', attributes: [['targetGUID', c.guid]] }))],
        },
      ],
    });
  }
  const qde = writeXml({
    name: 'Project',
    attributes: [
      ['xmlns', QDPX_NAMESPACE],
      ['name', input.name],
      ['origin', input.origin],
    ],
    children,
  });
  return { qde, sources: files, skipped };
}

/** The bytes of a `.qdpx`: project.qde and sources/, zipped (fixed times, so the same project gives the same bytes). */
export function zipProject(project: BuiltProject): Uint8Array {
  const mtime = new Date(Date.UTC(2000, 0, 1));
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = { 'project.qde': [strToU8(project.qde), { mtime }] };
  for (const [name, text] of project.sources) entries[`sources/${name}`] = [strToU8(text), { mtime }];
  return zipSync(entries, { level: 6 });
}
