/**
 * Plain-text tables for the measuring scripts' reports, aligned on the display width of
 * Thai text (vowel and tone marks above or below a letter take no column).
 */

/** Thai combining marks: mai han-akat, sara i..phinthu, maitaikhu..yamakkan. */
function isZeroWidthMark(code: number): boolean {
  return code === 0x0e31 || (code >= 0x0e34 && code <= 0x0e3a) || (code >= 0x0e47 && code <= 0x0e4e);
}

/** Columns the string takes in a terminal (Thai marks count 0, everything else 1). */
export function displayWidth(s: string): number {
  let width = 0;
  for (let i = 0; i < s.length; i++) if (!isZeroWidthMark(s.charCodeAt(i))) width++;
  return width;
}

/**
 * Formats rows as a table: the first row is the header; columns in `leftColumns` are
 * left-aligned, the others (numbers) right-aligned; the last column is never padded.
 */
export function formatTable(rows: ReadonlyArray<ReadonlyArray<string | number>>, leftColumns: ReadonlySet<number> = new Set([0])): string {
  const cells = rows.map((r) => r.map(String));
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return cells
    .map((r) =>
      r
        .map((c, i) => {
          const pad = ' '.repeat(widths[i] - displayWidth(c));
          if (leftColumns.has(i)) return i === r.length - 1 ? c : c + pad;
          return pad + c;
        })
        .join('  '),
    )
    .join('\n');
}
