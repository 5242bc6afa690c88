/**
 * The extension's settings (`thaiPolicyLens.*` in package.json, and `files.exclude`), read here
 * and nowhere else: typed, with their defaults, and one change event that says which changed.
 * Settings whose `scope` is `resource` are read for a document or folder with `for(uri)`; the
 * getters of `Settings` itself read them for the window (the first folder, as VS Code does).
 */
import * as vscode from 'vscode';
import { DEFAULT_ANNOTATIONS_FILE, DEFAULT_PAGE_MARKER, resolveContentLanguage, type ContentLanguage } from '../../core';
import { Disposable } from '../disposable';
import type { TreeSort } from '../../features/themeTreeModel';

const SECTION = 'thaiPolicyLens';

/** The settings, by their name under `thaiPolicyLens.` (`highlight` covers `highlight.*`), and `files.exclude`. */
export type SettingName =
  | 'languages'
  | 'highlight'
  | 'maxFileSize'
  | 'useBuiltinGlossary'
  | 'builtinPacks'
  | 'glossaryFiles'
  | 'referenceDate'
  | 'contentLanguage'
  | 'pageMarker'
  | 'tree.scope'
  | 'tree.showEmpty'
  | 'tree.sort'
  | 'thaiPolicyFiles'
  | 'annotationsFile'
  | 'coder'
  | 'onlyThaiDocuments'
  | 'index'
  | 'files.exclude';

export type HighlightCategory = 'themes' | 'countries' | 'dates';
export type TreeScope = 'document' | 'workspace';
export type { TreeSort };

/** What changed: `affects('languages', 'maxFileSize')` is true when either did. */
export interface SettingsChange {
  affects(...names: SettingName[]): boolean;
}

export const DEFAULT_LANGUAGES: readonly string[] = ['plaintext', 'markdown', 'thai-policy'];
export const DEFAULT_MAX_FILE_SIZE = 5_000_000;
export const DEFAULT_POLICY_FILES: readonly string[] = ['**/*.policy.txt'];
export const DEFAULT_INDEX_INCLUDE: readonly string[] = ['**/*.txt', '**/*.md', '**/*.markdown'];

/** The settings as they apply to one document or folder (`resource` scope), or to the window. */
export class ScopedSettings {
  constructor(private readonly scope?: vscode.ConfigurationScope) {}

  protected get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION, this.scope);
  }

  /** Language ids of the documents analysed (`*`: all). */
  get languages(): readonly string[] {
    return this.config.get<string[]>('languages', [...DEFAULT_LANGUAGES]);
  }

  /** The line between the pages of an imported PDF (`{n}` the page number; '' none). */
  get pageMarker(): string {
    return this.config.get<string>('pageMarker', DEFAULT_PAGE_MARKER);
  }

  /** Analyse only documents that contain Thai script (default), so English files are never marked. */
  get onlyThaiDocuments(): boolean {
    return this.config.get<boolean>('onlyThaiDocuments', true);
  }

  /** Documents longer than this many characters are not analysed. */
  get maxFileSize(): number {
    return this.config.get<number>('maxFileSize', DEFAULT_MAX_FILE_SIZE);
  }

  /** Extra glossary files as written (absolute, or relative to the folder read for). */
  get glossaryFiles(): readonly string[] {
    return strings(this.config.get<unknown>('glossaryFiles', []));
  }

  /** Globs of the plain-text files opened as Thai policy documents (blank and non-string ones left out). */
  get thaiPolicyFiles(): readonly string[] {
    return strings(this.config.get<unknown>('thaiPolicyFiles', [...DEFAULT_POLICY_FILES]));
  }

  /** The annotations file, relative to the folder read for, `/`-separated. */
  get annotationsFile(): string {
    const value = this.config.get<string>('annotationsFile', DEFAULT_ANNOTATIONS_FILE) || DEFAULT_ANNOTATIONS_FILE;
    return value.replace(/\\/g, '/');
  }

  /** The coder's name as set (`thaiPolicyLens.coder`), '' when not set. */
  get coder(): string {
    return (this.config.get<string>('coder', '') ?? '').trim();
  }

  /** Globs (relative to the folder) of the files the workspace index reads. */
  get indexInclude(): readonly string[] {
    return strings(this.config.get<unknown>('index.include', [...DEFAULT_INDEX_INCLUDE]));
  }

  /** Globs (relative to the folder) of the files the workspace index leaves out, besides `files.exclude`. */
  get indexExclude(): readonly string[] {
    return strings(this.config.get<unknown>('index.exclude', []));
  }

  /** The globs of `files.exclude` that are on. */
  get filesExclude(): string[] {
    const globs = vscode.workspace.getConfiguration('files', this.scope).get<Record<string, unknown>>('exclude', {});
    return Object.entries(globs)
      .filter(([, on]) => on === true)
      .map(([glob]) => glob);
  }
}

/** The non-blank strings of an array setting (a hand-edited settings.json may hold anything). */
function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
}

