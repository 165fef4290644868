import type { RegionId } from '../knowledge/schema.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { readQuestion } from './reader.js';

export interface NamedPlace {
  region: RegionId;
  country: string | null;
  /** As the question wrote it. */
  place: string;
}

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
  /** Every place the question names, in order; the first is `region`, `country` and `place`. */
  places: NamedPlace[];
  /** Topic ids to offer as buttons: the second question asked, or the best guesses. */
  suggestions: string[];
}

/** Longest question the engine reads; the rest is ignored (Slack messages can be 40,000 characters). */
export const MAX_QUESTION_LENGTH = 2000;
/** At most this many topics are offered on a "did you mean" card. */
export const MAX_SUGGESTIONS = 3;
/** A second topic is offered ("Also: …") at this probability or more, even when no clause asks it alone. */
const SECONDARY_AT = 0.2;
/** A topic is offered on a "did you mean" card when it has at least this probability. */
const SUGGEST_AT = 0.08;

/**
 * Reads a question: the places it names, then the topic model's probabilities. It is in scope unless
 * the model finds positive evidence of something else; a clear topic is answered, an unclear one
 * gets a "did you mean" card with the likeliest topics.
 */
export function answerQuestion(kb: KnowledgeBase, rawQuestion: string): EngineResult {
  const question = rawQuestion.trimStart().slice(0, MAX_QUESTION_LENGTH);
  const base = { question: rawQuestion, region: null, country: null, place: null, places: [] };
  if (!question.trim()) return { ...base, kind: 'empty', outOfScope: false, topic: null, confidence: 1, suggestions: [] };

  const { places, input } = readQuestion(kb.gazetteer, kb.signals, question);
  const { topics, outOfScope } = kb.model.predict(input);
  const { answerAt, outOfScopeAt } = kb.model.calibration;
  if (outOfScope >= outOfScopeAt) {
    return { ...base, kind: 'out-of-scope', outOfScope: true, topic: null, confidence: round(outOfScope), suggestions: [] };
  }

  const named = places.map((p) => ({ region: p.region, country: p.country, place: p.text }));
  const first = named[0];
  const placed = first ? { ...first, places: named } : {};
  const [top, second] = topics as [{ id: string; p: number }, { id: string; p: number } | undefined];
  const asked = clauseTopics(kb, question);
  // Two clear questions in one message split the message's probability between them: answer the one
  // the whole message leans to, else the first, and offer the other.
  const firstAsked = asked.includes(top.id) ? top.id : asked[0];
  if (top.p < answerAt && asked.length >= 2 && firstAsked && topics.slice(0, MAX_SUGGESTIONS).some((t) => t.id === firstAsked)) {
    const others = asked.filter((id) => id !== firstAsked).slice(0, 1);
    return { ...base, ...placed, kind: 'answer', outOfScope: false, topic: firstAsked, confidence: round(top.p), suggestions: others };
  }
  if (top.p < answerAt) {
    const suggestions = topics
      .filter((t) => t.p >= SUGGEST_AT)
      .slice(0, MAX_SUGGESTIONS)
      .map((t) => t.id);
    return { ...base, ...placed, kind: 'did-you-mean', outOfScope: false, topic: null, confidence: round(top.p), suggestions: suggestions.length ? suggestions : [top.id] };
  }
  const secondary = asked.find((id) => id !== top.id) ?? (second && second.p >= SECONDARY_AT ? second.id : null);
  return { ...base, ...placed, kind: 'answer', outOfScope: false, topic: top.id, confidence: round(top.p), suggestions: secondary ? [secondary] : [] };
}

/** Where one question ends and another may begin: punctuation, or "and" in the seven languages. */
const CLAUSE_BREAK = /[?!.;\n]+|\s(?:and|also|plus|et|und|y|e|ed|en)\s/i;
const MAX_CLAUSES = 4;

/**
 * "Are my DMs used, and how do I opt out?": the model gives a message one topic, so each clause is
 * also read on its own. Returns the topics that clauses ask about clearly, in the order asked.
 */
function clauseTopics(kb: KnowledgeBase, question: string): string[] {
  const clauses = question.split(CLAUSE_BREAK).filter((c) => c.trim().split(/\s+/).length >= 3);
  if (clauses.length < 2) return [];
  const { answerAt, outOfScopeAt } = kb.model.calibration;
  const found: string[] = [];
  for (const clause of clauses.slice(0, MAX_CLAUSES)) {
    const { topics, outOfScope } = kb.model.predict(readQuestion(kb.gazetteer, kb.signals, clause).input);
    const [best] = topics;
    if (best && best.p >= answerAt && outOfScope < outOfScopeAt && !found.includes(best.id)) found.push(best.id);
  }
  return found;
}

function round(p: number): number {
  return Math.round(p * 100) / 100;
}
