/**
 * XML for REFI-QDA codebooks: a small, strict reader of the subset codebooks use (elements,
 * attributes, namespaces, text, CDATA, comments, processing instructions, the five predefined
 * entities and character references), escaping for writing, and decoding a file's bytes.
 *
 * A document type declaration with an internal subset is refused, so no entity is ever defined
 * or expanded (no "billion laughs", no external entities). Elements are read with an explicit
 * stack, not recursion, so no nesting overflows the stack; every error names its line and
 * column. Kept rather than replaced by a maintained parser such as `saxes`: that would add two
 * packages for the same subset, report positions at the end of tags rather than their start,
 * and change the messages users see; this reader's few hundred lines are tested on their own.
 *
 * Pure: no `vscode`, no Node modules.
 */

import * as l10n from '@vscode/l10n';
import { LineIndex } from '../text/lines';

/** Where an XML text is not well-formed: 1-based line and column (UTF-16 code units). */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'XmlError';
  }
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

/** Parses an XML document (the subset described at the top of this file) into its root element; throws an XmlError where it is not well-formed. */
export function parseXml(source: string): XmlElement {
  return new XmlReader(source).document();
}

class XmlReader {
  private pos = 0;
  /** line starts, for positions in messages (XML ends lines at \n, \r\n and \r, as LineIndex does) */
  private lines: LineIndex | undefined;

