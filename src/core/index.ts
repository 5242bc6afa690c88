/**
 * The recognition core's public API. Runs in Node and in a browser (no `vscode`, no Node modules).
 */
export * from './types';
export { normalize, normalizeTerm, normalizeUnits, originalEnd } from './normalize';
export type { Normalized } from './normalize';
export { parseGlossary, GlossarySet, themeColor, THEME_PALETTE } from './glossary';
export type {
  CountryAlias,
  FlatTheme,
  Glossary,
  GlossaryCountry,
  GlossaryDiagnostic,
  GlossaryTerm,
  GlossaryTheme,
  ParseResult,
  SourcePos,
} from './glossary';
export { Matcher, onWordEdges } from './matcher';
export type { MatchTarget, MatcherAnnotation, MatcherOptions, MatcherPattern } from './matcher';
export { analyze, Analyzer, matcherPatterns } from './analyze';
export type { GlossarySource } from './analyze';
export { COUNTRIES, countryByCode, countryNames, isCountryContext } from './countries';
export type { Country } from './countries';
export { findDates } from './dates';
export type { DateOptions } from './dates';
export { flagEmoji } from './countries';
export { parseStructure, truncateLabel, StructureNode } from './structure';
export type { StructureKind } from './structure';
export { anchor, describeRange, mapRange, needsReanchor, selectorsOf } from './anchoring';
export type { Anchor, TextPositionSelector, TextQuoteSelector, TextSelector, TrackedRange, TextEdit } from './anchoring';
export { emptyAnnotations, mergeAnnotations, parseAnnotationsFile, serializeAnnotationsFile } from './annotationsFile';
export type { AnnotationsData, AnnotationsFileError, FileTheme, StoredTag } from './annotationsFile';
export { codedPassage, lineAt, passagesToCsv, passagesToMarkdown, passagesToWebAnnotations } from './exports';
export type { CodedPassage, PassageSource, ThemeLookup, WebAnnotationCollection } from './exports';
export { glossaryToQdc, qdcToGlossary, QdcError } from './qdc';
export { addTermToGlossary, GlossaryEditError } from './glossaryEdit';
