import { strict as assert } from 'node:assert';
import { ID_PATTERN, containsThai, globUnion } from '../../../../src/core/text/patterns';

describe('patterns', () => {
  it('containsThai: true for a Thai letter, digit or sign anywhere, false for English, other scripts and nothing', () => {
    for (const text of ['ความมั่นคง', 'The MFA said ว่า', '๒๕๖๖', 'ฯ', 'x\u0e01', 'ๆ']) assert.equal(containsThai(text), true, text);
    // the code points either side of the Thai block, Lao, and English that the built-in glossary's aliases match
    for (const text of ['', 'The WHO met in Chad on 3 May 2024.', '\u0dff\u0e80', 'ສປປ ລາວ', 'health 2568']) assert.equal(containsThai(text), false, text);
  });

  it('globUnion: one glob as it is, several in braces, their own brace groups spelt out, duplicates once', () => {
    assert.equal(globUnion(['**/*.txt']), '**/*.txt');
    assert.equal(globUnion(['**/*.txt', '**/*.md']), '{**/*.txt,**/*.md}');
    assert.equal(globUnion(['docs/*.{txt,md}', '**/*.policy.txt', 'docs/*.txt']), '{docs/*.txt,docs/*.md,**/*.policy.txt}');
    assert.equal(globUnion(['{a,b}/{c,d}']), '{a/c,a/d,b/c,b/d}');
    assert.equal(globUnion(['a{b']), 'a{b');
  });

  it('ID_PATTERN: lower-case ids', () => {
    assert.ok(ID_PATTERN.test('trade-2'));
    assert.ok(!ID_PATTERN.test('Trade'));
  });
});
