/**
 * Hostile and broken input on the command line (issue 9): what is read (only regular files or
 * `-`, once, within a size cap, decoded), what is written (only regular files or a new path, never
 * an input), and which documents an export may read (only inside its folder).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serializeAnnotationsFile } from '../../../src/core/tags/annotationsFile';
import { run } from '../../support/runCli';

let dir: string;
function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const GLOSSARY = 'version: 1\nthemes:\n  - id: trade\n    label: การค้า\n    terms: [การค้าเสรี]\n';

/** A workspace folder with one tagged document. */
function workspace(name: string, document = 'a.txt', text = 'ไทยกับจีนลงนามการค้าเสรี\n'): { folder: string; annotations: string; doc: string } {
  const folder = path.join(dir, name);
  fs.mkdirSync(path.join(folder, '.policy-lens'), { recursive: true });
  const doc = path.join(folder, document);
  if (!document.startsWith('..')) fs.writeFileSync(doc, text);
  const exact = text.slice(0, 9);
  const data = {
    version: 1 as const,
    themes: [],
    tags: [
      {
        id: 't1',
        document,
        theme: 'trade',
        created: '2025-01-01T00:00:00.000Z',
        modified: '2025-01-01T00:00:00.000Z',
        quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector' as const, start: 0, end: 9 },
      },
    ],
  };
  const annotations = path.join(folder, '.policy-lens', 'annotations.json');
  fs.writeFileSync(annotations, serializeAnnotationsFile(data));
  return { folder, annotations, doc };
}

