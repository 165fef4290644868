import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';

/** Where to find each setting, shown when it is missing or malformed. */
const WHERE = {
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token (xoxb-…): api.slack.com/apps → your app → OAuth & Permissions, after installing the app',
  SLACK_SIGNING_SECRET: 'api.slack.com/apps → your app → Basic Information → App Credentials → Signing Secret',
  SLACK_APP_TOKEN: 'an app-level token (xapp-…) with the connections:write scope: Basic Information → App-Level Tokens; set it only for Socket Mode',
  SLACK_API_URL: 'the Web API base address, e.g. https://slack.com/api/ (the default) or your GovSlack address',
  PORT: 'the HTTP port to listen on, 1–65535 (default 3000)',
  DATABASE_URL: 'sqlite:PATH (default sqlite:./data/linkedin-ai.sqlite) or postgres://user:password@host:5432/database',
  LOG_LEVEL: 'one of debug, info, warn, error (default info)',
  KNOWLEDGE_DIR: "a directory with your organisation's knowledge-base layer (see README)",
  ADMIN_USER_IDS: 'comma-separated Slack user ids (U… or W…) who may see admin figures and manage reminders',
  REMINDER_POLL_SECONDS: 'how often to look for due reminders, in seconds, 5–3600 (default 30)',
  HEALTH_PORT: 'in Socket Mode, the port for /healthz, /readyz and /metrics, 1–65535 (not served when unset)',
  SOCKET_MAX_DOWN_SECONDS: 'in Socket Mode, how long the connection to Slack may stay down before the app exits for its supervisor to restart it, 10–3600 (default 300)',
  SHUTDOWN_DRAIN_SECONDS: 'on SIGTERM, how long /readyz answers 503 while requests are still served, so the load balancer moves away first, 0–60 (default 5)',
} as const;

const schema = z.object({
  SLACK_BOT_TOKEN: z.string({ error: 'is missing' }).regex(/^xoxb-[\w-]+$/, 'must start with xoxb-'),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^[0-9a-f]{32}$/i, 'must be 32 hexadecimal characters')
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[\w-]+$/, 'must start with xapp-')
    .optional(),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
    .transform((u) => (u.endsWith('/') ? u : `${u}/`))
    .default('https://slack.com/api/'),
  PORT: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:PATH or postgres://…')
    .default('sqlite:./data/linkedin-ai.sqlite'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' }).default('info'),
  KNOWLEDGE_DIR: z
    .string()
    .refine((d) => existsSync(d) && statSync(d).isDirectory(), 'is not a directory')
    .optional(),
  ADMIN_USER_IDS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]+$/, 'must be Slack user ids such as U012ABCDEF'))),
  REMINDER_POLL_SECONDS: z.coerce.number({ error: 'must be a number' }).int().min(5).max(3600).default(30),
  HEALTH_PORT: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1).max(65535).optional(),
  SOCKET_MAX_DOWN_SECONDS: z.coerce.number({ error: 'must be a number' }).int().min(10).max(3600).default(300),
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number({ error: 'must be a number' }).min(0).max(60).default(5),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The app cannot start: ${problems.length} setting${problems.length === 1 ? ' is' : 's are'} missing or wrong.\n${problems.map((p) => `  - ${p}`).join('\n')}\nPut them in the environment or in a .env file (see .env.example).`,
    );
    this.name = 'ConfigError';
  }
}

/** Validates the environment, reporting every problem at once with where to get the value. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // Empty strings (FOO= in a .env file) mean "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '') as keyof typeof WHERE;
        return `${key} ${issue.message}: ${WHERE[key] ?? ''}`.trim();
      });
  // HTTP mode (no app token) must verify Slack's signatures.
  if (!present.SLACK_APP_TOKEN && !present.SLACK_SIGNING_SECRET) {
    problems.push(`SLACK_SIGNING_SECRET is missing (needed in HTTP mode, that is without SLACK_APP_TOKEN): ${WHERE.SLACK_SIGNING_SECRET}`);
  }
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigError([...new Set(problems)]);
}
