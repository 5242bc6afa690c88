import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { cacheDir } from '../../../src/cli/matcherCache';

describe('the matcher cache of the command line', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-cache-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(argv: string[], env: NodeJS.ProcessEnv): { code: number; stdout: string; stderr: string } {
    let stdout = '';
    let stderr = '';
    const code = runCli(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, builtinDir: path.join(dir, 'none'), env });
    return { code, stdout, stderr };
  }

  it('is in XDG_CACHE_HOME, else ~/.cache', () => {
    assert.equal(cacheDir({ XDG_CACHE_HOME: '/var/c' }), path.join('/var/c', 'thai-policy-lens'));
    assert.equal(cacheDir({}), path.join(os.homedir(), '.cache', 'thai-policy-lens'));
    assert.equal(cacheDir({ XDG_CACHE_HOME: 'relative' }), path.join(os.homedir(), '.cache', 'thai-policy-lens'));
  });

  it('builds the matcher once per glossary, loads it after, and rebuilds a corrupt or changed one', () => {
    const env = { XDG_CACHE_HOME: path.join(dir, 'cache'), TPL_TIMINGS: '1' };
    const glossary = path.join(dir, 'trade.glossary.yaml');
    fs.writeFileSync(glossary, 'version: 1\nthemes:\n  - id: trade\n    label: การค้า\n    terms: [การค้าเสรี]\n');
    const doc = path.join(dir, 'doc.txt');
    fs.writeFileSync(doc, 'ไทยลงนามการค้าเสรี');
    const args = ['analyze', '--glossary', glossary, doc];
    const first = run(args, env);
    assert.match(first.stderr, /^matcher: built in [\d.]+ ms\n$/);
    const files = fs.readdirSync(cacheDir(env));
    assert.equal(files.length, 1);
    const second = run(args, env);
    assert.match(second.stderr, /^matcher: cache loaded in [\d.]+ ms\n$/);
    assert.equal(second.stdout, first.stdout);
    assert.match(second.stdout, /"theme":"trade"/);

    fs.writeFileSync(path.join(cacheDir(env), files[0]), 'garbage');
    const corrupt = run(args, env);
    assert.match(corrupt.stderr, /^matcher: built in/);
    assert.equal(corrupt.stdout, first.stdout);
    assert.match(run(args, env).stderr, /^matcher: cache loaded in/);

    fs.writeFileSync(glossary, 'version: 1\nthemes:\n  - id: free\n    label: เสรี\n    terms: [การค้าเสรี]\n');
    const changed = run(args, env);
    assert.match(changed.stderr, /^matcher: built in/);
    assert.match(changed.stdout, /"theme":"free"/);
    assert.equal(fs.readdirSync(cacheDir(env)).length, 2);

    const off = run(args, { ...env, XDG_CACHE_HOME: path.join(dir, 'other'), TPL_MATCHER_CACHE: 'off' });
    assert.match(off.stderr, /^matcher: built in/);
    assert.equal(fs.existsSync(path.join(dir, 'other')), false);
  });

  it('never caches glossaries with warnings, so their warnings are written on every run; md reads the labels on a warm start', () => {
    const env = { XDG_CACHE_HOME: path.join(dir, 'cache-warnings'), TPL_TIMINGS: '1' };
    const a = path.join(dir, 'a.glossary.yaml');
    const b = path.join(dir, 'b.glossary.yaml');
    fs.writeFileSync(a, 'version: 1\nthemes:\n  - id: trade\n    label: การค้า\n    terms: [การค้าเสรี]\n');
    fs.writeFileSync(b, 'version: 1\nthemes:\n  - id: trade\n    label: พาณิชย์\n    terms: [พาณิชย์]\n');
    const doc = path.join(dir, 'w.txt');
    fs.writeFileSync(doc, 'การค้าเสรี');
    for (let i = 0; i < 2; i++) {
      const result = run(['analyze', '--format', 'summary', '--glossary', a, '--glossary', b, doc], env);
      assert.equal(result.code, 0);
      assert.match(result.stderr, /warning: .*\nmatcher: built in/);
    }
    assert.equal(fs.existsSync(cacheDir(env)), false);
    assert.match(run(['analyze', '--format', 'summary', '--glossary', a, doc], env).stderr, /^matcher: built in/);
    const md = run(['analyze', '--format', 'md', '--glossary', a, doc], env);
    assert.match(md.stderr, /^matcher: cache loaded in/);
    assert.match(md.stdout, /### การค้า `trade`: 1/);
    assert.match(run(['analyze', '--format', 'summary', '--glossary', a, doc], env).stdout, /"themes":\{"trade":1\}/);
  });

  it('goes on without a cache it cannot write', () => {
    const blocked = path.join(dir, 'blocked');
    fs.writeFileSync(blocked, 'a file where the cache folder would be');
    const doc = path.join(dir, 'd.txt');
    fs.writeFileSync(doc, 'ไทย');
    const result = run(['analyze', '--format', 'summary', doc], { XDG_CACHE_HOME: blocked });
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /"TH":1/);
  });
});
