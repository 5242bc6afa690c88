// The Thai interface is complete: every key of package.nls.json and every l10n.t string of src/
// has its Thai, the extracted bundle is current, and no Thai string is left equal to its English
// (apart from the deliberate exceptions below, which docs/l10n.md lists too).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

/** Strings the same in both languages on purpose: the product's name, and strings of placeholders only. */
export const SAME_IN_THAI = new Set(['Thai Policy Lens', 'Thai Policy Lens {0}', 'Thai Policy Lens: {0}', 'CSV', 'SVG', 'PNG']);

function message(value: unknown): string {
  // a bundle entry is a string, or { message, comment } when the source gave a comment
  return typeof value === 'string' ? value : (value as { message: string }).message;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join(' ');

describe('localisation (Thai and English)', () => {
  const nls = readJson('package.nls.json');
  const nlsTh = readJson('package.nls.th.json');
  const bundle = readJson('l10n/bundle.l10n.json');
  const bundleTh = readJson('l10n/bundle.l10n.th.json');

  it('names every %key% of package.json in package.nls.json, and nothing more', () => {
    const text = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const used = new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.deepEqual([...used].filter((k) => !(k in nls)), [], 'keys used but not defined');
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), [], 'keys defined but not used');
  });

  it('has the Thai of every key of package.nls.json, with the same command links', () => {
    assert.deepEqual(Object.keys(nls).filter((k) => !(k in nlsTh)), [], 'missing in package.nls.th.json');
    assert.deepEqual(Object.keys(nlsTh).filter((k) => !(k in nls)), [], 'left over in package.nls.th.json');
    for (const [k, en] of Object.entries(nls)) {
      const links = (s: unknown) => [...String(s).matchAll(/\(command:[^)]+\)|`[^`]*#[^`]*#`/g)].map((m) => m[0]).join(' ');
      assert.equal(links(nlsTh[k]), links(en), k);
    }
  });

  it('keeps l10n/bundle.l10n.json as extracted from src/ (run `npx vscode-l10n-dev export --outDir l10n ./src`)', async function () {
    this.timeout(60_000);
    const files = sourceFiles(path.join(ROOT, 'src')).map((f) => ({ contents: fs.readFileSync(f, 'utf8'), extension: path.extname(f) }));
    const extracted = await getL10nJson(files);
    assert.deepEqual(Object.keys(extracted).sort(), Object.keys(bundle).sort());
  });

  it('has the Thai of every l10n.t string, with the same placeholders', () => {
    assert.deepEqual(Object.keys(bundle).filter((k) => !(k in bundleTh)), [], 'missing in l10n/bundle.l10n.th.json');
    assert.deepEqual(Object.keys(bundleTh).filter((k) => !(k in bundle)), [], 'left over in l10n/bundle.l10n.th.json');
    for (const k of Object.keys(bundle)) assert.equal(placeholders(message(bundleTh[k])), placeholders(k), k);
  });

  it('leaves no Thai string equal to its English, except the listed ones', () => {
    const same = [
      ...Object.entries(nls).filter(([k, en]) => nlsTh[k] === en).map(([, en]) => String(en)),
      ...Object.keys(bundle).filter((k) => message(bundleTh[k]) === k),
    ].filter((s) => !SAME_IN_THAI.has(s));
    assert.deepEqual(same, []);
    // and the exceptions are still in use (a stale exception would hide nothing)
    const all = new Set([...Object.values(nls).map(String), ...Object.keys(bundle)]);
    assert.deepEqual([...SAME_IN_THAI].filter((s) => !all.has(s)), []);
  });
});
