import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { strFromU8, unzipSync } from 'fflate';
import type { ThaiPolicyLensApi } from '../../src/extension/extension';
import type { ExportResult } from '../../src/extension/features/exportReports';
import type { ExportProjectResult } from '../../src/extension/features/exportProject';
import type { ImportProjectResult } from '../../src/extension/features/importProject';
import { xmllintSchema } from '../support/xmllint';
import type { TagInfo } from '../../src/extension/features/tagging';
import { runCli } from '../../src/cli/main';
import { testHooksOf } from '../../src/extension/testHooks';
import { getApi, workspaceUri, writeWorkspaceFile } from './helpers';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // keep the BOM, to check it
const DOCUMENT = 'export-statement.txt';
const TEXT = [
  'ข่าวสารนิเทศ',
  'นายกรัฐมนตรีเยือนประเทศญี่ปุ่นเมื่อวันที่ 16 พฤศจิกายน 2564 เพื่อหารือเรื่องความมั่นคงทางทะเล',
  'ทั้งสองฝ่ายสนับสนุนการทูตสาธารณะ',
  '',
].join('\n');
const FIRST = 'นายกรัฐมนตรีเยือนประเทศญี่ปุ่นเมื่อวันที่ 16 พฤศจิกายน 2564';
const SECOND = 'ทั้งสองฝ่ายสนับสนุนการทูตสาธารณะ';
const NOTE = '=ตรวจสอบ, "ด่วน"';

