// The quiet suite: an English-only workspace (scripts/lib/englishWorkspace.mjs), opened fresh.
import { runSuite } from '../index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
