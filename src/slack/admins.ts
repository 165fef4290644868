import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';

const CACHE_MS = 5 * 60_000;

interface UserFacts {
  admin: boolean;
  /** The person's Slack time zone (IANA), if users.info gave one. */
  tz: string | null;
  /** The person's Slack language ("de-DE"), if users.info gave one. */
  locale: string | null;
}

/** Workspace admins and owners (from users.info), plus ADMIN_USER_IDS, and people's time zones and languages. Cached for five minutes. */
export class AdminChecker {
  private readonly cache = new Map<string, UserFacts & { until: number }>();

  constructor(
    private readonly configured: readonly string[],
    private readonly logger: Logger,
  ) {}

  async isAdmin(client: WebClient, userId: string): Promise<boolean> {
    if (this.configured.includes(userId)) return true;
    // Without users:read or on a Slack outage, nobody gets admin rights they may not have.
    return (await this.facts(client, userId))?.admin ?? false;
  }

  /** The person's Slack language ("de-DE"), or null when Slack does not say. */
  async locale(client: WebClient, userId: string): Promise<string | null> {
    return (await this.facts(client, userId))?.locale ?? null;
  }

  /** The person's Slack language if it is already known, without asking Slack (for answers that cannot wait). */
  knownLocale(userId: string): string | null {
    const hit = this.cache.get(userId);
    return hit && hit.until > Date.now() ? hit.locale : null;
  }

  /** The person's Slack time zone, or null when Slack does not say. */
  async timezone(client: WebClient, userId: string): Promise<string | null> {
    return (await this.facts(client, userId))?.tz ?? null;
  }

  private async facts(client: WebClient, userId: string): Promise<UserFacts | null> {
    const hit = this.cache.get(userId);
    if (hit && hit.until > Date.now()) return hit;
    try {
      const { user } = await client.users.info({ user: userId, include_locale: true });
      const facts = {
        admin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
        tz: user?.tz ?? null,
        locale: (user as { locale?: string } | undefined)?.locale ?? null,
      };
      this.cache.set(userId, { ...facts, until: Date.now() + CACHE_MS });
      return facts;
    } catch (error) {
      this.logger.warn({ err: error, userId }, 'users.info failed');
      return null;
    }
  }
}
