import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { TreeItemSnapshot } from '../../src/extension/features/themeTree';
import { testHooksOf } from '../../src/extension/testHooks';
import { findItem as find, getApi, openFixture, setSetting, spansOf, waitFor, workspaceUri, writeWorkspaceFile } from './helpers';

/** Two more documents for the workspace scope, written by the tests (and removed after). */
const DOC_A = [
  'แถลงการณ์ร่วม ฉบับที่ 2',
  'ที่ประชุมรับทราบว่าข้อตกลงหยุดยิงมีผลตั้งแต่วันที่ 5 มีนาคม 2568 และจะทบทวนอีกครั้งในปี พ.ศ. 2570',
  'ฝ่ายไทยเสนอการเจรจาทวิภาคีกับกัมพูชา ต่อเนื่องจากการประชุมเมื่อ 12 ม.ค. 2566',
].join('\n');
const DOC_B = ['# บันทึกการประชุม', '- ผู้แทนญี่ปุ่นสนับสนุนการทูตสาธารณะ', '- ขอให้ทุกฝ่ายหยุดยิงทันที'].join('\n');


/** label | description of each item (one level), the way the tree reads. */
function rows(items: TreeItemSnapshot[] | undefined): string[] {
  return (items ?? []).map((i) => (i.description === undefined ? i.label : `${i.label} | ${i.description}`));
}

async function tree(): Promise<TreeItemSnapshot[]> {
  return (await getApi()).getTreeItems();
}

