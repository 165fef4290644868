import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { composeRegion, topicLink } from '../../answers/compose.js';
import type { ButtonValue } from '../../blocks/actions.js';
import { buildHomeView } from '../../blocks/home-view.js';
import { describeDate } from '../../format/relative-time.js';
import { REGION_IDS } from '../../knowledge/schema.js';
import { listItems } from '../../reminders/present.js';
import { topicCard } from '../../replies/reply.js';
import { UNANSWERED_RETENTION_DAYS } from '../../store/store.js';
import type { Deps } from '../deps.js';
import { knownLanguage } from '../language.js';

/**
 * Builds and publishes the person's Home tab; admins also see the team's figures and reminders.
 * `show` is a topic picked on the tab: its answer appears in place, under the topic buttons.
 */
export async function publishHome(deps: Deps, client: WebClient, teamId: string, userId: string, show?: ButtonValue): Promise<void> {
  const now = deps.now();
  const { kb, store } = deps;
  const [confirmedAt, isAdmin] = await Promise.all([store.optOutConfirmedAt(teamId, userId), deps.admins.isAdmin(client, userId)]);
  // users.info has just been read for most people (the admin check); the Home tab, its admin section
  // included, is in their Slack language.
  const language = show?.language ?? knownLanguage(deps, userId);
  const say = kb.say(language);
  const local = (id: string) => kb.localTopic(id, language).topic;
  let admin = null;
  if (isAdmin) {
    const [optOutCount, feedback, unanswered, reminders] = await Promise.all([
      store.countOptOuts(teamId),
      store.feedbackByTopic(teamId),
      store.recentUnanswered(teamId, 15, now),
      listItems(deps.reminders, teamId, now, { say, language }),
    ]);
    admin = {
      optOutCount,
      reminders,
      feedback: feedback.map((f) => ({ ...f, title: kb.topics.has(f.topic) ? local(f.topic).title : f.topic })),
      unanswered: unanswered.map((q) => ({ ...q, when: describeDate(q.createdAt.slice(0, 10), now, language) })),
      retentionDays: UNANSWERED_RETENTION_DAYS,
    };
  }
  const view = buildHomeView({
    language,
    say,
    overviewSummary: local(kb.surfaces.roles.overview).summary,
    optOutSteps: local(kb.surfaces.roles.optOut).steps ?? [],
    optOutLimits: local(kb.surfaces.roles.optOutLimits).summary,
    settingUrl: kb.surfaces.settingUrl,
    regions: REGION_IDS.filter((id) => kb.regions.has(id)).map((id) => composeRegion(kb, id, now, null, null, language)),
    topics: kb.menu('home').map((id) => topicLink(kb, id, language)),
    organisation: kb.organisation,
    confirmedAt: confirmedAt ? describeDate(confirmedAt.slice(0, 10), now, language) : null,
    shown: show && kb.topics.has(show.topic) ? shownAnswer(deps, show) : null,
    admin,
  });
  await client.views.publish({ user_id: userId, view });
}

/** A topic's answer card for the Home tab: the same card, without 👍/👎 (those are for messages). */
function shownAnswer(deps: Deps, show: ButtonValue): { title: string; blocks: KnownBlock[] } {
  const language = show.language ?? 'en';
  const card = topicCard(deps.kb, show.topic, { region: show.region ?? null, country: show.country ?? null }, deps.now(), language);
  return { title: deps.kb.localTopic(show.topic, language).topic.title, blocks: card.blocks.filter((b) => b.type !== 'context_actions') };
}

export const eventType = 'app_home_opened';

export async function handle({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs, deps: Deps): Promise<void> {
  if (event.tab !== 'home') return;
  try {
    await publishHome(deps, client, body.team_id, event.user);
  } catch (error) {
    deps.logger.error({ err: error, user: event.user }, 'could not publish the Home tab');
  }
}
