import type { KnownBlock, ModalView } from '@slack/types';
import type { ComposedAnswer, RegionView } from '../answers/compose.js';
import type { Say } from '../format/messages.js';
import { answerLead, placeLabel } from './answer-lead.js';
import { enforceLimits, LIMITS, truncate } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn } from './mrkdwn.js';
import { context, divider, header, markdownSections, organisationNote, section, sections, sourceLink } from './parts.js';

/** A modal whose blocks are the known kinds this app builds. */
export type DetailsModal = ModalView & { blocks: KnownBlock[] };

/**
 * The full answer, opened from a card's "Details" button: the whole answer, each place's story and
 * notes, what the sources leave unconfirmed, every source (one a line) and when they were checked.
 */
export function buildDetailsModal(answer: ComposedAnswer): DetailsModal {
  const blocks: KnownBlock[] = [header(answer.topic.title), section(answerLead(answer).mrkdwn), divider()];
  const regions = [answer.region, ...answer.otherRegions.map((o) => o.region)].flatMap((r) => (r ? [r] : []));
  const { say } = answer;
  for (const region of regions) blocks.push(...regionStory(region, say));
  if (!answer.regionIsTheAnswer) blocks.push(...markdownSections(answer.markdown));
  for (const [region, note] of [[answer.region, answer.regionNote] as const, ...answer.otherRegions.map((o) => [o.region, o.note] as const)]) {
    if (region && note) blocks.push(...sections(`*${say('region.in', { region: escapeMrkdwn(region.shortName) })}* ${markdownToMrkdwn(note)}`));
  }
  if (answer.unconfirmed.length) blocks.push(...unconfirmedSection(answer.unconfirmed, say));
  blocks.push(...organisationNote(answer.organisation));
  const sources = answer.sources.map((s) => `• ${sourceLink(s)}`);
  if (sources.length) blocks.push(...sections(`*${say('details.sources')}*\n${sources.join('\n')}`));
  blocks.push(context(say('details.checked', { date: escapeMrkdwn(answer.lastChecked) })));
  const { blocks: limited } = enforceLimits({ text: answer.topic.title, blocks }, 'modal');
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(say('details.title'), LIMITS.modalTitle) },
    close: { type: 'plain_text', text: truncate(say('details.close'), LIMITS.modalTitle) },
    blocks: limited,
  };
}

/** A place's whole story: its status, what the change changed there, the legal basis and its notes. */
export function regionStory(region: RegionView, say: Say): KnownBlock[] {
  const label = placeLabel(region);
  const name = escapeMrkdwn(region.name);
  const heading = label === name || label === escapeMrkdwn(region.shortName) ? `*${name}*` : `*${label}*: ${name}`;
  const lines = [
    `${heading}\n${markdownToMrkdwn(region.status)}`,
    `*${say('details.changed', { date: escapeMrkdwn(region.changedOn) })}* ${markdownToMrkdwn(region.change)}`,
  ];
  if (region.legalBasis) lines.push(`*${say('details.legalBasis')}* ${escapeMrkdwn(region.legalBasis)}`);
  for (const note of region.notes) lines.push(`• ${markdownToMrkdwn(note)}`);
  return sections(lines.join('\n\n'));
}

function unconfirmedSection(points: string[], say: Say): KnownBlock[] {
  return sections(`⚠️ *${say('details.unconfirmed')}*\n${points.map((p) => `• ${markdownToMrkdwn(p)}`).join('\n')}`);
}
