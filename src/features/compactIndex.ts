/**
 * The workspace index's compact form of documents it does not show in an editor (issue 12: a
 * workspace of 14,000 documents). Held as objects, the annotations of such a workspace are about
 * 1.9 million objects (about 190 MB of heap), and each annotation's `text` is a slice that keeps
 * its document's whole text alive. Here:
 *
 * - an annotation is three numbers (start, end, and the index of its other fields in an
 *   `AnnotationTable` shared by every document: a workspace has a few thousand distinct ones);
 * - a text of ASCII and Thai script is one byte a character (the bytes of the TIS-620 /
 *   windows-874 code page), other texts UTF-8;
 * - `writeIndexSnapshot` / `readIndexSnapshot` put all of it in one binary file (the persisted
 *   index), and refuse a file that is not one whole snapshot of this format.
 *
 * Pure: no `vscode`, no Node modules.
 */
import type { Annotation, CountryAnnotation, DateAnnotation, TermAnnotation } from '../core';

/** An annotation without its place: what `AnnotationTable` keeps once for all its occurrences. */
export type AnnotationFields = Omit<TermAnnotation, 'start' | 'end'> | Omit<CountryAnnotation, 'start' | 'end'> | Omit<DateAnnotation, 'start' | 'end'>;

/** The distinct annotation fields of the index, each once; an annotation refers to one by number. */
export class AnnotationTable {
  private readonly rows: AnnotationFields[] = [];
  /** row numbers by theme, term and text */
  private readonly terms = new Map<string, Map<string, Map<string, number>>>();
  /** row numbers of countries and dates by their other fields (`fieldsKey`) and text */
  private readonly others = new Map<string, Map<string, number>>();

  /** A table of `rows` (taken as they are: strings of their own, as JSON.parse makes them). */
  constructor(rows: readonly AnnotationFields[] = []) {
    for (const row of rows) this.add(row);
  }

  /** `new AnnotationTable(rows)`, awaiting `pause` between parts of the rows. */
  static async from(rows: readonly AnnotationFields[], pause?: Pause): Promise<AnnotationTable> {
    const table = new AnnotationTable();
    for (let i = 0; i < rows.length; i++) {
      table.add(rows[i]);
      if (i % 4096 === 4095) await pause?.();
    }
    return table;
  }

  get size(): number {
    return this.rows.length;
  }

  /** The number of an annotation's fields (start and end left out), added when new. */
  intern(a: Annotation | AnnotationFields): number {
    // terms, most of them, by nested maps (no key string to build); the others by a key string
    const byText = a.kind === 'term' ? this.termMap(a.theme, a.term) : this.otherMap(fieldsKey(a));
    const id = byText.get(a.text);
    if (id !== undefined) return id;
    // a copy of its own: `a.text` is a slice of the whole document's text, which it would keep
    const { start: _s, end: _e, ...fields } = a as Annotation;
    return this.add(JSON.parse(JSON.stringify(fields)) as AnnotationFields);
  }

  /** Adds a row (its strings its own); its number, or that of the same row already there. */
  private add(row: AnnotationFields): number {
    const byText = row.kind === 'term' ? this.termMap(row.theme, row.term) : this.otherMap(fieldsKey(row));
    let id = byText.get(row.text);
    if (id === undefined) {
      this.rows.push(row);
      id = this.rows.length - 1;
      byText.set(row.text, id);
    }
    return id;
  }

  private termMap(theme: string, term: string): Map<string, number> {
    let byTerm = this.terms.get(theme);
    if (!byTerm) this.terms.set(theme, (byTerm = new Map()));
    let byText = byTerm.get(term);
    if (!byText) byTerm.set(term, (byText = new Map()));
    return byText;
  }

  private otherMap(key: string): Map<string, number> {
    let byText = this.others.get(key);
    if (!byText) this.others.set(key, (byText = new Map()));
    return byText;
  }

  fields(id: number): AnnotationFields {
    const row = this.rows[id];
    if (!row) throw new RangeError(`no annotation fields #${id}`);
    return row;
  }

  /** Every row, in number order (for the snapshot). */
  all(): readonly AnnotationFields[] {
    return this.rows;
  }
}

/** The fields of a country or a date but its text, as one string. */
function fieldsKey(a: Exclude<AnnotationFields, { kind: 'term' }>): string {
  if (a.kind === 'country') return `c\u0001${a.country}\u0001${a.role ?? ''}`;
  return `d\u0001${a.from ?? ''}\u0001${a.to ?? ''}\u0001${a.calendar}\u0001${a.inferred ? 1 : 0}\u0001${a.relative ?? ''}\u0001${a.role ?? ''}`;
}

