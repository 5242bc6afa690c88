/**
 * Thai Policy Lens: the VS Code layer. `activate` wires everything here, in one place, by
 * constructor: the settings, the services (glossaries, per-document analysis, the workspace
 * index, the tags) and the features (highlights, hovers, the Themes view, navigation, document
 * structure, glossary authoring, tagging, exports), and returns the API other extensions use.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { analysisReportMarkdown, setUiLocale, type Annotation } from '../core';
import type { GlossaryTheme } from '../core';
import type { FeatureContext } from './featureContext';
import { registerBuiltinPacks } from './features/builtinPacks';
import { CorpusDashboard } from './features/corpusDashboard';
import { BuiltinGlossary } from './features/builtinGlossary';
import { registerImportDocument } from './features/importDocument';
import { registerExportReports } from './features/exportReports';
import { registerExportProject } from './features/exportProject';
import { registerImportProject } from './features/importProject';
import { registerCompareCoders } from './features/compareCoders';
import { GlossaryAuthoring } from './features/glossaryAuthoring';
import { Highlights } from './features/highlights';
import { Hovers } from './features/hovers';
import { Navigation } from './features/navigation';
import { Outline } from './features/outline';
import { StarterGlossary } from './features/starterGlossary';
import { TaggingFeature, type TagInfo } from './features/tagging';
import { ThemeTree, type TreeItemSnapshot } from './features/themeTree';
import { AnalysisService } from './services/analysisService';
import { GlossaryService } from './services/glossaryService';
import { Settings } from './services/settings';
import { TagService } from './services/tagService';
import { WorkspaceIndex } from './services/workspaceIndex';
import { WorkspaceTrust } from './services/workspaceTrust';
import { largeDocumentTuning } from '../features/largeDocuments';
import { TEST_HOOKS, type TestHooks } from './testHooks';
import { Decorations } from './ui/decorations';
import { lastInformationShown, showInformation } from './ui/messages';
import { shownThemePicker } from './ui/themePicker';

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
  /** The work done since activation: analyses run (documents, edits, index files), and the workspace index's state. */
  getActivity(): { analyses: number; indexStarted: boolean; indexedFiles: number };
}

/** The extension while it is active: every service and feature, made and connected here. */
class ThaiPolicyLens {
  readonly api: ThaiPolicyLensApi;
  private readonly tags: TagService;

