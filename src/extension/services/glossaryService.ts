/**
 * Loads the glossaries (built-in, every `*.glossary.yaml` in the workspace, and the files named in
 * each folder's `thaiPolicyLens.glossaryFiles`), keeps them current as files are saved, created and
 * deleted, and reports their problems in the Problems panel at their line and column. A file with
 * errors keeps its last good version in force (core GlossarySet). In Restricted Mode the
 * workspace's `*.glossary.yaml` files wait until the workspace is trusted or the user allows them
 * (workspaceTrust.ts).
 */
import * as vscode from 'vscode';
import { readText } from './files';
import { GlossarySet, type GlossaryDiagnostic, type GlossaryTerm, type GlossaryTheme } from '../../core';
import { Analyzer } from '../../core';
import { GLOSSARY_GLOB, SKIPPED_FOLDERS_GLOB, isAbsolutePath, isGlossaryFileName } from '../../core';
import { Disposable } from '../disposable';
import type { Settings } from './settings';
import type { WorkspaceTrust } from './workspaceTrust';

export class GlossaryService extends Disposable {
  readonly set = new GlossarySet();
  readonly analyzer = new Analyzer(this.set);
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('thai-policy-lens');
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the merged glossary content changes (not when only diagnostics change). */
  readonly onDidChange = this.changed.event;
  private readonly builtinUri: vscode.Uri;
  private loading: Promise<void> = Promise.resolve();

  constructor(
    extensionUri: vscode.Uri,
    private readonly settings: Settings,
    private readonly trust: WorkspaceTrust,
  ) {
    super();
    this.builtinUri = vscode.Uri.joinPath(extensionUri, 'glossaries', 'builtin.glossary.yaml');
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
        if (e.affects('glossaryFiles', 'useBuiltinGlossary')) void this.reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
      trust.onDidChange(() => void this.reload()),
      this.diagnostics,
      this.changed,
    );
  }

  /** Resolves once every queued load has finished. */
  whenIdle(): Promise<void> {
    return this.loading;
  }

  /** Loads everything from scratch. */
  reload(): Promise<void> {
    return this.queue(async () => {
      const before = this.set.version;
      for (const file of this.set.files) this.set.remove(file);
      this.diagnostics.clear();
      for (const uri of await this.sources()) await this.loadFile(uri, false);
      this.publishAll();
      if (this.set.version !== before) this.changed.fire();
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

  /** The workspace glossary files currently loaded (not the built-in one). */
  workspaceFiles(): vscode.Uri[] {
    return this.set.files.map((f) => vscode.Uri.parse(f)).filter((u) => u.toString() !== this.builtinUri.toString());
  }

  get builtinGlossaryUri(): vscode.Uri {
    return this.builtinUri;
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

  /** The files of each folder's `glossaryFiles` setting, a relative name against its own folder. */
  private extraFiles(): vscode.Uri[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const out: vscode.Uri[] = [];
    for (const folder of folders.length ? folders : [undefined]) {
      for (const name of this.settings.for(folder?.uri).glossaryFiles) {
        if (isAbsolutePath(name)) out.push(vscode.Uri.file(name));
        else if (folder) out.push(vscode.Uri.joinPath(folder.uri, name));
      }
    }
    return out;
  }

  private async sources(): Promise<vscode.Uri[]> {
    const out: vscode.Uri[] = [];
    if (this.settings.useBuiltinGlossary) out.push(this.builtinUri);
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

  private async loadFile(uri: vscode.Uri, notify = true): Promise<void> {
    let text: string;
    try {
      text = await readText(uri);
    } catch (err) {
      const message = `cannot read glossary: ${err instanceof Error ? err.message : String(err)}`;
      this.diagnostics.set(uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Error)]);
      return;
    }
    await this.loadText(uri, text, notify);
  }

  private async loadText(uri: vscode.Uri, text: string, notify = true): Promise<void> {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const before = this.set.version;
    this.set.update(uri.toString(), text);
    if (notify) this.publishAll();
    if (notify && this.set.version !== before) this.changed.fire();
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

function toDiagnostic(d: GlossaryDiagnostic): vscode.Diagnostic {
  const start = new vscode.Position(Math.max(0, d.line - 1), Math.max(0, d.column - 1));
  const end = d.endLine !== undefined && d.endColumn !== undefined ? new vscode.Position(Math.max(0, d.endLine - 1), Math.max(0, d.endColumn - 1)) : start.translate(0, 1);
  const diag = new vscode.Diagnostic(new vscode.Range(start, end), d.message, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  diag.source = 'Thai Policy Lens';
  return diag;
}
