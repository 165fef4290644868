import type { ActionsBlock, Button, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import { groupBySince, type PlaceContext, type RegionView, type TopicLink } from '../answers/compose.js';
import type { Organisation } from '../knowledge/load.js';
import type { Source } from '../knowledge/schema.js';
import { ACTIONS, type CardRequest, encodeButtonValue, encodeCardRequest } from './actions.js';
import { enforceLimits, LIMITS, type SlackMessage, truncate } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn } from './mrkdwn.js';
import { USER_ID } from './slack-ids.js';

/** Pieces shared by several cards. */

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true } };
}

/** Mrkdwn in as many sections as it needs, split between paragraphs so no section passes Slack's limit. */
export function sections(mrkdwn: string): SectionBlock[] {
  const out: SectionBlock[] = [];
  let current = '';
  for (const paragraph of mrkdwn.split(/\n{2,}/)) {
    const candidate = current ? `${current}\n\n${paragraph}` : paragraph;
    if (candidate.length <= LIMITS.sectionText) current = candidate;
    else {
      if (current) out.push(section(current));
      current = paragraph;
    }
  }
  if (current.trim()) out.push(section(current));
  return out;
}

export function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) } };
}

export function markdownSections(markdown: string): SectionBlock[] {
  return sections(markdownToMrkdwn(markdown));
}

export function context(...mrkdwn: string[]): ContextBlock {
  return {
    type: 'context',
    elements: mrkdwn
      .filter(Boolean)
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) })),
  };
}

export function sourcesContext(sources: Source[], lastChecked: string): ContextBlock {
  const links = sources.map((s) => (s.url ? `<${s.url}|${escapeMrkdwn(s.title).replace(/[|]/g, '/')}>` : escapeMrkdwn(s.title))).join(' · ');
  return context(`📚 *Sources:* ${links}`, `🗓️ Last checked against them: ${escapeMrkdwn(lastChecked)}`);
}

export function organisationNote(org: Organisation | null): KnownBlock[] {
  if (!org) return [];
  return [context(`🏢 *${escapeMrkdwn(org.organisation)}:* ${markdownToMrkdwn(org.note)}`)];
}

export function button(text: string, actionId: string, value?: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
    action_id: actionId.slice(0, LIMITS.actionId),
    ...(value !== undefined ? { value: truncate(value, LIMITS.buttonValue) } : {}),
    ...(style ? { style } : {}),
  };
}

/** Opens the LinkedIn setting (its address comes from the knowledge base). */
export function settingButton(url: string): Button {
  return { ...button('Open LinkedIn setting', ACTIONS.openSetting), url, style: 'primary' };
}

/** One button per topic; answering it keeps the place the person asked about. */
export function topicButtons(topics: TopicLink[], place: PlaceContext, prefix = ''): Button[] {
  return topics.map((t) =>
    button(`${prefix}${t.title}`, `${ACTIONS.topic}${t.id}`, encodeButtonValue({ topic: t.id, region: place.region, country: place.country })),
  );
}

export function actions(elements: Button[], blockId?: string): ActionsBlock[] {
  if (elements.length === 0) return [];
  return [{ type: 'actions', ...(blockId ? { block_id: blockId } : {}), elements: elements.slice(0, LIMITS.actionsElements) }];
}

export function feedbackButtons(topicId: string, place: PlaceContext, after: Button[] = []): ActionsBlock[] {
  const value = encodeButtonValue({ topic: topicId, region: place.region, country: place.country });
  return actions([button('👍 Helpful', ACTIONS.feedbackUp, value), button('👎 Not helpful', ACTIONS.feedbackDown, value), ...after], `feedback:${topicId}`);
}

/** Opens the full answer (every note, what is unconfirmed, every source) in a modal. */
export function detailsButton(request: CardRequest): Button {
  return button('Details', ACTIONS.details, encodeCardRequest(request));
}

export function confirmOptOutButton(): Button {
  return button("✅ I've opted out", ACTIONS.confirmOptOut, 'confirm');
}

/** An ephemeral card plus the button that posts it for everyone. */
export function withShareButton(message: SlackMessage, request: CardRequest): SlackMessage {
  const value = encodeCardRequest(request);
  // Answer cards come from the answer cache, so the same card is often made shareable again: do it once.
  const known = shareable.get(message);
  if (known?.value === value) return known.shared;
  const shared = enforceLimits({
    text: message.text,
    blocks: [...message.blocks.slice(0, LIMITS.blocksPerMessage - 1), ...actions([button('📣 Share in channel', ACTIONS.share, value)], 'share')],
  });
  shareable.set(message, { value, shared });
  return shared;
}

const shareable = new WeakMap<SlackMessage, { value: string; shared: SlackMessage }>();

/** The same card, posted for everyone, saying who shared it. `userId` comes from Slack, never from text. */
export function sharedBy(message: SlackMessage, userId: string): SlackMessage {
  const who = USER_ID.test(userId) ? `<@${userId}>` : 'someone';
  return enforceLimits({
    text: message.text,
    blocks: [context(`📣 Shared by ${who}`), ...message.blocks].slice(0, LIMITS.blocksPerMessage),
  });
}

/** Where the data is used, regions with the same start on one line. */
export function whereItAppliesSection(regions: RegionView[]): SectionBlock {
  const lines = groupBySince(regions).map((g) => `• *${escapeMrkdwn(g.names.join(', '))}:* ${escapeMrkdwn(g.since)}`);
  return section(`*Where LinkedIn uses members' data for AI training (unless they opt out)*\n${lines.join('\n')}`);
}

/** "1. …\n2. …", the last step followed by what to do next ("…, then tell me below."). */
export function numberedSteps(steps: readonly string[], after: string): string {
  return steps
    .map((step, i) => {
      const text = markdownToMrkdwn(step).replace(/[.!]\s*$/, '');
      return `${i + 1}. ${text}${i === steps.length - 1 ? `, ${after}` : '.'}`;
    })
    .join('\n');
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** "three" for 3, digits from 10. */
export function countWord(n: number): string {
  return COUNT_WORDS[n] ?? String(n);
}
