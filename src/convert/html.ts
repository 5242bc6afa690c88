/**
 * A web page (HTML) to its readable text with `node-html-parser`: navigation, scripts, styles,
 * menus, forms and asides are dropped; headings, paragraphs, lists and tables are kept as text
 * (or as Markdown with `format: 'md'`). When the page has a `<main>` or an `<article>`, only
 * the largest of them is read. The .docx converter reads mammoth's HTML through here too.
 */
import * as l10n from '@vscode/l10n';
import { parse, NodeType, type HTMLElement, type Node } from 'node-html-parser';
import { repairThai } from '../core';
import { CONVERT_LIMITS, ConvertError } from './errors';

export type TextFormat = 'txt' | 'md';

/** Elements whose content is never reading text. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'aside', 'footer', 'form', 'button', 'select', 'option',
  'textarea', 'input', 'iframe', 'object', 'embed', 'svg', 'canvas', 'menu', 'dialog', 'head', 'title', 'meta', 'link',
]);
/** ARIA roles of page furniture. */
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'menu', 'menubar', 'search', 'complementary', 'dialog']);
/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'blockquote', 'pre', 'figure', 'figcaption', 'address', 'hr', 'body', 'html', 'caption',
]);

/** The page's title (`<title>`, else its first `<h1>`), if it has one. */
export function htmlTitle(html: string): string | undefined {
  const root = parse(html);
  const t = root.querySelector('title')?.text.trim() || root.querySelector('h1')?.text.trim();
  return t ? t.replace(/\s+/g, ' ') : undefined;
}

/** The readable text of a web page (see the top of this file). */
export function htmlToText(html: string, format: TextFormat = 'txt'): string {
  if (html.length > CONVERT_LIMITS.htmlBytes) throw new ConvertError(l10n.t('the page is larger than {0} MB', CONVERT_LIMITS.htmlBytes / 1_000_000));
  const root = parse(html, { comment: false, blockTextElements: { pre: true } });
  const candidates = root.querySelectorAll('main, article, [role=main]');
  const start = candidates.length ? candidates.reduce((a, b) => (b.text.length > a.text.length ? b : a)) : root;
  const blocks: string[] = [];
  let inline = '';
  const flush = (prefix = ''): void => {
    const text = inline.replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (text) blocks.push(prefix + text);
    inline = '';
  };
  const md = format === 'md';
  const walk = (node: Node, listDepth: number): void => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      inline += node.text.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = (el.rawTagName ?? '').toLowerCase();
    if (DROPPED.has(tag) || DROPPED_ROLES.has((el.getAttribute('role') ?? '').toLowerCase()) || el.getAttribute('hidden') !== undefined || el.getAttribute('aria-hidden') === 'true') return;
    if (tag === 'br') {
      inline += '\n';
      return;
    }
    if (tag === 'pre') {
      flush();
      const text = el.text.replace(/\s+$/, '');
      if (text.trim()) blocks.push(md ? '```\n' + text + '\n```' : text);
      return;
    }
    if (tag === 'tr') {
      flush();
      const cells = el.childNodes
        .filter((c): c is HTMLElement => c.nodeType === NodeType.ELEMENT_NODE && /^t[dh]$/i.test((c as HTMLElement).rawTagName))
        .map((c) => htmlToText(c.innerHTML, 'txt').replace(/\s+/g, ' ').trim());
      if (cells.some((c) => c)) blocks.push(md ? `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |` : cells.join('\t'));
      return;
    }
    if (!BLOCKS.has(tag)) {
      for (const c of el.childNodes) walk(c, listDepth);
      return;
    }
    flush();
    const heading = /^h([1-6])$/.exec(tag);
    const nested = tag === 'ul' || tag === 'ol' ? listDepth + 1 : listDepth;
    let index = 0;
    for (const c of el.childNodes) {
      if (tag === 'ol' && c.nodeType === NodeType.ELEMENT_NODE && (c as HTMLElement).rawTagName?.toLowerCase() === 'li') {
        index++;
        walk(c, nested);
        const last = blocks.length - 1;
        // number the item just written
        if (last >= 0 && blocks[last].startsWith('\u0000li ')) blocks[last] = blocks[last].replace('\u0000li ', `${'  '.repeat(nested - 1)}${index}. `);
        continue;
      }
      walk(c, nested);
    }
    if (heading) flush(md ? '#'.repeat(Number(heading[1])) + ' ' : '');
    else if (tag === 'li') flush('\u0000li ');
    else if (tag === 'blockquote' && md) {
      flush();
    } else flush();
    if (tag === 'ul' || tag === 'ol') {
      for (let i = 0; i < blocks.length; i++) if (blocks[i].startsWith('\u0000li ')) blocks[i] = blocks[i].replace('\u0000li ', `${'  '.repeat(nested - 1)}- `);
    }
  };
  walk(start, 0);
  flush();
  return repairThai(blocks.map((b) => b.replace(/^\u0000li /, '- ')).join('\n\n'));
}
