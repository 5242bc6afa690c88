/**
 * Editing a glossary file's text: adding a term to a theme, or a new theme with its first term.
 *
 * The file is read with `yaml`'s Document API (`parseDocument`), which finds the theme and where
 * its terms are written. In the usual case (a block list of terms or themes) the new entry is
 * inserted as new lines after the last one, and every other byte of the file stays as it was:
 * comments, their alignment, blank lines, quoting and key order. Otherwise (a flow list such as
 * `terms: []`, or `terms:` left empty) the Document is changed and written out again by the
 * library, which keeps comments and key order but may change some spacing; `layoutKept` says
 * which happened. Either way the result is parsed again to check it and to find the line of the
 * new term. Pure: no `vscode`, no Node modules.
 */
import * as l10n from '@vscode/l10n';
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';
import { normalizeTerm } from '../text/normalize';
import { ID_PATTERN } from '../text/patterns';

const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

/** A theme to create for the new term. */
export interface NewTheme {
  id: string;
  label: string;
  labelEn?: string;
  /** a colour such as `#4e79a7` */
  color?: string;
  gloss?: string;
  /** id of the theme to nest it in; the top level when absent */
  parentId?: string;
  /**
   * Instead of `parentId`: the themes it is nested in elsewhere, outermost first (a theme of the
   * built-in glossary extended by id). It goes under the innermost of them this file defines;
   * those it lacks are written around it with their id and labels only (files merge by theme id).
   */
  ancestors?: ReadonlyArray<Pick<NewTheme, 'id' | 'label' | 'labelEn'>>;
}

export interface AddTermRequest {
  /** the term as selected; runs of white space become one space */
  term: string;
  /** the theme to add it to (may be omitted when `newTheme` is given) */
  themeId?: string;
  /** create this theme (with the term as its first term) instead of using an existing one */
  newTheme?: NewTheme;
  gloss?: string;
  en?: string;
}

export interface AddTermResult {
  /** the new text of the file */
  text: string;
  /** 1-based line and column of the new term in `text` */
  line: number;
  column: number;
  /** the theme the term was added to */
  themeId: string;
  /** true: only new lines were inserted; false: the library wrote the whole document again */
  layoutKept: boolean;
}

export type GlossaryEditProblem = 'yaml' | 'structure' | 'empty-term' | 'duplicate-term' | 'unknown-theme' | 'invalid-id' | 'duplicate-theme' | 'empty-label';

/** Why a term cannot be added; `line`/`column` (1-based) say where in the file, when it is the file's fault. */
export class GlossaryEditError extends Error {
  constructor(
    readonly problem: GlossaryEditProblem,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'GlossaryEditError';
  }
}

/** The term as it is written into the file: white space runs made one space, trimmed. */
export function cleanTerm(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of a new glossary file holding one theme (in the ancestors given) and its first term. */
function newFileText(request: AddTermRequest, theme: NewTheme, eol: string): string {
  const doc = new Document({ version: 1, themes: [wrapped(themeObject(theme, termObject(request)), theme.ancestors ?? [])] });
  doc.commentBefore = ' Thai Policy Lens glossary (format: version 1): themes and the terms that signal them.';
  return withEol(doc.toString(TO_STRING), eol);
}

/** The term as YAML data: a bare string when it has no gloss or English, else a mapping. */
function termObject(request: AddTermRequest): unknown {
  const term = cleanTerm(request.term);
  const en = request.en?.trim();
  const gloss = request.gloss?.trim();
  if (!en && !gloss) return term;
  const node: Record<string, string> = { term };
  if (en) node.en = en;
  if (gloss) node.gloss = gloss;
  return node;
}

function themeObject(theme: NewTheme, term: unknown): Record<string, unknown> {
  const node: Record<string, unknown> = { id: theme.id, label: theme.label.trim() };
  if (theme.labelEn?.trim()) node.label_en = theme.labelEn.trim();
  if (theme.color) node.color = theme.color;
  if (theme.gloss?.trim()) node.gloss = theme.gloss.trim();
  node.terms = [term];
  return node;
}

/** A theme item nested in skeletons of `ancestors` (outermost first): id and labels only. */
function wrapped(item: Record<string, unknown>, ancestors: NonNullable<NewTheme['ancestors']>): Record<string, unknown> {
  let out = item;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i];
    const node: Record<string, unknown> = { id: a.id, label: a.label.trim() };
    if (a.labelEn?.trim()) node.label_en = a.labelEn.trim();
    node.themes = [out];
    out = node;
  }
  return out;
}