export class Settings extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<SettingsChange>());
  /** Fires when a setting of the extension (or `files.exclude`) changed. */
  readonly onDidChange = this.changed.event;
  private readonly window = new ScopedSettings();

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SECTION) && !e.affectsConfiguration('files.exclude')) return;
        this.changed.fire({ affects: (...names) => names.some((name) => e.affectsConfiguration(name === 'files.exclude' ? name : `${SECTION}.${name}`)) });
      }),
    );
  }

  /** The settings of a document or folder (its folder's values of `resource` settings). */
  for(scope: vscode.ConfigurationScope | undefined): ScopedSettings {
    return scope ? new ScopedSettings(scope) : this.window;
  }

  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  /** Language ids of the documents analysed (`*`: all), for the window. */
  get languages(): readonly string[] {
    return this.window.languages;
  }

  /** Whether a category of highlights is shown. */
  highlight(category: HighlightCategory): boolean {
    return vscode.workspace.getConfiguration(`${SECTION}.highlight`).get<boolean>(category, true);
  }

  /** Shows or hides a category of highlights (user setting). */
  async setHighlight(category: HighlightCategory, value: boolean): Promise<void> {
    await vscode.workspace.getConfiguration(`${SECTION}.highlight`).update(category, value, vscode.ConfigurationTarget.Global);
  }

  /** Documents longer than this many characters are not analysed (the window's value). */
  get maxFileSize(): number {
    return this.window.maxFileSize;
  }

  /** The reference date `YYYY-MM-DD` when one is set (and well formed); undefined: today. */
  get referenceDate(): string | undefined {
    const value = this.config.get<string>('referenceDate', '');
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  }

  /**
   * The language of the content shown (setting `contentLanguage`): Thai-first or English-first
   * theme labels and Thai Buddhist or English Gregorian dates; `auto` follows VS Code's language.
   */
  get contentLanguage(): ContentLanguage {
    return resolveContentLanguage(this.config.get<string>('contentLanguage', 'auto'), vscode.env.language);
  }

  get useBuiltinGlossary(): boolean {
    return this.config.get<boolean>('useBuiltinGlossary', true);
  }

  /** The ids of the built-in packs chosen (undefined: the setting is not set, so every pack). */
  get builtinPacks(): readonly string[] | undefined {
    return this.config.get<string[]>('builtinPacks');
  }

  /**
   * Chooses the built-in packs: written where the setting is already set (folder, workspace or
   * user settings), else to the user settings; choosing a pack also turns the built-in glossary on.
   */
  async setBuiltinPacks(ids: readonly string[]): Promise<void> {
    const config = this.config;
    const where = (key: string): vscode.ConfigurationTarget => {
      const inspected = config.inspect(key);
      if (inspected?.workspaceFolderValue !== undefined) return vscode.ConfigurationTarget.WorkspaceFolder;
      if (inspected?.workspaceValue !== undefined) return vscode.ConfigurationTarget.Workspace;
      return vscode.ConfigurationTarget.Global;
    };
    await config.update('builtinPacks', [...ids], where('builtinPacks'));
    if (ids.length > 0 && !this.useBuiltinGlossary) await config.update('useBuiltinGlossary', true, where('useBuiltinGlossary'));
  }

  /** Turns the built-in glossary on or off in this workspace (user setting without a folder). */
  async setUseBuiltinGlossary(value: boolean): Promise<void> {
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await this.config.update('useBuiltinGlossary', value, target);
  }

  /** Extra glossary files as written (absolute, or relative to the first workspace folder). */
  get glossaryFiles(): readonly string[] {
    return this.config.get<string[]>('glossaryFiles', []);
  }

  /**
   * The `glossaryFiles` entries that come from the workspace's or a folder's settings (untrusted:
   * they come with the folder), as opposed to the user's own settings.
   */
  get glossaryFilesFromWorkspace(): readonly string[] {
    const inspected = this.config.inspect<string[]>('glossaryFiles');
    return [...(inspected?.workspaceValue ?? []), ...(inspected?.workspaceFolderValue ?? [])];
  }

  /** What the Themes view lists. */
  get treeScope(): TreeScope {
    return this.config.get<string>('tree.scope') === 'workspace' ? 'workspace' : 'document';
  }

  /** Sets the Themes view's scope (workspace setting, or user setting without a folder), if it differs. */
  async setTreeScope(scope: TreeScope): Promise<void> {
    await this.setTreeOption('tree.scope', scope);
  }

  /** Whether the Themes view lists themes and terms that do not occur. */
  get treeShowEmpty(): boolean {
    return this.config.get<boolean>('tree.showEmpty', false);
  }

  /** How the Themes view orders themes and terms. */
  get treeSort(): TreeSort {
    return this.config.get<string>('tree.sort') === 'glossary' ? 'glossary' : 'count';
  }

  /** Sets a setting of the Themes view (workspace setting, or user setting without a folder), if it differs. */
  async setTreeOption(name: 'tree.scope' | 'tree.showEmpty' | 'tree.sort', value: TreeScope | boolean | TreeSort): Promise<void> {
    const config = this.config;
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    if (config.get(name) !== value) await config.update(name, value, target);
  }

  /** Globs of the plain-text files opened as Thai policy documents, for the window. */
  get thaiPolicyFiles(): readonly string[] {
    return this.window.thaiPolicyFiles;
  }

  /** The annotations file for the window (each folder's store reads its own: `for(folder.uri)`). */
  get annotationsFile(): string {
    return this.window.annotationsFile;
  }

  /** The globs of `files.exclude` that are on, for the window. */
  get filesExclude(): string[] {
    return this.window.filesExclude;
  }
}
