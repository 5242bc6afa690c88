/**
 * Glossary files (docs/glossary-format.md): parsing with source positions, validation, and the
 * merged view of all loaded files (`GlossarySet`).
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { readPlainYaml } from './quickYaml';
import { normalizeTerm } from '../text/normalize';
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
const ROOT_KEYS = new Set(['version', 'themes', 'countries']);
const THEME_KEYS = new Set(['id', 'label', 'label_en', 'color', 'gloss', 'terms', 'themes']);
const TERM_KEYS = new Set(['term', 'whole_word', 'en', 'gloss', 'aliases']);
const COUNTRY_KEYS = new Set(['code', 'aliases']);

/** Reads one YAML document into a Glossary, collecting diagnostics with positions. */
class GlossaryReader {
  readonly diagnostics: GlossaryDiagnostic[] = [];
  private readonly ids = new Set<string>();

  constructor(
    private readonly file: string,
    /** the document's root node */
    private readonly contents: unknown,
    /** the document, to resolve aliases in; absent where there can be none */
    private readonly doc: Document.Parsed | undefined,
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

  /** Follows YAML aliases (`*name`) to the node they stand for. */
  resolve(node: unknown): YamlNode | null {
    if (isAlias(node)) return (this.doc && (node.resolve(this.doc) as YamlNode | undefined)) ?? null;
    return (node as YamlNode | null) ?? null;
  }

  /** The pairs of a mapping by key, warning about keys not in `known`. */
  entries(map: YAMLMap, known: Set<string>, where: string): Map<string, Pair<YamlNode, YamlNode | null>> {
    const out = new Map<string, Pair<YamlNode, YamlNode | null>>();
    for (const pair of map.items as Pair<YamlNode, YamlNode | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) {
        this.report('warning', pair.key, `unexpected key in ${where}`, map);
        continue;
      }
      if (!known.has(key)) this.report('warning', pair.key, `unknown key "${key}" in ${where}`, map);
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
    if (text === undefined) this.report('error', value, `"${key}" must be text`, pair.key);
    return text;
  }

  read(): Glossary | undefined {
    const root = this.resolve(this.contents);
    if (!isMap(root)) {
      this.report('error', root, 'a glossary must be a mapping with "version" and "themes"');
      return undefined;
    }
    const entries = this.entries(root, ROOT_KEYS, 'the glossary');
    const versionPair = entries.get('version');
    if (!versionPair) this.report('error', root, 'missing "version" (it must be 1)');
    else {
      const v = this.resolve(versionPair.value);
      if (!isScalar(v) || v.value !== 1) this.report('error', v, 'unsupported "version": it must be 1', versionPair.key);
    }
    const themes: GlossaryTheme[] = [];
    const themesPair = entries.get('themes');
    if (!themesPair) this.report('error', root, 'missing "themes" (a list of themes)');
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
      this.report('error', seq, '"themes" must be a list', pair.key);
      return;
    }
    for (const item of seq.items) {
      const theme = this.readTheme(this.resolve(item), parent, depth, seq);
      if (theme) out.push(theme);
    }
  }

  private readTheme(node: YamlNode | null, parent: string | undefined, depth: number, seq: YamlNode): GlossaryTheme | undefined {
    if (!isMap(node)) {
      this.report('error', node, 'a theme must be a mapping with "id" and "label"', seq);
      return undefined;
    }
    const entries = this.entries(node, THEME_KEYS, 'a theme');
    const source = this.pos(node);
    const idPair = entries.get('id');
    const id = idPair ? this.text(this.resolve(idPair.value)) : undefined;
    let ok = true;
    if (id === undefined || id === '') {
      this.report('error', idPair ? (this.resolve(idPair.value) ?? idPair.key) : node, 'theme is missing "id"', node);
      ok = false;
    } else if (!ID_PATTERN.test(id)) {
      this.report('error', this.resolve(idPair!.value), `invalid theme id "${id}": use lower-case letters, digits and "-", starting with a letter or digit`);
      ok = false;
    } else if (this.ids.has(id)) {
      this.report('error', this.resolve(idPair!.value), `duplicate theme id "${id}"`);
      ok = false;
    } else this.ids.add(id);

    const labelPair = entries.get('label');
    const labelNode = labelPair ? this.resolve(labelPair.value) : null;
    const label = this.text(labelNode);
    if (label === undefined || label.trim() === '') {
      this.report('error', labelNode ?? labelPair?.key ?? node, `theme${id ? ` "${id}"` : ''} is missing "label"`, node);
      ok = false;
    }
    const labelEn = this.optionalText(entries, 'label_en');
    const gloss = this.optionalText(entries, 'gloss');
    const color = this.optionalText(entries, 'color');
    if (color !== undefined && !COLOR_PATTERN.test(color.trim())) {
      this.report('error', this.resolve(entries.get('color')!.value), `"${color}" is not a colour: use #rgb, #rrggbb or #rrggbbaa`);
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
      this.report('error', seq, '"terms" must be a list', pair.key);
      return;
    }
    for (const raw of seq.items) {
      const node = this.resolve(raw);
      if (isMap(node)) {
        const term = this.readTermMap(node, theme);
        if (term) out.push(term);
        continue;
      }
      const text = this.text(node);
      if (text === undefined && !(isScalar(node) && node.value === null)) {
        this.report('error', node, 'a term must be text or a mapping with "term"', seq);
      } else if (this.checkTerm(text ?? '', node, seq)) {
        out.push({ term: text!.trim(), wholeWord: false, aliases: [], theme, source: this.pos(node, seq) });
      }
    }
  }

