/**
 * The annotations file (`.policy-lens/annotations.json`): the passages analysts tagged by hand,
 * their notes, and the themes made for them that are in no glossary.
 *
 *   { "version": 1,
 *     "themes": [ { "id", "label", "labelEn"?, "color"? } ],
 *     "tags": [ { "id", "document", "theme", "note"?, "creator"?, "created", "modified",
 *                 "target": { "selector": [ TextQuoteSelector, TextPositionSelector ] },
 *                 "orphaned"?: true } ] }
 *
 * `parseAnnotationsFile` reads it with errors that name the line, column and field;
 * `serializeAnnotationsFile` writes it the same way every time (fixed key order, themes by id,
 * tags by document then position, 2-space indent, trailing newline) so it diffs well;
 * `mergeAnnotations` merges two versions that share a base (three-way, by id).
 *
 * Pure: no `vscode`, no Node modules.
 */
import * as l10n from '@vscode/l10n';
import { ParseErrorCode, visit } from 'jsonc-parser';
import type { TextPositionSelector, TextQuoteSelector } from './anchoring';
import { lineColumnAt } from '../text/lines';
import { COLOR_PATTERN } from '../text/color';
import { ID_PATTERN } from '../text/patterns';

export const ANNOTATIONS_VERSION = 1;

/** Where a workspace folder keeps its annotations file, relative to the folder (setting `thaiPolicyLens.annotationsFile`). */
export const DEFAULT_ANNOTATIONS_FILE = '.policy-lens/annotations.json';

/** A theme made for tagging, kept in the annotations file rather than a glossary. */
export interface FileTheme {
  id: string;
  label: string;
  labelEn?: string;
  /** `#rgb`, `#rrggbb` or `#rrggbbaa` */
  color?: string;
}

/** One tagged passage. */
export interface StoredTag {
  id: string;
  /** workspace-relative path with `/` separators */
  document: string;
  /** theme id: of a glossary, or of the file's own `themes` */
  theme: string;
  note?: string;
  /** the coder who made the tag (setting `thaiPolicyLens.coder`); absent in tags made before coders */
  creator?: string;
  /** ISO 8601 timestamps */
  created: string;
  modified: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** true when the passage could not be found in the document any more (its text is kept) */
  orphaned?: boolean;
}

export interface AnnotationsData {
  version: 1;
  themes: FileTheme[];
  tags: StoredTag[];
}

/** Why a file cannot be read: where (1-based line and column, UTF-16) and which field. */
export interface AnnotationsFileError {
  message: string;
  line: number;
  column: number;
  offset: number;
  /** JSON path of the field at fault, e.g. `tags[2].target.selector[0].exact` */
  field?: string;
}

export type ParseAnnotationsResult = { data: AnnotationsData; error?: undefined } | { data?: undefined; error: AnnotationsFileError };

export function emptyAnnotations(): AnnotationsData {
  return { version: 1, themes: [], tags: [] };
}

// ---------------------------------------------------------------------------------------------
// JSON with positions

/** How deep arrays and objects may nest (the file's own shape is 5 levels deep). */
export const MAX_JSON_DEPTH = 64;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** The value of a JSON text, and where the value (and the key) at the path asked for starts. */
interface PositionedJson {
  value: unknown;
  /** offset where the value at `locate` starts */
  valueAt?: number;
  /** offset where the key of the object member at `locate` starts */
  keyAt?: number;
}

/** What the reader expects next: it words the message of a syntax error. */
type Expecting = 'value' | 'key' | 'colon' | 'comma';

/**
 * Reads strict JSON (no comments, no trailing commas, no duplicate keys, at most
 * `MAX_JSON_DEPTH` levels) with `jsonc-parser`'s scanner and visitor. The first problem throws a
 * JsonSyntaxError with its offset. With `locate`, a JSON path such as `tags[2].target`, it also
 * finds where that value (and its key) starts: paths are only built then, when an error about
 * the content needs a position (100,000 tags read in a second instead of five).
 */
