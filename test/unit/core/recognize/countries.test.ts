import { strict as assert } from 'node:assert';
import { COUNTRIES, countryByCode, countryNames, flagEmoji, isCountryContext, readCountryAt } from '../../../../src/core/recognize/countries';
import { analyze } from '../../../../src/core/recognize/analyze';

/** The code a surface form stands for, from countryNames(). */
function codeOf(name: string): string | undefined {
  return countryNames().find((n) => n.name === name)?.code;
}

/** What the matcher's normalization makes of a name (enough to compare names). */
function normalized(name: string): string {
  return name.replace(/ฯ/g, '').replace(/\u0e4d\u0e32/g, '\u0e33').replace(/\s+/g, ' ').toLowerCase();
}

/**
 * isCountryContext for the `nth` occurrence of `name` in `text` (the span a matcher would
 * give it).
 */
function contextOf(text: string, name: string, nth = 0): boolean {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(name, at + 1);
    assert.ok(at >= 0, `"${name}" not in "${text}"`);
  }
  return isCountryContext(text, at, at + name.length);
}

/** readCountryAt for the `nth` occurrence of `name` in `text`. */
function readingOf(text: string, name: string, nth = 0): ReturnType<typeof readCountryAt> {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(name, at + 1);
    assert.ok(at >= 0, `"${name}" not in "${text}"`);
  }
  return readCountryAt(text, at, at + name.length);
}

/** The countries `analyze` finds in `text`: [text, code, role]. */
function countriesIn(text: string): Array<[string, string, string | undefined]> {
  return analyze(text, undefined, { kinds: ['country'] }).flatMap((a) => (a.kind === 'country' ? [[a.text, a.country, a.role] as [string, string, string | undefined]] : []));
}

