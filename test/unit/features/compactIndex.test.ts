// The workspace index's compact form and its persisted snapshot (src/features/compactIndex.ts).
import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core';
import {
  AnnotationTable,
  decodeThaiBytes,
  hashText,
  packAnnotations,
  packsTo,
  packText,
  readIndexSnapshot,
  someAnnotation,
  unpackAnnotations,
  unpackText,
  writeIndexSnapshot,
  indexSnapshotParts,
  concatBytes,
  type IndexSnapshot,
} from '../../../src/features/compactIndex';
import { diplomacyAnalyzer } from '../../support/diplomacyAnalyzer';

const TEXT = 'การทูตดิจิทัลกับญี่ปุ่น เมื่อวันที่ 5 มีนาคม 2567 และความมั่นคงทางทะเล\nการทูตดิจิทัลอีกครั้ง ๆ ฯ ๏';

function analysed(text = TEXT): Annotation[] {
  return diplomacyAnalyzer().analyze(text, { referenceDate: '2024-01-01' });
}

function snapshotOf(texts: string[]): IndexSnapshot {
  const table = new AnnotationTable();
  return {
    key: '0.1.0|abc|2024-01-01|1',
    table,
    files: texts.map((text, i) => ({
      uri: `file:///ws/doc${i}.txt`,
      size: text.length * 3,
      mtime: 1_700_000_000_000 + i,
      hash: hashText(text),
      text: packText(text),
      annotations: packAnnotations(table, analysed(text)),
    })),
  };
}

