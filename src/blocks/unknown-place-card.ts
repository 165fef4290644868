import type { KnownBlock } from '@slack/types';
import type { Say } from '../format/messages.js';
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
  /** The person's language. */
  say: Say;
}

/** "I don't know a place called …", with examples of what works and the help card under it. */
export function buildUnknownPlaceCard({ place, command, help, say }: UnknownPlaceInput): SlackMessage {
  const quoted = quoteUserText(place, 80);
  const blocks: KnownBlock[] = [section(say('unknownPlace.lead', { place: quoted, command })), ...help.blocks.slice(0, 10)];
  return enforceLimits({ text: say('unknownPlace.text', { place: quoted, command }), blocks });
}
