// Measures edit-to-highlight time on a 1 MB document and prints it (no assertion on time: the
// machine is shared; the figure goes into the README). Asserts only that every edit was highlighted.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { getApi, waitFor, writeWorkspaceFile } from './helpers';

const SENTENCES = [
  'กระทรวงการต่างประเทศแถลงว่าการทูตดิจิทัลเป็นเครื่องมือสำคัญของความร่วมมือกับสาธารณรัฐอินโดนีเซีย',
  'เมื่อวันที่ 16 พฤศจิกายน 2564 ที่ประชุมย้ำการไม่แพร่ขยายอาวุธนิวเคลียร์และการหยุดยิง',
  'คณะรัฐมนตรีเห็นชอบการเจรจาทวิภาคีกับสหรัฐฯ ญี่ปุ่น และสปป.ลาว ภายในปี พ.ศ. 2569',
  'รายงานฉบับนี้กล่าวถึงการทูตสาธารณะและบทบาทของภาคประชาสังคมในภูมิภาคเอเชียตะวันออกเฉียงใต้',
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

describe('edit performance', function () {
  this.timeout(120_000);

  it('highlights a 1 MB document and follows edits (prints the timings)', async () => {
    const api = await getApi();
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 1_000_000; i++) {
      const line = SENTENCES[i % SENTENCES.length];
      lines.push(line);
      size += line.length + 1;
    }
    const uri = await writeWorkspaceFile('editPerformance-1mb.txt', lines.join('\n') + '\n');
    const started = performance.now();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const first = await waitFor(() => api.getHighlights(editor.document.uri), 'first highlights', 60_000);
    const openMs = performance.now() - started;
    const timings: number[] = [];
    const analysisTimings: number[] = [];
    for (let i = 0; i < 20; i++) {
      const line = Math.floor((i * 997) % editor.document.lineCount);
      await editor.edit((e) => e.insert(new vscode.Position(line, 0), 'หยุดยิง'));
      const shown = await waitFor(() => {
        const h = api.getHighlights(editor.document.uri);
        return h && h.version === editor.document.version ? h : undefined;
      }, 'highlights after an edit');
      assert.ok(shown.incremental);
      timings.push(shown.editToHighlightMs ?? NaN);
      analysisTimings.push(shown.analysisMs);
    }
    const terms = Object.entries(first.ranges).filter(([k]) => k.startsWith('theme:')).reduce((n, [, r]) => n + r.length, 0);
    console.log(
      `edit performance: ${(size / 1e6).toFixed(2)} M chars, ${terms} term highlights; open to first highlight ${openMs.toFixed(0)} ms ` +
        `(full analysis ${first.analysisMs.toFixed(0)} ms); edit to highlight median ${median(timings).toFixed(1)} ms ` +
        `(max ${Math.max(...timings).toFixed(1)} ms; incremental analysis median ${median(analysisTimings).toFixed(2)} ms) over ${timings.length} edits`,
    );
    assert.equal(timings.filter((t) => Number.isFinite(t)).length, 20, 'every edit was timed');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
