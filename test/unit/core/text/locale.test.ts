import { strict as assert } from 'node:assert';
import { formatNumber, languageOf, plural, resolveContentLanguage } from '../../../../src/core/text/locale';

describe('locale', () => {
  it('chooses plural forms by the language rules: English one/other, Thai one form', () => {
    assert.equal(plural(1, 'one', 'other', 'en'), 'one');
    assert.equal(plural(0, 'one', 'other', 'en'), 'other');
    assert.equal(plural(2, 'one', 'other', 'en'), 'other');
    assert.equal(plural(1, 'one', 'other', 'th'), 'other');
    assert.equal(plural(1, 'one', 'other', 'no-such-locale-xx'), 'one', 'an unknown locale falls back to English');
  });

  it('writes numbers in the language', () => {
    assert.equal(formatNumber(12345, 'en'), '12,345');
    assert.equal(formatNumber(12345, 'th'), '12,345');
  });

  it('reads Thai locales and resolves auto to the interface language', () => {
    assert.deepEqual(['th', 'th-TH', 'th_TH.UTF-8', 'TH', 'thx', 'en-US', '', undefined].map(languageOf), ['th', 'th', 'th', 'th', 'en', 'en', 'en', 'en']);
    assert.equal(resolveContentLanguage('auto', 'th'), 'th');
    assert.equal(resolveContentLanguage('auto', 'en'), 'en');
    assert.equal(resolveContentLanguage('en', 'th'), 'en');
    assert.equal(resolveContentLanguage(undefined, 'th-TH'), 'th');
  });
});
