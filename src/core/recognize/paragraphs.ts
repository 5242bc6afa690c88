/**
 * The paragraphs of a text, for co-occurrence ("in the same paragraph") and passage search.
 *
 * A paragraph is a run of non-blank lines. A blank line (white space only) ends it, and so does
 * a separator line (`---`, `_____`), and so does a line that opens a title, heading or numbered clause (`parseStructure`): in Thai official
 * documents `1.` `(ก)` `ข้อ ๓` `สาระสำคัญของเรื่อง` often follow the line before without a blank
 * line between them, and each is a passage of its own. Offsets are UTF-16 code units; a
 * paragraph's `end` is the end of its last line's text (trailing white space left out).
 * Linear in the text. Pure: no `vscode`, no Node modules.
 */
import { parseStructure, type StructureNode } from './structure';

export interface ParagraphSpan {
  start: number;
  end: number;
}

/** A separator line (`---` of a front matter, `_____`, `.....`, `***`): it ends a paragraph and belongs to none. */
const SEPARATOR = /^[-_.=*~]+$/;

const isBlankChar = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0c || c === 0x0b || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 0x3000;

/** The paragraphs of `text` in order (see the file comment). */
export function paragraphSpans(text: string): ParagraphSpan[] {
  const opens = new Set<number>();
  const visit = (nodes: readonly StructureNode[]): void => {
    for (const n of nodes) {
      opens.add(n.start);
      visit(n.children);
    }
  };
  visit(parseStructure(text));
  const out: ParagraphSpan[] = [];
  let current: ParagraphSpan | undefined;
  let lineStart = 0;
  const length = text.length;
  while (lineStart <= length) {
    let lineBreak = text.indexOf('\n', lineStart);
    if (lineBreak < 0) lineBreak = length;
    let s = lineStart;
    while (s < lineBreak && isBlankChar(text.charCodeAt(s))) s++;
    let e = lineBreak;
    while (e > s && isBlankChar(text.charCodeAt(e - 1))) e--;
    if (e <= s || (e - s >= 3 && SEPARATOR.test(text.slice(s, e)))) current = undefined;
    else if (!current || opens.has(s)) {
      current = { start: s, end: e };
      out.push(current);
    } else current.end = e;
    if (lineBreak >= length) break;
    lineStart = lineBreak + 1;
  }
  return out;
}
