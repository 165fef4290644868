import { type Language, languageOfLocale } from '../knowledge/languages.js';
import type { Deps } from './deps.js';

/**
 * The person's Slack language when already known (users.info read in the last few minutes, as for the
 * admin check), else English. Asks Slack nothing: the Home tab and the admins' replies use it.
 */
export function knownLanguage(deps: Pick<Deps, 'admins'>, userId: string): Language {
  return languageOfLocale(deps.admins.knownLocale(userId)) ?? 'en';
}
