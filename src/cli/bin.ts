/** The `thai-policy-lens` program (dist/cli.js): runs the command line of main.ts on this process. */
import { runCliAsync } from './main';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0); // the reader went away (| head)
  throw e;
});
void runCliAsync(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
