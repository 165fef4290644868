import type { KnownBlock } from '@slack/types';
import { enforceLimits, type SlackMessage } from './limits.js';
import { quoteUserText } from './mrkdwn.js';
import { section } from './parts.js';

export interface UnknownPlaceInput {
  /** The place as typed. */
  place: string;
  /** The slash command, for the examples ("/linkedin-ai"). */
  command: string;
  /** What to offer instead: the help card's blocks. */
  help: SlackMessage;
}

/** "I don't know a place called …", with examples of what works and the help card under it. */
export function buildUnknownPlaceCard({ place, command, help }: UnknownPlaceInput): SlackMessage {
  const quoted = quoteUserText(place, 80);
  const blocks: KnownBlock[] = [
    section(
      `🗺️ I don't know a place called _“${quoted}”_. Try a country or a city, for example \`${command} region Toronto\` or \`${command} region Deutschland\`.`,
    ),
    ...help.blocks.slice(0, 10),
  ];
  return enforceLimits({
    text: `I don't know a place called “${quoted}”. Try a country or a city, for example \`${command} region Toronto\`.`,
    blocks,
  });
}
