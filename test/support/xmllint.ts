// Validating XML against a schema with xmllint (Debian package libxml2-utils), for the REFI-QDA
// exports. A missing xmllint fails the test that asks, saying what to install.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './paths';

/** The REFI-QDA Project schema copied into the fixtures. */
export const PROJECT_XSD = path.join(ROOT, 'test', 'fixtures', 'refi-qda', 'Project.xsd');

/** xmllint's verdict on `xml` against `schema`: its exit status and what it printed. */
export function xmllintSchema(xml: string, schema = PROJECT_XSD): { status: number; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-xmllint-'));
  try {
    const file = path.join(dir, 'project.qde');
    fs.writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
    if (r.error) throw new Error(`xmllint is needed to validate REFI-QDA exports (Debian: apt-get install libxml2-utils): ${r.error.message}`);
    return { status: r.status ?? -1, output: (r.stdout + r.stderr).split(dir + path.sep).join('') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
