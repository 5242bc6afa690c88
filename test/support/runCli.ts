/** Runs the command line in-process and captures what it writes, for the CLI unit tests. */
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type CliIO } from '../../src/cli/main';

/** The exit status and the output of one run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A built-in glossary path that does not exist: no built-in glossary unless a test gives one. */
export const NO_BUILTIN = path.join(os.tmpdir(), 'thai-policy-lens-no-such-builtin.glossary.yaml');

/** `stdin`: what standard input holds for `-` (by default nothing: an empty input). */
export function run(argv: string[], builtinGlossary = NO_BUILTIN, stdin: string | Uint8Array = ''): CliRun {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    builtinGlossary,
    stdin: () => Buffer.from(stdin),
  };
  const code = runCli(argv, io);
  return { code, stdout, stderr };
}