function withEol(text: string, eol: string): string {
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

/** A mapping's value for `key` (the Pair too, to tell "absent" from "empty"). */
function pairOf(map: YAMLMap, key: string): Pair<unknown, unknown> | undefined {
  return (map.items as Pair<unknown, unknown>[]).find((p) => isScalar(p.key) && p.key.value === key);
}

/** Every theme mapping of the document by id, depth first. */
function themeMaps(root: YAMLMap): Map<string, YAMLMap> {
  const out = new Map<string, YAMLMap>();
  const walk = (seq: unknown): void => {
    if (!isSeq(seq)) return;
    for (const item of seq.items) {
      if (!isMap(item)) continue;
      const id = item.get('id');
      if (typeof id === 'string' && !out.has(id)) out.set(id, item);
      walk(pairOf(item, 'themes')?.value);
    }
  };
  walk(pairOf(root, 'themes')?.value);
  return out;
}

/** The terms (and their aliases) of one theme mapping, normalized, with the canonical term. */
function existingTerms(theme: YAMLMap): Map<string, string> {
  const out = new Map<string, string>();
  const seq = pairOf(theme, 'terms')?.value;
  if (!isSeq(seq)) return out;
  for (const item of seq.items) {
    if (isScalar(item) && typeof item.value === 'string') out.set(normalizeTerm(item.value), item.value);
    else if (isMap(item)) {
      const term = item.get('term');
      if (typeof term !== 'string') continue;
      out.set(normalizeTerm(term), term);
      const aliases = item.get('aliases');
      const list = isSeq(aliases) ? aliases.items.map((a) => (isScalar(a) ? a.value : undefined)) : [isScalar(aliases) ? aliases.value : aliases];
      for (const alias of list) if (typeof alias === 'string') out.set(normalizeTerm(alias), term);
    }
  }
  return out;
}

/**
 * Adds a term to a theme of a glossary file's text (or a new theme with the term), keeping the
 * rest of the file. An empty text gives a new glossary file. Throws a GlossaryEditError when
 * the text is not valid YAML or not a glossary (with the line and column), when the theme is not
 * in this file, when the term is empty or already in the theme (as a term or an alias), or when
 * a new theme's id is invalid or already used in the file.
 */
export function addTermToGlossary(text: string, request: AddTermRequest): AddTermResult {
  const term = cleanTerm(request.term);
  if (normalizeTerm(term) === '') throw new GlossaryEditError('empty-term', l10n.t('the term is empty'));
  const newTheme = request.newTheme;
  if (newTheme) {
    if (!ID_PATTERN.test(newTheme.id)) {
      throw new GlossaryEditError('invalid-id', l10n.t('invalid theme id "{0}": use lower-case letters, digits and "-", starting with a letter or digit', newTheme.id));
    }
    if (!newTheme.label.trim()) throw new GlossaryEditError('empty-label', l10n.t('the new theme needs a label'));
    if (request.themeId && request.themeId !== newTheme.id) {
      throw new GlossaryEditError('structure', l10n.t('themeId "{0}" and the new theme\'s id "{1}" differ', request.themeId, newTheme.id));
    }
  } else if (!request.themeId) throw new GlossaryEditError('unknown-theme', l10n.t('no theme given'));
  const themeId = newTheme?.id ?? request.themeId!;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const at = lines.linePos(e.pos[0]);
    const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new GlossaryEditError('yaml', l10n.t('invalid YAML at line {0}, column {1}: {2}', at.line, at.col, message), at.line, at.col);
  }
  if (doc.contents === null) {
    // an empty file, or one with only comments: a new glossary after them
    if (!newTheme || newTheme.parentId) throw new GlossaryEditError('unknown-theme', l10n.t('theme "{0}" is not defined in this file', newTheme?.parentId ?? themeId));
    const fresh = text.trim() === '' ? newFileText(request, newTheme, eol) : text.trimEnd() + eol + newFileText(request, newTheme, eol);
    return locate(fresh, themeId, term, true);
  }
  const root = doc.contents;
  if (!isMap(root)) throw new GlossaryEditError('structure', l10n.t('the file is not a glossary: it must be a mapping with "version" and "themes"'), 1, 1);
  const themes = themeMaps(root);

  let target: YAMLMap | undefined;
  /** the theme the new one goes into (its parent, or the innermost ancestor the file defines) */
  let holderId: string | undefined;
  /** the ancestors the file lacks, written around the new theme */
  let missing: NonNullable<NewTheme['ancestors']> = [];
  if (newTheme) {
    if (themes.has(newTheme.id)) {
      const at = lines.linePos(themes.get(newTheme.id)!.range?.[0] ?? 0);
      throw new GlossaryEditError('duplicate-theme', l10n.t('theme id "{0}" is already used in this file (line {1})', newTheme.id, at.line), at.line, at.col);
    }
    if (newTheme.parentId) {
      holderId = newTheme.parentId;
      target = themes.get(newTheme.parentId);
      if (!target) throw new GlossaryEditError('unknown-theme', l10n.t('theme "{0}" is not defined in this file', newTheme.parentId));
    } else if (newTheme.ancestors?.length) {
      const ancestors = newTheme.ancestors;
      let i = ancestors.length - 1;
      while (i >= 0 && !themes.has(ancestors[i].id)) i--;
      if (i >= 0) {
        holderId = ancestors[i].id;
        target = themes.get(holderId);
      }
      missing = ancestors.slice(i + 1);
    }
  } else {
    target = themes.get(themeId);
    if (!target) throw new GlossaryEditError('unknown-theme', l10n.t('theme "{0}" is not defined in this file', themeId));
    const already = existingTerms(target).get(normalizeTerm(term));
    if (already !== undefined) {
      const message = already === term || normalizeTerm(already) === normalizeTerm(term) ? l10n.t('"{0}" is already a term of theme "{1}"', term, themeId) : l10n.t('"{0}" is already an alias of "{1}" in theme "{2}"', term, already, themeId);
      throw new GlossaryEditError('duplicate-term', message);
    }
  }

  // the list to append to, and what to append
  const holder = newTheme ? target ?? root : target!;
  const listKey = newTheme ? 'themes' : 'terms';
  const itemData = newTheme ? wrapped(themeObject(newTheme, termObject(request)), missing) : termObject(request);
  const spliced = spliceIntoBlockList(text, holder, listKey, itemData, eol);
  if (spliced !== undefined) {
    try {
      return locate(spliced, themeId, term, true);
    } catch {
      // an unusual layout the splice got wrong: let the library write the document instead
    }
  }
  return locate(rewriteWithDocument(text, newTheme ? holderId : themeId, !!newTheme, itemData), themeId, term, false);
}

