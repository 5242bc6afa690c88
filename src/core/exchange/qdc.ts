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
 *   <gloss>                           any number of lines
 *   Aliases: <a>; <b>                 terms only, when there are aliases
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
import { Document, isScalar, isSeq, visit } from 'yaml';
import type { GlossaryTerm, GlossaryTheme } from '../glossary/glossary';
import { parseGlossary, themeColor } from '../glossary/glossary';
import { normalizeTerm } from '../text/normalize';
import { opaqueHex } from '../text/color';
import { ID_PATTERN } from '../text/patterns';

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
// Name-based GUIDs: UUID version 5 (RFC 9562), SHA-1 written here so the core stays pure.

/** SHA-1 of bytes (FIPS 180-4). */
export function sha1(bytes: Uint8Array): Uint8Array {
  const paddedLength = Math.ceil((bytes.length + 9) / 64) * 64;
  const buf = new Uint8Array(paddedLength);
  buf.set(bytes);
  buf[bytes.length] = 0x80;
  const view = new DataView(buf.buffer);
  view.setUint32(paddedLength - 8, Math.floor(bytes.length / 0x20000000)); // high bits of the bit length
  view.setUint32(paddedLength - 4, (bytes.length * 8) >>> 0);
  let h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476, h4 = 0xc3d2e1f0;
  const w = new Uint32Array(80);
  for (let block = 0; block < paddedLength; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4;
    for (let i = 0; i < 80; i++) {
      let f: number, k: number;
      if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
      else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
      else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
      else { f = b ^ c ^ d; k = 0xca62c1d6; }
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]) >>> 0;
      e = d;
      d = c;
      c = ((b << 30) | (b >>> 2)) >>> 0;
      b = a;
      a = t;
    }
    h0 = (h0 + a) >>> 0; h1 = (h1 + b) >>> 0; h2 = (h2 + c) >>> 0; h3 = (h3 + d) >>> 0; h4 = (h4 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  [h0, h1, h2, h3, h4].forEach((h, i) => outView.setUint32(i * 4, h));
  return out;
}

