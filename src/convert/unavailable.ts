/**
 * The converters in the browser (vscode.dev, github.dev): PDF.js, mammoth and the HTML reader need
 * Node, so the web build of the extension takes this module instead of `index.ts` (see
 * scripts/build.mjs) and importing says so in one line.
 */
import * as l10n from '@vscode/l10n';
import { ConvertError, OCR_PACKAGES } from './errors';

export { ConvertError, OCR_PACKAGES };

export class OcrCancelled extends Error {}

/** No OCR in the browser (no child processes): never reached, as convertDocument says so first. */
export function missingOcrTools(): Promise<string[]> {
  return Promise.resolve(['tesseract', 'pdftoppm']);
}

export function ocrPages(): Promise<never> {
  return Promise.reject(new ConvertError(l10n.t('OCR needs the desktop VS Code (or the VS Code server): it is not available in the browser')));
}

export function convertDocument(): Promise<never> {
  return Promise.reject(new ConvertError(l10n.t('importing PDF, Word and web pages needs the desktop VS Code (or the VS Code server): it is not available in the browser')));
}

export function renderConverted(): string {
  throw new ConvertError(l10n.t('importing PDF, Word and web pages is not available in the browser'));
}
