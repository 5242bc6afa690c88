/**
 * Page markers: the line put between the pages of a converted PDF (`[หน้า 3]`; the template's
 * `{n}` is the page number; src/convert writes them), and the page a position of such a text
 * is on, for the hovers of occurrences and tags (features/hoverText.ts `withPage`).
 */

/** The page marker put between pages; `{n}` is the page number. */
export const DEFAULT_PAGE_MARKER = '[หน้า {n}]';

/**
 * The markers a template writes, as a RegExp over whole lines (global, multiline): the
 * template's text literally, `{n}` one to five digits (group 1). Undefined for a template
 * without `{n}` (no page number to read back) or an empty one.
 */
export function pageMarkerRegExp(template: string): RegExp | undefined {
  if (!template.includes('{n}')) return undefined;
  const source = template
    .split('{n}')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(\\d{1,5})');
  return new RegExp(`^[ \\t]*${source}[ \\t]*$`, 'gm');
}

/**
 * The page that `offset` in `text` is on: the number of the last marker line that ends at or
 * before it; before the first marker, the page before that marker's (text before `[หน้า 2]` is
 * page 1). Undefined when the text has no marker (not a converted PDF), before a first marker
 * of page 1 or less, or for a template without `{n}`.
 */
export function pageAt(text: string, offset: number, template: string = DEFAULT_PAGE_MARKER): number | undefined {
  const re = pageMarkerRegExp(template);
  if (!re) return undefined;
  let page: number | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = Number(m[1]);
    if (m.index + m[0].length > offset) return page ?? (n > 1 ? n - 1 : undefined);
    page = n;
  }
  return page;
}
