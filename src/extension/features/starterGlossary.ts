/**
 * "Create Starter Glossary": writes a commented `policy.glossary.yaml` into the workspace and
 * opens it; and the `thaiPolicyLens.glossaryEmpty` context key behind the tree's welcome content.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { NEW_GLOSSARY_FILE } from '../../core';
import { Disposable } from '../disposable';
import { exists, writeTextAtomic } from '../services/files';
import type { GlossaryService } from '../services/glossaryService';

export const STARTER_GLOSSARY = `# Thai Policy Lens glossary: the themes (policy pillars) of your documents and the terms that
# signal them. Saved changes apply at once; problems show in the Problems panel.
version: 1
themes:
  - id: my-theme                  # unique; lower-case letters, digits and hyphens
    label: ประเด็นของฉัน           # shown in the tree
    label_en: My theme
    color: "#4e79a7"              # optional; a stable colour is chosen otherwise
    gloss: อธิบายประเด็นนี้ในหนึ่งประโยค
    terms:
      - term: ความร่วมมือทางวิชาการ
        en: Technical cooperation
        gloss: ความร่วมมือด้านความรู้และทักษะระหว่างหน่วยงานหรือประเทศ
        aliases: [technical cooperation]
      - การแลกเปลี่ยนบุคลากร        # a bare string is a term without a gloss
    themes: []                    # sub-themes, same shape, any depth
`;

/** The `thaiPolicyLens.glossaryEmpty` context key and the Create Starter Glossary command. */
export class StarterGlossary extends Disposable {
  constructor(glossaries: GlossaryService) {
    super();
    const updateContext = () => void vscode.commands.executeCommand('setContext', 'thaiPolicyLens.glossaryEmpty', glossaries.set.themes.length === 0);
    updateContext();
    this.registerAll(glossaries.onDidChange(updateContext), vscode.commands.registerCommand('thaiPolicyLens.createStarterGlossary', () => createStarterGlossary(glossaries)));
  }
}

/** Writes the starter glossary into the active document's workspace folder, else the first (unless there is one), and opens it. */
async function createStarterGlossary(glossaries: GlossaryService): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) || vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(l10n.t('Thai Policy Lens: open a folder first; the glossary is written into it.'));
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder.uri, NEW_GLOSSARY_FILE);
  const existed = await exists(uri);
  if (!existed) await writeTextAtomic(uri, STARTER_GLOSSARY);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  if (!existed) await glossaries.reload();
  return uri;
}