  constructor(private readonly src: string) {
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  private where(offset: number): { line: number; column: number } {
    this.lines ??= new LineIndex(this.src);
    return this.lines.position(offset);
  }

  private fail(message: string, offset = this.pos): never {
    const { line, column } = this.where(offset);
    throw new XmlError(message, line, column);
  }

  private startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /[ \t\r\n]/.test(this.src[this.pos])) this.pos++;
  }

  /** Skips up to and past `end`; fails when it never comes. */
  private skipPast(end: string, what: 'comment' | 'instruction'): void {
    const at = this.src.indexOf(end, this.pos);
    if (at < 0) this.fail(what === 'comment' ? l10n.t('unclosed comment') : l10n.t('unclosed processing instruction'));
    this.pos = at + end.length;
  }

  private name(): string {
    const start = this.pos;
    if (!NAME_START.test(this.src[this.pos] ?? '')) this.fail(l10n.t('a name was expected'));
    this.pos++;
    while (this.pos < this.src.length && NAME_CHAR.test(this.src[this.pos])) this.pos++;
    return this.src.slice(start, this.pos);
  }

  /** Decodes entity and character references in text or an attribute value. */
  private decode(raw: string, offset: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&<\s]*);?/g, (whole, body: string, at: number) => {
      if (!whole.endsWith(';')) this.fail(l10n.t('"&" must start a reference such as &amp;'), offset + at);
      if (body.startsWith('#')) {
        const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        const valid = /^#(?:x[0-9a-fA-F]+|[0-9]+)$/.test(body) && (code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff));
        if (!valid) this.fail(l10n.t('invalid character reference &{0};', body), offset + at);
        return String.fromCodePoint(code);
      }
      const value = PREDEFINED[body];
      if (value === undefined) this.fail(l10n.t('unknown entity &{0};', body), offset + at);
      return value;
    });
  }

  /** The prolog, the root element and what may follow it. */
  document(): XmlElement {
    this.misc(true);
    if (this.pos >= this.src.length || this.src[this.pos] !== '<') this.fail(this.pos >= this.src.length ? l10n.t('the file is empty') : l10n.t('the document must start with an element'));
    const root = this.element();
    this.misc(false);
    if (this.pos < this.src.length) this.fail(l10n.t('content after the root element'));
    return root;
  }

  /** Comments, processing instructions, white space (and in the prolog a document type declaration). */
  private misc(prolog: boolean): void {
    for (;;) {
      this.skipSpace();
      if (this.startsWith('<?')) this.skipPast('?>', 'instruction');
      else if (this.startsWith('<!--')) this.skipPast('-->', 'comment');
      else if (prolog && this.startsWith('<!DOCTYPE')) {
        const end = this.src.indexOf('>', this.pos);
        const bracket = this.src.indexOf('[', this.pos);
        if (bracket >= 0 && (end < 0 || bracket < end)) this.fail(l10n.t('a document type declaration with an internal subset is not accepted'));
        if (end < 0) this.fail(l10n.t('unclosed document type declaration'));
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
        if (this.pos >= this.src.length) this.fail(l10n.t('unclosed start tag <{0}>', name), tagStart);
        if (!hadSpace) this.fail(l10n.t('white space is needed between attributes'));
        const attrStart = this.pos;
        const attrName = this.name();
        this.skipSpace();
        if (this.src[this.pos] !== '=') this.fail(l10n.t('attribute {0} needs "=" and a quoted value', attrName));
        this.pos++;
        this.skipSpace();
        const quote = this.src[this.pos];
        if (quote !== '"' && quote !== "'") this.fail(l10n.t('the value of {0} must be quoted', attrName));
        const valueStart = this.pos + 1;
        const valueEnd = this.src.indexOf(quote, valueStart);
        if (valueEnd < 0) this.fail(l10n.t('unclosed value of {0}', attrName));
        const raw = this.src.slice(valueStart, valueEnd);
        if (raw.includes('<')) this.fail(l10n.t('"<" in the value of {0}', attrName), valueStart + raw.indexOf('<'));
        if (attributes.has(attrName)) this.fail(l10n.t('attribute {0} is written twice', attrName), attrStart);
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
      if (prefix && namespace === undefined) this.fail(l10n.t('undeclared namespace prefix "{0}"', prefix), tagStart);
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
        if (lt < 0) this.fail(l10n.t('<{0}> is not closed', current.name), this.pos);
        if (lt > this.pos) {
          const raw = this.src.slice(this.pos, lt);
          if (raw.includes(']]>')) this.fail(l10n.t('"]]>" in text'), this.pos + raw.indexOf(']]>'));
          current.text += this.decode(raw.replace(/\r\n?/g, '\n'), this.pos);
          this.pos = lt;
        }
        if (this.startsWith('</')) {
          this.pos += 2;
          const closeStart = this.pos;
          const closing = this.name();
          this.skipSpace();
          if (this.src[this.pos] !== '>') this.fail(l10n.t('unclosed end tag </{0}>', closing));
          this.pos++;
          if (closing !== current.name) this.fail(l10n.t('</{0}> closes <{1}> (line {2})', closing, current.name, current.line), closeStart);
          stack.pop();
        } else if (this.startsWith('<!--')) this.skipPast('-->', 'comment');
        else if (this.startsWith('<![CDATA[')) {
          const end = this.src.indexOf(']]>', this.pos + 9);
          if (end < 0) this.fail(l10n.t('unclosed CDATA section'));
          current.text += this.src.slice(this.pos + 9, end).replace(/\r\n?/g, '\n');
          this.pos = end + 3;
        } else if (this.startsWith('<?')) this.skipPast('?>', 'instruction');
        else if (this.startsWith('<!')) this.fail(l10n.t('unexpected markup declaration'));
        else break; // a child's start tag
      }
    }
  }
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

/** An element to write: attributes in the order given (undefined ones left out), then text or children. */
export interface XmlNode {
  name: string;
  attributes?: ReadonlyArray<readonly [string, string | number | undefined]>;
  /** the text content (an element has text or children, not both) */
  text?: string;
  children?: readonly XmlNode[];
}

/** An XML document of `root`, indented by two spaces, every value escaped; ends with a line break. */
export function writeXml(root: XmlNode): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const write = (node: XmlNode, indent: string): void => {
    const attributes = (node.attributes ?? [])
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
      .join('');
    const open = `${indent}<${node.name}${attributes}`;
    if (node.text !== undefined && node.text !== '') out.push(`${open}>${escapeXmlText(node.text)}</${node.name}>`);
    else if (!node.children?.length) out.push(`${open}/>`);
    else {
      out.push(`${open}>`);
      for (const child of node.children) write(child, indent + '  ');
      out.push(`${indent}</${node.name}>`);
    }
  };
  write(root, '');
  return out.join('\n') + '\n';
}
