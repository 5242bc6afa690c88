/** Shared behaviour of the extension's quick picks. */
import type * as vscode from 'vscode';

/**
 * Shows `qp` and resolves with the item accepted (the selected one, else the active one), or
 * undefined when it is hidden without a choice; the quick pick is disposed either way.
 */
export function chooseFrom<T extends vscode.QuickPickItem>(qp: vscode.QuickPick<T>, onDidChangeValue: (value: string) => void): Promise<T | undefined> {
  return new Promise((resolve) => {
    let chosen: T | undefined;
    const subscriptions = [
      qp.onDidChangeValue(onDidChangeValue),
      qp.onDidAccept(() => {
        chosen = qp.selectedItems[0] ?? qp.activeItems[0];
        qp.hide();
      }),
      qp.onDidHide(() => {
        for (const s of subscriptions) s.dispose();
        qp.dispose();
        resolve(chosen);
      }),
    ];
    qp.show();
  });
}
