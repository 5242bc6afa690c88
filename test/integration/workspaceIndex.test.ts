import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { IndexPassStats } from '../../src/extension/services/workspaceIndex';
import { testHooksOf } from '../../src/extension/testHooks';
import { findItem as find, getApi, setSetting, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';


/**
 * The descriptions of a term's occurrences in one file (workspace scope: "file · line N"), with
 * the tree filtered by the file's path (other tests leave large files in the workspace).
 */
async function occurrencesIn(term: string, file: string): Promise<string[]> {
  await vscode.commands.executeCommand('thaiPolicyLens.tree.filter', file);
  const items = await (await getApi()).getTreeItems();
  await vscode.commands.executeCommand('thaiPolicyLens.tree.clearFilter');
  return (find(items, term)?.children ?? []).map((o) => o.description ?? '');
}

/**
 * The number in a term's description ("12 · Ceasefire" -> 12), with the tree filtered by a path:
 * documents other tests leave open (and VS Code keeps in memory a while after they close) stay out.
 */
async function countOf(term: string, path: string): Promise<number> {
  await vscode.commands.executeCommand('thaiPolicyLens.tree.filter', path);
  const items = await (await getApi()).getTreeItems();
  await vscode.commands.executeCommand('thaiPolicyLens.tree.clearFilter');
  return Number.parseInt((find(items, term)?.description ?? '0').replace(/,/g, ''), 10);
}

const CEASEFIRE = 'term:test-security:หยุดยิง';

/**
 * Sentences in the style of cabinet and ministry statements (written for this test). Each has
 * one หยุดยิง at most, never inside a longer term, so the expected count is exact.
 */
const SENTENCES = [
  'คณะรัฐมนตรีมีมติเห็นชอบร่างแถลงการณ์ร่วมว่าด้วยความร่วมมือทางเศรษฐกิจระหว่างไทยกับเวียดนาม ',
  'ที่ประชุมยืนยันข้อตกลงหยุดยิงตามแนวชายแดนและขอให้ทุกฝ่ายใช้ความอดทนอดกลั้นสูงสุด ',
  'กระทรวงการต่างประเทศจะจัดการประชุมคณะกรรมาธิการร่วมครั้งที่ ๑๔ ในวันที่ 3 กุมภาพันธ์ 2568 ณ กรุงเทพมหานคร ',
  'ฝ่ายไทยเสนอให้ขยายความร่วมมือด้านการทูตดิจิทัลและการพัฒนาทักษะของบุคลากรภาครัฐ ',
  'ผู้แทนมาเลเซียและสิงคโปร์แสดงความพร้อมที่จะสนับสนุนกลไกตรวจสอบการหยุดยิงอย่างเป็นรูปธรรม ',
  'ทั้งนี้ ให้หน่วยงานที่เกี่ยวข้องรายงานผลการดำเนินงานต่อคณะรัฐมนตรีภายในเดือนมิถุนายน 2568\n',
];

function benchDocument(i: number, targetBytes: number): { text: string; ceasefires: number } {
  const encoder = new TextEncoder();
  const parts = [`บันทึกการประชุมฉบับที่ ${i + 1}\n`];
  let size = encoder.encode(parts[0]).length;
  let ceasefires = 0;
  for (let k = 0; size < targetBytes; k++) {
    const sentence = SENTENCES[(i + k) % SENTENCES.length];
    parts.push(sentence);
    size += encoder.encode(sentence).length;
    if (sentence.includes('หยุดยิง')) ceasefires++;
  }
  return { text: parts.join(''), ceasefires };
}

describe('workspace index', () => {
  before(async () => {
    await getApi();
    await vscode.commands.executeCommand('thaiPolicyLens.tree.scopeWorkspace');
  });

  after(async () => {
    await setSetting('thaiPolicyLens.maxFileSize', undefined);
    await vscode.commands.executeCommand('thaiPolicyLens.tree.scopeDocument');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('follows files as they are created, changed and deleted', async () => {
    const name = 'workspaceIndex-live.txt';
    const uri = await writeWorkspaceFile(name, 'ข้อตกลงหยุดยิงมีผลทันที\nทั้งสองฝ่ายยืนยันการหยุดยิง');
    try {
      await waitFor(async () => ((await occurrencesIn(CEASEFIRE, name)).length === 2 ? true : undefined), 'the new file indexed');
      assert.deepEqual(await occurrencesIn(CEASEFIRE, name), [`${name} · line 1`, `${name} · line 2`]);
      await writeWorkspaceFile(name, 'ร่างใหม่\n\nข้อตกลงหยุดยิงมีผลทันที');
      await waitFor(async () => ((await occurrencesIn(CEASEFIRE, name)).length === 1 ? true : undefined), 'the change indexed');
      assert.deepEqual(await occurrencesIn(CEASEFIRE, name), [`${name} · line 3`]);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor(async () => ((await occurrencesIn(CEASEFIRE, name)).length === 0 ? true : undefined), 'the deleted file dropped');
  });

  it('open documents count with their unsaved text', async () => {
    const name = 'workspaceIndex-open.txt';
    const uri = await writeWorkspaceFile(name, 'ไม่มีคำสำคัญในบรรทัดนี้\n');
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'ที่ประชุมเรียกร้องให้หยุดยิง'));
      await waitFor(async () => ((await occurrencesIn(CEASEFIRE, name)).length === 1 ? true : undefined), 'the unsaved edit seen');
      assert.deepEqual(await occurrencesIn(CEASEFIRE, name), [`${name} · line 2`]);
      // closed without saving: back to the file on disk
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor(async () => ((await occurrencesIn(CEASEFIRE, name)).length === 0 ? true : undefined), 'the file on disk again');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('gives an open document as the same object until it changes (the Themes view counts it once)', async () => {
    const hooks = testHooksOf(await getApi()).workspaceIndex;
    const name = 'workspaceIndex-same.txt';
    const uri = await writeWorkspaceFile(name, 'ที่ประชุมเรียกร้องให้หยุดยิง\n');
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const first = await waitFor(() => hooks.documentOf(uri), 'the open document listed');
      assert.equal(hooks.documentOf(uri), first, 'unchanged: the same object');
      await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'หยุดยิง'));
      const edited = hooks.documentOf(uri)!;
      assert.notEqual(edited, first, 'edited: a new object');
      assert.equal(edited.text, 'ที่ประชุมเรียกร้องให้หยุดยิง\nหยุดยิง');
      assert.equal(edited.annotations.filter((a) => a.kind === 'term' && a.term === 'หยุดยิง').length, 2);
      assert.equal(first.text, 'ที่ประชุมเรียกร้องให้หยุดยิง\n', 'the earlier object keeps its text');
      assert.equal(hooks.documentOf(uri), edited);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('an open document the file patterns do not cover leaves the tree when it is closed', async () => {
    // Never read by the index (not a policy file), so only closing it can take it out.
    const name = 'workspaceIndex-open.notes';
    const uri = await writeWorkspaceFile(name, 'ไม่มีคำสำคัญในบรรทัดนี้\n');
    try {
      const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'plaintext');
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'ที่ประชุมเรียกร้องให้หยุดยิง'));
      await waitFor(async () => ((await occurrencesIn(CEASEFIRE, name)).length === 1 ? true : undefined), 'the unsaved edit seen');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor(async () => ((await occurrencesIn(CEASEFIRE, name)).length === 0 ? true : undefined), 'the closed document dropped');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('reads the files of thaiPolicyLens.index.include, less thaiPolicyLens.index.exclude, created ones too', async () => {
    const kept = await writeWorkspaceFile('indexed/kept.txt', 'ข้อตกลงหยุดยิง');
    const left = await writeWorkspaceFile('drafts/left.txt', 'ข้อตกลงหยุดยิง');
    const other = await writeWorkspaceFile('indexed/notes.policy-draft', 'ข้อตกลงหยุดยิง');
    try {
      await setSetting('thaiPolicyLens.index.exclude', ['drafts/**']);
      await vscode.commands.executeCommand('thaiPolicyLens.tree.refresh');
      assert.deepEqual(await occurrencesIn(CEASEFIRE, 'indexed/'), ['indexed/kept.txt · line 1']);
      assert.deepEqual(await occurrencesIn(CEASEFIRE, 'drafts/'), []);
      await setSetting('thaiPolicyLens.index.include', ['**/*.policy-draft']);
      await waitFor(async () => ((await occurrencesIn(CEASEFIRE, 'indexed/')).join() === 'indexed/notes.policy-draft · line 1' ? true : undefined), 'the include setting applied');
      // created after: the watcher's files go through the same globs
      await writeWorkspaceFile('drafts/late.policy-draft', 'ข้อตกลงหยุดยิง');
      await writeWorkspaceFile('indexed/late.policy-draft', 'ข้อตกลงหยุดยิง');
      await waitFor(async () => ((await occurrencesIn(CEASEFIRE, 'late.')).length === 1 ? true : undefined), 'the created file indexed');
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(await occurrencesIn(CEASEFIRE, 'late.'), ['indexed/late.policy-draft · line 1']);
    } finally {
      await setSetting('thaiPolicyLens.index.include', undefined);
      await setSetting('thaiPolicyLens.index.exclude', undefined);
      for (const uri of [kept, left, other]) await vscode.workspace.fs.delete(uri);
      await vscode.workspace.fs.delete(workspaceUri('drafts'), { recursive: true });
      await vscode.workspace.fs.delete(workspaceUri('indexed'), { recursive: true });
    }
  });

  it('leaves out files over the size limit', async () => {
    const small = 'workspaceIndex-small.txt';
    const large = 'workspaceIndex-large.txt';
    await writeWorkspaceFile(small, 'หยุดยิง');
    await writeWorkspaceFile(large, 'หยุดยิง ' + 'ก'.repeat(200));
    try {
      await vscode.commands.executeCommand('thaiPolicyLens.tree.refresh');
      assert.deepEqual(await occurrencesIn(CEASEFIRE, large), [`${large} · line 1`]);
      await setSetting('thaiPolicyLens.maxFileSize', 100);
      await waitFor(async () => ((await occurrencesIn(CEASEFIRE, large)).length === 0 ? true : undefined), 'the large file left out');
      assert.deepEqual(await occurrencesIn(CEASEFIRE, small), [`${small} · line 1`]);
    } finally {
      await setSetting('thaiPolicyLens.maxFileSize', undefined);
      await vscode.workspace.fs.delete(workspaceUri(small));
      await vscode.workspace.fs.delete(workspaceUri(large));
    }
  });

  it('indexes 1,000 documents of 20 KB (prints the time)', async function () {
    const files = Number(process.env.TPL_INDEX_BENCH_FILES ?? 1000);
    const bytes = Number(process.env.TPL_INDEX_BENCH_BYTES ?? 20 * 1024);
    this.timeout(300_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('thaiPolicyLens.tree.refresh');
    const folder = workspaceUri('workspaceIndex-bench');
    const inFolder = 'workspaceIndex-bench/';
    let expected = 0;
    let chars = 0;
    try {
      const docs = Array.from({ length: files }, (_, i) => benchDocument(i, bytes));
      for (let i = 0; i < files; i += 50) {
        await Promise.all(
          docs.slice(i, i + 50).map((d, j) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, `doc-${String(i + j).padStart(4, '0')}.txt`), new TextEncoder().encode(d.text))),
        );
      }
      for (const d of docs) {
        expected += d.ceasefires;
        chars += d.text.length;
      }
      await vscode.commands.executeCommand('thaiPolicyLens.tree.refresh'); // let the watcher's pass settle

      // a full pass (list, read, analyse every file), with the event loop's longest stall
      let longestStall = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        longestStall = Math.max(longestStall, now - last);
        last = now;
      }, 5);
      const started = performance.now();
      const stats = await vscode.commands.executeCommand<IndexPassStats>('thaiPolicyLens.tree.refresh');
      const millis = performance.now() - started;
      clearInterval(ticker);
      const treeStarted = performance.now();
      const total = await countOf(CEASEFIRE, inFolder);
      const treeMillis = performance.now() - treeStarted;
      console.log(
        `workspace index: ${files} files of ${bytes} bytes (${(chars / 1e6).toFixed(1)} M chars) indexed in ${millis.toFixed(0)} ms; ` +
          `longest event-loop stall ${longestStall.toFixed(0)} ms; tree snapshot ${treeMillis.toFixed(0)} ms`,
      );
      assert.equal(total, expected);
      assert.ok(stats.analyzed >= files && stats.read >= files, `every file read and analysed again: ${JSON.stringify(stats)}`);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
    await waitFor(async () => ((await countOf(CEASEFIRE, inFolder)) === 0 ? true : undefined), 'the deleted folder dropped', 30_000);
  });

  it('persists the index: a second start shows it, reads only the files changed since, and ignores a damaged one', async function () {
    this.timeout(120_000);
    const hooks = testHooksOf(await getApi()).workspaceIndex;
    const same = await writeWorkspaceFile('persisted/same.txt', 'ข้อตกลงหยุดยิงมีผลทันที');
    const changed = await writeWorkspaceFile('persisted/changed.txt', 'ข้อตกลงหยุดยิง');
    try {
      await vscode.commands.executeCommand('thaiPolicyLens.tree.refresh');
      const indexed = (await getApi()).getActivity().indexedFiles;
      const first = await hooks.reopen();
      assert.equal(first.shown, indexed, `every document shown from the persisted index (${first.outcome})`);
      assert.deepEqual([first.pass?.read, first.pass?.analyzed, first.pass?.reused], [0, 0, indexed]);
      console.log(`persisted workspace index: ${indexed} documents shown ${first.shownMs.toFixed(0)} ms after a second start, checked in ${first.readyMs.toFixed(0)} ms`);

      // a file changed on disk after the index was written: read and analysed again, alone
      await writeWorkspaceFile('persisted/changed.txt', 'ข้อตกลงหยุดยิง และการหยุดยิงอีกครั้ง');
      const second = await hooks.reopen({ save: false, uri: changed });
      assert.deepEqual([second.pass?.read, second.pass?.analyzed], [1, 1]);
      assert.equal(second.annotations, 2);

      // damaged: a line in the log, and the index built again from the files
      const snapshot = hooks.snapshotUri();
      assert.ok(snapshot);
      const bytes = await vscode.workspace.fs.readFile(snapshot);
      await vscode.workspace.fs.writeFile(snapshot, bytes.subarray(0, bytes.length >> 1));
      const damaged = await hooks.reopen({ save: false });
      assert.equal(damaged.shown, 0);
      assert.ok((damaged.pass?.read ?? 0) >= indexed, JSON.stringify(damaged.pass));
    } finally {
      for (const uri of [same, changed]) await vscode.workspace.fs.delete(uri);
      await vscode.workspace.fs.delete(workspaceUri('persisted'), { recursive: true });
    }
  });
});