describe('country gazetteer data', () => {
  it('holds the 249 ISO 3166-1 entries and the 4 historical states', () => {
    assert.equal(COUNTRIES.length, 253);
    assert.deepEqual(
      COUNTRIES.filter((c) => c.historical).map((c) => c.code),
      ['CS', 'DD', 'SU', 'YU'],
    );
  });

  it('gives every entry a unique two-letter code and Thai short, Thai formal and English names', () => {
    const codes = new Set<string>();
    for (const c of COUNTRIES) {
      assert.match(c.code, /^[A-Z]{2}$/, c.code);
      assert.ok(!codes.has(c.code), `duplicate code ${c.code}`);
      codes.add(c.code);
      assert.match(c.nameTh, /[\u0e00-\u0e7f]/, `${c.code} nameTh`);
      assert.match(c.formalTh, /[\u0e00-\u0e7f]/, `${c.code} formalTh`);
      assert.match(c.nameEn, /^\p{Lu}/u, `${c.code} nameEn`);
      assert.ok(Array.isArray(c.aliases), `${c.code} aliases`);
    }
  });

  it('never gives one surface form to two countries, even after normalization', () => {
    const owner = new Map<string, string>();
    for (const { name, code } of countryNames()) {
      const key = normalized(name);
      const other = owner.get(key);
      assert.ok(other === undefined || other === code, `"${name}" is both ${other} and ${code}`);
      owner.set(key, code);
    }
    assert.ok(owner.size > 1000, `only ${owner.size} distinct forms`);
  });

  it('has the Thai formal names in the Royal Institute style', () => {
    const formal = (code: string) => countryByCode(code)?.formalTh;
    assert.equal(formal('TH'), 'ราชอาณาจักรไทย');
    assert.equal(formal('ID'), 'สาธารณรัฐอินโดนีเซีย');
    assert.equal(formal('AU'), 'เครือรัฐออสเตรเลีย');
    assert.equal(formal('CN'), 'สาธารณรัฐประชาชนจีน');
    assert.equal(formal('US'), 'สหรัฐอเมริกา');
    assert.equal(formal('KH'), 'ราชอาณาจักรกัมพูชา');
    assert.equal(formal('VN'), 'สาธารณรัฐสังคมนิยมเวียดนาม');
    assert.equal(formal('LA'), 'สาธารณรัฐประชาธิปไตยประชาชนลาว');
    assert.equal(formal('MM'), 'สาธารณรัฐแห่งสหภาพเมียนมา');
    assert.equal(formal('KR'), 'สาธารณรัฐเกาหลี');
    assert.equal(formal('KP'), 'สาธารณรัฐประชาธิปไตยประชาชนเกาหลี');
    assert.equal(formal('GB'), 'สหราชอาณาจักรบริเตนใหญ่และไอร์แลนด์เหนือ');
    assert.equal(formal('CH'), 'สมาพันธรัฐสวิส');
    assert.equal(formal('BN'), 'เนการาบรูไนดารุสซาลาม');
    assert.equal(formal('TL'), 'สาธารณรัฐประชาธิปไตยติมอร์-เลสเต');
    assert.equal(formal('NP'), 'สหพันธ์สาธารณรัฐประชาธิปไตยเนปาล');
  });

  it('has the Thai short names and the common forms', () => {
    assert.equal(countryByCode('MM')?.nameTh, 'เมียนมา');
    assert.ok(countryByCode('MM')?.aliases.includes('พม่า'));
    const forms: Array<[string, string]> = [
      ['ไทย', 'TH'],
      ['ประเทศไทย', 'TH'],
      ['ประเทศจีน', 'CN'],
      ['สหรัฐฯ', 'US'],
      ['สหรัฐ', 'US'],
      ['ประเทศสหรัฐอเมริกา', 'US'],
      ['สปป.ลาว', 'LA'],
      ['สปป. ลาว', 'LA'],
      ['ยูเออี', 'AE'],
      ['สหราชอาณาจักร', 'GB'],
      ['อังกฤษ', 'GB'],
      ['เกาหลีใต้', 'KR'],
      ['เกาหลีเหนือ', 'KP'],
      ['เมียนมาร์', 'MM'],
      ['จีนไทเป', 'TW'],
      ['ติมอร์-เลสเต', 'TL'],
      ['ทูร์เคีย', 'TR'],
      ['ตุรกี', 'TR'],
    ];
    for (const [name, code] of forms) assert.equal(codeOf(name), code, name);
  });

  it('marks colloquial forms as informal and a small list of frequent misspellings as such', () => {
    assert.deepEqual(countryByCode('ID')?.informal, ['อินโด', 'อินโดฯ']);
    assert.ok(countryByCode('SG')?.misspellings?.includes('สิงค์โปร์'));
    for (const c of COUNTRIES) {
      for (const f of [...(c.informal ?? []), ...(c.misspellings ?? [])]) {
        assert.ok(!c.aliases.includes(f), `${c.code}: ${f} is also an alias`);
        assert.equal(codeOf(f), c.code, f);
      }
    }
    const misspelt = COUNTRIES.flatMap((c) => c.misspellings ?? []);
    assert.ok(misspelt.length >= 10 && misspelt.length <= 20, `a small list: ${misspelt.length}`);
    assert.deepEqual(countriesIn('นักท่องเที่ยวจากอินโดและอินโดฯ แวะสิงค์โปร์'), [
      ['อินโด', 'ID', undefined],
      ['อินโดฯ', 'ID', undefined],
      ['สิงค์โปร์', 'SG', undefined],
    ]);
  });

  it('reads อินโด as Indonesia, not inside อินโดจีน, the Indo-Pacific or a longer word', () => {
    assert.deepEqual(countriesIn('สงครามอินโดจีน'), []);
    assert.deepEqual(countriesIn('ยุทธศาสตร์อินโด-แปซิฟิก และกรอบอินโดแปซิฟิก'), []);
    assert.deepEqual(countriesIn('สนามอินโดร์สเตเดียม'), []);
    assert.deepEqual(countriesIn('ทีมชาติอินโดชนะ'), [['อินโด', 'ID', undefined]]);
  });

  it('has the formal names that contain another country\'s name, whole', () => {
    assert.deepEqual(countriesIn('สหรัฐเม็กซิโก'), [['สหรัฐเม็กซิโก', 'MX', undefined]]);
    assert.deepEqual(countriesIn('ประเทศสหรัฐเม็กซิโก'), [['ประเทศสหรัฐเม็กซิโก', 'MX', undefined]]);
    assert.deepEqual(countriesIn('สหรัฐไมโครนีเซีย'), [['สหรัฐไมโครนีเซีย', 'FM', undefined]]);
    assert.deepEqual(countriesIn('สาธารณรัฐจีน (ไต้หวัน)'), [['สาธารณรัฐจีน', 'TW', undefined], ['ไต้หวัน', 'TW', undefined]]);
    assert.deepEqual(countriesIn('หมู่เกาะอินเดียตะวันตก'), []);
    // every gazetteer form that contains another country's form is read whole, as its own country
    const forms = countryNames();
    for (const { name, code } of forms) {
      if (!forms.some((o) => o.code !== code && o.name !== name && name.includes(o.name))) continue;
      for (const text of [name, `ผู้แทน${name} กล่าว`]) assert.deepEqual(countriesIn(text).map(([t, c]) => [t, c]), [[name, code]], text);
    }
  });

  it('has the English short and formal names, but no form that is a common word', () => {
    const forms: Array<[string, string]> = [
      ['Thailand', 'TH'],
      ['Kingdom of Thailand', 'TH'],
      ['United States of America', 'US'],
      ['USA', 'US'],
      ['Viet Nam', 'VN'],
      ['Lao PDR', 'LA'],
      ['Burma', 'MM'],
      ['Republic of Korea', 'KR'],
      ["People's Republic of China", 'CN'],
    ];
    for (const [name, code] of forms) assert.equal(codeOf(name), code, name);
    for (const word of ['US', 'us', 'America', 'Man']) assert.equal(codeOf(word), undefined, word);
  });

  it('has the historical states with their former names', () => {
    const su = countryByCode('SU');
    assert.equal(su?.nameTh, 'สหภาพโซเวียต');
    assert.equal(su?.formalEn, 'Union of Soviet Socialist Republics');
    assert.equal(su?.historical, true);
    assert.equal(codeOf('ยูโกสลาเวีย'), 'YU');
    assert.equal(codeOf('เชโกสโลวาเกีย'), 'CS');
    assert.equal(codeOf('Czechoslovakia'), 'CS');
    assert.equal(codeOf('เยอรมนีตะวันออก'), 'DD');
    assert.equal(codeOf('German Democratic Republic'), 'DD');
    assert.equal(countryByCode('DE')?.historical, undefined);
  });

  it('finds a country by code in any case', () => {
    assert.equal(countryByCode('th')?.nameEn, 'Thailand');
    assert.equal(countryByCode('TH')?.alpha3, 'THA');
    assert.equal(countryByCode('XX'), undefined);
  });

  it('gives a fresh list of names each time', () => {
    const names = countryNames();
    const length = names.length;
    names.length = 0;
    assert.equal(countryNames().length, length);
  });

  it('makes flag emoji for current countries only', () => {
    assert.equal(flagEmoji('TH'), '\u{1f1f9}\u{1f1ed}');
    assert.equal(flagEmoji('jp'), '\u{1f1ef}\u{1f1f5}');
    assert.equal(flagEmoji('SU'), '');
    assert.equal(flagEmoji('XX'), '');
  });
});