/** The YAML lines of one list item (`- ...`), indented by `indent` spaces, without a final newline. */
function itemLines(itemData: unknown, indent: number, eol: string): string {
  const rendered = new Document([itemData]).toString(TO_STRING).replace(/\n$/, '');
  const pad = ' '.repeat(indent);
  return rendered
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join(eol);
}

/** Offset of the start of the line that holds `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where new lines go after a node that ends at `end`: the start of the following line. */
function afterLine(text: string, end: number): { at: number; needsEol: boolean } {
  if (end > 0 && text[end - 1] === '\n') return { at: end, needsEol: false };
  const nl = text.indexOf('\n', end);
  return nl < 0 ? { at: text.length, needsEol: true } : { at: nl + 1, needsEol: false };
}

/**
 * Inserts an item at the end of the block list `key` of `holder` (or a new `key:` list in it),
 * leaving every other line as it is. Undefined when the layout is not one this handles.
 */
function spliceIntoBlockList(text: string, holder: YAMLMap, key: string, itemData: unknown, eol: string): string | undefined {
  const pair = pairOf(holder, key);
  const value = pair?.value as YamlNode | null | undefined;
  if (pair && isSeq(value) && !value.flow && value.items.length > 0 && value.range) {
    const dash = value.range[0];
    if (text[dash] !== '-') return undefined;
    const indent = dash - lineStart(text, dash);
    const last = value.items[value.items.length - 1] as YamlNode;
    const end = last.range ? last.range[2] : value.range[2];
    const { at, needsEol } = afterLine(text, end);
    const insert = (needsEol ? eol : '') + itemLines(itemData, indent, eol) + eol;
    return text.slice(0, at) + insert + text.slice(at);
  }
  if (pair && isSeq(value) && value.flow && value.range) {
    if (value.items.length === 0) return replaceEmptyValue(text, pair, value.range[0], value.range[1], itemData, eol);
    // `[a, b]`: a bare term joins the list on its line; a term with a gloss needs the library
    const last = value.items[value.items.length - 1] as YamlNode;
    if (typeof itemData !== 'string' || !last.range || text[value.range[1] - 1] !== ']') return undefined;
    const flow = new Document([itemData]);
    (flow.contents as YAMLSeq).flow = true;
    const rendered = flow.toString(TO_STRING).trim().slice(1, -1);
    return text.slice(0, last.range[1]) + ', ' + rendered + text.slice(last.range[1]);
  }
  if (pair && (value === null || value === undefined || (isScalar(value) && value.value === null))) {
    const range = value?.range ?? (isScalar(pair.key) ? pair.key.range : undefined);
    if (!range) return undefined;
    return value ? replaceEmptyValue(text, pair, range[0], range[1], itemData, eol) : replaceEmptyValue(text, pair, range[1], range[1], itemData, eol);
  }
  if (pair) return undefined; // some other value: not a list
  if (!holder.range || holder.flow) return undefined;
  // no `key:` yet: add it, before `themes:` when adding `terms` (the spec's key order), else at the end
  const keyCol = holder.range[0] - lineStart(text, holder.range[0]);
  const block = ' '.repeat(keyCol) + `${key}:` + eol + itemLines(itemData, keyCol + 2, eol) + eol;
  const themesPair = key === 'terms' ? pairOf(holder, 'themes') : undefined;
  if (themesPair && isScalar(themesPair.key) && themesPair.key.range) {
    const at = lineStart(text, themesPair.key.range[0]);
    if (text.slice(at, themesPair.key.range[0]).trim() !== '') return undefined;
    return text.slice(0, at) + block + text.slice(at);
  }
  const { at, needsEol } = afterLine(text, holder.range[2]);
  return text.slice(0, at) + (needsEol ? eol : '') + block + text.slice(at);
}

