/**
 * Following hand-made tags through the edits of a document, as functions over its text and the
 * edits (the editor adapts its documents and change events to them; the command line and the
 * exports use `anchorStoredTags` alone):
 *
 * - `anchorStoredTags` finds stored tags again in a text, in order of their stored position, each
 *   search starting where the last tag's move suggests;
 * - `anchorLiveTags` / `reconcileLiveTags` turn them into live ranges (when a document is opened,
 *   and when the annotations file changed on disk);
 * - `applyEdits` moves live ranges through the edits of one change, finds a passage again when an
 *   edit removed it or most of it, and brings back an orphan whose text was inserted again;
 * - `reviveOrphans` looks for orphans again (when the document is saved);
 * - `storedTargets` gives the stored form (quote and position selectors) of the ranges that moved.
 *
 * A live tag keeps the key of the stored target it came from or was last saved as (`storedKey`),
 * so that a change of the file by someone else can be told from our own.
 *
 * Pure: no `vscode`, no Node modules.
 */
import { anchor, describeRange, farSearchBudget, mapRange, needsReanchor, type Anchor, type TextEdit, type TrackedRange } from './anchoring';
import type { StoredTag } from './annotationsFile';

/** A tag of an open document, followed through edits. */
export interface LiveTag extends TrackedRange {
  orphaned: boolean;
  /** length of the passage when last anchored or stored (for `needsReanchor`) */
  anchoredLength: number;
  /** `targetKey` of the stored target this range was derived from or last saved as */
  storedKey: string;
}

/** The live tags of one document, by tag id. */
export type LiveTags = Map<string, LiveTag>;

/** The text of a document, or a function that gives it (read only when needed). */
export type LazyText = string | (() => string);

/** The stored tag of an id (the annotations store's). */
export type StoredTagOf = (id: string) => StoredTag | undefined;

/** A key of a stored tag's target: its selectors and whether it is orphaned. */
export function targetKey(tag: StoredTag): string {
  return JSON.stringify([tag.quote, tag.position, !!tag.orphaned]);
}

/** A stored tag and where it was found (undefined: not found, orphaned). */
export interface AnchoredTag {
  tag: StoredTag;
  found: Anchor | undefined;
}

/**
 * Stored tags found again in `text`, in order of their stored position, each search starting
 * where the last tag's move suggests. A tag not found, or every tag when `text` is undefined (the
 * document cannot be read), has no `found`.
 */
export function anchorStoredTags(tags: readonly StoredTag[], text: string | undefined): AnchoredTag[] {
  const out: AnchoredTag[] = [];
  let shift = 0; // the last tag's move: a good guess for the next one
  const budget = farSearchBudget(); // searches of the whole text, shared by the document's tags
  for (const tag of [...tags].sort((a, b) => a.position.start - b.position.start)) {
    const found = text === undefined ? undefined : anchor(text, [tag.quote, tag.position], { hint: tag.position.start + shift, budget });
    if (found) shift = found.start - tag.position.start;
    out.push({ tag, found });
  }
  return out;
}

/** The live range of a stored tag found at `found`, or orphaned at its stored place. */
export function liveTagOf(tag: StoredTag, found: Pick<Anchor, 'start' | 'end'> | undefined): LiveTag {
  return found
    ? { start: found.start, end: found.end, removed: 0, orphaned: false, anchoredLength: found.end - found.start, storedKey: targetKey(tag) }
    : { start: tag.position.start, end: tag.position.end, removed: 0, orphaned: true, anchoredLength: tag.quote.exact.length, storedKey: targetKey(tag) };
}

/** True when anchoring moved a tag, found it only approximately, orphaned it or brought it back. */
export function anchorChanged(tag: StoredTag, found: Anchor | undefined): boolean {
  if (!found !== !!tag.orphaned) return true;
  return !!found && (found.start !== tag.position.start || found.end !== tag.position.end || found.method === 'fuzzy');
}

function read(text: LazyText): string {
  return typeof text === 'string' ? text : text();
}

/**
 * Anchors stored tags against the document's text and tracks them in `live`; true when any moved
 * or was orphaned, so the store must be updated.
 */
export function anchorLiveTags(live: LiveTags, tags: readonly StoredTag[], text: LazyText): boolean {
  if (tags.length === 0) return false;
  let changed = false;
  for (const { tag, found } of anchorStoredTags(tags, read(text))) {
    if (anchorChanged(tag, found)) changed = true;
    live.set(tag.id, liveTagOf(tag, found));
  }
  return changed;
}

/**
 * After the stored tags changed on disk: follows what others changed and keeps what they did not.
 * Live tags no longer stored are dropped; those whose stored target is not the one they came from
 * are anchored again. True when the store must be updated.
 */
export function reconcileLiveTags(live: LiveTags, stored: readonly StoredTag[], text: LazyText): boolean {
  const ids = new Set(stored.map((t) => t.id));
  for (const id of [...live.keys()]) if (!ids.has(id)) live.delete(id);
  const fresh = stored.filter((t) => live.get(t.id)?.storedKey !== targetKey(t));
  return anchorLiveTags(live, fresh, text);
}

