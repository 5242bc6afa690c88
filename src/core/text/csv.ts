/**
 * The one CSV writer: quoting per RFC 4180 and the spreadsheet-formula guard. Each format that
 * writes CSV (the coded-passage export, `analyze --format csv`) decides its columns and line ends;
 * every cell goes through `csvCell`.
 */

/** A cell that a spreadsheet would run as a formula: it starts with `=`, `+`, `-`, `@`, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: a number as written; text prefixed with `'` when it would start a spreadsheet
 * formula (CSV injection; `guardFormulas: false` leaves it), then quoted when it holds a comma, a
 * quote or a line break. `undefined` is an empty field.
 */
export function csvCell(value: string | number | undefined, options: { guardFormulas?: boolean } = {}): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const guarded = (options.guardFormulas ?? true) && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One CSV record (without its line end). */
export function csvRow(values: ReadonlyArray<string | number | undefined>, options: { guardFormulas?: boolean } = {}): string {
  return values.map((v) => csvCell(v, options)).join(',');
}
