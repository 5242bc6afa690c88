/** What every feature of the extension layer is given: the services it builds on. */
import type * as vscode from 'vscode';
import type { AnalysisService } from './services/analysisService';
import type { GlossaryService } from './services/glossaryService';
import type { Highlights } from './features/highlights';
import type { Settings } from './services/settings';
import type { WorkspaceIndex } from './services/workspaceIndex';

export interface FeatureContext {
  extension: vscode.ExtensionContext;
  settings: Settings;
  glossaries: GlossaryService;
  analysis: AnalysisService;
  highlights: Highlights;
  /** annotations of every text and Markdown file in the workspace (open documents: live) */
  index: WorkspaceIndex;
}
