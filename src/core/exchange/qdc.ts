/**
 * REFI-QDA codebook exchange (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`, the codebook that
 * NVivo, ATLAS.ti, MAXQDA and QualCoder import and export), to and from the glossary.
 *
 * The standard's schema (Codebook.xsd) in short:
 *   CodeBook (@origin?)            root, in the namespace urn:QDA-XML:codebook:1.0
 *     Codes                        required, one or more Code
 *       Code (@guid @name @isCodable required, @color #RRGGBB or #RGB optional)
 *         Description?             text
 *         Code*                    nested codes, any depth
 *     Sets?                        one or more Set
 *       Set (@guid @name required)
 *         Description?
 *         MemberCode* (@guid)
 * GUIDs are 8-4-4-4-12 hex digits (optionally in braces).
 *
 * Export (`glossaryToQdc`): the codes are the themes, and only they (nested as in the glossary;
 * the themes made while tagging, which no glossary holds, are top-level codes after them); all
 * are codable. A theme's terms are lines of its code's description. GUIDs are name-based UUIDs
 * (version 5, SHA-1) of the theme id, so re-exporting the same glossary gives the same file. Code
 * names are unique in the file (another tool keys codes by name): a label used by an earlier
 * code is written `label (theme id)`. The description of a code carries what the glossary knows,
 * in lines another tool shows as they are and `qdcToGlossary` reads back:
 *   English: <label_en>                first line, when there is one
 *   <gloss>                            any number of lines; a line that would read as one of
 *                                      these fields, or starts with `\`, gets a `\` in front
 *   Term: <term> | English: <en> | Gloss: <gloss> | Aliases: <a>; <b> | Matching: whole word
 *        | Case: sensitive|any         one line per term, the fields it has (`\\`, `\|`, `\;`
 *                                      and line breaks as `\uXXXX` inside a field)
 *   Theme id: <id>                     so that ids survive a round trip
 * One Set, "Themes (Thai Policy Lens)", lists the codes that are themes.
 *
 * Import (`qdcToGlossary`): top-level codes are themes; below them, a code with child codes is a
 * sub-theme and a leaf code is a term of its parent theme (the codebooks of other tools), except
 * that a code listed in the themes Set of our own export is always a theme (and so is every
 * code with `allThemes`, for projects whose codings point at codes). A theme's terms are its
 * `Term:` lines and its leaf codes. A theme's id is the `Theme id:` of its description when there
 * is one; else it is made from the code's name when that is written in Latin letters (a slug),
 * else from its English label, else `code-<n>`; each made unique with `-2`, `-3`... A code whose
 * `Theme id:` is a theme already loaded (`existing`) is that theme: only what it lacks (terms,
 * sub-themes) is written, under its id, and glossary files merge by id; so importing a codebook
 * this glossary wrote changes nothing. Colours are kept (themes), descriptions become glosses (and
 * English labels, aliases, whole-word flags where written as above). The result is the text of
 * a new glossary YAML file. A file that is not a REFI-QDA codebook (not XML, another root, another
 * namespace, no codes) is refused with a `QdcError` that says why and where.
 *
 * The XML reader is a small, strict parser written for this subset (elements, attributes,
 * namespaces, text, CDATA, comments, processing instructions, the five predefined entities and
 * character references; a document type declaration with an internal subset is refused, so no
 * entity expansion can happen). Pure: no `vscode`, no Node modules.
 */
import * as l10n from '@vscode/l10n';
import { v5 as uuidv5 } from 'uuid';
import { Document, isScalar, isSeq, visit } from 'yaml';
import type { GlossaryTerm, GlossaryTheme } from '../glossary/glossary';
import { parseGlossary, themeColor } from '../glossary/glossary';
import { normalizeTerm } from '../text/normalize';
import { opaqueHex } from '../text/color';
import { ID_PATTERN } from '../text/patterns';
import { escapeXmlAttribute, escapeXmlText, parseXml, XmlError, type XmlElement } from './xml';

