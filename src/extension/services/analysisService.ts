/**
 * The analysis of each open document, kept current as it is edited.
 *
 * A small edit re-analyses only the lines around it (one line of context on each side) and shifts
 * the annotations after it; a large or multi-part edit, or a glossary change, re-analyses the whole
 * document. Work after an edit is debounced briefly so a burst of keystrokes costs one update.
 * Documents over `thaiPolicyLens.maxFileSize` characters are not analysed at all.
 *
 * Relative dates and years not written are resolved against the document's own date (its front
 * matter or dateline, core's `resolveReferenceDate`), else the `thaiPolicyLens.referenceDate`
 * setting, else today; an edit that changes the document's date re-analyses the whole document.
 */
import * as vscode from 'vscode';
import { DOCUMENT_DATE_MAX_LINES, resolveReferenceDate } from '../../core';
import type { Annotation, ReferenceDate } from '../../core';
import type { GlossaryService } from './glossaryService';

export interface DocumentAnalysis {
  uri: vscode.Uri;
  version: number;
  annotations: Annotation[];
  /** set when the document was not analysed because it is too large */
  skipped?: { reason: 'tooLarge'; size: number; limit: number };
  /** milliseconds the last (re-)analysis took */
  millis: number;
  /** whether the last update was incremental */
  incremental: boolean;
  /** the date relative words and unwritten years were resolved against, and where it comes from */
  reference?: ReferenceDate;
  /**
   * After an incremental update: the keys (see `annotationKey`) whose annotations changed other
   * than by moving with the edit. Undefined after a full analysis (everything may have changed).
   */
  changedKeys?: Set<string>;
}

/** Groups annotations the way they are drawn: `theme:<id>`, `country`, `date`. */
export function annotationKey(a: Annotation): string {
  return a.kind === 'term' ? `theme:${a.theme}` : a.kind;
}

/** Edits larger than this (in characters) re-analyse the whole document. */
const INCREMENTAL_LIMIT = 20_000;
const DEBOUNCE_MS = 15;

interface PendingEdit {
  /** old-text span replaced, and the length of its replacement */
  start: number;
  oldEnd: number;
  newLength: number;
}

export class AnalysisService implements vscode.Disposable {
  private readonly cache = new Map<string, DocumentAnalysis>();
  private readonly pending = new Map<string, { edits: PendingEdit[] | 'full'; timer: ReturnType<typeof setTimeout> }>();
  private readonly changed = new vscode.EventEmitter<DocumentAnalysis>();
  /** Fires after a document's annotations change. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly glossaries: GlossaryService) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.cache.delete(doc.uri.toString());
        const p = this.pending.get(doc.uri.toString());
        if (p) clearTimeout(p.timer);
        this.pending.delete(doc.uri.toString());
      }),
      glossaries.onDidChange(() => this.invalidateAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('thaiPolicyLens.maxFileSize') || e.affectsConfiguration('thaiPolicyLens.referenceDate') || e.affectsConfiguration('thaiPolicyLens.languages')) {
          this.invalidateAll();
        }
      }),
    );
  }

  /** True for documents the extension analyses (by language id and scheme). */
  isEnabledFor(doc: vscode.TextDocument): boolean {
    if (doc.uri.scheme === 'output' || doc.uri.scheme === 'vscode-scm' || doc.uri.scheme === 'git') return false;
    const languages = vscode.workspace.getConfiguration('thaiPolicyLens').get<string[]>('languages', ['plaintext', 'markdown', 'thai-policy']);
    return languages.includes(doc.languageId) || languages.includes('*');
  }

  /** The analysis of a document, computed now if it is missing or stale. */
  get(doc: vscode.TextDocument): DocumentAnalysis {
    const key = doc.uri.toString();
    const pending = this.pending.get(key);
    if (pending) this.flush(doc);
    const cached = this.cache.get(key);
    if (cached && cached.version === doc.version) return cached;
    return this.analyzeFully(doc);
  }

  /** The analysis if it is current, without computing anything. */
  peek(doc: vscode.TextDocument): DocumentAnalysis | undefined {
    const cached = this.cache.get(doc.uri.toString());
    return cached && cached.version === doc.version && !this.pending.has(doc.uri.toString()) ? cached : undefined;
  }

