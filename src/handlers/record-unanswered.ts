import type { EngineResult } from '../engine/engine.js';
import type { Deps } from './deps.js';

/** Keeps questions the app could not answer (30 days) so admins can see what to add to the knowledge base. */
export async function recordIfUnanswered(deps: Deps, result: EngineResult, teamId: string | undefined, userId: string): Promise<void> {
  if (result.kind !== 'out-of-scope' && result.kind !== 'did-you-mean') return;
  try {
    await deps.store.recordUnanswered({ teamId: teamId ?? 'unknown', userId, question: result.question, kind: result.kind }, deps.now());
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not record an unanswered question');
  }
}
