/**
 * Document structure in the editor, from `parseStructure`: the Outline view and breadcrumbs (a
 * document symbol provider) and folding of sections, for `thai-policy` and plain-text documents
 * (Markdown has its own); and the `thaiPolicyLens.thaiPolicyFiles` setting, which opens plain-text
 * files matching its globs with the `thai-policy` language (so they get its grammar).
 */
import * as vscode from 'vscode';
import { StructureScan, truncateLabel, type StructureNode } from '../../core';
import { Disposable } from '../disposable';
import type { Settings } from '../services/settings';

export const THAI_POLICY_LANGUAGE = 'thai-policy';
/** The documents that get an outline and section folding. */
const STRUCTURE_SELECTOR: vscode.DocumentSelector = [{ language: THAI_POLICY_LANGUAGE }, { language: 'plaintext' }];
/** Symbol names are cut to about this many characters (the whole line is too long for the Outline view). */
const NAME_MAX = 60;
/** At most this many titles, headings and clauses (a longer outline is of no use, and costly to show). */
const MAX_NODES = 20_000;

/** The outline and folding of document structure, and the switch of policy files to their language. */
export class Outline extends Disposable {
  /** For the tests: the parses since activation, and a switch to parse every version whole (a "before" figure). */
  readonly testHooks: OutlineTestHooks;

  constructor(settings: Settings) {
    super();
    const structures = this.register(new StructureCache());
    this.testHooks = structures.testHooks;
    this.registerAll(
      vscode.languages.registerDocumentSymbolProvider(STRUCTURE_SELECTOR, new StructureSymbols(structures), { label: 'Thai Policy Lens' }),
      vscode.languages.registerFoldingRangeProvider(STRUCTURE_SELECTOR, new StructureFolding(structures)),
      new PolicyLanguageSwitcher(settings),
    );
  }
}

/**
 * The parsed structure of each document, for its current version (the outline and folding share
 * it). After an edit only the lines the edit touched are read again (`StructureScan.update`): the
 * edits since the last parse are followed as the text changes, as the part of the text they left
 * unchanged at its start and at its end.
 */
class StructureCache extends Disposable {
  private readonly parsed = new WeakMap<vscode.TextDocument, ParsedStructure>();
  readonly testHooks: OutlineTestHooks = { incremental: true, parses: { whole: 0, incremental: 0, longestMs: 0 } };

  constructor() {
    super();
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.follow(e)));
  }

  get(doc: vscode.TextDocument): StructureNode[] {
    const cached = this.parsed.get(doc);
    if (cached && cached.version === doc.version) return cached.nodes;
    const started = performance.now();
    const text = doc.getText();
    const edits = cached?.edits;
    const incremental = this.testHooks.incremental && cached && edits && edits.version === doc.version && edits.length === text.length;
    const scan = incremental ? cached.scan.update(text, cached.length, edits.prefix, edits.suffix) : StructureScan.of(text);
    const nodes = scan.nodes(text, MAX_NODES);
    const parses = this.testHooks.parses;
    if (incremental) parses.incremental++;
    else parses.whole++;
    parses.longestMs = Math.max(parses.longestMs, performance.now() - started);
    this.parsed.set(doc, { version: doc.version, length: text.length, scan, nodes, edits: { version: doc.version, length: text.length, prefix: text.length, suffix: text.length } });
    return nodes;
  }

  /** Follows the edits of a parsed document (without them, the next parse reads the whole text). */
  private follow(e: vscode.TextDocumentChangeEvent): void {
    const edits = this.parsed.get(e.document)?.edits;
    if (!edits || e.contentChanges.length === 0) return;
    const entry = this.parsed.get(e.document)!;
    if (edits.version + 1 !== e.document.version) {
      entry.edits = undefined; // an edit was missed
      return;
    }
    // the changes of one event, one after the other (VS Code gives them from the end of the text)
    for (const change of e.contentChanges) {
      edits.prefix = Math.min(edits.prefix, change.rangeOffset);
      edits.suffix = Math.min(edits.suffix, edits.length - change.rangeOffset - change.rangeLength);
      edits.length += change.text.length - change.rangeLength;
    }
    edits.version = e.document.version;
  }
}

/** The outline's parses (src/extension/testHooks.ts). */
export interface OutlineTestHooks {
  /** false: every version is parsed whole (as before edits were followed) */
  incremental: boolean;
  /** parses of a whole text and after edits, and the longest (text, parse and nesting), since activation or a reset */
  parses: { whole: number; incremental: number; longestMs: number };
}