describe('theme tree', () => {
  before(async () => {
    await writeWorkspaceFile('themeTree-a.txt', DOC_A);
    await writeWorkspaceFile('themeTree-b.md', DOC_B);
  });

  after(async () => {
    for (const name of ['themeTree-a.txt', 'themeTree-b.md']) await vscode.workspace.fs.delete(workspaceUri(name)).then(undefined, () => undefined);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('thaiPolicyLens.tree.clearFilter');
    await vscode.commands.executeCommand('thaiPolicyLens.tree.scopeDocument');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists the glossary themes of the active document with counts, terms and occurrence lines', async () => {
    await openFixture('policy.txt');
    const items = await tree();
    assert.deepEqual(rows(items), ['การทูตทดสอบ | 4 · Test diplomacy', 'ความมั่นคงทดสอบ | 2 · Test security', 'Countries | 3', 'Dates | 3']);
    assert.deepEqual(
      items.map((i) => i.kind),
      ['theme', 'theme', 'countries', 'dates'],
    );
    assert.equal(items[0].color, '#4e79a7');
    assert.equal(items[1].color, '#e15759');
    // the nested theme under its parent, then the parent's own terms
    const diplomacy = items[0].children!;
    assert.deepEqual(rows(diplomacy), ['การทูตสาธารณะทดสอบ | 1 · Test public diplomacy', 'การทูตดิจิทัล | 2 · Digital diplomacy', 'การเจรจาทวิภาคี | 1']);
    assert.deepEqual(
      diplomacy.map((i) => i.kind),
      ['theme', 'term', 'term'],
    );
    assert.deepEqual(rows(diplomacy[0].children), ['การทูตสาธารณะ | 1 · Public diplomacy']);
    // each line cut to a short lead-in before the match, at a space or a word edge
    assert.deepEqual(rows(diplomacy[1].children), ['…ความร่วมมือด้านการทูตดิจิทัล | line 1', '…อินโดนีเซียเรื่องการทูตดิจิทัล | line 2']);
    assert.deepEqual(
      diplomacy[1].children!.map((o) => o.kind),
      ['occurrence', 'occurrence'],
    );
    // a term that does not occur is left out
    const security = items[1].children!;
    assert.deepEqual(rows(security), ['การไม่แพร่ขยายอาวุธนิวเคลียร์ | 1 · Nuclear non-proliferation', 'หยุดยิง | 1 · Ceasefire']);
    assert.deepEqual(rows(security[1].children), ['ทั้งสองฝ่ายตกลงหยุดยิงตั้งแต่ 28 ก.ค.68 บริเวณทะเลจีนใต้ไม่เกี่ยวข้อง | line 4']);
  });

  it('hides themes and terms with no occurrence until asked, and sorts by count or in glossary order', async () => {
    try {
      await openFixture('themeTree-b.md'); // security 1, public diplomacy 1; nothing else of the glossary
      assert.deepEqual(rows(await tree()).slice(0, 2), ['การทูตทดสอบ | 1 · Test diplomacy', 'ความมั่นคงทดสอบ | 1 · Test security']);
      assert.deepEqual(rows(find(await tree(), 'theme:test-security')!.children), ['หยุดยิง | 1 · Ceasefire']);
      await vscode.commands.executeCommand('thaiPolicyLens.tree.showEmpty');
      assert.equal(vscode.workspace.getConfiguration('thaiPolicyLens.tree').get('showEmpty'), true);
      const security = find(await tree(), 'theme:test-security')!;
      assert.deepEqual(rows(security.children), ['หยุดยิง | 1 · Ceasefire', '2 terms not found']);
      assert.deepEqual(rows(security.children![1].children), ['อาวุธนิวเคลียร์ | 0 · Nuclear weapons', 'การไม่แพร่ขยายอาวุธนิวเคลียร์ | 0 · Nuclear non-proliferation']);
      await vscode.commands.executeCommand('thaiPolicyLens.tree.hideEmpty');
      assert.deepEqual(rows(find(await tree(), 'theme:test-security')!.children), ['หยุดยิง | 1 · Ceasefire']);

      // by count: security (2) before diplomacy (1); in glossary order: diplomacy first
      await writeWorkspaceFile('tree-sort.txt', 'หยุดยิง และหยุดยิงอีกครั้ง ก่อนการเจรจาทวิภาคี');
      await openFixture('tree-sort.txt');
      assert.deepEqual(rows(await tree()).slice(0, 2), ['ความมั่นคงทดสอบ | 2 · Test security', 'การทูตทดสอบ | 1 · Test diplomacy']);
      await vscode.commands.executeCommand('thaiPolicyLens.tree.sortByGlossary');
      assert.equal(vscode.workspace.getConfiguration('thaiPolicyLens.tree').get('sort'), 'glossary');
      assert.deepEqual(rows(await tree()).slice(0, 2), ['การทูตทดสอบ | 1 · Test diplomacy', 'ความมั่นคงทดสอบ | 2 · Test security']);
      await vscode.commands.executeCommand('thaiPolicyLens.tree.sortByCount');
      assert.deepEqual(rows(await tree()).slice(0, 2), ['ความมั่นคงทดสอบ | 2 · Test security', 'การทูตทดสอบ | 1 · Test diplomacy']);
    } finally {
      await setSetting('thaiPolicyLens.tree.showEmpty', undefined);
      await setSetting('thaiPolicyLens.tree.sort', undefined);
      await vscode.workspace.fs.delete(workspaceUri('tree-sort.txt')).then(undefined, () => undefined);
    }
  });

  it('groups equal dates on the timeline, expanding to their places', async () => {
    try {
      await writeWorkspaceFile('tree-dates.txt', 'งบประมาณปี พ.ศ. 2567\nแผนงานปี พ.ศ. 2567\nรายงานปี พ.ศ. 2567 และ 5 มีนาคม 2568');
      await openFixture('tree-dates.txt');
      const dates = (await tree()).find((i) => i.kind === 'dates')!;
      assert.deepEqual(rows(dates.children), ['พ.ศ. 2567 | 2024 (3)', '5 มีนาคม 2568 | 2025-03-05 · line 3']);
      assert.deepEqual(rows(dates.children![0].children), ['งบประมาณปี พ.ศ. 2567 | line 1', 'แผนงานปี พ.ศ. 2567 | line 2', 'รายงานปี พ.ศ. 2567 และ 5 มีนาคม 2568 | line 3']);
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('tree-dates.txt')).then(undefined, () => undefined);
    }
  });

  it('lists the countries found with flags and counts, and the dates as a timeline', async () => {
    await openFixture('policy.txt');
    const items = await tree();
    const countries = items.find((i) => i.kind === 'countries')!;
    assert.deepEqual(rows(countries.children), ['🇯🇵 ญี่ปุ่น | 1 · Japan', '🇺🇸 สหรัฐอเมริกา | 1 · United States', '🇮🇩 อินโดนีเซีย | 1 · Indonesia']);
    assert.deepEqual(
      countries.children!.map((c) => c.kind),
      ['country', 'country', 'country'],
    );
    assert.deepEqual(rows(countries.children![1].children), ['…ทูตสาธารณะ ร่วมกับสหรัฐฯ และญี่ปุ่น | line 3']);

    // themeTree-a.txt has its dates out of order: the tree sorts them by their Gregorian value
    await openFixture('themeTree-a.txt');
    const dates = (await tree()).find((i) => i.kind === 'dates')!;
    assert.deepEqual(rows(dates.children), ['12 ม.ค. 2566 | 2023-01-12 · line 3', '5 มีนาคม 2568 | 2025-03-05 · line 2', 'พ.ศ. 2570 | 2027 · line 2']);
    assert.deepEqual(
      dates.children!.map((d) => d.kind),
      ['date', 'date', 'date'],
    );
  });

  it('follows the active editor', async () => {
    await openFixture('policy.txt');
    assert.equal((await tree())[1].description, '2 · Test security');
    await openFixture('themeTree-b.md');
    const items = await tree();
    assert.deepEqual(rows(items), ['การทูตทดสอบ | 1 · Test diplomacy', 'ความมั่นคงทดสอบ | 1 · Test security', 'Countries | 1', 'Dates | 0']);
    assert.deepEqual(rows(items[0].children), ['การทูตสาธารณะทดสอบ | 1 · Test public diplomacy']);
  });

  it('revealOccurrence selects exactly the occurrence', async () => {
    const editor = await openFixture('policy.txt');
    const text = editor.document.getText();
    const item = find(await tree(), `occ:${editor.document.uri.toString()}#${text.indexOf('หยุดยิง')}`);
    assert.ok(item?.target, 'the occurrence of หยุดยิง has a reveal target');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('thaiPolicyLens.revealOccurrence', item.target); // uri as a string, as in JSON
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), editor.document.uri.toString());
    const [start, end] = spansOf(text, 'หยุดยิง')[0];
    assert.deepEqual([active.document.offsetAt(active.selection.start), active.document.offsetAt(active.selection.end)], [start, end]);
    assert.equal(active.document.getText(active.selection), 'หยุดยิง');
    // with a Uri object
    const [s2, e2] = spansOf(text, 'ญี่ปุ่น')[0];
    await vscode.commands.executeCommand('thaiPolicyLens.revealOccurrence', { uri: editor.document.uri, start: s2, end: e2 });
    assert.equal(vscode.window.activeTextEditor!.document.getText(vscode.window.activeTextEditor!.selection), 'ญี่ปุ่น');
  });

  it('showInTree reveals, selects and expands a theme', async () => {
    await openFixture('policy.txt');
    const done = await vscode.commands.executeCommand('thaiPolicyLens.showInTree', 'test-public-diplomacy');
    assert.equal(done, true);
    const items = await waitFor(async () => {
      const t = await tree();
      return find(t, 'theme:test-public-diplomacy')?.selected ? t : undefined;
    }, 'the theme selected');
    const theme = find(items, 'theme:test-public-diplomacy')!;
    assert.equal(theme.expanded, true);
    assert.equal(find(items, 'theme:test-diplomacy')!.expanded, true, 'its parent is expanded to show it');
    assert.equal(find(items, 'theme:test-security')!.selected, undefined);
    assert.equal(await vscode.commands.executeCommand('thaiPolicyLens.showInTree', 'no-such-theme'), false);
  });

  it('the workspace scope lists the occurrences of every file', async () => {
    await openFixture('policy.txt');
    const inDocument = Number.parseInt(find(await tree(), 'term:test-security:หยุดยิง')!.description!, 10);
    await vscode.commands.executeCommand('thaiPolicyLens.tree.scopeWorkspace');
    assert.equal(vscode.workspace.getConfiguration('thaiPolicyLens.tree').get('scope'), 'workspace');
    const all = await tree();
    assert.ok(Number.parseInt(find(all, 'term:test-security:หยุดยิง')!.description!, 10) >= inDocument + 2, 'counts every file');
    // other tests leave files in the workspace: narrow the tree to this test's files by their path
    await vscode.commands.executeCommand('thaiPolicyLens.tree.filter', 'themeTree-');
    const items = await tree();
    assert.deepEqual(rows(items), ['การทูตทดสอบ | 2 · Test diplomacy', 'ความมั่นคงทดสอบ | 2 · Test security', 'Countries | 3', 'Dates | 3']);
    assert.deepEqual(rows(find(items, 'term:test-security:หยุดยิง')!.children), [
      'ที่ประชุมรับทราบว่าข้อตกลงหยุดยิงมีผลตั้งแต่วันที่ 5 มีนาคม 2568 และจะทบทวนอีก… | themeTree-a.txt · line 2',
      '- ขอให้ทุกฝ่ายหยุดยิงทันที | themeTree-b.md · line 3',
    ]);
    assert.deepEqual(rows(find(items, 'term:test-diplomacy:การเจรจาทวิภาคี')!.children), [
      'ฝ่ายไทยเสนอการเจรจาทวิภาคีกับกัมพูชา ต่อเนื่องจากการประชุมเมื่อ 12 ม.ค. 2566 | themeTree-a.txt · line 3',
    ]);
    assert.deepEqual(rows(find(items, 'theme:test-public-diplomacy')!.children), ['การทูตสาธารณะ | 1 · Public diplomacy']);
    assert.deepEqual(rows(items[2].children), ['🇰🇭 กัมพูชา | 1 · Cambodia', '🇯🇵 ญี่ปุ่น | 1 · Japan', '🇹🇭 ไทย | 1 · Thailand']);
    assert.deepEqual(rows(items[3].children), [
      '12 ม.ค. 2566 | 2023-01-12 · themeTree-a.txt · line 3',
      '5 มีนาคม 2568 | 2025-03-05 · themeTree-a.txt · line 2',
      'พ.ศ. 2570 | 2027 · themeTree-a.txt · line 2',
    ]);
    // back to the document: one file again (and the path no longer filters)
    await vscode.commands.executeCommand('thaiPolicyLens.tree.clearFilter');
    await vscode.commands.executeCommand('thaiPolicyLens.tree.scopeDocument');
    assert.deepEqual(rows(find(await tree(), 'term:test-security:หยุดยิง')!.children), ['ทั้งสองฝ่ายตกลงหยุดยิงตั้งแต่ 28 ก.ค.68 บริเวณทะเลจีนใต้ไม่เกี่ยวข้อง | line 4']);
  });

  it('the filter narrows the tree to the themes, terms, countries and dates it names, not to lines of text', async () => {
    await openFixture('policy.txt');
    const filter = await vscode.commands.executeCommand('thaiPolicyLens.tree.filter', 'สาธารณะ');
    assert.equal(filter, 'สาธารณะ');
    const items = await tree();
    // the sub-theme matches by its label; the other things on its line (the US, Japan, non-proliferation) do not
    assert.deepEqual(rows(items), ['การทูตทดสอบ | 1 · Test diplomacy']);
    assert.deepEqual(rows(items[0].children), ['การทูตสาธารณะทดสอบ | 1 · Test public diplomacy']);
    await vscode.commands.executeCommand('thaiPolicyLens.tree.filter', 'japan');
    assert.deepEqual(rows(await tree()), ['Countries | 1']);

    // English, any case: the term's English name
    await vscode.commands.executeCommand('thaiPolicyLens.tree.filter', 'CEASEFIRE');
    const ceasefire = await tree();
    assert.deepEqual(rows(ceasefire), ['ความมั่นคงทดสอบ | 1 · Test security']);
    assert.deepEqual(rows(ceasefire[0].children), ['หยุดยิง | 1 · Ceasefire']);

    await vscode.commands.executeCommand('thaiPolicyLens.tree.clearFilter');
    assert.deepEqual(rows(await tree()), ['การทูตทดสอบ | 4 · Test diplomacy', 'ความมั่นคงทดสอบ | 2 · Test security', 'Countries | 3', 'Dates | 3']);
  });

  it('lists a passage tagged with a theme made by "New theme..." under that theme', async () => {
    const api = await getApi();
    const editor = await openFixture('themeTree-a.txt');
    const text = editor.document.getText();
    const start = text.indexOf('ฝ่ายไทยเสนอ');
    try {
      const tag = await vscode.commands.executeCommand<{ theme: string; creator?: string } | undefined>('thaiPolicyLens.tagSelection', {
        uri: editor.document.uri.toString(),
        range: { start, end: start + 'ฝ่ายไทยเสนอ'.length },
        newTheme: { label: 'ข้อเสนอของไทย', labelEn: 'Thai proposals' },
      });
      assert.ok(tag, 'tagged');
      const items = await waitFor(async () => {
        const t = await tree();
        return find(t, `theme:${tag.theme}`) ? t : undefined;
      }, 'the new theme in the tree');
      const theme = find(items, `theme:${tag.theme}`)!;
      assert.deepEqual([theme.kind, theme.label, theme.description], ['looseTheme', 'ข้อเสนอของไทย', '1 tag · Thai proposals']);
      // the coder is known on most machines (the system user at least)
      assert.deepEqual(rows(theme.children), [`ฝ่ายไทยเสนอการเจรจาทวิภาคีกับกัมพูชา ต่อเนื่องจากการประชุมเมื่อ 12 ม.ค. 2566 | ${tag.creator ? `tag by ${tag.creator} · line 3` : 'tag · line 3'}`]);
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('.policy-lens'), { recursive: true }).then(undefined, () => undefined);
      await testHooksOf(api).tagging.reload();
    }
  });

  it('shows the coder of each tag, and one coder\'s tags or all with "Show the Tags of One Coder..."', async () => {
    const api = await getApi();
    const editor = await openFixture('themeTree-a.txt');
    const text = editor.document.getText();
    const config = vscode.workspace.getConfiguration('thaiPolicyLens');
    try {
      let themeId: string | undefined;
      for (const [coder, needle] of [['มาลี', 'ฝ่ายไทยเสนอ'], ['Somchai', 'การเจรจาทวิภาคี']] as const) {
        await config.update('coder', coder, vscode.ConfigurationTarget.Workspace);
        const start = text.indexOf(needle);
        const range = { start, end: start + needle.length };
        const made = await vscode.commands.executeCommand<{ theme: string } | undefined>('thaiPolicyLens.tagSelection', { uri: editor.document.uri.toString(), range, ...(themeId ? { themeId } : { newTheme: { label: 'ข้อเสนอ', labelEn: 'Proposals' } }) });
        assert.ok(made);
        themeId = made.theme;
      }
      const tagRows = async () => {
        const theme = (await tree()).find((i) => i.kind === 'looseTheme');
        return rows(theme?.children).map((r) => r.split(' | ')[1]);
      };
      assert.deepEqual(await waitFor(async () => ((await tagRows()).length === 2 ? tagRows() : undefined), 'both tags in the tree'), ['tag by มาลี · line 3', 'tag by Somchai · line 3']);
      assert.equal(await vscode.commands.executeCommand('thaiPolicyLens.tree.filterCoder', 'Somchai'), 'Somchai');
      assert.deepEqual(await tagRows(), ['tag by Somchai · line 3']);
      assert.equal(await vscode.commands.executeCommand('thaiPolicyLens.tree.filterCoder', null), undefined);
      assert.deepEqual(await tagRows(), ['tag by มาลี · line 3', 'tag by Somchai · line 3']);
    } finally {
      await vscode.commands.executeCommand('thaiPolicyLens.tree.filterCoder', null);
      await config.update('coder', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(workspaceUri('.policy-lens'), { recursive: true }).then(undefined, () => undefined);
      await testHooksOf(api).tagging.reload();
    }
  });

  it('is empty (the welcome content shows) when no glossary is loaded', async () => {
    const api = await getApi();
    const editor = await openFixture('policy.txt');
    const glossary = workspaceUri('test.glossary.yaml');
    const parked = workspaceUri('themeTree-parked.yaml');
    await vscode.workspace.fs.rename(glossary, parked);
    try {
      await waitFor(() => (api.getGlossary().themes.length === 0 ? true : undefined), 'the glossary unloaded');
      assert.ok((await api.getAnnotations(editor.document.uri)).some((a) => a.kind === 'country'), 'the document still has countries');
      assert.deepEqual(await tree(), []);
      // a glossary named in the settings brings the themes back
      await setSetting('thaiPolicyLens.glossaryFiles', ['themeTree-parked.yaml']);
      await waitFor(() => (api.getGlossary().themes.length === 2 ? true : undefined), 'the glossary from the settings');
      assert.deepEqual(rows(await tree()).slice(0, 2), ['การทูตทดสอบ | 4 · Test diplomacy', 'ความมั่นคงทดสอบ | 2 · Test security']);
      await setSetting('thaiPolicyLens.glossaryFiles', undefined);
      await waitFor(() => (api.getGlossary().themes.length === 0 ? true : undefined), 'the settings glossary removed');
      assert.deepEqual(await tree(), []);
    } finally {
      await setSetting('thaiPolicyLens.glossaryFiles', undefined);
      await vscode.workspace.fs.rename(parked, glossary);
      await waitFor(() => (api.getGlossary().themes.length === 2 ? true : undefined), 'the glossary back');
    }
    assert.equal((await tree()).length, 4);
  });
});
