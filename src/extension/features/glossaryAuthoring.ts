/**
 * Glossary authoring: "Add Selection to Glossary..." writes the selected words as a term of a
 * theme (or of a new theme) into a workspace glossary file, keeping the file's comments and
 * layout; a term of a built-in theme goes into a workspace glossary under the theme's own id
 * (glossary files merge by theme id, so it is one theme); a selection longer than 60 characters
 * or over a line break is asked about first; "Export Glossary as REFI-QDA Codebook (.qdc)..." and "Import REFI-QDA Codebook..."
 * exchange the glossary with qualitative-analysis tools (NVivo, ATLAS.ti, MAXQDA, QualCoder).
 *
 * Every command also takes an argument object that skips its dialogs (used by the tests), and
 * returns what it did, or `{ error }` with the message it showed.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { exists, freeGlossaryName, readText, writeTextAtomic } from '../services/files';
import { Disposable } from '../disposable';
import { openAt, showErrorAt } from '../ui/messages';
import { pickTheme, type ThemeChoice } from '../ui/themePicker';
import { formatNumber, NEW_GLOSSARY_FILE, plural } from '../../core';
import { GlossaryEditError, addTermToGlossary, cleanTerm, type NewTheme } from '../../core';
import type { FileTheme, GlossaryTheme } from '../../core';
import { ID_PATTERN } from '../../core';
import { normalizeTerm } from '../../core';
import { QdcError, decodeXml, glossaryToQdc, latinSlug, qdcToGlossary, safeFileStem } from '../../core';
import type { FeatureContext } from '../featureContext';
import { themeTitle } from '../../features/glossarySearch';
import { escapeIcons } from '../../features/markdown';
import { longTermQuestion } from '../../features/newTerm';

/** A selection longer than this is not taken as a term. */
export const MAX_TERM_LENGTH = 120;

/** `thaiPolicyLens.addToGlossary`'s argument, which skips the dialogs. */
export interface AddToGlossaryArgs {
  /** the term (else the editor's selection) */
  text?: string;
  /** an existing theme, or with `newTheme` the new theme's id */
  themeId?: string;
  newTheme?: { id: string; label: string; labelEn?: string };
  gloss?: string;
  en?: string;
  /** the glossary file to write to (a URI string); needed for a new or built-in theme */
  file?: string;
  /**
   * The answer to the question a long selection (or one over a line break) asks: with arguments
   * it is not asked, and such a selection is added only with `confirm: true`.
   */
  confirm?: boolean;
}

export type AddToGlossaryResult =
  | {
      /** the glossary file written (URI string) */
      file: string;
      /** 1-based line of the new term in that file */
      line: number;
      /** the theme the term was written to */
      themeId: string;
    }
  | { error: string };

export interface ExportCodebookArgs {
  /** where to write (a URI string) */
  file?: string;
}

export type ExportCodebookResult = { file: string; themes: number; terms: number } | { error: string };

export interface ImportCodebookArgs {
  /** the .qdc to read (a URI string) */
  file?: string;
  /** the glossary file to write (a URI string); default `<name>.glossary.yaml` in the workspace folder */
  target?: string;
  /** replace `target` when it exists (otherwise an existing file is never replaced) */
  overwrite?: boolean;
}

/** `file` is absent when nothing was new (every theme already loaded): nothing is written then. */
export type ImportCodebookResult = { file?: string; themes: number; terms: number; unchanged: number; warnings: string[] } | { error: string };

const isArgs = (arg: unknown): arg is Record<string, unknown> => !!arg && typeof arg === 'object' && !(arg instanceof vscode.Uri);

interface FilePickItem extends vscode.QuickPickItem {
  uri: vscode.Uri;
}

/** Where a term is to be written. */
interface Destination {
  uri: vscode.Uri;
  /** the theme id in that file */
  themeId: string;
  /** the theme to write first: a new one, or one defined elsewhere (a built-in theme) extended by its id */
  newTheme?: NewTheme;
}

/** True when `themes` (at any depth) has a theme with this id. */
function defines(themes: readonly GlossaryTheme[], id: string): boolean {
  return themes.some((t) => t.id === id || defines(t.themes, id));
}

