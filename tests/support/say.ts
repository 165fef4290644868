import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { createSay } from '../../src/format/messages.js';

/** The app's English sentences, as the card builders get them, without loading the whole knowledge base. */
export const englishMessages = yaml.load(readFileSync(new URL('../../src/knowledge/data/messages.yml', import.meta.url), 'utf8')) as Record<string, string>;
export const say = createSay('en', {}, englishMessages);
