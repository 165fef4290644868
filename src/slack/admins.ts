import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';

const CACHE_MS = 5 * 60_000;

/** Workspace admins and owners (from users.info), plus ADMIN_USER_IDS. Cached for five minutes. */
export class AdminChecker {
  private readonly cache = new Map<string, { admin: boolean; until: number }>();

  constructor(
    private readonly configured: readonly string[],
    private readonly logger: Logger,
  ) {}

  async isAdmin(client: WebClient, userId: string): Promise<boolean> {
    if (this.configured.includes(userId)) return true;
    const hit = this.cache.get(userId);
    if (hit && hit.until > Date.now()) return hit.admin;
    try {
      const { user } = await client.users.info({ user: userId });
      const admin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
      this.cache.set(userId, { admin, until: Date.now() + CACHE_MS });
      return admin;
    } catch (error) {
      // Without users:read or on a Slack outage, nobody gets admin rights they may not have.
      this.logger.warn({ err: error, userId }, 'users.info failed; treating the user as not an admin');
      return false;
    }
  }
}
