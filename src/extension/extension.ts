/**
 * Thai Policy Lens: the VS Code layer. It wires the services (glossaries, per-document analysis,
 * the workspace index) to the features (highlights, hovers, the theme tree, navigation, document
 * structure), one file each, and returns the API other extensions and the tests use.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core';
import type { GlossaryTheme } from '../core';
import { AnalysisService } from './services/analysisService';
import { GlossaryService } from './services/glossaryService';
import { Highlights } from './features/highlights';
import { registerHovers } from './features/hovers';
import { registerNavigation } from './features/navigation';
import { registerOutline } from './features/outline';
import { ThemeTree, type TreeItemSnapshot } from './features/themeTree';
import { WorkspaceIndex } from './services/workspaceIndex';
import { registerStarterGlossary } from './features/starterGlossary';
import { registerGlossaryAuthoring } from './features/glossaryAuthoring';
import { registerTagging, type Tagging, type TagInfo, type TaggingApi } from './features/tagging';
import type { FeatureContext } from './featureContext';
import { registerExportReports } from './features/exportReports';
import { registerBuiltinPacks } from './features/builtinPacks';

/** What was drawn in an editor, as plain data: decoration key -> [startOffset, endOffset][] */
export interface HighlightSnapshot {
  version: number;
  ranges: Record<string, Array<[number, number]>>;
  analysisMs: number;
  incremental: boolean;
  editToHighlightMs?: number;
}

/**
 * The API returned by `activate()`:
 * `vscode.extensions.getExtension('thai-policy-lens.thai-policy-lens').activate()`.
 */
export interface ThaiPolicyLensApi {
  /** the extension's version */
  readonly version: string;
  /** Resolves when the glossaries are loaded and pending edits are analysed. */
  ready(): Promise<void>;
  /** The annotations of a document, as the command line reports them (UTF-16 offsets). */
  getAnnotations(uri: vscode.Uri): Promise<Annotation[]>;
  /** The merged glossary: top-level themes (nested), and the files loaded. */
  getGlossary(): { themes: GlossaryTheme[]; files: string[] };
  /** What the highlights of the editor showing `uri` are, or undefined if it is not visible. */
  getHighlights(uri: vscode.Uri): HighlightSnapshot | undefined;
  /** The theme tree's items as shown, expanded. */
  getTreeItems(): Promise<TreeItemSnapshot[]>;
  /** The status-bar text. */
  getStatusText(): string;
  /** The hand-made tags of a document (orphaned ones too), by position. */
  getTags(uri: vscode.Uri): TagInfo[];
  /** Tagging internals for tests: the store's state, flushing, reloading. */
  tagging: TaggingApi;
}

let taggingRef: Tagging | undefined;

export function activate(context: vscode.ExtensionContext): ThaiPolicyLensApi {
  const version = String(context.extension.packageJSON.version);
  const glossaries = new GlossaryService(context.extensionUri);
  const analysis = new AnalysisService(glossaries);
  const loaded = glossaries.reload();
  const highlights = new Highlights(analysis, glossaries);
  const index = new WorkspaceIndex(analysis, glossaries);
  context.subscriptions.push(glossaries, analysis, highlights, index);

  const ctx: FeatureContext = { extension: context, glossaries, analysis, highlights, index };
  const tree = new ThemeTree(ctx);
  context.subscriptions.push(tree);
  registerHovers(ctx);
  registerNavigation(ctx);
  registerOutline(ctx);
  registerStarterGlossary(ctx);
  registerBuiltinPacks(ctx);
  registerGlossaryAuthoring(ctx);
  const tagging = registerTagging(ctx);
  tree.setTagSource(tagging);
  taggingRef = tagging;
  registerExportReports(ctx, tagging);

  const documentFor = async (uri: vscode.Uri) =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));

  context.subscriptions.push(
    vscode.commands.registerCommand('thaiPolicyLens.version', () => version),
    vscode.commands.registerCommand('thaiPolicyLens.analyzeDocument', async (uri?: vscode.Uri) => {
      const doc = uri ? await documentFor(uri) : vscode.window.activeTextEditor?.document;
      if (!doc) {
        void vscode.window.showInformationMessage('Thai Policy Lens: open a document to analyse.');
        return [];
      }
      await loaded;
      return analysis.get(doc).annotations;
    }),
    vscode.commands.registerCommand('thaiPolicyLens.reloadGlossaries', () => glossaries.reload()),
    vscode.commands.registerCommand('thaiPolicyLens.showThemes', () => vscode.commands.executeCommand('thaiPolicyLens.themes.focus')),
    vscode.commands.registerCommand('thaiPolicyLens.openSample', async () => {
      const sample = vscode.Uri.joinPath(context.extensionUri, 'samples', 'cabinet-resolution-mekong.txt');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sample));
    }),
  );

  void loaded.then(() => index.start());

  return {
    version,
    async ready() {
      await loaded;
      await glossaries.whenIdle();
      for (const doc of vscode.workspace.textDocuments) analysis.flush(doc);
    },
    async getAnnotations(uri) {
      await loaded;
      await glossaries.whenIdle();
      const doc = await documentFor(uri);
      return analysis.get(doc).annotations;
    },
    getGlossary() {
      return { themes: glossaries.set.themes, files: glossaries.set.files };
    },
    getHighlights(uri) {
      const applied = highlights.appliedTo(uri);
      const byKey = highlights.rangesOf(uri);
      if (!applied || !byKey) return undefined;
      const ranges: Record<string, Array<[number, number]>> = Object.fromEntries(byKey);
      return { version: applied.version, ranges, analysisMs: applied.analysisMs, incremental: applied.incremental, editToHighlightMs: applied.editToHighlightMs };
    },
    getTreeItems: () => tree.snapshot(),
    getStatusText: () => highlights.statusText,
    getTags: (uri: vscode.Uri) => tagging.tagsOf(uri),
    tagging: tagging.api,
  };
}

/** Writes pending annotation changes before the window closes. */
export async function deactivate(): Promise<void> {
  await taggingRef?.flush();
  taggingRef = undefined;
}