async function read(name: string): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(workspaceUri(name)));
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('exports of coded passages', () => {
  let api: ThaiPolicyLensApi;
  let uri: vscode.Uri;
  let first: TagInfo;
  let second: TagInfo;

  before(async () => {
    api = await getApi();
    await vscode.workspace.fs.delete(workspaceUri('.policy-lens'), { recursive: true }).then(undefined, () => undefined);
    await testHooksOf(api).tagging.reload();
    uri = await writeWorkspaceFile(DOCUMENT, TEXT);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const tag = async (needle: string, themeId: string, note?: string) => {
      const start = TEXT.indexOf(needle);
      const made = await vscode.commands.executeCommand<TagInfo>('thaiPolicyLens.tagSelection', { uri: uri.toString(), range: { start, end: start + needle.length }, themeId, note });
      assert.ok(made, `tagged "${needle}"`);
      return made;
    };
    first = await tag(FIRST, 'test-security', NOTE);
    second = await tag(SECOND, 'test-public-diplomacy');
    await testHooksOf(api).tagging.flush();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri('.policy-lens'), { recursive: true }).then(undefined, () => undefined);
    await testHooksOf(api).tagging.reload();
    for (const name of [DOCUMENT, 'out.csv', 'out.md', 'out.jsonld']) await vscode.workspace.fs.delete(workspaceUri(name)).then(undefined, () => undefined);
  });

  it('writes CSV with the document, theme, text, note, line, countries and dates of each passage', async () => {
    const result = await vscode.commands.executeCommand<ExportResult>('thaiPolicyLens.exportCsv', { file: workspaceUri('out.csv').toString() });
    assert.deepEqual(result, { file: workspaceUri('out.csv').toString(), passages: 2 });
    const text = await read('out.csv');
    assert.ok(text.startsWith('\ufeff'), 'a UTF-8 byte order mark for spreadsheets');
    const rows = parseCsv(text.slice(1));
    assert.deepEqual(rows, [
      ['document', 'theme', 'theme_label', 'text', 'note', 'line', 'start', 'end', 'countries', 'dates', 'orphaned'],
      [DOCUMENT, 'test-security', 'ความมั่นคงทดสอบ (Test security)', FIRST, `'${NOTE}`, '2', String(first.start), String(first.end), 'JP', '16 พฤศจิกายน 2564 [2021-11-16]', 'false'],
      [DOCUMENT, 'test-public-diplomacy', 'การทูตสาธารณะทดสอบ (Test public diplomacy)', SECOND, '', '3', String(second.start), String(second.end), '', '', 'false'],
    ]);
  });

  it('writes a Markdown report grouped by theme, with the text escaped', async () => {
    await vscode.commands.executeCommand('thaiPolicyLens.exportMarkdown', { file: workspaceUri('out.md').toString() });
    const md = await read('out.md');
    const lines = md.split('\n');
    assert.equal(lines[0], '# Coded passages');
    assert.ok(lines.includes('2 passages in 1 document.'));
    const security = lines.indexOf('## ความมั่นคงทดสอบ (Test security)');
    const publicDiplomacy = lines.indexOf('## การทูตสาธารณะทดสอบ (Test public diplomacy)');
    assert.ok(security > 0 && publicDiplomacy > security, md);
    assert.ok(lines.includes('Theme `test-diplomacy / test-public-diplomacy`: 1 passage.'), md);
    assert.ok(lines.includes(`> ${FIRST}`), md);
    assert.ok(lines.includes('Line 2. Note: =ตรวจสอบ, "ด่วน"'), md);
  });

  it('writes W3C Web Annotation JSON with quote and position selectors', async () => {
    await vscode.commands.executeCommand('thaiPolicyLens.exportWebAnnotations', { file: workspaceUri('out.jsonld').toString() });
    const json = JSON.parse(await read('out.jsonld'));
    const base = `${workspaceUri().toString()}/`;
    assert.deepEqual(json['@context'], ['http://www.w3.org/ns/anno.jsonld', { '@base': base }]);
    assert.equal(json.type, 'AnnotationCollection');
    assert.equal(json.total, 2);
    const [a, b] = json.first.items;
    assert.equal(a.type, 'Annotation');
    assert.deepEqual(a.motivation, ['tagging', 'commenting']);
    assert.equal(a.target.source, DOCUMENT, 'relative to the workspace folder');
    assert.equal(new URL(a.target.source, base).href, uri.toString());
    assert.deepEqual(a.target.selector, [
      { type: 'TextQuoteSelector', exact: FIRST },
      { type: 'TextPositionSelector', start: first.start, end: first.end },
    ]);
    assert.deepEqual(
      a.body.map((x: { purpose: string; value?: string }) => [x.purpose, x.value]),
      [
        ['tagging', 'ความมั่นคงทดสอบ (Test security)'],
        ['classifying', undefined],
        ['commenting', NOTE],
      ],
    );
    assert.equal(b.motivation, 'tagging');
    assert.equal(b.target.selector[0].exact, SECOND);
  });

  it('exports only one document when asked, and nothing when there are no tags', async () => {
    const other = await writeWorkspaceFile('export-empty.txt', 'ไม่มีการติดแท็ก\n');
    try {
      const none = await vscode.commands.executeCommand<ExportResult | undefined>('thaiPolicyLens.exportCsv', { file: workspaceUri('out.csv').toString(), document: other.toString() });
      assert.equal(none, undefined);
      const one = await vscode.commands.executeCommand<ExportResult>('thaiPolicyLens.exportCsv', { file: workspaceUri('out.csv').toString(), document: uri.toString() });
      assert.equal(one.passages, 2);
    } finally {
      await vscode.workspace.fs.delete(other).then(undefined, () => undefined);
    }
  });

  it('saves into .policy-lens/exports by default, which the workspace index skips', async () => {
    // the save dialog (VS Code's own; a quick input in the browser) starts there: accept it as it is
    let result: ExportResult | undefined;
    let settled = false;
    const pending = vscode.commands.executeCommand<ExportResult>('thaiPolicyLens.exportMarkdown').then((r) => {
      settled = true;
      result = r;
    });
    for (let i = 0; i < 100 && !settled; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    await pending;
    const exported = workspaceUri('.policy-lens', 'exports', 'coded-passages.md');
    assert.equal(result?.file, exported.toString());
    assert.match(await read('.policy-lens/exports/coded-passages.md'), /^# Coded passages/);
    // the export quotes the passages, with their terms and countries: none of it is counted
    try {
      await vscode.commands.executeCommand('thaiPolicyLens.tree.scopeWorkspace');
      await vscode.commands.executeCommand('thaiPolicyLens.tree.refresh');
      await vscode.commands.executeCommand('thaiPolicyLens.tree.filter', '.policy-lens');
      assert.deepEqual(await api.getTreeItems(), [], 'nothing of the exports folder in the workspace tree');
      await vscode.commands.executeCommand('thaiPolicyLens.tree.filter', DOCUMENT);
      assert.ok((await api.getTreeItems()).length > 0, 'the document itself is indexed');
    } finally {
      await vscode.commands.executeCommand('thaiPolicyLens.tree.clearFilter');
      await vscode.commands.executeCommand('thaiPolicyLens.tree.scopeDocument');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
  });

  it('writes the same bytes as `thai-policy-lens export` on the same folder, in every format', async () => {
    const folder = workspaceUri().fsPath;
    const reference = vscode.workspace.getConfiguration('thaiPolicyLens').get<string>('referenceDate', '');
    assert.ok(reference, 'the fixture workspace sets a reference date');
    const commands = { csv: 'thaiPolicyLens.exportCsv', md: 'thaiPolicyLens.exportMarkdown', webanno: 'thaiPolicyLens.exportWebAnnotations' } as const;
    for (const [format, command] of Object.entries(commands)) {
      const name = `same.${format}`;
      try {
        await vscode.commands.executeCommand<ExportResult>(command, { file: workspaceUri(name).toString() });
        const fromEditor = await read(name);
        let stdout = '';
        let stderr = '';
        // the fixture workspace turns the built-in glossary off; the folder's own glossary is found by both
        const code = runCli(['export', '--format', format, '--folder', folder, '--no-builtin-glossary', '--reference-date', reference], {
          stdout: { write: (chunk: string) => (stdout += chunk) },
          stderr: { write: (chunk: string) => (stderr += chunk) },
        });
        assert.equal(code, 0, stderr);
        assert.equal(stderr, '');
        assert.ok(fromEditor.length > 100, fromEditor);
        assert.equal(fromEditor, stdout, `${format}: the editor's export and the command line's differ`);
      } finally {
        await vscode.workspace.fs.delete(workspaceUri(name)).then(undefined, () => undefined);
      }
    }
  });

  it('exports a REFI-QDA project valid by the schema, the same bytes as `thai-policy-lens export --format qdpx`', async () => {
    const folder = workspaceUri().fsPath;
    const name = 'same.qdpx';
    const cliOut = path.join(os.tmpdir(), `tpl-int-${process.pid}.qdpx`);
    try {
      const result = await vscode.commands.executeCommand<ExportProjectResult>('thaiPolicyLens.exportProject', { file: workspaceUri(name).toString() });
      assert.deepEqual({ passages: result?.passages, skipped: result?.skipped }, { passages: 2, skipped: 0 });
      const fromEditor = await vscode.workspace.fs.readFile(workspaceUri(name));
      const files = unzipSync(fromEditor);
      const qde = strFromU8(files['project.qde']);
      assert.deepEqual(xmllintSchema(qde), { status: 0, output: 'project.qde validates\n' });
      assert.ok(qde.includes(`startPosition="${TEXT.indexOf(FIRST)}" endPosition="${TEXT.indexOf(FIRST) + FIRST.length}"`), qde);
      let stderr = '';
      const code = runCli(['export', '--format', 'qdpx', '--folder', folder, '--no-builtin-glossary', '--out', cliOut], {
        stdout: { write: () => true },
        stderr: { write: (chunk: string) => (stderr += chunk) },
      });
      assert.equal(code, 0, stderr);
      assert.deepEqual(Buffer.from(fromEditor), fs.readFileSync(cliOut), "the editor's project and the command line's differ");
      // imported back into the folder it came from: nothing new
      const back = await vscode.commands.executeCommand<ImportProjectResult>('thaiPolicyLens.importProject', { file: workspaceUri(name).toString() });
      assert.deepEqual(back, { documents: 0, themes: 0, terms: 0, tags: 0, warnings: [], glossary: undefined });
    } finally {
      fs.rmSync(cliOut, { force: true });
      await vscode.workspace.fs.delete(workspaceUri(name)).then(undefined, () => undefined);
    }
  });

  it('records the coder of the setting thaiPolicyLens.coder in each new tag, and exports it', async () => {
    const config = vscode.workspace.getConfiguration('thaiPolicyLens');
    await config.update('coder', 'ผู้ทดสอบ', vscode.ConfigurationTarget.Workspace);
    try {
      const needle = 'การทูตสาธารณะ';
      const start = TEXT.indexOf(needle);
      const made = await vscode.commands.executeCommand<TagInfo>('thaiPolicyLens.tagSelection', { uri: uri.toString(), range: { start, end: start + needle.length }, themeId: 'test-security' });
      assert.equal(made.creator, 'ผู้ทดสอบ');
      await testHooksOf(api).tagging.flush();
      // each coder's tags are in their own file
      const stored = JSON.parse(await read('.policy-lens/tags/ผู้ทดสอบ.json')) as { tags: Array<{ id: string; creator?: string }> };
      assert.equal(stored.tags.find((t) => t.id === made.id)?.creator, 'ผู้ทดสอบ');
      await vscode.commands.executeCommand('thaiPolicyLens.removeTag', { tagId: made.id });
    } finally {
      await config.update('coder', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('Compare Coders... writes the agreement table, the same bytes as `thai-policy-lens agreement --format csv`', async () => {
    const config = vscode.workspace.getConfiguration('thaiPolicyLens');
    const made: string[] = [];
    const name = 'agreement.csv';
    try {
      for (const [coder, needle] of [['ผู้ลงรหัสหนึ่ง', 'ทั้งสองฝ่ายสนับสนุน'], ['ผู้ลงรหัสสอง', 'สนับสนุนการทูต']] as const) {
        await config.update('coder', coder, vscode.ConfigurationTarget.Workspace);
        const start = TEXT.indexOf(needle);
        const tag = await vscode.commands.executeCommand<TagInfo>('thaiPolicyLens.tagSelection', { uri: uri.toString(), range: { start, end: start + needle.length }, themeId: 'test-public-diplomacy' });
        made.push(tag.id);
      }
      await testHooksOf(api).tagging.flush();
      const coders = ['ผู้ลงรหัสหนึ่ง', 'ผู้ลงรหัสสอง'];
      const result = await vscode.commands.executeCommand<{ file: string; rows: number; disagreements: Array<{ coder: string; start: number; end: number }> }>('thaiPolicyLens.compareCoders', { coders, file: workspaceUri(name).toString() });
      assert.equal(result.rows, 4);
      // the passages coded by one coder only: 'ทั้งสองฝ่าย' by the first, 'การทูต' by the second
      const first = TEXT.indexOf('ทั้งสองฝ่ายสนับสนุน');
      const second = TEXT.indexOf('สนับสนุนการทูต');
      assert.deepEqual(
        result.disagreements.map((d) => [d.coder, TEXT.slice(d.start, d.end)]),
        [
          [coders[0], TEXT.slice(first, second)],
          [coders[1], TEXT.slice(first + 'ทั้งสองฝ่ายสนับสนุน'.length, second + 'สนับสนุนการทูต'.length)],
        ],
      );
      const fromEditor = await read(name);
      let stdout = '';
      let stderr = '';
      const code = runCli(['agreement', '--format', 'csv', '--coder', coders[0], '--coder', coders[1], workspaceUri().fsPath], {
        stdout: { write: (chunk: string) => (stdout += chunk) },
        stderr: { write: (chunk: string) => (stderr += chunk) },
      });
      assert.equal(code, 0, stderr);
      assert.equal(fromEditor, stdout);
      // 'ทั้งสองฝ่ายสนับสนุน' and 'สนับสนุนการทูต' share 'สนับสนุน' (8 characters)
      assert.match(fromEditor, /\r\ntest-public-diplomacy,export-statement\.txt,\d+,8,11,6,/);
    } finally {
      for (const id of made) await vscode.commands.executeCommand('thaiPolicyLens.removeTag', { tagId: id });
      await config.update('coder', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(workspaceUri(name)).then(undefined, () => undefined);
    }
  });
});