  /** Reports an empty term (also one that normalization leaves empty); true when usable. */
  private checkTerm(text: string, node: YamlNode | null, fallback: YamlNode): boolean {
    if (normalizeTerm(text) === '') {
      this.report('error', node, 'empty term', fallback);
      return false;
    }
    return true;
  }

  private readTermMap(node: YAMLMap, theme: string): GlossaryTerm | undefined {
    const entries = this.entries(node, TERM_KEYS, 'a term');
    const termPair = entries.get('term');
    if (!termPair) {
      this.report('error', node, 'term is missing "term"');
      return undefined;
    }
    const termNode = this.resolve(termPair.value);
    const text = this.text(termNode);
    if (text === undefined && !(termNode === null || (isScalar(termNode) && termNode.value === null))) {
      this.report('error', termNode, '"term" must be text');
      return undefined;
    }
    if (!this.checkTerm(text ?? '', termNode, termPair.key)) return undefined;
    let wholeWord = false;
    const wwPair = entries.get('whole_word');
    if (wwPair) {
      const ww = this.resolve(wwPair.value);
      if (isScalar(ww) && typeof ww.value === 'boolean') wholeWord = ww.value;
      else if (!(isScalar(ww) && ww.value === null)) this.report('error', ww, '"whole_word" must be true or false', wwPair.key);
    }
    const aliases = this.readAliases(entries.get('aliases'));
    const term: GlossaryTerm = { term: text!.trim(), wholeWord, aliases, theme, source: this.pos(node) };
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
      if (text === undefined) this.report('error', item, 'an alias must be text', pair.key);
      else if (normalizeTerm(text) === '') this.report('error', item, 'empty alias', pair.key);
      else out.push(text.trim());
    }
    return out;
  }

  private readCountries(pair: Pair<YamlNode, YamlNode | null>, out: GlossaryCountry[]): void {
    const seq = this.resolve(pair.value);
    if (seq === null || (isScalar(seq) && seq.value === null)) return;
    if (!isSeq(seq)) {
      this.report('error', seq, '"countries" must be a list', pair.key);
      return;
    }
    for (const raw of seq.items) {
      const node = this.resolve(raw);
      if (!isMap(node)) {
        this.report('error', node, 'a country must be a mapping with "code" and "aliases"', seq);
        continue;
      }
      const entries = this.entries(node, COUNTRY_KEYS, 'a country');
      const codePair = entries.get('code');
      const code = codePair ? this.text(this.resolve(codePair.value)) : undefined;
      if (code === undefined || !COUNTRY_CODE_PATTERN.test(code)) {
        this.report('error', codePair ? this.resolve(codePair.value) : node, code === undefined ? 'country is missing "code"' : `invalid country code "${code}": use ISO 3166-1 alpha-2`, node);
        continue;
      }
      out.push({ code: code.toUpperCase(), aliases: this.readAliases(entries.get('aliases')), source: this.pos(node) });
    }
  }
}

/**
 * Parses and validates one glossary file. `glossary` is absent when there is any error.
 *
 * A file in the plain subset of YAML that glossaries are written in is read by the quick
 * reader of glossary-yaml.ts; when that reader gives up, or the file has anything to report,
 * the `yaml` package parses it (so every diagnostic comes from one parser).
 */
export function parseGlossary(text: string, file: string): ParseResult {
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
  const toDiag = (e: { pos: [number, number]; message: string }, severity: 'error' | 'warning'): GlossaryDiagnostic => {
    const start = lines.linePos(Math.min(e.pos[0], text.length));
    const end = lines.linePos(Math.min(e.pos[1], text.length));
    const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { file, line: Math.max(1, start.line), column: start.col, endLine: Math.max(1, end.line), endColumn: end.col, message: `invalid YAML: ${message}`, severity };
  };
  for (const e of doc.errors) yamlProblems.push(toDiag(e, 'error'));
  if (yamlProblems.length > 0) return { errors: yamlProblems };
  for (const w of doc.warnings) yamlProblems.push(toDiag(w, 'warning'));
  const reader = new GlossaryReader(file, doc.contents, doc, lines, text.length);
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
        const at = `"${theme.id}" is already defined at ${where(first.source)}`;
        if (theme.label.trim() !== first.label.trim()) {
          warn(file, theme.source, `theme ${at} with the label «${first.label}»; that label stays (this file's terms are added to the theme)`);
        } else if (theme.labelEn !== undefined && first.labelEn !== undefined && theme.labelEn.trim() !== first.labelEn.trim()) {
          warn(file, theme.source, `theme ${at} with the English label "${first.labelEn}"; that label stays (this file's terms are added to the theme)`);
        }
        if ((earlier.parent?.id ?? '') !== (parent?.id ?? '')) {
          const there = earlier.parent ? `under «${earlier.parent.label}»` : 'at the top level';
          warn(file, theme.source, `theme ${at} ${there}; it stays there (this file's terms are added to it)`);
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