describe('command line: hostile and broken input', () => {
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-hostile-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('--out replaces only regular files (item 2)', () => {
    it('refuses a symbolic link to a device and leaves the link', () => {
      const glossary = write('g.glossary.yaml', GLOSSARY);
      const link = path.join(dir, 'to-null');
      fs.symlinkSync('/dev/null', link);
      const result = run(['codebook', 'export', '--glossary', glossary, '--out', link]);
      assert.deepEqual(result, { code: 2, stdout: '', stderr: `cannot write ${link}: a symbolic link to a character device; --out replaces only regular files (use - for standard output)\n` });
      assert.ok(fs.lstatSync(link).isSymbolicLink());
    });

    it('refuses a FIFO and leaves it', () => {
      const glossary = write('g.glossary.yaml', GLOSSARY);
      const fifo = path.join(dir, 'out.fifo');
      execFileSync('mkfifo', [fifo]);
      const result = run(['codebook', 'export', '--glossary', glossary, '--out', fifo]);
      assert.deepEqual(result, { code: 2, stdout: '', stderr: `cannot write ${fifo}: a FIFO (named pipe); --out replaces only regular files (use - for standard output)\n` });
      assert.ok(fs.lstatSync(fifo).isFIFO());
    });

    it('refuses a directory', () => {
      const glossary = write('g.glossary.yaml', GLOSSARY);
      assert.deepEqual(run(['codebook', 'export', '--glossary', glossary, '--out', dir]), { code: 2, stdout: '', stderr: `cannot write ${dir}: is a directory\n` });
    });

    it('refuses a symbolic link to a regular file: it could point at any file of the user', () => {
      const glossary = write('g.glossary.yaml', GLOSSARY);
      const real = write('real.qdc', 'old');
      const link = path.join(dir, 'link.qdc');
      fs.symlinkSync(real, link);
      assert.deepEqual(run(['codebook', 'export', '--glossary', glossary, '--out', link]), {
        code: 2,
        stdout: '',
        stderr: `cannot write ${link}: a symbolic link; --out replaces only regular files (name the file it points to, or use - for standard output)\n`,
      });
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.equal(fs.readFileSync(real, 'utf8'), 'old');
    });

    it('writes to standard output for -', () => {
      const glossary = write('g.glossary.yaml', GLOSSARY);
      const result = run(['codebook', 'export', '--glossary', glossary, '--out', '-']);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /^<\?xml/);
      assert.equal(fs.existsSync(path.join(dir, '-')), false);
    });

    it('never writes an export over the annotations file or a tagged document', () => {
      const { folder, annotations, doc } = workspace('ws-out');
      const before = [fs.readFileSync(annotations, 'utf8'), fs.readFileSync(doc, 'utf8')];
      assert.deepEqual(run(['export', '--format', 'csv', '--folder', folder, '--out', annotations]), {
        code: 2,
        stdout: '',
        stderr: `cannot write ${annotations}: it is the annotations file ${annotations}, which this command reads; choose another --out\n`,
      });
      assert.deepEqual(run(['export', '--format', 'md', '--folder', folder, '--out', doc]), {
        code: 2,
        stdout: '',
        stderr: `cannot write ${doc}: it is the document ${doc}, which this command reads; choose another --out\n`,
      });
      assert.deepEqual([fs.readFileSync(annotations, 'utf8'), fs.readFileSync(doc, 'utf8')], before);
    });

    it('never writes a codebook over the glossary it is made from', () => {
      const glossary = write('self.glossary.yaml', GLOSSARY);
      const result = run(['codebook', 'export', '--glossary', glossary, '--out', glossary]);
      assert.equal(result.code, 2);
      assert.equal(result.stderr, `cannot write ${glossary}: it is the glossary ${glossary}, which this command reads; choose another --out\n`);
      assert.equal(fs.readFileSync(glossary, 'utf8'), GLOSSARY);
    });
  });

  describe('export reads only inside --folder (item 3)', () => {
    it('does not read a document through a symbolic link that leaves the folder', () => {
      const secret = write('secret.txt', 'ไทยกับจีนความลับ\n');
      const { folder } = workspace('ws-link', 'inside.txt');
      fs.rmSync(path.join(folder, 'inside.txt'));
      fs.symlinkSync(secret, path.join(folder, 'inside.txt'));
      const result = run(['export', '--format', 'csv', '--folder', folder]);
      assert.equal(result.code, 0);
      assert.equal(result.stderr, `warning: document ${path.join(folder, 'inside.txt')} not read: it is a symbolic link to ${fs.realpathSync(secret)}, outside the folder; 1 tagged passage in it exported as orphaned\n`);
      assert.ok(!result.stdout.includes('ความลับ'));
      assert.match(result.stdout, /,true\r\n$/);
    });

    it('does not load a glossary of the folder that is a symbolic link to outside it', () => {
      const outside = write('outside.glossary.yaml', 'version: 1\nthemes:\n  - id: outside\n    label: นอก\n    terms: [ไทยกับจีน]\n');
      const { folder } = workspace('ws-glossary-link');
      fs.symlinkSync(outside, path.join(folder, 'linked.glossary.yaml'));
      const result = run(['export', '--format', 'csv', '--folder', folder]);
      assert.equal(result.code, 0);
      assert.equal(result.stderr, `warning: glossary ${path.join(folder, 'linked.glossary.yaml')} not read: it is a symbolic link to ${fs.realpathSync(outside)}, outside the folder\n`);
    });

    it('refuses an annotations file whose document path climbs out with ..', () => {
      write('outside.txt', 'ไทยกับจีนลงนาม\n');
      const { folder, annotations } = workspace('ws-dots', '../outside.txt');
      const result = run(['export', '--format', 'csv', '--folder', folder]);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, new RegExp(`^${annotations.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: not a valid annotations file: tags\\[0\\]\\.document must be a path inside the workspace folder`));
    });
  });

  describe('inputs are read once, and only regular files or - (items 4, 8)', () => {
    it('reads standard input for -', () => {
      const result = run(['analyze', '--format', 'summary', '-'], undefined, 'ไทย 2566');
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout).documents[0], { path: '-', length: 8, counts: { term: 0, country: 1, date: 0 }, themes: {}, countries: { TH: 1 } });
    });

    it('reads standard input only once', () => {
      assert.deepEqual(run(['analyze', '-', '-'], undefined, 'ไทย'), { code: 2, stdout: '', stderr: 'standard input (-) can be read only once\n' });
    });

    it('refuses a FIFO without opening it', () => {
      const fifo = path.join(dir, 'in.fifo');
      execFileSync('mkfifo', [fifo]);
      assert.deepEqual(run(['analyze', fifo]), { code: 2, stdout: '', stderr: `cannot read file ${fifo}: a FIFO (named pipe), not a regular file (use - for standard input)\n` });
    });

    it('refuses devices as documents, glossaries and annotations files', () => {
      const doc = write('d.txt', 'ไทย');
      assert.deepEqual(run(['analyze', '/dev/zero']), { code: 2, stdout: '', stderr: 'cannot read file /dev/zero: a character device, not a regular file (use - for standard input)\n' });
      assert.deepEqual(run(['analyze', '--glossary', '/dev/zero', doc]), { code: 2, stdout: '', stderr: 'cannot read glossary /dev/zero: a character device, not a regular file (use - for standard input)\n' });
      const { folder, annotations } = workspace('ws-zero');
      fs.rmSync(annotations);
      fs.symlinkSync('/dev/zero', annotations);
      assert.deepEqual(run(['export', '--format', 'csv', '--folder', folder]), {
        code: 2,
        stdout: '',
        stderr: `cannot read annotations file ${annotations}: a character device, not a regular file (use - for standard input)\n`,
      });
      assert.deepEqual(run(['codebook', 'import', '/dev/urandom', '--out', path.join(dir, 'never.glossary.yaml')]), {
        code: 2,
        stdout: '',
        stderr: 'cannot read codebook /dev/urandom: a character device, not a regular file (use - for standard input)\n',
      });
    });

    it('caps the size of each kind of file; --max-size changes the cap', () => {
      const doc = write('big.txt', 'ไทย'.repeat(1000)); // 9,000 bytes
      assert.deepEqual(run(['analyze', '--max-size', '0.005', doc]), { code: 2, stdout: '', stderr: `${doc}: file larger than the limit of 5,000 bytes (it has 9,000 bytes); raise it with --max-size MB\n` });
      assert.equal(run(['analyze', '--max-size', '0.01', doc]).code, 0);
      assert.deepEqual(run(['analyze', '--max-size', 'lots', doc]), { code: 2, stdout: '', stderr: 'invalid --max-size "lots": give a number of megabytes, such as 500\n' });
      assert.deepEqual(run(['analyze', '--max-size', '0.005', '-'], undefined, 'ไทย'.repeat(1000)), { code: 2, stdout: '', stderr: 'standard input: file larger than the limit of 5,000 bytes; raise it with --max-size MB\n' });
    });
  });

  describe('quadratic corners (item 6)', () => {
    it('exports 20,000 tags in one document in linear time', function () {
      this.timeout(60000);
      const line = 'ไทยกับจีนลงนามการค้าเสรี';
      const count = 20000;
      const folder = path.join(dir, 'ws-many');
      fs.mkdirSync(path.join(folder, '.policy-lens'), { recursive: true });
      fs.writeFileSync(path.join(folder, 'a.txt'), `${line}\n`.repeat(count));
      const tags = Array.from({ length: count }, (_, i) => ({
        id: `t${i}`,
        document: 'a.txt',
        theme: 'trade',
        created: '2025-01-01T00:00:00.000Z',
        modified: '2025-01-01T00:00:00.000Z',
        quote: { type: 'TextQuoteSelector' as const, exact: line.slice(0, 9), prefix: '', suffix: line.slice(9, 20) },
        position: { type: 'TextPositionSelector' as const, start: i * (line.length + 1), end: i * (line.length + 1) + 9 },
      }));
      fs.writeFileSync(path.join(folder, '.policy-lens', 'annotations.json'), serializeAnnotationsFile({ version: 1, themes: [], tags }));
      const started = Date.now();
      const result = run(['export', '--format', 'csv', '--folder', folder]);
      const took = Date.now() - started;
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout.split('\r\n').length, count + 2);
      assert.ok(result.stdout.includes(`a.txt,trade,trade,ไทยกับจีน,,${count},`));
      assert.ok(took < 10000, `took ${took} ms`); // 20,000 tags took about 35 s when each passage counted lines from the start
    });
  });

  describe('encodings (item 12)', () => {
    const thai = 'ไทยกับจีน';
    const utf16le = (s: string): Buffer => Buffer.from(s, 'utf16le');
    const utf16be = (s: string): Buffer => {
      const b = utf16le(s);
      for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
      return b;
    };

    it('reads UTF-16 with a byte order mark, little- and big-endian, and UTF-8 with one', () => {
      for (const [name, bytes] of [
        ['le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(thai)])],
        ['be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(thai)])],
        ['bom8.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(thai)])],
      ] as const) {
        const result = run(['analyze', '--format', 'summary', write(name, bytes)]);
        assert.equal(result.code, 0, `${name}: ${result.stderr}`);
        assert.deepEqual(JSON.parse(result.stdout).documents[0].countries, { TH: 1, CN: 1 }, name);
      }
    });

    it('refuses UTF-16 without a byte order mark instead of reading garbage', () => {
      const file = write('nobom.txt', utf16le(thai));
      assert.deepEqual(run(['analyze', file]), {
        code: 2,
        stdout: '',
        stderr: `${file}: not a text file: 78% of its first characters are control characters: binary, or UTF-16 without a byte order mark\n`,
      });
    });

    it('warns of invalid UTF-8 in a document, with its line and column, and goes on', () => {
      const file = write('bad.txt', Buffer.concat([Buffer.from('ไทย\nจีน '), Buffer.from([0xe0, 0xb8]), Buffer.from(' ลาว')]));
      const result = run(['analyze', '--format', 'summary', file]);
      assert.equal(result.code, 0);
      assert.equal(result.stderr, `${file}:2:5: warning: invalid UTF-8, read as U+FFFD\n`);
      assert.deepEqual(JSON.parse(result.stdout).documents[0].countries, { TH: 1, CN: 1, LA: 1 });
    });

    it('refuses invalid UTF-8 in a glossary, with its line and column', () => {
      const glossary = write('bad.glossary.yaml', Buffer.concat([Buffer.from('version: 1\nthemes:\n  - id: x\n    label: X\n    terms: ["'), Buffer.from([0xe0, 0xb8, 0x28, 0xe0]), Buffer.from('"]\n')]));
      const doc = write('d.txt', 'ไทย');
      assert.deepEqual(run(['analyze', '--glossary', glossary, doc]), { code: 2, stdout: '', stderr: `${glossary}:5:14: invalid UTF-8 in the glossary: save it as UTF-8\n` });
    });
  });
});
