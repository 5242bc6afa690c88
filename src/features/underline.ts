/**
 * How the editor underlines a highlight so that the line never crosses Thai marks written below
 * the letters: the vowels ุ ู (and ฺ) and the tails of ฎ ฏ ฐ. A bottom border (what VS Code's
 * `border*` decoration options draw) runs along the bottom of the text's box, which those marks
 * reach and cross. A CSS text underline drawn under the text instead
 * (`text-underline-position: under`, below the font's descent) does not, and where a glyph still
 * reaches it the line leaves a gap (`text-decoration-skip-ink: auto`). VS Code's `textDecoration`
 * option is written into the decoration's CSS rule as it is, which is how these properties get there.
 *
 * Pure: no `vscode` import, so the unit tests check the CSS.
 */

export type UnderlineStyle = 'solid' | 'dotted' | 'dashed';

/** The `textDecoration` of a highlight underlined in `color` (a CSS colour or `var(...)`). */
export function underline(style: UnderlineStyle, color: string, thickness: 1 | 2): string {
  return `underline ${style} ${color} ${thickness}px; text-underline-position: under; text-decoration-skip-ink: auto`;
}

/** The CSS variable of a contributed theme colour (`thaiPolicyLens.countryBorder` -> `var(--vscode-thaiPolicyLens-countryBorder)`). */
export function themeColorVariable(id: string): string {
  return `var(--vscode-${id.replace(/\./g, '-')})`;
}
