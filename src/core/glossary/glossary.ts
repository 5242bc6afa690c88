/**
 * Glossary files (docs/glossary-format.md): parsing with source positions, validation, and the
 * merged view of all loaded files (`GlossarySet`).
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Alias, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import * as l10n from '@vscode/l10n';
import { readPlainYaml } from './quickYaml';
import { normalizeTerm } from '../text/normalize';
import { lineColumnAt } from '../text/lines';
import { formatNumber } from '../text/locale';
import { COLOR_PATTERN } from '../text/color';
import { ID_PATTERN } from '../text/patterns';

/** Where something is written: 1-based line and column (UTF-16 code units). */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

export interface GlossaryDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface GlossaryTerm {
  /** the canonical term, as written */
  term: string;
  /** true: match only on Thai word edges */
  wholeWord: boolean;
  /**
   * `case_sensitive` as written: true, every Latin form matches only with the case it is
   * written in; false, in any case; absent, a form written in capitals (WHO, AI) matches only
   * in capitals and other forms in any case
   */
  caseSensitive?: boolean;
  en?: string;
  gloss?: string;
  /** other spellings, matched too and reported as `term` */
  aliases: string[];
  /** id of the theme the term belongs to */
  theme: string;
  source: SourcePos;
}

export interface GlossaryTheme {
  id: string;
  label: string;
  labelEn?: string;
  /** the colour as written; see `themeColor` for the colour to use */
  color?: string;
  gloss?: string;
  terms: GlossaryTerm[];
  /** nested sub-themes */
  themes: GlossaryTheme[];
  /** id of the enclosing theme, absent at the top level */
  parent?: string;
  /** 0 at the top level */
  depth: number;
  source: SourcePos;
}

/** Extra names for a country (`countries:` in a glossary). */
export interface GlossaryCountry {
  /** upper-case ISO 3166-1 alpha-2 (or a historical code) */
  code: string;
  aliases: string[];
  source: SourcePos;
}

export interface Glossary {
  file: string;
  version: 1;
  /** top-level themes, in file order */
  themes: GlossaryTheme[];
  countries: GlossaryCountry[];
}

export interface ParseResult {
  /** present when the file has no errors (it may have warnings) */
  glossary?: Glossary;
  errors: GlossaryDiagnostic[];
}

const COUNTRY_CODE_PATTERN = /^[A-Za-z]{2}$/;
/** A combining mark (tone marks, Thai vowels above and below, accents ...). */
const COMBINING_START = /^\p{M}/u;
const ROOT_KEYS = new Set(['version', 'themes', 'countries']);
const THEME_KEYS = new Set(['id', 'label', 'label_en', 'color', 'gloss', 'terms', 'themes']);
const TERM_KEYS = new Set(['term', 'whole_word', 'case_sensitive', 'en', 'gloss', 'aliases']);
const COUNTRY_KEYS = new Set(['code', 'aliases']);

/** Reads one YAML document into a Glossary, collecting diagnostics with positions. */
class GlossaryReader {
  readonly diagnostics: GlossaryDiagnostic[] = [];
  private readonly ids = new Set<string>();

  constructor(
    private readonly file: string,
    /** the document's root node */
    private readonly contents: unknown,
    /** the node each alias stands for (`resolveAliases`); absent where there can be none */
    private readonly aliases: ReadonlyMap<Alias, YamlNode> | undefined,
    private readonly lines: LineCounter,
    private readonly textLength: number,
  ) {}

  pos(node: YamlNode | null | undefined, fallback?: YamlNode | null): SourcePos {
    const range = node?.range ?? fallback?.range;
    const at = this.lines.linePos(Math.min(range ? range[0] : 0, this.textLength));
    return { file: this.file, line: Math.max(1, at.line), column: at.col };
  }

  report(severity: 'error' | 'warning', node: YamlNode | null | undefined, message: string, fallback?: YamlNode | null): void {
    const range = node?.range ?? fallback?.range;
    const start = this.pos(node, fallback);
    const diag: GlossaryDiagnostic = { file: this.file, line: start.line, column: start.column, message, severity };
    if (range) {
      const end = this.lines.linePos(Math.min(range[1], this.textLength));
      diag.endLine = Math.max(1, end.line);
      diag.endColumn = end.col;
    }
    this.diagnostics.push(diag);
  }

