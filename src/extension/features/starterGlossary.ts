/**
 * "Create Starter Glossary": writes a commented `policy.glossary.yaml` into the workspace and
 * opens it; and the `thaiPolicyLens.glossaryEmpty` context key behind the tree's welcome content.
 */
import * as vscode from 'vscode';
import { writeTextAtomic } from '../services/files';
import type { FeatureContext } from '../featureContext';

export const STARTER_FILE_NAME = 'policy.glossary.yaml';

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

export function registerStarterGlossary(ctx: FeatureContext): void {
  const updateContext = () =>
    void vscode.commands.executeCommand('setContext', 'thaiPolicyLens.glossaryEmpty', ctx.glossaries.set.themes.length === 0);
  updateContext();
  ctx.extension.subscriptions.push(
    ctx.glossaries.onDidChange(updateContext),
    vscode.commands.registerCommand('thaiPolicyLens.createStarterGlossary', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        void vscode.window.showWarningMessage('Thai Policy Lens: open a folder first; the glossary is written into it.');
        return undefined;
      }
      const uri = vscode.Uri.joinPath(folder.uri, STARTER_FILE_NAME);
      let exists = true;
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        exists = false;
      }
      if (!exists) await writeTextAtomic(uri, STARTER_GLOSSARY);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      if (!exists) await ctx.glossaries.reload();
      return uri;
    }),
  );
}
