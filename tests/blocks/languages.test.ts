import { describe, expect, it } from 'vitest';
import { buildErrorCard } from '../../src/blocks/error-card.js';
import { buildHelpCard } from '../../src/blocks/help-card.js';
import { limitViolations, type SlackMessage } from '../../src/blocks/limits.js';
import { buildUnknownPlaceCard } from '../../src/blocks/unknown-place-card.js';
import { LANGUAGES } from '../../src/knowledge/languages.js';
import { say as english, sayIn } from '../support/say.js';

// The cards the app builds around an answer, in each language: each says what that language's sentence says.
const OTHERS = LANGUAGES.filter((l) => l !== 'en');
const texts = (message: Pick<SlackMessage, 'blocks'>) => JSON.stringify(message.blocks);

describe('the unknown-place card', () => {
  const help = (language: (typeof LANGUAGES)[number]) => buildHelpCard({ examples: ['How do I opt out?'], topics: [], organisation: null, say: sayIn(language) });

  it.each(OTHERS)('%s: says it in the language, with the command, the place escaped and the help card under it', (language) => {
    const say = sayIn(language);
    const card = buildUnknownPlaceCard({ place: 'Atlantis <!channel>', command: '/linkedin-ai', help: help(language), say });
    const lead = say('unknownPlace.lead', { place: 'Atlantis &lt;!channel&gt;', command: '/linkedin-ai' });
    expect(lead).not.toBe(english('unknownPlace.lead', { place: 'Atlantis &lt;!channel&gt;', command: '/linkedin-ai' }));
    expect(card.blocks[0]).toMatchObject({ type: 'section', text: { text: lead } });
    expect(lead).toContain('`/linkedin-ai region Toronto`');
    expect(lead).toContain('🗺️');
    expect(card.text).toBe(say('unknownPlace.text', { place: 'Atlantis &lt;!channel&gt;', command: '/linkedin-ai' }));
    expect(texts(card)).not.toContain('<!channel>');
    expect(texts(card)).toContain(say('help.header'));
    expect(limitViolations(card)).toEqual([]);
  });

  it('in German reads as German', () => {
    const card = buildUnknownPlaceCard({ place: 'Atlantis', command: '/linkedin-ai', help: help('de'), say: sayIn('de') });
    expect(card.text).toContain('Einen Ort namens “Atlantis” kenne ich nicht');
  });
});

describe('the error card', () => {
  it.each(OTHERS)('%s: apologises in the language, with the pointer to help', (language) => {
    const say = sayIn(language);
    const card = buildErrorCard(say);
    expect(card.text).toBe(say('error.text'));
    expect(card.text).not.toBe(english('error.text'));
    expect(card.text.startsWith('😕 ')).toBe(true);
    expect(texts(card)).toContain(say('oos.help').replace(/"/g, '\\"'));
    expect(texts(card)).toContain('`/linkedin-ai help`');
    expect(limitViolations(card)).toEqual([]);
  });

  it('in French reads as French', () => {
    expect(buildErrorCard(sayIn('fr')).text).toMatch(/^😕 Désolé/);
  });
});
