import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { CardRequest } from '../../blocks/actions.js';
import { buildErrorCard } from '../../blocks/error-card.js';
import type { SlackMessage } from '../../blocks/limits.js';
import { unescapeMrkdwn } from '../../blocks/mrkdwn.js';
import { withShareButton } from '../../blocks/parts.js';
import { buildUnknownPlaceCard } from '../../blocks/unknown-place-card.js';
import type { EngineResult } from '../../engine/engine.js';
import { type Language, languageOfLocale } from '../../knowledge/languages.js';
import { countQuestion } from '../../metrics.js';
import { cardForRequest, helpCard, overviewCard, regionCard, replyTo, shareLabel } from '../../replies/reply.js';
import type { Deps } from '../deps.js';
import { knownLanguage } from '../language.js';
import { recordIfUnanswered } from '../record-unanswered.js';
import { replySafely } from '../reply-safely.js';
import { listReminders, remind } from './reminder-commands.js';

export const COMMAND = '/linkedin-ai';

/** What a shortcut word opens instead of answering it as a question: help, or a topic from surfaces.yml. */
function shortcutFor(deps: Deps, word: string): CardRequest | undefined {
  if (word === 'help') return { kind: 'help' };
  const topic = Object.hasOwn(deps.kb.surfaces.shortcuts, word) ? deps.kb.surfaces.shortcuts[word] : undefined;
  return topic ? { kind: 'topic', topic } : undefined;
}

/** What the command's text asks for: a shortcut, a region, or a question. */
export function parseCommandText(
  deps: Deps,
  text: string,
  person: Language | null = null,
): { request: CardRequest; message: SlackMessage; result?: EngineResult; language?: Language } | { unknownPlace: string; language: Language } {
  const now = deps.now();
  const trimmed = text.trim();
  const language = person ?? 'en';
  // The request keeps the card's language, so the card shared in the channel is in it too.
  const inLanguage = language === 'en' ? {} : { language };
  if (!trimmed) return { request: { kind: 'overview', ...inLanguage }, message: overviewCard(deps.kb, now, language) };
  const shortcut = shortcutFor(deps, trimmed.toLowerCase());
  if (shortcut) {
    const request: CardRequest = { ...shortcut, ...inLanguage };
    return { request, message: cardForRequest(deps.kb, request, now) };
  }
  const region = /^region\s+(.+)$/is.exec(trimmed);
  if (region?.[1]) {
    const place = deps.kb.gazetteer.find(region[1]);
    if (!place) return { unknownPlace: region[1], language };
    const request: CardRequest = { kind: 'region', region: place.region, place: place.text.slice(0, 100), country: place.country, ...inLanguage };
    return { request, message: regionCard(deps.kb, place.region, now, request.place, request.country, language) };
  }
  const reply = replyTo(deps.kb, trimmed, now, { fallback: person });
  return { request: { kind: 'question', question: trimmed, ...(reply.language === 'en' ? {} : { language: reply.language }) }, ...reply };
}

/** `/linkedin-ai …`: a shortcut, a region, a reminder command, or a question. */
export async function handle({ command, ack, client, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs, deps: Deps): Promise<void> {
  const startedAt = performance.now();
  // Slack sends &, < and > escaped; the question is read as typed (and escaped again on output).
  const text = unescapeMrkdwn(command.text ?? '').trim();
  // Reminder management talks to Slack (who is an admin, which time zone): acknowledge first.
  // "remind" starts a reminder command only when a channel follows; "remind me how…" is a question.
  const remindText = /^remind\s+((?:<#|#|[CGD][A-Z0-9]{6,}\b).*)$/is.exec(text);
  const asker = { teamId: command.team_id, userId: command.user_id };
  const isRemind = remindText !== null || /^remind$/i.test(text);
  if (isRemind || /^reminders$/i.test(text)) {
    await ack();
    try {
      if (isRemind) await remind(deps, client, asker, remindText?.[1] ?? '', respond);
      else await listReminders(deps, client, asker, respond);
    } catch (error) {
      deps.logger.error({ err: error }, 'reminder command failed');
      await replySafely(deps.logger, 'the apology for a failed reminder command', () =>
        respond({ response_type: 'ephemeral', text: deps.kb.say(knownLanguage(deps, command.user_id))('reminders.failedCommand') }),
      );
    }
    return;
  }
  // An acknowledgement cannot wait for Slack: the person's language counts only if it is already known.
  const person = languageOfLocale(deps.admins.knownLocale(command.user_id));
  let parsed: ReturnType<typeof parseCommandText>;
  try {
    parsed = parseCommandText(deps, text, person);
  } catch (error) {
    deps.logger.error({ err: error }, 'could not build an answer to the command');
    await ack({ response_type: 'ephemeral', ...buildErrorCard(deps.kb.say(person ?? 'en')) });
    return;
  }
  if ('unknownPlace' in parsed) {
    const { unknownPlace, language } = parsed;
    const card = buildUnknownPlaceCard({ place: unknownPlace, command: COMMAND, help: helpCard(deps.kb, language), say: deps.kb.say(language) });
    await ack({ response_type: 'ephemeral', ...card });
    return;
  }
  // The answer is ready in well under a millisecond, so it goes back in the acknowledgement itself.
  await ack({ response_type: 'ephemeral', ...withShareButton(parsed.message, parsed.request, shareLabel(deps.kb, parsed.request)) });
  if (parsed.result) countQuestion({ surface: 'slash', kind: parsed.result.kind, topic: parsed.result.topic, language: parsed.language }, startedAt);
  if (parsed.result) await recordIfUnanswered(deps, parsed.result, command.team_id, command.user_id);
}