/** The codebook namespace of the REFI-QDA standard. */
export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
/** The project namespace (a `.qde` inside a `.qdpx`), whose CodeBook element is accepted too. */
export const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0';
/** Namespace of the name-based GUIDs this extension writes (a fixed, random UUID). */
export const GUID_NAMESPACE = '9f9e9b0c-6551-4c31-b6e6-96f76f9d465e';
/** Name of the Set that lists the theme codes. */
export const THEMES_SET_NAME = 'Themes (Thai Policy Lens)';

const GUID_PATTERN = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;
const GLOSSARY_COLOR = /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;
/** How deep codes may nest on import (the glossary has no limit; this guards the recursion). */
const MAX_DEPTH = 100;

/** A codebook that cannot be read, or a glossary that cannot be exported. */
export class QdcError extends Error {
  constructor(
    message: string,
    /** 1-based line and column in the XML, where known */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line !== undefined ? l10n.t('{0} (line {1}, column {2})', message, line, column ?? 1) : message);
    this.name = 'QdcError';
  }
}

// ---------------------------------------------------------------------------------------------
// Name-based GUIDs: UUID version 5 (RFC 9562), by the `uuid` package (browser-safe)

/** The name-based UUID (version 5) of `name` in the namespace `namespace` (a UUID string). */
export function uuidV5(namespace: string, name: string): string {
  return uuidv5(name, namespace);
}

/** The GUID of a theme's code. */
export function themeGuid(themeId: string): string {
  return uuidV5(GUID_NAMESPACE, `theme:${themeId}`);
}

/** The GUID of the Set that lists the theme codes. */
export const THEMES_SET_GUID = uuidV5(GUID_NAMESPACE, 'set:themes');

// ---------------------------------------------------------------------------------------------
// Export

export interface QdcExportOptions {
  /** the `origin` attribute, e.g. "Thai Policy Lens 0.1.0" */
  origin?: string;
  /** themes made while tagging (the annotations file's `themes`) */
  tagThemes?: readonly TagTheme[];
}

/** A colour in the standard's RGBType (#RRGGBB): 3/4/8-digit glossary colours are converted, alpha dropped. */
export function toRgbColor(color: string): string {
  return opaqueHex(color).toUpperCase();
}

/**
 * A gloss line that the import would take for one of the fields (or that starts with the escape
 * character itself): written with a `\` in front, which the import takes off, so that no gloss
 * can pass for a field.
 */
const LOOKS_LIKE_FIELD = /^\s*(?:\\|(?:English|Aliases|Matching|Term|Theme id)\s*:)/i;

/** Characters a field of a `Term:` line cannot hold as they are: the escape, the separators, line breaks. */
const FIELD_SPECIAL = /[\\|;\r\n\u0085\u2028\u2029]/g;

