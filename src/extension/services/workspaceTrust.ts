/**
 * Restricted Mode (an untrusted workspace). The extension declares limited support: highlights,
 * hovers, the Themes view and tagging work on the built-in glossary; the workspace's own
 * glossaries (`*.glossary.yaml`, read by our parser and never run, but they decide what is shown)
 * load only once the workspace is trusted or the user allows them for this workspace (command
 * "Load Workspace Glossaries in Restricted Mode", remembered in the workspace's state). VS Code
 * itself ignores the workspace's values of the settings that point at files (`glossaryFiles`,
 * `annotationsFile`: `restrictedConfigurations` in package.json).
 */
import * as vscode from 'vscode';
import { Disposable } from '../disposable';

const ALLOWED_KEY = 'thaiPolicyLens.workspaceGlossariesAllowed';
export const ALLOW_GLOSSARIES_COMMAND = 'thaiPolicyLens.allowWorkspaceGlossaries';

export class WorkspaceTrust extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when workspace glossaries become allowed (the workspace trusted, or the user's command). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    super();
    this.registerAll(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        void this.setContext();
        this.changed.fire();
      }),
      vscode.commands.registerCommand(ALLOW_GLOSSARIES_COMMAND, () => this.allowGlossaries()),
    );
    void this.setContext();
  }

  /** Whether the workspace's glossaries are read. */
  get glossariesAllowed(): boolean {
    return vscode.workspace.isTrusted || this.state.get<boolean>(ALLOWED_KEY, false);
  }

  /** Allows the workspace's glossaries in Restricted Mode, for this workspace. Returns true. */
  async allowGlossaries(): Promise<boolean> {
    if (this.glossariesAllowed) return true;
    await this.state.update(ALLOWED_KEY, true);
    await this.setContext();
    this.changed.fire();
    return true;
  }

  /** `thaiPolicyLens.glossariesRestricted`: shows the Themes view's button that allows them. */
  private setContext(): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', 'thaiPolicyLens.glossariesRestricted', !this.glossariesAllowed);
  }
}
