/**
 * Hover glosses: over a glossary term, its theme path, gloss, English equivalent, aliases, how
 * often it occurs here, and links to the tree, the next occurrence and the glossary entry;
 * over a country, its names, ISO codes and flag; over a date, the Gregorian date in words,
 * the calendar it was written in and what a relative word resolves to.
 *
 * Glossary text is untrusted: the text is built escaped (hoverText.ts, markdown.ts) and the
 * Markdown string trusts only the three command links the hover writes itself.
 */
import * as vscode from 'vscode';
import { countryByCode, pageAt } from '../../core';
import { Disposable } from '../disposable';
import type { FeatureContext } from '../featureContext';
import type { Settings } from '../services/settings';
import { HOVER_COMMAND_IDS, countryHoverMarkdown, dateHoverMarkdown, termHoverMarkdown, withPage } from '../../features/hoverText';
import { makeSafe } from '../../features/markdown';
import { annotationAt, occurrencesOf, themeFamily } from '../../features/occurrences';
import type { Annotation, ReferenceDate } from '../../core';

/** The languages hovers are offered for (setting `thaiPolicyLens.languages`). */
function documentSelector(settings: Settings): vscode.DocumentSelector {
  const languages = settings.languages;
  if (languages.includes('*')) return '*';
  return languages.map((language) => ({ language }));
}

/**
 * The Markdown of the hover over one annotation; `reference` is the date the document's
 * analysis resolved relative dates against (its own date, the setting or today).
 */
export function hoverMarkdownFor(ctx: FeatureContext, annotation: Annotation, annotations: readonly Annotation[], reference?: ReferenceDate): string {
  switch (annotation.kind) {
    case 'term': {
      const set = ctx.glossaries.set;
      const theme = set.theme(annotation.theme);
      const termCount = occurrencesOf(annotations, new Set([annotation.theme]), annotation.term).length;
      const themeCount = theme ? occurrencesOf(annotations, themeFamily(set, theme.id)).length : 0;
      return termHoverMarkdown({
        annotation,
        theme,
        ancestors: set.ancestors(annotation.theme),
        entry: ctx.glossaries.findTerm(annotation.theme, annotation.term),
        termCount,
        themeCount,
        lang: ctx.settings.contentLanguage,
      });
    }
    case 'country':
      return countryHoverMarkdown(annotation, countryByCode(annotation.country), ctx.settings.contentLanguage);
    case 'date':
      return dateHoverMarkdown(annotation, reference, ctx.settings.contentLanguage);
  }
}

class GlossHoverProvider implements vscode.HoverProvider {
  constructor(private readonly ctx: FeatureContext) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.ctx.analysis.isEnabledFor(document)) return undefined;
    const analysis = this.ctx.analysis.get(document);
    if (analysis.skipped) return undefined;
    const annotation = annotationAt(analysis.annotations, document.offsetAt(position));
    if (!annotation) return undefined;
    const commands = annotation.kind === 'term' ? HOVER_COMMAND_IDS : [];
    const page = pageAt(document.getText(), annotation.start, this.ctx.settings.for(document.uri).pageMarker);
    const markdown = makeSafe(new vscode.MarkdownString(withPage(hoverMarkdownFor(this.ctx, annotation, analysis.annotations, analysis.reference), page)), commands);
    const range = new vscode.Range(document.positionAt(annotation.start), document.positionAt(annotation.end));
    return new vscode.Hover(markdown, range);
  }
}

/** The hover provider, registered for the languages analysed (again when the setting changes). */
export class Hovers extends Disposable {
  private registration: vscode.Disposable;

  constructor(ctx: FeatureContext) {
    super();
    const provider = new GlossHoverProvider(ctx);
    this.registration = vscode.languages.registerHoverProvider(documentSelector(ctx.settings), provider);
    this.registerAll(
      { dispose: () => this.registration.dispose() },
      ctx.settings.onDidChange((e) => {
        if (!e.affects('languages')) return;
        this.registration.dispose();
        this.registration = vscode.languages.registerHoverProvider(documentSelector(ctx.settings), provider);
      }),
    );
  }
}
