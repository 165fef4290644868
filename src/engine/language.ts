import { eld } from 'eld/extrasmall';
import { LANGUAGES, type Language } from '../knowledge/languages.js';
import { FUNCTION_WORDS } from './function-words.js';

// ELD (the smallest of its n-gram databases: its accuracy on our questions is that of the largest) only
// ever chooses among the app's languages.
eld.setLanguageSubset([...LANGUAGES]);

/**
 * The language a question is written in, when that is clear; null for short or mixed questions
 * ("Microsoft ads sharing?", "dms?"), which then take the person's Slack language, else English.
 * A language other than English also needs a function word of its own and no more English ones, or,
 * with no function words at all, a clear lead: n-grams alone read a few English words as German or Dutch.
 */
export function detectLanguage(text: string): Language | null {
  const result = eld.detect(text);
  if (!result.isReliable()) return null;
  const language = LANGUAGES.find((l) => l === result.language);
  if (!language || language === 'en') return language ?? null;
  // "l'entraînement": an elided article counts as the function word it is.
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const own = FUNCTION_WORDS.get(language) ?? new Set<string>();
  const english = FUNCTION_WORDS.get('en') ?? new Set<string>();
  const ownCount = words.filter((w) => own.has(w)).length;
  const englishCount = words.filter((w) => english.has(w) && !own.has(w)).length;
  if (ownCount > 0) return englishCount <= ownCount ? language : null;
  // No function word either way ("base légale ?"): two words at least, and clearly of one language by
  // their n-grams; one word is often a name ("Guadeloupe?").
  return englishCount === 0 && words.length >= 2 && clearLead(result.getScores(), language) ? language : null;
}

/** How far ahead of every other language a question without function words must score. */
const CLEAR_LEAD = 0.15;

function clearLead(scores: Record<string, number>, language: Language): boolean {
  const own = scores[language] ?? 0;
  return Object.entries(scores).every(([l, score]) => l === language || own - score >= CLEAR_LEAD);
}
