import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { createSay, type Say } from '../../src/format/messages.js';
import type { Language } from '../../src/knowledge/languages.js';

/** The app's English sentences, as the card builders get them, without loading the whole knowledge base. */
export const englishMessages = yaml.load(readFileSync(new URL('../../src/knowledge/data/messages.yml', import.meta.url), 'utf8')) as Record<string, string>;
export const say = createSay('en', {}, englishMessages);

/** The sentences of one language (its translations/<language>.yml), English where it lacks one, as the knowledge base gives them. */
export function sayIn(language: Language): Say {
  if (language === 'en') return say;
  const file = new URL(`../../src/knowledge/data/translations/${language}.yml`, import.meta.url);
  const { messages } = yaml.load(readFileSync(file, 'utf8')) as { messages?: Record<string, string> };
  return createSay(language, messages ?? {}, englishMessages);
}
