import { strict as assert } from 'node:assert';
import { contrastRatio, parseColour } from '../../../../src/webview/corpus/contrast';

describe('webview/corpus/contrast', () => {
  it('reads computed colours, blending a translucent one over what is under it; none for transparent', () => {
    assert.deepEqual(parseColour('rgb(255, 0, 10)'), [255, 0, 10]);
    assert.deepEqual(parseColour('rgba(0, 0, 0, 0.5)', [255, 255, 255]), [127.5, 127.5, 127.5]);
    assert.deepEqual(parseColour('rgb(0 0 0 / 50%)', [200, 200, 200]), [100, 100, 100]);
    assert.equal(parseColour('rgba(0, 0, 0, 0)'), undefined);
    assert.equal(parseColour('none'), undefined);
  });

  it('gives WCAG contrast ratios: 21 for black on white, 1 for equal colours, either order', () => {
    assert.equal(contrastRatio([0, 0, 0], [255, 255, 255]), 21);
    assert.equal(contrastRatio([120, 30, 200], [120, 30, 200]), 1);
    assert.equal(Math.round(contrastRatio([255, 255, 255], [118, 118, 118]) * 100) / 100, 4.54);
    assert.equal(contrastRatio([255, 255, 255], [0, 0, 0]), contrastRatio([0, 0, 0], [255, 255, 255]));
  });
});
