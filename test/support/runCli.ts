/** Runs the command line in-process and captures what it writes, for the CLI unit tests. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, runCliAsync, type CliIO } from '../../src/cli/main';

/** The exit status and the output of one run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The matcher cache of the tests' runs: a folder of their own, never the user's. */
export const TEST_CACHE_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-test-cache-'));
process.on('exit', () => fs.rmSync(TEST_CACHE_HOME, { recursive: true, force: true }));

/** A built-in pack folder that does not exist: no built-in glossary unless a test gives one. */
export const NO_BUILTIN = path.join(os.tmpdir(), 'thai-policy-lens-no-such-builtin-packs');

/**
 * A folder of built-in packs for a test: `packs` maps a pack id to its glossary text; the folder is
 * made under `parent`. Returns the folder, to pass to `run`.
 */
export function builtinPacksDir(parent: string, packs: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(parent, 'packs-'));
  for (const [id, text] of Object.entries(packs)) fs.writeFileSync(path.join(dir, `${id}.glossary.yaml`), text);
  return dir;
}

/**
 * Runs the command line with `builtinDir` as the folder of the built-in packs; `stdin`: what
 * standard input holds for `-` (by default nothing: an empty input).
 */
export function run(argv: string[], builtinDir = NO_BUILTIN, stdin: string | Uint8Array = ''): CliRun {
  const { io, result } = capture(builtinDir, stdin);
  return result(runCli(argv, io));
}

/** An io that keeps what is written, and the run's result from its exit status. */
function capture(builtinDir: string, stdin: string | Uint8Array): { io: CliIO; result: (code: number) => CliRun } {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    builtinDir,
    stdin: () => Buffer.from(stdin),
    env: { XDG_CACHE_HOME: TEST_CACHE_HOME },
  };
  return { io, result: (code) => ({ code, stdout, stderr }) };
}

/** `run` through `runCliAsync`, as the program runs: PDF, Word and HTML inputs are converted. */
export async function runAsync(argv: string[], builtinDir = NO_BUILTIN, stdin: string | Uint8Array = ''): Promise<CliRun> {
  const { io, result } = capture(builtinDir, stdin);
  return result(await runCliAsync(argv, io));
}
