import type { Signals } from './keyword-signals.js';
import { languageStems } from './stemmers.js';
import { stem } from './text.js';

/** Stands for a place name in the token list: which place it is does not decide the topic. */
export const PLACE_TOKEN = '\u0000place';

/** What the feature extractor reads: the question's folded tokens (places replaced) and the keyword hints. */
export interface FeatureInput {
  tokens: readonly string[];
  signals: Signals;
}

const CHAR_GRAMS = [3, 4] as const;
/**
 * Each group is scaled to unit length, then by its weight: letter groups help with typos but are
 * noisy, so they count for less than whole words (chosen by cross-validation).
 */
const GROUP_WEIGHT = { words: 1, pairs: 0.7, chars: 0.5 } as const;

/**
 * The question as named features with values. Four groups, each scaled to a fixed length so that a
 * long question's hundreds of letter groups do not drown its handful of words:
 * - words, stemmed in each of the seven languages (`w:`);
 * - pairs of neighbouring words (`b:`), for "opt out", "turn off", "private messages";
 * - letter groups of 3–4 inside each word (`c:`), for typos, slang spellings and compounds ("KI-Training");
 * - hints: the knowledge base's keywords per topic, the scope's terms, whether a place is named, length.
 */
export function extractFeatures({ tokens, signals }: FeatureInput): Map<string, number> {
  const words = new Set<string>();
  const pairs = new Set<string>();
  const chars = new Set<string>();
  const hints = new Map<string, number>();
  let places = 0;
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (next !== undefined) pairs.add(`b:${pairKey(token)} ${pairKey(next)}`);
    if (token === PLACE_TOKEN) {
      places++;
      return;
    }
    for (const s of languageStems(token)) words.add(`w:${s}`);
    const padded = `^${token}$`;
    for (const n of CHAR_GRAMS) {
      for (let at = 0; at + n <= padded.length; at++) chars.add(`c:${padded.slice(at, at + n)}`);
    }
  });
  if (places) hints.set('place', 1);
  if (places > 1) hints.set('places', 1);
  const wordCount = tokens.length;
  hints.set(wordCount <= 2 ? 'len:1-2' : wordCount <= 5 ? 'len:3-5' : wordCount <= 15 ? 'len:6-15' : 'len:16+', 1);
  for (const [topic, weight] of signals.keywords) hints.set(`kw:${topic}`, Math.min(weight, 8) / 4);
  for (const [topic, count] of signals.strong) hints.set(`strong:${topic}`, Math.min(count, 2));
  if (signals.domainHits) hints.set('domain', Math.min(signals.domainHits, 3) / 3);
  if (signals.mentionsSubject) hints.set('subject', 1);
  if (signals.mentionsOtherCompany) hints.set('other-company', 1);
  if (signals.offTopic) hints.set('off-topic', 1);
  // Together they say more than apart: LinkedIn and AI or data, and no other company, is the subject itself.
  if (signals.mentionsSubject && signals.domainHits && !signals.mentionsOtherCompany) hints.set('linkedin-and-domain', 1);
  if (signals.mentionsOtherCompany && !signals.mentionsSubject) hints.set('only-other-company', 1);

  const out = new Map<string, number>();
  for (const [group, weight] of [
    [words, GROUP_WEIGHT.words],
    [pairs, GROUP_WEIGHT.pairs],
    [chars, GROUP_WEIGHT.chars],
  ] as const) {
    const scale = weight / Math.sqrt(group.size || 1);
    for (const name of group) out.set(name, scale);
  }
  const hintNorm = Math.hypot(...hints.values()) || 1;
  for (const [name, value] of hints) out.set(name, value / hintNorm);
  return out;
}

function pairKey(token: string): string {
  return token === PLACE_TOKEN ? '<place>' : stem(token);
}