describe('readCountryAt: the role of a country named inside something else', () => {
  it('reads a country inside an organisation\'s name as role organization', () => {
    const bank = 'ธนาคารแห่งประเทศไทยประกาศอัตราดอกเบี้ย';
    assert.equal(readingOf(bank, 'ประเทศไทย'), 'organization');
    assert.equal(readingOf(bank, 'ไทย'), 'organization');
    assert.equal(readingOf('สถาบันวิจัยเศรษฐกิจของญี่ปุ่นคาดการณ์', 'ญี่ปุ่น'), 'organization');
    assert.equal(readingOf('สถานเอกอัครราชทูตเยอรมนีประจำประเทศไทย', 'เยอรมนี'), 'organization');
    assert.equal(readingOf('นายกสมาคมผู้ส่งออกข้าวไทย กล่าวว่า', 'ไทย'), 'organization');
    assert.equal(readingOf('นายกสมาคมอุตสาหกรรมเยื่อและกระดาษไทย กล่าวว่า', 'ไทย'), 'organization');
    assert.equal(readingOf('มหาวิทยาลัยแห่งชาติสิงคโปร์เปิดหลักสูตรใหม่', 'สิงคโปร์'), 'organization');
    const company = 'บริษัท ตัวอย่างซอฟต์แวร์ (ประเทศไทย) จำกัด เปิดสาขาใหม่';
    assert.equal(readingOf(company, 'ประเทศไทย'), 'organization');
    assert.equal(readingOf(company, 'ไทย'), 'organization');
    assert.equal(readingOf('The Bank of Thailand raised rates.', 'Thailand'), 'organization');
  });

  it('looks back only over the shape of an organisation\'s name, not over a whole clause', () => {
    // the organisation is the subject; the country is what follows a preposition
    assert.equal(readingOf('มูลนิธิรับเงินจากกาตาร์', 'กาตาร์'), true);
    assert.equal(readingOf('สถาบันวิจัยรับเงินจากกาตาร์', 'กาตาร์'), true);
    assert.equal(readingOf('พรรคการเมืองในอินโดนีเซียเสนอร่างกฎหมาย', 'อินโดนีเซีย'), true);
    // แห่ง before a bare or formal name is the "of" of a title, not an organisation
    assert.equal(readingOf('นายกรัฐมนตรีแห่งสหราชอาณาจักรกล่าว', 'สหราชอาณาจักร'), true);
    assert.equal(readingOf('รัฐธรรมนูญแห่งราชอาณาจักรไทย', 'ราชอาณาจักรไทย'), true);
    assert.equal(readingOf('การรถไฟแห่งประเทศไทยแจ้ง', 'ประเทศไทย'), 'organization');
    // a head word far back in the same run of letters is another clause
    assert.equal(readingOf('สมาคมได้จัดประชุมผู้ประกอบการรายใหญ่ทั้งหมดร่วมกันเพื่อหารือเรื่องญี่ปุ่น', 'ญี่ปุ่น'), true);
  });

  it('reports those countries with their role, and plain mentions without one', () => {
    assert.deepEqual(countriesIn('มูลนิธิรับเงินจากกาตาร์'), [['กาตาร์', 'QA', undefined]]);
    assert.deepEqual(countriesIn('สถาบันวิจัยรับเงินจากกาตาร์'), [['กาตาร์', 'QA', undefined]]);
    assert.deepEqual(countriesIn('พรรคการเมืองในอินโดนีเซียเสนอร่างกฎหมาย'), [['อินโดนีเซีย', 'ID', undefined]]);
    assert.deepEqual(countriesIn('ธนาคารแห่งประเทศไทยประกาศ'), [['ประเทศไทย', 'TH', 'organization']]);
    assert.deepEqual(countriesIn('สถาบันวิจัยเศรษฐกิจของญี่ปุ่น'), [['ญี่ปุ่น', 'JP', 'organization']]);
    assert.deepEqual(countriesIn('สถานเอกอัครราชทูตเยอรมนี'), [['เยอรมนี', 'DE', 'organization']]);
  });

  it('reads a people or nationality as role people, and a region named after a country as role region', () => {
    assert.equal(readingOf('ชาวเกาหลีเดินทางมาเที่ยว', 'เกาหลี'), 'people');
    assert.equal(readingOf('คนไทยจำนวนมากเดินทางไปญี่ปุ่น', 'ไทย'), 'people');
    assert.equal(readingOf('คนไทยจำนวนมากเดินทางไปญี่ปุ่น', 'ญี่ปุ่น'), true);
    assert.equal(readingOf('สิทธิของประชาชนไทย', 'ไทย'), 'people');
    assert.equal(readingOf('ทีมชาติเช็กชนะ ชาวเช็กฉลอง', 'เช็ก', 1), 'people');
    assert.equal(readingOf('สันติภาพบนคาบสมุทรเกาหลี', 'เกาหลี'), 'region');
    assert.deepEqual(countriesIn('ชาวเกาหลี คนไทย คาบสมุทรเกาหลี'), [
      ['เกาหลี', 'KR', 'people'],
      ['ไทย', 'TH', 'people'],
      ['เกาหลี', 'KR', 'region'],
    ]);
  });
});

