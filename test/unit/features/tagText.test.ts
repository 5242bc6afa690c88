import { strict as assert } from 'node:assert';
import { GlossarySet, themeColor } from '../../../src/core/glossary/glossary';
import { describeTagTheme, quoteForPrompt, tagHoverMarkdown, tagIdOf, trimRange } from '../../../src/features/tagText';

const GLOSSARY = `version: 1
themes:
  - id: security
    label: ความมั่นคง
    label_en: Security
    color: "#e15759"
    terms: [หยุดยิง]
    themes:
      - id: maritime
        label: ความมั่นคงทางทะเล
        terms: [ทะเลจีนใต้]
`;

function glossary(): GlossarySet {
  const set = new GlossarySet();
  assert.deepEqual(set.update('file:///w/test.glossary.yaml', GLOSSARY), []);
  return set;
}

describe('tag text', () => {
  it('describes a glossary theme by its path and colour, an annotations-file theme as such, and an unknown one', () => {
    const set = glossary();
    assert.deepEqual(describeTagTheme(set, 'maritime', undefined), {
      title: 'ความมั่นคง (Security) › ความมั่นคงทางทะเล',
      pathMarkdown: 'ความมั่นคง (Security) › ความมั่นคงทางทะเล',
      color: themeColor(set.theme('maritime')!),
      known: true,
    });
    assert.equal(describeTagTheme(set, 'security', undefined).color, '#e15759');
    assert.deepEqual(describeTagTheme(set, 'border-security', { id: 'border-security', label: 'Border *security*', color: '#123456' }), {
      title: 'Border *security*',
      pathMarkdown: 'Border \\*security\\* _(annotations file)_',
      color: '#123456',
      known: true,
    });
    assert.deepEqual(describeTagTheme(set, 'gone', undefined), { title: 'gone', pathMarkdown: 'gone _(theme not found)_', color: '#888888', known: false });
  });

  it('writes the hover of a tag with its note escaped and links to change it', () => {
    const args = encodeURIComponent(JSON.stringify([{ tagId: 't1' }]));
    assert.equal(
      tagHoverMarkdown({ id: 't1', note: 'ดู [ลิงก์](command:x)', created: '2025-05-26T09:00:00.000Z' }, 'ความมั่นคง'),
      [
        '**Tagged passage** — ความมั่นคง',
        'ดู \\[ลิงก์\\]\\(command\\:x\\)',
        `[Edit note](command:thaiPolicyLens.editNote?${args}) · [Change theme](command:thaiPolicyLens.retag?${args}) · [Remove tag](command:thaiPolicyLens.removeTag?${args})`,
      ].join('\n\n'),
    );
    assert.ok(tagHoverMarkdown({ id: 't1', created: '2025-05-26T09:00:00.000Z' }, 'x').includes('[Add note]'), 'no note yet');
    // the coder, escaped (a name is text from the annotations file)
    assert.ok(tagHoverMarkdown({ id: 't1', creator: 'สมชาย [x](command:y)', created: '2025-05-26T09:00:00.000Z' }, 'x').includes('\n\nCoder: สมชาย \\[x\\]\\(command\\:y\\), 2025-05-26\n\n'));
  });

  it('reads the tag a command argument names', () => {
    assert.equal(tagIdOf('t1'), 't1');
    assert.equal(tagIdOf({ tagId: 't2' }), 't2');
    assert.equal(tagIdOf({ tag: { id: 't3' } }), 't3');
    assert.equal(tagIdOf({ id: 't4' }), 't4');
    assert.equal(tagIdOf({ tagId: 5 }), undefined);
    assert.equal(tagIdOf(undefined), undefined);
  });

  it('leaves white space at the edges out of a selection, and quotes passages for prompts', () => {
    const text = '  ความร่วมมือ\n ';
    assert.deepEqual(trimRange(text, 0, text.length), [2, 13]);
    assert.deepEqual(trimRange(text, 13, 15), [15, 15], 'only white space: empty');
    assert.equal(quoteForPrompt('ก'.repeat(60)), `«${'ก'.repeat(60)}»`);
    assert.equal(quoteForPrompt('ก'.repeat(61)), `«${'ก'.repeat(59)}…»`);
  });
});
