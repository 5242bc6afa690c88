import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { latinCaseOf, Matcher, WordEdges } from '../../../../src/core/recognize/matcher';
import { FOLD, isIgnorable, normalize, normalizeTerm, originalEnd } from '../../../../src/core/text/normalize';
import type { MatcherOptions, MatcherPattern, MatchTarget } from '../../../../src/core/recognize/matcher';

const anywhere: MatcherOptions = { countryContext: () => true };

function term(text: string, options: { theme?: string; canonical?: string; wholeWord?: boolean } = {}): MatcherPattern {
  const target: MatchTarget = { kind: 'term', theme: options.theme ?? 'theme', term: options.canonical ?? text, wholeWord: options.wholeWord ?? false };
  return { text, target };
}

function country(text: string, code: string): MatcherPattern {
  return { text, target: { kind: 'country', country: code } };
}

/** Matches as [start, end, text, term-or-country] tuples. */
function spans(patterns: MatcherPattern[], text: string, options: MatcherOptions = anywhere): Array<[number, number, string, string]> {
  return Matcher.build(patterns, options)
    .find(text)
    .map((a) => [a.start, a.end, a.text, a.kind === 'term' ? a.term : a.country]);
}

describe('Matcher', () => {
  it('prefers the longest term where two start at the same place', () => {
    const patterns = [term('อาวุธนิวเคลียร์'), term('การไม่แพร่ขยายอาวุธนิวเคลียร์')];
    assert.deepEqual(spans(patterns, 'สนับสนุนการไม่แพร่ขยายอาวุธนิวเคลียร์และอาวุธนิวเคลียร์'), [
      [8, 37, 'การไม่แพร่ขยายอาวุธนิวเคลียร์', 'การไม่แพร่ขยายอาวุธนิวเคลียร์'],
      [40, 55, 'อาวุธนิวเคลียร์', 'อาวุธนิวเคลียร์'],
    ]);
  });

  it('prefers the leftmost match, even when a later one is longer', () => {
    assert.deepEqual(spans([term('ค้าเสรี'), term('การค้า')], 'การค้าเสรี'), [[0, 6, 'การค้า', 'การค้า']]);
    assert.deepEqual(spans([term('ab'), term('c'), term('xabcd')], 'xabcd'), [[0, 5, 'xabcd', 'xabcd']]);
  });

  it('never overlaps matches, and finds adjacent ones', () => {
    assert.deepEqual(spans([term('ไทย')], 'ไทยไทย'), [
      [0, 3, 'ไทย', 'ไทย'],
      [3, 6, 'ไทย', 'ไทย'],
    ]);
    assert.deepEqual(spans([term('กขก')], 'กขกขก'), [[0, 3, 'กขก', 'กขก']]);
  });

  it('reports the canonical term for an alias', () => {
    const patterns = [term('NPT', { canonical: 'การไม่แพร่ขยายอาวุธนิวเคลียร์', theme: 'nuclear' })];
    const [a] = Matcher.build(patterns, anywhere).find('สนธิสัญญา NPT');
    assert.deepEqual(a, { kind: 'term', start: 10, end: 13, text: 'NPT', theme: 'nuclear', term: 'การไม่แพร่ขยายอาวุธนิวเคลียร์' });
  });

  it('matches Latin terms case-insensitively and only at word boundaries', () => {
    assert.deepEqual(spans([term('ASEAN')], 'ประชุมASEANและ ASEANs asean-wide'), [
      [6, 11, 'ASEAN', 'ASEAN'],
      [22, 27, 'asean', 'ASEAN'],
    ]);
    assert.deepEqual(spans([term('G20')], 'G200 g20 xG20'), [[5, 8, 'g20', 'G20']]);
    assert.deepEqual(spans([term('digital diplomacy')], 'Digital\n  Diplomacy'), [[0, 19, 'Digital\n  Diplomacy', 'digital diplomacy']]);
  });

  it('matches Thai terms anywhere unless whole_word is true', () => {
    const text = 'ดื่มน้ำเย็น น้ำมันแพง';
    assert.deepEqual(spans([term('น้ำ')], text), [
      [4, 7, 'น้ำ', 'น้ำ'],
      [12, 15, 'น้ำ', 'น้ำ'],
    ]);
    assert.deepEqual(spans([term('น้ำ', { wholeWord: true })], text), [[4, 7, 'น้ำ', 'น้ำ']]);
  });

  it('falls back to a shorter term where a whole_word term is not on word edges', () => {
    const patterns = [term('ไทย', { wholeWord: true }), term('ไท')];
    assert.deepEqual(spans(patterns, 'คนไทย'), [[2, 5, 'ไทย', 'ไทย']]);
    assert.deepEqual(spans(patterns, 'ไทยรัฐ'), [[0, 2, 'ไท', 'ไท']]); // one word: ไทยรัฐ
  });

  it('segments the text once for every whole_word candidate, in linear time (issue 9, item 11)', () => {
    const matcher = Matcher.build([term('ก', { wholeWord: true }), term('สหรัฐ', { wholeWord: true, canonical: 'US' })], anywhere);
    const time = (text: string): number => {
      const started = process.hrtime.bigint();
      matcher.find(text);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    time('ก'.repeat(10000));
    const small = time('ก'.repeat(20000));
    const large = time('ก'.repeat(200000)); // 200,000 candidates: 4 s before, each segmented on its own
    assert.ok(large < 2000 && large < Math.max(small, 5) * 30, `20,000 ก: ${small.toFixed(0)} ms, 200,000: ${large.toFixed(0)} ms`);
    // the same edges as the segmenter gives a window of 20 characters around each span
    const text = fs.readFileSync(path.join(__dirname, '../../../../../samples', fs.readdirSync(path.join(__dirname, '../../../../../samples')).find((f) => f.endsWith('.txt'))!), 'utf8');
    const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
    const windowed = (start: number, end: number): boolean => {
      const from = Math.max(0, start - 20);
      const to = Math.min(text.length, end + 20);
      const edges = new Set<number>([to]);
      for (const seg of segmenter.segment(text.slice(from, to))) edges.add(from + seg.index);
      return edges.has(start) && (edges.has(end) || (end > start + 1 && text.charCodeAt(end - 1) === 0x0e2f && edges.has(end - 1)));
    };
    const edges = new WordEdges(text);
    let differ = 0;
    for (let start = 0; start + 4 <= text.length; start += 3) if (edges.spanOnEdges(start, start + 4) !== windowed(start, start + 4)) differ++;
    assert.ok(differ <= Math.ceil(text.length / 3 / 200), `${differ} of ${Math.floor(text.length / 3)} spans differ`);
  });

  it('treats Thai digits and ASCII digits alike', () => {
    assert.deepEqual(spans([term('ประชาคมอาเซียน 2025')], 'ประชาคมอาเซียน ๒๐๒๕'), [[0, 19, 'ประชาคมอาเซียน ๒๐๒๕', 'ประชาคมอาเซียน 2025']]);
    assert.deepEqual(spans([term('วิสัยทัศน์ ๒๐๓๐')], 'วิสัยทัศน์ 2030'), [[0, 15, 'วิสัยทัศน์ 2030', 'วิสัยทัศน์ ๒๐๓๐']]);
  });

  it('treats ำ and ํา alike, in text and in terms', () => {
    assert.deepEqual(spans([term('การนำเข้า')], 'การนําเข้าสินค้า'), [[0, 10, 'การนําเข้า', 'การนำเข้า']]);
    assert.deepEqual(spans([term('การนําเข้า')], 'การนำเข้าสินค้า'), [[0, 9, 'การนำเข้า', 'การนําเข้า']]);
  });

  it('treats ำ and ํา alike with a tone mark, in either order', () => {
    assert.deepEqual(spans([term('น้ำท่วม')], 'นํ้าท่วม'), [[0, 8, 'นํ้าท่วม', 'น้ำท่วม']]);
    assert.deepEqual(spans([term('น้ำท่วม')], 'น้ําท่วม'), [[0, 8, 'น้ําท่วม', 'น้ำท่วม']]);
    assert.deepEqual(spans([term('น้ำ')], 'ภัยนํ้าท่วม'), [[3, 7, 'นํ้า', 'น้ำ']]);
    assert.deepEqual(spans([term('ท่วม')], 'นํ้าท่วม'), [[4, 8, 'ท่วม', 'ท่วม']]);
  });

  it('ignores zero-width characters inside a term', () => {
    assert.deepEqual(spans([term('การทูตดิจิทัล')], 'การทูต\u200Bดิจิทัล'), [[0, 14, 'การทูต\u200Bดิจิทัล', 'การทูตดิจิทัล']]);
    assert.deepEqual(spans([term('การทูตดิจิทัล')], '\u200Bการทูตดิจิทัล\u200B'), [[1, 14, 'การทูตดิจิทัล', 'การทูตดิจิทัล']]);
  });

  it('finds สหรัฐ and สหรัฐฯ either way, keeping the ฯ in the span', () => {
    const text = 'สหรัฐฯ และสหรัฐอเมริกา';
    assert.deepEqual(spans([country('สหรัฐ', 'US'), country('สหรัฐอเมริกา', 'US')], text), [
      [0, 6, 'สหรัฐฯ', 'US'],
      [10, 22, 'สหรัฐอเมริกา', 'US'],
    ]);
    assert.deepEqual(spans([country('สหรัฐฯ', 'US')], text), [
      [0, 6, 'สหรัฐฯ', 'US'],
      [10, 15, 'สหรัฐ', 'US'],
    ]);
  });

  it('does not take ฯลฯ into a span', () => {
    assert.deepEqual(spans([term('ผลไม้')], 'ผลไม้ฯลฯ'), [[0, 5, 'ผลไม้', 'ผลไม้']]);
  });

  it('lets a shorter or later name match where the country context rejects a longer one', () => {
    const rejectLong = (text: string, start: number, end: number): boolean => end - start < 9;
    assert.deepEqual(spans([country('สาธารณรัฐจีน', 'TW'), country('จีน', 'CN')], 'สาธารณรัฐจีน', { countryContext: rejectLong }), [[9, 12, 'จีน', 'CN']]);
    assert.deepEqual(spans([country('เกาหลีใต้', 'KR'), country('เกาหลี', 'KP')], 'เกาหลีใต้', { countryContext: rejectLong }), [[0, 6, 'เกาหลี', 'KP']]);
  });

  it('gives a country the role its context reads, on the fast path and on the one with several targets', () => {
    const role = (text: string, start: number): boolean | 'people' => (text.slice(start - 3, start) === 'ชาว' ? 'people' : true);
    const found = Matcher.build([country('เกาหลี', 'KR')], { countryContext: role }).find('ชาวเกาหลีและเกาหลี');
    assert.deepEqual(found, [
      { kind: 'country', start: 3, end: 9, text: 'เกาหลี', country: 'KR', role: 'people' },
      { kind: 'country', start: 12, end: 18, text: 'เกาหลี', country: 'KR' },
    ]);
    const shared = Matcher.build([term('เกาหลี', { wholeWord: true }), country('เกาหลี', 'KR')], { countryContext: role }).find('ชาวเกาหลีใต้');
    assert.deepEqual(shared, [{ kind: 'country', start: 3, end: 9, text: 'เกาหลี', country: 'KR', role: 'people' }]);
  });

  it('keeps a term with an exact case to the matches written so, and tries the next target of the same text', () => {
    const who = (exactCase?: string): MatcherPattern => ({ text: exactCase ?? 'who', target: { kind: 'term', theme: exactCase ? 'org' : 'word', term: exactCase ?? 'who', wholeWord: false, exactCase } });
    assert.deepEqual(spans([who('WHO')], 'who WHO Who'), [[4, 7, 'WHO', 'WHO']]);
    assert.deepEqual(spans([who('WHO'), who()], 'who WHO'), [
      [0, 3, 'who', 'who'],
      [4, 7, 'WHO', 'WHO'],
    ]);
  });

  it('says which Latin letters a form must be matched with', () => {
    assert.equal(latinCaseOf('WHO'), 'WHO');
    assert.equal(latinCaseOf('COVID-19'), 'COVID');
    assert.equal(latinCaseOf('ศูนย์ AHA'), 'AHA');
    assert.equal(latinCaseOf('SMEs'), undefined);
    assert.equal(latinCaseOf('G7'), undefined);
    assert.equal(latinCaseOf('Digital Diplomacy'), undefined);
    assert.equal(latinCaseOf('การทูต'), undefined);
    assert.equal(latinCaseOf('WHO', false), undefined);
    assert.equal(latinCaseOf('Rust', true), 'Rust');
    assert.equal(latinCaseOf('การทูต', true), undefined);
  });

  it('gives the country context the original text and offsets', () => {
    const seen: Array<[string, number, number]> = [];
    const record = (text: string, start: number, end: number): boolean => {
      seen.push([text.slice(start, end), start, end]);
      return true;
    };
    spans([country('จีน', 'CN')], 'ทะเล\u200Bจีนใต้', { countryContext: record });
    assert.deepEqual(seen, [['จีน', 5, 8]]);
  });

  it('tries a glossary term before a country of the same text, and falls back to it', () => {
    const patterns = [term('จีน', { theme: 'china' }), country('จีน', 'CN')];
    assert.deepEqual(spans(patterns, 'จีน'), [[0, 3, 'จีน', 'จีน']]);
    const wholeWord = [term('จีน', { theme: 'china', wholeWord: true }), country('จีน', 'CN')];
    assert.deepEqual(spans(wholeWord, 'ชาวจีนฮ่อ'), [[3, 6, 'จีน', 'จีน']]);
    const thai = [term('ไทย', { theme: 'thai', wholeWord: true }), country('ไทย', 'TH')];
    assert.deepEqual(spans(thai, 'ไทยรัฐ'), [[0, 3, 'ไทย', 'TH']]);
  });

  it('skips patterns that normalize to nothing and works with no patterns', () => {
    assert.deepEqual(spans([term('\u200B'), term(' ')], 'ไทย'), []);
    assert.deepEqual(spans([], 'ไทย'), []);
    assert.deepEqual(spans([term('ไทย')], ''), []);
    assert.equal(Matcher.build([term('ไทย'), term('ไทย')], anywhere).patternCount, 1);
  });

  it('agrees with a brute-force leftmost-longest search on random Thai text', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const letters = 'กขค';
    const word = (min: number, max: number): string => {
      let s = '';
      const length = min + random(max - min + 1);
      for (let i = 0; i < length; i++) s += letters[random(letters.length)];
      return s;
    };
    for (let round = 0; round < 50; round++) {
      const words = [...new Set(Array.from({ length: 1 + random(12) }, () => word(1, 5)))];
      const text = word(0, 120);
      const expected: Array<[number, number]> = [];
      for (let at = 0; at < text.length; ) {
        let best = 0;
        for (const w of words) if (w.length > best && text.startsWith(w, at)) best = w.length;
        if (best) {
          expected.push([at, at + best]);
          at += best;
        } else at++;
      }
      const actual = spans(words.map((w) => term(w)), text).map(([s, e]) => [s, e]);
      assert.deepEqual(actual, expected, `words ${words.join(',')} text ${text}`);
    }
  });

  it('normalizes while it scans exactly as normalize() does (random texts full of special characters)', () => {
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['ก', 'ข', 'า', 'ํ', '่', '้', 'ำ', ' ', '  ', '\n', '\u00A0', '\u200B', '\u00AD', 'ฯ', 'ล', 'ฯลฯ', 'A', 'a', 'b', '๑', '1', '-'];
    const isWord = (c: number): boolean => /[a-z0-9\u00C0-\u024F]/.test(String.fromCharCode(FOLD[c] ?? c));
    /** the Latin rule of the matcher, on the original text */
    const latinOk = (text: string, start: number, end: number, key: string): boolean => {
      let p = start - 1;
      while (p >= 0 && isIgnorable(text.charCodeAt(p))) p--;
      if (isWord(key.charCodeAt(0)) && p >= 0 && isWord(text.charCodeAt(p))) return false;
      p = end;
      while (p < text.length && isIgnorable(text.charCodeAt(p))) p++;
      if (isWord(key.charCodeAt(key.length - 1)) && p < text.length && isWord(text.charCodeAt(p))) return false;
      return true;
    };
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let n = random(40); n > 0; n--) text += pieces[random(pieces.length)];
      const norm = normalize(text);
      const words = new Set<string>();
      for (let n = 1 + random(6); n > 0; n--) {
        const from = random(norm.text.length + 1);
        words.add(norm.text.slice(from, from + 1 + random(4)));
      }
      for (let n = random(3); n > 0; n--) words.add(pieces[random(pieces.length)] + pieces[random(pieces.length)]);
      const keys = [...words].map((w) => normalizeTerm(w)).filter((k) => k !== '');
      const expected: Array<[number, number]> = [];
      for (let at = 0; at < norm.text.length; ) {
        const here = keys.filter((k) => norm.text.startsWith(k, at)).sort((x, y) => y.length - x.length);
        const ok = here.find((k) => latinOk(text, norm.map[at], originalEnd(text, norm.map, at + k.length), k));
        if (ok) {
          expected.push([norm.map[at], originalEnd(text, norm.map, at + ok.length)]);
          at += ok.length;
        } else at++;
      }
      const actual = spans([...words].map((w) => term(w)), text).map(([s, e]) => [s, e]);
      assert.deepEqual(actual, expected, `text ${JSON.stringify(text)} words ${JSON.stringify([...words])}`);
    }
  });

  it('reports where marker words start, from the same pass, without making them annotations', () => {
    const matcher = Matcher.build([term('ไทย'), term('ปีใหม่')], { ...anywhere, markers: ['ปี', '1', 'jan', 'ไทย'] });
    assert.equal(matcher.patternCount, 2);
    const text = '๑ Jan ไทยปีใหม่ 1';
    const { annotations, markers } = matcher.findWithMarkers(text);
    assert.deepEqual([...markers], [0, 2, 6, 9, 16]);
    assert.deepEqual(
      annotations.map((a) => [a.start, a.end, a.text]),
      [
        [6, 9, 'ไทย'],
        [9, 15, 'ปีใหม่'],
      ],
    );
    assert.deepEqual(matcher.find(text), annotations);
    assert.deepEqual([...Matcher.build([], { markers: ['ปี'] }).findWithMarkers('').markers], []);
  });

  it('merges other annotations into the result by start, after a match with the same start', () => {
    const matcher = Matcher.build([term('ไทย'), term('จีน')], anywhere);
    const text = 'ไทยกับจีน';
    const merged = matcher.findMerged(text, () => [
      { kind: 'other', start: 0 },
      { kind: 'other', start: 4 },
      { kind: 'other', start: 20 },
    ]);
    assert.deepEqual(
      merged.map((a) => [a.kind, a.start]),
      [
        ['term', 0],
        ['other', 0],
        ['other', 4],
        ['term', 6],
        ['other', 20],
      ],
    );
    assert.deepEqual(matcher.findMerged('', () => [{ kind: 'other', start: 0 }]), [{ kind: 'other', start: 0 }]);
  });

  it('reads a term written with ํา at the very start or end of the text, and next to another ํ', () => {
    const patterns = [term('น้ำท่วม'), term('ทำ')];
    assert.deepEqual(spans(patterns, 'น\u0e4d\u0e49าท่วม'), [[0, 8, 'น\u0e4d\u0e49าท่วม', 'น้ำท่วม']]);
    assert.deepEqual(spans(patterns, 'ให้ท\u0e4dา'), [[3, 6, 'ท\u0e4dา', 'ทำ']]);
    assert.deepEqual(spans(patterns, 'ท\u0e4dาน้\u0e4dาท่วม\u0e4d'), [
      [0, 3, 'ท\u0e4dา', 'ทำ'],
      [3, 11, 'น้\u0e4dาท่วม', 'น้ำท่วม'],
    ]);
  });

  it('works with an alphabet of more classes than a row of 128 entries holds', () => {
    const patterns: MatcherPattern[] = [];
    for (let i = 0; i < 300; i++) patterns.push(term(String.fromCharCode(0x4e00 + i) + 'ก'));
    const text = String.fromCharCode(0x4e00 + 7) + 'ก' + String.fromCharCode(0x4e00 + 299) + 'ก';
    assert.deepEqual(
      spans(patterns, text).map(([start, end]) => [start, end]),
      [
        [0, 2],
        [2, 4],
      ],
    );
  });

  it('builds a 50,000-term automaton in reasonable time and stays compact', function () {
    this.timeout(60000);
    const consonants = 'กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ';
    const vowels = ['า', 'ิ', 'ี', 'ุ', 'ู', 'ะ', 'ำ'];
    const patterns: MatcherPattern[] = [];
    for (let i = 0; patterns.length < 50000; i++) {
      let s = '';
      for (let n = i; n > 0 || s.length === 0; n = Math.floor(n / 30)) s += consonants[n % 30] + vowels[n % 7];
      patterns.push(term(`${s}นโยบาย`));
    }
    const started = Date.now();
    const matcher = Matcher.build(patterns, anywhere);
    const took = Date.now() - started;
    assert.equal(matcher.patternCount, 50000);
    assert.ok(took < 20000, `build took ${took} ms`);
    // about 40 bytes a node, plus the fixed tables (64K classes, 1 MB of hot rows)
    assert.ok(matcher.byteSize < 40 * matcher.nodeCount + 4_000_000, `${matcher.byteSize} bytes for ${matcher.nodeCount} nodes`);
    const [found] = matcher.find(`ว่าด้วย${patterns[1234].text}ของรัฐ`);
    assert.equal(found.kind === 'term' && found.term, patterns[1234].text);
  });
});

