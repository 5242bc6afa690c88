/**
 * Escaping untrusted text (glossary labels and glosses, document text, notes) for Markdown. The
 * one home for it: hovers, the exports and the command line's Markdown report all use these.
 */

/**
 * ASCII punctuation that Markdown (CommonMark + GFM, as VS Code renders it) can give a meaning
 * to: emphasis, code, links and images, HTML and entities, headings, lists, block quotes,
 * tables, strikethrough, autolinks (`https:`, `www.`, `a@b.c`) and math. CommonMark lets any
 * ASCII punctuation be escaped with a backslash, and the escaped form renders as the character.
 */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&:@=$]/g;

/** Escapes every Markdown-significant character of one line of untrusted text. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, '\\$&');
}

/**
 * Untrusted text for use inside a line of Markdown: escaped, with every run of white space
 * (line breaks included) made one space, so it cannot start a block (heading, list, code).
 */
export function escapeInline(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

/**
 * Untrusted text that may have several lines (a gloss written as a YAML block): each line is
 * trimmed and escaped; lines are joined with hard line breaks, blank lines become paragraphs.
 */
export function escapeBlock(text: string): string {
  const paragraphs = text.trim().split(/\r?\n[ \t]*(?:\r?\n[ \t]*)+/);
  return paragraphs
    .map((p) =>
      p
        .split(/\r\n|\r|\n/)
        .map((line) => escapeMarkdown(line.replace(/\s+/g, ' ').trim()))
        .filter((line) => line !== '')
        .join('  \n'),
    )
    .filter((p) => p !== '')
    .join('\n\n');
}

/**
 * Text inside a Markdown table cell or list item (the command line's report): backslashes, `|`,
 * emphasis, code, brackets and angle brackets escaped; white space runs made one space.
 */
export function escapeTableCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[*_`<>[\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/** Untrusted text as the lines of a block quote in a Markdown file: each line trimmed and escaped (`escapeProseLine`), line breaks kept. */
export function escapeQuoteLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  return lines.map((line) => {
    const t = line.trim();
    return t ? `> ${escapeProseLine(t)}` : '>';
  });
}

/** Characters that can start Markdown syntax anywhere in a line of prose. */
const PROSE_INLINE = /[\\`*_[\]<~$]|&(?=#?[0-9a-zA-Z]+;)/g;

/**
 * Untrusted text as one line of a Markdown file that people read (the exports): only what
 * Markdown would otherwise interpret is escaped, so `news-2566.txt` and `(Arms control)` stay
 * as written. Escaped: backslashes, code spans, emphasis, links and images (`[`, `]`), HTML and
 * autolinks in angle brackets (`<`), strikethrough, math, character references (`&amp;`), and at
 * the start of the line what would begin a heading, a block quote, a list, a setext underline
 * or a thematic break.
 */
export function escapeProseLine(text: string): string {
  const escaped = text.replace(PROSE_INLINE, '\\$&');
  return escaped
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^>/, '\\>')
    .replace(/^([-+])(?=\s|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([=-])(?=\1*\s*$)/, '\\$1');
}

/** Untrusted text on one Markdown line: white space runs (line breaks too) made one space, then `escapeProseLine`. */
export function escapeProseInline(text: string): string {
  return escapeProseLine(text.replace(/\s+/g, ' ').trim());
}

/**
 * Untrusted text of several lines (a note) inside a Markdown paragraph: each line trimmed and
 * escaped with `escapeProseLine`, joined with hard line breaks so the lines stay as written.
 */
export function escapeProseLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => escapeProseLine(line.trim()))
    .filter((line) => line !== '')
    .join('  \n');
}
