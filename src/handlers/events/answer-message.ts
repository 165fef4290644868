import type { WebClient } from '@slack/web-api';
import { buildErrorCard } from '../../blocks/error-card.js';
import type { SlackMessage } from '../../blocks/limits.js';
import { withoutSlackMarkup } from '../../blocks/mrkdwn.js';
import type { EngineResult } from '../../engine/engine.js';
import { detectLanguage } from '../../engine/language.js';
import { type Language, languageOfLocale } from '../../knowledge/languages.js';
import { countQuestion } from '../../metrics.js';
import { replyTo } from '../../replies/reply.js';
import type { Deps } from '../deps.js';
import { knownLanguage } from '../language.js';
import { recordIfUnanswered } from '../record-unanswered.js';

type Reply = { result: EngineResult | null; message: SlackMessage; language?: Language };

/** Answers a question from a message, in the thread or conversation it came from. */
export async function answerMessage(
  deps: Deps,
  client: WebClient,
  where: { channel: string; threadTs?: string; teamId?: string; userId: string; surface: 'mention' | 'dm'; startedAt: number },
  question: string,
): Promise<void> {
  let reply: Reply;
  let language: Language | undefined;
  try {
    // The person's Slack language counts only for questions too short or mixed to tell; detected once, here.
    language = detectLanguage(withoutSlackMarkup(question)) ?? languageOfLocale(await deps.admins.locale(client, where.userId)) ?? 'en';
    reply = replyTo(deps.kb, question, deps.now(), { language });
  } catch (error) {
    deps.logger.error({ err: error }, 'could not build an answer');
    // The apology in the language the answer would have had, as far as it was found.
    const fallback = language ?? knownLanguage(deps, where.userId);
    reply = { result: null, message: buildErrorCard(deps.kb.say(fallback)) };
  }
  const { result, message } = reply;
  try {
    await client.chat.postMessage({
      channel: where.channel,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
    });
  } catch (error) {
    // Nobody to tell in Slack if posting itself fails; the log has it.
    deps.logger.error({ err: error, channel: where.channel }, 'could not post an answer');
  }
  if (result) countQuestion({ surface: where.surface, kind: result.kind, topic: result.topic, language: reply.language }, where.startedAt);
  if (result) await recordIfUnanswered(deps, result, where.teamId, where.userId);
}
