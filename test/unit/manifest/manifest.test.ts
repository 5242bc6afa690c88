// The extension's manifest (package.json): quiet activation, Restricted Mode, settings scopes, the
// oldest VS Code it declares, and what goes into the .vsix.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../../support/paths';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('manifest (package.json)', () => {
  it('activates on its own language, plain text and Markdown and its view: never at start-up or for a whole workspace', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:thai-policy', 'onLanguage:plaintext', 'onLanguage:markdown', 'onView:thaiPolicyLens.themes']);
  });

  it('offers Import Document as a button on the title of an opened PDF, Word or HTML file, and in the Explorer menu of one', () => {
    const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'thaiPolicyLens.importDocument');
    assert.match(command.icon, /^\$\([a-z-]+\)$/, 'a button needs an icon');
    for (const [menu, group] of [['editor/title', /^navigation@/], ['explorer/context', /^thaiPolicyLens@/]] as const) {
      const entries = manifest.contributes.menus[menu].filter((m: { command: string }) => m.command === 'thaiPolicyLens.importDocument');
      assert.equal(entries.length, 1, menu);
      assert.match(entries[0].group, group);
      // the when clause as VS Code reads it: resourceExtname =~ /regex/flags
      const m = /^resourceExtname =~ \/(.+)\/([a-z]*)$/.exec(entries[0].when);
      assert.ok(m, entries[0].when);
      const re = new RegExp(m[1], m[2]);
      assert.deepEqual(['.pdf', '.PDF', '.docx', '.html', '.htm', '.txt', '.md', '.doc', '.pdfx', '.policy.txt'].filter((e) => re.test(e)), ['.pdf', '.PDF', '.docx', '.html', '.htm']);
    }
  });

  it('supports Restricted Mode in part, and restricts the settings that point at files', () => {
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.deepEqual(untrusted.restrictedConfigurations, ['thaiPolicyLens.glossaryFiles', 'thaiPolicyLens.annotationsFile']);
    for (const name of untrusted.restrictedConfigurations) assert.ok(manifest.contributes.configuration.properties[name], name);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
  });

  it('gives every setting a scope: per folder where a folder may differ', () => {
    const props = manifest.contributes.configuration.properties as Record<string, { scope?: string }>;
    for (const [name, p] of Object.entries(props)) assert.ok(['window', 'resource', 'application'].includes(p.scope ?? ''), `${name}: ${p.scope}`);
    for (const name of ['languages', 'onlyThaiDocuments', 'maxFileSize', 'glossaryFiles', 'thaiPolicyFiles', 'annotationsFile', 'index.include', 'index.exclude']) {
      assert.equal(props[`thaiPolicyLens.${name}`].scope, 'resource', name);
    }
  });

  it('declares the VS Code it is type-checked against (vsce refuses @types/vscode newer than engines.vscode)', () => {
    const engine = /^\^(\d+)\.(\d+)\.\d+$/.exec(manifest.engines.vscode);
    assert.ok(engine, manifest.engines.vscode);
    const types = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8')).version as string;
    assert.equal(types.split('.').slice(0, 2).join('.'), `${engine[1]}.${engine[2]}`, `@types/vscode ${types} for engines.vscode ${manifest.engines.vscode}`);
  });

  it('has a Node entry and a web worker entry, and a repository for the Marketplace page', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.match(manifest.repository.url, /^https:\/\/github\.com\//);
    assert.ok(manifest.bugs.url && manifest.homepage);
    assert.equal(manifest.scripts.package, 'vsce package --no-dependencies');
  });

  it('packs only what the extension uses into the .vsix', () => {
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    // the corpus dashboard's page: its own bundle, loaded by the webview
    for (const kept of ['!dist/extension.js', '!dist/web/extension.js', '!dist/webview/corpus.js']) assert.ok(ignore.includes(kept), kept);
    for (const left of ['dist/cli.js', 'icon-source.svg', 'screenshot']) assert.ok(!ignore.split('\n').some((l) => l.startsWith('!') && l.includes(left)), left);
  });
});
