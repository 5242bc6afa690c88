/**
 * Analysing a document again after an edit without analysing all of it: the annotations an edit
 * touches are dropped, those after it shift, and only a window of whole lines around the edits
 * (one line of context on each side, widened over any annotation that crosses its edge) is
 * analysed again. A change of several parts, a large edit, or many edits pending at once are
 * analysed whole instead (`queueEdits` says `'full'`).
 *
 * Line breaks are `\n` (a `\r` before it belongs to it), as in VS Code's documents, whose line
 * endings are normalised.
 *
 * Pure: no `vscode`, so the unit tests check it on in-memory documents against a full analysis.
 */
import { firstStartingAt, type Annotation } from '../core';
import type { TextChange } from './inMemoryDocument';

/** An edit since the last analysis: the old text `[start, oldEnd)` replaced by `newLength` characters. */
export interface PendingEdit {
  start: number;
  oldEnd: number;
  newLength: number;
}

/** Edits larger than this (in characters) re-analyse the whole document. */
export const INCREMENTAL_LIMIT = 20_000;
/** More pending edits than this re-analyse the whole document. */
export const MAX_PENDING_EDITS = 16;

/** Groups annotations the way they are drawn: `theme:<id>`, `country`, `date`. */
export function annotationKey(a: Annotation): string {
  return a.kind === 'term' ? `theme:${a.theme}` : a.kind;
}

/**
 * The edits pending after one more change: the change's edit added, or `'full'` when the change
 * has several parts (multiple cursors, a replace-all), is large, or too many edits are pending.
 */
export function queueEdits(pending: readonly PendingEdit[] | 'full', changes: readonly TextChange[]): PendingEdit[] | 'full' {
  if (pending === 'full') return 'full';
  if (changes.length > 1 || changes.some((c) => c.text.length > INCREMENTAL_LIMIT || c.rangeLength > INCREMENTAL_LIMIT)) return 'full';
  if (changes.length === 0) return [...pending];
  const c = changes[0];
  const edits = [...pending, { start: c.rangeOffset, oldEnd: c.rangeOffset + c.rangeLength, newLength: c.text.length }];
  return edits.length > MAX_PENDING_EDITS ? 'full' : edits;
}

/**
 * A text as the incremental analysis reads it: its length, its lines, and slices. A string is one
 * (`linedText`); the editor gives its document's lines instead, so an edit of a large document
 * never copies all of its text.
 */
export interface LinedText {
  readonly length: number;
  /** the start of the line `back` lines before the one holding `offset` */
  lineStart(offset: number, back: number): number;
  /** the end, line break included, of the line `ahead` lines after the one holding `offset` */
  lineEnd(offset: number, ahead: number): number;
  slice(start: number, end: number): string;
}

/** A string as a `LinedText`. */
export function linedText(text: string): LinedText {
  return {
    length: text.length,
    lineStart: (offset, back) => lineStart(text, offset, back),
    lineEnd: (offset, ahead) => lineEnd(text, offset, ahead),
    slice: (start, end) => text.slice(start, end),
  };
}

export interface IncrementalAnalysis {
  /** the annotations of the whole text, sorted by start */
  annotations: Annotation[];
  /** the keys (`annotationKey`) whose annotations changed other than by moving with the edits */
  changedKeys: Set<string>;
  /** the window analysed again: `[start, end)` of `text` */
  window: [number, number];
}

/**
 * The annotations of `text` after `edits` (each in the coordinates left by the ones before it),
 * from `previous`, the annotations of the text before them (sorted by start; changed in place:
 * the caller gives up the list), analysing only a window around the edits with `analyze`.
 */
