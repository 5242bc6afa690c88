import { strict as assert } from 'node:assert';
import { GlossarySet } from '../../../src/core/glossary/glossary';
import { Analyzer } from '../../../src/core/recognize/analyze';
import { InMemoryDocument } from '../../../src/features/inMemoryDocument';
import { occurrencesOf, step, themeFamily, themeOfLastJump, themeToWalk, type LastJump } from '../../../src/features/occurrences';

// Two themes whose terms touch, as they do in unspaced Thai.
const GLOSSARY = `version: 1
themes:
  - id: security
    label: ความมั่นคง
    terms: [หยุดยิง]
  - id: asean
    label: อาเซียน
    terms: [การประชุมสุดยอด]
`;

const set = new GlossarySet();
assert.deepEqual(set.update('g.yaml', GLOSSARY), []);
const analyzer = new Analyzer(set);

describe('occurrences: the theme a jump walks', () => {
  const doc = new InMemoryDocument('file:///ws/touch.txt', 'หยุดยิงการประชุมสุดยอด และหยุดยิงการประชุมสุดยอด แล้วหยุดยิง');
  const annotations = analyzer.analyze(doc.getText());
  const uri = doc.uri;

  /** Presses Next from the cursor at `offset`, as the command does: the theme, then the step. */
  function walk(presses: number, offset: number): Array<[string, number]> {
    let last: LastJump | undefined;
    let selection = { uri, start: offset, end: offset, active: offset };
    const out: Array<[string, number]> = [];
    for (let i = 0; i < presses; i++) {
      const themeId = themeToWalk(undefined, last, selection, annotations)!;
      const found = occurrencesOf(annotations, themeFamily(set, themeId));
      const s = step(found, selection.start, 'next')!;
      const a = found[s.index];
      last = { uri, themeId, start: a.start, end: a.end };
      selection = { uri, start: a.start, end: a.end, active: a.end }; // the jump selects the term, the cursor at its end
      out.push([themeId, a.start]);
    }
    return out;
  }

  it('keeps the theme of the last jump when the selected term touches a term of another theme', () => {
    const text = doc.getText();
    const ceasefires = [...text.matchAll(/หยุดยิง/g)].map((m) => m.index!);
    assert.deepEqual(walk(3, 1), [
      ['security', ceasefires[1]],
      ['security', ceasefires[2]],
      ['security', ceasefires[0]],
    ]);
  });

  it('follows the term at the cursor once the selection moves elsewhere', () => {
    const last: LastJump = { uri, themeId: 'security', start: 0, end: 7 };
    assert.equal(themeOfLastJump(last, { uri, start: 0, end: 7 }), 'security');
    assert.equal(themeOfLastJump(last, { uri, start: 7, end: 7 }), 'security', 'the cursor at the end of the jump');
    assert.equal(themeOfLastJump(last, { uri, start: 8, end: 8 }), undefined);
    assert.equal(themeOfLastJump(last, { uri: 'file:///ws/other.txt', start: 0, end: 7 }), undefined);
    assert.equal(themeToWalk(undefined, last, { uri, start: 9, end: 9, active: 9 }, annotations), 'asean');
    assert.equal(themeToWalk('security', undefined, { uri, start: 9, end: 9, active: 9 }, annotations), 'security', 'a theme given wins');
  });
});
