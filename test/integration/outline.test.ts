import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { getApi, openFixture, setSetting, waitFor, writeWorkspaceFile } from './helpers';

/** A document symbol as plain data: name, kind name, the line of its selection, its children. */
interface SymbolShape {
  name: string;
  kind: string;
  line: number;
  children?: SymbolShape[];
}

function shape(symbols: vscode.DocumentSymbol[]): SymbolShape[] {
  return symbols.map((s) => {
    const out: SymbolShape = { name: s.name, kind: vscode.SymbolKind[s.kind], line: s.selectionRange.start.line };
    if (s.children.length) out.children = shape(s.children);
    return out;
  });
}

async function symbolsOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return waitFor(async () => {
    const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
    return result && result.length ? result : undefined;
  }, 'document symbols');
}

function documentFor(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

describe('outline', () => {
  afterEach(async () => {
    await setSetting('thaiPolicyLens.thaiPolicyFiles', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a .policy.txt file with the thai-policy language', async () => {
    await getApi();
    const editor = await openFixture('outline-sample.policy.txt');
    assert.equal(editor.document.languageId, 'thai-policy');
  });

  it('lists the headings and clauses of a thai-policy document, nested, with their kinds', async () => {
    await getApi();
    const editor = await openFixture('outline-sample.policy.txt');
    const symbols = await symbolsOf(editor.document.uri);
    assert.deepStrictEqual(shape(symbols), [
      { name: 'มติคณะรัฐมนตรี', kind: 'Namespace', line: 0 },
      {
        name: 'เรื่อง ร่างแผนปฏิบัติการด้านการประชาสัมพันธ์ต่างประเทศ ระยะที่…',
        kind: 'File',
        line: 1,
        children: [
          {
            name: 'สาระสำคัญของเรื่อง',
            kind: 'Namespace',
            line: 5,
            children: [
              { name: '1. กระทรวงการต่างประเทศได้จัดทำร่างแผนปฏิบัติการเพื่อส่งเสริ…', kind: 'Field', line: 6 },
              {
                name: '2. ร่างแผนปฏิบัติการมีสาระสำคัญ 2 ประเด็น ดังนี้',
                kind: 'Field',
                line: 7,
                children: [
                  {
                    name: 'ประเด็นหลักที่ 1 : การสื่อสารผ่านสื่อดิจิทัล',
                    kind: 'Module',
                    line: 8,
                    children: [
                      { name: '1) จัดทำเนื้อหาภาษาต่างประเทศ', kind: 'Field', line: 9 },
                      { name: '2) ฝึกอบรมเจ้าหน้าที่ด้านการสื่อสาร', kind: 'Field', line: 10 },
                    ],
                  },
                  {
                    name: 'ประเด็นหลักที่ 2 : การแลกเปลี่ยนทางวัฒนธรรม',
                    kind: 'Module',
                    line: 11,
                    children: [
                      { name: '(ก) สนับสนุนทุนการศึกษา', kind: 'Key', line: 12 },
                      { name: '(ข) จัดเทศกาลวัฒนธรรมในต่างประเทศ*', kind: 'Key', line: 13 },
                    ],
                  },
                ],
              },
              { name: '3. ค่าใช้จ่ายให้ใช้จากงบประมาณรายจ่ายประจำปีของหน่วยงาน', kind: 'Field', line: 14 },
            ],
          },
          {
            name: 'ความเห็นของส่วนราชการ',
            kind: 'Namespace',
            line: 16,
            children: [
              {
                name: '๑. สำนักงบประมาณเห็นควรให้ความเห็นชอบ',
                kind: 'Field',
                line: 17,
                children: [{ name: '๑.๑ โดยให้หน่วยงานใช้จ่ายจากงบประมาณที่ได้รับจัดสรร', kind: 'Field', line: 18 }],
              },
            ],
          },
        ],
      },
    ]);
  });

  it('gives each symbol the range of its section and selects its line', async () => {
    await getApi();
    const editor = await openFixture('outline-sample.policy.txt');
    const doc = editor.document;
    const [, title] = await symbolsOf(doc.uri);
    // the title holds everything up to the separator before the footnote (line 19)
    assert.deepEqual([title.range.start.line, title.range.start.character, title.range.end.line, title.range.end.character], [1, 0, 18, doc.lineAt(18).text.length]);
    assert.deepEqual([title.selectionRange.end.line, title.selectionRange.end.character], [1, doc.lineAt(1).text.length]);
    const clause2 = title.children[0].children[1];
    // 2. runs to the end of (ข) on line 13, not into the blank line or 3.
    assert.deepEqual([clause2.range.start.line, clause2.range.end.line, clause2.range.end.character], [7, 13, doc.lineAt(13).text.length]);
    assert.deepEqual(doc.getText(clause2.selectionRange), '2. ร่างแผนปฏิบัติการมีสาระสำคัญ 2 ประเด็น ดังนี้');
  });

  it('follows edits: a new clause appears in the outline', async () => {
    await getApi();
    const editor = await openFixture('outline-sample.policy.txt');
    await editor.edit((e) => e.insert(new vscode.Position(15, 0), '4. ให้กระทรวงการต่างประเทศรายงานผลทุกปี\n'));
    const symbols = await symbolsOf(editor.document.uri);
    const clauses = symbols[1].children[0].children.map((s) => s.name);
    assert.deepEqual(clauses, [
      '1. กระทรวงการต่างประเทศได้จัดทำร่างแผนปฏิบัติการเพื่อส่งเสริ…',
      '2. ร่างแผนปฏิบัติการมีสาระสำคัญ 2 ประเด็น ดังนี้',
      '3. ค่าใช้จ่ายให้ใช้จากงบประมาณรายจ่ายประจำปีของหน่วยงาน',
      '4. ให้กระทรวงการต่างประเทศรายงานผลทุกปี',
    ]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('gives a plain-text Thai document an outline too', async () => {
    await getApi();
    const uri = await writeWorkspaceFile('outline-plain.txt', 'สาระสำคัญของเรื่อง\n1. ข้อแรกของเรื่อง\n2. ข้อที่สอง\nความเห็นของส่วนราชการ\nเห็นชอบ\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'plaintext');
    assert.deepStrictEqual(shape(await symbolsOf(uri)), [
      {
        name: 'สาระสำคัญของเรื่อง',
        kind: 'Namespace',
        line: 0,
        children: [
          { name: '1. ข้อแรกของเรื่อง', kind: 'Field', line: 1 },
          { name: '2. ข้อที่สอง', kind: 'Field', line: 2 },
        ],
      },
      { name: 'ความเห็นของส่วนราชการ', kind: 'Namespace', line: 3 },
    ]);
  });

  it('folds each section', async function () {
    await getApi();
    const editor = await openFixture('outline-sample.policy.txt');
    // The command that reads folding ranges came after the oldest VS Code we support (the folding itself works there).
    const readable = await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', editor.document.uri).then(
      () => true,
      (err: unknown) => (/not found/.test(String(err)) ? false : Promise.reject(err)),
    );
    if (!readable) {
      console.log(`    (skipped on VS Code ${vscode.version}: no vscode.executeFoldingRangeProvider to read the folding ranges)`);
      this.skip();
    }
    const ranges = await waitFor(async () => {
      const r = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>('vscode.executeFoldingRangeProvider', editor.document.uri);
      return r && r.length ? r : undefined;
    }, 'folding ranges');
    const spans = ranges.map((r) => [r.start, r.end]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    assert.deepEqual(spans, [
      [1, 18],
      [5, 14],
      [7, 13],
      [8, 10],
      [11, 13],
      [16, 18],
      [17, 18],
    ]);
  });

  it('opens plain-text files matching thaiPolicyLens.thaiPolicyFiles as thai-policy, once', async () => {
    await getApi();
    await setSetting('thaiPolicyLens.thaiPolicyFiles', ['**/*.cabinet.txt']);
    const uri = await writeWorkspaceFile('outline-switch.cabinet.txt', 'สาระสำคัญของเรื่อง\n1. ข้อแรก\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(() => (documentFor(uri)?.languageId === 'thai-policy' ? true : undefined), 'the document switched to thai-policy');

    // the user picks Plain Text: it stays plain text
    await vscode.languages.setTextDocumentLanguage(documentFor(uri)!, 'plaintext');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(documentFor(uri)?.languageId, 'plaintext');

    // a file that matches no glob keeps its language
    const other = await writeWorkspaceFile('outline-other.txt', 'สาระสำคัญของเรื่อง\n');
    await vscode.workspace.openTextDocument(other);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(documentFor(other)?.languageId, 'plaintext');
  });
});
