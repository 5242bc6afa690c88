import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { getApi, openFixture, setSetting, spansOf, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

const OUR_COMMANDS = ['thaiPolicyLens.showInTree', 'thaiPolicyLens.nextOccurrence', 'thaiPolicyLens.openGlossaryEntry'];

interface Shown {
  hovers: vscode.Hover[];
  /** the Markdown strings of every hover, in order */
  markdown: vscode.MarkdownString[];
  /** all their text joined */
  value: string;
}

/** The hovers VS Code would show at `offset` of the document. */
async function hoverAt(doc: vscode.TextDocument, offset: number): Promise<Shown> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset))) ?? [];
  const markdown = hovers.flatMap((h) => h.contents.filter((c): c is vscode.MarkdownString => typeof c === 'object' && !('language' in c)));
  return { hovers, markdown, value: markdown.map((m) => m.value).join('\n\n') };
}

/** Offset of the `nth` occurrence of `needle` plus `into` characters. */
function offsetOf(text: string, needle: string, nth = 0, into = 2): number {
  const spans = spansOf(text, needle);
  assert.ok(spans[nth], `"${needle}" #${nth} is in the text`);
  return spans[nth][0] + into;
}

/** The live links of a Markdown value (not escaped ones): [target, ...]. */
function liveLinks(value: string): string[] {
  return [...value.matchAll(/(?<!\\)\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}

describe('hovers', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setSetting('thaiPolicyLens.contentLanguage', 'th');
  });

  after(async () => {
    for (const name of ['hovers-dates.txt', 'hovers-untrusted.txt']) await vscode.workspace.fs.delete(workspaceUri(name)).then(undefined, () => undefined);
  });

  it('a term with no gloss of its own says "Theme:" once, with the theme\'s gloss on that line', async () => {
    await getApi();
    const editor = await openFixture('policy.txt');
    const shown = await hoverAt(editor.document, offsetOf(editor.document.getText(), 'การเจรจาทวิภาคี'));
    const v = shown.value;
    assert.equal(v.split('Theme:').length - 1, 1, v);
    assert.ok(v.includes('\n\nTheme: การทูตทดสอบ (Test diplomacy) — ประเด็นทดสอบด้าน \\*\\*การทูต\\*\\*\n\n'), v);
  });

  it('a term: theme path, English, gloss, aliases, counts and command links', async () => {
    await getApi();
    const editor = await openFixture('policy.txt');
    const doc = editor.document;
    const text = doc.getText();
    const shown = await hoverAt(doc, offsetOf(text, 'การทูตดิจิทัล', 1));
    assert.equal(shown.hovers.length, 1);
    const [start, end] = spansOf(text, 'การทูตดิจิทัล')[1];
    assert.deepEqual([doc.offsetAt(shown.hovers[0].range!.start), doc.offsetAt(shown.hovers[0].range!.end)], [start, end]);
    const v = shown.value;
    assert.ok(v.startsWith('**การทูตดิจิทัล** — Digital diplomacy\n\n'), v);
    assert.ok(v.includes('\n\nTheme: การทูตทดสอบ (Test diplomacy)\n\n'), v);
    assert.ok(v.includes('\n\nการใช้เครื่องมือดิจิทัลในงานการทูต\n\n'), v);
    assert.ok(v.includes('\n\nAlso written: Digital Diplomacy, การทูตแบบดิจิทัล\n\n'), v);
    // การทูตดิจิทัล twice; the theme with its sub-theme: + การทูตสาธารณะ + การเจรจาทวิภาคี
    assert.ok(v.includes('\n\nIn this document: this term 2 times; the theme 4 times (with its sub-themes)\n\n'), v);
    assert.deepEqual(
      liveLinks(v).map((l) => decodeURIComponent(l)),
      [
        'command:thaiPolicyLens.showInTree?["test-diplomacy"]',
        'command:thaiPolicyLens.nextOccurrence?[{"themeId":"test-diplomacy"}]',
        'command:thaiPolicyLens.openGlossaryEntry?[{"themeId":"test-diplomacy","term":"การทูตดิจิทัล"}]',
      ],
    );
    const md = shown.markdown[0];
    assert.deepEqual(md.isTrusted, { enabledCommands: OUR_COMMANDS });
    assert.ok(!md.supportHtml, 'no HTML');
    assert.ok(!md.supportThemeIcons, 'no theme icons');
  });

  it('a term of a sub-theme shows the whole theme path', async () => {
    await getApi();
    const editor = await openFixture('policy.txt');
    const shown = await hoverAt(editor.document, offsetOf(editor.document.getText(), 'การทูตสาธารณะ'));
    assert.ok(shown.value.startsWith('**การทูตสาธารณะ** — Public diplomacy\n\nTheme: การทูตทดสอบ (Test diplomacy) › การทูตสาธารณะทดสอบ (Test public diplomacy)\n\n'), shown.value);
    assert.ok(shown.value.includes('In this document: this term 1 time; the theme 1 time\n\n'), shown.value);
  });

  it('the hover links work: Next occurrence moves the selection, Open glossary entry opens the YAML', async () => {
    await getApi();
    const editor = await openFixture('policy.txt');
    const doc = editor.document;
    const text = doc.getText();
    const shown = await hoverAt(doc, offsetOf(text, 'การทูตดิจิทัล', 1));
    const run = async (command: string) => {
      const link = liveLinks(shown.value).find((l) => l.startsWith(`command:${command}?`));
      assert.ok(link, `a link to ${command}`);
      const args = JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1))) as unknown[];
      return vscode.commands.executeCommand(command, ...args);
    };
    editor.selection = new vscode.Selection(doc.positionAt(offsetOf(text, 'การทูตดิจิทัล', 1)), doc.positionAt(offsetOf(text, 'การทูตดิจิทัล', 1)));
    await run('thaiPolicyLens.nextOccurrence');
    const [s, e] = spansOf(text, 'การทูตสาธารณะ')[0];
    assert.deepEqual([doc.offsetAt(editor.selection.start), doc.offsetAt(editor.selection.end)], [s, e]);
    await run('thaiPolicyLens.openGlossaryEntry');
    const yaml = vscode.window.activeTextEditor!;
    assert.equal(yaml.document.uri.toString(), workspaceUri('test.glossary.yaml').toString());
    const lines = yaml.document.getText().split('\n');
    const line = lines.findIndex((l) => l.includes('- term: การทูตดิจิทัล'));
    assert.deepEqual([yaml.selection.active.line, yaml.selection.active.character], [line, lines[line].indexOf('term:')]);
  });

  it('a country: Thai short and formal names, English name, ISO code and flag', async () => {
    await getApi();
    const editor = await openFixture('policy.txt');
    const doc = editor.document;
    const text = doc.getText();
    const indonesia = await hoverAt(doc, offsetOf(text, 'สาธารณรัฐอินโดนีเซีย', 0, 12));
    assert.equal(
      indonesia.value,
      '🇮🇩 **อินโดนีเซีย** — Indonesia\n\nFormal name: สาธารณรัฐอินโดนีเซีย · Republic of Indonesia\n\nISO 3166-1: **ID** (IDN, 360)\n\nWritten here as «สาธารณรัฐอินโดนีเซีย»',
    );
    const us = await hoverAt(doc, offsetOf(text, 'สหรัฐฯ', 0, 5)); // on the ฯ
    assert.ok(us.value.startsWith('🇺🇸 **สหรัฐอเมริกา** — United States\n\nFormal name: United States of America\n\nISO 3166-1: **US** (USA, 840)'), us.value);
    assert.deepEqual(us.markdown[0].isTrusted, false, 'no command links in a country hover');
  });

  it('dates: the Gregorian date in words, the weekday and the calendar written', async () => {
    await setSetting('thaiPolicyLens.contentLanguage', 'en'); // dates in English words (the fixture's content language is th)
    await getApi();
    const editor = await openFixture('policy.txt');
    const doc = editor.document;
    const text = doc.getText();
    const be = await hoverAt(doc, offsetOf(text, '16 พฤศจิกายน 2564'));
    assert.equal(be.value, '**16 November 2021 (Tuesday)**\n\nCalendar: Buddhist Era (พ.ศ. / BE): 2564 BE = 2021 CE\n\nWritten: «16 พฤศจิกายน 2564»');
    const short = await hoverAt(doc, offsetOf(text, '28 ก.ค.68'));
    assert.equal(short.value, '**28 July 2025 (Monday)**\n\nCalendar: Buddhist Era (พ.ศ. / BE): 2568 BE = 2025 CE\n\nWritten: «28 ก\\.ค\\.68»');
    const year = await hoverAt(doc, offsetOf(text, 'พ.ศ. 2569', 0, 6));
    assert.equal(year.value, '**2026**\n\nCalendar: Buddhist Era (พ.ศ. / BE): 2569 BE = 2026 CE\n\nWritten: «พ\\.ศ\\. 2569»');
  });

  it('dates: a range, a year not written and a relative word', async () => {
    await setSetting('thaiPolicyLens.contentLanguage', 'en'); // dates in English words (the fixture's content language is th)
    await getApi();
    const uri = await writeWorkspaceFile(
      'hovers-dates.txt',
      'การประชุมระหว่างวันที่ 13-14 พฤศจิกายน 2568 ลงนามเมื่อวันที่ 6 ตุลา และจะแถลงข่าวพรุ่งนี้ที่กรุงเทพฯ\n',
    );
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const text = doc.getText();
    const range = await hoverAt(doc, offsetOf(text, '13-14'));
    assert.ok(range.value.startsWith('**13–14 November 2025**\n\nCalendar: Buddhist Era (พ.ศ. / BE): 2568 BE = 2025 CE\n\n'), range.value);
    const inferred = await hoverAt(doc, offsetOf(text, '6 ตุลา', 0, 3));
    assert.equal(inferred.value, '**6 October 2025 (Monday)**\n\nCalendar: no year written; inferred from the reference date, 22 November 2025\n\nWritten: «6 ตุลา»');
    const relative = await hoverAt(doc, offsetOf(text, 'พรุ่งนี้'));
    assert.equal(
      relative.value,
      '**23 November 2025 (Sunday)**\n\nRelative: «พรุ่งนี้», resolved against the reference date, 22 November 2025\n\n' +
        'Calendar: no year written (a relative expression)\n\nWritten: «พรุ่งนี้»',
    );
  });

  it("dates: in a dated news item, วันนี้ resolves against the document's date, and an edit of the dateline re-analyses", async () => {
    await setSetting('thaiPolicyLens.contentLanguage', 'en'); // dates in English words (the fixture's content language is th)
    await getApi();
    const editor = await openFixture('dated-news.txt');
    const doc = editor.document;
    try {
      const text = doc.getText();
      const today = await hoverAt(doc, offsetOf(text, 'วันนี้'));
      assert.equal(
        today.value,
        "**26 May 2025 (Monday)**\n\nRelative: «วันนี้», resolved against the document's date, 26 May 2025, line 1\n\n" +
          'Calendar: no year written (a relative expression)\n\nWritten: «วันนี้»',
      );
      const july = await hoverAt(doc, offsetOf(text, '11-14 ก.ค.'));
      assert.ok(july.value.startsWith("**11–14 July 2025**\n\nCalendar: no year written; inferred from the document's date, 26 May 2025, line 1"), july.value);
      // the dateline is edited: the whole document is analysed again against the new date
      const [start, end] = spansOf(text, '26')[0];
      await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(start), doc.positionAt(end)), '27'));
      const edited = await waitFor(async () => {
        const shown = await hoverAt(doc, offsetOf(doc.getText(), 'วันนี้'));
        return shown.value.startsWith('**27 May 2025 (Tuesday)**') ? shown : undefined;
      }, 'วันนี้ to follow the edited dateline');
      assert.match(edited.value, /resolved against the document's date, 27 May 2025, line 1\n/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('nothing over plain text', async () => {
    await getApi();
    const editor = await openFixture('policy.txt');
    const text = editor.document.getText();
    const shown = await hoverAt(editor.document, offsetOf(text, 'กระทรวงการต่างประเทศ'));
    assert.deepEqual(shown.value, '');
  });

  describe('untrusted glossary text', () => {
    const GLOSSARY = 'hovers-untrusted.glossary.yaml';
    after(async () => {
      await vscode.workspace.fs.delete(workspaceUri(GLOSSARY));
      const api = await getApi();
      await waitFor(() => (api.getGlossary().themes.some((t) => t.id === 'hovers-untrusted') ? undefined : true), 'the glossary to be unloaded');
    });

    it('shows links, images and HTML in a gloss as plain text, with no command but ours', async () => {
      const api = await getApi();
      await writeWorkspaceFile(
        GLOSSARY,
        [
          'version: 1',
          'themes:',
          '  - id: hovers-untrusted',
          '    label: "ทดสอบ [ป้าย](command:workbench.action.quit)"',
          '    label_en: "$(zap) <b>bold</b>"',
          '    terms:',
          '      - term: คำทดสอบความปลอดภัย',
          '        en: "*Safety* `test`"',
          '        gloss: "[x](command:workbench.action.quit) <img src=x> ![](https://example.com/a.png)"',
          '        aliases: ["<script>alert(1)</script>"]',
          '',
        ].join('\n'),
      );
      await waitFor(() => (api.getGlossary().themes.some((t) => t.id === 'hovers-untrusted') ? true : undefined), 'the glossary to load');
      await api.ready();
      const doc = await vscode.workspace.openTextDocument(await writeWorkspaceFile('hovers-untrusted.txt', 'ข้อความมีคำทดสอบความปลอดภัยอยู่ตรงนี้\n'));
      await vscode.window.showTextDocument(doc);
      const shown = await hoverAt(doc, offsetOf(doc.getText(), 'คำทดสอบความปลอดภัย'));
      const v = shown.value;
      assert.ok(v.includes('\\[x\\]\\(command\\:workbench\\.action\\.quit\\) \\<img src\\=x\\> \\!\\[\\]\\(https\\://example\\.com/a\\.png\\)'), v);
      assert.ok(v.includes('Theme: ทดสอบ \\[ป้าย\\]\\(command\\:workbench\\.action\\.quit\\) (\\$\\(zap\\) \\<b\\>bold\\</b\\>)'), v);
      assert.ok(v.includes('**คำทดสอบความปลอดภัย** — \\*Safety\\* \\`test\\`'), v);
      assert.ok(v.includes('Also written: \\<script\\>alert\\(1\\)\\</script\\>'), v);
      assert.ok(!/(?<!\\)\]\(command:workbench/.test(v), 'no live link to a workbench command');
      assert.ok(!/(?<!\\)!\[/.test(v), 'no image');
      assert.ok(!/(?<!\\)<(img|script|b)\b/.test(v), 'no HTML tag');
      assert.deepEqual(
        liveLinks(v).map((l) => l.replace(/\?.*/, '')),
        OUR_COMMANDS.map((c) => `command:${c}`),
      );
      const md = shown.markdown[0];
      assert.deepEqual(md.isTrusted, { enabledCommands: OUR_COMMANDS });
      assert.ok(!md.supportHtml);
      assert.ok(!md.supportThemeIcons);
    });
  });
});
