import type { FuzzyVocabulary } from './fuzzy-vocabulary.js';
import { stem, tokenize } from './text.js';

/** A phrase to look for, as stems, with what it stands for. */
export interface Phrase<T> {
  stems: string[];
  value: T;
}

/** Stems of a phrase as written in the knowledge base ("opt-out" → ["opt", "out"]). */
export function phraseStems(text: string): string[] {
  return tokenize(text).map(stem);
}

/**
 * Finds phrases in a question whose words may be misspelt. `candidates[i]` holds the known stems
 * that the question's i-th word may be; a phrase matches where its stems appear one after another.
 */
export class PhraseIndex<T> {
  private readonly byFirstStem = new Map<string, Phrase<T>[]>();

  constructor(phrases: Iterable<Phrase<T>>) {
    for (const phrase of phrases) {
      const first = phrase.stems[0];
      if (first === undefined) continue;
      const list = this.byFirstStem.get(first) ?? [];
      list.push(phrase);
      this.byFirstStem.set(first, list);
    }
  }

  *stems(): Iterable<string> {
    for (const list of this.byFirstStem.values()) for (const p of list) yield* p.stems;
  }

  /** Every phrase found, once each (the first place it occurs), with the word positions it covers. */
  find(candidates: readonly (readonly string[])[]): { phrase: Phrase<T>; start: number; end: number }[] {
    const found = new Map<Phrase<T>, { phrase: Phrase<T>; start: number; end: number }>();
    for (let i = 0; i < candidates.length; i++) {
      for (const first of candidates[i] ?? []) {
        for (const phrase of this.byFirstStem.get(first) ?? []) {
          if (found.has(phrase)) continue;
          if (phrase.stems.every((s, k) => candidates[i + k]?.includes(s))) {
            found.set(phrase, { phrase, start: i, end: i + phrase.stems.length });
          }
        }
      }
    }
    return [...found.values()];
  }
}

/** Known stems each question word may stand for: its own stem when known, else its near misses. */
export function candidateStems(tokens: readonly string[], vocabulary: FuzzyVocabulary): (readonly string[])[] {
  return tokens.map((token) => vocabulary.lookup(stem(token)));
}
