// Entry point of the integration suite: VS Code's extension host loads this file and calls run().
// It works under both runners (the VS Code server and @vscode/test-electron). The other suites
// (quiet/, restricted/) call `runSuite` on their own folder.
import * as path from 'node:path';
import * as fs from 'node:fs';
import Mocha from 'mocha';

/** Runs every `*.test.js` of `dir` (not its subfolders), printing `N passed, N failed`. */
export function runSuite(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.TPL_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats ?? { passes: 0, failures, pending: 0 };
        const skipped = s.pending ? `, ${s.pending} skipped` : '';
        console.log(`${s.passes} passed, ${s.failures} failed${skipped}`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}

export function run(): Promise<void> {
  return runSuite(__dirname);
}
