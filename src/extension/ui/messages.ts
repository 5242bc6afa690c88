/**
 * Messages that point at a place in a file: an error with an "Open File" button that opens the
 * file there (a corrupt annotations file, a glossary that cannot be edited), and opening a file
 * at an offset or a line and column. Also information messages, the last of which the tests read.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/** A place in a file: an offset range (UTF-16, into its text), or a 1-based line and column. */
export type FilePlace = { uri: vscode.Uri; start?: number; end?: number } | { uri: vscode.Uri; line: number; column?: number };


/** Shows an error; with a place, a button opens the file there. */
export function showErrorAt(message: string, place?: FilePlace): void {
  const OPEN_FILE = l10n.t('Open File');
  if (!place) {
    void vscode.window.showErrorMessage(message);
    return;
  }
  void vscode.window.showErrorMessage(message, OPEN_FILE).then(async (choice) => {
    if (choice === OPEN_FILE) await openAt(place);
  });
}

/**
 * Opens the file with the place selected (the start of the file when the place has no position)
 * and scrolled into view; resolves to the editor.
 */
export async function openAt(place: FilePlace, options: { preview?: boolean } = {}): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(place.uri);
  let selection: vscode.Selection | undefined;
  if ('line' in place) {
    const pos = new vscode.Position(Math.max(0, place.line - 1), Math.max(0, (place.column ?? 1) - 1));
    selection = new vscode.Selection(pos, pos);
  } else if (place.start !== undefined) {
    selection = new vscode.Selection(doc.positionAt(place.start), doc.positionAt(place.end ?? place.start));
  }
  const editor = await vscode.window.showTextDocument(doc, { selection, preview: options.preview });
  if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

let lastInformation: string | undefined;

/** Shows an information message (with buttons, if any); resolves to the button chosen. */
export function showInformation(message: string, ...buttons: string[]): Thenable<string | undefined> {
  lastInformation = message;
  return vscode.window.showInformationMessage(message, ...buttons);
}

/** The last message `showInformation` showed (for the tests). */
export function lastInformationShown(): string | undefined {
  return lastInformation;
}