describe('compactIndex', () => {
  it('packs annotations as numbers into one table of their fields and gives them back equal', () => {
    const annotations = analysed();
    assert.deepEqual(new Set(annotations.map((a) => a.kind)), new Set(['term', 'country', 'date']));
    const table = new AnnotationTable();
    const packed = packAnnotations(table, annotations);
    assert.equal(packed.length, annotations.length * 3);
    // the term found twice has one row
    assert.equal(table.size, new Set(annotations.map((a) => JSON.stringify({ ...a, start: 0, end: 0 }))).size);
    assert.ok(table.size < annotations.length);
    assert.deepEqual(unpackAnnotations(table, packed), annotations);
    assert.equal(someAnnotation(table, packed, (a) => a.kind === 'term' && a.theme === 'maritime'), true);
    assert.equal(someAnnotation(table, packed, (a) => a.kind === 'term' && a.theme === 'nothing'), false);
    // the same annotations pack to the same numbers; moved or changed ones do not
    assert.equal(packsTo(table, annotations, packed), true);
    assert.equal(packsTo(table, annotations.slice(1), packed), false);
    assert.equal(packsTo(table, annotations.map((a) => ({ ...a, start: a.start + 1, end: a.end + 1 })), packed), false);
    assert.equal(packsTo(table, annotations.map((a, i) => (i === 0 && a.kind === 'term' ? { ...a, term: 'อื่น' } : a)), packed), annotations[0].kind !== 'term');
  });

  it('keeps Thai and ASCII text at one byte a character, anything else as UTF-8', () => {
    const thai = packText(TEXT);
    assert.equal(thai.thai, true);
    assert.equal(thai.bytes.length, TEXT.length);
    assert.equal(unpackText(thai), TEXT);
    for (const other of ['Thai “quoted” ฿ text', 'emoji 😀 ไทย', 'U+0E3B \u0e3b', '\u00a0nbsp']) {
      const packed = packText(other);
      assert.equal(packed.thai, false, other);
      assert.equal(unpackText(packed), other);
    }
    // without the platform's windows-874 decoder, the same text
    assert.equal(decodeThaiBytes(thai.bytes, undefined), TEXT);
    const long = 'ก'.repeat(100_000);
    assert.equal(unpackText(packText(long)), long);
    assert.equal(unpackText(packText('')), '');
  });

  it('hashes texts: equal texts alike, a changed character differently', () => {
    assert.equal(hashText(TEXT), hashText(TEXT.slice(0)));
    assert.match(hashText(TEXT), /^[0-9a-f]{14}$/);
    assert.notEqual(hashText(TEXT), hashText(TEXT.replace('5', '6')));
    assert.notEqual(hashText('ab'), hashText('ba'));
  });

  it('writes a snapshot and reads it back the same', async () => {
    const snapshot = snapshotOf([TEXT, 'ความมั่นคงทางทะเล “English” 😀', '']);
    let pauses = 0;
    const bytes = await writeIndexSnapshot(snapshot, () => void pauses++);
    assert.ok(pauses >= 3, 'a pause after each file at least');
    const back = await readIndexSnapshot(bytes);
    assert.equal(back.key, snapshot.key);
    assert.deepEqual(back.table.all(), snapshot.table.all());
    assert.equal(back.files.length, 3);
    for (let i = 0; i < 3; i++) {
      const [a, b] = [snapshot.files[i], back.files[i]];
      assert.deepEqual([b.uri, b.size, b.mtime, b.hash, b.text.thai], [a.uri, a.size, a.mtime, a.hash, a.text.thai]);
      assert.equal(unpackText(b.text), unpackText(a.text));
      assert.deepEqual(unpackAnnotations(back.table, b.annotations), unpackAnnotations(snapshot.table, a.annotations));
    }
  });

  it('reads a snapshot from a Node Buffer that shares a larger buffer at an odd offset (as a file read gives it)', async () => {
    const bytes = await writeIndexSnapshot(snapshotOf([TEXT, 'ความมั่นคงทางทะเล']));
    const pool = Buffer.alloc(bytes.length + 7);
    pool.set(bytes, 3);
    const back = await readIndexSnapshot(pool.subarray(3, 3 + bytes.length));
    assert.deepEqual(unpackAnnotations(back.table, back.files[0].annotations), analysed(TEXT));
    assert.equal(unpackText(back.files[1].text), 'ความมั่นคงทางทะเล');
    // the texts are views of the file's bytes; the numbers, not at a multiple of 4 there, one copy for all files
    assert.equal(back.files[0].text.bytes.buffer, pool.buffer);
    assert.notEqual(back.files[0].annotations.buffer, pool.buffer);
    assert.equal(back.files[0].annotations.buffer, back.files[1].annotations.buffer);
  });

  it('reads the texts and numbers of a snapshot at a multiple of 4 bytes as views of its bytes, not copies', async () => {
    const bytes = await writeIndexSnapshot(snapshotOf([TEXT, 'ความมั่นคงทางทะเล']));
    const pool = Buffer.alloc(bytes.length + 8);
    pool.set(bytes, 4);
    const back = await readIndexSnapshot(pool.subarray(4, 4 + bytes.length));
    assert.deepEqual(unpackAnnotations(back.table, back.files[0].annotations), analysed(TEXT));
    for (const f of back.files) {
      assert.equal(f.text.bytes.buffer, pool.buffer);
      assert.equal(f.annotations.buffer, pool.buffer);
    }
  });

  it('gives a snapshot in parts whose files\' bytes are the files\' own (no copy), the same bytes as one array', async () => {
    const snapshot = snapshotOf([TEXT, 'ความมั่นคงทางทะเล']);
    const parts = await indexSnapshotParts(snapshot);
    assert.deepEqual(concatBytes(parts), await writeIndexSnapshot(snapshot));
    for (const f of snapshot.files) {
      assert.ok(parts.includes(f.text.bytes), 'the text bytes themselves');
      assert.ok(parts.some((p) => p.buffer === f.annotations.buffer), 'a view of the numbers');
    }
  });

  it('refuses a snapshot that is cut short, changed, of another format or not one', async () => {
    const bytes = await writeIndexSnapshot(snapshotOf([TEXT, TEXT + 'x']));
    await assert.rejects(readIndexSnapshot(bytes.subarray(0, bytes.length - 100)), /cut short or damaged/);
    const changed = bytes.slice();
    changed[bytes.length - 40] ^= 1;
    await assert.rejects(readIndexSnapshot(changed), /damaged/);
    const format = bytes.slice();
    format[8] = 9;
    await assert.rejects(readIndexSnapshot(format), /format 9, not 2/);
    await assert.rejects(readIndexSnapshot(new TextEncoder().encode('{"files": []} and more text than thirty bytes')), /not an index snapshot/);
    await assert.rejects(readIndexSnapshot(new Uint8Array(0)), /not an index snapshot/);
  });
});
