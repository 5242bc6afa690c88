/**
 * The analysis of each open document, kept current as it is edited.
 *
 * A small edit re-analyses only the lines around it (one line of context on each side) and shifts
 * the annotations after it; a large or multi-part edit, or a glossary change, re-analyses the whole
 * document (src/features/incrementalAnalysis.ts). Work after an edit is debounced briefly so a
 * burst of keystrokes costs one update. Documents over `thaiPolicyLens.maxFileSize` characters are
 * not analysed at all, and neither are documents without Thai script (unless the setting
 * `thaiPolicyLens.onlyThaiDocuments` is off): an English file is never marked, and costs one scan
 * for a Thai character per version looked at.
 *
 * A document over `largeDocumentTuning.chunkedAnalysisChars` characters (src/features/largeDocuments.ts) is analysed
 * whole in chunks of lines, a few milliseconds at a time with the event loop free between them,
 * when the highlights ask for it (`request`); its edits meanwhile are kept and applied
 * incrementally to the finished analysis. Whoever needs the analysis at once (`get`, a hover, the
 * Themes view) finishes the remaining chunks there and then.
 *
 * Relative dates and years not written are resolved against the document's own date (its front
 * matter or dateline, core's `resolveReferenceDate`), else the `thaiPolicyLens.referenceDate`
 * setting, else today; an edit that changes the document's date re-analyses the whole document.
 */
import * as vscode from 'vscode';
import { DOCUMENT_DATE_MAX_LINES, containsThai, resolveReferenceDate } from '../../core';
import type { Annotation, ReferenceDate } from '../../core';
import { Disposable } from '../disposable';
import { analyzeIncrementally, queueEdits, type LinedText, type PendingEdit } from '../../features/incrementalAnalysis';
import { analyzeChunk, chunkOrder, drawnLines, largeDocumentTuning, planChunks, type Chunk } from '../../features/largeDocuments';
import type { GlossaryService } from './glossaryService';
import type { Settings } from './settings';

export { annotationKey } from '../../features/incrementalAnalysis';

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
  /**
   * After an incremental update: the keys (see `annotationKey`) whose annotations changed other
   * than by moving with the edit. Undefined after a full analysis (everything may have changed).
   */
  changedKeys?: Set<string>;
  /** the date relative dates were resolved against, and where it came from */
  reference?: ReferenceDate;
}

const DEBOUNCE_MS = 15;
/** Work this long at most on a chunked analysis before yielding to the event loop. */
const SLICE_MS = 20;

/** A whole-document analysis under way in chunks. */
interface ChunkedJob {
  doc: vscode.TextDocument;
  version: number;
  text: string;
  reference: ReferenceDate | undefined;
  chunks: Chunk[];
  /** the chunks' indices in the order they are analysed (those of the lines on screen first) */
  order: number[];
  /** how many of `order` are the lines on screen (reported by `onDidAnalyzeVisible` once done) */
  first: number;
  next: number;
  /** each chunk's annotations, by chunk index */
  found: Annotation[][];
  started: number;
  /** edits made since `version`, applied incrementally once the job is done */
  edits: PendingEdit[] | 'full';
  timer?: ReturnType<typeof setTimeout>;
}

export class AnalysisService extends Disposable {
  private readonly cache = new Map<string, DocumentAnalysis>();
  private readonly pending = new Map<string, { edits: PendingEdit[] | 'full'; timer: ReturnType<typeof setTimeout> }>();
  private readonly changed = new vscode.EventEmitter<DocumentAnalysis>();
  /** Fires after a document's annotations change. */
  readonly onDidChange = this.changed.event;
  private readonly visibleDone = new vscode.EventEmitter<DocumentAnalysis>();
  /**
   * While a large document is analysed in chunks: fires once the lines on screen (and their
   * margin) are, with the annotations found so far (those lines' annotations, sorted by start;
   * not the document's analysis: `onDidChange` fires when that is done). For drawing only.
   */
  readonly onDidAnalyzeVisible = this.visibleDone.event;
  /** per open document: whether it had Thai script at a version (once it has, it stays analysed) */
  private readonly thai = new Map<string, { version: number; thai: boolean }>();
  private analyses = 0;
  private readonly jobs = new Map<string, ChunkedJob>();
  /** the longest stretch (ms) a chunked analysis ran without yielding, for the measurements */
  longestSliceMs = 0;

