/**
 * A filter for free-text passage search: each paragraph's character pairs (bigrams), hashed into
 * a 512-bit signature, built once over the corpus texts. A paragraph can contain a needle only if
 * its signature holds every pair of the needle, so the search reads only those paragraphs (a
 * Bloom filter: false positives cost a read, there are no false negatives).
 *
 * Only "plain" code units are paired: the Thai block, which has no case, and printable ASCII
 * (letters folded to lower case). The signature records the pairs of the paragraph's lower-cased
 * text, so it serves both searches Corpus runs: the raw text for a needle without case (Thai,
 * digits) and the lower-cased text for one with case; a needle's pairs with other units (other
 * scripts, combining marks) are not used to filter.
 */

/** 32-bit words in a paragraph's signature (512 bits) */
export const SIGNATURE_WORDS = 16;
const SIGNATURE_BITS = SIGNATURE_WORDS * 32;

const isPlain = (u: number): boolean => (u >= 0x20 && u <= 0x7e) || (u >= 0x0e00 && u <= 0x0e7f);

let firstLower: Uint16Array | undefined;
let lastLower: Uint16Array | undefined;

/**
 * For each UTF-16 code unit, the first and the last unit of its lower case when they are plain
 * (0 when not): İ (U+0130) lowers to `i` and a combining dot, the Kelvin sign to `k`.
 */
function lowerTables(): [Uint16Array, Uint16Array] {
  if (!firstLower || !lastLower) {
    firstLower = new Uint16Array(0x10000);
    lastLower = new Uint16Array(0x10000);
    for (let u = 0; u < 0x10000; u++) {
      const lower = String.fromCharCode(u).toLowerCase();
      const first = lower.charCodeAt(0);
      const last = lower.charCodeAt(lower.length - 1);
      if (isPlain(first)) firstLower[u] = first;
      if (isPlain(last)) lastLower[u] = last;
    }
  }
  return [firstLower, lastLower];
}

const bit = (a: number, b: number): number => Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - Math.log2(SIGNATURE_BITS));

/** The signatures of paragraphs: `spans` holds (document, start, end) triples, `textOf` the documents' texts. */
export function paragraphSignatures(spans: ArrayLike<number>, fields: number, textOf: (doc: number) => string | undefined): Uint32Array {
  const [first, last] = lowerTables();
  const P = spans.length / fields;
  const out = new Uint32Array(P * SIGNATURE_WORDS);
  let doc = -1;
  let text: string | undefined;
  for (let p = 0; p < P; p++) {
    const d = spans[p * fields];
    if (d !== doc) {
      doc = d;
      text = textOf(d);
    }
    const base = p * SIGNATURE_WORDS;
    if (text === undefined) {
      out.fill(0xffffffff, base, base + SIGNATURE_WORDS); // unknown: may hold anything
      continue;
    }
    const end = spans[p * fields + 2];
    let prev = 0;
    for (let i = spans[p * fields + 1]; i < end; i++) {
      const u = text.charCodeAt(i);
      const f = first[u];
      if (prev && f) {
        const b = bit(prev, f);
        out[base + (b >>> 5)] |= 1 << (b & 31);
      }
      prev = last[u];
    }
  }
  return out;
}

/** The bits a needle needs (searched as Corpus searches it: lower-cased when it has case); empty when it cannot filter. */
export function needleBits(given: string): Array<[word: number, mask: number]> {
  const needle = given.toLowerCase() !== given.toUpperCase() ? given.toLowerCase() : given;
  const masks = new Map<number, number>();
  for (let i = 1; i < needle.length; i++) {
    const a = needle.charCodeAt(i - 1);
    const b = needle.charCodeAt(i);
    if (!isPlain(a) || !isPlain(b)) continue;
    const x = bit(a, b);
    masks.set(x >>> 5, (masks.get(x >>> 5) ?? 0) | (1 << (x & 31)));
  }
  return [...masks];
}

/** Whether paragraph `p`'s signature holds all of `bits`. */
export function mayContain(signatures: Uint32Array, p: number, bits: ReadonlyArray<[number, number]>): boolean {
  const base = p * SIGNATURE_WORDS;
  for (const [word, mask] of bits) if ((signatures[base + word] & mask) !== mask) return false;
  return true;
}
