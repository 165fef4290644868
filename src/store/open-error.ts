import { maskSecrets } from '../logger.js';

/**
 * Why the database could not be opened at start-up, naming DATABASE_URL and what it points at,
 * never its password: "connect ECONNREFUSED" or "unable to open database file" alone does not say
 * which setting to fix.
 */
export function databaseOpenError(url: string, error: unknown): string {
  const e = error as { code?: string; message?: string };
  const message = maskSecrets(e.code && !e.message?.includes(e.code) ? `${e.code}: ${e.message}` : (e.message ?? String(error)));
  const password = passwordOf(url);
  const reason = password ? message.split(password).join('***') : message;
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    return `The app could not open its SQLite database file ${path} (DATABASE_URL=${url}): ${reason}. Check that its folder exists or can be created and that this process may write to both, or set DATABASE_URL to another path.`;
  }
  return `The app could not connect to the PostgreSQL database in DATABASE_URL (${withoutPassword(url)}): ${reason}. Check that the server is running and reachable from here, and the host, port, database, user and password in DATABASE_URL.`;
}

function passwordOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'an address that is not a valid URL';
  }
}