  /** Follows YAML aliases (`*name`) to the node they stand for (found once, in `resolveAliases`). */
  resolve(node: unknown): YamlNode | null {
    if (isAlias(node)) return this.aliases?.get(node) ?? null;
    return (node as YamlNode | null) ?? null;
  }

  /** The pairs of a mapping by key, warning about keys not in `known`. */
  entries(map: YAMLMap, known: Set<string>, where: 'glossary' | 'theme' | 'term' | 'country'): Map<string, Pair<YamlNode, YamlNode | null>> {
    const out = new Map<string, Pair<YamlNode, YamlNode | null>>();
    for (const pair of map.items as Pair<YamlNode, YamlNode | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) {
        this.report('warning', pair.key, where === 'glossary' ? l10n.t('unexpected key in the glossary') : where === 'theme' ? l10n.t('unexpected key in a theme') : where === 'term' ? l10n.t('unexpected key in a term') : l10n.t('unexpected key in a country'), map);
        continue;
      }
      if (!known.has(key)) this.report('warning', pair.key, where === 'glossary' ? l10n.t('unknown key "{0}" in the glossary', key) : where === 'theme' ? l10n.t('unknown key "{0}" in a theme', key) : where === 'term' ? l10n.t('unknown key "{0}" in a term', key) : l10n.t('unknown key "{0}" in a country', key), map);
      out.set(key, pair);
    }
    return out;
  }

  /** A scalar's text: strings as they are, numbers as written; undefined otherwise. */
  text(node: YamlNode | null): string | undefined {
    if (!isScalar(node)) return undefined;
    if (typeof node.value === 'string') return node.value;
    if (typeof node.value === 'number' || typeof node.value === 'bigint') return node.source ?? String(node.value);
    return undefined;
  }

  /** An optional string field; reports an error when present but not text. */
  optionalText(entries: Map<string, Pair<YamlNode, YamlNode | null>>, key: string): string | undefined {
    const pair = entries.get(key);
    if (!pair) return undefined;
    const value = this.resolve(pair.value);
    if (value === null || (isScalar(value) && value.value === null)) return undefined;
    const text = this.text(value);
    if (text === undefined) this.report('error', value, l10n.t('"{0}" must be text', key), pair.key);
    return text;
  }

  read(): Glossary | undefined {
    const root = this.resolve(this.contents);
    if (!isMap(root)) {
      this.report('error', root, l10n.t('a glossary must be a mapping with "version" and "themes"'));
      return undefined;
    }
    const entries = this.entries(root, ROOT_KEYS, 'glossary');
    const versionPair = entries.get('version');
    if (!versionPair) this.report('error', root, l10n.t('missing "version" (it must be 1)'));
    else {
      const v = this.resolve(versionPair.value);
      if (!isScalar(v) || v.value !== 1) this.report('error', v, l10n.t('unsupported "version": it must be 1'), versionPair.key);
    }
    const themes: GlossaryTheme[] = [];
    const themesPair = entries.get('themes');
    if (!themesPair) this.report('error', root, l10n.t('missing "themes" (a list of themes)'));
    else this.readThemes(themesPair, undefined, 0, themes);
    const countries: GlossaryCountry[] = [];
    const countriesPair = entries.get('countries');
    if (countriesPair) this.readCountries(countriesPair, countries);
    return { file: this.file, version: 1, themes, countries };
  }

  private readThemes(pair: Pair<YamlNode, YamlNode | null>, parent: string | undefined, depth: number, out: GlossaryTheme[]): void {
    const seq = this.resolve(pair.value);
    if (seq === null || (isScalar(seq) && seq.value === null)) return;
    if (!isSeq(seq)) {
      this.report('error', seq, l10n.t('"themes" must be a list'), pair.key);
      return;
    }
    for (const item of seq.items) {
      const theme = this.readTheme(this.resolve(item), parent, depth, seq);
      if (theme) out.push(theme);
    }
  }

  private readTheme(node: YamlNode | null, parent: string | undefined, depth: number, seq: YamlNode): GlossaryTheme | undefined {
    if (!isMap(node)) {
      this.report('error', node, l10n.t('a theme must be a mapping with "id" and "label"'), seq);
      return undefined;
    }
    const entries = this.entries(node, THEME_KEYS, 'theme');
    const source = this.pos(node);
    const idPair = entries.get('id');
    const id = idPair ? this.text(this.resolve(idPair.value)) : undefined;
    let ok = true;
    if (id === undefined || id === '') {
      this.report('error', idPair ? (this.resolve(idPair.value) ?? idPair.key) : node, l10n.t('theme is missing "id"'), node);
      ok = false;
    } else if (!ID_PATTERN.test(id)) {
      this.report('error', this.resolve(idPair!.value), l10n.t('invalid theme id "{0}": use lower-case letters, digits and "-", starting with a letter or digit', id));
      ok = false;
    } else if (this.ids.has(id)) {
      this.report('error', this.resolve(idPair!.value), l10n.t('duplicate theme id "{0}"', id));
      ok = false;
    } else this.ids.add(id);

    const labelPair = entries.get('label');
    const labelNode = labelPair ? this.resolve(labelPair.value) : null;
    const label = this.text(labelNode);
    if (label === undefined || label.trim() === '') {
      this.report('error', labelNode ?? labelPair?.key ?? node, id ? l10n.t('theme "{0}" is missing "label"', id) : l10n.t('theme is missing "label"'), node);
      ok = false;
    }
    const labelEn = this.optionalText(entries, 'label_en');
    const gloss = this.optionalText(entries, 'gloss');
    const color = this.optionalText(entries, 'color');
    if (color !== undefined && !COLOR_PATTERN.test(color.trim())) {
      this.report('error', this.resolve(entries.get('color')!.value), l10n.t('"{0}" is not a colour: use #rgb, #rrggbb or #rrggbbaa', color));
    }
    const themeId = id ?? '';
    const terms: GlossaryTerm[] = [];
    const termsPair = entries.get('terms');
    if (termsPair) this.readTerms(termsPair, themeId, terms);
    const children: GlossaryTheme[] = [];
    const childPair = entries.get('themes');
    if (childPair) this.readThemes(childPair, themeId, depth + 1, children);
    if (!ok) return undefined;
    const theme: GlossaryTheme = { id: themeId, label: label!, terms, themes: children, depth, source };
    if (labelEn !== undefined) theme.labelEn = labelEn;
    if (color !== undefined) theme.color = color.trim();
    if (gloss !== undefined) theme.gloss = gloss;
    if (parent !== undefined) theme.parent = parent;
    return theme;
  }

  private readTerms(pair: Pair<YamlNode, YamlNode | null>, theme: string, out: GlossaryTerm[]): void {
    const seq = this.resolve(pair.value);
    if (seq === null || (isScalar(seq) && seq.value === null)) return;
    if (!isSeq(seq)) {
      this.report('error', seq, l10n.t('"terms" must be a list'), pair.key);
      return;
    }
    const seen = new Map<string, SourcePos>();
    for (const raw of seq.items) {
      const node = this.resolve(raw);
      if (isMap(node)) {
        const term = this.readTermMap(node, theme);
        if (term) {
          this.checkRepeat(term.term, node, seq, seen);
          out.push(term);
        }
        continue;
      }
      const text = this.text(node);
      if (text === undefined && !(isScalar(node) && node.value === null)) {
        this.report('error', node, l10n.t('a term must be text or a mapping with "term"'), seq);
      } else if (this.checkTerm(text ?? '', node, seq)) {
        this.checkRepeat(text!, node, seq, seen);
        out.push({ term: text!.trim(), wholeWord: false, aliases: [], theme, source: this.pos(node, seq) });
      }
    }
  }

  /**
   * Reports an empty term (also one that normalization leaves empty), and one that starts with a
   * combining mark (a tone mark or a vowel written above or below a letter: alone it would match
   * inside words); true when usable.
   */
  private checkTerm(text: string, node: YamlNode | null, fallback: YamlNode, what = 'term'): boolean {
    const normalized = normalizeTerm(text);
    if (normalized === '') {
      this.report('error', node, what === 'term' ? l10n.t('empty term') : l10n.t('empty alias'), fallback);
      return false;
    }
    if (COMBINING_START.test(normalized)) {
      const mark = normalized.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      this.report('error', node, what === 'term' ? l10n.t('a term cannot start with a combining mark (U+{0}, a tone mark or a vowel written above or below a letter): it would match inside words', mark) : l10n.t('an alias cannot start with a combining mark (U+{0}, a tone mark or a vowel written above or below a letter): it would match inside words', mark), fallback);
      return false;
    }
    return true;
  }

  /** Warns of a term written twice in one theme (compared as normalized); `seen` holds the theme's terms so far. */
  private checkRepeat(text: string, node: YamlNode | null, fallback: YamlNode, seen: Map<string, SourcePos>): void {
    const key = normalizeTerm(text);
    const first = seen.get(key);
    if (first) this.report('warning', node, l10n.t('"{0}" is already a term of this theme (line {1}); written twice', text.trim(), first.line), fallback);
    else seen.set(key, this.pos(node, fallback));
  }

  private readTermMap(node: YAMLMap, theme: string): GlossaryTerm | undefined {
    const entries = this.entries(node, TERM_KEYS, 'term');
    const termPair = entries.get('term');
    if (!termPair) {
      this.report('error', node, l10n.t('term is missing "term"'));
      return undefined;
    }
    const termNode = this.resolve(termPair.value);
    const text = this.text(termNode);
    if (text === undefined && !(termNode === null || (isScalar(termNode) && termNode.value === null))) {
      this.report('error', termNode, l10n.t('"term" must be text'));
      return undefined;
    }
    if (!this.checkTerm(text ?? '', termNode, termPair.key)) return undefined;
    let wholeWord = false;
    const wwPair = entries.get('whole_word');
    if (wwPair) {
      const ww = this.resolve(wwPair.value);
      if (isScalar(ww) && typeof ww.value === 'boolean') wholeWord = ww.value;
      else if (!(isScalar(ww) && ww.value === null)) this.report('error', ww, l10n.t('"whole_word" must be true or false'), wwPair.key);
    }
    let caseSensitive: boolean | undefined;
    const csPair = entries.get('case_sensitive');
    if (csPair) {
      const cs = this.resolve(csPair.value);
      if (isScalar(cs) && typeof cs.value === 'boolean') caseSensitive = cs.value;
      else if (!(isScalar(cs) && cs.value === null)) this.report('error', cs, l10n.t('"case_sensitive" must be true or false'), csPair.key);
    }
    const aliases = this.readAliases(entries.get('aliases'));
    const term: GlossaryTerm = { term: text!.trim(), wholeWord, aliases, theme, source: this.pos(node) };
    if (caseSensitive !== undefined) term.caseSensitive = caseSensitive;
    const en = this.optionalText(entries, 'en');
    const gloss = this.optionalText(entries, 'gloss');
    if (en !== undefined) term.en = en;
    if (gloss !== undefined) term.gloss = gloss;
    return term;
  }

  /** `aliases`: a list of non-empty strings (a single string is accepted as a list of one). */
  private readAliases(pair: Pair<YamlNode, YamlNode | null> | undefined): string[] {
    if (!pair) return [];
    const value = this.resolve(pair.value);
    if (value === null || (isScalar(value) && value.value === null)) return [];
    const items = isSeq(value) ? value.items.map((i) => this.resolve(i)) : [value];
    const out: string[] = [];
    for (const item of items) {
      const text = this.text(item);
      if (text === undefined) this.report('error', item, l10n.t('an alias must be text'), pair.key);
      else if (this.checkTerm(text, item, pair.key, 'alias')) out.push(text.trim());
    }
    return out;
  }

  private readCountries(pair: Pair<YamlNode, YamlNode | null>, out: GlossaryCountry[]): void {
    const seq = this.resolve(pair.value);
    if (seq === null || (isScalar(seq) && seq.value === null)) return;
    if (!isSeq(seq)) {
      this.report('error', seq, l10n.t('"countries" must be a list'), pair.key);
      return;
    }
    for (const raw of seq.items) {
      const node = this.resolve(raw);
      if (!isMap(node)) {
        this.report('error', node, l10n.t('a country must be a mapping with "code" and "aliases"'), seq);
        continue;
      }
      const entries = this.entries(node, COUNTRY_KEYS, 'country');
      const codePair = entries.get('code');
      const code = codePair ? this.text(this.resolve(codePair.value)) : undefined;
      if (code === undefined || !COUNTRY_CODE_PATTERN.test(code)) {
        this.report('error', codePair ? this.resolve(codePair.value) : node, code === undefined ? l10n.t('country is missing "code"') : l10n.t('invalid country code "{0}": use ISO 3166-1 alpha-2', code), node);
        continue;
      }
      out.push({ code: code.toUpperCase(), aliases: this.readAliases(entries.get('aliases')), source: this.pos(node) });
    }
  }
}

