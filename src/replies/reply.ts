import { DateTime } from 'luxon';
import { changeDate, composeAnswer, composeFromResult, type PlaceContext, topicLink } from '../answers/compose.js';
import type { CardRequest } from '../blocks/actions.js';
import { buildAnswerCard } from '../blocks/answer-card.js';
import { buildDetailsModal, type DetailsModal } from '../blocks/details-modal.js';
import { buildDidYouMeanCard } from '../blocks/did-you-mean-card.js';
import { buildHelpCard } from '../blocks/help-card.js';
import type { SlackMessage } from '../blocks/limits.js';
import { withoutSlackMarkup } from '../blocks/mrkdwn.js';
import { buildOutOfScopeCard } from '../blocks/out-of-scope-card.js';
import { answerQuestion, type EngineResult } from '../engine/engine.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { detectLanguage } from '../engine/language.js';
import { dateLabel } from '../format/relative-time.js';
import type { Language } from '../knowledge/languages.js';
import type { RegionId } from '../knowledge/schema.js';


export interface Reply {
  result: EngineResult;
  message: SlackMessage;
  /** The language of the card: the question's own when clear, else the person's, else English. */
  language: Language;
}

export interface ReplyOptions {
  /** Answer in this language whatever the question's ("ask --lang de"). */
  language?: Language | undefined;
  /** The person's language (their Slack locale), for questions too short or mixed to tell. */
  fallback?: Language | null | undefined;
}

/** Question in, engine result and card out: what every surface (CLI, slash command, mention, DM) shows. */
export function replyTo(kb: KnowledgeBase, question: string, now: DateTime = DateTime.now(), options: ReplyOptions = {}): Reply {
  // The same question on the same day gets the same card: people ask the same things over and over.
  // The key holds what decides the language, so a hit needs no language detection either.
  const key = `${now.toISODate()}\u0000${options.language ?? ''}\u0000${options.fallback ?? ''}\u0000${question}`;
  const cache = answerCaches.get(kb) ?? new Map<string, Reply>();
  answerCaches.set(kb, cache);
  const hit = cache.get(key);
  if (hit) return hit;
  // Mentions and links are markup, not words of the question; the card still quotes it as asked.
  const text = withoutSlackMarkup(question);
  const language = options.language ?? detectLanguage(text) ?? options.fallback ?? 'en';
  const result = { ...answerQuestion(kb, text), question };
  const response = { result, message: cardFor(kb, result, now, language), language };
  // Long texts are rarely asked twice; keeping them would only hold memory.
  if (question.length <= MAX_CACHED_QUESTION) {
    if (cache.size >= ANSWER_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, response);
  }
  return response;
}

/** Answers kept per knowledge base; the oldest goes first. Cards are immutable once built. */
const ANSWER_CACHE_SIZE = 2000;
const MAX_CACHED_QUESTION = 300;
const answerCaches = new WeakMap<KnowledgeBase, Map<string, Reply>>();

export function cardFor(kb: KnowledgeBase, result: EngineResult, now: DateTime, language: Language = 'en'): SlackMessage {
  const say = kb.say(language);
  switch (result.kind) {
    case 'empty':
      return helpCard(kb, language);
    case 'out-of-scope':
      return buildOutOfScopeCard({
        question: result.question,
        examples: starterTopics(kb, language).slice(0, 3),
        changeDate: dateLabel(changeDate(kb), language),
        helpChannel: kb.organisation?.helpChannel,
        say,
        language,
      });
    case 'did-you-mean':
      return buildDidYouMeanCard({
        question: result.question,
        suggestions: result.suggestions.map((id) => topicLink(kb, id, language)),
        starters: starterTopics(kb, language),
        place: { region: result.region, country: result.country, language },
        organisation: kb.organisation,
        say,
      });
    case 'answer': {
      const answer = composeFromResult(kb, result, now, language);
      return answer ? buildAnswerCard(answer) : helpCard(kb, language);
    }
  }
}

/** The card for a topic picked from a button, keeping the place the person asked about. */
export function topicCard(kb: KnowledgeBase, topicId: string, place: PlaceContext, now: DateTime, language: Language = 'en'): SlackMessage {
  if (!kb.topics.has(topicId)) return helpCard(kb, language);
  return buildAnswerCard(composeAnswer(kb, topicId, '', place, now, language));
}

/** What the change is about: an empty `/linkedin-ai`. */
export function overviewCard(kb: KnowledgeBase, now: DateTime, language: Language = 'en'): SlackMessage {
  return topicCard(kb, kb.surfaces.roles.overview, { region: null, country: null }, now, language);
}

export function helpCard(kb: KnowledgeBase, language: Language = 'en'): SlackMessage {
  const first = kb.menu('starter');
  const ids = [...first, ...[...kb.topics.keys()].filter((id) => !first.includes(id))];
  return buildHelpCard({
    examples: kb.surfaces.examples,
    topics: ids.map((id) => topicLink(kb, id, language)),
    organisation: kb.organisation,
    say: kb.say(language),
    language,
  });
}

/** The region card for a place ("Zürich", "Canada", "EU"), or null when no place is recognised. */
export function regionCardFor(kb: KnowledgeBase, placeText: string, now: DateTime): SlackMessage | null {
  const place = kb.gazetteer.find(placeText);
  if (!place) return null;
  return regionCard(kb, place.region, now, place.text, place.country);
}

export function regionCard(
  kb: KnowledgeBase,
  region: RegionId,
  now: DateTime,
  place: string | null = null,
  country: string | null = null,
  language: Language = 'en',
): SlackMessage {
  return buildAnswerCard(composeAnswer(kb, kb.surfaces.roles.applicability, '', { region, country, place }, now, language));
}

function starterTopics(kb: KnowledgeBase, language: Language) {
  return kb.menu('starter').map((id) => topicLink(kb, id, language));
}

/** The Details modal for what a card was made of: a topic for a place, or a question. */
export function detailsFor(kb: KnowledgeBase, request: CardRequest, now: DateTime): DetailsModal | null {
  if (request.kind === 'topic' && kb.topics.has(request.topic)) {
    const place = { region: request.region ?? null, country: request.country ?? null };
    return buildDetailsModal(composeAnswer(kb, request.topic, '', place, now, request.language ?? 'en'));
  }
  if (request.kind === 'question') {
    const reply = replyTo(kb, request.question, now, { language: request.language });
    const answer = composeFromResult(kb, reply.result, now, reply.language);
    return answer ? buildDetailsModal(answer) : null;
  }
  return null;
}

/** "Share in channel" in the language of the card a request makes. */
export function shareLabel(kb: KnowledgeBase, request: CardRequest): string {
  return kb.say(request.language ?? 'en')('menu.share');
}

/** Makes a card again from what it was made of (a shared card, a button), in the language it was in. */
export function cardForRequest(kb: KnowledgeBase, request: CardRequest, now: DateTime): SlackMessage {
  const language = request.language ?? 'en';
  switch (request.kind) {
    case 'question':
      return replyTo(kb, request.question, now, { language: request.language }).message;
    case 'topic':
      return topicCard(kb, request.topic, { region: request.region ?? null, country: request.country ?? null }, now, language);
    case 'region':
      return regionCard(kb, request.region, now, request.place ?? null, request.country ?? null, language);
    case 'overview':
      return overviewCard(kb, now, language);
    case 'help':
      return helpCard(kb, language);
  }
}
