import type { Topic } from '../knowledge/schema.js';
import { FuzzyVocabulary } from './fuzzy-vocabulary.js';
import { candidateStems, PhraseIndex, phraseStems, type Phrase } from './phrase-index.js';
import { stem, tokenize, tokenizeWithOriginal } from './text.js';

/** How much one matched keyword adds to its topic's score. */
export const KEYWORD_WEIGHT = { strong: 4, normal: 2, weak: 1 } as const;
/** How much the best cosine similarity with one of a topic's phrasings (0..1) adds. */
export const SIMILARITY_WEIGHT = 6;

export interface ScopeTerms {
  domainTerms: string[];
  subjectTerms: string[];
  otherCompanies: string[];
  offTopic: string[];
}

type Signal =
  | { kind: 'keyword'; topic: string; weight: number; text: string }
  | { kind: 'domain' | 'subject' | 'off-topic' }
  | { kind: 'other-company'; words: string[] };

export interface TopicScore {
  id: string;
  score: number;
  keywords: number;
  /** How many of the topic's strong keywords the question uses. */
  strong: number;
  similarity: number;
}

export interface Analysis {
  /** Every topic, best first. */
  scores: TopicScore[];
  /** Words in the question, places excluded. */
  words: number;
  domainHits: number;
  strongHits: number;
  mentionsSubject: boolean;
  mentionsOtherCompany: boolean;
  offTopic: boolean;
  /** The keywords that counted, for explaining a result. */
  matched: { topic: string; keyword: string; weight: number }[];
}

interface Phrasing {
  topic: string;
  weights: Map<string, number>;
  norm: number;
}

/**
 * Scores how well a question fits each topic from two kinds of evidence in the knowledge base:
 * the topic's keywords (in seven languages, typos tolerated) and its example phrasings (IDF-weighted
 * cosine similarity, so questions worded like no keyword still land near their topic).
 */
export class TopicClassifier {
  private readonly signals: PhraseIndex<Signal>;
  private readonly vocabulary: FuzzyVocabulary;
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  private readonly postings = new Map<string, { phrasing: Phrasing; weight: number }[]>();
  private readonly topicIds: string[];