/** A field of a `Term:` line: `\\`, `\|`, `\;`, and line breaks as `\uXXXX`. */
function escapeField(text: string): string {
  return text.replace(FIELD_SPECIAL, (c) => (c === '\\' || c === '|' || c === ';' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** `raw` split at the separator `sep` where it is not escaped; the pieces keep their escapes. */
function splitEscaped(raw: string, sep: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) current += c + raw[++i];
    else if (c === sep) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

/** A field with its escapes taken off. */
function unescapeField(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|[^])/g, (_, c: string) => (c.length === 5 ? String.fromCharCode(parseInt(c.slice(1), 16)) : c));
}

/** The aliases of an `Aliases:` field: split at `;` that are not escaped, then unescaped. */
function unescapeAliases(line: string): string[] {
  return splitEscaped(line, ';')
    .map((a) => unescapeField(a).trim())
    .filter((a) => a !== '');
}

/** A term as one `Term:` line of its theme's description. */
export function termLine(term: Pick<GlossaryTerm, 'term' | 'en' | 'gloss' | 'aliases' | 'wholeWord' | 'caseSensitive'>): string {
  const fields = [`Term: ${escapeField(term.term)}`];
  if (term.en?.trim()) fields.push(`English: ${escapeField(term.en.trim())}`);
  if (term.gloss?.trim()) fields.push(`Gloss: ${escapeField(term.gloss.trim())}`);
  if (term.aliases.length) fields.push(`Aliases: ${term.aliases.map(escapeField).join('; ')}`);
  if (term.wholeWord) fields.push('Matching: whole word');
  if (term.caseSensitive !== undefined) fields.push(`Case: ${term.caseSensitive ? 'sensitive' : 'any'}`);
  return fields.join(' | ');
}

/** The term of a `Term:` line (without `Term: `), or undefined when it has no term. */
function parseTermLine(raw: string): ImportedTerm | undefined {
  const [first, ...rest] = splitEscaped(raw, '|');
  const term = unescapeField(first).trim();
  if (!term) return undefined;
  const out: ImportedTerm = { term, aliases: [], wholeWord: false };
  for (const field of rest) {
    const m = /^\s*([A-Za-z ]+?)\s*:\s*([^]*?)\s*$/.exec(field);
    if (!m) continue;
    const key = m[1].toLowerCase();
    if (key === 'english') out.en = unescapeField(m[2]).trim() || undefined;
    else if (key === 'gloss') out.gloss = unescapeField(m[2]).trim() || undefined;
    else if (key === 'aliases') out.aliases = unescapeAliases(m[2]);
    else if (key === 'matching') out.wholeWord = /^whole word$/i.test(m[2]);
    else if (key === 'case') out.caseSensitive = /^sensitive$/i.test(m[2]);
  }
  if (out.en === undefined) delete out.en;
  if (out.gloss === undefined) delete out.gloss;
  return out;
}

/** The description lines of a code, in the layout `qdcToGlossary` reads back. */
function description(english: string | undefined, gloss: string | undefined, extra: { terms?: readonly GlossaryTerm[]; themeId?: string }): string {
  const lines: string[] = [];
  if (english?.trim()) lines.push(`English: ${english.trim().replace(/\s+/g, ' ')}`);
  if (gloss?.trim()) lines.push(...gloss.trim().split('\n').map((line) => (LOOKS_LIKE_FIELD.test(line) ? `\\${line}` : line)));
  for (const term of extra.terms ?? []) lines.push(termLine(term));
  if (extra.themeId) lines.push(`Theme id: ${extra.themeId}`);
  return lines.join('\n');
}

/** A theme made while tagging (kept in the annotations file, in no glossary): a top-level code. */
export interface TagTheme {
  id: string;
  label: string;
  labelEn?: string;
  color?: string;
}

/** One code of a codebook: a theme, and the codes nested in it. */
export interface CodebookCode {
  guid: string;
  /** the name written, unique in the codebook */
  name: string;
  themeId: string;
  /** #RRGGBB */
  color: string;
  description: string;
  children: CodebookCode[];
}

/**
 * The codes of a codebook (the themes, nested), as the `.qdc` and the project (`.qdpx`) write
 * them: GUIDs from theme ids, names made unique, descriptions with the terms. Tag-made themes
 * whose id no glossary theme has are top-level codes after the glossary's.
 */
export function codebookCodes(themes: readonly GlossaryTheme[], tagThemes: readonly TagTheme[] = []): CodebookCode[] {
  const names = new Set<string>();
  const guids = new Set<string>();
  /** per name taken: the number its next repeat tries (so that many codes of one label take linear time) */
  const next = new Map<string, number>();
  const uniqueName = (label: string, id: string): string => {
    const base = label.trim() || id;
    let name = base;
    if (names.has(name.toLowerCase())) {
      const key = `${base.toLowerCase()}\u0000${id}`;
      let n = next.get(key) ?? 1;
      do {
        name = n === 1 ? `${base} (${id})` : `${base} (${id} ${n})`;
        n++;
      } while (names.has(name.toLowerCase()));
      next.set(key, n);
    }
    names.add(name.toLowerCase());
    return name;
  };
  const make = (theme: GlossaryTheme): CodebookCode => {
    const guid = themeGuid(theme.id);
    guids.add(guid);
    return {
      guid,
      name: uniqueName(theme.label, theme.id),
      themeId: theme.id,
      color: toRgbColor(themeColor(theme)),
      description: description(theme.labelEn, theme.gloss, { terms: theme.terms, themeId: theme.id }),
      children: theme.themes.map(make),
    };
  };
  const codes = themes.map(make);
  for (const t of tagThemes) {
    const guid = themeGuid(t.id);
    if (guids.has(guid)) continue;
    guids.add(guid);
    codes.push({
      guid,
      name: uniqueName(t.label, t.id),
      themeId: t.id,
      color: toRgbColor(t.color ?? themeColor({ id: t.id })),
      description: description(t.labelEn, undefined, { themeId: t.id }),
      children: [],
    });
  }
  return codes;
}

/** Every code of a tree, depth first. */
export function* allCodes(codes: readonly CodebookCode[]): Generator<CodebookCode> {
  for (const c of codes) {
    yield c;
    yield* allCodes(c.children);
  }
}

/**
 * The REFI-QDA codebook of a (merged) glossary: its themes, nested, then the tag-made themes.
 * Throws a QdcError when there is no theme at all (the standard requires at least one code).
 */
export function glossaryToQdc(themes: readonly GlossaryTheme[], options: QdcExportOptions = {}): string {
  const codes = codebookCodes(themes, options.tagThemes);
  if (codes.length === 0) throw new QdcError(l10n.t('the glossary has no themes: a codebook needs at least one code'));
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const origin = options.origin ? ` origin="${escapeXmlAttribute(options.origin)}"` : '';
  out.push(`<CodeBook xmlns="${QDC_NAMESPACE}"${origin}>`);
  out.push('  <Codes>');
  const write = (indent: string, c: CodebookCode): void => {
    const open = `${indent}<Code guid="${c.guid}" name="${escapeXmlAttribute(c.name)}" isCodable="true" color="${c.color}"`;
    if (!c.description && c.children.length === 0) {
      out.push(`${open}/>`);
      return;
    }
    out.push(`${open}>`);
    if (c.description) out.push(`${indent}  <Description>${escapeXmlText(c.description)}</Description>`);
    for (const child of c.children) write(indent + '  ', child);
    out.push(`${indent}</Code>`);
  };
  for (const c of codes) write('    ', c);
  out.push('  </Codes>');
  out.push('  <Sets>');
  out.push(`    <Set guid="${THEMES_SET_GUID}" name="${escapeXmlAttribute(THEMES_SET_NAME)}">`);
  out.push(`      <Description>${escapeXmlText(THEMES_SET_DESCRIPTION)}</Description>`);
  for (const c of allCodes(codes)) out.push(`      <MemberCode guid="${c.guid}"/>`);
  out.push('    </Set>');
  out.push('  </Sets>');
  out.push('</CodeBook>');
  return out.join('\n') + '\n';
}

/** The description of the themes Set. */
export const THEMES_SET_DESCRIPTION = 'The codes that are themes (policy pillars) of the glossary; each theme\'s terms are the Term lines of its description.';

// ---------------------------------------------------------------------------------------------
// Import

export interface QdcImportOptions {
  /** the name of the file read, for the comment at the top of the glossary */
  sourceName?: string;
  /** theme ids already used by the glossaries loaded: imported themes get other ids (`-2`...) */
  takenIds?: Iterable<string>;
  /**
   * the themes already loaded (glossary and tag-made, nested ones included): a code whose
   * `Theme id:` is one of them adds only what that theme lacks
   */
  existing?: Iterable<{ id: string; terms?: readonly { term: string }[] }>;
  /** every code is a theme, a leaf code too (a project's codings point at codes) */
  allThemes?: boolean;
}

export interface QdcImportResult {
  /** the text of the new glossary file ('' when there is nothing new: see `themes`, `terms`) */
  yaml: string;
  /** number of themes (sub-themes included) and of terms written that the glossary did not have */
  themes: number;
  terms: number;
  /** number of codes that are themes already loaded, with nothing new */
  unchanged: number;
  /** the theme id of each code, by its GUID (lower case, no braces) */
  themeIds: Map<string, string>;
  /** what was left out or changed, one sentence each */
  warnings: string[];
}

/** A theme made from a code, before it is written as YAML. */
interface ImportedTheme {
  id: string;
  label: string;
  labelEn?: string;
  color?: string;
  gloss?: string;
  terms: ImportedTerm[];
  themes: ImportedTheme[];
}

interface ImportedTerm {
  term: string;
  en?: string;
  gloss?: string;
  aliases: string[];
  wholeWord: boolean;
  caseSensitive?: boolean;
}

/** What a code's description says. */
export interface CodeDescription {
  /** the `English:` first line: a theme's label_en or a term's en */
  english?: string;
  /** the rest of the text */
  gloss?: string;
  /** the `Aliases:` line (a term's code, in codebooks of earlier versions) */
  aliases: string[];
  /** the `Matching: whole word` line (likewise) */
  wholeWord: boolean;
  /** the `Term:` lines (themes) */
  terms: ImportedTerm[];
  /** the `Theme id:` line (themes) */
  themeId?: string;
}

/** What a code's description says, in the layout the export writes (see the top of this file). */
export function parseDescription(text: string): CodeDescription {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  const out: CodeDescription = { aliases: [], wholeWord: false, terms: [] };
  const first = /^English:\s*(.*)$/.exec(lines[0] ?? '');
  if (first && first[1].trim()) {
    out.english = first[1].trim();
    lines.shift();
  }
  for (;;) {
    const last = lines[lines.length - 1]?.trim() ?? '';
    const aliases = /^Aliases:\s*([^]*)$/.exec(last);
    const term = /^Term:\s*([^]*)$/.exec(last);
    if (aliases && out.aliases.length === 0 && out.terms.length === 0) {
      out.aliases = unescapeAliases(aliases[1]);
      lines.pop();
    } else if (/^Matching:\s*whole word$/i.test(last) && !out.wholeWord && out.terms.length === 0) {
      out.wholeWord = true;
      lines.pop();
    } else if (/^Theme id:\s*[a-z0-9][a-z0-9-]*$/.test(last) && out.themeId === undefined && out.terms.length === 0) {
      out.themeId = last.replace(/^Theme id:\s*/, '');
      lines.pop();
    } else if (term) {
      const parsed = parseTermLine(term[1]);
      if (parsed) out.terms.unshift(parsed);
      lines.pop();
    } else break;
  }
  // a gloss line written with a `\` in front (it looked like a field, or started with `\`)
  const gloss = lines
    .map((line) => line.replace(/^(\s*)\\/, '$1'))
    .join('\n')
    .trim();
  if (gloss) out.gloss = gloss;
  return out;
}

/** A theme id made from a name in Latin letters, or undefined when the name has other letters. */
export function latinSlug(name: string): string | undefined {
  const plain = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (/\p{L}/u.test(plain.replace(/[A-Za-z]/g, ''))) return undefined;
  const slug = plain.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
  return ID_PATTERN.test(slug) ? slug : undefined;
}

/** The root's CodeBook element, or a QdcError saying why the file is not a codebook. */
function findCodeBook(root: XmlElement): XmlElement {
  if (root.local === 'CodeBook' && root.namespace === QDC_NAMESPACE) return root;
  if (root.local === 'Project' && root.namespace === QDE_NAMESPACE) {
    const book = root.children.find((c) => c.local === 'CodeBook' && c.namespace === QDE_NAMESPACE);
    if (book) return book;
    throw new QdcError(l10n.t('this REFI-QDA project has no CodeBook'), root.line, root.column);
  }
  throw new QdcError(
    root.namespace
      ? l10n.t('not a REFI-QDA codebook: the root element is <{0}> in the namespace "{1}"; a codebook has <CodeBook xmlns="{2}">', root.local, root.namespace, QDC_NAMESPACE)
      : l10n.t('not a REFI-QDA codebook: the root element is <{0}> without a namespace; a codebook has <CodeBook xmlns="{1}">', root.local, QDC_NAMESPACE),
    root.line,
    root.column,
  );
}

/** The child elements of `el` in the codebook's namespace named `local`. */
function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local && c.namespace === el.namespace);
}

