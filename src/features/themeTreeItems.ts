/**
 * What the items of the Themes view show (label, description, tooltip, icon, where a click leads)
 * and the whole tree as plain data (`snapshot`, for the API and tests), from the elements of
 * src/features/themeTreeModel.ts. Pure: no `vscode`.
 */
import * as l10n from '@vscode/l10n';
import type { DateAnnotation } from '../core';
import { countryByCode, flagEmoji, formatNumber, oneLine, plural, themeColor, type ContentLanguage } from '../core';
import { MAX_LABEL } from './lineExcerpt';
import { runAll, type Steps } from './slices';
import { UNKNOWN_THEME_COLOR } from './tagText';
import { childrenOf, type Occurrence, type TreeElement, type TreeSource } from './themeTreeModel';

/** A plain copy of one tree item, for the API and tests. */
export interface TreeItemSnapshot {
  /** the item's contextValue: theme, looseTheme, term, termsNotFound, occurrence, countries, country, dates, dateGroup, date, tag, passages, passage, more */
  kind: string;
  label: string;
  description?: string;
  /** the TreeItem id */
  id?: string;
  /** the colour of a theme's icon */
  color?: string;
  /** whether a collapsible item is expanded in the view now (absent for leaves) */
  expanded?: boolean;
  /** present and true when the item is selected in the view */
  selected?: boolean;
  /** the reveal target of an occurrence or date: `uri` as a string */
  target?: { uri: string; start: number; end: number };
  children?: TreeItemSnapshot[];
}


// What an item shows

/**
 * A tooltip: plain text (a string), or paragraphs of text parts shown literally (untrusted text:
 * no links, HTML or icons), the parts of a paragraph joined by " — ".
 */
export type TreeTooltip = string | string[][];

/** What an element shows in the view. */
export interface ItemView {
  label: string;
  /** the part of the label to highlight (the match in an occurrence's line) */
  highlight?: [number, number];
  description?: string;
  tooltip?: TreeTooltip;
  /** a theme's colour (a circle), or a codicon */
  icon?: { color: string } | { codicon: string };
  /** whether it has children to expand */
  collapsible: boolean;
  /** the passage a click selects */
  reveal?: { uri: string; start: number; end: number };
}

/**
 * What `el` shows; `workspace`: workspace scope (occurrences say their file); `lang`: the content
 * language, whether a theme, term or country is labelled in Thai (its English after the count)
 * or in English (its Thai after the count) when it has both.
 */
