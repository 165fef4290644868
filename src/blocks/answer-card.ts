import type { KnownBlock } from '@slack/types';
import type { ComposedAnswer, RegionView } from '../answers/compose.js';
import { enforceLimits, type SlackMessage, truncate } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn, mrkdwnToPlain, quoteUserText } from './mrkdwn.js';
import {
  actions,
  confirmOptOutButton,
  detailsButton,
  feedbackButtons,
  header,
  markdownSections,
  organisationNote,
  section,
  sections,
  settingButton,
  sourcesContext,
  topicButtons,
} from './parts.js';

/** The answer to one question: the answer, the asker's region, what is unconfirmed, sources, next steps. */
export function buildAnswerCard(answer: ComposedAnswer): SlackMessage {
  const blocks: KnownBlock[] = [header(answer.topic.title)];
  // "Does it apply here?" with a place: the region's own story is the answer; the tour of every
  // region and its caveats would only bury it.
  const regionIsTheAnswer = answer.regionIsTheAnswer;
  // Several places: each gets its own status; the full story only when there is one.
  const full = regionIsTheAnswer && answer.otherRegions.length === 0;
  if (answer.region) blocks.push(...regionCallout(answer.region, full, regionIsTheAnswer));
  for (const other of answer.otherRegions) blocks.push(...regionCallout(other.region, false, regionIsTheAnswer));
  if (!regionIsTheAnswer) blocks.push(...markdownSections(answer.markdown));
  for (const [region, note] of [[answer.region, answer.regionNote] as const, ...answer.otherRegions.map((o) => [o.region, o.note] as const)]) {
    if (region && note) blocks.push(...sections(`*In ${escapeMrkdwn(region.shortName)}:* ${markdownToMrkdwn(note)}`));
  }
  if (answer.unconfirmed.length && !regionIsTheAnswer) blocks.push(...unconfirmedSection(answer.unconfirmed));
  blocks.push(...organisationNote(answer.organisation));
  blocks.push(sourcesContext(answer.sources, answer.lastChecked));
  blocks.push(
    ...actions(
      [
        ...(answer.settingButton ? [settingButton(answer.settingUrl), confirmOptOutButton()] : []),
        ...topicButtons(answer.alsoAsked, answer.context, 'Also: '),
        ...topicButtons(answer.related, answer.context),
      ],
      `next:${answer.topic.id}`,
    ),
  );
  const request = { kind: 'topic', topic: answer.topic.id, region: answer.context.region, country: answer.context.country } as const;
  blocks.push(...feedbackButtons(answer.topic.id, answer.context, [detailsButton(request)]));

  const labels = [answer.region, ...answer.otherRegions.map((o) => o.region)].flatMap((r) => (r ? [regionLabel(r)] : []));
  const where = labels.length ? ` (${quoteUserText(labels.join('; '), 150)})` : '';
  const gist =
    regionIsTheAnswer && answer.region
      ? [answer.region, ...answer.otherRegions.map((o) => o.region)]
          .map((r) => (answer.otherRegions.length ? `${r.name}: ${r.status}` : r.status))
          .join(' ')
      : answer.markdown;
  const text = `${escapeMrkdwn(answer.topic.title)}${where}: ${truncate(mrkdwnToPlain(markdownToMrkdwn(gist)).replace(/\s+/g, ' '), 300)}`;
  return enforceLimits({ text, blocks });
}

/** "Toronto → Canada", "Wien, Austria → European Union…": the country is named when it adds something. */
export function regionLabel(region: RegionView): string {
  const same = (a: string | null, b: string | null) => !a || !b || a.toLowerCase() === b.toLowerCase();
  const country = same(region.countryName, region.name) || same(region.countryName, region.place) ? null : region.countryName;
  const asked = [region.place ?? region.countryName, region.place ? country : null].filter(Boolean).join(', ');
  return asked && !same(asked, region.name) ? `${asked} → ${region.name}` : region.name;
}

/**
 * "📍 Toronto → Canada" with the region's status; with `change`, what the change changed there;
 * with `full`, the legal basis and notes too (the whole story, when the question was about one place).
 */
export function regionCallout(region: RegionView, full: boolean, change = full): KnownBlock[] {
  const lines = [`📍 *${quoteUserText(regionLabel(region), 120)}*`, markdownToMrkdwn(region.status)];
  if (change && !full) lines.push(`*What changed on ${escapeMrkdwn(region.changedOn)}:* ${markdownToMrkdwn(region.change)}`);
  if (full) {
    lines.push(`*What changed on ${escapeMrkdwn(region.changedOn)}:* ${markdownToMrkdwn(region.change)}`);
    if (region.legalBasis) lines.push(`*Legal basis:* ${escapeMrkdwn(region.legalBasis)}`);
    for (const note of region.notes) lines.push(`• ${markdownToMrkdwn(note)}`);
  }
  return sections(lines.join('\n\n'));
}

export function unconfirmedSection(points: string[]): KnownBlock[] {
  return [section(`⚠️ *Not confirmed by the sources:*\n${points.map((p) => `• ${markdownToMrkdwn(p)}`).join('\n')}`)];
}
