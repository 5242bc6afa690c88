// The command line in Thai: --lang th, or LANG/LC_ALL/LC_MESSAGES; its JSON and CSV unchanged.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { environmentLanguage, l10nDir, langArgument } from '../../../src/cli/language';
import { runCli, type CliIO } from '../../../src/cli/main';
import { NO_BUILTIN, TEST_CACHE_HOME, run } from '../../support/runCli';

function runWithEnv(argv: string[], env: NodeJS.ProcessEnv): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, builtinDir: NO_BUILTIN, stdin: () => Buffer.alloc(0), env: { XDG_CACHE_HOME: TEST_CACHE_HOME, ...env } };
  const code = runCli(argv, io);
  return { code, stdout, stderr };
}

describe('command line language', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-lang-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the bundles from the compiled command line', () => {
    const found = l10nDir();
    assert.ok(found && fs.existsSync(path.join(found, 'bundle.l10n.th.json')), String(found));
  });

  it('reads --lang, else LC_ALL, LC_MESSAGES, then LANG', () => {
    assert.equal(langArgument(['analyze', '--lang', 'th', 'a.txt']), 'th');
    assert.equal(langArgument(['--lang=en']), 'en');
    assert.equal(langArgument(['--', '--lang', 'th']), undefined);
    assert.equal(environmentLanguage({ LANG: 'th_TH.UTF-8' }), 'th');
    assert.equal(environmentLanguage({ LC_ALL: 'en_US.UTF-8', LANG: 'th_TH.UTF-8' }), 'en');
    assert.equal(environmentLanguage({ LC_MESSAGES: 'th_TH', LANG: 'C' }), 'th');
    assert.equal(environmentLanguage({ LC_ALL: '', LANG: 'th' }), 'th');
    assert.equal(environmentLanguage({}), 'en');
  });

  it('writes errors in Thai with --lang th, and in English by default', () => {
    const missing = path.join(dir, 'missing.txt');
    assert.deepEqual(run(['analyze', '--lang', 'th', missing]), { code: 2, stdout: '', stderr: `อ่านไฟล์ ${missing} ไม่ได้: ไม่มีไฟล์นี้\n` });
    assert.deepEqual(run(['analyze', missing]), { code: 2, stdout: '', stderr: `cannot read file ${missing}: no such file\n` });
    assert.deepEqual(run(['--lang', 'th', '--bogus']), { code: 2, stdout: '', stderr: 'ไม่รู้จักตัวเลือก --bogus ดู --help\n' });
    assert.deepEqual(run(['--lang', 'fr', 'a.txt']), { code: 2, stdout: '', stderr: 'unknown language "fr" for --lang (use th or en)\n' });
  });

  it('reports a broken glossary in Thai at its file:line:col, and in English by default', () => {
    const glossary = path.join(dir, 'broken.glossary.yaml');
    fs.writeFileSync(glossary, 'version: 1\nthemes:\n  - id: a\n    label: x\n  - id: b\n    terms: [ก]\n');
    const doc = path.join(dir, 'doc.txt');
    fs.writeFileSync(doc, 'ข้อความ\n');
    assert.deepEqual(run(['analyze', '--lang', 'th', '--glossary', glossary, doc]), {
      code: 2,
      stdout: '',
      stderr: `${glossary}:5:5: ประเด็น "b" ไม่มี "label"\n`,
    });
    assert.equal(run(['analyze', '--glossary', glossary, doc]).stderr, `${glossary}:5:5: theme "b" is missing "label"\n`);
  });

  it('follows LANG=th_TH.UTF-8, and --lang en overrides it', () => {
    assert.equal(runWithEnv(['--bogus'], { LANG: 'th_TH.UTF-8' }).stderr, 'ไม่รู้จักตัวเลือก --bogus ดู --help\n');
    assert.equal(runWithEnv(['--lang', 'en', '--bogus'], { LANG: 'th_TH.UTF-8' }).stderr, 'unknown option --bogus; see --help\n');
  });

  it('prints the help in Thai, and the Markdown report with Thai headings, but JSON keys unchanged', () => {
    const help = run(['--lang', 'th', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^วิธีใช้: thai-policy-lens analyze \[options\] FILE\.\.\.\n/);
    assert.match(help.stdout, /\n {2}--lang th\|en {17}ภาษาของข้อความ/);
    const file = path.join(dir, 'doc.txt');
    fs.writeFileSync(file, 'ญี่ปุ่น 16 พฤศจิกายน 2564\n');
    const md = run(['analyze', '--lang', 'th', '--format', 'md', file]);
    assert.equal(md.code, 0, md.stderr);
    assert.ok(md.stdout.includes('\n26 อักขระ: 0 คำ, 1 ประเทศ, วันที่ 1 รายการ\n'), md.stdout);
    assert.ok(md.stdout.includes('## ประเทศ\n\n| ประเทศ | รหัส | จำนวน | ที่เขียนไว้ | บรรทัด |'), md.stdout);
    assert.ok(md.stdout.includes('## ประเด็น\n\nไม่พบคำในอภิธานศัพท์\n'), md.stdout);
    assert.deepEqual(run(['analyze', '--lang', 'th', file]).stdout, run(['analyze', file]).stdout, 'JSON is the same in any language');
  });

  it('is English again after a Thai run in the same process', () => {
    run(['--lang', 'th', '--bogus']);
    assert.equal(run(['--bogus']).stderr, 'unknown option --bogus; see --help\n');
  });
});
