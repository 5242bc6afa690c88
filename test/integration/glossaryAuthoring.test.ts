import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { AddToGlossaryResult, ExportCodebookResult, ImportCodebookResult } from '../../src/extension/features/glossaryAuthoring';
import { parseXml } from '../../src/core/exchange/xml';
import { validateCodebook } from '../support/qdcCodebookRules';
import { getApi, setSetting, spansOf, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

// A hand-written glossary of the tests' own (aligned comments, a flow list), written and removed by them.
const WORK = `# Glossary of the authoring tests.
version: 1
themes:
  - id: authoring-trade             # trade and connectivity
    label: การค้าทดสอบเขียน          # shown in the tree
    color: "#59a14f"
    terms:
      - term: เขตเศรษฐกิจพิเศษ
        aliases: [SEZ]
    themes: []                      # none yet
`;

const DOC = 'รัฐบาลเร่งพัฒนาระเบียงเศรษฐกิจภาคตะวันออก และเขตเศรษฐกิจพิเศษชายแดน\nระเบียงเศรษฐกิจนี้เชื่อมโยงกับท่าเรือ\n';

const CODEBOOK = `<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="QualCoder 3.5">
  <Codes>
    <Code guid="6d1f0a2e-3b4c-4d5e-8f60-718293a4b5c6" name="Border Economy" isCodable="true" color="#F28E2B">
      <Description>Trade &amp; investment at the borders</Description>
      <Code guid="7d1f0a2e-3b4c-4d5e-8f60-718293a4b5c6" name="ด่านชายแดนทดสอบ" isCodable="true"/>
    </Code>
  </Codes>
</CodeBook>
`;

const created: string[] = [];

async function write(name: string, text: string): Promise<vscode.Uri> {
  created.push(name);
  return writeWorkspaceFile(name, text);
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

async function themeLoaded(id: string): Promise<void> {
  const api = await getApi();
  await waitFor(() => (api.getGlossary().themes.some(function has(t): boolean {
    return t.id === id || t.themes.some(has);
  }) ? true : undefined), `theme ${id} loaded`);
}

function findTheme(id: string, themes: ReturnType<Awaited<ReturnType<typeof getApi>>['getGlossary']>['themes']): (typeof themes)[number] | undefined {
  for (const t of themes) {
    if (t.id === id) return t;
    const inner = findTheme(id, t.themes);
    if (inner) return inner;
  }
  return undefined;
}

const add = (args: object) => vscode.commands.executeCommand<AddToGlossaryResult>('thaiPolicyLens.addToGlossary', args);

describe('glossary authoring', () => {
  let work: vscode.Uri;

  before(async () => {
    await getApi();
    work = await write('authoring-work.glossary.yaml', WORK);
    await themeLoaded('authoring-trade');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of created) await vscode.workspace.fs.delete(workspaceUri(name)).then(undefined, () => undefined);
    await vscode.commands.executeCommand('thaiPolicyLens.reloadGlossaries');
  });

  it('adds the selection to a theme in its open glossary: one edit, saved, highlighted at once, undoable', async () => {
    const api = await getApi();
    const glossaryDoc = await vscode.workspace.openTextDocument(work);
    await vscode.window.showTextDocument(glossaryDoc, { preview: false, viewColumn: vscode.ViewColumn.Two });
    const doc = await vscode.workspace.openTextDocument(await write('authoring-doc.txt', DOC));
    const editor = await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
    const at = DOC.indexOf('ระเบียงเศรษฐกิจ');
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + 'ระเบียงเศรษฐกิจ'.length));

    const result = await add({ themeId: 'authoring-trade', en: 'Economic corridor', gloss: 'พื้นที่พัฒนาเศรษฐกิจตามแนวเส้นทางคมนาคม' });
    assert.deepEqual(result, { file: work.toString(), line: 10, themeId: 'authoring-trade' });
    const expected = WORK.replace(
      '        aliases: [SEZ]\n',
      '        aliases: [SEZ]\n      - term: ระเบียงเศรษฐกิจ\n        en: Economic corridor\n        gloss: พื้นที่พัฒนาเศรษฐกิจตามแนวเส้นทางคมนาคม\n',
    );
    assert.equal(glossaryDoc.getText(), expected, 'comments and alignment kept, the term after the last one');
    assert.equal(glossaryDoc.isDirty, false, 'saved');
    assert.equal(await readText(work), expected);
    assert.equal(glossaryDoc.lineAt(result.line - 1).text, '      - term: ระเบียงเศรษฐกิจ');

    const term = findTheme('authoring-trade', api.getGlossary().themes)?.terms.find((t) => t.term === 'ระเบียงเศรษฐกิจ');
    assert.equal(term?.en, 'Economic corridor');
    const shown = await waitFor(() => {
      const ranges = api.getHighlights(doc.uri)?.ranges['theme:authoring-trade'];
      return ranges && ranges.length === 3 ? ranges : undefined;
    }, 'the new term highlighted');
    assert.deepEqual(shown, [...spansOf(DOC, 'ระเบียงเศรษฐกิจ'), ...spansOf(DOC, 'เขตเศรษฐกิจพิเศษ')].sort((a, b) => a[0] - b[0]));

    // undo takes back exactly the insertion
    await vscode.window.showTextDocument(glossaryDoc, { preview: false, viewColumn: vscode.ViewColumn.Two });
    await vscode.commands.executeCommand('undo');
    assert.equal(glossaryDoc.getText(), WORK);
    await glossaryDoc.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('creates a new theme in a closed file, at the end of its themes', async () => {
    const api = await getApi();
    const result = await add({ text: 'ท่าเรือ\nน้ำลึก', newTheme: { id: 'authoring-ports', label: 'ท่าเรือทดสอบ' }, file: work.toString(), confirm: true });
    assert.deepEqual(result, { file: work.toString(), line: 14, themeId: 'authoring-ports' });
    assert.equal(await readText(work), WORK + '  - id: authoring-ports\n    label: ท่าเรือทดสอบ\n    terms:\n      - ท่าเรือ น้ำลึก\n');
    const theme = findTheme('authoring-ports', api.getGlossary().themes);
    assert.deepEqual(theme?.terms.map((t) => t.term), ['ท่าเรือ น้ำลึก']);
  });

  it('writes a new theme into a new policy file when asked', async () => {
    const api = await getApi();
    const fresh = workspaceUri('authoring-new.glossary.yaml');
    created.push('authoring-new.glossary.yaml');
    const result = await add({ text: 'ความมั่นคงทางไซเบอร์ทดสอบ', newTheme: { id: 'authoring-cyber', label: 'ไซเบอร์ทดสอบ', labelEn: 'Cyber' }, en: 'Cyber security', file: fresh.toString() });
    assert.deepEqual(result, { file: fresh.toString(), line: 9, themeId: 'authoring-cyber' });
    assert.equal(
      await readText(fresh),
      '# Thai Policy Lens glossary (format: version 1): themes and the terms that signal them.\n\nversion: 1\nthemes:\n  - id: authoring-cyber\n    label: ไซเบอร์ทดสอบ\n    label_en: Cyber\n    terms:\n      - term: ความมั่นคงทางไซเบอร์ทดสอบ\n        en: Cyber security\n',
    );
    assert.equal(findTheme('authoring-cyber', api.getGlossary().themes)?.labelEn, 'Cyber');
  });

  it('adds a term to a built-in theme by its id in a workspace glossary: one theme, in the tree too', async () => {
    const api = await getApi();
    await setSetting('thaiPolicyLens.useBuiltinGlossary', true);
    try {
      await themeLoaded('security-defence');
      const builtin = findTheme('security-defence', api.getGlossary().themes)!;
      const builtinTerms = builtin.terms.length;
      const result = await add({ text: 'กองเรือตรวจการณ์ทดสอบ', themeId: 'security-defence', file: work.toString() });
      assert.ok(!('error' in result), JSON.stringify(result));
      assert.equal(result.themeId, 'security-defence');
      // the workspace file declares the theme by its id and label: no second theme, no warning
      const text = await readText(work);
      assert.ok(text.includes(`  - id: security-defence\n    label: ${builtin.label}\n`), text);
      assert.deepEqual(vscode.languages.getDiagnostics(work), []);
      await waitFor(() => (findTheme('security-defence', api.getGlossary().themes)!.terms.length === builtinTerms + 1 ? true : undefined), 'the term in the merged theme');
      assert.equal(api.getGlossary().themes.filter((t) => t.label === builtin.label).length, 1, 'one theme with that label');
      assert.equal(findTheme('security-defence-local', api.getGlossary().themes), undefined);
      // a second term goes to the same theme in the same file
      const second = await add({ text: 'เรือยามฝั่งทดสอบ', themeId: 'security-defence' });
      assert.deepEqual(second, { file: work.toString(), line: result.line + 1, themeId: 'security-defence' });
      assert.match((await add({ text: 'กองเรือตรวจการณ์ทดสอบ', themeId: 'security-defence' }) as { error: string }).error, /already a term/);
      // a nested built-in theme goes under its parent, by id
      const nested = await add({ text: 'ท่าเรือน้ำลึกทดสอบ', themeId: 'maritime-security' });
      assert.equal((nested as { themeId: string }).themeId, 'maritime-security');
      assert.deepEqual(vscode.languages.getDiagnostics(work), []);
      // the Themes view shows the theme once, with the new term
      const doc = await vscode.workspace.openTextDocument(await write('authoring-builtin.txt', 'ความมั่นคงของกองเรือตรวจการณ์ทดสอบ\n'));
      await vscode.window.showTextDocument(doc);
      const items = await api.getTreeItems();
      const themes = items.filter((i) => i.label === builtin.label);
      assert.equal(themes.length, 1, JSON.stringify(items.map((i) => i.label)));
      assert.ok(themes[0].children!.some((c) => c.label === 'กองเรือตรวจการณ์ทดสอบ'), JSON.stringify(themes[0].children));
    } finally {
      await setSetting('thaiPolicyLens.useBuiltinGlossary', false);
      await vscode.workspace.fs.writeFile(work, new TextEncoder().encode(WORK));
      await vscode.commands.executeCommand('thaiPolicyLens.reloadGlossaries');
    }
  });

  it('asks before adding a selection longer than 60 characters or over a line break', async () => {
    const before = await readText(work);
    const long = 'ความร่วมมือทางเศรษฐกิจระหว่างประเทศเพื่อนบ้านในอนุภูมิภาคลุ่มแม่น้ำโขงทดสอบ';
    assert.ok(long.length > 60);
    const refused = await add({ text: long, themeId: 'authoring-trade' });
    assert.match((refused as { error: string }).error, /^not added: The selection «.*» is \d+ characters long/);
    const twoLines = await add({ text: 'ระเบียงเศรษฐกิจ\nทดสอบ', themeId: 'authoring-trade' });
    assert.match((twoLines as { error: string }).error, /spans more than one line/);
    assert.equal(await readText(work), before, 'nothing written without an answer');
    const confirmed = await add({ text: long, themeId: 'authoring-trade', confirm: true });
    assert.equal((confirmed as { themeId: string }).themeId, 'authoring-trade');
    await vscode.workspace.fs.writeFile(work, new TextEncoder().encode(WORK));
    await vscode.commands.executeCommand('thaiPolicyLens.reloadGlossaries');
  });

  it('refuses an empty selection, a term already in the theme, and a bad new id', async () => {
    const testGlossary = workspaceUri('test.glossary.yaml');
    const before = await readText(testGlossary);
    const doc = await vscode.workspace.openTextDocument(await write('authoring-doc.txt', DOC));
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 3, 0, 3);
    assert.deepEqual(await add({ themeId: 'test-diplomacy' }), { error: 'select the words to add to the glossary first (the selection is empty).' });
    assert.deepEqual(await add({ text: 'การทูตดิจิทัล', themeId: 'test-diplomacy' }), { error: '«การทูตดิจิทัล» is already a term of theme «การทูตทดสอบ (Test diplomacy)».' });
    assert.deepEqual(await add({ text: 'digital  diplomacy', themeId: 'test-diplomacy' }), {
      error: '«digital diplomacy» is already an alias of «การทูตดิจิทัล» in theme «การทูตทดสอบ (Test diplomacy)».',
    });
    assert.deepEqual(await add({ text: 'คำ', newTheme: { id: 'Bad Id', label: 'x' }, file: work.toString() }), {
      error: '"Bad Id" is not a valid theme id: use lower-case letters, digits and "-", starting with a letter or digit.',
    });
    assert.deepEqual(await add({ text: 'คำ', newTheme: { id: 'test-security', label: 'x' }, file: work.toString() }), { error: 'the theme id "test-security" is already used.' });
    assert.equal(await readText(testGlossary), before, 'nothing written');
  });

  it('refuses a glossary file that does not parse, saying where', async () => {
    const broken = await write('authoring-broken.glossary.yaml', 'version: 1\nthemes:\n  - id: authoring-broken\n    label: เสียทดสอบ\n');
    await themeLoaded('authoring-broken');
    const text = 'version: 1\nthemes:\n  - id: authoring-broken\n    label: [unclosed\n';
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode(text));
    await waitFor(() => (vscode.languages.getDiagnostics(broken).length ? true : undefined), 'the YAML error reported');
    const result = await add({ text: 'คำทดสอบ', themeId: 'authoring-broken' });
    assert.match((result as { error: string }).error, /^cannot add «คำทดสอบ» to authoring-broken\.glossary\.yaml: invalid YAML at line 5, column 1: /);
    assert.equal(await readText(broken), text, 'the file is left as it was');
  });

  it('exports the merged glossary as a REFI-QDA codebook', async () => {
    const target = workspaceUri('authoring-out.qdc');
    created.push('authoring-out.qdc');
    const result = await vscode.commands.executeCommand<ExportCodebookResult>('thaiPolicyLens.exportCodebook', { file: target.toString() });
    assert.ok(!('error' in result), JSON.stringify(result));
    const xml = await readText(target);
    assert.deepEqual(validateCodebook(parseXml(xml)), [], 'the file keeps to the structure of the REFI-QDA Codebook.xsd');
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Thai Policy Lens '));
    // codes are themes: a theme's terms are lines of its description, no term is a code (issue 18, item 9)
    assert.match(xml, /\n {4}<Code guid="[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}" name="การทูตทดสอบ" isCodable="true" color="#4E79A7">\n {6}<Description>English: Test diplomacy\nประเด็นทดสอบด้าน \*\*การทูต\*\*\n(Term: .*\n)*Theme id: test-diplomacy<\/Description>\n/);
    assert.ok(xml.includes('\nTerm: การทูตดิจิทัล | English: Digital diplomacy | Gloss: การใช้เครื่องมือดิจิทัลในงานการทูต | Aliases: Digital Diplomacy; การทูตแบบดิจิทัล\n'), xml);
    assert.doesNotMatch(xml, /name="การทูตดิจิทัล"/);
    const names = [...xml.matchAll(/<Code [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    assert.equal(new Set(names).size, names.length, 'code names are unique');
    // importing it back changes nothing (issue 18, item 8)
    const back = await vscode.commands.executeCommand<ImportCodebookResult>('thaiPolicyLens.importCodebook', { file: target.toString() });
    assert.ok(!('error' in back!), JSON.stringify(back));
    assert.deepEqual([back.file, back.themes, back.terms, back.warnings], [undefined, 0, 0, []]);
    assert.ok(back.unchanged >= result.themes, JSON.stringify(back));
    assert.equal(await exists(workspaceUri('authoring-out.glossary.yaml')), false);
    assert.equal(result.themes, (await getApi()).getGlossary().themes.reduce(function count(n, t): number {
      return t.themes.reduce(count, n + 1);
    }, 0));
    // the same glossary gives the same file
    await vscode.commands.executeCommand('thaiPolicyLens.exportCodebook', { file: target.toString() });
    assert.equal(await readText(target), xml);
  });

  it('imports a codebook into a new glossary file, and never replaces one silently', async () => {
    const api = await getApi();
    const source = await write('authoring-import.qdc', CODEBOOK);
    const target = workspaceUri('authoring-import.glossary.yaml');
    created.push('authoring-import.glossary.yaml');
    const result = await vscode.commands.executeCommand<ImportCodebookResult>('thaiPolicyLens.importCodebook', { file: source.toString() });
    assert.deepEqual(result, { file: target.toString(), themes: 1, terms: 1, unchanged: 0, warnings: [] });
    const yaml = await readText(target);
    assert.ok(yaml.endsWith('version: 1\nthemes:\n  - id: border-economy\n    label: Border Economy\n    color: "#F28E2B"\n    gloss: Trade & investment at the borders\n    terms:\n      - ด่านชายแดนทดสอบ\n'), yaml);
    assert.deepEqual(findTheme('border-economy', api.getGlossary().themes)?.terms.map((t) => t.term), ['ด่านชายแดนทดสอบ']);

    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('# edited by hand\n' + yaml));
    const again = await vscode.commands.executeCommand<ImportCodebookResult>('thaiPolicyLens.importCodebook', { file: source.toString() });
    assert.deepEqual(again, { error: 'authoring-import.glossary.yaml already exists; it was not replaced.' });
    assert.ok((await readText(target)).startsWith('# edited by hand\n'));

    const other = workspaceUri('authoring-import-2.glossary.yaml');
    created.push('authoring-import-2.glossary.yaml');
    const renamed = await vscode.commands.executeCommand<ImportCodebookResult>('thaiPolicyLens.importCodebook', { file: source.toString(), target: other.toString() });
    assert.equal((renamed as { warnings: string[] }).warnings[0], 'line 4: theme id "border-economy" is already used by a loaded glossary; written as "border-economy-2"');
    assert.ok(await exists(other));
  });

  it('refuses a file that is not a REFI-QDA codebook', async () => {
    const source = await write('authoring-notqdc.qdc', '<?xml version="1.0"?>\n<Project xmlns="urn:example"/>\n');
    const result = await vscode.commands.executeCommand<ImportCodebookResult>('thaiPolicyLens.importCodebook', { file: source.toString() });
    assert.deepEqual(result, {
      error: 'cannot import authoring-notqdc.qdc: not a REFI-QDA codebook: the root element is <Project> in the namespace "urn:example"; a codebook has <CodeBook xmlns="urn:QDA-XML:codebook:1.0"> (line 2, column 1)',
    });
    assert.equal(await exists(workspaceUri('authoring-notqdc.glossary.yaml')), false);
  });
});
