/**
 * A text document held in memory: what the pure features are tested on (as
 * vscode-markdown-languageservice tests its features on its `InMemoryDocument`). Its edits are
 * reported the way VS Code reports the changes of a `TextDocumentChangeEvent`.
 */

/** One change of a document as VS Code reports it: `text` replaced `rangeLength` characters at `rangeOffset`. */
export interface TextChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

/** What the pure features read of a document; a `vscode.TextDocument` has these members. */
export interface TextDocumentLike {
  readonly uri: { toString(): string };
  readonly version: number;
  getText(): string;
}

export class InMemoryDocument implements TextDocumentLike {
  private _version = 1;

  constructor(
    readonly uri: string,
    private text: string,
  ) {}

  get version(): number {
    return this._version;
  }

  getText(): string {
    return this.text;
  }

  /** Replaces `[start, end)` with `text`; returns the change as VS Code reports it. */
  edit(start: number, end: number, text: string): TextChange {
    if (!(0 <= start && start <= end && end <= this.text.length)) throw new RangeError(`${start}-${end} is not in the document`);
    this.text = this.text.slice(0, start) + text + this.text.slice(end);
    this._version++;
    return { rangeOffset: start, rangeLength: end - start, text };
  }
}
