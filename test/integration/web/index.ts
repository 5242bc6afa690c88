// The web suite: the extension's browser bundle in the web worker extension host (as on
// vscode.dev and github.dev), with the tests that need nothing but the VS Code API. The runner
// bundles this file for the web worker (scripts/test-vscode.mjs, `--suite web`).
import './setup';
import './webWorker.test';
import '../activation.test';
import '../highlights.test';
import '../hovers.test';
import '../themeTree.test';
import '../navigation.test';
import '../outline.test';
import '../tagging.test';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const skipped = runner.stats?.pending ? `, ${runner.stats.pending} skipped` : '';
      console.log(`${passed} passed, ${failures} failed${skipped}`);
      if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
      else resolve();
    });
    let passed = 0;
    runner.on('pass', (test) => {
      passed++;
      console.log(`  ✔ ${test.fullTitle()}`);
    });
    runner.on('fail', (test, err: Error) => console.log(`  ✖ ${test.fullTitle()}\n    ${err.message}`));
  });
}
