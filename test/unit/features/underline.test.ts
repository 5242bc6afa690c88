import { strict as assert } from 'node:assert';
import { themeColorVariable, underline } from '../../../src/features/underline';

describe('underline of highlights', () => {
  it('is a text underline under the text that skips the ink of marks below the letters, never a bottom border', () => {
    assert.equal(underline('dotted', 'var(--vscode-x)', 1), 'underline dotted var(--vscode-x) 1px; text-underline-position: under; text-decoration-skip-ink: auto');
    assert.equal(underline('solid', '#4e79a7', 2), 'underline solid #4e79a7 2px; text-underline-position: under; text-decoration-skip-ink: auto');
    assert.doesNotMatch(underline('dashed', '#000', 1), /border/);
  });

  it('names a contributed colour by its CSS variable', () => {
    assert.equal(themeColorVariable('thaiPolicyLens.countryBorder'), 'var(--vscode-thaiPolicyLens-countryBorder)');
  });
});
