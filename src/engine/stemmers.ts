import { createRequire } from 'node:module';

/** The Snowball stemmers of nlp.js, one per language the app reads. They are CommonJS without types. */
interface Stemmer {
  stemWord(word: string): string;
}

const require = createRequire(import.meta.url);
// Only the stemmer modules: the packages' entry points also load sentiment lexicons we don't use.
const STEMMER_MODULES = [
  '@nlpjs/lang-en-min/src/stemmer-en',
  '@nlpjs/lang-fr/src/stemmer-fr',
  '@nlpjs/lang-de/src/stemmer-de',
  '@nlpjs/lang-es/src/stemmer-es',
  '@nlpjs/lang-it/src/stemmer-it',
  '@nlpjs/lang-nl/src/stemmer-nl',
  '@nlpjs/lang-pt/src/stemmer-pt',
] as const;
const stemmers: Stemmer[] = STEMMER_MODULES.map((m) => {
  const StemmerClass = require(m) as new () => Stemmer;
  return new StemmerClass();
});

const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 50_000;

/**
 * The word's stem in each of the seven languages, without repeats ("données" → "don", "donne"…).
 * A question's language is often unclear (three words, or two languages mixed), so every reading
 * is kept and the classifier learns which of them matter.
 */
export function languageStems(word: string): readonly string[] {
  const cached = cache.get(word);
  if (cached) return cached;
  const stems = [...new Set(stemmers.map((s) => s.stemWord(word)))];
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stems);
  return stems;
}
