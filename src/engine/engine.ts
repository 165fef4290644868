import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { RegionId } from '../knowledge/schema.js';
import type { TopicScore } from './classifier.js';

/** What the engine made of a question. It knows nothing of Slack: cards are built from this. */
export interface EngineResult {
  question: string;
  /** answer: a topic was found; did-you-mean: in scope but unsure; out-of-scope; empty: nothing was asked. */
  kind: 'answer' | 'did-you-mean' | 'out-of-scope' | 'empty';
  outOfScope: boolean;
  topic: string | null;
  /** 0..1: how sure the engine is of `topic` (or, for did-you-mean, of its best guess). */
  confidence: number;
  region: RegionId | null;
  country: string | null;
  /** The place as the question wrote it. */
  place: string | null;
  /** Topic ids to offer as buttons: the second question asked, or the best guesses. */
  suggestions: string[];
}

/** Tuning, in one place. Scores are sums of keyword weights (strong 4, normal 2, weak 1) and similarity × 6. */
export const THRESHOLDS = {
  /** Added to the `regions` topic when a place is named: "does this apply to our Toronto office?". */
  placeBonus: 4,
  /** …and this much when another topic's strong keyword is in the question too. */
  placeBonusWithOtherTopic: 1,
  /** Below this best score there is not enough evidence for any topic. */
  minScore: 3,
  /** Below this confidence the engine asks "did you mean" instead of answering. */
  answerConfidence: 0.4,
  /** A second topic is offered as a button when it has its own keywords and this share of the best score. */
  secondaryShare: 0.45,
  maxSuggestions: 3,
} as const;

/** Longest question the engine reads; the rest is ignored (Slack messages can be 40,000 characters). */
export const MAX_QUESTION_LENGTH = 2000;

export function answerQuestion(kb: KnowledgeBase, rawQuestion: string): EngineResult {
  const question = rawQuestion.trimStart().slice(0, MAX_QUESTION_LENGTH);
  const base = { question: rawQuestion, region: null, country: null, place: null };
  if (!question.trim()) return { ...base, kind: 'empty', outOfScope: false, topic: null, confidence: 1, suggestions: [] };

  const place = kb.gazetteer.find(question);
  const analysis = kb.classifier.analyse(question, place);
  const placed = place ? { region: place.region, country: place.country, place: place.text } : {};
  const outOfScope = (confidence: number) => ({ ...base, kind: 'out-of-scope' as const, outOfScope: true, topic: null, confidence, suggestions: [] });

  // A place makes "does it apply here?" likelier, unless the question clearly asks something else
  // (a strong keyword of another topic: "Garante", "CVs", "Microsoft"); then the place is just context.
  const otherTopicNamed = analysis.scores.some((s) => s.id !== 'regions' && s.strong > 0);
  const bonus = place ? (otherTopicNamed ? THRESHOLDS.placeBonusWithOtherTopic : THRESHOLDS.placeBonus) : 0;
  const scores = analysis.scores.map((s) => (s.id === 'regions' ? { ...s, score: s.score + bonus } : s));
  scores.sort((a, b) => b.score - a.score);
  const [top, second] = scores as [TopicScore, TopicScore | undefined];

  // Out of scope: about another company, a request the app does not do, or nothing of the subject at all.
  const aboutSomeoneElse = analysis.mentionsOtherCompany && !analysis.mentionsSubject;
  const otherRequest = analysis.offTopic && analysis.domainHits < 2;
  const hasEvidence =
    analysis.domainHits > 0 ||
    analysis.strongHits > 0 ||
    (place !== null && (analysis.mentionsSubject || (top.id === 'regions' && top.keywords > 0)));
  if (aboutSomeoneElse || otherRequest || !hasEvidence) return outOfScope(0.9);

  const confidence = confidenceOf(top, second);
  if (top.score < THRESHOLDS.minScore || confidence < THRESHOLDS.answerConfidence) {
    const suggestions = scores
      .filter((s) => s.score > 0)
      .slice(0, THRESHOLDS.maxSuggestions)
      .map((s) => s.id);
    if (suggestions.length === 0) return outOfScope(0.6);
    return { ...base, ...placed, kind: 'did-you-mean', outOfScope: false, topic: null, confidence, suggestions };
  }
  const secondary = second && second.keywords >= 2 && second.score >= THRESHOLDS.secondaryShare * top.score ? [second.id] : [];
  return { ...base, ...placed, kind: 'answer', outOfScope: false, topic: top.id, confidence, suggestions: secondary };
}

/** Half from the margin over the runner-up, half from the absolute weight of evidence. */
function confidenceOf(top: TopicScore, second: TopicScore | undefined): number {
  if (top.score <= 0) return 0;
  const margin = (top.score - (second?.score ?? 0)) / top.score;
  const strength = Math.min(1, top.score / 10);
  return Math.round((0.5 * margin + 0.5 * strength) * 100) / 100;
}