  constructor(context: vscode.ExtensionContext) {
    const version = String(context.extension.packageJSON.version);
    const own = <T extends vscode.Disposable>(value: T): T => {
      context.subscriptions.push(value);
      return value;
    };
    const settings = own(new Settings());
    const trust = own(new WorkspaceTrust(context.workspaceState));
    const glossaries = own(new GlossaryService(context.extensionUri, settings, trust));
    const analysis = own(new AnalysisService(glossaries, settings));
    const loaded = glossaries.reload();
    const decorations = own(new Decorations());
    const highlights = own(new Highlights(analysis, glossaries, settings, decorations));
    const indexStorage = { folder: context.storageUri ?? context.globalStorageUri, program: version };
    const index = own(new WorkspaceIndex(analysis, glossaries, settings, indexStorage));
    const ctx: FeatureContext = { extension: context, settings, glossaries, analysis, highlights, index };
    const tags = (this.tags = own(new TagService(settings)));
    const tree = own(new ThemeTree(ctx, tags));
    own(new Hovers(ctx));
    own(new Navigation(ctx, own(new BuiltinGlossary(ctx))));
    const outline = own(new Outline(settings));
    own(new StarterGlossary(glossaries));
    own(new GlossaryAuthoring(ctx, tags));
    const tagging = own(new TaggingFeature(tags, glossaries, decorations, settings));
    registerExportReports(ctx, tags);
    registerExportProject(ctx, tags);
    registerImportProject(ctx, tags);
    registerCompareCoders(ctx, tags);
    registerBuiltinPacks(ctx);
    registerImportDocument(context, settings);
    const corpusDashboard = own(new CorpusDashboard(ctx, tree));

    const documentFor = async (uri: vscode.Uri) =>
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
    own(
      vscode.commands.registerCommand('thaiPolicyLens.version', () => {
        void showInformation(l10n.t('Thai Policy Lens {0}', version));
        return version;
      }),
    );
    own(
      // from the palette: the analysis as a readable report in a new editor; with a URI, the annotations only
      vscode.commands.registerCommand('thaiPolicyLens.analyzeDocument', async (uri?: vscode.Uri) => {
        const doc = uri ? await documentFor(uri) : vscode.window.activeTextEditor?.document;
        if (!doc) {
          void showInformation(l10n.t('Thai Policy Lens: open a document to analyse.'));
          return [];
        }
        if (!analysis.isEnabledFor(doc)) {
          if (!uri) void vscode.window.showInformationMessage(l10n.t('Thai Policy Lens: this document has no Thai text, or its language is not analysed (settings thaiPolicyLens.languages and thaiPolicyLens.onlyThaiDocuments).'));
          return [];
        }
        await loaded;
        const { annotations } = analysis.get(doc);
        if (!uri) {
          const report = analysisReportMarkdown({ path: vscode.workspace.asRelativePath(doc.uri, false), text: doc.getText(), annotations }, glossaries.set);
          await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: report }), { preview: false });
        }
        return annotations;
      }),
    );
    own(vscode.commands.registerCommand('thaiPolicyLens.reloadGlossaries', () => glossaries.reload()));
    own(vscode.commands.registerCommand('thaiPolicyLens.showThemes', () => vscode.commands.executeCommand('thaiPolicyLens.themes.focus')));
    own(
      vscode.commands.registerCommand('thaiPolicyLens.openSample', async () => {
        const sample = vscode.Uri.joinPath(context.extensionUri, 'samples', 'cabinet-resolution-mekong.txt');
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sample));
      }),
    );

    // (The workspace index starts only when asked: the Themes view showing the whole workspace.)
    // Developing (`npm start`, F5; not tests, never users): the Themes view beside the document at once.
    if (context.extensionMode === vscode.ExtensionMode.Development) {
      void vscode.commands.executeCommand('workbench.view.extension.thaiPolicyLens').then(() => vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup'));
    }

    this.api = {
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
        if (!applied || applied.partial || !byKey) return undefined;
        const ranges: Record<string, Array<[number, number]>> = Object.fromEntries(byKey);
        return { version: applied.version, ranges, analysisMs: applied.analysisMs, incremental: applied.incremental, editToHighlightMs: applied.editToHighlightMs };
      },
      getTreeItems: () => tree.snapshot(),
      getStatusText: () => highlights.statusText,
      getTags: (uri: vscode.Uri) => tags.tagsOf(uri),
      getActivity: () => ({ analyses: analysis.analysisCount, indexStarted: index.isStarted, indexedFiles: index.size }),
    };
    // The tests' way in (not part of the API): see testHooks.ts.
    const hooks: TestHooks = {
      tagging: tagging.testHooks,
      themePicker: shownThemePicker,
      lastInformation: lastInformationShown,
      largeDocuments: largeDocumentTuning,
      applied: (uri) => highlights.appliedTo(uri),
      longestAnalysisSliceMs: () => analysis.longestSliceMs,
      corpusDashboard: corpusDashboard.testHooks,
      ignoreIndexWatcher: (ignore) => (index.ignoreWatcher = ignore),
      workspaceIndex: {
        snapshotUri: () => index.snapshotUri(),
        documentOf: (uri) => index.documents().find((d) => d.uri.toString() === uri.toString()),
        async start() {
          await index.start();
          return index.lastPassStats;
        },
        async reopen(options = {}) {
          // a second index on the same storage, as the next window's would be
          await index.whenReady();
          if (options.save !== false) await index.save();
          const second = new WorkspaceIndex(analysis, glossaries, settings, indexStorage);
          try {
            const started = performance.now();
            const ready = second.start();
            await second.whenLoaded();
            const shownMs = performance.now() - started;
            const shown = second.size;
            await ready;
            const readyMs = performance.now() - started;
            const doc = options.uri && second.documents().find((d) => d.uri.toString() === options.uri?.toString());
            return { shown, shownMs, readyMs, pass: second.lastPassStats, annotations: doc ? doc.annotations.length : undefined, outcome: second.persistedOutcome };
          } finally {
            second.dispose();
          }
        },
      },
      themeTree: tree.testHooks,
      outline: outline.testHooks,
    };
    Object.defineProperty(this.api, TEST_HOOKS, { value: hooks, enumerable: false });
  }

  /** Writes pending annotation changes (before the window closes). */
  deactivate(): Promise<void> {
    return this.tags.flush();
  }
}

/** The active extension, for `deactivate`. */
let active: ThaiPolicyLens | undefined;

export function activate(context: vscode.ExtensionContext): ThaiPolicyLensApi {
  // One translation table for the whole extension: `l10n.t` from '@vscode/l10n' (usable in the
  // pure layers too) reads the bundle VS Code loaded for the display language.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  setUiLocale(vscode.env.language);
  active = new ThaiPolicyLens(context);
  return active.api;
}

/** Writes pending annotation changes before the window closes. */
export async function deactivate(): Promise<void> {
  await active?.deactivate();
  active = undefined;
}
