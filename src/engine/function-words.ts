import { createRequire } from 'node:module';
import { LANGUAGES, type Language } from '../knowledge/languages.js';
import { fold } from './text.js';

// stopwords-iso is JSON: require() reads it.
const require = createRequire(import.meta.url);
const stopwords = require('stopwords-iso') as Record<string, string[]>;

/** Each language's function words ("the", "how", "und", "per"), as stopwords-iso lists them. */
export const FUNCTION_WORDS: ReadonlyMap<Language, ReadonlySet<string>> = new Map(LANGUAGES.map((l) => [l, new Set(stopwords[l] ?? [])]));

/** The function words of all seven languages, folded as questions are ("für" → "fur"). */
export const ANY_FUNCTION_WORD: ReadonlySet<string> = new Set([...FUNCTION_WORDS.values()].flatMap((words) => [...words].map(fold)));
