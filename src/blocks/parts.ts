import type { ActionsBlock, Button, ContextActionsBlock, ContextBlock, KnownBlock, Overflow, PlainTextOption, SectionBlock, StaticSelect } from '@slack/types';
import { groupBySince, type PlaceContext, type RegionView, type TopicLink } from '../answers/compose.js';
import type { Say } from '../format/messages.js';
import type { Language } from '../knowledge/languages.js';
import type { Organisation } from '../knowledge/load.js';
import type { Source } from '../knowledge/schema.js';
import { ACTIONS, type ButtonValue, type CardRequest, decodeButtonValue, decodeChoice, encodeButtonValue, encodeCardRequest, encodeChoice } from './actions.js';
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

export function divider(): KnownBlock {
  return { type: 'divider' };
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

/** A source as a link (with its short name if asked); a report without an address as its name. */
export function sourceLink(s: Source, name = s.title): string {
  const label = escapeMrkdwn(name).replace(/[|]/g, '/');
  return s.url ? `<${s.url}|${label}>` : label;
}

/** The small print under an answer: its key sources, how many more Details has, and when they were checked. */
export function sourcesLine(key: Source[], total: number, lastChecked: string, say: Say): ContextBlock {
  const more = total - key.length;
  const links = key.map((s) => sourceLink(s, truncate(s.short ?? s.title, 40)));
  if (more > 0) links.push(say('sources.more', { count: more }));
  return context(`*${say('sources.label')}* ${links.join(' · ')} · ${say('sources.checked', { date: escapeMrkdwn(lastChecked) })}`);
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

/** Where (and in which language) a button keeps the answer going. */
export type AnswerPlace = PlaceContext & { language?: Language | undefined };

function placeOf(place: AnswerPlace): Omit<ButtonValue, 'topic'> {
  return { region: place.region, country: place.country, ...(place.language ? { language: place.language } : {}) };
}

/** Opens the LinkedIn setting (its address comes from the knowledge base). */
export function settingButton(url: string, label = 'Open LinkedIn setting'): Button {
  return { ...button(label, ACTIONS.openSetting), url, style: 'primary' };
}

/** One button per topic; answering it keeps the place the person asked about. */
export function topicButtons(topics: TopicLink[], place: AnswerPlace): Button[] {
  return topics.map((t) =>
    button(t.label, `${ACTIONS.topic}${t.id}`, encodeButtonValue({ topic: t.id, ...placeOf(place) })),
  );
}

export function actions(elements: (Button | Overflow | StaticSelect)[], blockId?: string): ActionsBlock[] {
  if (elements.length === 0) return [];
  return [{ type: 'actions', ...(blockId ? { block_id: blockId } : {}), elements: elements.slice(0, LIMITS.actionsElements) }];
}

/** Slack's compact 👍/👎 for answers; each button stands for feedbackUp or feedbackDown on this topic and place. */
export function feedbackButtons(topicId: string, place: AnswerPlace, say: Say): ContextActionsBlock {
  const value = encodeButtonValue({ topic: topicId, ...placeOf(place) });
  return {
    type: 'context_actions',
    block_id: `feedback:${topicId}`,
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTIONS.feedback,
        positive_button: { text: { type: 'plain_text', text: '👍' }, value: encodeChoice(ACTIONS.feedbackUp, value), accessibility_label: truncate(say('feedback.up'), LIMITS.accessibilityLabel) },
        negative_button: {
          text: { type: 'plain_text', text: '👎' },
          value: encodeChoice(ACTIONS.feedbackDown, value),
          accessibility_label: truncate(say('feedback.down'), LIMITS.accessibilityLabel),
        },
      },
    ],
  };
}

/** One option of the "more" menu, standing for a click on `actionId`; null when its value would not fit. */
export function menuOption(text: string, actionId: string, value = ''): PlainTextOption | null {
  const choice = encodeChoice(actionId, value);
  if (choice.length > LIMITS.optionValue) return null;
  return { text: { type: 'plain_text', text: truncate(text, LIMITS.optionText), emoji: true }, value: choice };
}

/** Topics as menu options; answering one keeps the place the person asked about. */
export function topicOptions(topics: TopicLink[], place: AnswerPlace, labelOf: (t: TopicLink) => string = (t) => t.label): PlainTextOption[] {
  return topics.flatMap(
    (t) => menuOption(truncate(labelOf(t), MAX_MENU_LABEL), `${ACTIONS.topic}${t.id}`, encodeButtonValue({ topic: t.id, ...placeOf(place) })) ?? [],
  );
}