export function present(el: TreeElement, workspace: boolean, lang: ContentLanguage = 'th'): ItemView {
  /** [label, the other language's name for the description] */
  const names = (th: string, en: string | undefined): [string, string | undefined] => (lang === 'en' && en ? [en, th] : [th, en]);
  const where = (o: Occurrence) => {
    const line = o.source.lineOf(o.ann.start) + 1;
    return workspace ? l10n.t('{0} · line {1}', o.source.name, line) : l10n.t('line {0}', line);
  };
  /** the whole line of an occurrence (labels may be cut), and where it is */
  const fullLine = (o: { source: TreeSource; start: number }): string[] => {
    const [start, end] = o.source.lineSpan(o.source.lineOf(o.start));
    return [o.source.text.slice(start, end).trim()];
  };
  switch (el.type) {
    case 'theme': {
      const t = el.theme;
      const sub = el.total - el.own;
      const tags = el.tags ? [[plural(el.tags, l10n.t('1 tagged passage'), l10n.t('{0} tagged passages', formatNumber(el.tags)))]] : [];
      if (el.loose) {
        const origin = el.loose === 'file' ? l10n.t('a theme of the annotations file (made while tagging)') : l10n.t('a theme found in no glossary and not in the annotations file');
        const tooltip = [[t.label, ...(t.labelEn ? [t.labelEn] : [])], [origin], ...tags];
        const [label, other] = names(t.label, t.labelEn);
        return { label, description: withEnglish(plural(el.tags, l10n.t('1 tag'), l10n.t('{0} tags', formatNumber(el.tags))), other), icon: { color: el.loose === 'file' ? themeColor(t) : UNKNOWN_THEME_COLOR }, tooltip, collapsible: true };
      }
      const tooltip = [[t.label, ...(t.labelEn ? [t.labelEn] : [])], ...(t.gloss ? [[t.gloss]] : []), [sub ? l10n.t('{0} ({1} in sub-themes)', occurrences(el.total), formatNumber(sub)) : occurrences(el.total)], ...tags];
      const [label, other] = names(t.label, t.labelEn);
      return { label, description: withEnglish(String(el.total), other), icon: { color: themeColor(t) }, tooltip, collapsible: true };
    }
    case 'term': {
      const t = el.term;
      const count = el.count;
      const tooltip = [[t.term, ...(t.en ? [t.en] : [])], ...(t.gloss ? [[t.gloss]] : []), ...(t.aliases.length ? [[l10n.t('also: {0}', t.aliases.join(', '))]] : []), [occurrences(count)]];
      const [label, other] = names(t.term, t.en);
      return { label, description: withEnglish(String(count), other), icon: { codicon: 'symbol-keyword' }, tooltip, collapsible: count > 0 };
    }
    case 'termsNotFound': {
      const n = el.children.length;
      return { label: plural(n, l10n.t('1 term not found'), l10n.t('{0} terms not found', formatNumber(n))), icon: { codicon: 'eye-closed' }, tooltip: l10n.t('Terms of this theme that do not occur here'), collapsible: true };
    }
    case 'tag': {
      const tag = el.tag;
      const line = el.source.lineOf(tag.start) + 1;
      const coder = tag.creator;
      const description = coder
        ? tag.orphaned
          ? workspace ? l10n.t('tag by {0} · {1} · orphaned', coder, el.source.name) : l10n.t('tag by {0} · orphaned', coder)
          : workspace ? l10n.t('tag by {0} · {1} · line {2}', coder, el.source.name, line) : l10n.t('tag by {0} · line {1}', coder, line)
        : tag.orphaned
          ? workspace ? l10n.t('tag · {0} · orphaned', el.source.name) : l10n.t('tag · orphaned')
          : workspace ? l10n.t('tag · {0} · line {1}', el.source.name, line) : l10n.t('tag · line {0}', line);
      const view: ItemView = { label: '', description, icon: { codicon: 'tag' }, collapsible: false };
      if (tag.orphaned) view.label = tag.text.replace(/\s+/g, ' ').slice(0, MAX_LABEL);
      else {
        const line = el.source.excerpt(tag.start, tag.end);
        view.label = line.text;
        view.highlight = line.highlight;
        view.reveal = { uri: el.source.uri, start: tag.start, end: tag.end };
      }
      view.tooltip = [[tag.text], ...(tag.note ? [[tag.note]] : [])];
      return view;
    }
    case 'occurrence': {
      const o = el.occ;
      const line = o.source.excerpt(o.ann.start, o.ann.end);
      return { label: line.text, highlight: line.highlight, description: where(o), reveal: { uri: o.source.uri, start: o.ann.start, end: o.ann.end }, tooltip: [fullLine({ source: o.source, start: o.ann.start }), [where(o)]], collapsible: false };
    }
    case 'countries':
      return { label: l10n.t('Countries'), description: String(el.total), icon: { codicon: 'globe' }, collapsible: el.children.length > 0 };
    case 'country': {
      const c = countryByCode(el.code);
      const flag = flagEmoji(el.code);
      const n = el.count;
      const formal = [c?.formalTh, c?.formalEn].filter((name, i) => name && name !== [c?.nameTh, c?.nameEn][i]) as string[];
      return {
        label: `${flag ? flag + ' ' : ''}${names(c?.nameTh ?? el.code, c?.nameEn)[0]}`,
        description: withEnglish(String(n), names(c?.nameTh ?? el.code, c?.nameEn)[1]),
        tooltip: [[c?.nameTh ?? el.code, ...(c?.nameEn ? [c.nameEn] : [])], ...(formal.length ? [formal] : []), [el.code], [occurrences(n)]],
        collapsible: true,
      };
    }
    case 'dates':
      return { label: l10n.t('Dates'), description: String(el.total), icon: { codicon: 'calendar' }, collapsible: el.children.length > 0 };
    case 'dateGroup': {
      const first = el.first;
      // labelled as it is written most often (ties: first in the timeline)
      const forms = el.forms;
      let label = first.text;
      for (const [text, count] of forms) if (count > forms.get(label)!) label = text;
      const n = el.count;
      return {
        label,
        description: `${gregorian(first)} (${n})`,
        tooltip: [[plural(n, l10n.t('{0}: 1 place', gregorian(first)), l10n.t('{0}: {1} places', gregorian(first), formatNumber(n)))], [l10n.t('written: {0}', [...forms.keys()].join(', '))]],
        icon: { codicon: 'calendar' },
        collapsible: true,
      };
    }
    case 'date': {
      const o = el.occ;
      const tooltip = [fullLine({ source: o.source, start: o.ann.start }), [`${o.ann.text}: ${gregorian(o.ann)}`, where(o)]];
      const reveal = { uri: o.source.uri, start: o.ann.start, end: o.ann.end };
      if (el.parent.type === 'dateGroup') {
        // under its group the value is said once: each place shows its line
        const line = o.source.excerpt(o.ann.start, o.ann.end);
        return { label: line.text, highlight: line.highlight, description: where(o), reveal, tooltip, collapsible: false };
      }
      return { label: o.ann.text, description: `${gregorian(o.ann)} · ${where(o)}`, reveal, tooltip, collapsible: false };
    }
    case 'passages':
      return {
        label: l10n.t('Passages: {0}', el.query),
        description: plural(el.total, l10n.t('1 passage'), l10n.t('{0} passages', formatNumber(el.total))),
        tooltip: [[l10n.t('Passages: {0}', el.query)], [l10n.t('Found by Find Passages...; the Clear button removes them from the view')]],
        icon: { codicon: 'search' },
        collapsible: true,
      };
    case 'passage': {
      const line = el.source.lineOf(el.start) + 1;
      const where = l10n.t('{0} · line {1}', el.source.name, line);
      return {
        label: oneLine(el.source.text.slice(el.start, el.end), MAX_LABEL),
        description: where,
        reveal: { uri: el.source.uri, start: el.start, end: el.end },
        tooltip: [[oneLine(el.source.text.slice(el.start, el.end), 1000)], [where]],
        icon: { codicon: 'note' },
        collapsible: false,
      };
    }
    case 'more':
      return { label: l10n.t('{0} more…', formatNumber(el.hidden)), tooltip: l10n.t('Narrow the list with the filter to see these'), collapsible: false };
  }
}

