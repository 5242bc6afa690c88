/**
 * Loads the glossaries (the built-in packs chosen in `thaiPolicyLens.builtinPacks`, every
 * `*.glossary.yaml` in the workspace, and the files named in `thaiPolicyLens.glossaryFiles`, in
 * that order), keeps them current as files are saved, created and deleted, and
 * reports their problems in the Problems panel at their line and column. A file with errors keeps
 * its last good version in force (core GlossarySet).
 * In Restricted Mode the workspace's `*.glossary.yaml` files wait until the workspace is trusted
 * or the user allows them (workspaceTrust.ts).
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { readDecoded } from './files';
import { BUILTIN_PACKS, GlossarySet, isInsidePath, selectPacks, type GlossaryDiagnostic, type GlossaryTerm, type GlossaryTheme } from '../../core';
import { Analyzer } from '../../core';
import { GLOSSARY_GLOB, SKIPPED_FOLDERS_GLOB, isAbsolutePath, isGlossaryFileName } from '../../core';
import { Disposable } from '../disposable';
import type { Settings } from './settings';
import type { WorkspaceTrust } from './workspaceTrust';

/** A glossary file's text, or the error to show when it cannot be read. */
type GlossaryRead = { text: string } | { error: vscode.Diagnostic };

export class GlossaryService extends Disposable {
  readonly set = new GlossarySet();
  readonly analyzer = new Analyzer(this.set);
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('thai-policy-lens');
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the merged glossary content changes (not when only diagnostics change). */
  readonly onDidChange = this.changed.event;
  /** the extension's `glossaries/` folder, where the built-in packs are */
  private readonly builtinDir: vscode.Uri;
  private loading: Promise<void> = Promise.resolve();
  /** reloads asked for and not finished */
  private pendingReloads = 0;
  private readonly loaded = new vscode.EventEmitter<void>();
  /** Fires when the (re)loads of every glossary asked for are done, whether or not the glossary changed. */
  readonly onDidLoad = this.loaded.event;

  constructor(
    extensionUri: vscode.Uri,
    private readonly settings: Settings,
    private readonly trust: WorkspaceTrust,
  ) {
    super();
    this.builtinDir = vscode.Uri.joinPath(extensionUri, 'glossaries');
    const watcher = vscode.workspace.createFileSystemWatcher(GLOSSARY_GLOB);
    this.registerAll(
      watcher,
      watcher.onDidChange((uri) => this.trust.glossariesAllowed && this.queue(() => this.loadFile(uri))),
      watcher.onDidCreate((uri) => this.trust.glossariesAllowed && this.queue(() => this.loadFile(uri))),
      watcher.onDidDelete((uri) => this.queue(async () => this.unload(uri))),
      // Saving in the editor applies at once, even where the watcher is slow to report.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (this.isGlossaryUri(doc.uri) && (this.trust.glossariesAllowed || this.set.files.includes(doc.uri.toString()))) this.queue(() => this.loadText(doc.uri, doc.getText()));
      }),
      settings.onDidChange((e) => {
        if (e.affects('glossaryFiles', 'useBuiltinGlossary', 'builtinPacks')) void this.reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
      trust.onDidChange(() => void this.reload()),
      this.diagnostics,
      this.changed,
      this.loaded,
    );
  }

  /** Resolves once every queued load has finished. */
  whenIdle(): Promise<void> {
    return this.loading;
  }

  /**
   * True from the moment a (re)load of every glossary is asked for (the first one at start-up)
   * until it is done: what is analysed meanwhile may lack the glossary's themes.
   */
  get loadingAll(): boolean {
    return this.pendingReloads > 0;
  }

  /**
   * Loads everything from scratch: every file is read first, then the glossary in force is
   * replaced at once, so that it is never half loaded (or empty) while the files are read.
   */
  reload(): Promise<void> {
    this.pendingReloads++;
    return this.queue(async () => {
      try {
        const files: Array<[vscode.Uri, GlossaryRead]> = [];
        for (const uri of await this.sources()) files.push([uri, await this.read(uri)]);
        const before = this.set.version;
        for (const file of this.set.files) this.set.remove(file);
        this.diagnostics.clear();
        for (const [uri, read] of files) {
          if ('error' in read) this.diagnostics.set(uri, [read.error]);
          else this.set.update(uri.toString(), read.text);
        }
        this.publishAll();
        if (this.set.version !== before) this.changed.fire();
      } finally {
        if (--this.pendingReloads === 0) this.loaded.fire();
      }
    });
  }

  /** True for a file the service reads as a glossary. */
  isGlossaryUri(uri: vscode.Uri): boolean {
    return isGlossaryFileName(uri.path) || this.extraFiles().some((u) => u.toString() === uri.toString());
  }

  /** The file and position where a theme is defined. */
  themeLocation(theme: GlossaryTheme): vscode.Location {
    return this.location(theme.source.file, theme.source.line, theme.source.column);
  }

  termLocation(term: GlossaryTerm): vscode.Location {
    return this.location(term.source.file, term.source.line, term.source.column);
  }

  /** The term object for a theme id and canonical term text. */
  findTerm(themeId: string, term: string): GlossaryTerm | undefined {
    return this.set.termsOf(themeId).find((t) => t.term === term);
  }

  /** The workspace glossary files currently loaded (not the built-in packs). */
  workspaceFiles(): vscode.Uri[] {
    return this.set.files.filter((f) => !this.isBuiltinFile(f)).map((f) => vscode.Uri.parse(f));
  }