  constructor(topics: readonly Topic[], scope: ScopeTerms) {
    this.topicIds = topics.map((t) => t.id);
    const phrases: Phrase<Signal>[] = [];
    for (const topic of topics) {
      for (const level of ['strong', 'normal', 'weak'] as const) {
        for (const k of topic.keywords[level])
          phrases.push({ stems: phraseStems(k), value: { kind: 'keyword', topic: topic.id, weight: KEYWORD_WEIGHT[level], text: k } });
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

    const phrasingStems = topics.flatMap((t) => t.phrasings.map((p) => ({ topic: t.id, stems: new Set(phraseStems(p)) })));
    const documentFrequency = new Map<string, number>();
    for (const p of phrasingStems) for (const s of p.stems) documentFrequency.set(s, (documentFrequency.get(s) ?? 0) + 1);
    for (const [s, df] of documentFrequency) this.idf.set(s, Math.log(1 + phrasingStems.length / df));
    this.maxIdf = Math.log(1 + phrasingStems.length);
    for (const p of phrasingStems) {
      const weights = new Map([...p.stems].map((s) => [s, this.idf.get(s) ?? 0]));
      const phrasing = { topic: p.topic, weights, norm: Math.hypot(...weights.values()) };
      for (const [s, weight] of weights) {
        const list = this.postings.get(s) ?? [];
        list.push({ phrasing, weight });
        this.postings.set(s, list);
      }
    }
    this.vocabulary = new FuzzyVocabulary([...this.signals.stems(), ...documentFrequency.keys()]);
  }

  /** Scores the question. `ignore` is a span of word positions to leave out (a place name). */
  analyse(question: string, ignore?: { start: number; end: number } | null): Analysis {
    const tokens = tokenizeWithOriginal(question)
      .map((t) => t.token)
      .filter((_, i) => !ignore || i < ignore.start || i >= ignore.end);
    const candidates = candidateStems(tokens, this.vocabulary);

    const keywordScore = new Map<string, number>();
    const strongByTopic = new Map<string, number>();
    let domainHits = 0;
    let strongHits = 0;
    let mentionsSubject = false;
    let mentionsOtherCompany = false;
    let offTopic = false;
    const found = this.signals.find(candidates);
    // Longer phrases are more specific, so they count a little more.
    const value = (m: (typeof found)[number]) => (m.phrase.value.kind === 'keyword' ? m.phrase.value.weight * (1 + 0.25 * (m.end - m.start - 1)) : 0);
    found.sort((a, b) => value(b) - value(a));
    // Words count once per topic: "opt-out" matches both "opt out" and "opt-out", but is one hint.
    const usedWords = new Map<string, Set<number>>();
    const matched: Analysis['matched'] = [];
    for (const match of found) {
      const signal = match.phrase.value;
      if (signal.kind === 'keyword') {
        const used = usedWords.get(signal.topic) ?? new Set<number>();
        usedWords.set(signal.topic, used);
        const words = Array.from({ length: match.end - match.start }, (_, k) => match.start + k);
        if (words.some((w) => used.has(w))) continue;
        for (const w of words) used.add(w);
        keywordScore.set(signal.topic, (keywordScore.get(signal.topic) ?? 0) + value(match));
        matched.push({ topic: signal.topic, keyword: signal.text, weight: value(match) });
        if (signal.weight === KEYWORD_WEIGHT.strong) {
          strongHits++;
          strongByTopic.set(signal.topic, (strongByTopic.get(signal.topic) ?? 0) + 1);
        }
      } else if (signal.kind === 'domain') domainHits++;
      else if (signal.kind === 'subject') mentionsSubject = true;
      else if (signal.kind === 'other-company') mentionsOtherCompany = mentionsOtherCompany || exactWordMatch(tokens, signal.words);
      else offTopic = true;
    }

    const similarity = this.similarities(tokens, candidates);
    const scores = this.topicIds
      .map((id) => {
        const keywords = keywordScore.get(id) ?? 0;
        const sim = similarity.get(id) ?? 0;
        return { id, keywords, strong: strongByTopic.get(id) ?? 0, similarity: sim, score: keywords + SIMILARITY_WEIGHT * sim };
      })
      .sort((a, b) => b.score - a.score);
    return { scores, words: tokens.length, domainHits, strongHits, mentionsSubject, mentionsOtherCompany, offTopic, matched };
  }

  /** Best cosine similarity between the question and each topic's phrasings. */
  private similarities(tokens: readonly string[], candidates: readonly (readonly string[])[]): Map<string, number> {
    const query = new Map<string, number>();
    let unknown = 0;
    candidates.forEach((list, i) => {
      const own = stem(tokens[i] ?? '');
      const best = list.includes(own) ? own : list.find((s) => this.idf.has(s));
      if (best && this.idf.has(best)) query.set(best, this.idf.get(best) ?? 0);
      else unknown++;
    });
    // Words the phrasings never use still count towards the question's length, with a rare word's weight.
    const queryNorm = Math.hypot(...query.values(), ...Array<number>(Math.min(unknown, 50)).fill(this.maxIdf * 0.5));
    if (queryNorm === 0) return new Map();
    const dots = new Map<Phrasing, number>();
    for (const [s, weight] of query) {
      for (const posting of this.postings.get(s) ?? []) dots.set(posting.phrasing, (dots.get(posting.phrasing) ?? 0) + weight * posting.weight);
    }
    const best = new Map<string, number>();
    for (const [phrasing, dot] of dots) {
      const cosine = dot / (queryNorm * phrasing.norm);
      if (cosine > (best.get(phrasing.topic) ?? 0)) best.set(phrasing.topic, cosine);
    }
    return best;
  }
}

/** Company names are matched word for word: near misses would turn "apply" into "apple". */
function exactWordMatch(tokens: readonly string[], words: readonly string[]): boolean {
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, k) => tokens[i + k] === w)) return true;
  }
  return false;
}
