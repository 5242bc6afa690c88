/**
 * The editor's figures (issue 12, targets 1 and 2), measured in a real VS Code by two measuring
 * suites that `npm test` does not run, started here through scripts/test-vscode.mjs:
 * - big documents (`--editor`): test/integration/editor/ on the default test workspace;
 * - a large workspace (`--workspace`): test/integration/scale/ on a generated workspace of
 *   `--workspace-docs` documents (generateWorkspace.ts's writer, written to a temporary folder and
 *   removed after).
 * A suite prints its figures as lines `editor figure: NAME VALUE UNIT (target at most LIMIT)` (or
 * `workspace figure:`; target `none`: shown only); this collects them, judges each against its
 * target, prints them, and counts the targets met. A suite that fails is reported
 * with the end of its output. Never fails on time.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinGlossaryFiles, glossaryForms, writeCorpus } from './benchCli';

export interface EditorBenchOptions {
  /** the big-document suite */
  editor: boolean;
  /** the workspace suite, on this many generated documents (0: not run) */
  workspaceDocs: number;
}

/**
 * A figure line of a measuring suite, perhaps after a `[source]` prefix:
 * `editor figure: NAME VALUE UNIT (target at most LIMIT...)` (or `workspace figure:`), the target
 * `none` where the figure is only shown.
 */
const FIGURE = /^\s*(?:\[[^\]]*\]\s*)?(?:(?:editor|workspace) )?figure: (.*)$/;
const JUDGED = /^\S+ (-?\d+(?:\.\d+)?) \S+ \(target at most (-?\d+(?:\.\d+)?)[;)]/;

export interface SuiteFigures {
  /** each figure, with ` -> met` or ` -> NOT met` added where it has a target */
  figures: string[];
  met: number;
  missed: number;
  /** the suite's exit status (0: every test passed) */
  status: number | null;
}

/** The figure lines of a suite's output, each judged against its target where it has one. */
export function collectFigures(output: string, status: number | null): SuiteFigures {
  const figures: string[] = [];
  let met = 0;
  let missed = 0;
  for (const line of output.split('\n')) {
    const m = FIGURE.exec(line);
    if (!m) continue;
    const figure = m[1].trimEnd();
    const judged = JUDGED.exec(figure);
    if (!judged) {
      figures.push(figure);
      continue;
    }
    const ok = Number(judged[1]) <= Number(judged[2]);
    figures.push(`${figure} -> ${ok ? 'met' : 'NOT met'}`);
    if (ok) met++;
    else missed++;
  }
  return { figures, met, missed, status };
}

function runSuite(root: string, tests: string, folder: string | undefined, print: (s: string) => void): SuiteFigures {
  const args = [path.join(root, 'scripts', 'test-vscode.mjs'), '--tests', path.join(root, tests)];
  if (folder) args.push('--folder', folder);
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20 });
  const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
  const result = collectFigures(output, run.status);
  if (run.status !== 0) {
    print(`  the suite did not pass (exit ${run.status ?? run.signal}); the end of its output:`);
    for (const line of output.trimEnd().split('\n').slice(-25)) print(`    ${line}`);
  }
  return result;
}

function report(title: string, result: SuiteFigures, print: (s: string) => void): void {
  print('');
  print(title);
  for (const figure of result.figures) print(`  ${figure}`);
  if (result.figures.length === 0) print('  no figures printed');
  print(`  targets: ${result.met} met, ${result.missed} not met`);
}

export function runEditorBench(options: EditorBenchOptions, print: (s: string) => void): void {
  const root = path.join(__dirname, '..');
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  if (options.editor) {
    print('');
    print(`Big documents in the editor (test/integration/editor in a real VS Code; load average ${load})`);
    report('Big documents in the editor: figures', runSuite(root, 'out/test/integration/editor/index.js', undefined, print), print);
  }
  if (options.workspaceDocs > 0) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-bench-workspace-'));
    try {
      const builtin = builtinGlossaryFiles(root);
      const bytes = writeCorpus(folder, options.workspaceDocs, glossaryForms(builtin), 1); // generateWorkspace.js's default seed: the same files
      print('');
      print(
        `A workspace of ${options.workspaceDocs.toLocaleString('en-US')} documents (${(bytes / 1e6).toFixed(0)} MB, test/integration/scale in a real VS Code; ` +
          `load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')})`,
      );
      report(`The workspace of ${options.workspaceDocs.toLocaleString('en-US')} documents: figures`, runSuite(root, 'out/test/integration/scale/index.js', folder, print), print);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
}