/** A label a phone shows whole (built-in labels are at most 24 characters, plus "Also: "). */
const MAX_MENU_LABEL = 30;

/** "Report a problem" asks what was wrong, for this topic and place. */
export function reportOption(topicId: string, place: AnswerPlace, label = 'Report a problem'): PlainTextOption | null {
  return menuOption(label, ACTIONS.report, encodeButtonValue({ topic: topicId, ...placeOf(place) }));
}

/** The one menu for what matters less than the buttons beside it: related topics, share, report a problem. */
export function moreMenu(options: PlainTextOption[]): Overflow[] {
  const kept = options.slice(0, LIMITS.overflowOptions);
  return kept.length ? [{ type: 'overflow', action_id: ACTIONS.more, options: kept }] : [];
}

/** Opens the full answer (every note, what is unconfirmed, every source) in a modal. */
export function detailsButton(request: CardRequest, label = 'Details'): Button {
  return button(label, ACTIONS.details, encodeCardRequest(request));
}

/** "I've opted out"; the value carries the card's language ("confirm:de"), so the thanks is in it too. */
export function confirmOptOutButton(label = "I've opted out", language: Language = 'en'): Button {
  return button(label, ACTIONS.confirmOptOut, language === 'en' ? 'confirm' : `confirm:${language}`);
}

/**
 * An ephemeral card plus a way to post it for everyone: an option in its "more" menu when it has one
 * (before "Report a problem", in place of the last topic if the menu is full), else a button.
 */
export function withShareButton(message: SlackMessage, request: CardRequest, label = 'Share in channel'): SlackMessage {
  const value = encodeCardRequest(request);
  // Answer cards come from the answer cache, so the same card is often made shareable again: do it once.
  const known = shareable.get(message);
  if (known?.value === value) return known.shared;
  const shared = enforceLimits({ text: message.text, blocks: withShareOption(message.blocks, request, label) ?? withShareRow(message.blocks, value, label) });
  shareable.set(message, { value, shared });
  return shared;
}

const shareable = new WeakMap<SlackMessage, { value: string; shared: SlackMessage }>();

function withShareRow(blocks: KnownBlock[], value: string, label: string): KnownBlock[] {
  return [...blocks.slice(0, LIMITS.blocksPerMessage - 1), ...actions([button(label, ACTIONS.share, value)], 'share')];
}

function withShareOption(blocks: KnownBlock[], request: CardRequest, label: string): KnownBlock[] | null {
  const at = blocks.findIndex((b) => b.type === 'actions' && b.elements.some((e) => e.type === 'overflow' && e.action_id === ACTIONS.more));
  const block = blocks[at] as ActionsBlock | undefined;
  const menu = block?.elements.find((e): e is Overflow => e.type === 'overflow' && e.action_id === ACTIONS.more);
  if (!block || !menu) return null;
  const report = menu.options.find((o) => decodeChoice(o.value)?.actionId === ACTIONS.report);
  // A long question does not fit an option's 150 characters: share the topic for the place instead.
  const topic = decodeButtonValue(decodeChoice(report?.value)?.value);
  const option =
    menuOption(label, ACTIONS.share, encodeCardRequest(request)) ??
    (topic ? menuOption(label, ACTIONS.share, encodeCardRequest({ kind: 'topic', ...topic })) : null);
  if (!option) return null;
  const others = menu.options.filter((o) => o !== report);
  const options = [...others.slice(0, LIMITS.overflowOptions - (report ? 2 : 1)), option, ...(report ? [report] : [])];
  const elements = block.elements.map((e) => (e === menu ? { ...menu, options } : e));
  return blocks.map((b, i) => (i === at ? { ...block, elements } : b));
}

/** The same card, posted for everyone, saying (in the card's language) who shared it. `userId` comes from Slack, never from text. */
export function sharedBy(message: SlackMessage, userId: string, say: Say): SlackMessage {
  const who = USER_ID.test(userId) ? `<@${userId}>` : say('share.someone');
  return enforceLimits({
    text: message.text,
    blocks: [context(say('share.by', { who })), ...message.blocks].slice(0, LIMITS.blocksPerMessage),
  });
}

/** Where the data is used, regions with the same start on one line. */
export function whereItAppliesSection(regions: RegionView[], heading: string): SectionBlock {
  const lines = groupBySince(regions).map((g) => `• *${escapeMrkdwn(g.names.join(', '))}:* ${escapeMrkdwn(g.since)}`);
  return section(`${heading}\n${lines.join('\n')}`);
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
