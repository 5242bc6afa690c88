/**
 * The one decoder of text files (documents, glossaries, annotation files), used by the command
 * line's input reader and the extension's file service alike: UTF-8, or UTF-16 when the file
 * starts with its byte order mark; a UTF-8 byte order mark is dropped. What is not text is refused
 * (`DecodeError`): NUL bytes, or so many control characters that it is binary or UTF-16 written
 * without a byte order mark. Invalid UTF-8 is decoded as U+FFFD and its first place reported
 * (`invalid`), so the caller can warn (a document) or refuse (a glossary).
 *
 * Pure: `TextDecoder` is in every browser and in Node.
 */
import { LineIndex } from './lines';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  /** the text, without its byte order mark */
  text: string;
  encoding: TextEncoding;
  /** the first invalid UTF-8 sequence: 1-based line and column in `text` (UTF-16 code units), and its offset there */
  invalid?: { line: number; column: number; offset: number };
}

/** Why bytes are not text. */
export class DecodeError extends Error {
  constructor(
    message: string,
    /** what was found: NUL bytes, or control characters (binary, or UTF-16 without a byte order mark) */
    readonly reason: 'nul' | 'control' | 'too-long',
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** How much of the start of a file is looked at for control characters. */
const SNIFF_UNITS = 65536;
/** More than this share of control characters (besides tab, line breaks, form feed, escape) is not text. */
const MAX_CONTROL_SHARE = 0.1;

/** Is c a C0 control character that text files do not hold (tab, LF, VT, FF, CR and ESC are allowed)? */
function isStrayControl(c: number): boolean {
  return c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b;
}

/** The offset of the first byte of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Text of the bytes, or a RangeError turned into a DecodeError when it would be longer than a string can be. */
function decodeWith(label: TextEncoding, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label, { ignoreBOM: true }).decode(bytes); // the caller took the BOM off
  } catch (e) {
    if (e instanceof RangeError || /string longer/i.test(String((e as Error)?.message))) throw new DecodeError('too large to hold as one text (over 536,870,888 characters)', 'too-long');
    throw e;
  }
}

/**
 * Decodes the bytes of a text file (see the top of this file). Throws a `DecodeError` for bytes
 * that are not text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeWith('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeWith('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes.indexOf(0, bom) !== -1) throw new DecodeError('it contains NUL bytes', 'nul');
  const text = decodeWith('utf-8', bytes.subarray(bom));
  const sniffed = Math.min(text.length, SNIFF_UNITS);
  let controls = 0;
  for (let i = 0; i < sniffed; i++) if (isStrayControl(text.charCodeAt(i))) controls++;
  if (controls > 0 && controls > sniffed * MAX_CONTROL_SHARE) {
    throw new DecodeError(`${Math.round((controls / sniffed) * 100)}% of its first characters are control characters: binary, or UTF-16 without a byte order mark`, 'control');
  }
  const result: DecodedText = { text, encoding: 'utf-8' };
  if (text.includes('\ufffd')) {
    const bad = firstInvalidUtf8(bytes, bom);
    if (bad >= 0) {
      const offset = new TextDecoder('utf-8').decode(bytes.subarray(bom, bad)).length;
      result.invalid = { ...new LineIndex(text).position(offset), offset };
    }
  }
  return result;
}