/**
 * The item's context value (package.json menus): its type; a theme in no glossary is a
 * `looseTheme` (it has no glossary entry to open).
 */
export function contextValue(el: TreeElement): string {
  return el.type === 'theme' && el.loose ? 'looseTheme' : el.type;
}

/** What `snapshot` shows of the view. */
export interface SnapshotView {
  workspace: boolean;
  expanded: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  lang?: ContentLanguage;
}

/** The tree as plain data, every item expanded, as the view shows it. */
export function snapshot(roots: readonly TreeElement[], view: SnapshotView): TreeItemSnapshot[] {
  return runAll(snapshotSteps(roots, view));
}

/** One item as plain data, without its children. */
export function itemSnapshot(el: TreeElement, view: SnapshotView): TreeItemSnapshot {
  const item = present(el, view.workspace, view.lang);
  const out: TreeItemSnapshot = { kind: contextValue(el), label: item.label, id: el.id };
  if (item.description !== undefined) out.description = item.description;
  if (el.type === 'theme') out.color = 'color' in (item.icon ?? {}) ? (item.icon as { color: string }).color : themeColor(el.theme);
  if (item.collapsible) out.expanded = view.expanded.has(el.id);
  if (view.selected.has(el.id)) out.selected = true;
  if (item.reveal) out.target = { ...item.reveal };
  return out;
}

/** `snapshot` in steps (an item each), for `runSliced`. */
export function* snapshotSteps(roots: readonly TreeElement[], view: SnapshotView): Steps<TreeItemSnapshot[]> {
  function* copy(el: TreeElement): Steps<TreeItemSnapshot> {
    yield;
    const out = itemSnapshot(el, view);
    const children = childrenOf(el);
    if (children.length) {
      out.children = [];
      for (const child of children) out.children.push(yield* copy(child));
    }
    return out;
  }
  const out: TreeItemSnapshot[] = [];
  for (const root of roots) out.push(yield* copy(root));
  return out;
}

/** `1 occurrence`, `3 occurrences` */
function occurrences(n: number): string {
  return plural(n, l10n.t('1 occurrence'), l10n.t('{0} occurrences', formatNumber(n)));
}

function withEnglish(count: string, en: string | undefined): string {
  return en ? `${count} · ${en}` : count;
}

/** The Gregorian value of a date annotation: `YYYY-MM-DD`, a range, or `unresolved`. */
function gregorian(d: DateAnnotation): string {
  if (!d.from) return l10n.t('unresolved');
  return d.to && d.to !== d.from ? `${d.from} – ${d.to}` : d.from;
}
