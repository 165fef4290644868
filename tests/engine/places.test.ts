import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.js';

const kb = loadKnowledgeBase();
const find = (q: string) => {
  const p = kb.gazetteer.find(q);
  return p ? [p.region, p.country] : null;
};

describe('finding the place in a question', () => {
  it.each([
    ['our Toronto office', 'ca', 'CA'],
    ['I sit in Munich', 'eea', 'DE'],
    ['Grüße aus München', 'eea', 'DE'],
    ['team in Zürich', 'ch', 'CH'],
    ['team in zurich', 'ch', 'CH'],
    ['Deutschland', 'eea', 'DE'],
    ['Royaume-Uni', 'uk', 'GB'],
    ['Países Bajos', 'eea', 'NL'],
    ['our Belfast people', 'uk', 'GB'],
    ['Scotland', 'uk', 'GB'],
    ['Swiss staff', 'ch', 'CH'],
    ['our Dutch colleagues', 'eea', 'NL'],
    ['Americans', 'us', 'US'],
    ['Ontario team', 'ca', 'CA'],
    ['Hong Kong', 'hk', 'HK'],
    ['HK colleagues', 'hk', 'HK'],
    ['working from Sydney', 'rest-of-world', 'AU'],
    ['Liechtenstein', 'eea', 'LI'],
    ['in Reykjavík', 'eea', 'IS'],
  ])('%s → %s %s', (q, region, country) => {
    expect(find(q)).toEqual([region, country]);
  });

  it('reads "EU" as the region without a country', () => {
    expect(find('does it apply in the EU?')).toEqual(['eea', null]);
  });

  it('prefers the country to a city when both are named', () => {
    expect(find('Our Oslo people are not in the EU - does it apply to Norway?')).toEqual(['eea', 'NO']);
  });

  it('does not read pronouns, function words or topic words as places', () => {
    expect(find('does this apply to us?')).toBeNull();
    expect(find('LinkedIn usa mis mensajes para entrenar su IA')).toBeNull();
    expect(find('Is reading my posts allowed? Nice.')).toBeNull();
    expect(find('how do I opt out of the data thing')).toBeNull();
  });

  it('reads "US" in capitals as the United States', () => {
    expect(find('does it apply to US members?')).toEqual(['us', 'US']);
  });
});