/** How deep a glossary's YAML may nest (blocks, sequence items and flow collections together). */
export const MAX_YAML_NESTING = 100;
/** How many nodes YAML aliases (`*name`) may add to a glossary, all uses together. */
export const MAX_ALIAS_EXPANSION = 100_000;

/**
 * Where a YAML text nests deeper than `max` levels (indentation levels, sequence dashes on one
 * line, open flow brackets), as an offset; -1 when it does not. A cheap scan, so that neither
 * YAML reader recurses into a hostile depth.
 */
export function deepNesting(text: string, max = MAX_YAML_NESTING): number {
  const indents: number[] = [];
  let flow = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let p = start;
    while (p < end && (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09)) p++;
    if (p < end && text[p] !== '#' && text[p] !== '\r') {
      const indent = p - start;
      if (flow === 0) {
        while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
      }
      let dashes = 0;
      for (let q = p; q < end; q++) {
        const c = text[q];
        if (c === '#' && (q === p || text[q - 1] === ' ')) break;
        if (c === '"' || c === "'") {
          // skip a quoted scalar on this line
          const close = text.indexOf(c, q + 1);
          if (close < 0 || close > end) break;
          q = close;
          continue;
        }
        if (c === '[' || c === '{') flow++;
        else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
        else if (c === '-' && q === p + dashes * 2 && (text[q + 1] === ' ' || q + 1 === end)) dashes++;
        if (indents.length + dashes + flow > max) return q;
      }
    }
    start = end + 1;
  }
  return -1;
}