  constructor(
    private readonly glossaries: GlossaryService,
    private readonly settings: Settings,
  ) {
    super();
    this.registerAll(
      this.changed,
      this.visibleDone,
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.cache.delete(doc.uri.toString());
        this.thai.delete(doc.uri.toString());
        this.cancelJob(doc.uri.toString());
        const p = this.pending.get(doc.uri.toString());
        if (p) clearTimeout(p.timer);
        this.pending.delete(doc.uri.toString());
      }),
      glossaries.onDidChange(() => this.invalidateAll()),
      settings.onDidChange((e) => {
        if (e.affects('maxFileSize', 'referenceDate', 'languages', 'onlyThaiDocuments')) this.invalidateAll();
      }),
    );
  }

  /**
   * True for documents the extension analyses: by scheme, language id (setting `languages` of the
   * document's folder) and, unless `onlyThaiDocuments` is off, whether the text has Thai script.
   */
  isEnabledFor(doc: vscode.TextDocument): boolean {
    if (doc.uri.scheme === 'output' || doc.uri.scheme === 'vscode-scm' || doc.uri.scheme === 'git') return false;
    const settings = this.settings.for(doc.uri);
    const languages = settings.languages;
    if (!languages.includes(doc.languageId) && !languages.includes('*')) return false;
    return !settings.onlyThaiDocuments || this.hasThai(doc);
  }

  /** How many analyses (whole documents, edited windows, index files) ran since activation. */
  get analysisCount(): number {
    return this.analyses;
  }

  /** Whether an open document has Thai script; once it has, it keeps being analysed while open. */
  private hasThai(doc: vscode.TextDocument): boolean {
    const key = doc.uri.toString();
    const known = this.thai.get(key);
    if (known && (known.thai || known.version === doc.version)) return known.thai;
    const thai = containsThai(doc.getText());
    this.thai.set(key, { version: doc.version, thai });
    return thai;
  }

  /** The analysis of a document, computed now if it is missing or stale. */
  get(doc: vscode.TextDocument): DocumentAnalysis {
    const key = doc.uri.toString();
    const pending = this.pending.get(key);
    if (pending) this.flush(doc);
    const job = this.jobs.get(key);
    if (job) this.runJob(job, Infinity);
    const cached = this.cache.get(key);
    if (cached && cached.version === doc.version) return cached;
    return this.analyzeFully(doc);
  }

  /**
   * The analysis if it is current; else, for a large document, undefined while it is analysed in
   * chunks (`onDidChange` fires when it is done); else the analysis computed now.
   */
  request(doc: vscode.TextDocument): DocumentAnalysis | undefined {
    const key = doc.uri.toString();
    if (this.jobs.has(key)) return undefined;
    if (this.pending.has(key)) {
      this.flush(doc);
      if (this.jobs.has(key)) return undefined;
    }
    const current = this.peek(doc);
    if (current) return current;
    if (lengthOf(doc) > largeDocumentTuning.chunkedAnalysisChars && this.startJob(doc)) return undefined;
    return this.get(doc);
  }

  /** The analysis if it is current, without computing anything. */
  peek(doc: vscode.TextDocument): DocumentAnalysis | undefined {
    const cached = this.cache.get(doc.uri.toString());
    return cached && cached.version === doc.version && !this.pending.has(doc.uri.toString()) ? cached : undefined;
  }

  /** Analyses text that is not open in an editor (for the workspace index and the CLI-like API). */
  analyzeText(text: string): Annotation[] {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // offsets as the CLI reports them
    this.analyses++;
    return this.glossaries.analyzer.analyze(text, { referenceDate: this.referenceFor(text)?.date });
  }

  /** The reference date of a document's text (or of its first DOCUMENT_DATE_MAX_LINES lines, which decide it). */
  private referenceFor(text: string): ReferenceDate | undefined {
    return resolveReferenceDate(text, { fallback: this.settings.referenceDate, today: todayIso() });
  }

  private maxSize(doc: vscode.TextDocument): number {
    return this.settings.for(doc.uri).maxFileSize;
  }

  private analyzeFully(doc: vscode.TextDocument): DocumentAnalysis {
    const started = performance.now();
    const text = doc.getText();
    const limit = this.maxSize(doc);
    let result: DocumentAnalysis;
    if (text.length > limit) {
      result = { uri: doc.uri, version: doc.version, annotations: [], skipped: { reason: 'tooLarge', size: text.length, limit }, millis: 0, incremental: false };
    } else {
      this.analyses++;
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
    const job = this.jobs.get(key);
    if (job) {
      job.edits = queueEdits(job.edits, e.contentChanges);
      return;
    }
    if (!this.cache.has(key) && !this.pending.has(key)) {
      // Never analysed: nothing to keep current, unless Thai was just typed or pasted into it.
      if (e.contentChanges.some((c) => containsThai(c.text)) && this.isEnabledFor(e.document)) {
        this.pending.set(key, { edits: 'full', timer: setTimeout(() => this.flush(e.document), DEBOUNCE_MS) });
      }
      return;
    }
    const existing = this.pending.get(key);
    if (existing) clearTimeout(existing.timer);
    const edits = queueEdits(existing ? existing.edits : [], e.contentChanges);
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
    const length = lengthOf(doc);
    let result: DocumentAnalysis;
    if (pending.edits === 'full' && length > largeDocumentTuning.chunkedAnalysisChars && length <= this.maxSize(doc) && this.startJob(doc)) return;
    if (pending.edits === 'full' || !cached || cached.skipped || length > this.maxSize(doc) || this.referenceChanged(doc, cached, pending.edits)) {
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
    const text = documentLines(doc);
    const started = performance.now();
    const options = { referenceDate: cached.reference?.date };
    this.analyses++;
    const { annotations, changedKeys } = analyzeIncrementally(text, cached.annotations, edits, (window) => this.glossaries.analyzer.analyze(window, options));
    const result: DocumentAnalysis = {
      uri: doc.uri,
      version: doc.version,
      annotations,
      millis: performance.now() - started,
      incremental: true,
      changedKeys,
      reference: cached.reference,
    };
    this.cache.set(doc.uri.toString(), result);
    return result;
  }

  /** Starts a chunked analysis of a large document; false if it is over the size limit (nothing to analyse). */
  private startJob(doc: vscode.TextDocument): boolean {
    const key = doc.uri.toString();
    this.cancelJob(key);
    const text = doc.getText();
    if (text.length > this.maxSize(doc)) return false;
    this.cache.delete(key);
    this.analyses++;
    const chunks = planChunks(text);
    const { order, first } = chunkOrder(chunks, visibleSpan(doc));
    const job: ChunkedJob = {
      doc,
      version: doc.version,
      text,
      reference: this.referenceFor(text),
      chunks,
      order,
      first,
      next: 0,
      found: [],
      started: performance.now(),
      edits: [],
    };
    this.jobs.set(key, job);
    job.timer = setTimeout(() => this.runJob(job, SLICE_MS), 0);
    return true;
  }

  /** Runs chunks of a job for up to `budgetMs`, then yields; finishes it when all are done. */
  private runJob(job: ChunkedJob, budgetMs: number): void {
    const key = job.doc.uri.toString();
    if (this.jobs.get(key) !== job) return;
    if (job.timer) clearTimeout(job.timer);
    job.timer = undefined;
    const sliceStart = performance.now();
    const options = { referenceDate: job.reference?.date };
    while (job.next < job.order.length) {
      const i = job.order[job.next++];
      job.found[i] = analyzeChunk(job.text, job.chunks[i], (window) => this.glossaries.analyzer.analyze(window, options));
      if (job.next === job.first && budgetMs !== Infinity) {
        // the lines on screen are done: drawn now, before the rest (their chunks are consecutive)
        const annotations = job.order.slice(0, job.first).sort((a, b) => a - b).flatMap((c) => job.found[c]);
        this.visibleDone.fire({ uri: job.doc.uri, version: job.version, annotations, millis: performance.now() - job.started, incremental: false, reference: job.reference });
        break;
      }
      if (performance.now() - sliceStart >= budgetMs) break;
    }
    if (budgetMs !== Infinity) this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - sliceStart);
    if (job.next < job.order.length) {
      job.timer = setTimeout(() => this.runJob(job, SLICE_MS), 0);
      return;
    }
    this.jobs.delete(key);
    const annotations: Annotation[] = [];
    for (const found of job.found) for (const a of found) annotations.push(a);
    const result: DocumentAnalysis = {
      uri: job.doc.uri,
      version: job.version,
      annotations,
      millis: performance.now() - job.started,
      incremental: false,
      reference: job.reference,
    };
    this.cache.set(key, result);
    if (job.edits === 'full' || job.edits.length > 0) {
      // edited meanwhile: the edits are applied to this analysis (or the whole is analysed again)
      this.pending.set(key, { edits: job.edits, timer: setTimeout(() => this.flush(job.doc), 0) });
      if (budgetMs === Infinity) this.flush(job.doc);
    } else if (budgetMs !== Infinity) this.changed.fire(result);
    else setTimeout(() => this.cache.get(key) === result && this.changed.fire(result), 0); // finished for a caller of `get`: draw it too
  }

  private cancelJob(key: string): void {
    const job = this.jobs.get(key);
    if (job?.timer) clearTimeout(job.timer);
    this.jobs.delete(key);
  }

  private invalidateAll(): void {
    for (const key of [...this.jobs.keys()]) this.cancelJob(key);
    this.cache.clear();
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    for (const editor of vscode.window.visibleTextEditors) {
      if (!this.isEnabledFor(editor.document)) continue;
      const result = this.request(editor.document);
      if (result) this.changed.fire(result);
    }
  }

  override dispose(): void {
    for (const key of [...this.jobs.keys()]) this.cancelJob(key);
    for (const p of this.pending.values()) clearTimeout(p.timer);
    super.dispose();
  }
}

