/**
 * A Word document (.docx) to text with `mammoth`: mammoth gives HTML (headings, paragraphs,
 * lists, tables), which the web page converter reads. Before mammoth unzips anything, the zip's
 * central directory is checked against the bounds (`CONVERT_LIMITS`): a zip bomb is refused.
 */
import * as l10n from '@vscode/l10n';
import { formatNumber } from '../core';
import { CONVERT_LIMITS, ConvertError } from './errors';
import { htmlToText, type TextFormat } from './html';

/** The sizes a zip's central directory declares for its entries. */
export function zipEntrySizes(bytes: Uint8Array): Array<{ name: string; compressed: number; uncompressed: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ConvertError(l10n.t('not a Word document (.docx): not a zip file, or a truncated one'));
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ConvertError(l10n.t('a corrupt or truncated Word document (.docx): its zip directory is damaged'));
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressed, uncompressed });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Refuses a .docx that would unzip past the bounds. */
export function checkDocxBounds(bytes: Uint8Array): void {
  const entries = zipEntrySizes(bytes);
  if (!entries.some((e) => e.name === 'word/document.xml')) throw new ConvertError(l10n.t('not a Word document (.docx): it has no word/document.xml'));
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff) throw new ConvertError(l10n.t('the .docx uses ZIP64 sizes: refused as a possible zip bomb'));
    if (e.uncompressed > 1_000_000 && e.uncompressed > CONVERT_LIMITS.docxRatio * Math.max(e.compressed, 1)) {
      throw new ConvertError(l10n.t('the .docx part {0} would unzip to {1} bytes, more than {2} times its size: refused as a zip bomb', e.name, formatNumber(e.uncompressed), CONVERT_LIMITS.docxRatio));
    }
  }
  if (total > CONVERT_LIMITS.docxUnzippedBytes) throw new ConvertError(l10n.t('the .docx would unzip to {0} bytes, more than the {1} MB a conversion takes', formatNumber(total), CONVERT_LIMITS.docxUnzippedBytes / 1_000_000));
}

/** The text of a .docx (see the top of this file). */
export async function readDocx(bytes: Uint8Array, format: TextFormat = 'txt'): Promise<string> {
  checkDocxBounds(bytes);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mammoth = require('mammoth') as { convertToHtml(input: { buffer: Buffer }): Promise<{ value: string }> };
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (e) {
    throw new ConvertError(l10n.t('cannot read the Word document: {0}', (e as Error).message.split('\n')[0]));
  }
  return htmlToText(html, format);
}
