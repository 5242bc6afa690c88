/** A small known corpus for the find, report and dashboard tests: three documents and a glossary. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CORPUS_GLOSSARY = `version: 1
themes:
  - id: humanitarian
    label: มนุษยธรรม
    label_en: Humanitarian
    color: "#4e79a7"
    themes:
      - id: rights
        label: สิทธิมนุษยชน
        label_en: Human rights
        color: "#e15759"
        terms: [สิทธิมนุษยชน]
      - id: refugees
        label: ผู้ลี้ภัย
        label_en: Refugees
        color: "#59a14f"
        terms: [ผู้ลี้ภัย]
  - id: trade
    label: การค้า
    label_en: Trade
    color: "#f28e2b"
    terms: [การค้า]
`;

export const CORPUS_TEXTS: Record<string, string> = {
  'a.txt': '---\ndate: 2021-03-05\n---\nสิทธิมนุษยชน ในเมียนมา\n\nผู้ลี้ภัย จากเมียนมา และสิทธิมนุษยชน\n1. การค้า กับจีน\n',
  'b/c.txt': 'วันที่ 10 มกราคม 2566\n\nการค้า กับจีน และการค้า กับเมียนมา\n\nผู้ลี้ภัย\n',
  'd.txt': 'ไม่มีวันที่ สิทธิมนุษยชน ผู้ลี้ภัย\n',
};

/** Writes the corpus under `parent`: returns the folder of documents and the glossary file (outside it). */
export function writeCorpus(parent: string): { dir: string; glossary: string } {
  const dir = path.join(parent, 'corpus');
  for (const [name, text] of Object.entries(CORPUS_TEXTS)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const glossary = path.join(parent, 'corpus.glossary.yaml');
  fs.writeFileSync(glossary, CORPUS_GLOSSARY);
  return { dir, glossary };
}
