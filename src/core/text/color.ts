/** Colours as glossaries and annotation files write them: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`. */

/** A colour a glossary or annotations file may give a theme. */
export const COLOR_PATTERN = /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/**
 * The colour as `#rrggbb`, its alpha (if any) dropped and the short forms expanded
 * (`#f80c` -> `#ff8800`), in the case it was written. Expects a colour that `COLOR_PATTERN` takes.
 */
export function opaqueHex(color: string): string {
  const hex = color.trim().replace(/^#/, '');
  return '#' + (hex.length <= 4 ? [...hex.slice(0, 3)].map((c) => c + c).join('') : hex.slice(0, 6));
}
