/** Entry of the lazily loaded `dist/dockerfile-language.js`: the language service, loaded on first use. */
export { languageRequest } from './language';
export type { Completion, CompletionItem, Diagnosis, Fold, FormatEdit, FormatOptions, LanguageRequest, LanguageResult, LanguageResults, Problem, SymbolInfo } from './language';
export { RULES, FIX_TITLES } from './teachingTexts';
export { validationMessage } from './validationWords';
export type { TeachingRule } from './teachingTexts';
export type { TeachingFinding, TeachingFix, TextEdit } from './teaching';