/** Reads a REFI-QDA codebook and writes it as a new glossary (see the top of this file). */
export function qdcToGlossary(xml: string, options: QdcImportOptions = {}): QdcImportResult {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlError) throw new QdcError(l10n.t('not well-formed XML: {0}', e.message), e.line, e.column);
    throw e;
  }
  return codebookToGlossary(findCodeBook(root), options);
}

/** The glossary of a parsed `<CodeBook>` element (of a codebook or of a project). */
export function codebookToGlossary(book: XmlElement, options: QdcImportOptions = {}): QdcImportResult {
  const codesElements = childrenNamed(book, 'Codes');
  if (codesElements.length === 0) throw new QdcError(l10n.t('the codebook has no <Codes> element'), book.line, book.column);
  const topCodes = codesElements.flatMap((c) => childrenNamed(c, 'Code'));
  if (topCodes.length === 0) throw new QdcError(l10n.t('the codebook has no codes'), codesElements[0].line, codesElements[0].column);

  const warnings: string[] = [];
  const markedThemes = new Set<string>();
  for (const sets of childrenNamed(book, 'Sets')) {
    for (const set of childrenNamed(sets, 'Set')) {
      if (normalizeGuid(set.attributes.get('guid') ?? '') !== THEMES_SET_GUID) continue;
      for (const member of childrenNamed(set, 'MemberCode')) markedThemes.add(normalizeGuid(member.attributes.get('guid') ?? ''));
    }
  }

  const existing = new Map<string, Set<string>>();
  for (const t of options.existing ?? []) existing.set(t.id, new Set((t.terms ?? []).map((x) => normalizeTerm(x.term))));
  const taken = new Set([...(options.takenIds ?? []), ...existing.keys()]);
  const ids = new Set<string>();
  let anonymous = 0;
  /** per id asked for more than once: the suffix to try next (so that 30,000 codes of one name take linear time) */
  const nextSuffix = new Map<string, number>();
  const uniqueId = (base: string | undefined, line: number): string => {
    let id = base;
    if (!id) {
      do id = `code-${++anonymous}`;
      while (ids.has(id) || taken.has(id));
    }
    let candidate = id;
    if (ids.has(candidate) || taken.has(candidate)) {
      let n = nextSuffix.get(id) ?? 2;
      do candidate = `${id}-${n++}`;
      while (ids.has(candidate) || taken.has(candidate));
      nextSuffix.set(id, n);
    }
    if (candidate !== id && taken.has(id)) warnings.push(l10n.t('line {0}: theme id "{1}" is already used by a loaded glossary; written as "{2}"', line, id, candidate));
    ids.add(candidate);
    return candidate;
  };
  const guids = new Set<string>();
  const themeIds = new Map<string, string>();
  let codeCount = 0;
  let themeCount = 0;
  let termCount = 0;
  let unchanged = 0;

  const nameOf = (code: XmlElement): string => {
    const name = (code.attributes.get('name') ?? '').replace(/\s+/g, ' ').trim();
    if (!code.attributes.has('name')) warnings.push(l10n.t('line {0}: a code without a name', code.line));
    return name;
  };
  const checkGuid = (code: XmlElement): void => {
    const guid = code.attributes.get('guid');
    if (guid === undefined) warnings.push(l10n.t('line {0}: code "{1}" has no guid', code.line, code.attributes.get('name') ?? ''));
    else if (!GUID_PATTERN.test(guid.trim())) warnings.push(l10n.t('line {0}: code "{1}" has an invalid guid "{2}"', code.line, code.attributes.get('name') ?? '', guid));
    else if (guids.has(normalizeGuid(guid))) warnings.push(l10n.t('line {0}: guid {1} is used twice', code.line, guid));
    else guids.add(normalizeGuid(guid));
  };
  const descriptionOf = (code: XmlElement): string => childrenNamed(code, 'Description').map((d) => d.text).join('\n').trim();

  /** Adds a term to a theme unless it has it (by its normalized form); false when left out. */
  const addTerm = (theme: ImportedTheme, seen: Set<string>, term: ImportedTerm, known: Set<string> | undefined, line: number, themeName: string): void => {
    const key = normalizeTerm(term.term);
    if (key === '') {
      warnings.push(l10n.t('line {0}: an empty code name under "{1}" cannot be a term; left out', line, themeName));
      return;
    }
    if (known?.has(key)) return;
    if (seen.has(key)) {
      warnings.push(l10n.t('line {0}: "{1}" is written twice under "{2}"; kept once', line, term.term, themeName));
      return;
    }
    seen.add(key);
    theme.terms.push({ ...term, aliases: term.aliases.filter((a) => normalizeTerm(a) !== '') });
    termCount++;
  };

  /** The theme of a code, or undefined when it is a theme already loaded and brings nothing new. */
  const readTheme = (code: XmlElement, depth: number): ImportedTheme | undefined => {
    if (depth > MAX_DEPTH) throw new QdcError(l10n.t('codes are nested more than {0} levels deep', MAX_DEPTH), code.line, code.column);
    checkGuid(code);
    codeCount++;
    let name = nameOf(code);
    const desc = parseDescription(descriptionOf(code));
    // a label made unique by the export: `label (theme id)`
    if (desc.themeId && name.endsWith(` (${desc.themeId})`)) name = name.slice(0, -(desc.themeId.length + 3));
    const known = desc.themeId !== undefined && !ids.has(desc.themeId) ? existing.get(desc.themeId) : undefined;
    const id = known ? desc.themeId! : uniqueId(desc.themeId ?? latinSlug(name) ?? (desc.english ? latinSlug(desc.english) : undefined), code.line);
    if (known) ids.add(id);
    themeIds.set(normalizeGuid(code.attributes.get('guid') ?? ''), id);
    const theme: ImportedTheme = { id, label: name || `Code ${codeCount}`, terms: [], themes: [] };
    if (!known) {
      themeCount++;
      if (desc.english) theme.labelEn = desc.english;
      const gloss = [desc.gloss, desc.aliases.length ? `Aliases: ${desc.aliases.join('; ')}` : undefined].filter(Boolean).join('\n');
      if (gloss) theme.gloss = gloss;
      const color = code.attributes.get('color')?.trim();
      if (color) {
        if (GLOSSARY_COLOR.test(color)) theme.color = color;
        else warnings.push(l10n.t('line {0}: colour "{1}" of "{2}" is not #RRGGBB; left out', code.line, color, name));
      }
    }
    const seen = new Set<string>();
    for (const term of desc.terms) addTerm(theme, seen, term, known, code.line, name);
    for (const child of childrenNamed(code, 'Code')) {
      const isTheme = options.allThemes || childrenNamed(child, 'Code').length > 0 || markedThemes.has(normalizeGuid(child.attributes.get('guid') ?? ''));
      if (isTheme) {
        const sub = readTheme(child, depth + 1);
        if (sub) theme.themes.push(sub);
        continue;
      }
      checkGuid(child);
      themeIds.set(normalizeGuid(child.attributes.get('guid') ?? ''), id);
      const d = parseDescription(descriptionOf(child));
      const imported: ImportedTerm = { term: nameOf(child), aliases: d.aliases, wholeWord: d.wholeWord };
      if (d.english) imported.en = d.english;
      if (d.gloss) imported.gloss = d.gloss;
      addTerm(theme, seen, imported, known, child.line, name);
    }
    if (known && theme.terms.length === 0 && theme.themes.length === 0) {
      unchanged++;
      return undefined;
    }
    return theme;
  };

  const themes = topCodes.map((c) => readTheme(c, 0)).filter((t): t is ImportedTheme => t !== undefined);
  if (themes.length === 0) return { yaml: '', themes: 0, terms: 0, unchanged, themeIds, warnings };
  const yaml = glossaryYaml(themes, book.attributes.get('origin'), options.sourceName, options.allThemes === true);
  const check = parseGlossary(yaml, options.sourceName ?? 'imported.glossary.yaml');
  if (!check.glossary) {
    const e = check.errors.find((d) => d.severity === 'error')!;
    throw new QdcError(`internal error: the glossary made from the codebook does not validate: ${e.message} at line ${e.line}`);
  }
  return { yaml, themes: themeCount, terms: termCount, unchanged, themeIds, warnings };
}