/** Annotations as [start, end, fields]* numbers. */
export function packAnnotations(table: AnnotationTable, annotations: readonly Annotation[]): Int32Array {
  const out = new Int32Array(annotations.length * 3);
  for (let i = 0, j = 0; i < annotations.length; i++, j += 3) {
    const a = annotations[i];
    out[j] = a.start;
    out[j + 1] = a.end;
    out[j + 2] = table.intern(a);
  }
  return out;
}

/** True when `packAnnotations(table, annotations)` gives the numbers `packed` (found without making them). */
export function packsTo(table: AnnotationTable, annotations: readonly Annotation[], packed: Int32Array): boolean {
  if (packed.length !== annotations.length * 3) return false;
  for (let i = 0, j = 0; i < annotations.length; i++, j += 3) {
    const a = annotations[i];
    if (packed[j] !== a.start || packed[j + 1] !== a.end || packed[j + 2] !== table.intern(a)) return false;
  }
  return true;
}

/** The annotations `packAnnotations` packed (new objects each call). */
export function unpackAnnotations(table: AnnotationTable, packed: Int32Array): Annotation[] {
  const out: Annotation[] = new Array<Annotation>(packed.length / 3);
  for (let i = 0, j = 0; j < packed.length; i++, j += 3) out[i] = annotationAt(table.fields(packed[j + 2]), packed[j], packed[j + 1]);
  return out;
}

/**
 * Called for each annotation in order with its fields (an annotation itself, or a row of an
 * `AnnotationTable`: not to be changed or kept as the annotation), its place and its index in the
 * list; returning false stops the visit.
 */
export type AnnotationVisitor = (fields: AnnotationFields, start: number, end: number, index: number) => boolean | void;

/** Visits the packed annotations from index `from` on, without making objects. */
export function visitPacked(table: AnnotationTable, packed: Int32Array, visit: AnnotationVisitor, from = 0): void {
  for (let i = Math.max(0, from), j = i * 3; j < packed.length; i++, j += 3) {
    if (visit(table.fields(packed[j + 2]), packed[j], packed[j + 1], i) === false) return;
  }
}

/** Visits a list of annotations as `visitPacked` visits packed ones. */
export function visitList(annotations: readonly Annotation[], visit: AnnotationVisitor, from = 0): void {
  for (let i = Math.max(0, from); i < annotations.length; i++) {
    const a = annotations[i];
    if (visit(a, a.start, a.end, i) === false) return;
  }
}

/** The annotation of `fields` at [start, end) (a new object; a term's fields written out: most annotations, and faster than a spread). */
export function annotationAt(fields: AnnotationFields, start: number, end: number): Annotation {
  return fields.kind === 'term'
    ? { kind: 'term', start, end, text: fields.text, theme: fields.theme, term: fields.term }
    : ({ start, end, ...fields } as Annotation);
}

/** True when any of the packed annotations has fields for which `test` is true (without making objects). */
export function someAnnotation(table: AnnotationTable, packed: Int32Array, test: (fields: AnnotationFields) => boolean): boolean {
  for (let j = 2; j < packed.length; j += 3) if (test(table.fields(packed[j]))) return true;
  return false;
}

/** A text at one byte a character when it is all ASCII and Thai script (`thai`), else UTF-8. */
export interface PackedText {
  bytes: Uint8Array;
  thai: boolean;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();
/** U+0E01..U+0E5B are bytes 0xA1..0xFB of windows-874 (TIS-620): the code point less 0xD60. */
const THAI_OFFSET = 0x0e00 - 0xa0;

function isThaiByteChar(c: number): boolean {
  return (c >= 0x0e01 && c <= 0x0e3a) || (c >= 0x0e3f && c <= 0x0e5b);
}

export function packText(text: string): PackedText {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes[i] = c;
    else if (isThaiByteChar(c)) bytes[i] = c - THAI_OFFSET;
    else return { bytes: utf8.encode(text), thai: false };
  }
  return { bytes, thai: true };
}

/** windows-874's decoder where the platform has it (and it decodes these bytes as Unicode does). */
const thaiDecoder = (() => {
  try {
    const decoder = new TextDecoder('windows-874');
    return decoder.decode(new Uint8Array([0xa1, 0x41, 0xfb])) === '\u0e01A\u0e5b' ? decoder : undefined;
  } catch {
    return undefined;
  }
})();
const utf16Decoder = new TextDecoder('utf-16le');

/** The text of one-byte Thai (`packText`); by windows-874's decoder, or without one (exported for the tests). */
export function decodeThaiBytes(bytes: Uint8Array, decoder: TextDecoder | undefined = thaiDecoder): string {
  if (decoder) return decoder.decode(bytes);
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    codes[i] = b < 0x80 ? b : b + THAI_OFFSET;
  }
  const units = new Uint8Array(codes.buffer);
  // Uint16Array is in the platform's byte order: little-endian on every platform VS Code runs on
  return utf16Decoder.decode(units);
}