  /** The files of the built-in packs in force, in load order: those chosen in the settings, or none. */
  builtinUris(): vscode.Uri[] {
    if (!this.settings.useBuiltinGlossary) return [];
    return selectPacks(this.settings.builtinPacks).packs.map((p) => vscode.Uri.joinPath(this.builtinDir, p.file));
  }

  /** The files of every built-in pack, chosen or not. */
  allBuiltinUris(): vscode.Uri[] {
    return BUILTIN_PACKS.map((p) => vscode.Uri.joinPath(this.builtinDir, p.file));
  }

  /**
   * True for a file (a URI string) of the built-in glossary: any file of the extension's
   * `glossaries/` folder, which an update of the extension replaces (the user never edits it).
   */
  isBuiltinFile(file: string): boolean {
    return file.startsWith(`${this.builtinDir.toString()}/`);
  }

  private location(file: string, line: number, column: number): vscode.Location {
    const pos = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
    return new vscode.Location(vscode.Uri.parse(file), pos);
  }

  private queue(task: () => Promise<void>): Promise<void> {
    this.loading = this.loading.then(task).catch((err) => {
      console.error('[thai-policy-lens] glossary load failed', err);
    });
    return this.loading;
  }

  /**
   * The files of each folder's `glossaryFiles` setting, a relative name against its own folder.
   * Names from the user's own settings may be anywhere; names from a workspace's settings
   * (untrusted: they come with the folder) must stay inside the workspace folder, and are left
   * out otherwise.
   */
  private extraFiles(): vscode.Uri[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const fromWorkspace = new Set(this.settings.glossaryFilesFromWorkspace);
    const out: vscode.Uri[] = [];
    for (const folder of folders.length ? folders : [undefined]) {
      for (const name of this.settings.for(folder?.uri).glossaryFiles) {
        if (!name) continue;
        const absolute = isAbsolutePath(name);
        if (fromWorkspace.has(name) && (absolute || !isInsidePath(name.replace(/\\/g, '/').replace(/^\.\//, '')))) {
          console.warn(`[thai-policy-lens] thaiPolicyLens.glossaryFiles: "${name}" from the workspace settings is outside the workspace folder; not read`);
          continue;
        }
        if (absolute) out.push(vscode.Uri.file(name));
        else if (folder) out.push(vscode.Uri.joinPath(folder.uri, name));
      }
    }
    return out;
  }

  private async sources(): Promise<vscode.Uri[]> {
    const out: vscode.Uri[] = [];
    out.push(...this.builtinUris());
    // Restricted Mode: not the workspace's own glossaries (the settings' files are the user's: VS Code
    // reads only the user's value of a restricted setting in an untrusted workspace).
    const found = vscode.workspace.workspaceFolders?.length && this.trust.glossariesAllowed ? await vscode.workspace.findFiles(GLOSSARY_GLOB, SKIPPED_FOLDERS_GLOB) : [];
    found.sort((a, b) => a.toString().localeCompare(b.toString()));
    const seen = new Set(out.map((u) => u.toString()));
    for (const uri of [...found, ...this.extraFiles()]) {
      if (!seen.has(uri.toString())) {
        seen.add(uri.toString());
        out.push(uri);
      }
    }
    return out;
  }

  /** A glossary file's text, or the error to show at its start when it cannot be read. */
  private async read(uri: vscode.Uri): Promise<GlossaryRead> {
    try {
      const decoded = await readDecoded(uri);
      if (decoded.invalid) {
        const at = new vscode.Position(decoded.invalid.line - 1, decoded.invalid.column - 1);
        return { error: new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), l10n.t('invalid UTF-8: save the glossary as UTF-8'), vscode.DiagnosticSeverity.Error) };
      }
      return { text: decoded.text }; // loadText takes a byte-order mark off
    } catch (err) {
      const message = l10n.t('cannot read glossary: {0}', err instanceof Error ? err.message : String(err));
      return { error: new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Error) };
    }
  }

  private async loadFile(uri: vscode.Uri): Promise<void> {
    const read = await this.read(uri);
    if ('error' in read) this.diagnostics.set(uri, [read.error]);
    else await this.loadText(uri, read.text);
  }

  private async loadText(uri: vscode.Uri, text: string): Promise<void> {
    const before = this.set.version;
    this.set.update(uri.toString(), withoutBom(text));
    await new Promise((resolve) => setTimeout(resolve, 0)); // the parse and the matcher build that follows it: two stalls, not one
    this.publishAll();
    if (this.set.version !== before) this.changed.fire();
  }

  private unload(uri: vscode.Uri): void {
    const before = this.set.version;
    this.set.remove(uri.toString());
    this.diagnostics.delete(uri);
    this.publishAll();
    if (this.set.version !== before) this.changed.fire();
  }

  /** Diagnostics of every file (duplicate ids across files change when any file changes). */
  private publishAll(): void {
    for (const [file, list] of this.set.allDiagnostics()) {
      this.diagnostics.set(vscode.Uri.parse(file), list.map(toDiagnostic));
    }
  }
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function toDiagnostic(d: GlossaryDiagnostic): vscode.Diagnostic {
  const start = new vscode.Position(Math.max(0, d.line - 1), Math.max(0, d.column - 1));
  const end = d.endLine !== undefined && d.endColumn !== undefined ? new vscode.Position(Math.max(0, d.endLine - 1), Math.max(0, d.endColumn - 1)) : start.translate(0, 1);
  const diag = new vscode.Diagnostic(new vscode.Range(start, end), d.message, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  diag.source = 'Thai Policy Lens';
  return diag;
}