/** The name-based UUID (version 5) of `name` in the namespace `namespace` (a UUID string). */
export function uuidV5(namespace: string, name: string): string {
  const hex = namespace.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a UUID: ${namespace}`);
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  for (let i = 0; i < 16; i++) input[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  input.set(nameBytes, 16);
  const hash = sha1(input).subarray(0, 16);
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC variant
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += hash[i].toString(16).padStart(2, '0');
  }
  return s;
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

/** Text for XML: drops characters XML 1.0 cannot hold (control characters, lone surrogates). */
function xmlChars(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

/** Escapes text content. `\r` is written as a reference so that it survives line-end normalization. */
export function escapeXmlText(text: string): string {
  return xmlChars(text).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Escapes an attribute value (double-quoted); tabs and line breaks as references so they survive. */
export function escapeXmlAttribute(text: string): string {
  return xmlChars(text).replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case '\t': return '&#9;';
      case '\n': return '&#10;';
      default: return '&#13;';
    }
  });
}

/** A colour in the standard's RGBType (#RRGGBB): 3/4/8-digit glossary colours are converted, alpha dropped. */
export function toRgbColor(color: string): string {
  return opaqueHex(color).toUpperCase();
}

/** The description lines of a code, in the layout `qdcToGlossary` reads back. */
function description(english: string | undefined, gloss: string | undefined, extra: { aliases?: string[]; wholeWord?: boolean; themeId?: string }): string {
  const lines: string[] = [];
  if (english?.trim()) lines.push(`English: ${english.trim().replace(/\s+/g, ' ')}`);
  if (gloss?.trim()) lines.push(gloss.trim());
  if (extra.aliases?.length) lines.push(`Aliases: ${extra.aliases.join('; ')}`);
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
  const themeGuids: string[] = [];
  /** A GUID not used yet in this file (the same term written twice in one theme gets a suffix). */
  const unique = (guid: string, name: string): string => {
    let candidate = guid;
    for (let n = 2; used.has(candidate); n++) candidate = uuidV5(GUID_NAMESPACE, `${name}#${n}`);
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
// A small XML reader

/** An element of a parsed XML document. */
export interface XmlElement {
  /** the qualified name as written (`prefix:local` or `local`) */
  name: string;
  local: string;
  /** the namespace URI the element is in ('' for none) */
  namespace: string;
  /** attributes by qualified name as written (namespace declarations included) */
  attributes: Map<string, string>;
  children: XmlElement[];
  /** the element's own text content (not that of its children), entities decoded */
  text: string;
  line: number;
  column: number;
}

const NAME_START = /[A-Za-z_:\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd]/;
const NAME_CHAR = /[-.0-9\u00b7\u0300-\u036f\u203f\u2040A-Za-z_:\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd]/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parses an XML document (the subset described at the top of this file) into its root element. */
export function parseXml(source: string): XmlElement {
  return new XmlReader(source).document();
}

class XmlReader {
  private pos = 0;
  /** offsets of line starts, for positions in messages */
  private lineStarts: number[] | undefined;

  constructor(private readonly src: string) {
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  private where(offset: number): { line: number; column: number } {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = this.src.indexOf('\n'); i >= 0; i = this.src.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    }
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }

  private fail(message: string, offset = this.pos): never {
    const { line, column } = this.where(offset);
    throw new QdcError(`not well-formed XML: ${message}`, line, column);
  }

  private startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /[ \t\r\n]/.test(this.src[this.pos])) this.pos++;
  }

  /** Skips up to and past `end`; fails when it never comes. */
  private skipPast(end: string, what: string): void {
    const at = this.src.indexOf(end, this.pos);
    if (at < 0) this.fail(`unclosed ${what}`);
    this.pos = at + end.length;
  }

  private name(): string {
    const start = this.pos;
    if (!NAME_START.test(this.src[this.pos] ?? '')) this.fail('a name was expected');
    this.pos++;
    while (this.pos < this.src.length && NAME_CHAR.test(this.src[this.pos])) this.pos++;
    return this.src.slice(start, this.pos);
  }

  /** Decodes entity and character references in text or an attribute value. */
  private decode(raw: string, offset: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&<\s]*);?/g, (whole, body: string, at: number) => {
      if (!whole.endsWith(';')) this.fail('"&" must start a reference such as &amp;', offset + at);
      if (body.startsWith('#')) {
        const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        const valid = /^#(?:x[0-9a-fA-F]+|[0-9]+)$/.test(body) && (code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff));
        if (!valid) this.fail(`invalid character reference &${body};`, offset + at);
        return String.fromCodePoint(code);
      }
      const value = PREDEFINED[body];
      if (value === undefined) this.fail(`unknown entity &${body};`, offset + at);
      return value;
    });
  }

  /** The prolog, the root element and what may follow it. */
  document(): XmlElement {
    this.misc(true);
    if (this.pos >= this.src.length || this.src[this.pos] !== '<') this.fail(this.pos >= this.src.length ? 'the file is empty' : 'the document must start with an element');
    const root = this.element();
    this.misc(false);
    if (this.pos < this.src.length) this.fail('content after the root element');
    return root;
  }

  /** Comments, processing instructions, white space (and in the prolog a document type declaration). */
  private misc(prolog: boolean): void {
    for (;;) {
      this.skipSpace();
      if (this.startsWith('<?')) this.skipPast('?>', 'processing instruction');
      else if (this.startsWith('<!--')) this.skipPast('-->', 'comment');
      else if (prolog && this.startsWith('<!DOCTYPE')) {
        const end = this.src.indexOf('>', this.pos);
        const bracket = this.src.indexOf('[', this.pos);
        if (bracket >= 0 && (end < 0 || bracket < end)) this.fail('a document type declaration with an internal subset is not accepted');
        if (end < 0) this.fail('unclosed document type declaration');
        this.pos = end + 1;
      } else return;
    }
  }

  /** One element and its content, read with an explicit stack (no recursion). */
  private element(): XmlElement {
    type Frame = { el: XmlElement; scope: Map<string, string> };
    const stack: Frame[] = [];
    let root: XmlElement | undefined;
    const rootScope = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
    for (;;) {
      // at '<' of a start tag
      const tagStart = this.pos;
      this.pos++;
      const name = this.name();
      const attributes = new Map<string, string>();
      let selfClosing = false;
      for (;;) {
        const hadSpace = /[ \t\r\n]/.test(this.src[this.pos] ?? '');
        this.skipSpace();
        if (this.startsWith('/>')) {
          this.pos += 2;
          selfClosing = true;
          break;
        }
        if (this.startsWith('>')) {
          this.pos++;
          break;
        }
        if (this.pos >= this.src.length) this.fail(`unclosed start tag <${name}>`, tagStart);
        if (!hadSpace) this.fail('white space is needed between attributes');
        const attrStart = this.pos;
        const attrName = this.name();
        this.skipSpace();
        if (this.src[this.pos] !== '=') this.fail(`attribute ${attrName} needs "=" and a quoted value`);
        this.pos++;
        this.skipSpace();
        const quote = this.src[this.pos];
        if (quote !== '"' && quote !== "'") this.fail(`the value of ${attrName} must be quoted`);
        const valueStart = this.pos + 1;
        const valueEnd = this.src.indexOf(quote, valueStart);
        if (valueEnd < 0) this.fail(`unclosed value of ${attrName}`);
        const raw = this.src.slice(valueStart, valueEnd);
        if (raw.includes('<')) this.fail(`"<" in the value of ${attrName}`, valueStart + raw.indexOf('<'));
        if (attributes.has(attrName)) this.fail(`attribute ${attrName} is written twice`, attrStart);
        // attribute-value normalization: literal white space characters become spaces
        attributes.set(attrName, this.decode(raw.replace(/[\t\n\r]/g, ' '), valueStart));
        this.pos = valueEnd + 1;
      }
      const parentScope = stack.length ? stack[stack.length - 1].scope : rootScope;
      let scope = parentScope;
      for (const [attr, value] of attributes) {
        if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
          if (scope === parentScope) scope = new Map(parentScope);
          scope.set(attr === 'xmlns' ? '' : attr.slice(6), value);
        }
      }
      const colon = name.indexOf(':');
      const prefix = colon >= 0 ? name.slice(0, colon) : '';
      const namespace = scope.get(prefix);
      if (prefix && namespace === undefined) this.fail(`undeclared namespace prefix "${prefix}"`, tagStart);
      const { line, column } = this.where(tagStart);
      const el: XmlElement = { name, local: colon >= 0 ? name.slice(colon + 1) : name, namespace: namespace ?? '', attributes, children: [], text: '', line, column };
      if (stack.length) stack[stack.length - 1].el.children.push(el);
      else root = el;
      if (!selfClosing) stack.push({ el, scope });
      // content until the next start tag, or the end of the root
      for (;;) {
        if (stack.length === 0) return root!;
        const current = stack[stack.length - 1].el;
        const lt = this.src.indexOf('<', this.pos);
        if (lt < 0) this.fail(`<${current.name}> is not closed`, this.pos);
        if (lt > this.pos) {
          const raw = this.src.slice(this.pos, lt);
          if (raw.includes(']]>')) this.fail('"]]>" in text', this.pos + raw.indexOf(']]>'));
          current.text += this.decode(raw.replace(/\r\n?/g, '\n'), this.pos);
          this.pos = lt;
        }
        if (this.startsWith('</')) {
          this.pos += 2;
          const closeStart = this.pos;
          const closing = this.name();
          this.skipSpace();
          if (this.src[this.pos] !== '>') this.fail(`unclosed end tag </${closing}>`);
          this.pos++;
          if (closing !== current.name) this.fail(`</${closing}> closes <${current.name}> (line ${current.line})`, closeStart);
          stack.pop();
        } else if (this.startsWith('<!--')) this.skipPast('-->', 'comment');
        else if (this.startsWith('<![CDATA[')) {
          const end = this.src.indexOf(']]>', this.pos + 9);
          if (end < 0) this.fail('unclosed CDATA section');
          current.text += this.src.slice(this.pos + 9, end).replace(/\r\n?/g, '\n');
          this.pos = end + 3;
        } else if (this.startsWith('<?')) this.skipPast('?>', 'processing instruction');
        else if (this.startsWith('<!')) this.fail('unexpected markup declaration');
        else break; // a child's start tag
      }
    }
  }
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
    const aliases = /^Aliases:\s*(.*)$/.exec(last);
    if (aliases && out.aliases.length === 0) {
      out.aliases = aliases[1].split(';').map((a) => a.trim()).filter((a) => a !== '');
      lines.pop();
    } else if (/^Matching:\s*whole word$/i.test(last) && !out.wholeWord) {
      out.wholeWord = true;
      lines.pop();
    } else if (/^Theme id:\s*[a-z0-9][a-z0-9-]*$/.test(last) && out.themeId === undefined) {
      out.themeId = last.replace(/^Theme id:\s*/, '');
      lines.pop();
    } else break;
  }
  const gloss = lines.join('\n').trim();
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
  const book = findCodeBook(parseXml(xml));
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
  const uniqueId = (base: string | undefined, line: number): string => {
    let id = base;
    if (!id) {
      do id = `code-${++anonymous}`;
      while (ids.has(id) || taken.has(id));
    }
    let candidate = id;
    for (let n = 2; ids.has(candidate) || taken.has(candidate); n++) candidate = `${id}-${n}`;
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

/** Text of an XML file: UTF-16 by its byte order mark, else the declared encoding, else UTF-8. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^(?:\ufeff|\u00ef\u00bb\u00bf)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  let label = 'utf-8';
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      new TextDecoder(declared);
      label = declared;
    } catch {
      throw new Error(`the encoding "${declared}" is not supported`);
    }
  }
  return new TextDecoder(label, { fatal: label === 'utf-8' }).decode(bytes);
}

/** A file name stem from a codebook's name: without its extension and characters file systems refuse. */
export function safeFileStem(fileName: string): string {
  const stem = fileName.replace(/\.(qdc|qde|xml)$/i, '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[.\s]+|[.\s]+$/g, '');
  return stem || 'codebook';
}
