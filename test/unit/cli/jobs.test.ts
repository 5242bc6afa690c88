import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCliAsync, type CliIO } from '../../../src/cli/main';
import { NO_BUILTIN, run, TEST_CACHE_HOME } from '../../support/runCli';

async function runThreads(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, builtinDir: NO_BUILTIN, env: { XDG_CACHE_HOME: TEST_CACHE_HOME } };
  const code = await runCliAsync(argv, io);
  return { code, stdout, stderr };
}

describe('analyze --jobs: worker threads', () => {
  let dir: string;
  let glossary: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-jobs-'));
    glossary = path.join(dir, 'trade.glossary.yaml');
    fs.writeFileSync(glossary, 'version: 1\nthemes:\n  - id: trade\n    label: การค้า\n    terms: [การค้าเสรี]\n');
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(docs);
    for (let i = 0; i < 7; i++) fs.writeFileSync(path.join(docs, `d${i}.txt`), `ไทย${'กับจีน'.repeat(i)} การค้าเสรี เมื่อ ${i + 1} มกราคม 2568`);
    fs.writeFileSync(path.join(docs, 'd3.txt'), Buffer.concat([Buffer.from('ลาว '), Buffer.from([0xff]), Buffer.from(' การค้าเสรี')]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const format of ['json', 'jsonl', 'summary', 'csv', 'md']) {
    it(`writes ${format} byte for byte as one thread does, warnings in document order`, async () => {
      const args = ['analyze', '--format', format, '--glossary', glossary, path.join(dir, 'docs')];
      const one = run([...args, '--jobs', '1']);
      const threads = await runThreads([...args, '--jobs', '3']);
      assert.equal(one.code, 0);
      assert.deepEqual(threads, one);
      assert.match(one.stderr, /d3\.txt:1:5: warning: invalid UTF-8/);
    });
  }

  it('stops at the first document that fails, in document order; jsonl keeps the lines before it', async () => {
    const good = path.join(dir, 'docs', 'd0.txt');
    const args = ['analyze', '--glossary', glossary, good, good, path.join(dir, 'missing.txt'), good, path.join(dir, 'missing2.txt')];
    const json = await runThreads([...args, '--jobs', '2']);
    assert.deepEqual(json, { code: 2, stdout: '', stderr: `cannot read file ${path.join(dir, 'missing.txt')}: no such file\n` });
    const lines = await runThreads(['--format', 'jsonl', ...args, '--jobs', '2']);
    assert.equal(lines.code, 2);
    assert.equal(lines.stdout.split('\n').filter(Boolean).length, 2);
    assert.equal(lines.stderr, `cannot read file ${path.join(dir, 'missing.txt')}: no such file\n`);
  });
});
