/**
 * The built-in glossary files, read-only: they are shown through a read-only file system
 * (`thai-policy-lens-builtin:/<file>`), since an update of the extension replaces them and an
 * edit there would be lost. Two commands copy them into the workspace as editable glossaries:
 *
 * - Copy Built-in Theme into the Workspace (`thaiPolicyLens.copyBuiltinTheme`, `{ themeId? }`;
 *   without one, the theme at the cursor of the read-only glossary, or a quick pick): the theme
 *   as written, inside skeletons of its ancestors, into `<theme id>.glossary.yaml`. Files merge
 *   by theme id, so terms added there join the built-in theme.
 * - Copy Built-in Glossary into the Workspace (`thaiPolicyLens.copyBuiltinGlossary`, `{ file? }`):
 *   the whole file of one pack, and that pack turned off in this workspace (setting
 *   `thaiPolicyLens.builtinPacks`), so the copy replaces it and a term changed or removed there
 *   is changed or removed.
 *
 * Both open the copy and return `{ file }` (or `{ error }`); Open Glossary Entry offers them when
 * it opens a built-in entry.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { BUILTIN_PACKS, GlossaryEditError, selectPacks, themeFileText } from '../../core';
import { Disposable } from '../disposable';
import type { FeatureContext } from '../featureContext';
import { freeGlossaryName, readText, writeTextAtomic } from '../services/files';
import { openAt, showErrorAt } from '../ui/messages';
import { pickTheme } from '../ui/themePicker';

/** The scheme of the read-only view of the built-in glossary files. */
export const BUILTIN_SCHEME = 'thai-policy-lens-builtin';

export type CopyResult = { file: string } | { error: string };


export class BuiltinGlossary extends Disposable {
  private readonly folder: vscode.Uri;

  constructor(private readonly ctx: FeatureContext) {
    super();
    this.folder = vscode.Uri.joinPath(ctx.extension.extensionUri, 'glossaries');
    this.registerAll(
      vscode.workspace.registerFileSystemProvider(BUILTIN_SCHEME, new ReadOnlyFolder(this.folder), { isCaseSensitive: true, isReadonly: true }),
      vscode.commands.registerCommand('thaiPolicyLens.copyBuiltinTheme', (arg?: unknown) => this.copyTheme(themeIdOf(arg))),
      vscode.commands.registerCommand('thaiPolicyLens.copyBuiltinGlossary', (arg?: unknown) => this.copyGlossary(fileOf(arg))),
    );
  }

  /** The read-only view of a built-in glossary file (a file URI string), or undefined for any other file. */
  readOnlyUri(file: string): vscode.Uri | undefined {
    if (!this.ctx.glossaries.isBuiltinFile(file)) return undefined;
    return vscode.Uri.from({ scheme: BUILTIN_SCHEME, path: file.slice(this.folder.toString().length) });
  }

  /** The built-in file (a file URI string) behind a read-only view. */
  private realFile(uri: vscode.Uri): string {
    return vscode.Uri.joinPath(this.folder, uri.path).toString();
  }

  /** After Open Glossary Entry opened a built-in entry: says why it is read-only and offers the copies. */
  offerCopies(themeId: string | undefined): void {
    const COPY_THEME = l10n.t('Copy Theme into the Workspace');
    const COPY_GLOSSARY = l10n.t('Copy Glossary into the Workspace');
    const actions = themeId ? [COPY_THEME, COPY_GLOSSARY] : [COPY_GLOSSARY];
    void vscode.window
      .showInformationMessage(l10n.t('Thai Policy Lens: the built-in glossary is read-only (an update of the extension replaces it). Copy it into the workspace to edit it.'), ...actions)
      .then((choice) => {
        if (choice === COPY_THEME) void this.copyTheme(themeId);
        else if (choice === COPY_GLOSSARY) void this.copyGlossary(undefined);
      });
  }

  private fail(message: string, place?: { uri: vscode.Uri }): { error: string } {
    showErrorAt(l10n.t('Thai Policy Lens: {0}', message), place);
    return { error: message };
  }

  private get workspaceFolder(): vscode.Uri | undefined {
    return vscode.workspace.workspaceFolders?.[0]?.uri;
  }