describe('isCountryContext', () => {
  it('accepts a country in an ordinary sentence', () => {
    const text = 'รัฐบาลไทยและรัฐบาลกัมพูชาตกลงหยุดยิงตามข้อเสนอของมาเลเซีย';
    assert.equal(contextOf(text, 'ไทย'), true);
    assert.equal(contextOf(text, 'กัมพูชา'), true);
    assert.equal(contextOf(text, 'มาเลเซีย'), true);
    assert.equal(contextOf('ผู้แทนไทยกล่าวถ้อยแถลงต่อที่ประชุม', 'ไทย'), true);
    assert.equal(contextOf('คนไทยจำนวนมากเดินทางไปญี่ปุ่น', 'ไทย'), true);
    assert.equal(contextOf('ประเทศไทยเป็นเจ้าภาพการประชุม', 'ประเทศไทย'), true);
    assert.equal(contextOf('ความร่วมมือระหว่าง สปป.ลาว กับเวียดนาม', 'สปป.ลาว'), true);
  });

  it('refuses a name inside a sea, a gulf, a region or a river', () => {
    assert.equal(contextOf('เรือประมงแล่นอยู่ในทะเลจีนใต้', 'จีน'), false);
    assert.equal(contextOf('ประวัติศาสตร์สงครามอินโดจีน', 'จีน'), false);
    assert.equal(contextOf('พายุลูกใหม่เคลื่อนเข้าสู่อ่าวไทย', 'ไทย'), false);
    assert.equal(contextOf('นักท่องเที่ยวจากอเมริกาใต้เพิ่มขึ้น', 'อเมริกา'), false);
    assert.equal(contextOf('ตลาดในลาตินอเมริกาขยายตัว', 'อเมริกา'), false);
    assert.equal(contextOf('ระดับน้ำในแม่น้ำไนเจอร์สูงขึ้น', 'ไนเจอร์'), false);
    assert.equal(contextOf('จังหวัดปราจีนบุรีมีฝนตกหนัก', 'จีน'), false);
  });

  it('refuses a name that is part of another word', () => {
    assert.equal(contextOf('ลาวาไหลออกจากปล่องภูเขาไฟ', 'ลาว'), false);
    assert.equal(contextOf('นางสาวลาวัณย์ได้รับรางวัล', 'ลาว'), false);
    assert.equal(contextOf('เอกสารฉบับภาษาอังกฤษแนบท้าย', 'อังกฤษ'), false);
    assert.equal(contextOf('กระทรวงมหาดไทยออกประกาศ', 'ไทย'), false);
    assert.equal(contextOf('แอปพลิเคชันใหม่ช่วยเช็กสถานะผู้ป่วย', 'เช็ก'), false);
    assert.equal(contextOf('ทีมชาติเช็กชนะการแข่งขัน', 'เช็ก'), true);
    assert.equal(contextOf('ปีนี้ตรงกับเทศกาลตรุษจีน', 'จีน'), false);
  });

  it('refuses a name that is a company, a party or a newspaper by itself', () => {
    assert.equal(contextOf('การบินไทยเพิ่มเที่ยวบินไปโตเกียว', 'ไทย'), false);
    assert.equal(contextOf('หนังสือพิมพ์ไทยรัฐรายงานว่า', 'ไทย'), false);
    assert.equal(contextOf('หัวหน้าพรรคเพื่อไทยแถลงข่าว', 'ไทย'), false);
  });

  it('refuses a surname after a titled given name, not a name after นายกรัฐมนตรี', () => {
    assert.equal(contextOf('นายสมชาย ไทยเจริญ ผู้อำนวยการ กล่าวว่า', 'ไทย'), false);
    assert.equal(contextOf('น.ส.สมหญิง จีนประเสริฐ ให้สัมภาษณ์', 'จีน'), false);
    assert.equal(contextOf('นายกรัฐมนตรี ไทยพร้อมสนับสนุนอาเซียน', 'ไทย'), true);
    assert.equal(contextOf('นายสมชาย ไทย ผู้แทนการค้า', 'ไทย'), true);
  });

  it('gives the bare name the span where ประเทศ belongs to the word before', () => {
    const text = 'กระทรวงการต่างประเทศไทยชี้แจง';
    assert.equal(contextOf(text, 'ประเทศไทย'), false);
    assert.equal(contextOf(text, 'ไทย'), true);
    const politics = 'นักวิชาการวิจารณ์การเมืองไทยในปัจจุบัน';
    assert.equal(contextOf(politics, 'เมืองไทย'), false);
    assert.equal(contextOf(politics, 'ไทย'), true);
  });

  it('accepts เกาะ before an island state only', () => {
    assert.equal(contextOf('เครื่องบินลงจอดที่เกาะไต้หวัน', 'ไต้หวัน'), true);
    assert.equal(contextOf('บริษัทยังคงเกาะจีนเป็นตลาดหลัก', 'จีน'), false);
  });

  it('finds the rule of a name written with a zero-width space', () => {
    assert.equal(contextOf('การบินไ\u200bทยเพิ่มเที่ยวบิน', 'ไ\u200bทย'), false);
    assert.equal(contextOf('รัฐบาลไ\u200bทยแถลง', 'ไ\u200bทย'), true);
    assert.equal(contextOf('ยุคอินโดจ\u200bีนของฝรั่งเศส', 'จ\u200bีน'), false);
    assert.equal(contextOf('เรือจากจ\u200bีนเข้าเทียบท่า', 'จ\u200bีน'), true);
    // a name with no rule of its own, written with ฯ or a zero-width space
    assert.equal(contextOf('ผู้แทนสหรัฐฯ กล่าว', 'สหรัฐฯ'), true);
    assert.equal(contextOf('ทะเลญี่\u200bปุ่น', 'ญี่\u200bปุ่น'), false);
  });

  it('checks Latin names: capitalized, and not inside a longer place name', () => {
    assert.equal(contextOf('Thailand and Cambodia agreed to a ceasefire.', 'Thailand'), true);
    assert.equal(contextOf('Thailand and Cambodia agreed to a ceasefire.', 'Cambodia'), true);
    assert.equal(contextOf('Patrols in the South China Sea', 'China'), false);
    assert.equal(contextOf('Storms over the Gulf of Thailand', 'Thailand'), false);
    assert.equal(contextOf('a set of china plates', 'china'), false);
    assert.equal(contextOf('Santa Fe, New Mexico', 'Mexico'), false);
    assert.equal(contextOf('the Thailand 4.0 policy', 'Thailand'), false);
    assert.equal(contextOf('Air India flight 101', 'India'), false);
  });

  it('refuses empty or out-of-range spans', () => {
    assert.equal(isCountryContext('ไทย', 0, 0), false);
    assert.equal(isCountryContext('ไทย', -1, 3), false);
    assert.equal(isCountryContext('ไทย', 0, 4), false);
    assert.equal(isCountryContext('ไทย', 0, 3), true);
  });
});
