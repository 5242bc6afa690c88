import * as vscode from 'vscode';

export interface ThaiPolicyLensApi {
  version: string;
}

export function activate(context: vscode.ExtensionContext): ThaiPolicyLensApi {
  const version = String(context.extension.packageJSON.version);
  context.subscriptions.push(vscode.commands.registerCommand('thaiPolicyLens.version', () => version));
  return { version };
}

export function deactivate(): void {}
