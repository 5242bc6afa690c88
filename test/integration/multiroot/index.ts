// The multi-root suite: test/fixtures/multiroot/multi.code-workspace, two folders with their own settings.
import { runSuite } from '../index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
