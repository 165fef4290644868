import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * What /metrics exposes, in Prometheus' text format. Every label takes values from a closed set
 * (surfaces, engine kinds, the knowledge base's topic ids, Slack's method names and error codes),
 * so a stranger's input can never add a time series.
 */
export const registry = new Registry();
// Memory, CPU, event-loop delay and handles of this process.
collectDefaultMetrics({ register: registry });

export type Surface = 'slash' | 'mention' | 'dm' | 'button';

const questions = new Counter({
  name: 'linkedin_ai_questions_total',
  help: 'Questions answered, by where they were asked, what the engine made of them, topic and language',
  labelNames: ['surface', 'kind', 'topic', 'language'] as const,
  registers: [registry],
});

const answerSeconds = new Histogram({
  name: 'linkedin_ai_answer_seconds',
  help: 'From receiving a question to its answer being handed to Slack (the ack for slash commands, chat.postMessage otherwise)',
  labelNames: ['surface'] as const,
  buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const slackCalls = new Counter({
  name: 'linkedin_ai_slack_api_calls_total',
  help: "Slack Web API calls, by method and Slack's error code ('' when it succeeded)",
  labelNames: ['method', 'error'] as const,
  registers: [registry],
});

const reminders = new Counter({
  name: 'linkedin_ai_reminders_total',
  help: 'Reminder occurrences: sent, failed, skipped (too late), lost (claimed but never sent)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const databaseErrors = new Counter({
  name: 'linkedin_ai_database_errors_total',
  help: 'Database queries that failed',
  registers: [registry],
});

export interface QuestionSeen {
  surface: Surface;
  kind: string;
  /** A topic id from the knowledge base, or null. */
  topic: string | null;
  language?: string;
}

export function countQuestion(q: QuestionSeen, startedAt: number): void {
  questions.inc({ surface: q.surface, kind: q.kind, topic: q.topic ?? 'none', language: q.language ?? 'unknown' });
  answerSeconds.observe({ surface: q.surface }, (performance.now() - startedAt) / 1000);
}

export type ReminderOutcome = 'sent' | 'failed' | 'skipped' | 'lost';

export function countReminders(outcome: ReminderOutcome, n = 1): void {
  if (n > 0) reminders.inc({ outcome }, n);
}

export function countDatabaseError(): void {
  databaseErrors.inc();
}

const SLACK_NAME = /^[a-z][a-zA-Z0-9_.]{0,63}$/;

/** Slack's method names and error codes are short identifiers; anything else is counted as 'other'. */
export function countSlackCall(method: string, error: unknown): void {
  const code = error === undefined ? '' : slackErrorCode(error);
  slackCalls.inc({ method: SLACK_NAME.test(method) ? method : 'other', error: code === '' || SLACK_NAME.test(code) ? code : 'other' });
}

function slackErrorCode(error: unknown): string {
  const e = error as { data?: { error?: unknown }; code?: unknown };
  if (typeof e.data?.error === 'string') return e.data.error;
  return typeof e.code === 'string' ? e.code : 'unknown';
}
