/**
 * A quick reader for the plain YAML that glossary files are written in: block mappings and
 * sequences indented with spaces, one-line plain, single- and double-quoted scalars, one-line
 * flow sequences of scalars (`aliases: [a, b]`) and comments. It builds the same nodes (with
 * the same values and start offsets) as the `yaml` package would, without its token stream
 * and syntax tree, which for a glossary of thousands of terms cost tens of megabytes and
 * most of the load time.
 *
 * Anything outside that subset (anchors, aliases, tags, block scalars `|` `>`, flow mappings,
 * scalars over several lines, document markers, tabs in indentation, duplicate keys, empty
 * values, plain scalars that the core schema reads as null, floats or non-decimal numbers ...)
 * makes it give up and return undefined: the caller then parses the file with `yaml` itself.
 */
import { LineCounter, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';

/** What `readPlainYaml` returns: the root node and the line starts, as `yaml` would give them. */
export interface PlainYaml {
  contents: YamlNode;
  lines: LineCounter;
}

/** Blocks nested deeper than this are left to `yaml` (a glossary nests a few levels per theme level). */
const MAX_BLOCK_DEPTH = 100;

/** Gives up on the file (caught in `readPlainYaml`). */
class NotPlain extends Error {}

const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/** Mapping keys this reader accepts: plain words (`id`, `label_en` ...). */
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Plain scalars that the YAML core schema reads as something this reader does not build. */
const NULL_OR_OTHER_NUMBER =
  /^(?:~|[Nn]ull|NULL|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const DECIMAL = /^[-+]?[0-9]+$/;
/** Characters that may not start a plain scalar here (YAML indicators, and `-` `?` `:` to keep it simple). */
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`');

/** One line of the file: where it starts, its indentation, and where its content ends (comments not removed). */
interface Line {
  start: number;
  indent: number;
  /** end of the line's content, before the line break (and a CR) and trailing spaces */
  end: number;
}

/**
 * The root node of `text` if the whole file is in the subset this reader knows, else
 * undefined (then parse it with `yaml`).
 */
export function readPlainYaml(text: string): PlainYaml | undefined {
  try {
    return new PlainReader(text).read();
  } catch (e) {
    if (e instanceof NotPlain) return undefined;
    throw e;
  }
}

class PlainReader {
  /** the lines that hold something other than a comment */
  private readonly lines: Line[] = [];
  private readonly counter = new LineCounter();
  /** index in `lines` of the next line to read */
  private at = 0;

  constructor(private readonly text: string) {}

  read(): PlainYaml {
    const text = this.text;
    if (text.charCodeAt(0) === 0xfeff) throw new NotPlain();
    for (let start = 0; start <= text.length; ) {
      this.counter.addNewLine(start);
      let newline = text.indexOf('\n', start);
      if (newline < 0) newline = text.length;
      let indent = start;
      while (text.charCodeAt(indent) === SPACE) indent++;
      if (text.charCodeAt(indent) === TAB) throw new NotPlain();
      let end = newline;
      if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
      while (end > indent && (text.charCodeAt(end - 1) === SPACE || text.charCodeAt(end - 1) === TAB)) end--;
      if (end > indent && text.charCodeAt(indent) !== HASH) {
        if (indent === start && (text.startsWith('---', start) || text.startsWith('...', start) || text.charCodeAt(start) === 0x25)) throw new NotPlain();
        if (text.slice(indent, end).includes('\r')) throw new NotPlain();
        this.lines.push({ start, indent: indent - start, end });
      }
      start = newline + 1;
    }
    if (this.lines.length === 0 || this.lines[0].indent !== 0) throw new NotPlain();
    const contents = this.block(0);
    if (this.at !== this.lines.length) throw new NotPlain();
    return { contents, lines: this.counter };
  }

  /** How many blocks are open (a bound on the recursion: deeper files go to `yaml`). */
  private depth = 0;

  /** The block (mapping or sequence) whose first line is the next line, at indentation `indent`. */
  private block(indent: number): YamlNode {
    if (++this.depth > MAX_BLOCK_DEPTH) throw new NotPlain();
    const line = this.lines[this.at];
    const first = line.start + indent;
    const node = this.isDash(first, line.end) ? this.sequence(indent) : this.mapping(indent, first);
    this.depth--;
    return node;
  }

  /** Is there a sequence item's `-` at `pos` (followed by a space or the end of the line)? */
  private isDash(pos: number, end: number): boolean {
    return this.text.charCodeAt(pos) === DASH && (pos + 1 === end || this.text.charCodeAt(pos + 1) === SPACE);
  }

  /** A block sequence whose items' dashes are at column `indent` of their lines. */
  private sequence(indent: number): YAMLSeq {
    const seq = new YAMLSeq();
    const start = this.lines[this.at].start + indent;
    let end = start;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      if (line.indent !== indent || !this.isDash(line.start + indent, line.end)) break;
      let pos = line.start + indent + 1;
      while (pos < line.end && this.text.charCodeAt(pos) === SPACE) pos++;
      let item: YamlNode;
      if (pos === line.end) {
        // the item is the block on the next lines
        this.at++;
        const next = this.lines[this.at];
        if (!next || next.indent <= indent) throw new NotPlain();
        item = this.block(next.indent);
      } else if (this.keyEnd(pos, line.end) >= 0) {
        // a mapping that starts on the dash's line (`- id: x`)
        item = this.mapping(pos - line.start, pos);
      } else {
        item = this.value(pos, line.end);
        this.at++;
        this.noContinuation(indent);
      }
      seq.items.push(item);
      end = item.range ? item.range[2] : end;
    }
    seq.range = [start, end, end];
    return seq;
  }

  /**
   * A block mapping whose keys are at column `indent`; the first key is at `first` (on the
   * next line, maybe after a sequence item's dash).
   */
  private mapping(indent: number, first: number): YAMLMap {
    const map = new YAMLMap();
    const keys = new Set<string>();
    let end = first;
    let keyAt = first;
    for (;;) {
      const line = this.lines[this.at];
      const colon = this.keyEnd(keyAt, line.end);
      if (colon < 0) throw new NotPlain();
      const name = this.text.slice(keyAt, colon);
      if (keys.has(name)) throw new NotPlain();
      keys.add(name);
      const key = scalar(name, name, 'PLAIN', keyAt, colon);
      let pos = colon + 1;
      while (pos < line.end && this.text.charCodeAt(pos) === SPACE) pos++;
      let value: YamlNode;
      if (pos === line.end || this.text.charCodeAt(pos) === HASH) {
        // the value is the block on the next lines: deeper, or a sequence at the key's column
        this.at++;
        const next = this.lines[this.at];
        if (!next) throw new NotPlain();
        if (next.indent > indent) value = this.block(next.indent);
        else if (next.indent === indent && this.isDash(next.start + indent, next.end)) value = this.sequence(indent);
        else throw new NotPlain();
      } else {
        value = this.value(pos, line.end);
        this.at++;
        this.noContinuation(indent);
      }
      map.items.push(new Pair(key, value));
      end = value.range ? value.range[2] : end;
      const next = this.lines[this.at];
      if (!next || next.indent !== indent || this.isDash(next.start + indent, next.end)) break;
      keyAt = next.start + indent;
    }
    map.range = [first, end, end];
    return map;
  }

  /** After a one-line value: the next line may not be deeper than its owner (that would be a continuation). */
  private noContinuation(indent: number): void {
    const next = this.lines[this.at];
    if (next && next.indent > indent) throw new NotPlain();
  }

  /** The end of a `key:` at `pos` (the colon's offset), or -1 when the line has none there. */
  private keyEnd(pos: number, end: number): number {
    const text = this.text;
    let p = pos;
    while (p < end && text.charCodeAt(p) !== COLON && text.charCodeAt(p) !== SPACE) p++;
    if (p === pos || p >= end || text.charCodeAt(p) !== COLON) return -1;
    if (p + 1 < end && text.charCodeAt(p + 1) !== SPACE) return -1;
    const name = text.slice(pos, p);
    if (!KEY.test(name) || BOOLEAN.test(name) || NULL_OR_OTHER_NUMBER.test(name)) return -1;
    return p;
  }

  /** A one-line value from `pos` to the end of the line (`end`): a scalar or a flow sequence, maybe with a comment after it. */
  private value(pos: number, end: number): YamlNode {
    const c = this.text.charCodeAt(pos);
    let node: YamlNode;
    let after: number;
    if (c === OPEN_BRACKET) {
      [node, after] = this.flowSequence(pos, end);
    } else if (c === QUOTE || c === APOSTROPHE) {
      [node, after] = this.quoted(pos, end);
    } else {
      const stop = this.plainEnd(pos, end, false);
      node = this.plain(pos, stop);
      after = stop;
    }
    this.commentOnly(after, end);
    return node;
  }

  /** Only spaces, then nothing or a comment, from `pos` to `end`. */
  private commentOnly(pos: number, end: number): void {
    const text = this.text;
    if (pos === end) return;
    if (text.charCodeAt(pos) !== SPACE) throw new NotPlain();
    while (pos < end && text.charCodeAt(pos) === SPACE) pos++;
    if (pos < end && text.charCodeAt(pos) !== HASH) throw new NotPlain();
  }

  /**
   * The end of a plain scalar starting at `pos`: the line's end, a comment (` #`), or in a
   * flow sequence `,` or `]`; trailing spaces are not part of it.
   */
  private plainEnd(pos: number, end: number, flow: boolean): number {
    const text = this.text;
    if (INDICATORS.has(text[pos])) throw new NotPlain();
    let p = pos;
    for (; p < end; p++) {
      const c = text.charCodeAt(p);
      if (c === HASH && text.charCodeAt(p - 1) === SPACE) break;
      if (c === COLON && (p + 1 === end || text.charCodeAt(p + 1) === SPACE || (flow && (text.charCodeAt(p + 1) === COMMA || text.charCodeAt(p + 1) === CLOSE_BRACKET)))) {
        throw new NotPlain(); // a mapping
      }
      if (c === TAB) throw new NotPlain();
      if (flow && (c === COMMA || c === CLOSE_BRACKET || c === OPEN_BRACKET || c === 0x7b || c === 0x7d)) break;
    }
    while (p > pos && text.charCodeAt(p - 1) === SPACE) p--;
    return p;
  }

  /** The plain scalar [pos, stop), typed as the YAML core schema types it. */
  private plain(pos: number, stop: number): Scalar {
    const source = this.text.slice(pos, stop);
    if (source === '' || NULL_OR_OTHER_NUMBER.test(source)) throw new NotPlain();
    let value: unknown = source;
    if (BOOLEAN.test(source)) value = source[0] === 't' || source[0] === 'T';
    else if (DECIMAL.test(source)) value = parseInt(source, 10);
    return scalar(value, source, 'PLAIN', pos, stop);
  }

  /** A quoted scalar at `pos` on one line; returns it and the offset after its closing quote. */
  private quoted(pos: number, end: number): [Scalar, number] {
    const text = this.text;
    if (text.charCodeAt(pos) === APOSTROPHE) {
      let value = '';
      let p = pos + 1;
      for (;;) {
        const close = text.indexOf("'", p);
        if (close < 0 || close >= end) throw new NotPlain();
        value += text.slice(p, close);
        if (text.charCodeAt(close + 1) === APOSTROPHE && close + 1 < end) {
          value += "'";
          p = close + 2;
          continue;
        }
        if (value.includes('\t')) throw new NotPlain();
        return [scalar(value, value, 'QUOTE_SINGLE', pos, close + 1), close + 1];
      }
    }
    let p = pos + 1;
    let plainText = true; // no escape and no control character: the value is the text between the quotes
    for (;;) {
      if (p >= end) throw new NotPlain();
      const c = text.charCodeAt(p);
      if (c === 0x5c) {
        plainText = false;
        p += 2;
      } else if (c === QUOTE) break;
      else {
        if (c < 0x20) plainText = false;
        p++;
      }
    }
    let value: unknown;
    if (plainText) value = text.slice(pos + 1, p);
    else {
      try {
        // the escapes JSON knows mean the same in YAML; any other one is not read here
        value = JSON.parse(text.slice(pos, p + 1));
      } catch {
        throw new NotPlain();
      }
    }
    if (typeof value !== 'string') throw new NotPlain();
    return [scalar(value, value, 'QUOTE_DOUBLE', pos, p + 1), p + 1];
  }

  /** A one-line flow sequence of scalars at `pos` (`[a, "b c"]`); returns it and the offset after `]`. */
  private flowSequence(pos: number, end: number): [YAMLSeq, number] {
    const text = this.text;
    const seq = new YAMLSeq();
    seq.flow = true;
    let p = pos + 1;
    const skipSpaces = (): void => {
      while (p < end && text.charCodeAt(p) === SPACE) p++;
    };
    skipSpaces();
    if (text.charCodeAt(p) !== CLOSE_BRACKET) {
      for (;;) {
        skipSpaces();
        const c = text.charCodeAt(p);
        let item: Scalar;
        if (c === QUOTE || c === APOSTROPHE) [item, p] = this.quoted(p, end);
        else {
          const stop = this.plainEnd(p, end, true);
          item = this.plain(p, stop);
          p = stop;
        }
        seq.items.push(item);
        skipSpaces();
        const next = text.charCodeAt(p);
        if (next === CLOSE_BRACKET) break;
        if (next !== COMMA) throw new NotPlain();
        p++;
        skipSpaces();
        if (text.charCodeAt(p) === CLOSE_BRACKET) throw new NotPlain(); // a trailing comma
      }
    }
    if (p >= end) throw new NotPlain();
    seq.range = [pos, p + 1, p + 1];
    return [seq, p + 1];
  }
}

/** A scalar node as `yaml` composes it: the typed value, the source text, the type and the range. */
function scalar(value: unknown, source: string, type: Scalar.Type, start: number, end: number): Scalar {
  const node = new Scalar(value);
  node.range = [start, end, end];
  node.source = source;
  node.type = type;
  return node;
}
