import { strict as assert } from 'node:assert';
import { CONFIRM_TERM_LENGTH, longTermQuestion } from '../../../src/features/newTerm';

describe('new term: the question a long selection asks', () => {
  it('asks about a selection over a line break or longer than 60 characters, not about a term', () => {
    assert.equal(longTermQuestion('ความมั่นคงทางทะเล'), undefined);
    assert.equal(longTermQuestion(`  ${'ก'.repeat(CONFIRM_TERM_LENGTH)}\n`), undefined, 'white space at the edges does not count');
    assert.equal(longTermQuestion('ความร่วมมือ\nด้านความมั่นคง'), 'The selection «ความร่วมมือ ด้านความมั่นคง» spans more than one line. Add it to the glossary as one term?');
    assert.equal(longTermQuestion('ก\r\nข'), 'The selection «ก ข» spans more than one line. Add it to the glossary as one term?');
    assert.equal(
      longTermQuestion('ข'.repeat(CONFIRM_TERM_LENGTH + 1)),
      `The selection «${'ข'.repeat(39)}…» is 61 characters long; a glossary term is usually a word or a short phrase. Add it anyway?`,
    );
  });
});