/**
 * The node each alias of a document stands for, found in one pass in document order (an alias
 * names the last anchor of that name before it), with the number of nodes the aliases add when
 * followed. An alias inside the node it names (a loop), or aliases that together add more than
 * `MAX_ALIAS_EXPANSION` nodes (an "alias bomb": a few hundred bytes that expand to billions), is
 * refused at that alias.
 */
export function resolveAliases(root: unknown, limit = MAX_ALIAS_EXPANSION): { targets: Map<Alias, YamlNode>; problem?: { alias: Alias; message: string } } {
  const anchors = new Map<string, YamlNode>();
  const targets = new Map<Alias, YamlNode>();
  /** expanded size of each finished node that has an anchor */
  const sizes = new Map<unknown, number>();
  let added = 0;
  type Frame = { node: unknown; children: unknown[]; next: number; size: number };
  const enter = (node: unknown): Frame => {
    const n = node as YamlNode & { anchor?: string };
    if (!isAlias(node) && n && typeof n === 'object' && n.anchor) anchors.set(n.anchor, n);
    const children: unknown[] = isCollection(node) ? (node.items as unknown[]) : isPair(node) ? [node.key, node.value] : [];
    return { node, children, next: 0, size: 1 };
  };
  const stack: Frame[] = [enter(root)];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (child === null || child === undefined) continue;
      if (isAlias(child)) {
        const target = anchors.get(child.source);
        if (!target) continue; // an unknown alias: the parser has reported it
        const size = sizes.get(target);
        if (size === undefined) return { targets, problem: { alias: child, message: l10n.t('the alias *{0} is inside the node it names (a loop)', child.source) } };
        targets.set(child, target);
        added += size;
        top.size += size;
        if (added > limit) {
          return { targets, problem: { alias: child, message: l10n.t('aliases expand to more than {0} nodes (a YAML alias bomb?); write the entries out instead', formatNumber(limit)) } };
        }
        continue;
      }
      stack.push(enter(child));
      continue;
    }
    stack.pop();
    const anchored = top.node as { anchor?: string };
    if (anchored && typeof anchored === 'object' && anchored.anchor) sizes.set(top.node, top.size);
    if (stack.length) stack[stack.length - 1].size += top.size;
  }
  return { targets };
}