/**
 * Moves the live tags through the edits of one change, each edit in the coordinates left by the
 * ones before it (as VS Code reports them); `text` is the text after the change. A passage that an
 * edit emptied, or removed more than half of, is found again from where it was before the change,
 * or orphaned; an orphan whose text is no longer than the longest inserted text is looked for (an
 * undo of its deletion, a paste). True when a tag was found again, orphaned or brought back.
 */
export function applyEdits(live: LiveTags, edits: readonly TextEdit[], text: LazyText, storedOf: StoredTagOf): boolean {
  const before = new Map<string, number>();
  for (const [id, t] of live) if (!t.orphaned) before.set(id, t.start);
  for (const edit of edits) {
    for (const t of live.values()) {
      if (t.orphaned) continue;
      const moved = mapRange(t, edit);
      t.start = moved.start;
      t.end = moved.end;
      t.removed = moved.removed;
    }
  }
  let significant = false;
  let current: string | undefined;
  const getText = () => (current ??= read(text));
  for (const [id, t] of live) {
    if (t.orphaned || !needsReanchor(t, t.anchoredLength)) continue;
    const stored = storedOf(id);
    if (!stored) continue;
    const found = anchor(getText(), [stored.quote, stored.position], { hint: before.get(id) ?? t.start });
    if (found) Object.assign(t, { start: found.start, end: found.end, removed: 0, anchoredLength: found.end - found.start });
    else t.orphaned = true;
    significant = true;
  }
  const longest = Math.max(...edits.map((e) => e.newLength));
  for (const [id, t] of live) {
    if (!t.orphaned || before.has(id)) continue;
    const stored = storedOf(id);
    if (!stored || stored.quote.exact.length > longest) continue;
    const found = anchor(getText(), [stored.quote, stored.position]);
    if (!found) continue;
    Object.assign(t, { start: found.start, end: found.end, removed: 0, orphaned: false, anchoredLength: found.end - found.start });
    significant = true;
  }
  return significant;
}

/**
 * Looks for the orphans again in `text` (on save: their text may have been pasted back); one found
 * is tracked again, with no stored key, so that it is saved. Returns how many orphans there were.
 */
export function reviveOrphans(live: LiveTags, text: LazyText, storedOf: StoredTagOf): number {
  const orphans = [...live]
    .filter(([, t]) => t.orphaned)
    .map(([id]) => storedOf(id))
    .filter((t): t is StoredTag => !!t);
  if (orphans.length === 0) return 0;
  const current = read(text);
  for (const tag of orphans) {
    const found = anchor(current, [tag.quote, tag.position]);
    if (found) live.set(tag.id, { ...liveTagOf(tag, found), storedKey: '' });
  }
  return orphans.length;
}

/**
 * The stored form of the live tags: each stored tag whose target (quote and position selectors of
 * its range in `text`, or orphaned) is not the stored one, with its new target. The live tags are
 * marked as stored (their key, and the removed count and length `needsReanchor` starts from).
 */
export function storedTargets(live: LiveTags, text: LazyText, storedOf: StoredTagOf): StoredTag[] {
  const changed: StoredTag[] = [];
  let current: string | undefined;
  for (const [id, range] of live) {
    const stored = storedOf(id);
    if (!stored) continue;
    let next: StoredTag;
    if (range.orphaned) {
      if (stored.orphaned) continue;
      next = { ...stored, orphaned: true };
    } else {
      const [quote, position] = describeRange((current ??= read(text)), range.start, range.end);
      next = { ...stored, quote, position };
      delete next.orphaned;
    }
    const key = targetKey(next);
    if (key !== targetKey(stored)) changed.push(next);
    range.storedKey = key;
    if (!range.orphaned) {
      range.removed = 0;
      range.anchoredLength = range.end - range.start;
    }
  }
  return changed;
}

/** The ids of the live tags at `offset` (ends included), innermost first; orphans are nowhere. */
export function liveTagsAt(live: LiveTags, offset: number): string[] {
  return [...live]
    .filter(([, t]) => !t.orphaned && t.start <= offset && offset <= t.end)
    .sort(([, a], [, b]) => a.end - a.start - (b.end - b.start))
    .map(([id]) => id);
}

/** The ranges of the live tags that are not orphaned or empty, by theme, in order. */
export function liveRangesByTheme(live: LiveTags, themeOf: (id: string) => string | undefined): Map<string, Array<[number, number]>> {
  const byTheme = new Map<string, Array<[number, number]>>();
  for (const [id, t] of live) {
    if (t.orphaned || t.end <= t.start) continue;
    const theme = themeOf(id);
    if (theme === undefined) continue;
    let list = byTheme.get(theme);
    if (!list) byTheme.set(theme, (list = []));
    list.push([t.start, t.end]);
  }
  for (const list of byTheme.values()) list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return byTheme;
}
