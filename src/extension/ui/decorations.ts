/**
 * The editor's decoration types, in one place: glossary terms (a translucent background and a
 * thick underline in their theme's colour), countries (dotted) and dates (dashed) in their own
 * theme colours, and tagged passages (a thin border in the theme's colour and a light
 * background). The underlines are text underlines drawn below Thai marks under the letters
 * (src/features/underline.ts), not bottom borders, which cross them. Types are made on first
 * use, and disposed of together.
 */
import * as vscode from 'vscode';
import { opaqueHex } from '../../core';
import { Disposable } from '../disposable';
import { themeColorVariable, underline } from '../../features/underline';

export class Decorations extends Disposable {
  readonly country = this.register(
    vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('thaiPolicyLens.countryBackground'),
      textDecoration: underline('dotted', themeColorVariable('thaiPolicyLens.countryBorder'), 1),
      overviewRulerColor: new vscode.ThemeColor('thaiPolicyLens.countryBorder'),
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
  );
  readonly date = this.register(
    vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('thaiPolicyLens.dateBackground'),
      textDecoration: underline('dashed', themeColorVariable('thaiPolicyLens.dateBorder'), 1),
      overviewRulerColor: new vscode.ThemeColor('thaiPolicyLens.dateBorder'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
  );
  private readonly themes = new Map<string, vscode.TextEditorDecorationType>();
  /** overview-ruler marks only, by decoration key (a large document's summary) */
  private readonly rulers = new Map<string, vscode.TextEditorDecorationType>();
  private readonly tags = new Map<string, vscode.TextEditorDecorationType>();

  /** The type of a glossary theme's terms, in `color`. */
  theme(themeId: string, color: string): vscode.TextEditorDecorationType {
    return made(this.themes, themeId, () => {
      const rgb = opaqueHex(color);
      return {
        backgroundColor: rgb + '38', // translucent: the text stays readable on light and dark themes
        textDecoration: underline('solid', rgb, 2),
        overviewRulerColor: rgb,
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      };
    });
  }

  /**
   * The type that only marks the overview ruler for a decoration key (`theme:ID`, `country`,
   * `date`), in that key's colour and lane: a large document's summary outside the lines drawn,
   * kept apart so that redrawing those lines after an edit leaves the summary alone.
   */
  ruler(key: string, themeColor: string): vscode.TextEditorDecorationType {
    return made(this.rulers, key, () =>
      key === 'country'
        ? { overviewRulerColor: new vscode.ThemeColor('thaiPolicyLens.countryBorder'), overviewRulerLane: vscode.OverviewRulerLane.Center }
        : key === 'date'
          ? { overviewRulerColor: new vscode.ThemeColor('thaiPolicyLens.dateBorder'), overviewRulerLane: vscode.OverviewRulerLane.Left }
          : { overviewRulerColor: opaqueHex(themeColor), overviewRulerLane: vscode.OverviewRulerLane.Right },
    );
  }

  /** The theme types made so far, by theme id. */
  get themeTypes(): ReadonlyMap<string, vscode.TextEditorDecorationType> {
    return this.themes;
  }

  /** Disposes of the theme types (the glossary changed: colours may have); what they drew goes. */
  resetThemes(): void {
    for (const type of this.themes.values()) type.dispose();
    this.themes.clear();
    for (const [key, type] of this.rulers) {
      if (!key.startsWith('theme:')) continue;
      type.dispose();
      this.rulers.delete(key);
    }
  }

  /** The type of the passages tagged with a theme, in `color`; `key` names the theme and the annotations file it is drawn for. */
  tag(key: string, color: string): vscode.TextEditorDecorationType {
    return made(this.tags, key, () => {
      const rgb = opaqueHex(color);
      return {
        border: `1px solid ${rgb}`,
        borderRadius: '2px',
        backgroundColor: rgb + '1f', // lighter than a glossary match, and no underline
        overviewRulerColor: rgb,
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      };
    });
  }

  /** The tag types made so far, by key. */
  get tagTypes(): ReadonlyMap<string, vscode.TextEditorDecorationType> {
    return this.tags;
  }

  /** Disposes of the tag types; what they drew goes. */
  resetTags(): void {
    for (const type of this.tags.values()) type.dispose();
    this.tags.clear();
  }

  override dispose(): void {
    this.resetThemes();
    for (const type of this.rulers.values()) type.dispose();
    this.rulers.clear();
    this.resetTags();
    super.dispose();
  }
}

/** The type of `key` in `types`, made with `options()` the first time. */
function made(types: Map<string, vscode.TextEditorDecorationType>, key: string, options: () => vscode.DecorationRenderOptions): vscode.TextEditorDecorationType {
  let type = types.get(key);
  if (!type) types.set(key, (type = vscode.window.createTextEditorDecorationType(options())));
  return type;
}