function readPositionedJson(text: string, locate?: string): PositionedJson {
  const found: PositionedJson = { value: undefined };
  type Frame = { container: Record<string, unknown> | unknown[]; path: string; key?: string };
  const stack: Frame[] = [];
  let root: unknown;
  let expecting: Expecting = 'value';

  const describe = (offset: number): string => {
    if (offset >= text.length) return l10n.t('end of file');
    const c = text[offset];
    return /\s/.test(c) ? l10n.t('white space') : l10n.t('character "{0}"', c);
  };
  /** Is the last character before `offset` that is not white space a comma? */
  const afterComma = (offset: number): boolean => {
    let p = offset - 1;
    while (p >= 0 && /\s/.test(text[p])) p--;
    return text[p] === ',';
  };
  /** A structural error, worded by what was expected at `offset`. */
  const unexpected = (offset: number): JsonSyntaxError => {
    const top = stack[stack.length - 1];
    const found = describe(offset);
    const c = text[offset];
    if ((c === ']' || c === '}') && (expecting === 'value' || expecting === 'key') && afterComma(offset)) return new JsonSyntaxError(l10n.t('a comma before "{0}" is not allowed in JSON', c), offset);
    switch (expecting) {
      case 'key':
        return new JsonSyntaxError(l10n.t('expected a property name in quotes, found {0}', found), offset);
      case 'colon':
        return new JsonSyntaxError(l10n.t('expected ":" after the key "{0}", found {1}', top?.key ?? '', found), offset);
      case 'value':
        return new JsonSyntaxError(l10n.t('expected a value, found {0}', found), offset);
      case 'comma':
        if (!top) return new JsonSyntaxError(l10n.t('unexpected {0} after the end of the JSON value', found), offset);
        if (Array.isArray(top.container)) return new JsonSyntaxError(l10n.t('expected "," or "]" after an item, found {0}', found), offset);
        return new JsonSyntaxError(l10n.t('expected "," or "}" after the value of "{0}", found {1}', top.key ?? '', found), offset);
    }
  };
  /** A problem inside a string token [offset, offset + length). */
  const stringError = (code: ParseErrorCode, offset: number, length: number): JsonSyntaxError => {
    const end = offset + length;
    if (code === ParseErrorCode.UnexpectedEndOfString) {
      if (end < text.length) return new JsonSyntaxError(l10n.t('a line break or control character inside a string (write it as \\n, \\t ...)'), end);
      return new JsonSyntaxError(l10n.t('unterminated string (missing closing ")'), offset);
    }
    for (let p = offset + 1; p < end; p++) {
      const c = text.charCodeAt(p);
      if (c < 0x20 && code === ParseErrorCode.InvalidCharacter) return new JsonSyntaxError(l10n.t('a line break or control character inside a string (write it as \\n, \\t ...)'), p);
      if (c === 0x5c) {
        const e = text[p + 1];
        const valid = e !== undefined && ('"\\/bfnrt'.includes(e) || (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(p + 2, p + 6))));
        if (!valid && code !== ParseErrorCode.InvalidCharacter) return new JsonSyntaxError(l10n.t('invalid escape "\\{0}" in a string', e ?? ''), p);
        p++;
      }
    }
    return new JsonSyntaxError(l10n.t('invalid string'), offset);
  };
  /** Puts a value in its container; returns its path when locating ('' otherwise). */
  const place = (value: unknown, offset: number): string => {
    const top = stack[stack.length - 1];
    let path = '';
    if (!top) root = value;
    else if (Array.isArray(top.container)) {
      if (locate !== undefined) path = `${top.path}[${top.container.length}]`;
      top.container.push(value);
    } else {
      if (locate !== undefined) path = top.path === '' ? top.key! : `${top.path}.${top.key!}`;
      top.container[top.key!] = value;
    }
    if (locate !== undefined && path === locate) found.valueAt = offset;
    return path;
  };
  const open = (container: Frame['container'], offset: number): void => {
    if (stack.length >= MAX_JSON_DEPTH) throw new JsonSyntaxError(l10n.t('nested more than {0} levels deep', MAX_JSON_DEPTH), offset);
    if (expecting !== 'value') throw unexpected(offset);
    stack.push({ container, path: place(container, offset) });
    expecting = Array.isArray(container) ? 'value' : 'key';
  };
  const close = (): void => {
    stack.pop();
    expecting = 'comma';
  };

  visit(
    text,
    {
      onObjectBegin: (offset) => open(Object.create(null) as Record<string, unknown>, offset),
      onArrayBegin: (offset) => open([], offset),
      onObjectEnd: close,
      onArrayEnd: close,
      onObjectProperty: (key, offset) => {
        const top = stack[stack.length - 1];
        if (Object.prototype.hasOwnProperty.call(top.container, key)) throw new JsonSyntaxError(l10n.t('duplicate key "{0}"', key), offset);
        top.key = key;
        if (locate !== undefined && (top.path === '' ? key : `${top.path}.${key}`) === locate) found.keyAt = offset;
        expecting = 'colon';
      },
      onSeparator: (separator) => {
        const top = stack[stack.length - 1];
        expecting = separator === ':' ? 'value' : top && !Array.isArray(top.container) ? 'key' : 'value';
      },
      onLiteralValue: (value, offset) => {
        if (expecting !== 'value') throw unexpected(offset);
        place(value, offset);
        expecting = 'comma';
      },
      onError: (code, offset, length) => {
        switch (code) {
          case ParseErrorCode.UnexpectedEndOfString:
          case ParseErrorCode.InvalidCharacter:
          case ParseErrorCode.InvalidEscapeCharacter:
          case ParseErrorCode.InvalidUnicode:
            throw stringError(code, offset, length);
          case ParseErrorCode.InvalidNumberFormat:
          case ParseErrorCode.UnexpectedEndOfNumber:
            throw new JsonSyntaxError(l10n.t('invalid number'), offset);
          case ParseErrorCode.InvalidCommentToken:
          case ParseErrorCode.UnexpectedEndOfComment:
            throw new JsonSyntaxError(l10n.t('comments are not allowed in JSON'), offset);
          default:
            throw unexpected(offset);
        }
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  found.value = root;
  return found;
}

// ---------------------------------------------------------------------------------------------
// Validation

class ShapeError extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly atKey = false,
  ) {
    super(message);
  }
}

