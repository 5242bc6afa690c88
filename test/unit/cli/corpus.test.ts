/// <reference lib="dom" />
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CORPUS_TEXTS, writeCorpus } from '../../support/corpusFixture';
import { Document, Packer, Paragraph } from 'docx';
import { writePdf } from '../../../src/tools/pdfWriter';
import { run, runAsync } from '../../support/runCli';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

describe('find and report', () => {
  let tmp: string;
  let dir: string;
  let glossary: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-corpus-'));
    ({ dir, glossary } = writeCorpus(tmp));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('find: the passages a query matches, as JSON', () => {
    const r = run(['find', 'theme:humanitarian country:เมียนมา', dir, '--glossary', glossary]);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const out = JSON.parse(r.stdout);
    assert.equal(out.query, 'theme:humanitarian country:เมียนมา');
    assert.equal(out.count, 2);
    assert.deepEqual(out.passages, [
      { path: 'a.txt', date: '2021-03-05', start: 25, end: 47, line: 4, text: 'สิทธิมนุษยชน ในเมียนมา', themes: ['rights'], countries: ['MM'] },
      { path: 'a.txt', date: '2021-03-05', start: 49, end: 85, line: 6, text: 'ผู้ลี้ภัย จากเมียนมา และสิทธิมนุษยชน', themes: ['rights', 'refugees'], countries: ['MM'] },
    ]);
    assert.equal(CORPUS_TEXTS['a.txt'].slice(25, 47), 'สิทธิมนุษยชน ในเมียนมา');
  });

  it('find: CSV and Markdown, dates in BE, free text', () => {
    const csv = run(['find', 'date:2566 "กับจีน"', dir, '--glossary', glossary, '--format', 'csv']);
    assert.equal(csv.code, 0);
    assert.equal(csv.stdout, 'path,line,start,end,date,themes,countries,text\r\nb/c.txt,3,23,57,2023-01-10,trade,CN MM,การค้า กับจีน และการค้า กับเมียนมา\r\n');
    const md = run(['find', 'theme:ผู้ลี้ภัย', dir, '--glossary', glossary, '--format', 'md']);
    assert.equal(md.code, 0);
    assert.match(md.stdout, /^# Passages: theme:ผู้ลี้ภัย\n\n3 passages\.\n\n## a\.txt \(2021-03-05\)\n\n- line 6 — `rights` `refugees` `MM`\n\n {2}> ผู้ลี้ภัย จากเมียนมา และสิทธิมนุษยชน\n/);
  });

  it('find and report: one line for a bad query, folder or format', () => {
    assert.deepEqual(run(['find', 'theme:nothing', dir, '--glossary', glossary]), { code: 2, stdout: '', stderr: 'query:1:1: unknown theme "nothing"\n' });
    assert.deepEqual(run(['find', 'x', path.join(tmp, 'none')]), { code: 2, stdout: '', stderr: `${path.join(tmp, 'none')}: no such folder\n` });
    assert.equal(run(['find', 'x', dir, '--format', 'xml']).stderr, 'unknown format "xml" (use json, csv or md)\n');
    assert.equal(run(['find', dir]).stderr, 'find needs a QUERY and a folder DIR (quote the query); see --help\n');
    assert.equal(run(['report', dir]).stderr, 'report needs --out FILE.html; see --help\n');
  });

  it('find and report read a folder of mixed files as analyze does: PDF, Word and HTML converted, a source beside its NAME.policy.txt left out', async () => {
    const mixed = path.join(tmp, 'mixed');
    fs.mkdirSync(path.join(mixed, 'sub'), { recursive: true });
    const term = 'ความมั่นคงทางทะเล';
    fs.writeFileSync(path.join(mixed, 'a.txt'), `หารือ${term}`);
    fs.writeFileSync(path.join(mixed, 'c.pdf'), writePdf([[{ text: `ขยาย${term}`, x: 60, y: 80, size: 12 }]]));
    fs.writeFileSync(path.join(mixed, 'd.docx'), await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(term)] }] })));
    fs.writeFileSync(path.join(mixed, 'sub', 'e.html'), `<nav>เมนู</nav><p>${term}</p>`);
    // imported already: the text stands for the source, which is not read (it is no PDF)
    fs.writeFileSync(path.join(mixed, 'g.pdf'), 'not read: g.policy.txt stands for it');
    fs.writeFileSync(path.join(mixed, 'g.policy.txt'), term);
    const found = await runAsync(['find', `"${term}"`, mixed, '--glossary', glossary, '--format', 'csv']);
    assert.deepEqual([found.code, found.stderr], [0, '']);
    const rows = found.stdout.trim().split('\r\n').slice(1).map((row) => row.split(','));
    assert.deepEqual(
      rows.map((row) => [row[0], row.at(-1)]),
      [['a.txt', `หารือ${term}`], ['c.pdf', `ขยาย${term}`], ['d.docx', term], ['g.policy.txt', term], ['sub/e.html', term]],
    );
    // offsets into the converted text, as analyze gives them
    const converted = (await runAsync(['convert', path.join(mixed, 'c.pdf')])).stdout;
    const pdfRow = rows.find((row) => row[0] === 'c.pdf')!;
    assert.equal(converted.slice(Number(pdfRow[2]), Number(pdfRow[3])), `ขยาย${term}`);
    const out = path.join(tmp, 'mixed-report.html');
    const report = await runAsync(['report', mixed, '--glossary', glossary, '--out', out]);
    assert.deepEqual([report.code, report.stderr], [0, '']);
    assert.ok(fs.readFileSync(out, 'utf8').includes('sub/e.html'));
  });

  describe('the report in Chromium', function () {
    this.timeout(60000);
    let browser: Browser | undefined;
    before(async function () {
      if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    });
    after(async () => browser?.close());

    it('draws every chart from the embedded data, offline, without a console error; a click narrows them', async () => {
      const out = path.join(tmp, 'report.html');
      const r = run(['report', dir, '--glossary', glossary, '--out', out]);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      const html = fs.readFileSync(out, 'utf8');
      // nothing to fetch: no external script or style, and a policy that forbids fetching
      assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/i);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
      const page = await browser!.newPage();
      const problems: string[] = [];
      page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (q) => !/^(file|data|blob):/.test(q.url()) && problems.push(`request: ${q.url()}`));
      await page.goto('file://' + out);
      await page.waitForFunction(() => document.body.dataset.drawn === '1');
      const marks = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('section[data-chart]')].map((s) => [s.getAttribute('data-chart'), s.querySelectorAll('svg [data-key]').length])));
      const kwic = () => page.evaluate(() => [...document.querySelectorAll('table.tpl-kwic tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      // density: 7 document x theme cells; timeline: 3 themes in 2021, 2 in 2023; countries: 2 on the map and 2 bars
      assert.deepEqual(await marks(), { density: 7, timeline: 5, countries: 4, themeCountry: 4, themeTheme: 1, kwic: 0 });
      const rows = await kwic();
      assert.equal(rows.length, 9);
      assert.deepEqual(rows[0], ['', 'สิทธิมนุษยชน', ' ในเมียนมา', 'a.txt']);
      assert.deepEqual(rows[8], ['ไม่มีวันที่ สิทธิมนุษยชน ', 'ผู้ลี้ภัย', '', 'd.txt']);
      // a click on China's bar narrows everything to the paragraphs that mention China
      await page.click('section[data-chart=countries] svg g[aria-label=bar] [data-key=CN]');
      await page.waitForFunction(() => document.body.dataset.drawn === '2');
      assert.deepEqual(await marks(), { density: 2, timeline: 2, countries: 4, themeCountry: 2, themeTheme: 0, kwic: 0 });
      assert.deepEqual(await kwic(), [
        ['1. การค้า กับ', 'จีน', '', 'a.txt'],
        ['การค้า กับ', 'จีน', ' และการค้า กับเมียนมา', 'b/c.txt'],
      ]);
      // the table toggle shows the chart's data as a table
      await page.click('section[data-chart=density] button[data-action=table]');
      assert.deepEqual(
        await page.evaluate(() => [...document.querySelectorAll('section[data-chart=density] tbody tr')].map((tr) => tr.textContent)),
        ['a.txtการค้า1' + String(Math.round(100000 / CORPUS_TEXTS_A_LENGTH) / 100), 'b/c.txtการค้า2' + String(Math.round(200000 / CORPUS_TEXTS_BC_LENGTH) / 100)],
      );
      // a query in the box
      await page.fill('#tpl-query', 'theme:trade date:2564');
      await page.press('#tpl-query', 'Enter');
      await page.waitForFunction(() => document.querySelectorAll('table.tpl-kwic tbody tr').length === 1);
      // the filters show the query's parts; each filter narrows every chart and the list
      const filters = () => page.evaluate(() => ['#tpl-folder', '#tpl-from', '#tpl-to', '#tpl-theme'].map((id) => (document.querySelector(id) as HTMLInputElement).value));
      assert.deepEqual(await filters(), ['', '2021-01', '2021-12', 'trade']);
      assert.deepEqual(
        await page.evaluate(() => [...(document.querySelector('#tpl-folder') as HTMLSelectElement).options].map((o) => o.value)),
        ['', 'b'],
      );
      const drawn = () => page.evaluate(() => Number(document.body.dataset.drawn));
      let before = await drawn();
      await page.selectOption('#tpl-theme', '');
      await page.waitForFunction((n) => Number(document.body.dataset.drawn) > n, before);
      before = await drawn();
      await page.fill('#tpl-from', '');
      await page.fill('#tpl-to', '');
      await page.selectOption('#tpl-folder', 'b');
      await page.waitForFunction((n) => Number(document.body.dataset.drawn) > n + 2, before);
      assert.deepEqual(await filters(), ['b', '', '', '']);
      assert.deepEqual((await kwic()).map((r) => r[3]), ['b/c.txt', 'b/c.txt', 'b/c.txt']);
      // (the density chart is still shown as a table)
      assert.deepEqual(await marks(), { density: 0, timeline: 2, countries: 4, themeCountry: 2, themeTheme: 0, kwic: 0 });
      // the report says what it keeps, and that free text is not searched in it (it has no paragraph text)
      assert.match((await page.textContent('p.tpl-report-note')) ?? '', /at most 40 keyword-in-context rows for each theme and each country \(4,000 in all\), 30 characters each side/);
      const drawnBefore = await drawn();
      await page.fill('#tpl-query', 'theme:trade "ความร่วมมือ"');
      await page.press('#tpl-query', 'Enter');
      assert.match((await page.textContent('.tpl-error')) ?? '', /^Free text \("\.\.\."\) is not searched in this report/);
      assert.equal(await drawn(), drawnBefore, 'nothing drawn for it');
      assert.deepEqual(problems, []);
    });
  });
});

const CORPUS_TEXTS_A_LENGTH = CORPUS_TEXTS['a.txt'].length;
const CORPUS_TEXTS_BC_LENGTH = CORPUS_TEXTS['b/c.txt'].length;
