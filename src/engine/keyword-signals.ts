import type { Topic } from '../knowledge/schema.js';
import { FuzzyVocabulary } from './fuzzy-vocabulary.js';
import { candidateStems, type Phrase, PhraseIndex, phraseStems } from './phrase-index.js';
import { tokenize } from './text.js';

/** How much one matched keyword counts (strong 4, normal 2, weak 1), before the classifier weighs it. */
export const KEYWORD_WEIGHT = { strong: 4, normal: 2, weak: 1 } as const;

export interface ScopeTerms {
  domainTerms: string[];
  subjectTerms: string[];
  otherCompanies: string[];
  offTopic: string[];
}

type Signal =
  | { kind: 'keyword'; topic: string; weight: number }
  | { kind: 'domain' | 'subject' | 'off-topic' }
  | { kind: 'other-company'; words: string[] };

export interface Signals {
  /** Keyword weight found for each topic that has any. */
  keywords: Map<string, number>;
  /** How many strong keywords of each topic the question uses. */
  strong: Map<string, number>;
  domainHits: number;
  mentionsSubject: boolean;
  mentionsOtherCompany: boolean;
  offTopic: boolean;
}

/**
 * Finds the knowledge base's hand-written hints in a question: topic keywords in seven languages
 * (typos tolerated), and the scope's terms (the subject, the domain, other companies, other requests).
 * The topic model uses them as features beside the words themselves.
 */
export class KeywordSignals {
  private readonly signals: PhraseIndex<Signal>;
  private readonly vocabulary: FuzzyVocabulary;

  constructor(topics: readonly Topic[], scope: ScopeTerms) {
    const phrases: Phrase<Signal>[] = [];
    for (const topic of topics) {
      for (const level of ['strong', 'normal', 'weak'] as const) {
        for (const k of topic.keywords[level])
          phrases.push({ stems: phraseStems(k), value: { kind: 'keyword', topic: topic.id, weight: KEYWORD_WEIGHT[level] } });
      }
    }
    const add = (terms: string[], kind: 'domain' | 'subject' | 'off-topic') => {
      for (const t of terms) phrases.push({ stems: phraseStems(t), value: { kind } });
    };
    add(scope.domainTerms, 'domain');
    add(scope.subjectTerms, 'subject');
    add(scope.offTopic, 'off-topic');
    for (const company of scope.otherCompanies)
      phrases.push({ stems: phraseStems(company), value: { kind: 'other-company', words: tokenize(company) } });
    this.signals = new PhraseIndex(phrases);
    this.vocabulary = new FuzzyVocabulary(this.signals.stems());
  }

  /** The hints in a question's tokens (folded, place names already left out). */
  find(tokens: readonly string[]): Signals {
    const candidates = candidateStems(tokens, this.vocabulary);
    const out: Signals = {
      keywords: new Map(),
      strong: new Map(),
      domainHits: 0,
      mentionsSubject: false,
      mentionsOtherCompany: false,
      offTopic: false,
    };
    const found = this.signals.find(candidates);
    // Longer phrases are more specific, so they count a little more.
    const value = (m: (typeof found)[number]) => (m.phrase.value.kind === 'keyword' ? m.phrase.value.weight * (1 + 0.25 * (m.end - m.start - 1)) : 0);
    found.sort((a, b) => value(b) - value(a));
    // Words count once per topic: "opt-out" matches both "opt out" and "opt-out", but is one hint.
    const usedWords = new Map<string, Set<number>>();
    for (const match of found) {
      const signal = match.phrase.value;
      if (signal.kind === 'keyword') {
        const used = usedWords.get(signal.topic) ?? new Set<number>();
        usedWords.set(signal.topic, used);
        const words = Array.from({ length: match.end - match.start }, (_, k) => match.start + k);
        if (words.some((w) => used.has(w))) continue;
        for (const w of words) used.add(w);
        out.keywords.set(signal.topic, (out.keywords.get(signal.topic) ?? 0) + value(match));
        if (signal.weight === KEYWORD_WEIGHT.strong) out.strong.set(signal.topic, (out.strong.get(signal.topic) ?? 0) + 1);
      } else if (signal.kind === 'domain') out.domainHits++;
      else if (signal.kind === 'subject') out.mentionsSubject = true;
      else if (signal.kind === 'other-company') out.mentionsOtherCompany = out.mentionsOtherCompany || exactWordMatch(tokens, signal.words);
      else out.offTopic = true;
    }
    return out;
  }
}

/** Company names are matched word for word: near misses would turn "apply" into "apple". */
function exactWordMatch(tokens: readonly string[], words: readonly string[]): boolean {
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, k) => tokens[i + k] === w)) return true;
  }
  return false;
}
