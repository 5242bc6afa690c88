/**
 * The dashboard's and the report's style: VS Code's theme colours where the page is a webview
 * (`--vscode-*`), the system's light or dark scheme in the report; a Thai font stack.
 */
export const CORPUS_CSS = `
:root { color-scheme: light dark; }
body { margin: 0; padding: 12px 16px; font-family: var(--vscode-font-family, "Sarabun", "Noto Sans Thai", "Noto Sans Thai UI", "Leelawadee UI", "Thonburi", "Tahoma", sans-serif);
  font-size: var(--vscode-font-size, 14px); color: var(--vscode-foreground, CanvasText); background: var(--vscode-editor-background, Canvas); }
body.tpl-report h1 { font-size: 1.4em; margin: 0 0 8px; }
.tpl-bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
.tpl-bar input { flex: 1 1 420px; padding: 4px 6px; font: inherit; color: var(--vscode-input-foreground, inherit); background: var(--vscode-input-background, Field);
  border: 1px solid var(--vscode-input-border, var(--vscode-contrastBorder, #8888)); }
.tpl-filters input, .tpl-filters select { flex: 0 1 auto; padding: 3px 4px; font: inherit; color: var(--vscode-dropdown-foreground, inherit); background: var(--vscode-dropdown-background, Field);
  border: 1px solid var(--vscode-dropdown-border, var(--vscode-contrastBorder, #8888)); }
.tpl-filters input:focus-visible, .tpl-filters select:focus-visible { outline: 2px solid var(--vscode-focusBorder, Highlight); outline-offset: 1px; }
button { font: inherit; cursor: pointer; color: var(--vscode-button-secondaryForeground, var(--vscode-foreground, ButtonText)); background: var(--vscode-button-secondaryBackground, transparent);
  border: 1px solid var(--vscode-contrastBorder, transparent); padding: 2px 8px; border-radius: 2px; }
button:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--vscode-focusBorder, Highlight); outline-offset: 1px; }
.tpl-error { color: var(--vscode-errorForeground, #c00); }
.tpl-chips span { border: 1px solid var(--vscode-contrastBorder, #8886); border-radius: 10px; padding: 0 8px; margin-right: 4px; }
.tpl-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; }
section.tpl-chart[data-chart=kwic] { max-height: 640px; }
section.tpl-chart { border: 1px solid var(--vscode-panel-border, #8884); padding: 8px; overflow: auto; min-width: 0; }
section.tpl-chart h2 { font-size: 1.05em; margin: 0 0 4px; display: flex; gap: 6px; align-items: center; }
section.tpl-chart h2 .tpl-actions { margin-left: auto; display: flex; gap: 4px; }
section.tpl-chart p.tpl-help { margin: 0 0 4px; opacity: .8; font-size: .9em; }
section.tpl-wide { grid-column: 1 / -1; }
svg { overflow: visible; }
svg [data-key] { cursor: pointer; }
/* every mark outlined: a sequential scheme's light end vanishes on a light page, its dark end on a
   dark one; in high contrast with the theme's contrast border */
svg [data-key] { stroke: currentColor; stroke-opacity: .5; stroke-width: .75px; }
body.vscode-high-contrast svg [data-key], body.vscode-high-contrast-light svg [data-key] { stroke: var(--vscode-contrastBorder, currentColor); stroke-opacity: 1; stroke-width: 1px; }
svg [data-key]:hover { stroke: var(--vscode-focusBorder, currentColor); stroke-width: 1.5px; }
table { border-collapse: collapse; font-size: .92em; }
th, td { padding: 2px 6px; border-bottom: 1px solid var(--vscode-panel-border, #8883); text-align: left; vertical-align: top; }
th button { background: none; border: none; padding: 0; font-weight: bold; color: inherit; }
td.tpl-num { text-align: right; font-variant-numeric: tabular-nums; }
table.tpl-kwic td.tpl-left { text-align: right; white-space: nowrap; overflow: hidden; max-width: 28em; direction: ltr; }
table.tpl-kwic td.tpl-match { font-weight: bold; white-space: nowrap; color: var(--vscode-textLink-foreground, LinkText); }
table.tpl-kwic td.tpl-right { white-space: nowrap; overflow: hidden; max-width: 28em; }
table.tpl-kwic tr[data-open] { cursor: pointer; }
table.tpl-kwic tr[data-open]:hover { background: var(--vscode-list-hoverBackground, #8882); }
.tpl-unmapped { font-size: .9em; opacity: .85; }
`;