export function analyzeIncrementally(source: string | LinedText, previous: Annotation[], edits: readonly PendingEdit[], analyze: (text: string) => Annotation[]): IncrementalAnalysis {
  const text = typeof source === 'string' ? linedText(source) : source;
  const annotations = previous;
  const changedKeys = new Set<string>();
  // Apply the edits in order: drop the annotations an edit touches, shift those after it, and
  // grow the span to analyse again.
  let dirtyStart = Infinity;
  let dirtyEnd = -Infinity;
  for (const edit of edits) {
    const delta = edit.newLength - (edit.oldEnd - edit.start);
    const map = (p: number, side: 'start' | 'end') => (p <= edit.start ? p : p >= edit.oldEnd ? p + delta : side === 'start' ? edit.start : edit.start + edit.newLength);
    if (dirtyStart !== Infinity) {
      dirtyStart = map(dirtyStart, 'start');
      dirtyEnd = map(dirtyEnd, 'end');
    }
    dirtyStart = Math.min(dirtyStart, edit.start);
    dirtyEnd = Math.max(dirtyEnd, edit.start + edit.newLength);
    // In place (a large document has a hundred thousand annotations; copying them on every
    // keystroke costs more than the analysis): those ending before the edit stay, those starting
    // after it shift, those it touches go.
    const first = firstReaching(annotations, edit.start);
    const kept: Annotation[] = [];
    let i = first;
    for (; i < annotations.length && annotations[i].start <= edit.oldEnd; i++) {
      const a = annotations[i];
      if (a.end < edit.start) kept.push(a);
      else {
        changedKeys.add(annotationKey(a));
        dirtyStart = Math.min(dirtyStart, map(a.start, 'start'));
        dirtyEnd = Math.max(dirtyEnd, map(a.end, 'end'));
      }
    }
    if (delta !== 0) {
      for (let j = i; j < annotations.length; j++) {
        annotations[j].start += delta;
        annotations[j].end += delta;
      }
    }
    if (i > first || kept.length) replaceRange(annotations, first, i, kept);
  }
  const [winStart, winEnd] = analysisWindow(text, annotations, dirtyStart, dirtyEnd);
  const fresh = analyze(text.slice(winStart, winEnd));
  for (const a of fresh) {
    a.start += winStart;
    a.end += winStart;
  }
  // Annotations of the window before and after: the same ones again leave their key unchanged.
  const lo = firstEndingAfter(annotations, winStart);
  let hi = lo;
  while (hi < annotations.length && annotations[hi].start < winEnd) hi++;
  const before = spansByKey(annotations.slice(lo, hi));
  const after = spansByKey(fresh);
  for (const [k, v] of before) if (after.get(k) !== v) changedKeys.add(k);
  for (const [k, v] of after) if (before.get(k) !== v) changedKeys.add(k);
  replaceRange(annotations, lo, hi, fresh);
  return { annotations, changedKeys, window: [winStart, winEnd] };
}

/** Replaces `list[from, to)` with `items`, in place. */
function replaceRange<T>(list: T[], from: number, to: number, items: readonly T[]): void {
  if (items.length <= 10_000) list.splice(from, to - from, ...items);
  else {
    const tail = list.splice(to);
    list.length = from;
    for (const x of items) list.push(x);
    for (const x of tail) list.push(x);
  }
}

/**
 * The window to analyse again for the changed span `[dirtyStart, dirtyEnd)`: whole lines with one
 * line of context on each side, widened over any of `annotations` (sorted by start) that crosses
 * its edge, so nothing is cut in two.
 */
export function analysisWindow(source: string | LinedText, annotations: readonly Annotation[], dirtyStart: number, dirtyEnd: number): [number, number] {
  const text = typeof source === 'string' ? linedText(source) : source;
  let winStart = text.lineStart(Math.max(0, dirtyStart), 1);
  let winEnd = text.lineEnd(Math.min(text.length, dirtyEnd), 1);
  const first = firstEndingAfter(annotations, winStart);
  for (let i = first; i < annotations.length && annotations[i].start < winEnd; i++) {
    const a = annotations[i];
    if (a.start < winStart) winStart = text.lineStart(a.start, 0);
    if (a.end > winEnd) winEnd = text.lineEnd(a.end, 0);
  }
  return [winStart, winEnd];
}

/** The start of the line `back` lines before the one holding `offset`. */
export function lineStart(text: string, offset: number, back: number): number {
  let start = offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  for (let i = 0; i < back && start > 0; i++) start = start - 1 <= 0 ? 0 : text.lastIndexOf('\n', start - 2) + 1;
  return start;
}

/** The end, line break included, of the line `ahead` lines after the one holding `offset`. */
export function lineEnd(text: string, offset: number, ahead: number): number {
  let end = offset;
  for (let i = 0; i <= ahead && end < text.length; i++) {
    const lineBreak = text.indexOf('\n', i === 0 ? offset : end);
    end = lineBreak < 0 ? text.length : lineBreak + 1;
  }
  return end;
}

/** Spans by key, as one string per key, to compare two lists. */
function spansByKey(list: readonly Annotation[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const a of list) {
    const k = annotationKey(a);
    byKey.set(k, (byKey.get(k) ?? '') + `${a.start}-${a.end},`);
  }
  return byKey;
}

/** Annotations are shorter than this (characters): a search back for one reaching an offset stops here. */
const LONGEST_ANNOTATION = 10_000;

/**
 * An index at or before that of the first annotation (sorted by start) that ends at or after
 * `offset`: the annotations before it all end before `offset`. (Some between may too: a date may
 * hold terms and countries, which never overlap one another.)
 */
function firstReaching(list: readonly Annotation[], offset: number): number {
  let first = firstStartingAt(list, offset);
  for (let k = first - 1; k >= 0 && list[k].start >= offset - LONGEST_ANNOTATION; k--) if (list[k].end >= offset) first = k;
  return first;
}

/** Index of the first annotation (sorted by start) whose end is after `offset`. */
function firstEndingAfter(list: readonly Annotation[], offset: number): number {
  // Annotations do not nest much (terms and countries never overlap; a date may overlap one),
  // so a binary search on start, then a short walk back, finds it.
  let lo = firstStartingAt(list, offset);
  while (lo > 0 && list[lo - 1].end > offset) lo--;
  return lo;
}