  /** The theme at the cursor of a read-only built-in glossary, by the `id:` above it. */
  private themeAtCursor(): string | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.uri.scheme !== BUILTIN_SCHEME) return undefined;
    const doc = editor.document;
    for (let line = editor.selection.active.line; line >= 0; line--) {
      const m = /^\s*-?\s*id:\s*["']?([a-z0-9][a-z0-9-]*)/.exec(doc.lineAt(line).text);
      if (m && this.ctx.glossaries.set.theme(m[1])) return m[1];
    }
    return undefined;
  }

  async copyTheme(themeId: string | undefined): Promise<CopyResult | undefined> {
    await this.ctx.glossaries.whenIdle();
    const set = this.ctx.glossaries.set;
    themeId ??= this.themeAtCursor();
    if (!themeId) {
      const choice = await pickTheme(set, { title: l10n.t('Thai Policy Lens: Copy Built-in Theme into the Workspace'), placeholder: l10n.t('Theme of the built-in glossary'), preferred: (id) => this.ctx.glossaries.isBuiltinFile(set.theme(id)?.source.file ?? '') });
      if (!choice || choice.isNew) return undefined;
      themeId = choice.themeId;
    }
    const theme = set.theme(themeId);
    if (!theme || !this.ctx.glossaries.isBuiltinFile(theme.source.file)) return this.fail(l10n.t('"{0}" is not a theme of the built-in glossary.', String(themeId)));
    const folder = this.workspaceFolder;
    if (!folder) return this.fail(l10n.t('open a folder first; the copy is written into it.'));
    let text: string;
    try {
      text = themeFileText(await readText(vscode.Uri.parse(theme.source.file)), theme.id, [
        l10n.t('Theme "{0}" copied from the built-in glossary of Thai Policy Lens {1}.', theme.id, this.version),
        l10n.t('Glossary files merge by theme id: terms added here join the built-in theme.'),
        l10n.t('To change or remove a built-in term, copy the whole glossary (Copy Built-in Glossary into the Workspace).'),
      ]);
    } catch (err) {
      if (err instanceof GlossaryEditError) return this.fail(l10n.t('cannot copy theme "{0}": {1}', theme.id, err.message));
      throw err;
    }
    return this.write(await freeGlossaryName(vscode.Uri.joinPath(folder, `${theme.id}.glossary.yaml`)), text, l10n.t('theme «{0}»', theme.label));
  }

  async copyGlossary(file: string | undefined): Promise<CopyResult | undefined> {
    const editor = vscode.window.activeTextEditor;
    const source = file ?? (editor?.document.uri.scheme === BUILTIN_SCHEME ? this.realFile(editor.document.uri) : (this.ctx.glossaries.builtinUris()[0] ?? this.ctx.glossaries.allBuiltinUris()[0]).toString());
    if (!this.ctx.glossaries.isBuiltinFile(source)) return this.fail(l10n.t('{0} is not a built-in glossary file.', source));
    const folder = this.workspaceFolder;
    if (!folder) return this.fail(l10n.t('open a folder first; the copy is written into it.'));
    const name = source.slice(source.lastIndexOf('/') + 1);
    const pack = BUILTIN_PACKS.find((p) => p.file === name);
    const header = [
      l10n.t('# Copied from the built-in glossary of Thai Policy Lens {0} ({1}).', this.version, name),
      pack
        ? l10n.t('# The built-in pack "{0}" is turned off in this workspace (setting thaiPolicyLens.builtinPacks): this copy replaces it.', pack.id)
        : l10n.t('# The built-in glossary is turned off in this workspace (setting thaiPolicyLens.useBuiltinGlossary): this copy replaces it.'),
      '',
    ].join('\n');
    const target = await freeGlossaryName(vscode.Uri.joinPath(folder, name));
    const settings = this.ctx.settings;
    // the copy replaces its pack (or, for a file of no pack, the whole built-in glossary)
    const leaveOut = pack
      ? () => settings.setBuiltinPacks(selectPacks(settings.builtinPacks).packs.map((p) => p.id).filter((id) => id !== pack.id))
      : () => settings.setUseBuiltinGlossary(false);
    return this.write(target, header + (await readText(vscode.Uri.parse(source))), l10n.t('the built-in glossary ({0})', name), leaveOut);
  }

  private get version(): string {
    return String(this.ctx.extension.extension.packageJSON.version ?? '');
  }

  /** Writes the copy, loads it, opens it and says what was done. */
  private async write(target: vscode.Uri, text: string, what: string, after?: () => Promise<void>): Promise<CopyResult> {
    await writeTextAtomic(target, text);
    await after?.();
    await this.ctx.glossaries.reload();
    await openAt({ uri: target, line: 1 });
    void vscode.window.showInformationMessage(l10n.t('Thai Policy Lens: copied {0} into {1}, where you can edit it.', what, vscode.workspace.asRelativePath(target, false)));
    return { file: target.toString() };
  }
}

function themeIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const id = arg && typeof arg === 'object' ? (arg as { themeId?: unknown }).themeId : undefined;
  return typeof id === 'string' ? id : undefined;
}

function fileOf(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri) return arg.scheme === BUILTIN_SCHEME ? undefined : arg.toString();
  const file = arg && typeof arg === 'object' ? (arg as { file?: unknown }).file : undefined;
  return typeof file === 'string' ? file : undefined;
}

/** A folder of the extension shown read-only under another scheme: reads go to the folder, writes are refused. */
class ReadOnlyFolder implements vscode.FileSystemProvider {
  private readonly never = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.never.event;

  constructor(private readonly folder: vscode.Uri) {}

  private real(uri: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, uri.path);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const stat = await vscode.workspace.fs.stat(this.real(uri));
    return { ...stat, permissions: vscode.FilePermission.Readonly };
  }

  readDirectory(uri: vscode.Uri): Thenable<[string, vscode.FileType][]> {
    return vscode.workspace.fs.readDirectory(this.real(uri));
  }

  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    return vscode.workspace.fs.readFile(this.real(uri));
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}