/** The commands Add Selection to Glossary..., Export Glossary as REFI-QDA Codebook..., Import REFI-QDA Codebook.... */
export class GlossaryAuthoring extends Disposable {
  private output?: vscode.OutputChannel;

  constructor(
    private readonly ctx: FeatureContext,
    /** the themes made while tagging (the annotations file's), for the codebook */
    private readonly tags?: { fileThemes(uri?: vscode.Uri): FileTheme[] },
  ) {
    super();
    this.registerAll(
      vscode.commands.registerCommand('thaiPolicyLens.addToGlossary', (arg?: unknown) => this.addToGlossary(isArgs(arg) ? (arg as AddToGlossaryArgs) : undefined)),
      vscode.commands.registerCommand('thaiPolicyLens.exportCodebook', (arg?: unknown) => this.exportCodebook(isArgs(arg) ? (arg as ExportCodebookArgs) : undefined)),
      // from the explorer's context menu the argument is the file's Uri: the dialogs still run
      vscode.commands.registerCommand('thaiPolicyLens.importCodebook', (arg?: unknown) =>
        arg instanceof vscode.Uri ? this.importCodebook({ file: arg.toString() }, true) : this.importCodebook(isArgs(arg) ? (arg as ImportCodebookArgs) : undefined, !isArgs(arg)),
      ),
    );
  }

  override dispose(): void {
    this.output?.dispose();
    super.dispose();
  }

  private get set() {
    return this.ctx.glossaries.set;
  }

  private get folder(): vscode.Uri | undefined {
    return vscode.workspace.workspaceFolders?.[0]?.uri;
  }

  /** Shows why a command cannot do what was asked (with a button to the place, if any); returns it. */
  private fail(message: string, open?: { uri: vscode.Uri; line?: number; column?: number }): { error: string } {
    showErrorAt(l10n.t('Thai Policy Lens: {0}', message), open && { uri: open.uri, line: open.line ?? 1, column: open.column });
    return { error: message };
  }

  private isBuiltin(file: string): boolean {
    return this.ctx.glossaries.isBuiltinFile(file);
  }

  /** The workspace glossary files that define theme `id` themselves, in load order. */
  private workspaceFilesDefining(id: string): string[] {
    return this.set.files.filter((f) => !this.isBuiltin(f) && defines(this.set.glossary(f)?.themes ?? [], id));
  }

