/** A stored tag for tests of the annotations file and its state. */
import type { StoredTag } from '../../src/core/tags/annotationsFile';

export function storedTag(id: string, document: string, start: number, exact: string, extra: Partial<StoredTag> = {}): StoredTag {
  return {
    id,
    document,
    theme: 'maritime-security',
    created: '2025-11-20T08:00:00.000Z',
    modified: '2025-11-20T08:00:00.000Z',
    quote: { type: 'TextQuoteSelector', exact, prefix: 'ก่อน', suffix: 'หลัง' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    ...extra,
  };
}