const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const ROOT_KEYS = ['version', 'themes', 'tags'];
const THEME_KEYS = ['id', 'label', 'labelEn', 'color'];
const TAG_KEYS = ['id', 'document', 'theme', 'note', 'creator', 'created', 'modified', 'target', 'orphaned'];
const QUOTE_KEYS = ['type', 'exact', 'prefix', 'suffix'];
const POSITION_KEYS = ['type', 'start', 'end'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return l10n.t('a list');
  if (typeof v === 'object') return l10n.t('an object');
  if (typeof v === 'string') return l10n.t('text');
  return typeof v === 'number' ? l10n.t('a number') : typeof v === 'boolean' ? l10n.t('true or false') : typeof v;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function expectObject(v: unknown, path: string, what: string, known: readonly string[]): Record<string, unknown> {
  if (!isObject(v)) throw new ShapeError(path ? l10n.t('{0} must be {1}, not {2}', path, what, kindOf(v)) : l10n.t('the file must be {0}, not {1}', what, kindOf(v)), path);
  for (const key of Object.keys(v)) {
    if (!known.includes(key)) throw new ShapeError(path ? l10n.t('unknown field "{0}" in {1} (expected {2})', key, path, known.map((k) => `"${k}"`).join(', ')) : l10n.t('unknown field "{0}" in the file (expected {1})', key, known.map((k) => `"${k}"`).join(', ')), join(path, key), true);
  }
  return v;
}

function requiredText(o: Record<string, unknown>, key: string, path: string, allowEmpty = false): string {
  const field = join(path, key);
  if (!(key in o)) throw new ShapeError(l10n.t('{0} is missing "{1}"', path, key), path);
  const v = o[key];
  if (typeof v !== 'string') throw new ShapeError(l10n.t('{0} must be text, not {1}', field, kindOf(v)), field);
  if (!allowEmpty && v.trim() === '') throw new ShapeError(l10n.t('{0} must not be empty', field), field);
  return v;
}

function optionalText(o: Record<string, unknown>, key: string, path: string): string | undefined {
  if (!(key in o)) return undefined;
  const v = o[key];
  if (typeof v !== 'string') throw new ShapeError(l10n.t('{0} must be text, not {1}', join(path, key), kindOf(v)), join(path, key));
  return v;
}

function offsetField(o: Record<string, unknown>, key: string, path: string): number {
  const field = join(path, key);
  if (!(key in o)) throw new ShapeError(l10n.t('{0} is missing "{1}"', path, key), path);
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new ShapeError(l10n.t('{0} must be a whole number of at least 0', field), field);
  return v;
}

function timestampField(o: Record<string, unknown>, key: string, path: string): string {
  const v = requiredText(o, key, path);
  if (!TIMESTAMP_PATTERN.test(v) || Number.isNaN(Date.parse(v))) throw new ShapeError(l10n.t('{0} must be an ISO 8601 time such as "2025-11-22T09:30:00.000Z"', join(path, key)), join(path, key));
  return v;
}

function readTheme(v: unknown, path: string): FileTheme {
  const o = expectObject(v, path, l10n.t('an object with "id" and "label"'), THEME_KEYS);
  const id = requiredText(o, 'id', path);
  if (!ID_PATTERN.test(id)) throw new ShapeError(l10n.t('{0}.id "{1}" must use lower-case letters, digits and "-"', path, id), `${path}.id`);
  const theme: FileTheme = { id, label: requiredText(o, 'label', path) };
  const labelEn = optionalText(o, 'labelEn', path);
  if (labelEn !== undefined) theme.labelEn = labelEn;
  const color = optionalText(o, 'color', path);
  if (color !== undefined) {
    if (!COLOR_PATTERN.test(color)) throw new ShapeError(l10n.t('{0}.color "{1}" is not a colour: use #rgb, #rrggbb or #rrggbbaa', path, color), `${path}.color`);
    theme.color = color;
  }
  return theme;
}

/** Is a relative `/`-separated path free of `..`, `.` and empty parts (so it stays inside its folder)? */
export function isInsidePath(relative: string): boolean {
  return relative.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

function readTag(v: unknown, path: string): StoredTag {
  const o = expectObject(v, path, l10n.t('an object (a tag)'), TAG_KEYS);
  const id = requiredText(o, 'id', path);
  const document = requiredText(o, 'document', path);
  if (document.startsWith('/') || /^[a-zA-Z]:/.test(document) || document.includes('\\')) {
    throw new ShapeError(l10n.t('{0}.document must be a path relative to the workspace folder, with "/" separators', path), `${path}.document`);
  }
  if (!isInsidePath(document)) throw new ShapeError(l10n.t('{0}.document must be a path inside the workspace folder (no "..", "." or empty parts)', path), `${path}.document`);
  const theme = requiredText(o, 'theme', path);
  const note = optionalText(o, 'note', path);
  const creator = optionalText(o, 'creator', path);
  const created = timestampField(o, 'created', path);
  const modified = timestampField(o, 'modified', path);
  const targetPath = `${path}.target`;
  if (!('target' in o)) throw new ShapeError(l10n.t('{0} is missing "{1}"', path, 'target'), path);
  const target = expectObject(o.target, targetPath, l10n.t('an object with "selector"'), ['selector']);
  const selectorPath = `${targetPath}.selector`;
  if (!('selector' in target)) throw new ShapeError(l10n.t('{0} is missing "{1}"', targetPath, 'selector'), targetPath);
  const list = target.selector;
  if (!Array.isArray(list)) throw new ShapeError(l10n.t('{0} must be a list, not {1}', selectorPath, kindOf(list)), selectorPath);
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  list.forEach((s, i) => {
    const sPath = `${selectorPath}[${i}]`;
    if (!isObject(s)) throw new ShapeError(l10n.t('{0} must be an object, not {1}', sPath, kindOf(s)), sPath);
    const type = s.type;
    if (type === 'TextQuoteSelector') {
      if (quote) throw new ShapeError(l10n.t('{0}: a second TextQuoteSelector', sPath), sPath);
      expectObject(s, sPath, l10n.t('a TextQuoteSelector'), QUOTE_KEYS);
      quote = { type, exact: requiredText(s, 'exact', sPath, true), prefix: optionalText(s, 'prefix', sPath) ?? '', suffix: optionalText(s, 'suffix', sPath) ?? '' };
      if (quote.exact === '') throw new ShapeError(l10n.t('{0} must not be empty', `${sPath}.exact`), `${sPath}.exact`);
    } else if (type === 'TextPositionSelector') {
      if (position) throw new ShapeError(l10n.t('{0}: a second TextPositionSelector', sPath), sPath);
      expectObject(s, sPath, l10n.t('a TextPositionSelector'), POSITION_KEYS);
      position = { type, start: offsetField(s, 'start', sPath), end: offsetField(s, 'end', sPath) };
      if (position.end < position.start) throw new ShapeError(l10n.t('{0}.end must not be before its start', sPath), `${sPath}.end`);
    } else {
      throw new ShapeError(l10n.t('{0}.type must be "TextQuoteSelector" or "TextPositionSelector"', sPath), 'type' in s ? `${sPath}.type` : sPath);
    }
  });
  if (!quote) throw new ShapeError(l10n.t('{0} has no TextQuoteSelector', selectorPath), selectorPath);
  if (!position) throw new ShapeError(l10n.t('{0} has no TextPositionSelector', selectorPath), selectorPath);
  const tag: StoredTag = { id, document, theme, created, modified, quote, position };
  if (note !== undefined) tag.note = note;
  if (creator !== undefined && creator.trim() !== '') tag.creator = creator;
  if ('orphaned' in o) {
    if (typeof o.orphaned !== 'boolean') throw new ShapeError(l10n.t('{0}.orphaned must be true or false', path), `${path}.orphaned`);
    if (o.orphaned) tag.orphaned = true;
  }
  return tag;
}

function readRoot(v: unknown): AnnotationsData {
  const o = expectObject(v, '', l10n.t('an object with "version", "themes" and "tags"'), ROOT_KEYS);
  if (!('version' in o)) throw new ShapeError(l10n.t('the file is missing "version" (it must be 1)'), '');
  if (o.version !== ANNOTATIONS_VERSION) throw new ShapeError(l10n.t('unsupported version {0}: this extension reads version {1}', JSON.stringify(o.version), ANNOTATIONS_VERSION), 'version');
  const data = emptyAnnotations();
  for (const key of ['themes', 'tags'] as const) {
    if (key in o && !Array.isArray(o[key])) throw new ShapeError(l10n.t('{0} must be a list, not {1}', key, kindOf(o[key])), key);
  }
  const themeIds = new Set<string>();
  ((o.themes as unknown[] | undefined) ?? []).forEach((t, i) => {
    const theme = readTheme(t, `themes[${i}]`);
    if (themeIds.has(theme.id)) throw new ShapeError(l10n.t('{0}: duplicate theme id "{1}"', `themes[${i}].id`, theme.id), `themes[${i}].id`);
    themeIds.add(theme.id);
    data.themes.push(theme);
  });
  const tagIds = new Set<string>();
  ((o.tags as unknown[] | undefined) ?? []).forEach((t, i) => {
    const tag = readTag(t, `tags[${i}]`);
    if (tagIds.has(tag.id)) throw new ShapeError(l10n.t('{0}: duplicate tag id "{1}"', `tags[${i}].id`, tag.id), `tags[${i}].id`);
    tagIds.add(tag.id);
    data.tags.push(tag);
  });
  return data;
}

/**
 * Reads an annotations file. Any problem — invalid JSON, nesting deeper than `MAX_JSON_DEPTH`,
 * another version, a field of the wrong shape — is an error with its position. So is an empty
 * (or white-space-only) text: a file that does not exist holds no tags, but an empty one may be
 * another program's write caught half-way, and is never read as "no tags".
 */
export function parseAnnotationsFile(text: string): ParseAnnotationsResult {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    return { error: { message: l10n.t('the file is empty (an annotations file holds at least {"version": 1}); if another program is writing it, try again'), line: 1, column: 1, offset: 0 } };
  }
  let value: unknown;
  try {
    value = readPositionedJson(text).value;
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    const at = lineColumnAt(text, err.offset);
    return { error: { message: l10n.t('invalid JSON: {0}', err.message), ...at, offset: err.offset } };
  }
  try {
    return { data: readRoot(value) };
  } catch (err) {
    if (!(err instanceof ShapeError)) throw err;
    const located = readPositionedJson(text, err.field);
    const offset = (err.atKey ? located.keyAt : undefined) ?? located.valueAt ?? 0;
    const at = lineColumnAt(text, offset);
    const error: AnnotationsFileError = { message: err.message, ...at, offset };
    if (err.field !== '') error.field = err.field;
    return { error };
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Plain-code-unit order, the same on every machine (unlike `localeCompare`). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Tags in file order: by document, then start, end, id. */
export function compareTags(a: StoredTag, b: StoredTag): number {
  return compareText(a.document, b.document) || a.position.start - b.position.start || a.position.end - b.position.end || compareText(a.id, b.id);
}

function themeJson(t: FileTheme): Record<string, unknown> {
  const o: Record<string, unknown> = { id: t.id, label: t.label };
  if (t.labelEn !== undefined) o.labelEn = t.labelEn;
  if (t.color !== undefined) o.color = t.color;
  return o;
}

function tagJson(t: StoredTag): Record<string, unknown> {
  const o: Record<string, unknown> = { id: t.id, document: t.document, theme: t.theme };
  if (t.note !== undefined) o.note = t.note;
  if (t.creator !== undefined) o.creator = t.creator;
  o.created = t.created;
  o.modified = t.modified;
  o.target = {
    selector: [
      { type: 'TextQuoteSelector', exact: t.quote.exact, prefix: t.quote.prefix, suffix: t.quote.suffix },
      { type: 'TextPositionSelector', start: t.position.start, end: t.position.end },
    ],
  };
  if (t.orphaned) o.orphaned = true;
  return o;
}

/** The file's text: the same data always gives the same bytes. */
export function serializeAnnotationsFile(data: AnnotationsData): string {
  const themes = [...data.themes].sort((a, b) => compareText(a.id, b.id)).map(themeJson);
  const tags = [...data.tags].sort(compareTags).map(tagJson);
  return JSON.stringify({ version: ANNOTATIONS_VERSION, themes, tags }, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Merging

function sameTag(a: StoredTag, b: StoredTag): boolean {
  return JSON.stringify(tagJson(a)) === JSON.stringify(tagJson(b));
}

function sameTheme(a: FileTheme, b: FileTheme): boolean {
  return JSON.stringify(themeJson(a)) === JSON.stringify(themeJson(b));
}

/**
 * Three-way merge by id of one kind of record. A record changed on one side only takes that
 * side's version; changed on both, `pickBoth` decides. Deleted on one side and not edited on the
 * other: deleted. Deleted on one side but edited on the other (`edited`): the edited one is kept
 * (work is never lost to a deletion made without seeing it).
 */
function mergeById<T extends { id: string }>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  same: (a: T, b: T) => boolean,
  pickBoth: (ours: T, theirs: T) => T,
  edited: (original: T, now: T) => boolean = (original, now) => !same(original, now),
): T[] {
  const byId = (list: readonly T[]) => new Map(list.map((x) => [x.id, x] as const));
  const b = byId(base);
  const o = byId(ours);
  const t = byId(theirs);
  const ids = new Set([...o.keys(), ...t.keys()]);
  const out: T[] = [];
  for (const id of ids) {
    const mine = o.get(id);
    const other = t.get(id);
    const original = b.get(id);
    if (mine && other) {
      if (same(mine, other)) out.push(mine);
      else if (original && same(original, mine)) out.push(other);
      else if (original && same(original, other)) out.push(mine);
      else out.push(pickBoth(mine, other));
    } else if (mine) {
      // absent from theirs: new here, or deleted there
      if (!original || edited(original, mine)) out.push(mine);
    } else if (other) {
      if (!original || edited(original, other)) out.push(other);
    }
  }
  return out;
}

/** The later of two versions of a tag by `modified` (ours when equal). */
function laterTag(ours: StoredTag, theirs: StoredTag): StoredTag {
  return Date.parse(theirs.modified) > Date.parse(ours.modified) ? theirs : ours;
}

/**
 * Merges our version and theirs, both made from `base`: tags and themes are matched by id; for a
 * tag both sides changed, the later `modified` wins; for a theme both changed, ours. A tag
 * deleted on one side survives only if the other side edited it (a new `modified`: theme or
 * note); a tag that merely moved with its text is deleted.
 */
export function mergeAnnotations(base: AnnotationsData, ours: AnnotationsData, theirs: AnnotationsData): AnnotationsData {
  return {
    version: 1,
    themes: mergeById(base.themes, ours.themes, theirs.themes, sameTheme, (mine) => mine).sort((a, b) => compareText(a.id, b.id)),
    tags: mergeById(base.tags, ours.tags, theirs.tags, sameTag, laterTag, (original, now) => now.modified !== original.modified).sort(compareTags),
  };
}

// ---------------------------------------------------------------------------------------------
// Themes made while tagging

/**
 * An id for a new theme with this label, not in `taken`: a slug of a Latin label
 * (`Maritime Security` -> `maritime-security`), else `theme-<n>` (Thai labels), with `-2`, `-3`
 * ... added to a slug already taken.
 */
export function makeThemeId(label: string, taken: ReadonlySet<string>): string {
  const latin = /^[\u0020-\u007e\u00c0-\u024f]+$/.test(label.trim());
  const slug = latin
    ? label
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
    : '';
  if (slug !== '') {
    if (!taken.has(slug)) return slug;
    for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
  }
  for (let n = 1; ; n++) if (!taken.has(`theme-${n}`)) return `theme-${n}`;
}

// ---------------------------------------------------------------------------------------------
// One file per coder

/**
 * The folder of the coders' tag files, relative to the workspace folder: each coder's tags are
 * kept in `.policy-lens/tags/<coder-slug>.json` (the annotations file format), so that two
 * analysts tagging on separate git branches change separate files and never conflict on merge.
 * The annotations file (`.policy-lens/annotations.json`) keeps the themes and the tags without
 * a coder (made before coders were recorded).
 */
export const CODER_TAGS_DIR = '.policy-lens/tags';

/**
 * A coder's name as a file name: lower case, letters (any script, with their marks) and digits
 * kept, every other run of characters a `-`; `coder` when nothing is left. Never `.`/`..`,
 * never a separator.
 */
export function coderSlug(coder: string): string {
  const slug = coder
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug === '' ? 'coder' : slug;
}

/**
 * The folder of the coders' tag files for an annotations file: `tags` next to it
 * (`.policy-lens/annotations.json` -> `.policy-lens/tags`).
 */
export function coderTagsDir(annotationsFile: string): string {
  const file = annotationsFile.replace(/\\/g, '/');
  const slash = file.lastIndexOf('/');
  return `${slash < 0 ? '' : file.slice(0, slash + 1)}tags`;
}

/** The tag file of a coder, relative to the workspace folder (`/` separated). */
export function coderTagsFile(coder: string, dir = CODER_TAGS_DIR): string {
  return `${dir.replace(/\/+$/, '')}/${coderSlug(coder)}.json`;
}

/** True for the name of a coder's tag file inside `CODER_TAGS_DIR` (`*.json`, not hidden). */
export function isCoderTagsFileName(name: string): boolean {
  return /^[^./\\][^/\\]*\.json$/.test(name);
}

/**
 * The union of several annotations files (the annotations file and the coders' files): themes
 * and tags by id; a tag found in two files (a migration interrupted, a tag copied by hand) is
 * kept once, the later `modified` (the earlier file's when equal); a theme, the earlier file's.
 */
export function unionAnnotations(parts: readonly AnnotationsData[]): AnnotationsData {
  const themes = new Map<string, FileTheme>();
  const tags = new Map<string, StoredTag>();
  for (const part of parts) {
    for (const theme of part.themes) if (!themes.has(theme.id)) themes.set(theme.id, theme);
    for (const tag of part.tags) {
      const had = tags.get(tag.id);
      tags.set(tag.id, had ? laterTag(had, tag) : tag);
    }
  }
  return {
    version: 1,
    themes: [...themes.values()].sort((a, b) => compareText(a.id, b.id)),
    tags: [...tags.values()].sort(compareTags),
  };
}

/** What moving the tags of one annotations file into the coders' files writes. */
export interface CoderSplit {
  /** each coder's file (relative path) and its whole new content: what it had plus the moved tags */
  coderFiles: { file: string; data: AnnotationsData }[];
  /** what stays in the annotations file: its themes and the tags without a coder */
  rest: AnnotationsData;
  /** how many tags moved */
  moved: number;
}

/**
 * Splits `shared` (the annotations file) by coder: each tag with a `creator` goes to its coder's
 * file, joined with what that file already holds (`existing`, by relative path; union as in
 * `unionAnnotations`); the themes and the tags without a coder stay. Write every coder file
 * first, the rest last: until then the annotations file still holds every tag.
 */
export function splitByCoder(shared: AnnotationsData, existing: ReadonlyMap<string, AnnotationsData>, dir = CODER_TAGS_DIR): CoderSplit {
  const moving = new Map<string, StoredTag[]>();
  const staying: StoredTag[] = [];
  for (const tag of shared.tags) {
    if (tag.creator === undefined || tag.creator.trim() === '') {
      staying.push(tag);
      continue;
    }
    const file = coderTagsFile(tag.creator, dir);
    const list = moving.get(file);
    if (list) list.push(tag);
    else moving.set(file, [tag]);
  }
  const coderFiles = [...moving.keys()].sort(compareText).map((file) => ({
    file,
    data: unionAnnotations([existing.get(file) ?? emptyAnnotations(), { version: 1, themes: [], tags: moving.get(file) ?? [] }]),
  }));
  return {
    coderFiles,
    rest: { version: 1, themes: [...shared.themes].sort((a, b) => compareText(a.id, b.id)), tags: staying.sort(compareTags) },
    moved: shared.tags.length - staying.length,
  };
}