/** A document as the incremental analysis reads it: by lines, never copying all of its text. */
function documentLines(doc: vscode.TextDocument): LinedText {
  const length = lengthOf(doc);
  return {
    length,
    lineStart: (offset, back) => doc.offsetAt(new vscode.Position(Math.max(0, doc.positionAt(offset).line - back), 0)),
    lineEnd(offset, ahead) {
      if (offset >= length) return length;
      const line = doc.positionAt(offset).line + 1 + ahead;
      return line >= doc.lineCount ? length : doc.offsetAt(new vscode.Position(line, 0));
    },
    slice: (start, end) => doc.getText(new vscode.Range(doc.positionAt(start), doc.positionAt(end))),
  };
}

/** The offsets of the lines drawn in the first visible editor of `doc` (those on screen and a margin), if any. */
function visibleSpan(doc: vscode.TextDocument): [number, number] | undefined {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  if (!editor || editor.visibleRanges.length === 0) return undefined;
  const { start, end } = drawnSpan(editor);
  return [start, end];
}

/** The lines of a large document's editor that are drawn (those on screen and a margin: `drawnLines`), and their offsets. */
export function drawnSpan(editor: vscode.TextEditor): { lines: [number, number]; start: number; end: number } {
  const lines = drawnLines(
    editor.visibleRanges.map((r) => [r.start.line, r.end.line]),
    editor.document.lineCount,
  );
  return { lines, ...lineSpan(editor.document, lines) };
}

/** The offsets of lines `from` to `to` of `doc`: from the start of the first to after the last one's line break. */
export function lineSpan(doc: vscode.TextDocument, [from, to]: readonly [number, number]): { start: number; end: number } {
  return { start: doc.offsetAt(new vscode.Position(from, 0)), end: doc.offsetAt(doc.lineAt(to).rangeIncludingLineBreak.end) };
}

/** The number of characters of a document, without copying its text. */
export function lengthOf(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
