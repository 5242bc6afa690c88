/**
 * The core's public API: everything outside `src/core/` imports from here, never from a file
 * inside it (a lint rule keeps it so). The core runs in Node and in a browser: no `vscode`, no
 * Node modules.
 *
 *   text/       normalisation, the line index, colours, Markdown and CSV escaping, shared patterns
 *   glossary/   the glossary model, its YAML readers, editing a glossary file, which files are glossaries
 *   recognize/  analysis: the matcher, countries, dates, document structure
 *   tags/       anchoring passages, following tags through edits, the annotations file and its state
 *   exchange/   coded passages (CSV, Markdown, W3C), REFI-QDA codebooks, the analysis report (Markdown)
 *   corpus/     the corpus view (charts' data, KWIC) over many documents, the passage query language
 */
export * from './types';
export * from './text/normalize';
export * from './text/lines';
export * from './text/color';
export * from './text/patterns';
export * from './text/markdown';
export * from './text/csv';
export * from './text/decode';
export * from './text/thaiRepair';
export * from './text/pageMarkers';
export * from './text/locale';
export * from './text/excerpt';
export * from './glossary/glossary';
export * from './glossary/glossaryEdit';
export * from './glossary/glossaryFiles';
export * from './glossary/packs';
export * from './recognize/matcher';
export * from './recognize/analyze';
export * from './recognize/countries';
export * from './recognize/dates';
export * from './recognize/documentDate';
export * from './recognize/structure';
export * from './recognize/paragraphs';
export * from './tags/anchoring';
export * from './tags/annotationsFile';
export * from './tags/annotationsState';
export * from './tags/liveTags';
export * from './tags/coders';
export * from './tags/agreement';
export * from './exchange/codedPassages';
export * from './exchange/xml';
export * from './exchange/qdc';
export * from './exchange/qdpx';
export * from './exchange/qdpxRead';
export * from './exchange/analysisReport';
export * from './corpus/corpus';
export * from './corpus/passageQuery';
export * from './corpus/foundPassages';
