/**
 * What the tagging commands show and read, without VS Code: the tag hover's Markdown, the title,
 * path and colour of a tag's theme (a glossary's, or the annotations file's own), the tag a
 * command argument names, and the passage a selection makes.
 *
 * Pure: no `vscode` import, so the unit tests can check every string.
 */
import * as l10n from '@vscode/l10n';
import { themeColor, type FileTheme, type GlossarySet, type StoredTag } from '../core';
import { pathTitle, themeTitle } from './glossarySearch';
import { themePathMarkdown } from './hoverText';
import { commandLink, escapeBlock, escapeInline } from './markdown';

export const TAG_COMMANDS = {
  tagSelection: 'thaiPolicyLens.tagSelection',
  removeTag: 'thaiPolicyLens.removeTag',
  retag: 'thaiPolicyLens.retag',
  editNote: 'thaiPolicyLens.editNote',
} as const;
/** The commands the tag hover links to; the hover trusts exactly these. */
export const TAG_HOVER_COMMAND_IDS: readonly string[] = [TAG_COMMANDS.editNote, TAG_COMMANDS.retag, TAG_COMMANDS.removeTag];

/** The colour of a tag whose theme is nowhere. */
export const UNKNOWN_THEME_COLOR = '#888888';

/** How a tag's theme is shown. */
export interface TagTheme {
  /** `Label (English) › ...`, plain text */
  title: string;
  /** the theme path as escaped Markdown */
  pathMarkdown: string;
  color: string;
  /** false when the theme is in no glossary and not in the annotations file */
  known: boolean;
}

/** Label, path and colour of a theme id: a glossary's, or `own`, the annotations file's. */
export function describeTagTheme(set: Pick<GlossarySet, 'theme' | 'ancestors'>, themeId: string, own: FileTheme | undefined): TagTheme {
  const theme = set.theme(themeId);
  if (theme) {
    const ancestors = set.ancestors(themeId);
    return { title: pathTitle([...ancestors, theme]), pathMarkdown: themePathMarkdown(ancestors, theme), color: themeColor(theme), known: true };
  }
  if (own) return { title: themeTitle(own), pathMarkdown: l10n.t('{0} _(annotations file)_', escapeInline(themeTitle(own))), color: own.color ?? themeColor(own), known: true };
  return { title: themeId, pathMarkdown: l10n.t('{0} _(theme not found)_', escapeInline(themeId)), color: UNKNOWN_THEME_COLOR, known: false };
}

/** The hover of one tag: theme path (already escaped), note, and links to change it. */
export function tagHoverMarkdown(tag: Pick<StoredTag, 'id' | 'note' | 'orphaned' | 'creator' | 'created'>, themePathMarkdown: string): string {
  const parts = [l10n.t('**Tagged passage** — {0}', themePathMarkdown)];
  // the coder's name is text from the annotations file: escaped like a note
  if (tag.creator) parts.push(l10n.t('Coder: {0}, {1}', escapeInline(tag.creator), tag.created.slice(0, 10)));
  if (tag.note && tag.note.trim() !== '') parts.push(escapeBlock(tag.note));
  const args = [{ tagId: tag.id }];
  parts.push(
    [commandLink(tag.note ? l10n.t('Edit note') : l10n.t('Add note'), TAG_COMMANDS.editNote, args), commandLink(l10n.t('Change theme'), TAG_COMMANDS.retag, args), commandLink(l10n.t('Remove tag'), TAG_COMMANDS.removeTag, args)].join(' · '),
  );
  return parts.join('\n\n');
}

/** A tag id from a command argument: `{ tagId }`, `{ tag: { id } }`, `{ id }` or a string. */
export function tagIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if (typeof o.tagId === 'string') return o.tagId;
    if (o.tag && typeof o.tag === 'object' && typeof (o.tag as Record<string, unknown>).id === 'string') return (o.tag as { id: string }).id;
    if (typeof o.id === 'string') return o.id;
  }
  return undefined;
}

/** `[start, end)` without white space at its edges (a selection to the end of the line). */
export function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/** A passage for a prompt: `«text»`, cut to 60 characters. */
export function quoteForPrompt(text: string): string {
  return `«${text.length > 60 ? text.slice(0, 59) + '…' : text}»`;
}
