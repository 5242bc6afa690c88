/**
 * Lines of a text, as the editor counts them: `\n`, `\r\n` and a lone `\r` each end a line.
 * The one home for line numbers: build a `LineIndex` once per text and ask it for any number of
 * offsets (binary search), instead of counting from the start for each.
 */
export class LineIndex {
  /** offsets where lines start; the first is 0 */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** how many lines the text has (an empty text, or one ending in a line break, counts its last empty line) */
  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line of `offset` (clamped to the text) */
  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 1-based line number of `offset`, as editors and messages show it */
  lineNumber(offset: number): number {
    return this.lineOf(offset) + 1;
  }

  /** offset where 0-based `line` starts */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** offset where 0-based `line` ends, before its line break */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** 1-based line and column (UTF-16 code units) of `offset`, as messages and editors show them */
  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line: line + 1, column: clamped - this.starts[line] + 1 };
  }
}

/** 1-based line and column of one offset (for a single message; use a `LineIndex` for many). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  return new LineIndex(text).position(offset);
}