/** GUIDs compare without braces and case. */
function normalizeGuid(guid: string): string {
  return guid.trim().replace(/^\{|\}$/g, '').toLowerCase();
}

/** The YAML text of imported themes, keys in the order of the glossary spec. */
function glossaryYaml(themes: ImportedTheme[], origin: string | undefined, sourceName: string | undefined, allThemes: boolean): string {
  const termNode = (t: ImportedTerm): unknown => {
    if (!t.en && !t.gloss && t.aliases.length === 0 && !t.wholeWord && t.caseSensitive === undefined) return t.term;
    const node: Record<string, unknown> = { term: t.term };
    if (t.wholeWord) node.whole_word = true;
    if (t.caseSensitive !== undefined) node.case_sensitive = t.caseSensitive;
    if (t.en) node.en = t.en;
    if (t.gloss) node.gloss = t.gloss;
    if (t.aliases.length) node.aliases = t.aliases;
    return node;
  };
  const themeNode = (t: ImportedTheme): Record<string, unknown> => {
    const node: Record<string, unknown> = { id: t.id, label: t.label };
    if (t.labelEn) node.label_en = t.labelEn;
    if (t.color) node.color = t.color;
    if (t.gloss) node.gloss = t.gloss;
    if (t.terms.length) node.terms = t.terms.map(termNode);
    if (t.themes.length) node.themes = t.themes.map(themeNode);
    return node;
  };
  const doc = new Document({ version: 1, themes: themes.map(themeNode) });
  // aliases as a one-line list, as in hand-written glossaries
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'aliases' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  const from = sourceName ? ` from ${sourceName.replace(/[\r\n]+/g, ' ')}` : '';
  const by = origin ? ` (written by ${origin.replace(/[\r\n]+/g, ' ')})` : '';
  doc.commentBefore =
    ` Glossary imported${from}${by}, a REFI-QDA codebook, by Thai Policy Lens.\n` +
    (allThemes ? ' Every code is a theme; the codes under a code are its sub-themes.\n' : ' Top-level codes are themes; a code with child codes is a sub-theme; a leaf code is a term.\n') +
    ' Check the ids and terms: a term is matched in the text as written.';
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

// ---------------------------------------------------------------------------------------------
// Files

/** A file name stem from a codebook's name: without its extension and characters file systems refuse. */
export function safeFileStem(fileName: string): string {
  const stem = fileName.replace(/\.(qdc|qde|xml)$/i, '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[.\s]+|[.\s]+$/g, '');
  return stem || 'codebook';
}