export function unpackText(packed: PackedText): string {
  return packed.thai ? decodeThaiBytes(packed.bytes) : utf8Decoder.decode(packed.bytes);
}

/** A 53-bit hash (cyrb53: fast, well spread; not cryptographic) of code units fed to it in parts, as 14 hex digits. */
export class Hash53 {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  update(units: string | ArrayLike<number>): this {
    let { h1, h2 } = this;
    if (typeof units === 'string') {
      for (let i = 0; i < units.length; i++) {
        const c = units.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
    } else {
      for (let i = 0; i < units.length; i++) {
        const c = units[i];
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  digest(): string {
    const h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507) ^ Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    const h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
  }
}

/** The hash of a text by which the index tells whether a file's text is the one it analysed. */
export function hashText(text: string): string {
  return new Hash53().update(text).digest();
}

// ----- the persisted index

/** One file of a snapshot. */
export interface SnapshotFile {
  /** the file's URI, as a string */
  uri: string;
  /** bytes and modification time (ms) when it was read */
  size: number;
  mtime: number;
  /** `hashText` of the text analysed */
  hash: string;
  text: PackedText;
  /** `packAnnotations` of the file's annotations, numbered in the snapshot's table */
  annotations: Int32Array;
}

export interface IndexSnapshot {
  /**
   * What the annotations depend on besides the texts (the program, the glossaries' hash, the
   * analysis settings): a snapshot whose key differs from the current one has texts worth
   * keeping but annotations to compute again.
   */
  key: string;
  table: AnnotationTable;
  files: SnapshotFile[];
}

const MAGIC = 'TPLINDEX';
/** 2: the annotation numbers of all files, then all texts (1: each file's numbers and text together) */
const FORMAT = 2;
/** bytes hashed between two pauses */
const HASH_SLICE = 1 << 20;

/** The snapshot's numbers are little-endian: copied as they are on such a platform (every one VS Code runs on). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Called between parts of the work (the extension yields to the event loop there). */
export type Pause = () => Promise<void> | void;

/**
 * The bytes of a snapshot: `TPLINDEX`, the format (u32), the header's length (u32) and the header
 * (UTF-8 JSON: key, and each file's uri, size, mtime, hash, text kind and lengths), the table's
 * length (u32) and the table (UTF-8 JSON), zeros to a multiple of 4 bytes, every file's
 * annotation numbers (little-endian i32, file after file), every file's text bytes, and the hash
 * of everything before it (14 ASCII digits) to tell a file cut short or changed. `pause` is
 * awaited between files and parts.
 */
export async function writeIndexSnapshot(snapshot: IndexSnapshot, pause?: Pause): Promise<Uint8Array> {
  return concatBytes(await indexSnapshotParts(snapshot, pause));
}

/**
 * The bytes of `writeIndexSnapshot` as parts to write one after the other: the header and table,
 * each file's annotation numbers and text bytes as they are in memory (views, not copies), and
 * the hash; so that writing the index does not make a copy of all of it.
 */
export async function indexSnapshotParts(snapshot: IndexSnapshot, pause?: Pause): Promise<Uint8Array[]> {
  const header = utf8.encode(
    JSON.stringify({
      key: snapshot.key,
      files: snapshot.files.map((f) => [f.uri, f.size, f.mtime, f.hash, f.text.thai ? 1 : 0, f.text.bytes.length, f.annotations.length]),
    }),
  );
  await pause?.();
  const rows = snapshot.table.all();
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i += 8192) {
    parts.push(JSON.stringify(rows.slice(i, i + 8192)).slice(1, -1));
    await pause?.();
  }
  const table = utf8.encode(`[${parts.join(',')}]`);
  await pause?.();
  const start = new Uint8Array(align4(20 + header.length + table.length));
  const view = new DataView(start.buffer);
  start.set(utf8.encode(MAGIC), 0);
  view.setUint32(8, FORMAT, true);
  view.setUint32(12, header.length, true);
  start.set(header, 16);
  view.setUint32(16 + header.length, table.length, true);
  start.set(table, 20 + header.length);
  const out: Uint8Array[] = [start];
  const hash = new Hash53();
  for (let i = 0; i < start.length; i += HASH_SLICE) {
    hash.update(start.subarray(i, Math.min(start.length, i + HASH_SLICE)));
    await pause?.();
  }
  let hashed = 0;
  const add = async (bytes: Uint8Array) => {
    out.push(bytes);
    hash.update(bytes);
    hashed += bytes.length;
    if (hashed >= HASH_SLICE) {
      hashed = 0;
      await pause?.();
    }
  };
  for (const f of snapshot.files) {
    if (LITTLE_ENDIAN) await add(new Uint8Array(f.annotations.buffer, f.annotations.byteOffset, f.annotations.byteLength));
    else {
      const numbers = new Uint8Array(f.annotations.length * 4);
      const numbersView = new DataView(numbers.buffer);
      for (let i = 0; i < f.annotations.length; i++) numbersView.setInt32(i * 4, f.annotations[i], true);
      await add(numbers);
    }
  }
  for (const f of snapshot.files) await add(f.text.bytes);
  out.push(utf8.encode(hash.digest()));
  return out;
}

/** The parts as one array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** `n` rounded up to a multiple of 4. */
function align4(n: number): number {
  return (n + 3) & ~3;
}

/**
 * The snapshot in `bytes`; throws (one line: why) for bytes that are not a whole snapshot of
 * this format. `pause` is awaited between parts.
 *
 * The files' texts and annotation numbers are views of `bytes`, not copies (the numbers are
 * copied, all in one array, only when `bytes` does not start at a multiple of 4 bytes): a
 * snapshot's memory is one allocation, kept while a file of it is in use, instead of two small
 * ones a file (which the allocator does not give back to the system once they are freed).
 */
export async function readIndexSnapshot(input: Uint8Array, pause?: Pause): Promise<IndexSnapshot> {
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length < 30 || utf8Decoder.decode(bytes.subarray(0, 8)) !== MAGIC) throw new Error('not an index snapshot');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(8, true) !== FORMAT) throw new Error(`index snapshot format ${view.getUint32(8, true)}, not ${FORMAT}`);
  const length = bytes.length - 14;
  const hash = new Hash53();
  for (let i = 0; i < length; i += HASH_SLICE) {
    hash.update(bytes.subarray(i, Math.min(length, i + HASH_SLICE)));
    await pause?.();
  }
  if (utf8Decoder.decode(bytes.subarray(length)) !== hash.digest()) throw new Error('index snapshot cut short or damaged (its hash differs)');
  const headerLength = view.getUint32(12, true);
  if (20 + headerLength > length) throw new Error('index snapshot cut short');
  const tableLength = view.getUint32(16 + headerLength, true);
  if (20 + headerLength + tableLength > length) throw new Error('index snapshot cut short');
  const header = JSON.parse(utf8Decoder.decode(bytes.subarray(16, 16 + headerLength))) as {
    key: string;
    files: Array<[string, number, number, string, number, number, number]>;
  };
  await pause?.();
  const rows = JSON.parse(utf8Decoder.decode(bytes.subarray(20 + headerLength, 20 + headerLength + tableLength))) as AnnotationFields[];
  await pause?.();
  if (typeof header.key !== 'string' || !Array.isArray(rows) || !Array.isArray(header.files)) throw new Error('index snapshot header is not valid');
  const table = await AnnotationTable.from(rows, pause);
  if (table.size !== rows.length) throw new Error('index snapshot table has repeated rows');
  const numbersAt = align4(20 + headerLength + tableLength);
  let numberCount = 0;
  let textBytes = 0;
  for (const [, , , , , textLength, annotationCount] of header.files) {
    if (!(annotationCount >= 0 && annotationCount % 3 === 0 && textLength >= 0)) throw new Error('index snapshot header is not valid');
    numberCount += annotationCount;
    textBytes += textLength;
  }
  if (numbersAt + numberCount * 4 + textBytes !== length) throw new Error(numbersAt + numberCount * 4 + textBytes > length ? 'index snapshot cut short' : 'index snapshot has bytes left over');
  let numbers: Int32Array;
  if (LITTLE_ENDIAN && (bytes.byteOffset + numbersAt) % 4 === 0) numbers = new Int32Array(bytes.buffer, bytes.byteOffset + numbersAt, numberCount);
  else {
    numbers = new Int32Array(numberCount);
    for (let i = 0; i < numberCount; i++) numbers[i] = view.getInt32(numbersAt + i * 4, true);
  }
  for (let j = 2, n = 1; j < numbers.length; j += 3, n++) {
    if (numbers[j] < 0 || numbers[j] >= table.size) throw new Error('index snapshot refers to a missing row');
    if (n % 100_000 === 0) await pause?.();
  }
  let number = 0;
  let at = numbersAt + numberCount * 4;
  const files: SnapshotFile[] = [];
  for (const [uri, size, mtime, fileHash, thai, textLength, annotationCount] of header.files) {
    const annotations = numbers.subarray(number, number + annotationCount);
    number += annotationCount;
    const text = { bytes: bytes.subarray(at, at + textLength), thai: thai === 1 };
    at += textLength;
    files.push({ uri, size, mtime, hash: fileHash, text, annotations });
    if (files.length % 1000 === 0) await pause?.();
  }
  return { key: header.key, table, files };
}