describe('Matcher.toBytes and fromBytes', () => {
  const patterns: MatcherPattern[] = [
    term('การค้าเสรี', { theme: 'trade' }),
    { text: 'AI', target: { kind: 'term', theme: 'ai', term: 'AI', wholeWord: false, exactCase: 'AI' } },
    term('ไซเบอร์', { theme: 'cyber', wholeWord: true }),
    { text: 'ไทย', target: { kind: 'country', country: 'TH' } },
    { text: 'จีน', target: { kind: 'country', country: 'CN' } },
  ];
  const text = 'ไทยกับจีน การค้าเสรี AI ai ความมั่นคงไซเบอร์ ไซเบอร์ ๑๒ วันที่ 5';

  it('reads back a matcher that finds the same, with the same markers', () => {
    const built = Matcher.build(patterns, { markers: ['วันที่'] });
    const bytes = built.toBytes();
    assert.equal(bytes.length % 8, 0);
    const read = Matcher.fromBytes(bytes);
    assert.ok(read);
    assert.deepEqual(read.findWithMarkers(text), built.findWithMarkers(text));
    assert.equal(read.patternCount, built.patternCount);
    assert.equal(read.nodeCount, built.nodeCount);
    // at an offset that is not a multiple of 8 (a Buffer from a pool)
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    assert.deepEqual(Matcher.fromBytes(shifted.subarray(3))?.find(text), built.find(text));
  });

  it('refuses bytes that are not a whole matcher of this format', () => {
    const bytes = Matcher.build(patterns).toBytes();
    const flipped = bytes.slice();
    flipped[0] ^= 1;
    const longer = new Uint8Array(bytes.length + 8);
    longer.set(bytes);
    for (const bad of [new Uint8Array(0), bytes.subarray(0, 7), bytes.subarray(0, bytes.length - 8), flipped, longer, new TextEncoder().encode('not a matcher at all')]) {
      assert.equal(Matcher.fromBytes(bad), undefined);
    }
  });
});