/**
 * `key: []` or `key:` with no value (`[from, to)` is the value as written, possibly empty):
 * the value is removed and the list written as a block below the key, which keeps its comment.
 */
function replaceEmptyValue(text: string, pair: Pair<unknown, unknown>, from: number, to: number, itemData: unknown, eol: string): string | undefined {
  const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
  if (!keyRange) return undefined;
  const keyStart = keyRange[0];
  const start = lineStart(text, keyStart);
  if (text.slice(start, keyStart).replace(/^\s*-\s*/, '').trim() !== '') return undefined; // the key is not first on its line
  if (text.slice(keyRange[1], from).replace(/\s/g, '') !== ':') return undefined; // the value is not on the key's line
  const nl = text.indexOf('\n', to);
  const rest = text.slice(to, nl < 0 ? text.length : nl).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined;
  const keyCol = keyStart - start;
  // with a comment after the value, spaces keep the comment where it was; else no trailing spaces
  let cut = from;
  while (rest === '' && cut > keyRange[1] && (text[cut - 1] === ' ' || text[cut - 1] === '\t')) cut--;
  const edited = text.slice(0, cut) + (rest === '' ? '' : ' '.repeat(to - from)) + text.slice(to);
  const { at, needsEol } = afterLine(edited, cut);
  return edited.slice(0, at) + (needsEol ? eol : '') + itemLines(itemData, keyCol + 2, eol) + eol + edited.slice(at);
}

/**
 * Adds the item through the Document API and writes the whole document again: a new theme into
 * the theme `holderId` (the top level when absent), a term into the theme `holderId`.
 */