  private fileName(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, false);
  }

  // -------------------------------------------------------------------------------------------
  // Add to glossary

  async addToGlossary(args?: AddToGlossaryArgs): Promise<AddToGlossaryResult | undefined> {
    const withArgs = args !== undefined;
    await this.ctx.glossaries.whenIdle();
    const editor = vscode.window.activeTextEditor;
    const raw = args?.text ?? (editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '');
    const term = cleanTerm(raw);
    if (normalizeTerm(term) === '') return this.fail(l10n.t('select the words to add to the glossary first (the selection is empty).'));
    if (term.length > MAX_TERM_LENGTH) {
      return this.fail(l10n.t('the selection is {0} characters long; a glossary term is a word or a short phrase (at most {1} characters).', formatNumber(term.length), formatNumber(MAX_TERM_LENGTH)));
    }
    const question = longTermQuestion(raw);
    if (question) {
      const add = l10n.t('Add');
      const confirmed = withArgs ? args?.confirm === true : (await vscode.window.showWarningMessage(question, { modal: true }, add)) === add;
      if (!confirmed) return withArgs ? { error: l10n.t('not added: {0}', question) } : undefined;
    }

    // the theme
    let themeId = args?.themeId;
    let newTheme = args?.newTheme;
    if (!withArgs) {
      const choice = await this.pickTheme(term);
      if (!choice) return undefined;
      if (choice.isNew) {
        newTheme = await this.askNewTheme(choice.typed);
        if (!newTheme) return undefined;
      } else themeId = choice.themeId;
    }
    if (newTheme) {
      if (themeId && themeId !== newTheme.id) return this.fail(l10n.t('themeId "{0}" and the new theme\'s id "{1}" differ.', themeId, newTheme.id));
      const problem = this.checkNewThemeId(newTheme.id);
      if (problem) return this.fail(problem);
      if (!newTheme.label?.trim()) return this.fail(l10n.t('the new theme needs a label.'));
      themeId = newTheme.id;
    }
    const theme = newTheme ? undefined : themeId ? this.set.theme(themeId) : undefined;
    if (!newTheme && !theme) return this.fail(l10n.t('there is no theme "{0}" in the glossaries.', themeId ?? ''));
    if (theme) {
      const owner = this.duplicateIn(theme, term);
      if (owner) return this.fail(owner);
    }

    // gloss and English: Escape means none
    let gloss = args?.gloss;
    let en = args?.en;
    if (!withArgs) {
      gloss = await vscode.window.showInputBox({
        title: l10n.t('Thai Policy Lens: Add «{0}» to the Glossary (2/3)', escapeIcons(term)),
        prompt: l10n.t('Gloss: a short definition shown on hover (optional; Enter or Escape to leave it out)'),
        ignoreFocusOut: true,
      });
      en = await vscode.window.showInputBox({
        title: l10n.t('Thai Policy Lens: Add «{0}» to the Glossary (3/3)', escapeIcons(term)),
        prompt: l10n.t('English equivalent (optional; Enter or Escape to leave it out)'),
        ignoreFocusOut: true,
      });
    }

    // the file
    const destination = await this.destination(theme, newTheme, args?.file);
    if (!destination) return undefined;
    if ('error' in destination) return destination;
    return this.write(destination, term, gloss, en, withArgs);
  }

  /** A message when the term is already in the theme (whichever file gave it). */
  private duplicateIn(theme: GlossaryTheme, term: string): string | undefined {
    const key = normalizeTerm(term);
    for (const existing of theme.terms) {
      if (normalizeTerm(existing.term) === key) return l10n.t('«{0}» is already a term of theme «{1}».', term, themeTitle(theme));
      if (existing.aliases.some((a) => normalizeTerm(a) === key)) return l10n.t('«{0}» is already an alias of «{1}» in theme «{2}».', term, existing.term, themeTitle(theme));
    }
    return undefined;
  }

  private checkNewThemeId(id: string): string | undefined {
    if (!ID_PATTERN.test(id)) return l10n.t('"{0}" is not a valid theme id: use lower-case letters, digits and "-", starting with a letter or digit.', id);
    if (this.set.theme(id)) return l10n.t('the theme id "{0}" is already used.', id);
    return undefined;
  }

  /** The theme quick pick; before any typing the workspace's own themes come first, where terms are usually added. */
  private pickTheme(term: string): Promise<ThemeChoice | undefined> {
    const where = (themeId: string) => {
      const file = this.set.theme(themeId)?.source.file ?? '';
      return this.isBuiltin(file) ? l10n.t('built-in') : this.fileName(vscode.Uri.parse(file));
    };
    return pickTheme(this.set, {
      title: l10n.t('Thai Policy Lens: Add «{0}» to the Glossary (1/3)', escapeIcons(term)),
      placeholder: l10n.t('Theme (Thai or English label, or id)'),
      ignoreFocusOut: true,
      preferred: (themeId) => !this.isBuiltin(this.set.theme(themeId)?.source.file ?? ''),
      describe: (match) => (match.path ? `${where(match.themeId)} · ${match.path}` : where(match.themeId)),
    });
  }

  /** Asks the label and the id of a new theme; undefined when cancelled. */
  private async askNewTheme(typed: string): Promise<{ id: string; label: string } | undefined> {
    const label = await vscode.window.showInputBox({
      title: l10n.t('Thai Policy Lens: New Theme (label)'),
      prompt: l10n.t('Label of the new theme, as the tree shows it (e.g. การทูตดิจิทัล)'),
      value: typed,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? l10n.t('Write a label.') : undefined),
    });
    if (label === undefined) return undefined;
    let suggestion = latinSlug(label) ?? '';
    for (let n = 2; suggestion && this.set.theme(suggestion); n++) suggestion = `${latinSlug(label)}-${n}`;
    const id = await vscode.window.showInputBox({
      title: l10n.t('Thai Policy Lens: New Theme (id)'),
      prompt: l10n.t('Id of the new theme: lower-case letters, digits and "-" (e.g. digital-diplomacy); reports and tags refer to it'),
      value: suggestion,
      ignoreFocusOut: true,
      validateInput: (v) => this.checkNewThemeId(v.trim()),
    });
    if (id === undefined) return undefined;
    return { id: id.trim(), label: label.trim() };
  }

  /**
   * The file (and theme id in it) to write to: the workspace file that defines the theme; for a
   * theme no workspace file defines (a built-in one) or a new theme, the file given or chosen,
   * where a built-in theme is extended by its own id (glossary files merge by theme id).
   */
  private async destination(theme: GlossaryTheme | undefined, newTheme: AddToGlossaryArgs['newTheme'], file: string | undefined): Promise<Destination | { error: string } | undefined> {
    if (file && this.isBuiltin(file)) return this.fail(l10n.t('the built-in glossary cannot be changed; choose a workspace glossary file.'));
    let target: Destination;
    if (theme) {
      const own = this.workspaceFilesDefining(theme.id);
      if (file ? own.includes(file) : own.length > 0) return { uri: vscode.Uri.parse(file ?? own[0]), themeId: theme.id };
      const outer = this.set.ancestors(theme.id);
      const ancestors = outer.map((a) => ({ id: a.id, label: a.label, ...(a.labelEn ? { labelEn: a.labelEn } : {}) }));
      const spec: NewTheme = { id: theme.id, label: theme.label, ...(ancestors.length ? { ancestors } : {}) };
      if (theme.labelEn) spec.labelEn = theme.labelEn;
      target = { uri: vscode.Uri.file('/'), themeId: theme.id, newTheme: spec };
      // without a file given: the workspace file that extends the innermost of its ancestors, if any
      file ??= [...outer].reverse().map((a) => this.workspaceFilesDefining(a.id)[0]).find((f) => f !== undefined);
    } else target = { uri: vscode.Uri.file('/'), themeId: newTheme!.id, newTheme: newTheme! };
    if (file) target.uri = vscode.Uri.parse(file);
    else {
      const picked = await this.pickFile(target.newTheme!.label);
      if (!picked) return undefined;
      target.uri = picked;
    }
    if (this.isBuiltin(target.uri.toString())) return this.fail(l10n.t('the built-in glossary cannot be changed; choose a workspace glossary file.'));
    return target;
  }

  /** A quick pick of the workspace glossary files, and "Create policy.glossary.yaml". */
  private async pickFile(themeLabel: string): Promise<vscode.Uri | undefined> {
    const folder = this.folder;
    const items: FilePickItem[] = this.ctx.glossaries
      .workspaceFiles()
      .sort((a, b) => this.fileName(a).localeCompare(this.fileName(b)))
      .map((uri) => ({ label: `$(file) ${escapeIcons(this.fileName(uri))}`, uri }));
    if (folder) {
      const fresh = vscode.Uri.joinPath(folder, NEW_GLOSSARY_FILE);
      if (!items.some((i) => i.uri.toString() === fresh.toString())) items.push({ label: `$(new-file) ${l10n.t('Create {0}', NEW_GLOSSARY_FILE)}`, description: l10n.t('in the workspace folder'), uri: fresh });
    }
    if (items.length === 0) {
      void vscode.window.showErrorMessage(l10n.t('Thai Policy Lens: open a folder first; the glossary is written into it.'));
      return undefined;
    }
    const choice = await vscode.window.showQuickPick(items, {
      title: l10n.t('Thai Policy Lens: Add to the Glossary'),
      placeHolder: l10n.t('Glossary file for the theme «{0}»', escapeIcons(themeLabel)),
      ignoreFocusOut: true,
    });
    return choice?.uri;
  }

  /** Reads a file: the open document's text (with unsaved edits), else the disk; '' when it does not exist. */
  private async readText(uri: vscode.Uri): Promise<{ text: string; document?: vscode.TextDocument; exists: boolean }> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document) return { text: document.getText(), document, exists: true };
    try {
      return { text: await readText(uri), exists: true };
    } catch {
      return { text: '', exists: false };
    }
  }

  private async write(destination: Destination, term: string, gloss: string | undefined, en: string | undefined, withArgs: boolean): Promise<AddToGlossaryResult> {
    const { uri } = destination;
    const { text, document, exists: existed } = await this.readText(uri);
    let result;
    try {
      result = addTermToGlossary(text, { term, themeId: destination.themeId, newTheme: destination.newTheme, gloss, en });
    } catch (err) {
      if (err instanceof GlossaryEditError) {
        const where = err.problem === 'yaml' || err.problem === 'structure' ? { uri, line: err.line, column: err.column } : undefined;
        return this.fail(l10n.t('cannot add «{0}» to {1}: {2}', term, this.fileName(uri), err.message), where);
      }
      throw err;
    }
    if (document) {
      // one small edit (the inserted lines), so that undo takes back exactly this
      const edit = new vscode.WorkspaceEdit();
      let start = 0;
      while (start < text.length && text[start] === result.text[start]) start++;
      let end = 0;
      while (end < text.length - start && text[text.length - 1 - end] === result.text[result.text.length - 1 - end]) end++;
      edit.replace(uri, new vscode.Range(document.positionAt(start), document.positionAt(text.length - end)), result.text.slice(start, result.text.length - end));
      if (!(await vscode.workspace.applyEdit(edit))) return this.fail(l10n.t('could not edit {0}.', this.fileName(uri)));
      await document.save();
    } else {
      await writeTextAtomic(uri, result.text);
    }
    await this.ctx.glossaries.reload();
    const themeName = this.set.theme(result.themeId) ? themeTitle(this.set.theme(result.themeId)!) : result.themeId;
    const message = existed
      ? l10n.t('Thai Policy Lens: added «{0}» to theme «{1}» ({2}, line {3}).', term, themeName, this.fileName(uri), result.line)
      : l10n.t('Thai Policy Lens: added «{0}» to theme «{1}» ({2}, line {3}), a new glossary file.', term, themeName, this.fileName(uri), result.line);
    if (!withArgs) {
      const open = l10n.t('Open');
      void vscode.window.showInformationMessage(message, open).then(async (choice) => {
        if (choice === open) await openAt({ uri, line: result.line, column: result.column });
      });
    }
    return { file: uri.toString(), line: result.line, themeId: result.themeId };
  }

  // -------------------------------------------------------------------------------------------
  // REFI-QDA codebook

  async exportCodebook(args?: ExportCodebookArgs): Promise<ExportCodebookResult | undefined> {
    const withArgs = args !== undefined;
    await this.ctx.glossaries.whenIdle();
    const themes = this.set.themes;
    const tagThemes = this.tags?.fileThemes() ?? [];
    if (themes.length === 0 && tagThemes.length === 0) return this.fail(l10n.t('no glossary is loaded, so there is no codebook to export.'));
    let uri: vscode.Uri | undefined = args?.file ? vscode.Uri.parse(args.file) : undefined;
    if (!uri) {
      uri = await vscode.window.showSaveDialog({
        title: l10n.t('Export Glossary as REFI-QDA Codebook'),
        defaultUri: this.folder ? vscode.Uri.joinPath(this.folder, 'glossary.qdc') : undefined,
        filters: { [l10n.t('REFI-QDA Codebook')]: ['qdc'] },
        saveLabel: l10n.t('Export'),
      });
      if (!uri) return undefined;
    }
    const version = String(this.ctx.extension.extension.packageJSON.version ?? '');
    let xml: string;
    try {
      xml = glossaryToQdc(themes, { origin: `Thai Policy Lens ${version}`.trim(), tagThemes });
    } catch (err) {
      if (err instanceof QdcError) return this.fail(err.message);
      throw err;
    }
    await writeTextAtomic(uri, xml);
    const count = this.set.flatThemes.length;
    const terms = this.set.terms.length;
    if (!withArgs) void vscode.window.showInformationMessage(l10n.t('Thai Policy Lens: exported {0} and {1} to {2}.', themesCount(count), termsCount(terms), this.fileName(uri)));
    return { file: uri.toString(), themes: count, terms };
  }

  async importCodebook(args: ImportCodebookArgs | undefined, interactive: boolean): Promise<ImportCodebookResult | undefined> {
    const withArgs = !interactive;
    let source: vscode.Uri | undefined = args?.file ? vscode.Uri.parse(args.file) : undefined;
    if (!source) {
      const picked = await vscode.window.showOpenDialog({
        title: l10n.t('Import REFI-QDA Codebook'),
        defaultUri: this.folder,
        canSelectMany: false,
        filters: { [l10n.t('REFI-QDA Codebook')]: ['qdc'], XML: ['xml', 'qde'] },
        openLabel: l10n.t('Import'),
      });
      if (!picked?.length) return undefined;
      source = picked[0];
    }
    let xml: string;
    try {
      xml = decodeXml(await vscode.workspace.fs.readFile(source));
    } catch (err) {
      return this.fail(l10n.t('cannot read {0}: {1}', this.fileName(source), err instanceof Error ? err.message : String(err)));
    }
    const baseName = source.path.split('/').pop() ?? 'codebook.qdc';
    let result;
    try {
      const existing = [...this.set.flatThemes.map((f) => f.theme), ...(this.tags?.fileThemes() ?? [])];
      result = qdcToGlossary(xml, { sourceName: baseName, existing });
    } catch (err) {
      if (err instanceof QdcError) return this.fail(l10n.t('cannot import {0}: {1}', baseName, err.message));
      throw err;
    }
    if (result.themes === 0 && result.terms === 0) {
      // a codebook this glossary wrote: nothing to add, nothing written
      if (!withArgs) void vscode.window.showInformationMessage(l10n.t('Thai Policy Lens: every theme of {0} is already in the glossary; nothing was imported.', baseName));
      return { themes: 0, terms: 0, warnings: result.warnings, unchanged: result.unchanged };
    }

    let target = args?.target ? vscode.Uri.parse(args.target) : undefined;
    if (!target) {
      const folder = this.folder;
      if (!folder) return this.fail(l10n.t('open a folder first; the imported glossary is written into it.'));
      target = vscode.Uri.joinPath(folder, `${safeFileStem(baseName)}.glossary.yaml`);
    }
    if (await exists(target)) {
      if (withArgs && !args?.overwrite) return this.fail(l10n.t('{0} already exists; it was not replaced.', this.fileName(target)));
      if (!withArgs) {
        const keepBoth = l10n.t('Keep Both');
        const choice = await vscode.window.showWarningMessage(
          l10n.t('{0} already exists.', this.fileName(target)),
          { modal: true, detail: l10n.t('Replace it with the imported glossary, or write the import next to it under a new name?') },
          l10n.t('Replace'),
          keepBoth,
        );
        if (!choice) return undefined;
        if (choice === keepBoth) target = await freeGlossaryName(target);
      }
    }
    await writeTextAtomic(target, result.yaml);
    await this.ctx.glossaries.reload();
    if (result.warnings.length) {
      this.output ??= vscode.window.createOutputChannel(l10n.t('Thai Policy Lens: Codebook Import'));
      this.output.appendLine(`${baseName} -> ${this.fileName(target)}`);
      for (const w of result.warnings) this.output.appendLine(`  ${w}`);
    }
    if (!withArgs) {
      await vscode.window.showTextDocument(target);
      const n = result.warnings.length;
      const imported = [themesCount(result.themes), termsCount(result.terms), this.fileName(target)] as const;
      const message = n
        ? l10n.t('Thai Policy Lens: imported {0} and {1} into {2}. {3} in the output panel.', ...imported, plural(n, l10n.t('1 note'), l10n.t('{0} notes', formatNumber(n))))
        : l10n.t('Thai Policy Lens: imported {0} and {1} into {2}.', ...imported);
      const showNotes = l10n.t('Show Notes');
      void vscode.window
        .showInformationMessage(message, ...(n ? [showNotes] : []))
        .then((choice) => {
          if (choice === showNotes) this.output?.show();
        });
    }
    return { file: target.toString(), themes: result.themes, terms: result.terms, warnings: result.warnings, unchanged: result.unchanged };
  }
}

/** `1 theme`, `12 themes` */
function themesCount(n: number): string {
  return plural(n, l10n.t('1 theme'), l10n.t('{0} themes', formatNumber(n)));
}

/** `1 term`, `12 terms` */
function termsCount(n: number): string {
  return plural(n, l10n.t('1 term'), l10n.t('{0} terms', formatNumber(n)));
}
