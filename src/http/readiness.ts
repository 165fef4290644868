/** How long /readyz waits for the database before calling it degraded. */
export const DATABASE_CHECK_TIMEOUT_MS = 1000;

export type DatabaseStatus = 'ok' | 'degraded';

/**
 * The database's state for /readyz. Degraded still means ready: answers need no database, so a
 * database outage must not take every replica out of the load balancer. A check still waiting on a
 * hung database is reused, not repeated, so probes cannot pile up on the connection pool.
 */
export function databaseCheck(query: () => Promise<unknown>, timeoutMs = DATABASE_CHECK_TIMEOUT_MS): () => Promise<DatabaseStatus> {
  let pending: Promise<unknown> | null = null;
  return async () => {
    if (!pending) {
      const started = query();
      pending = started;
      started.then(
        () => (pending = null),
        () => (pending = null),
      );
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<DatabaseStatus>((resolve) => {
      timer = setTimeout(() => resolve('degraded'), timeoutMs);
    });
    const answered = pending.then(
      () => 'ok' as const,
      () => 'degraded' as const,
    );
    try {
      return await Promise.race([answered, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}
