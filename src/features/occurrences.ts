/**
 * Finding annotations in a document's analysis: the one under the cursor, the occurrences of
 * a theme (its sub-themes included) or of one term, and the next or previous one from a
 * position, wrapping around. Pure: no `vscode` import.
 */
import type { Annotation, TermAnnotation } from '../core';
import type { GlossarySet } from '../core';

/**
 * The annotation that covers `offset` (start <= offset < end), by binary search over
 * annotations sorted by start and not overlapping. With `includeEnd`, an offset just after an
 * annotation counts too (a cursor placed at the end of a word), when nothing starts there.
 */
export function annotationAt(annotations: readonly Annotation[], offset: number, includeEnd = false): Annotation | undefined {
  let lo = 0;
  let hi = annotations.length - 1;
  let last = -1; // the last annotation starting at or before offset
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (annotations[mid].start <= offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (last < 0) return undefined;
  const a = annotations[last];
  if (offset < a.end || (includeEnd && offset === a.end)) return a;
  return undefined;
}

/** The id of a theme and of every theme nested in it, at any depth. */
export function themeFamily(set: Pick<GlossarySet, 'flatThemes'>, themeId: string): Set<string> {
  const ids = new Set<string>([themeId]);
  for (const { theme, ancestors } of set.flatThemes) {
    if (ancestors.some((a) => a.id === themeId)) ids.add(theme.id);
  }
  return ids;
}

/** The term annotations of the given themes (and of one canonical term, if given), in order. */
export function occurrencesOf(annotations: readonly Annotation[], themeIds: ReadonlySet<string>, term?: string): TermAnnotation[] {
  const out: TermAnnotation[] = [];
  for (const a of annotations) {
    if (a.kind === 'term' && themeIds.has(a.theme) && (term === undefined || a.term === term)) out.push(a);
  }
  return out;
}

export type Direction = 'next' | 'previous';

export interface Step {
  /** index into the occurrences */
  index: number;
  /** true when the step went past the end (or the start) and came round */
  wrapped: boolean;
}

/**
 * From `offset` (the start of the selection), the next occurrence starting after it, or the
 * previous one: the last starting before it, not counting one the offset is inside of. Past
 * either end, round to the other end. Undefined when there are none.
 */
export function step(occurrences: readonly { start: number; end: number }[], offset: number, direction: Direction): Step | undefined {
  const n = occurrences.length;
  if (n === 0) return undefined;
  if (direction === 'next') {
    // first whose start > offset
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (occurrences[mid].start > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo < n ? { index: lo, wrapped: false } : { index: 0, wrapped: true };
  }
  // last whose start < offset
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (occurrences[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  let index = lo - 1;
  if (index >= 0 && occurrences[index].end > offset) index--; // the cursor is inside it
  return index >= 0 ? { index, wrapped: false } : { index: n - 1, wrapped: true };
}

/** What the last Next / Previous Occurrence selected, and the theme it walked. */
export interface LastJump {
  /** the document's URI, as a string */
  uri: string;
  themeId: string;
  start: number;
  end: number;
}

/**
 * The theme the next jump walks when none is given: the last jump's while the selection is still
 * what that jump selected (or an empty cursor inside it), else undefined (then the term at the
 * cursor decides). In unspaced Thai one term often ends where the next begins, so after a jump
 * the cursor sits at the start of another theme's term too: the theme must not change there.
 */
export function themeOfLastJump(last: LastJump | undefined, selection: { uri: string; start: number; end: number }): string | undefined {
  if (!last || last.uri !== selection.uri) return undefined;
  const same = selection.start === last.start && selection.end === last.end;
  const inside = selection.start === selection.end && last.start <= selection.start && selection.start <= last.end;
  return same || inside ? last.themeId : undefined;
}

/**
 * The theme Next / Previous Occurrence walks: the one given, else the last jump's while the
 * selection has not moved away from it, else the theme of the term at the cursor (one ending at
 * the cursor counts).
 */
export function themeToWalk(
  given: string | undefined,
  last: LastJump | undefined,
  selection: { uri: string; start: number; end: number; active: number },
  annotations: readonly Annotation[],
): string | undefined {
  if (given) return given;
  const kept = themeOfLastJump(last, selection);
  if (kept) return kept;
  const a = annotationAt(annotations, selection.active, true);
  return a?.kind === 'term' ? a.theme : undefined;
}