  /** Analyses text that is not open in an editor (for the workspace index and the CLI-like API). */
  analyzeText(text: string): Annotation[] {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // offsets as the CLI reports them
    return this.glossaries.analyzer.analyze(text, { referenceDate: this.referenceFor(text)?.date });
  }

  /** The reference date of a document's text (or of its first DOCUMENT_DATE_MAX_LINES lines, which decide it). */
  private referenceFor(text: string): ReferenceDate | undefined {
    const setting = vscode.workspace.getConfiguration('thaiPolicyLens').get<string>('referenceDate', '');
    return resolveReferenceDate(text, { fallback: setting || undefined, today: todayIso() });
  }

  private maxSize(): number {
    return vscode.workspace.getConfiguration('thaiPolicyLens').get<number>('maxFileSize', 5_000_000);
  }

  private analyzeFully(doc: vscode.TextDocument): DocumentAnalysis {
    const started = performance.now();
    const text = doc.getText();
    const limit = this.maxSize();
    let result: DocumentAnalysis;
    if (text.length > limit) {
      result = { uri: doc.uri, version: doc.version, annotations: [], skipped: { reason: 'tooLarge', size: text.length, limit }, millis: 0, incremental: false };
    } else {
      const reference = this.referenceFor(text);
      const annotations = this.glossaries.analyzer.analyze(text, { referenceDate: reference?.date });
      result = { uri: doc.uri, version: doc.version, annotations, millis: performance.now() - started, incremental: false, reference };
    }
    this.cache.set(doc.uri.toString(), result);
    return result;
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const key = e.document.uri.toString();
    if (!this.cache.has(key) && !this.pending.has(key)) return; // never analysed: nothing to keep current
    const existing = this.pending.get(key);
    if (existing) clearTimeout(existing.timer);
    let edits: PendingEdit[] | 'full' = existing ? existing.edits : [];
    if (edits !== 'full') {
      if (e.contentChanges.length > 1 || e.contentChanges.some((c) => c.text.length > INCREMENTAL_LIMIT || c.rangeLength > INCREMENTAL_LIMIT)) edits = 'full';
      else {
        const c = e.contentChanges[0];
        edits = [...edits, { start: c.rangeOffset, oldEnd: c.rangeOffset + c.rangeLength, newLength: c.text.length }];
        if (edits.length > 16) edits = 'full';
      }
    }
    const timer = setTimeout(() => this.flush(e.document), DEBOUNCE_MS);
    this.pending.set(key, { edits, timer });
  }

  /** Applies the pending edits of a document now. */
  flush(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const pending = this.pending.get(key);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending.delete(key);
    if (doc.isClosed) return;
    const cached = this.cache.get(key);
    let result: DocumentAnalysis;
    if (pending.edits === 'full' || !cached || cached.skipped || doc.getText().length > this.maxSize() || this.referenceChanged(doc, cached, pending.edits)) {
      result = this.analyzeFully(doc);
    } else {
      result = this.analyzeIncrementally(doc, cached, pending.edits);
    }
    this.changed.fire(result);
  }

  /** Did the edits change the document's date (its front matter or dateline)? Then every relative date changes. */
  private referenceChanged(doc: vscode.TextDocument, cached: DocumentAnalysis, edits: PendingEdit[]): boolean {
    const headerLines = Math.min(doc.lineCount, DOCUMENT_DATE_MAX_LINES);
    const headerEnd = headerLines < doc.lineCount ? doc.offsetAt(new vscode.Position(headerLines, 0)) : Infinity;
    if (!edits.some((e) => e.start < headerEnd)) return false;
    const reference = this.referenceFor(doc.getText(new vscode.Range(0, 0, headerLines, 0)));
    return reference?.date !== cached.reference?.date || reference?.source !== cached.reference?.source || reference?.line !== cached.reference?.line;
  }

