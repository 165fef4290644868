import type { Say } from '../format/messages.js';
import { enforceLimits, type SlackMessage } from './limits.js';
import { context, section } from './parts.js';

/** What a person sees if building their answer ever fails: an apology and what to try, never a stack trace. */
export function buildErrorCard(say: Say): SlackMessage {
  const text = say('error.text');
  // The same pointer to help as the out-of-scope card's.
  return enforceLimits({ text, blocks: [section(text), context(say('oos.help'))] });
}
