import { strict as assert } from 'node:assert';
import { commandLink, commandUri, escapeBlock, escapeIcons, escapeInline, escapeMarkdown, makeSafe } from '../../../src/features/markdown';

describe('markdown escaping', () => {
  it('escapes links, images, HTML and command URIs in glossary text', () => {
    const gloss = 'ดู [x](command:workbench.action.quit) <img src=x> ![](https://example.com/a.png)';
    assert.equal(
      escapeMarkdown(gloss),
      'ดู \\[x\\]\\(command\\:workbench\\.action\\.quit\\) \\<img src\\=x\\> \\!\\[\\]\\(https\\://example\\.com/a\\.png\\)',
    );
  });

  it('escapes emphasis, code, headings, lists, tables and autolinks', () => {
    assert.equal(escapeMarkdown('**การทูต** `x` _y_ ~z~'), '\\*\\*การทูต\\*\\* \\`x\\` \\_y\\_ \\~z\\~');
    assert.equal(escapeMarkdown('# 1. - + | a@b.co www.x.org &amp; $x$'), '\\# 1\\. \\- \\+ \\| a\\@b\\.co www\\.x\\.org \\&amp; \\$x\\$');
    assert.equal(escapeMarkdown('a\\b'), 'a\\\\b');
  });

  it('leaves Thai text and plain words alone', () => {
    assert.equal(escapeMarkdown('การทูตดิจิทัล Digital diplomacy, 2564'), 'การทูตดิจิทัล Digital diplomacy, 2564');
  });

  it('inline text: whitespace and line breaks become one space, so no block can start', () => {
    assert.equal(escapeInline('  ความร่วมมือ\n# หัวข้อ\n\n    code  '), 'ความร่วมมือ \\# หัวข้อ code');
  });

  it('block text keeps lines (hard breaks) and paragraphs, each line escaped and trimmed', () => {
    assert.equal(escapeBlock('บรรทัดแรก\n  - รายการ\n\n> อ้างอิง\n'), 'บรรทัดแรก  \n\\- รายการ\n\n\\> อ้างอิง');
    assert.equal(escapeBlock('   '), '');
  });

  it('escapes theme-icon syntax for quick pick labels', () => {
    assert.equal(escapeIcons('$(zap) ทดสอบ $5'), '\\$(zap) ทดสอบ $5');
  });

  it('builds command URIs with JSON arguments, parentheses encoded', () => {
    assert.equal(commandUri('thaiPolicyLens.showInTree'), 'command:thaiPolicyLens.showInTree');
    assert.equal(commandUri('thaiPolicyLens.showInTree', ['test-security']), 'command:thaiPolicyLens.showInTree?%5B%22test-security%22%5D');
    const uri = commandUri('thaiPolicyLens.openGlossaryEntry', [{ themeId: 'a', term: 'ก(ข)' }]);
    assert.ok(!/[()]/.test(uri), uri);
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.slice(uri.indexOf('?') + 1))), [{ themeId: 'a', term: 'ก(ข)' }]);
  });

  it('command links escape their label', () => {
    assert.equal(commandLink('Next [1]', 'x.y', [1]), '[Next \\[1\\]](command:x.y?%5B1%5D)');
  });

  it('makeSafe turns off HTML and icons and trusts only the given commands', () => {
    const md: { isTrusted?: boolean | { readonly enabledCommands: readonly string[] }; supportHtml?: boolean; supportThemeIcons?: boolean } = {
      isTrusted: true,
      supportHtml: true,
      supportThemeIcons: true,
    };
    makeSafe(md, ['a.b']);
    assert.deepEqual(md, { isTrusted: { enabledCommands: ['a.b'] }, supportHtml: false, supportThemeIcons: false });
    makeSafe(md);
    assert.equal(md.isTrusted, false);
  });
});
