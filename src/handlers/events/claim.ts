import type { Deps } from '../deps.js';

/**
 * True when this delivery of an event should be handled. Slack retries events it thinks were lost;
 * the first replica to store the event id answers, every later delivery is dropped.
 */
export async function claim(deps: Deps, body: { event_id?: string }): Promise<boolean> {
  if (!body.event_id) return true;
  try {
    const first = await deps.store.claimEvent(body.event_id, deps.now());
    if (!first) deps.logger.info({ eventId: body.event_id }, 'duplicate delivery of an event ignored');
    return first;
  } catch (error) {
    // Without the database we cannot tell a retry from a first delivery: answering twice beats never.
    deps.logger.error({ err: error, eventId: body.event_id }, 'could not record the event id; answering anyway');
    return true;
  }
}
