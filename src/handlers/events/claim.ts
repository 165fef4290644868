import { withDeadline } from '../../store/deadline.js';
import type { Deps } from '../deps.js';

/** How long an answer waits for the event-id claim before answering anyway (Slack wants an answer soon). */
export const CLAIM_DEADLINE_MS = 1500;

/**
 * True when this delivery of an event should be handled. Slack retries events it thinks were lost;
 * the first replica to store the event id answers, every later delivery is dropped.
 */
export async function claim(deps: Deps, body: { event_id?: string }): Promise<boolean> {
  if (!body.event_id) return true;
  try {
    const first = await withDeadline(deps.store.claimEvent(body.event_id, deps.now()), CLAIM_DEADLINE_MS, 'claiming the event id');
    if (!first) deps.logger.info({ eventId: body.event_id }, 'duplicate delivery of an event ignored');
    return first;
  } catch (error) {
    // Without the database (down, hung or locked) we cannot tell a retry from a first delivery:
    // answering twice beats never, or late.
    deps.logger.error({ err: error, eventId: body.event_id }, 'could not record the event id; answering anyway');
    return true;
  }
}
