// The Restricted Mode suite: workspace trust on, test/fixtures/restricted opened untrusted.
import { runSuite } from '../index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
