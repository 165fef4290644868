import { IntlMessageFormat } from 'intl-messageformat';
import { joinWithAnd } from './words.js';

/** Fills in one of the app's sentences: `say('sources.more', { count: 3 })`. */
export type Say = (key: string, values?: Record<string, string | number>) => string;

/**
 * The sentences of one language, falling back to English for any it lacks (ICU message format through
 * FormatJS, so plurals and the like follow each language's rules). Formats are compiled once.
 */
export function createSay(language: string, own: Readonly<Record<string, string>>, english: Readonly<Record<string, string>>): Say {
  const compiled = new Map<string, IntlMessageFormat>();
  return (key, values = {}) => {
    let format = compiled.get(key);
    if (!format) {
      const source = own[key] ?? english[key];
      if (source === undefined) throw new Error(`no message "${key}"`);
      format = new IntlMessageFormat(source, own[key] !== undefined ? language : 'en', undefined, { ignoreTag: true });
      compiled.set(key, format);
    }
    return String(format.format(values));
  };
}

/** "A, B and C" in the language's own way ("A, B et C", "A, B und C"); English without the serial comma, as the app writes it. */
export function listIn(language: string, items: readonly string[]): string {
  return language === 'en' ? joinWithAnd(items) : new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}