  private analyzeIncrementally(doc: vscode.TextDocument, cached: DocumentAnalysis, edits: PendingEdit[]): DocumentAnalysis {
    const started = performance.now();
    let annotations = cached.annotations;
    const changedKeys = new Set<string>();
    // Apply the edits in order, each in the coordinates left by the ones before it: drop the
    // annotations an edit touches, shift those after it (in place: the list is ours), and grow
    // the span to re-analyse.
    let dirtyStart = Infinity;
    let dirtyEnd = -Infinity;
    for (const edit of edits) {
      const delta = edit.newLength - (edit.oldEnd - edit.start);
      const map = (p: number, side: 'start' | 'end') =>
        p <= edit.start ? p : p >= edit.oldEnd ? p + delta : side === 'start' ? edit.start : edit.start + edit.newLength;
      if (dirtyStart !== Infinity) {
        dirtyStart = map(dirtyStart, 'start');
        dirtyEnd = map(dirtyEnd, 'end');
      }
      dirtyStart = Math.min(dirtyStart, edit.start);
      dirtyEnd = Math.max(dirtyEnd, edit.start + edit.newLength);
      const next: Annotation[] = [];
      for (const a of annotations) {
        if (a.end < edit.start) next.push(a);
        else if (a.start > edit.oldEnd) {
          a.start += delta;
          a.end += delta;
          next.push(a);
        } else {
          changedKeys.add(annotationKey(a));
          dirtyStart = Math.min(dirtyStart, map(a.start, 'start'));
          dirtyEnd = Math.max(dirtyEnd, map(a.end, 'end'));
        }
      }
      annotations = next;
    }
    const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
    // Widen to whole lines with one line of context on each side, and over any annotation that
    // crosses the window's edge, so nothing is cut in two.
    const lineStart = (offset: number, back: number) => doc.offsetAt(new vscode.Position(Math.max(0, doc.positionAt(offset).line - back), 0));
    const lineEnd = (offset: number, ahead: number) => doc.offsetAt(doc.lineAt(Math.min(doc.lineCount - 1, doc.positionAt(offset).line + ahead)).rangeIncludingLineBreak.end);
    let winStart = lineStart(Math.max(0, dirtyStart), 1);
    let winEnd = lineEnd(Math.min(length, dirtyEnd), 1);
    const first = firstEndingAfter(annotations, winStart);
    for (let i = first; i < annotations.length && annotations[i].start < winEnd; i++) {
      const a = annotations[i];
      if (a.start < winStart) winStart = lineStart(a.start, 0);
      if (a.end > winEnd) winEnd = lineEnd(a.end, 0);
    }
    const windowText = doc.getText(new vscode.Range(doc.positionAt(winStart), doc.positionAt(winEnd)));
    const fresh = this.glossaries.analyzer.analyze(windowText, { referenceDate: cached.reference?.date });
    for (const a of fresh) {
      a.start += winStart;
      a.end += winStart;
    }
    // Annotations of the window before and after: the same ones again leave their key unchanged.
    const lo = firstEndingAfter(annotations, winStart);
    let hi = lo;
    while (hi < annotations.length && annotations[hi].start < winEnd) hi++;
    const old = annotations.slice(lo, hi);
    const spans = (list: Annotation[]) => {
      const byKey = new Map<string, string>();
      for (const a of list) {
        const k = annotationKey(a);
        byKey.set(k, (byKey.get(k) ?? '') + `${a.start}-${a.end},`);
      }
      return byKey;
    };
    const before = spans(old);
    const after = spans(fresh);
    for (const [k, v] of before) if (after.get(k) !== v) changedKeys.add(k);
    for (const [k, v] of after) if (before.get(k) !== v) changedKeys.add(k);
    const merged = annotations.slice(0, lo).concat(fresh, annotations.slice(hi));
    const result: DocumentAnalysis = {
      uri: doc.uri,
      version: doc.version,
      annotations: merged,
      millis: performance.now() - started,
      incremental: true,
      changedKeys,
      reference: cached.reference,
    };
    this.cache.set(doc.uri.toString(), result);
    return result;
  }

  private invalidateAll(): void {
    this.cache.clear();
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    for (const editor of vscode.window.visibleTextEditors) {
      if (this.isEnabledFor(editor.document)) this.changed.fire(this.get(editor.document));
    }
  }

  dispose(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Index of the first annotation (sorted by start) whose end is after `offset`. */
function firstEndingAfter(list: Annotation[], offset: number): number {
  // Annotations do not nest much (terms and countries never overlap; a date may overlap one),
  // so a binary search on start, then a short walk back, finds it.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  while (lo > 0 && list[lo - 1].end > offset) lo--;
  return lo;
}

function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