/** A document's structure as parsed, and the edits made to it since. */
interface ParsedStructure {
  version: number;
  /** the length of the text parsed */
  length: number;
  scan: StructureScan;
  nodes: StructureNode[];
  /** the edits since: the version and length they lead to, the length of the text they left unchanged at the start and at the end */
  edits: { version: number; length: number; prefix: number; suffix: number } | undefined;
}

/** The symbol kind (and so the icon) of a node in the Outline view. */
export function symbolKind(node: StructureNode): vscode.SymbolKind {
  if (node.kind === 'title') return vscode.SymbolKind.File;
  if (node.kind === 'heading') return node.style === 'phrase' ? vscode.SymbolKind.Namespace : vscode.SymbolKind.Module;
  return node.lettered ? vscode.SymbolKind.Key : vscode.SymbolKind.Field;
}

class StructureSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly structures: StructureCache) {}

  provideDocumentSymbols(doc: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentSymbol[] | undefined {
    const nodes = this.structures.get(doc);
    const toSymbol = (node: StructureNode): vscode.DocumentSymbol => {
      const start = doc.positionAt(node.start);
      const symbol = new vscode.DocumentSymbol(
        truncateLabel(node.text, NAME_MAX),
        '',
        symbolKind(node),
        new vscode.Range(start, doc.positionAt(node.end)),
        new vscode.Range(start, doc.positionAt(node.lineEnd)),
      );
      symbol.children = node.children.map(toSymbol);
      return symbol;
    };
    return token.isCancellationRequested ? undefined : nodes.map(toSymbol);
  }
}

/** Each title, heading and clause folds the lines of its section after its own. */
class StructureFolding implements vscode.FoldingRangeProvider {
  constructor(private readonly structures: StructureCache) {}

  provideFoldingRanges(doc: vscode.TextDocument): vscode.FoldingRange[] | undefined {
    const nodes = this.structures.get(doc);
    // none: leave plain text to VS Code's indentation folding
    if (nodes.length === 0) return undefined;
    const ranges: vscode.FoldingRange[] = [];
    const visit = (node: StructureNode): void => {
      const first = doc.positionAt(node.start).line;
      const last = doc.positionAt(node.end).line;
      if (last > first) ranges.push(new vscode.FoldingRange(first, last));
      node.children.forEach(visit);
    };
    nodes.forEach(visit);
    return ranges;
  }
}

/**
 * Opens plain-text documents whose path matches `thaiPolicyLens.thaiPolicyFiles` with the
 * `thai-policy` language. Markdown documents keep their language (their preview and outline).
 * A document is switched once: if the user then picks another language, it is left alone until it
 * is closed.
 */
class PolicyLanguageSwitcher extends Disposable {
  /** documents (by URI) already switched or already seen as `thai-policy` */
  private readonly handled = new Set<string>();

  constructor(private readonly settings: Settings) {
    super();
    this.registerAll(
      vscode.workspace.onDidOpenTextDocument((doc) => this.consider(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forgetWhenClosed(doc)),
      settings.onDidChange((e) => {
        if (e.affects('thaiPolicyFiles')) this.considerOpenDocuments();
      }),
    );
    this.considerOpenDocuments();
  }

  private considerOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) this.consider(doc);
  }

  private consider(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (doc.languageId === THAI_POLICY_LANGUAGE) {
      this.handled.add(key);
      return;
    }
    if (doc.languageId !== 'plaintext' || this.handled.has(key) || !matchesPolicyFiles(doc, this.settings.for(doc.uri).thaiPolicyFiles)) return;
    this.handled.add(key);
    vscode.languages.setTextDocumentLanguage(doc, THAI_POLICY_LANGUAGE).then(undefined, () => this.handled.delete(key));
  }

  /**
   * A language change closes and reopens a document at once; only a document that stays closed is
   * forgotten (so that it is switched again the next time it is opened).
   */
  private forgetWhenClosed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    setTimeout(() => {
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) this.handled.delete(key);
    }, 0);
  }
}

/** Whether the document's path matches one of the globs (setting `thaiPolicyLens.thaiPolicyFiles`: absolute, or relative to its workspace folder). */
export function matchesPolicyFiles(doc: vscode.TextDocument, globs: readonly string[]): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  for (const glob of globs) {
    if (vscode.languages.match({ pattern: glob }, doc) > 0) return true;
    if (folder && vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, doc) > 0) return true;
  }
  return false;
}
