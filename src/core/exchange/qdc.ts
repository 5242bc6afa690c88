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
 * Export (`glossaryToQdc`): every theme is a Code (nested as in the glossary) and every term a
 * leaf Code under its theme; all are codable. GUIDs are name-based UUIDs (version 5, SHA-1) of
 * the theme id / theme id + term, so re-exporting the same glossary gives the same file. The
 * description of a code carries what the glossary knows, in lines another tool shows as they are
 * and `qdcToGlossary` reads back:
 *   English: <label_en or en>         first line, when there is one
 *   <gloss>                           any number of lines; a line that would read as one of
 *                                     these fields, or starts with `\`, gets a `\` in front
 *   Aliases: <a>; <b>                 terms only, when there are aliases (`\\`, `\;` and line
 *                                     breaks as `\uXXXX` inside an alias)
 *   Matching: whole word              terms only, when `whole_word: true`
 *   Theme id: <id>                    themes only, so that ids survive a round trip
 * One Set, "Themes (Thai Policy Lens)", lists the codes that are themes, so a theme without
 * terms or sub-themes (a leaf code) comes back as a theme and not as a term.
 *
 * Import (`qdcToGlossary`): top-level codes are themes; below them, a code with child codes is a
 * sub-theme and a leaf code is a term of its parent theme, except that a code listed in the
 * themes Set of our own export is always a theme. A theme's id is the `Theme id:` of its
 * description when there is one; else it is made from the code's name when that is written in
 * Latin letters (a slug), else from its English label, else `code-<n>`; each made unique with
 * `-2`, `-3`... Colours are kept (themes), descriptions become glosses (and
 * English labels, aliases, whole-word flags where written as above). The result is the text of
 * a new glossary YAML file. A file that is not a REFI-QDA codebook (not XML, another root, another
 * namespace, no codes) is refused with a `QdcError` that says why and where.
 *
 * The XML reader is a small, strict parser written for this subset (elements, attributes,
 * namespaces, text, CDATA, comments, processing instructions, the five predefined entities and
 * character references; a document type declaration with an internal subset is refused, so no
 * entity expansion can happen). Pure: no `vscode`, no Node modules.
 */
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
    super(line !== undefined ? `${message} (line ${line}, column ${column ?? 1})` : message);
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

/** The GUID of a term's code. */
export function termGuid(themeId: string, term: string): string {
  return uuidV5(GUID_NAMESPACE, `term:${themeId}:${term}`);
}

/** The GUID of the Set that lists the theme codes. */
export const THEMES_SET_GUID = uuidV5(GUID_NAMESPACE, 'set:themes');

// ---------------------------------------------------------------------------------------------
// Export

export interface QdcExportOptions {
  /** the `origin` attribute, e.g. "Thai Policy Lens 0.1.0" */
  origin?: string;
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
const LOOKS_LIKE_FIELD = /^\s*(?:\\|(?:English|Aliases|Matching|Theme id)\s*:)/i;

/** Characters an alias cannot hold as they are on the `Aliases:` line: the escape, the separator, line breaks. */
const ALIAS_SPECIAL = /[\\;\r\n\u0085\u2028\u2029]/g;

/** An alias on the `Aliases:` line: `\\`, `\;`, and line breaks as `\uXXXX`. */
function escapeAlias(alias: string): string {
  return alias.replace(ALIAS_SPECIAL, (c) => (c === '\\' || c === ';' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** The aliases of an `Aliases:` line: split at `;` that are not escaped, then unescaped. */
function unescapeAliases(line: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      const hex = /^u([0-9a-fA-F]{4})/.exec(line.slice(i + 1, i + 6));
      if (hex) {
        current += String.fromCharCode(parseInt(hex[1], 16));
        i += 5;
      } else current += line[++i];
    } else if (c === ';') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((a) => a.trim()).filter((a) => a !== '');
}

/** The description lines of a code, in the layout `qdcToGlossary` reads back. */
function description(english: string | undefined, gloss: string | undefined, extra: { aliases?: string[]; wholeWord?: boolean; themeId?: string }): string {
  const lines: string[] = [];
  if (english?.trim()) lines.push(`English: ${english.trim().replace(/\s+/g, ' ')}`);
  if (gloss?.trim()) lines.push(...gloss.trim().split('\n').map((line) => (LOOKS_LIKE_FIELD.test(line) ? `\\${line}` : line)));
  if (extra.aliases?.length) lines.push(`Aliases: ${extra.aliases.map(escapeAlias).join('; ')}`);
  if (extra.wholeWord) lines.push('Matching: whole word');
  if (extra.themeId) lines.push(`Theme id: ${extra.themeId}`);
  return lines.join('\n');
}

/**
 * The REFI-QDA codebook of a (merged) glossary: its top-level themes, nested. Throws a QdcError
 * for a glossary without themes (the standard requires at least one code).
 */
export function glossaryToQdc(themes: readonly GlossaryTheme[], options: QdcExportOptions = {}): string {
  if (themes.length === 0) throw new QdcError('the glossary has no themes: a codebook needs at least one code');
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const origin = options.origin ? ` origin="${escapeXmlAttribute(options.origin)}"` : '';
  out.push(`<CodeBook xmlns="${QDC_NAMESPACE}"${origin}>`);
  out.push('  <Codes>');
  const used = new Set<string>();
  /** per name written more than once: the suffix its next repeat takes */
  const repeats = new Map<string, number>();
  const themeGuids: string[] = [];
  /**
   * A GUID not used yet in this file: the same term written twice in one theme gets `#2`, `#3`
   * ... in its name. Each GUID is computed once: a repeat starts from the suffix the last one took.
   */
  const unique = (guid: string, name: string): string => {
    let candidate = guid;
    if (used.has(candidate)) {
      let n = repeats.get(name) ?? 2;
      do candidate = uuidV5(GUID_NAMESPACE, `${name}#${n++}`);
      while (used.has(candidate));
      repeats.set(name, n);
    }
    used.add(candidate);
    return candidate;
  };
  const code = (indent: string, guid: string, name: string, color: string | undefined, desc: string, children: () => void): void => {
    const colorAttr = color ? ` color="${toRgbColor(color)}"` : '';
    const open = `${indent}<Code guid="${guid}" name="${escapeXmlAttribute(name)}" isCodable="true"${colorAttr}`;
    const before = out.length;
    if (desc) out.push(`${indent}  <Description>${escapeXmlText(desc)}</Description>`);
    children();
    if (out.length === before) out.push(`${open}/>`);
    else {
      out.splice(before, 0, `${open}>`);
      out.push(`${indent}</Code>`);
    }
  };
  const writeTerm = (indent: string, theme: GlossaryTheme, term: GlossaryTerm, color: string): void => {
    const guid = unique(termGuid(theme.id, term.term), `term:${theme.id}:${term.term}`);
    code(indent, guid, term.term, color, description(term.en, term.gloss, { aliases: term.aliases, wholeWord: term.wholeWord }), () => undefined);
  };
  const writeTheme = (indent: string, theme: GlossaryTheme): void => {
    const guid = unique(themeGuid(theme.id), `theme:${theme.id}`);
    themeGuids.push(guid);
    const color = themeColor(theme);
    code(indent, guid, theme.label, color, description(theme.labelEn, theme.gloss, { themeId: theme.id }), () => {
      for (const term of theme.terms) writeTerm(indent + '  ', theme, term, color);
      for (const child of theme.themes) writeTheme(indent + '  ', child);
    });
  };
  for (const theme of themes) writeTheme('    ', theme);
  out.push('  </Codes>');
  out.push('  <Sets>');
  out.push(`    <Set guid="${THEMES_SET_GUID}" name="${escapeXmlAttribute(THEMES_SET_NAME)}">`);
  out.push(`      <Description>${escapeXmlText('The codes that are themes (policy pillars) of the glossary; the other codes are the terms that signal them.')}</Description>`);
  for (const guid of themeGuids) out.push(`      <MemberCode guid="${guid}"/>`);
  out.push('    </Set>');
  out.push('  </Sets>');
  out.push('</CodeBook>');
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Import