function rewriteWithDocument(text: string, holderId: string | undefined, newTheme: boolean, itemData: unknown): string {
  const doc = parseDocument(text, { uniqueKeys: false });
  const root = doc.contents as YAMLMap;
  const themes = themeMaps(root);
  const holder = holderId === undefined ? root : themes.get(holderId)!;
  const key = newTheme ? 'themes' : 'terms';
  const item = doc.createNode(itemData);
  const pair = pairOf(holder, key);
  const value = pair?.value;
  if (isSeq(value)) {
    value.items.push(item);
    if (value.flow && !isScalar(item)) value.flow = false;
  } else {
    const seq = new YAMLSeq(doc.schema);
    seq.items.push(item);
    if (pair) pair.value = seq;
    else if (key === 'terms' && pairOf(holder, 'themes')) {
      const index = holder.items.indexOf(pairOf(holder, 'themes') as (typeof holder.items)[number]);
      holder.items.splice(index, 0, doc.createPair('terms', seq) as (typeof holder.items)[number]);
    } else holder.set(key, seq);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return withEol(doc.toString(TO_STRING), eol);
}

/** Parses the new text and finds the new term's position; throws when the edit went wrong. */
function locate(text: string, themeId: string, term: string, layoutKept: boolean): AddTermResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  const root = doc.contents;
  if (doc.errors.length || !isMap(root)) throw new Error('internal error: the edited glossary does not parse');
  const theme = themeMaps(root).get(themeId);
  const seq = theme ? pairOf(theme, 'terms')?.value : undefined;
  if (!isSeq(seq)) throw new Error(`internal error: theme "${themeId}" has no terms after the edit`);
  for (let i = seq.items.length - 1; i >= 0; i--) {
    const item = seq.items[i] as YamlNode;
    const value = isMap(item) ? item.get('term') : isScalar(item) ? item.value : undefined;
    if (value === term && item.range) {
      const at = lines.linePos(item.range[0]);
      return { text, line: at.line, column: at.col, themeId, layoutKept };
    }
  }
  throw new Error(`internal error: the new term is not in theme "${themeId}" after the edit`);
}

/**
 * A glossary file holding one theme of `text` (a glossary file's text) as it is written there,
 * comments and layout included, re-indented; a nested theme comes inside skeletons of its
 * ancestors (id and labels only), so that, with glossary files merging by theme id, it stays
 * where it was. `header` (lines without `#`) is written first as a comment. Throws a
 * GlossaryEditError when the text does not parse or has no theme `themeId`.
 */
export function themeFileText(text: string, themeId: string, header: readonly string[] = []): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const src = eol === '\n' ? text : text.replace(/\r\n/g, '\n');
  const doc = parseDocument(src, { uniqueKeys: false });
  if (doc.errors.length || !isMap(doc.contents)) throw new GlossaryEditError('yaml', l10n.t('the glossary does not parse'));
  // the theme and the mappings of its ancestors, outermost first
  let found: { node: YAMLMap; ancestors: YAMLMap[] } | undefined;
  const walk = (seq: unknown, ancestors: YAMLMap[]): void => {
    if (!isSeq(seq) || found) return;
    for (const item of seq.items) {
      if (!isMap(item)) continue;
      if (item.get('id') === themeId) {
        found = { node: item, ancestors };
        return;
      }
      walk(pairOf(item, 'themes')?.value, [...ancestors, item]);
    }
  };
  walk(pairOf(doc.contents, 'themes')?.value, []);
  if (!found) throw new GlossaryEditError('unknown-theme', l10n.t('theme "{0}" is not defined in this file', themeId));
  const depth = found.ancestors.length;
  const scalar = (value: unknown) => new Document(value).toString(TO_STRING).trimEnd();
  const out: string[] = header.map((line) => (line ? `# ${line}` : '#'));
  out.push('version: 1', 'themes:');
  found.ancestors.forEach((a, i) => {
    const pad = ' '.repeat(2 + 4 * i);
    out.push(`${pad}- id: ${scalar(a.get('id'))}`, `${pad}  label: ${scalar(a.get('label'))}`);
    const en = a.get('label_en');
    if (typeof en === 'string') out.push(`${pad}  label_en: ${scalar(en)}`);
    out.push(`${pad}  themes:`);
  });
  const node = found.node;
  const range = node.range;
  const dash = range ? src.lastIndexOf('-', range[0]) : -1;
  const start = range ? lineStart(src, range[0]) : -1;
  if (range && !node.flow && dash >= start && src.slice(start, dash).trim() === '' && src.slice(dash + 1, range[0]).trim() === '') {
    // the theme's own lines, moved to their new depth
    const end = afterLine(src, range[1]).at;
    const shift = 2 + 4 * depth - (dash - start);
    for (const line of src.slice(start, end).replace(/\n$/, '').split('\n')) {
      const indent = line.length - line.trimStart().length;
      out.push(line.trim() === '' ? '' : ' '.repeat(Math.max(0, indent + shift)) + line.trimStart());
    }
  } else {
    // not a block item (a flow mapping, say): the library writes it, without its comments
    out.push(itemLines(node.toJSON(), 2 + 4 * depth, '\n'));
  }
  return withEol(out.join('\n') + '\n', eol);
}
