import type { KnownBlock, ModalView } from '@slack/types';
import type { ComposedAnswer } from '../answers/compose.js';
import { regionCallout, unconfirmedSection } from './answer-card.js';
import { enforceLimits, LIMITS, truncate } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn } from './mrkdwn.js';
import { context, header, markdownSections, organisationNote, sections } from './parts.js';

/** A modal whose blocks are the known kinds this app builds. */
export type DetailsModal = ModalView & { blocks: KnownBlock[] };

/**
 * The full answer, opened from a card's "Details" button: the whole answer, each place's story and
 * notes, what the sources leave unconfirmed, every source (one a line) and when they were checked.
 */
export function buildDetailsModal(answer: ComposedAnswer): DetailsModal {
  const blocks: KnownBlock[] = [header(answer.topic.title)];
  const regions = [answer.region, ...answer.otherRegions.map((o) => o.region)].flatMap((r) => (r ? [r] : []));
  for (const region of regions) blocks.push(...regionCallout(region, true));
  if (!answer.regionIsTheAnswer) blocks.push(...markdownSections(answer.markdown));
  for (const [region, note] of [[answer.region, answer.regionNote] as const, ...answer.otherRegions.map((o) => [o.region, o.note] as const)]) {
    if (region && note) blocks.push(...sections(`*In ${escapeMrkdwn(region.shortName)}:* ${markdownToMrkdwn(note)}`));
  }
  if (answer.unconfirmed.length) blocks.push(...unconfirmedSection(answer.unconfirmed));
  blocks.push(...organisationNote(answer.organisation));
  const sources = answer.sources.map((s) => `• ${s.url ? `<${s.url}|${escapeMrkdwn(s.title).replace(/[|]/g, '/')}>` : escapeMrkdwn(s.title)}`);
  if (sources.length) blocks.push(...sections(`📚 *Sources*\n${sources.join('\n')}`));
  blocks.push(context(`🗓️ Last checked against them: ${escapeMrkdwn(answer.lastChecked)}`));
  const { blocks: limited } = enforceLimits({ text: answer.topic.title, blocks }, 'modal');
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate('Details', LIMITS.modalTitle) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: limited,
  };
}