export interface QdcImportOptions {
  /** the name of the file read, for the comment at the top of the glossary */
  sourceName?: string;
  /** theme ids already used by the glossaries loaded: imported themes get other ids (`-2`...) */
  takenIds?: Iterable<string>;
}

export interface QdcImportResult {
  /** the text of the new glossary file */
  yaml: string;
  /** number of themes (sub-themes included) and of terms written */
  themes: number;
  terms: number;
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
}

/** What a code's description says. */
export interface CodeDescription {
  /** the `English:` first line: a theme's label_en or a term's en */
  english?: string;
  /** the rest of the text */
  gloss?: string;
  /** the `Aliases:` line (terms) */
  aliases: string[];
  /** the `Matching: whole word` line (terms) */
  wholeWord: boolean;
  /** the `Theme id:` line (themes) */
  themeId?: string;
}

/** What a code's description says, in the layout the export writes (see the top of this file). */
export function parseDescription(text: string): CodeDescription {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  const out: CodeDescription = { aliases: [], wholeWord: false };
  const first = /^English:\s*(.*)$/.exec(lines[0] ?? '');
  if (first && first[1].trim()) {
    out.english = first[1].trim();
    lines.shift();
  }
  for (;;) {
    const last = lines[lines.length - 1]?.trim() ?? '';
    const aliases = /^Aliases:\s*([^]*)$/.exec(last);
    if (aliases && out.aliases.length === 0) {
      out.aliases = unescapeAliases(aliases[1]);
      lines.pop();
    } else if (/^Matching:\s*whole word$/i.test(last) && !out.wholeWord) {
      out.wholeWord = true;
      lines.pop();
    } else if (/^Theme id:\s*[a-z0-9][a-z0-9-]*$/.test(last) && out.themeId === undefined) {
      out.themeId = last.replace(/^Theme id:\s*/, '');
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
    throw new QdcError('this REFI-QDA project has no CodeBook', root.line, root.column);
  }
  const ns = root.namespace ? ` in the namespace "${root.namespace}"` : ' without a namespace';
  throw new QdcError(
    `not a REFI-QDA codebook: the root element is <${root.local}>${ns}; a codebook has <CodeBook xmlns="${QDC_NAMESPACE}">`,
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
    if (e instanceof XmlError) throw new QdcError(`not well-formed XML: ${e.message}`, e.line, e.column);
    throw e;
  }
  const book = findCodeBook(root);
  const codesElements = childrenNamed(book, 'Codes');
  if (codesElements.length === 0) throw new QdcError('the codebook has no <Codes> element', book.line, book.column);
  const topCodes = codesElements.flatMap((c) => childrenNamed(c, 'Code'));
  if (topCodes.length === 0) throw new QdcError('the codebook has no codes', codesElements[0].line, codesElements[0].column);

  const warnings: string[] = [];
  const markedThemes = new Set<string>();
  for (const sets of childrenNamed(book, 'Sets')) {
    for (const set of childrenNamed(sets, 'Set')) {
      if (normalizeGuid(set.attributes.get('guid') ?? '') !== THEMES_SET_GUID) continue;
      for (const member of childrenNamed(set, 'MemberCode')) markedThemes.add(normalizeGuid(member.attributes.get('guid') ?? ''));
    }
  }

  const taken = new Set(options.takenIds ?? []);
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
    if (candidate !== id && taken.has(id)) warnings.push(`line ${line}: theme id "${id}" is already used by a loaded glossary; written as "${candidate}"`);
    ids.add(candidate);
    return candidate;
  };
  const guids = new Set<string>();
  let themeCount = 0;
  let termCount = 0;

  const nameOf = (code: XmlElement): string => {
    const name = (code.attributes.get('name') ?? '').replace(/\s+/g, ' ').trim();
    if (!code.attributes.has('name')) warnings.push(`line ${code.line}: a code without a name`);
    return name;
  };
  const checkGuid = (code: XmlElement): void => {
    const guid = code.attributes.get('guid');
    if (guid === undefined) warnings.push(`line ${code.line}: code "${code.attributes.get('name') ?? ''}" has no guid`);
    else if (!GUID_PATTERN.test(guid.trim())) warnings.push(`line ${code.line}: code "${code.attributes.get('name') ?? ''}" has an invalid guid "${guid}"`);
    else if (guids.has(normalizeGuid(guid))) warnings.push(`line ${code.line}: guid ${guid} is used twice`);
    else guids.add(normalizeGuid(guid));
  };
  const descriptionOf = (code: XmlElement): string => childrenNamed(code, 'Description').map((d) => d.text).join('\n').trim();

  const readTheme = (code: XmlElement, depth: number): ImportedTheme => {
    if (depth > MAX_DEPTH) throw new QdcError(`codes are nested more than ${MAX_DEPTH} levels deep`, code.line, code.column);
    checkGuid(code);
    themeCount++;
    const name = nameOf(code);
    const desc = parseDescription(descriptionOf(code));
    const theme: ImportedTheme = {
      id: uniqueId(desc.themeId ?? latinSlug(name) ?? (desc.english ? latinSlug(desc.english) : undefined), code.line),
      label: name || `Code ${themeCount}`,
      terms: [],
      themes: [],
    };
    if (desc.english) theme.labelEn = desc.english;
    const gloss = [desc.gloss, desc.aliases.length ? `Aliases: ${desc.aliases.join('; ')}` : undefined].filter(Boolean).join('\n');
    if (gloss) theme.gloss = gloss;
    const color = code.attributes.get('color')?.trim();
    if (color) {
      if (GLOSSARY_COLOR.test(color)) theme.color = color;
      else warnings.push(`line ${code.line}: colour "${color}" of "${name}" is not #RRGGBB; left out`);
    }
    const seen = new Set<string>();
    for (const child of childrenNamed(code, 'Code')) {
      const isTheme = childrenNamed(child, 'Code').length > 0 || markedThemes.has(normalizeGuid(child.attributes.get('guid') ?? ''));
      if (isTheme) {
        theme.themes.push(readTheme(child, depth + 1));
        continue;
      }
      checkGuid(child);
      const term = nameOf(child);
      const key = normalizeTerm(term);
      if (key === '') {
        warnings.push(`line ${child.line}: an empty code name under "${name}" cannot be a term; left out`);
        continue;
      }
      if (seen.has(key)) {
        warnings.push(`line ${child.line}: "${term}" is written twice under "${name}"; kept once`);
        continue;
      }
      seen.add(key);
      const d = parseDescription(descriptionOf(child));
      const imported: ImportedTerm = { term, aliases: d.aliases.filter((a) => normalizeTerm(a) !== ''), wholeWord: d.wholeWord };
      if (d.english) imported.en = d.english;
      if (d.gloss) imported.gloss = d.gloss;
      theme.terms.push(imported);
      termCount++;
    }
    return theme;
  };

  const themes = topCodes.map((c) => readTheme(c, 0));
  const yaml = glossaryYaml(themes, book.attributes.get('origin'), options.sourceName);
  const check = parseGlossary(yaml, options.sourceName ?? 'imported.glossary.yaml');
  if (!check.glossary) {
    const e = check.errors.find((d) => d.severity === 'error')!;
    throw new QdcError(`internal error: the glossary made from the codebook does not validate: ${e.message} at line ${e.line}`);
  }
  return { yaml, themes: themeCount, terms: termCount, warnings };
}

/** GUIDs compare without braces and case. */
function normalizeGuid(guid: string): string {
  return guid.trim().replace(/^\{|\}$/g, '').toLowerCase();
}

/** The YAML text of imported themes, keys in the order of the glossary spec. */
function glossaryYaml(themes: ImportedTheme[], origin: string | undefined, sourceName: string | undefined): string {
  const termNode = (t: ImportedTerm): unknown => {
    if (!t.en && !t.gloss && t.aliases.length === 0 && !t.wholeWord) return t.term;
    const node: Record<string, unknown> = { term: t.term };
    if (t.wholeWord) node.whole_word = true;
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
    ' Top-level codes are themes; a code with child codes is a sub-theme; a leaf code is a term.\n' +
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
