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
import { dateLabel } from '../format/relative-time.js';
import type { RegionId } from '../knowledge/schema.js';


export interface Reply {
  result: EngineResult;
  message: SlackMessage;
}

/** Question in, engine result and card out: what every surface (CLI, slash command, mention, DM) shows. */
export function replyTo(kb: KnowledgeBase, question: string, now: DateTime = DateTime.now()): Reply {
  // The same question on the same day gets the same card: people ask the same things over and over.
  const key = `${now.toISODate()}\u0000${question}`;
  const cache = answerCaches.get(kb) ?? new Map<string, Reply>();
  answerCaches.set(kb, cache);
  const hit = cache.get(key);
  if (hit) return hit;
  // Mentions and links are markup, not words of the question; the card still quotes it as asked.
  const result = { ...answerQuestion(kb, withoutSlackMarkup(question)), question };
  const response = { result, message: cardFor(kb, result, now) };
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

export function cardFor(kb: KnowledgeBase, result: EngineResult, now: DateTime): SlackMessage {
  switch (result.kind) {
    case 'empty':
      return helpCard(kb);
    case 'out-of-scope':
      return buildOutOfScopeCard({
        question: result.question,
        examples: starterTopics(kb).slice(0, 3),
        changeDate: dateLabel(changeDate(kb)),
        helpChannel: kb.organisation?.helpChannel,
      });
    case 'did-you-mean':
      return buildDidYouMeanCard({
        question: result.question,
        suggestions: result.suggestions.map((id) => topicLink(kb, id)),
        starters: starterTopics(kb),
        place: { region: result.region, country: result.country },
        organisation: kb.organisation,
      });
    case 'answer': {
      const answer = composeFromResult(kb, result, now);
      return answer ? buildAnswerCard(answer) : helpCard(kb);
    }
  }
}

/** The card for a topic picked from a button, keeping the place the person asked about. */
export function topicCard(kb: KnowledgeBase, topicId: string, place: PlaceContext, now: DateTime): SlackMessage {
  if (!kb.topics.has(topicId)) return helpCard(kb);
  return buildAnswerCard(composeAnswer(kb, topicId, '', place, now));
}

/** What the change is about: an empty `/linkedin-ai`. */
export function overviewCard(kb: KnowledgeBase, now: DateTime): SlackMessage {
  return topicCard(kb, kb.surfaces.roles.overview, { region: null, country: null }, now);
}

export function helpCard(kb: KnowledgeBase): SlackMessage {
  const first = kb.menu('starter');
  const ids = [...first, ...[...kb.topics.keys()].filter((id) => !first.includes(id))];
  return buildHelpCard({ examples: kb.surfaces.examples, topics: ids.map((id) => topicLink(kb, id)), organisation: kb.organisation });
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
): SlackMessage {
  return buildAnswerCard(composeAnswer(kb, kb.surfaces.roles.applicability, '', { region, country, place }, now));
}

function starterTopics(kb: KnowledgeBase) {
  return kb.menu('starter').map((id) => topicLink(kb, id));
}

/** The Details modal for what a card was made of: a topic for a place, or a question. */
export function detailsFor(kb: KnowledgeBase, request: CardRequest, now: DateTime): DetailsModal | null {
  if (request.kind === 'topic' && kb.topics.has(request.topic)) {
    return buildDetailsModal(composeAnswer(kb, request.topic, '', { region: request.region ?? null, country: request.country ?? null }, now));
  }
  if (request.kind === 'question') {
    const answer = composeFromResult(kb, replyTo(kb, request.question, now).result, now);
    return answer ? buildDetailsModal(answer) : null;
  }
  return null;
}

/** Makes a card again from what it was made of (a shared card, a button). */
export function cardForRequest(kb: KnowledgeBase, request: CardRequest, now: DateTime): SlackMessage {
  switch (request.kind) {
    case 'question':
      return replyTo(kb, request.question, now).message;
    case 'topic':
      return topicCard(kb, request.topic, { region: request.region ?? null, country: request.country ?? null }, now);
    case 'region':
      return regionCard(kb, request.region, now, request.place ?? null, request.country ?? null);
    case 'overview':
      return overviewCard(kb, now);
    case 'help':
      return helpCard(kb);
  }
}
