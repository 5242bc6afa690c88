import { strict as assert } from 'node:assert';
import { Analyzer } from '../../src/core/recognize/analyze';
import { GlossarySet } from '../../src/core/glossary/glossary';

/** A two-theme glossary written for the tests of incremental and chunked analysis. */
export const DIPLOMACY_GLOSSARY = `version: 1
themes:
  - id: digital-diplomacy
    label: การทูตดิจิทัล
    terms: [การทูตดิจิทัล]
  - id: maritime
    label: ความมั่นคงทางทะเล
    terms: [ความมั่นคงทางทะเล]
`;

/** An analyzer of DIPLOMACY_GLOSSARY (checked to load without a diagnostic). */
export function diplomacyAnalyzer(): Analyzer {
  const set = new GlossarySet();
  assert.deepEqual(set.update('test.glossary.yaml', DIPLOMACY_GLOSSARY), []);
  return new Analyzer(set);
}
