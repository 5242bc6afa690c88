/** The passage queries an analyst saved (Find Passages... offers them): newest first, no repeats, at most `max`. */
export const MAX_SAVED_QUERIES = 20;

/** The list with `query` saved: moved to the front if it was there, the oldest dropped past `max`. */
export function saveQuery(saved: readonly string[], query: string, max = MAX_SAVED_QUERIES): string[] {
  const q = query.trim();
  if (q === '') return [...saved];
  return [q, ...saved.filter((s) => s !== q)].slice(0, max);
}

/** The list without `query` (compared as saved: trimmed). */
export function removeQuery(saved: readonly string[], query: string): string[] {
  const q = query.trim();
  return saved.filter((s) => s !== q);
}

/** The saved queries read back from storage: strings only (a hand-edited or older store loses nothing else). */
export function readSavedQueries(stored: unknown): string[] {
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
}
