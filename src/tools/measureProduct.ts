/**
 * The product as the measuring scripts see it: glossary files loaded into a GlossarySet,
 * and an Analyzer built once for them. Node-only (reads files).
 */
import * as fs from 'node:fs';
import { Analyzer } from '../core';
import { GlossarySet } from '../core';

/** Reads a text file as the CLI does: UTF-8 with a leading byte order mark dropped. */
export function readText(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A loaded product: the analyzer, its glossaries and their sizes. */
export interface LoadedProduct {
  analyzer: Analyzer;
  glossaries: GlossarySet;
  /** glossary files in force */
  files: string[];
  themeCount: number;
  termCount: number;
  /** time to parse and merge the glossaries (GlossarySet.update), ms */
  parseMs: number;
  /** time to build the matcher (Analyzer.getMatcher), ms */
  buildMs: number;
}

/** Thrown when a glossary file cannot be read or has errors; the message is one line. */
export class GlossaryLoadError extends Error {}

/**
 * Loads glossary files (given as name and text) into one GlossarySet and builds the
 * Analyzer's matcher once. Throws GlossaryLoadError with `file:line:column: message`
 * for the first error.
 */
export function loadProduct(sources: ReadonlyArray<{ file: string; text: string }>): LoadedProduct {
  const started = performance.now();
  const glossaries = new GlossarySet();
  for (const { file, text } of sources) {
    const error = glossaries.update(file, text).find((d) => d.severity === 'error');
    if (error) throw new GlossaryLoadError(`${error.file}:${error.line}:${error.column}: ${error.message}`);
  }
  const parsedAt = performance.now();
  const analyzer = new Analyzer(glossaries);
  analyzer.getMatcher();
  const builtAt = performance.now();
  let termCount = 0;
  for (const t of glossaries.terms) termCount += 1 + t.aliases.length;
  return {
    analyzer,
    glossaries,
    files: sources.map((s) => s.file),
    themeCount: glossaries.flatThemes.length,
    termCount,
    parseMs: parsedAt - started,
    buildMs: builtAt - parsedAt,
  };
}

/** Loads glossary files from disk (see `loadProduct`). */
export function loadProductFromFiles(files: readonly string[]): LoadedProduct {
  const sources = files.map((file) => {
    try {
      return { file, text: readText(file) };
    } catch (e) {
      throw new GlossaryLoadError(`${file}: cannot read glossary: ${(e as Error).message}`);
    }
  });
  return loadProduct(sources);
}