/**
 * Parses and validates one glossary file. `glossary` is absent when there is any error.
 *
 * A file in the plain subset of YAML that glossaries are written in is read by the quick
 * reader of quickYaml.ts; when that reader gives up, or the file has anything to report,
 * the `yaml` package parses it (so every diagnostic comes from one parser). A file nested deeper
 * than `MAX_YAML_NESTING` levels is refused before either reads it.
 */
export function parseGlossary(text: string, file: string): ParseResult {
  const deep = deepNesting(text);
  if (deep >= 0) {
    const { line, column } = lineColumnAt(text, deep);
    return { errors: [{ file, line, column, message: l10n.t('the YAML is nested more than {0} levels deep', MAX_YAML_NESTING), severity: 'error' }] };
  }
  const plain = readPlainYaml(text);
  if (plain) {
    const reader = new GlossaryReader(file, plain.contents, undefined, plain.lines, text.length);
    const glossary = reader.read();
    if (glossary && reader.diagnostics.length === 0) return { glossary, errors: [] };
  }
  return parseGlossaryDocument(text, file);
}

/** `parseGlossary` with the `yaml` package's document parser (which keeps every source position). */
export function parseGlossaryDocument(text: string, file: string): ParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const yamlProblems: GlossaryDiagnostic[] = [];
  const diag = (pos: readonly [number, number], message: string, severity: 'error' | 'warning'): GlossaryDiagnostic => {
    const start = lines.linePos(Math.min(pos[0], text.length));
    const end = lines.linePos(Math.min(pos[1], text.length));
    return { file, line: Math.max(1, start.line), column: start.col, endLine: Math.max(1, end.line), endColumn: end.col, message, severity };
  };
  const toDiag = (e: { pos: [number, number]; message: string }, severity: 'error' | 'warning'): GlossaryDiagnostic =>
    diag(e.pos, l10n.t('invalid YAML: {0}', e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')), severity);
  for (const e of doc.errors) yamlProblems.push(toDiag(e, 'error'));
  if (yamlProblems.length > 0) return { errors: yamlProblems };
  for (const w of doc.warnings) yamlProblems.push(toDiag(w, 'warning'));
  const aliases = resolveAliases(doc.contents);
  if (aliases.problem) {
    const range = aliases.problem.alias.range ?? [0, 0];
    return { errors: [diag([range[0], range[1]], aliases.problem.message, 'error')] };
  }
  const reader = new GlossaryReader(file, doc.contents, aliases.targets, lines, text.length);
  const glossary = reader.read();
  const errors = [...yamlProblems, ...reader.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  return errors.some((e) => e.severity === 'error') ? { errors } : { glossary, errors };
}

/** A theme with the chain of themes that contain it (outermost first). */
export interface FlatTheme {
  theme: GlossaryTheme;
  ancestors: GlossaryTheme[];
}

/** An extra country name from a glossary. */
export interface CountryAlias {
  code: string;
  alias: string;
  source: SourcePos;
}

interface FileState {
  /** diagnostics of the text last given to `update` */
  diagnostics: GlossaryDiagnostic[];
  /** last version without errors, in force */
  good?: Glossary;
  goodText?: string;
}

interface MergedView {
  themes: GlossaryTheme[];
  flat: FlatTheme[];
  byId: Map<string, FlatTheme>;
  countryAliases: CountryAlias[];
  /** notes about themes merged across files (a different label ...), by the file of the later definition */
  conflicts: Map<string, GlossaryDiagnostic[]>;
}

/**
 * All loaded glossary files merged. A file with errors keeps its last good version in force.
 *
 * Files merge by theme id: a theme whose id an earlier file already defines is the same theme.
 * Its terms are added to that theme, its sub-themes go under it (or merge in turn), and it stays
 * where it was first defined. The first definition's label stays; its English label, colour and
 * gloss stay too, and where the first leaves one out, the first later file that gives it supplies
 * it. A later definition with another label or English label, or under another parent, gets a
 * warning at its file:line:column (never an error: the terms are added all the same). So a
 * workspace glossary adds terms to a built-in theme by declaring its id. Within one file an id
 * may appear once (the parser reports a repeat as an error).
 */
export class GlossarySet {
  private readonly states = new Map<string, FileState>();
  private merged?: MergedView;
  private _version = 0;

  /** Changes whenever the merged content changes. */
  get version(): number {
    return this._version;
  }

  /** Loads or reloads a file; returns its diagnostics (errors keep the last good version). */
  update(file: string, text: string): GlossaryDiagnostic[] {
    const result = parseGlossary(text, file);
    let state = this.states.get(file);
    if (!state) {
      state = { diagnostics: [] };
      this.states.set(file, state);
    }
    state.diagnostics = result.errors;
    if (result.glossary && state.goodText !== text) {
      state.good = result.glossary;
      state.goodText = text;
      this.changed();
    }
    return this.diagnostics(file);
  }

  /** Puts an already parsed glossary in force under its `file` (replacing that file). */
  put(glossary: Glossary): void {
    this.states.set(glossary.file, { diagnostics: [], good: glossary });
    this.changed();
  }

  /** Forgets a file; true when it was loaded. */
  remove(file: string): boolean {
    const state = this.states.get(file);
    if (!state) return false;
    this.states.delete(file);
    if (state.good) this.changed();
    return true;
  }

  private changed(): void {
    this._version++;
    this.merged = undefined;
  }

  /** The files loaded, in load order (the first definition of a theme id gives its label). */
  get files(): string[] {
    return [...this.states.keys()];
  }

  /** The version of a file in force (its last good one), if any. */
  glossary(file: string): Glossary | undefined {
    return this.states.get(file)?.good;
  }

  /** A file's diagnostics: its own, plus the warnings about its themes merged into earlier ones. */
  diagnostics(file: string): GlossaryDiagnostic[] {
    const state = this.states.get(file);
    if (!state) return [];
    const conflicts = this.view().conflicts.get(file) ?? [];
    return conflicts.length ? [...state.diagnostics, ...conflicts] : state.diagnostics;
  }

  /** Diagnostics of every loaded file. */
  allDiagnostics(): Map<string, GlossaryDiagnostic[]> {
    const out = new Map<string, GlossaryDiagnostic[]>();
    for (const file of this.states.keys()) out.set(file, this.diagnostics(file));
    return out;
  }

  /** Top-level themes of all files, in file order. */
  get themes(): GlossaryTheme[] {
    return this.view().themes;
  }

  /** Every theme (nested ones too), depth first in file order, each with its ancestors. */
  get flatThemes(): FlatTheme[] {
    return this.view().flat;
  }

  theme(id: string): GlossaryTheme | undefined {
    return this.view().byId.get(id)?.theme;
  }

  /** The themes enclosing `id`, outermost first. */
  ancestors(id: string): GlossaryTheme[] {
    return this.view().byId.get(id)?.ancestors ?? [];
  }

  /** The terms of one theme (not those of its sub-themes). */
  termsOf(themeId: string): GlossaryTerm[] {
    return this.theme(themeId)?.terms ?? [];
  }

  /** Every term of every theme, in file order. */
  get terms(): GlossaryTerm[] {
    return this.view().flat.flatMap((f) => f.theme.terms);
  }

  /** Extra country names from the glossaries' `countries:` sections. */
  get countryAliases(): CountryAlias[] {
    return this.view().countryAliases;
  }

  private view(): MergedView {
    if (this.merged) return this.merged;
    const view: MergedView = { themes: [], flat: [], byId: new Map(), countryAliases: [], conflicts: new Map() };
    /** the merged themes by id, each with the theme it is nested in */
    const merged = new Map<string, { theme: GlossaryTheme; parent?: GlossaryTheme }>();
    const warn = (file: string, at: SourcePos, message: string): void => {
      const list = view.conflicts.get(file) ?? [];
      list.push({ file, line: at.line, column: at.column, message, severity: 'warning' });
      view.conflicts.set(file, list);
    };
    const where = (p: SourcePos): string => `${p.file}:${p.line}:${p.column}`;
    /** Adds a theme of `file` (and its sub-themes) under `parent`, or merges it into the theme of the same id. */
    const admit = (file: string, theme: GlossaryTheme, parent: GlossaryTheme | undefined): void => {
      const earlier = merged.get(theme.id);
      if (earlier) {
        const first = earlier.theme;
                if (theme.label.trim() !== first.label.trim()) {
          warn(file, theme.source, l10n.t('theme "{0}" is already defined at {1} with the label «{2}»; that label stays (this file\'s terms are added to the theme)', theme.id, where(first.source), first.label));
        } else if (theme.labelEn !== undefined && first.labelEn !== undefined && theme.labelEn.trim() !== first.labelEn.trim()) {
          warn(file, theme.source, l10n.t('theme "{0}" is already defined at {1} with the English label "{2}"; that label stays (this file\'s terms are added to the theme)', theme.id, where(first.source), first.labelEn));
        }
        if ((earlier.parent?.id ?? '') !== (parent?.id ?? '')) {
          warn(file, theme.source, earlier.parent
            ? l10n.t('theme "{0}" is already defined at {1} under «{2}»; it stays there (this file\'s terms are added to it)', theme.id, where(first.source), earlier.parent.label)
            : l10n.t('theme "{0}" is already defined at {1} at the top level; it stays there (this file\'s terms are added to it)', theme.id, where(first.source)));
        }
        first.labelEn ??= theme.labelEn;
        first.color ??= theme.color;
        first.gloss ??= theme.gloss;
        first.terms.push(...theme.terms);
        for (const child of theme.themes) admit(file, child, first);
        return;
      }
      const copy: GlossaryTheme = { ...theme, terms: [...theme.terms], themes: [], depth: parent ? parent.depth + 1 : 0 };
      if (parent) copy.parent = parent.id;
      else delete copy.parent;
      merged.set(theme.id, { theme: copy, parent });
      if (parent) parent.themes.push(copy);
      else view.themes.push(copy);
      for (const child of theme.themes) admit(file, child, copy);
    };
    for (const [file, state] of this.states) {
      const g = state.good;
      if (!g) continue;
      for (const top of g.themes) admit(file, top, undefined);
      for (const c of g.countries) for (const alias of c.aliases) view.countryAliases.push({ code: c.code, alias, source: c.source });
    }
    // depth first, in the order the themes were first defined
    const walk = (themes: GlossaryTheme[], ancestors: GlossaryTheme[]): void => {
      for (const theme of themes) {
        const entry: FlatTheme = { theme, ancestors };
        view.flat.push(entry);
        view.byId.set(theme.id, entry);
        walk(theme.themes, [...ancestors, theme]);
      }
    };
    walk(view.themes, []);
    this.merged = view;
    return view;
  }
}

/** Colours readable on both light and dark backgrounds (Tableau 10, slightly adjusted). */
export const THEME_PALETTE: readonly string[] = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f',
  '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#8c8cd9',
];

/** The theme's colour, or a stable default picked by a hash of its id. */
export function themeColor(theme: Pick<GlossaryTheme, 'id' | 'color'>): string {
  if (theme.color) return theme.color;
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < theme.id.length; i++) {
    h ^= theme.id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return THEME_PALETTE[(h >>> 0) % THEME_PALETTE.length];
}
