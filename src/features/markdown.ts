/**
 * Safe Markdown for hovers and tooltips. Glossary text (labels, terms, glosses) and document
 * text are untrusted: they are escaped so that they render as the characters written and can
 * never become a link, an image, HTML or a command URI. Only links this extension writes itself
 * (`commandLink`) are live, and only to the commands named in `makeSafe`.
 *
 * Pure string functions, no `vscode` import: the unit tests run them in Node. The escaping itself
 * is in the core (`core/text/markdown.ts`).
 */
import { escapeInline } from '../core';

export { escapeBlock, escapeInline, escapeMarkdown } from '../core';

/**
 * Escapes `$(name)` icon syntax, for untrusted text shown where VS Code renders theme icons
 * (quick pick labels, descriptions and details).
 */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

/**
 * A `command:` URI with its arguments as VS Code reads them (a JSON array spread as the
 * arguments). Parentheses are percent-encoded too, so the URI cannot end a Markdown link early.
 */
export function commandUri(command: string, args?: readonly unknown[]): string {
  if (!args || args.length === 0) return `command:${command}`;
  const query = encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `command:${command}?${query}`;
}

/** A Markdown link that runs one of this extension's commands; the label is escaped. */
export function commandLink(label: string, command: string, args?: readonly unknown[]): string {
  return `[${escapeInline(label)}](${commandUri(command, args)})`;
}

/** The settings of a Markdown string that decide what it may do (vscode.MarkdownString has them). */
export interface MarkdownSafety {
  isTrusted?: boolean | { readonly enabledCommands: readonly string[] };
  supportHtml?: boolean;
  supportThemeIcons?: boolean;
}

/**
 * Makes a Markdown string safe for glossary text: no HTML, no theme icons, and command links
 * enabled only for `enabledCommands` (none: untrusted). Returns the same object.
 * Use: `makeSafe(new vscode.MarkdownString(value), ['thaiPolicyLens.showInTree'])`.
 */
export function makeSafe<T extends MarkdownSafety>(md: T, enabledCommands: readonly string[] = []): T {
  md.isTrusted = enabledCommands.length > 0 ? { enabledCommands: [...enabledCommands] } : false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}
