import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { Document, Packer, Paragraph } from 'docx';
import { layOut, writePdf } from '../../src/tools/pdfWriter';
import { missingOcrTools } from '../../src/convert';
import { scannedPdf } from '../support/scannedPdf';
import { testHooksOf } from '../../src/extension/testHooks';
import { getApi, waitFor, workspaceUri } from './helpers';

const PARAGRAPHS = ['การประชุมหารือด้านการทูตดิจิทัลกับประเทศญี่ปุ่นและอาเซียน', 'ย่อหน้าที่สองว่าด้วยการค้าเสรีและการทูตดิจิทัล'];

/** The text of the hovers VS Code would show at `offset` of the document. */
async function hoverText(doc: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset))) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n\n');
}

describe('Import Document (PDF, Word, Web Page)', () => {
  /** the tags these tests make, removed after them (the tagging suite counts the file's tags) */
  const made: string[] = [];
  after(async () => {
    for (const tagId of made) await vscode.commands.executeCommand('thaiPolicyLens.removeTag', { tagId });
    await testHooksOf(await getApi()).tagging.flush();
  });

  it('imports a PDF beside it as .policy.txt with page markers, opens it, and its terms are found at their offsets', async function () {
    // PDF.js needs Node 18: VS Code before 1.82 (Node 16) cannot import PDFs (README says so)
    if (Number(process.versions.node.split('.')[0]) < 18) {
      console.log('    (skipped: PDF import needs the Node 18 of VS Code 1.82 or newer; this host runs Node ' + process.versions.node + ')');
      this.skip();
    }
    const api = await getApi();
    const pdf = workspaceUri('import-note.pdf');
    await vscode.workspace.fs.writeFile(pdf, writePdf(layOut(PARAGRAPHS, { perLine: 40, linesPerPage: 2 })));
    const target = (await vscode.commands.executeCommand('thaiPolicyLens.importDocument', pdf)) as vscode.Uri | undefined;
    assert.equal(target?.toString(), workspaceUri('import-note.policy.txt').toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^---\nsource: "import-note\.pdf"\nsha256: [0-9a-f]{64}\nconverter: "pdfjs-dist [\d.]+"\npages: 1-\d of \d\n---\n/);
    assert.ok(text.includes('\n\n[หน้า 2]\n\nย่อหน้าที่สอง'), text);
    await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === target.toString() ? true : undefined), 'the imported text opened');
    const annotations = await api.getAnnotations(target);
    const terms = annotations.filter((a) => a.kind === 'term' && a.text === 'การทูตดิจิทัล');
    assert.equal(terms.length, 2);
    for (const t of terms) assert.equal(text.slice(t.start, t.end), 'การทูตดิจิทัล');
    // the hover of an occurrence and of a tag shows its page: the last [หน้า N] before it
    const doc = await vscode.workspace.openTextDocument(target);
    assert.match(await hoverText(doc, terms[0].start + 2), /\n\nPage 1$/m);
    assert.match(await hoverText(doc, terms[1].start + 2), /\n\nPage 2$/m);
    const passage = { start: text.indexOf('ย่อหน้าที่สอง'), end: text.indexOf('ย่อหน้าที่สอง') + 'ย่อหน้าที่สอง'.length };
    const tagged = (await vscode.commands.executeCommand('thaiPolicyLens.tagSelection', { uri: target.toString(), range: passage, themeId: terms[1].kind === 'term' ? terms[1].theme : '' })) as { id: string } | undefined;
    assert.ok(tagged);
    made.push(tagged.id);
    const tagHover = await hoverText(doc, passage.start + 1);
    assert.match(tagHover, /\*\*Tagged passage\*\*[^]*\n\nPage 2$/, tagHover);
  });

  it('reads a scanned PDF by OCR: the text is marked as OCR text and its terms are highlighted (skipped without tesseract and pdftoppm)', async function () {
    if (Number(process.versions.node.split('.')[0]) < 18) {
      console.log('    (skipped: PDF import needs the Node 18 of VS Code 1.82 or newer; this host runs Node ' + process.versions.node + ')');
      this.skip();
    }
    const missing = await missingOcrTools();
    if (missing.length) {
      console.log(`    (skipped: OCR tools missing: ${missing.join(', ')}; install the Debian packages tesseract-ocr tesseract-ocr-tha poppler-utils)`);
      this.skip();
    }
    this.timeout(120_000);
    const api = await getApi();
    const pdf = workspaceUri('import-scan.pdf');
    await vscode.workspace.fs.writeFile(pdf, await scannedPdf(PARAGRAPHS.join('\n')));
    // { ocr: true }: the pages without text are read at once (the button's answer)
    const target = (await vscode.commands.executeCommand('thaiPolicyLens.importDocument', pdf, { ocr: true })) as vscode.Uri | undefined;
    assert.equal(target?.toString(), workspaceUri('import-scan.policy.txt').toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /\npages: 1-1 of 1\nocr: true\nocr_pages: \[1\]\n---\n/);
    await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === target.toString() ? true : undefined), 'the imported text opened');
    const terms = (await api.getAnnotations(target)).filter((a) => a.kind === 'term' && a.text === 'การทูตดิจิทัล');
    assert.ok(terms.length >= 1, text);
  });

  it('offers OCR when an imported PDF has pages without text (skipped without tesseract and pdftoppm)', async function () {
    if (Number(process.versions.node.split('.')[0]) < 18 || (await missingOcrTools()).length) this.skip();
    const pdf = workspaceUri('import-scan.pdf');
    // the scan the test above wrote, imported again without options: the text has no OCR, a button offers it
    const target = (await vscode.commands.executeCommand('thaiPolicyLens.importDocument', pdf)) as vscode.Uri | undefined;
    assert.ok(target);
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), /\npages_without_text: \[1\]\n---\n/);
    const hooks = testHooksOf(await getApi());
    const offer = 'Thai Policy Lens: import-scan.pdf: page 1 has no text (scanned?). Read it by OCR (tesseract)?';
    await waitFor(() => (hooks.lastInformation() === offer ? true : undefined), 'the offer of OCR');
  });

  it('imports a Word document', async () => {
    const api = await getApi();
    const docx = workspaceUri('import-brief.docx');
    await vscode.workspace.fs.writeFile(docx, new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: PARAGRAPHS.map((p) => new Paragraph(p)) }] }))));
    const target = (await vscode.commands.executeCommand('thaiPolicyLens.importDocument', docx)) as vscode.Uri | undefined;
    assert.ok(target);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(text.endsWith(`---\n${PARAGRAPHS.join('\n\n')}\n`), text);
    assert.equal((await api.getAnnotations(target)).filter((a) => a.kind === 'term' && a.text === 'การทูตดิจิทัล').length, 2);
  });

  it('re-imports a changed source: the text is replaced and its tags re-anchor by quote and position', async () => {
    const api = await getApi();
    const docx = workspaceUri('import-changing.docx');
    const write = async (paragraphs: readonly string[]): Promise<void> =>
      vscode.workspace.fs.writeFile(docx, new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] }))));
    await write(PARAGRAPHS);
    const target = (await vscode.commands.executeCommand('thaiPolicyLens.importDocument', docx)) as vscode.Uri | undefined;
    assert.ok(target);
    const passage = 'การค้าเสรีและการทูตดิจิทัล';
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const start = before.indexOf(passage);
    assert.ok(start > 0);
    const theme = (await api.getAnnotations(target)).find((a) => a.kind === 'term')!;
    assert.equal(theme.kind, 'term');
    const tag = (await vscode.commands.executeCommand('thaiPolicyLens.tagSelection', { uri: target.toString(), range: { start, end: start + passage.length }, themeId: theme.kind === 'term' ? theme.theme : '' })) as { id: string } | undefined;
    assert.ok(tag);
    made.push(tag.id);
    // the source changes: a paragraph inserted before the passage, then imported again
    const inserted = 'ย่อหน้าใหม่ที่แทรกเข้ามาก่อน';
    await write([PARAGRAPHS[0], inserted, PARAGRAPHS[1]]);
    assert.equal(((await vscode.commands.executeCommand('thaiPolicyLens.importDocument', docx)) as vscode.Uri | undefined)?.toString(), target.toString());
    const after = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(after.includes(inserted), after);
    const moved = after.indexOf(passage);
    assert.equal(moved, start + inserted.length + 2);
    const tagAt = (): [number, number, boolean] | undefined => {
      const t = api.getTags(target).find((x) => x.id === tag.id);
      return t && [t.start, t.end, t.orphaned];
    };
    await waitFor(() => (tagAt()?.[0] === moved ? true : undefined), 'the tag to follow the re-imported text');
    assert.deepEqual(tagAt(), [moved, moved + passage.length, false]);
  });
});
