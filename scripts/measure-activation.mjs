#!/usr/bin/env node
// Measures what the extension costs in an English-only workspace: the CPU time and memory of the
// extension host, in the VS Code server with Chromium, on a generated workspace of English .md
// and .txt files (scripts/lib/englishWorkspace.mjs, written to a temporary folder and deleted).
//
//   node scripts/measure-activation.mjs [--files 1000] [--seconds 20] [--runs 3] [--extension PATH | --none]
//
// The workbench opens the folder with one English Markdown file in an editor (which activates an
// extension that activates on Markdown), waits, and reads the extension host's CPU time
// (utime + stime from /proc) and resident memory. --none measures the same without the extension;
// --extension PATH measures another build of it (a checkout with dist/ built), default this one.
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, startServer, launchBrowser, workbenchUrl } from './lib/vscode-host.mjs';
import { writeEnglishWorkspace } from './lib/englishWorkspace.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const files = Number(arg('--files', 1000));
const seconds = Number(arg('--seconds', 20));
const runs = Number(arg('--runs', 3));
const none = process.argv.includes('--none');
const extension = arg('--extension', root);
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** The extension host processes of a server (its process group), with CPU seconds and RSS MB. */
function extensionHosts(pgid) {
  const out = [];
  for (const line of execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' }).split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!m || Number(m[2]) !== pgid || !/extensionHost/.test(m[3])) continue;
    const stat = readFileSync(`/proc/${m[1]}/stat`, 'utf8').split(') ')[1].split(' ');
    const cpu = (Number(stat[11]) + Number(stat[12])) / TICKS;
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${m[1]}/status`, 'utf8'))[1]) / 1024;
    out.push({ pid: Number(m[1]), cpu, rss });
  }
  return out;
}

const folder = mkdtempSync(join(tmpdir(), 'tpl-english-'));
writeEnglishWorkspace(folder, files);
const empty = mkdtempSync(join(tmpdir(), 'tpl-noext-'));
mkdirSync(empty, { recursive: true });
writeFileSync(join(empty, 'package.json'), JSON.stringify({ name: 'none', publisher: 'none', version: '0.0.0', engines: { vscode: '*' } }));
const results = [];
try {
  for (let run = 0; run < runs; run++) {
    const server = await startServer({});
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const pgid = Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(server.pid)], { encoding: 'utf8' }).trim());
      await page.goto(workbenchUrl({ port: server.port, folder, extensionDevelopmentPath: none ? empty : extension, openFile: join(folder, 'part-01', 'doc-1.md') }));
      await new Promise((r) => setTimeout(r, seconds * 1000));
      const hosts = extensionHosts(pgid);
      if (hosts.length === 0) throw new Error('no extension host found');
      const host = hosts.reduce((a, b) => (a.cpu >= b.cpu ? a : b));
      results.push(host);
      process.stdout.write(`run ${run + 1}: extension host CPU ${host.cpu.toFixed(2)} s, RSS ${host.rss.toFixed(0)} MB\n`);
    } finally {
      await browser.close().catch(() => {});
      server.stop();
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
process.stdout.write(
  `${none ? 'no extension' : extension}: ${files} English files, ${seconds} s after opening one: median extension-host CPU ${median(results.map((r) => r.cpu)).toFixed(2)} s, RSS ${median(results.map((r) => r.rss)).toFixed(0)} MB (${runs} runs)\n`,
);
