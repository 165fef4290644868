import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/engine/knowledge-base.js';

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
    expect(findAll('does this apply to us folks in canada or nah')).toEqual([['ca', 'CA']]);
    expect(find('LinkedIn usa mis mensajes para entrenar su IA')).toBeNull();
    expect(find('Is reading my posts allowed? Nice.')).toBeNull();
    expect(find('how do I opt out of the data thing')).toBeNull();
  });

  it('reads "US" in capitals as the United States', () => {
    expect(find('does it apply to US members?')).toEqual(['us', 'US']);
  });
});

const findAll = (q: string) => kb.gazetteer.findAll(q).places.map((p) => [p.region, p.country]);

describe('places in every form', () => {
  it.each([
    ['is it on in the States?', 'us', 'US'],
    ['NYC team', 'us', 'US'],
    ['our SF office', 'us', 'US'],
    ['still on in the us?', 'us', 'US'],
    ['us-based staff', 'us', 'US'],
    ['eu members', 'eea', null],
    ['gilt das in Züri?', 'ch', 'CH'],
    ['Kollegen in Genf', 'ch', 'CH'],
    ['vale pra quem mora no Porto?', 'eea', 'PT'],
    ['equipa de Lisboa', 'eea', 'PT'],
    ['Ontario?', 'ca', 'CA'],
    ['colleagues in Bavaria', 'eea', 'DE'],
    ['our California office', 'us', 'US'],
    ['works for folks in Canda too?', 'ca', 'CA'],
    ['still on in Swizerland?', 'ch', 'CH'],
    ['Estoy en Tenerife', 'eea', 'ES'],
    ['y en EE.UU.?', 'us', 'US'],
    ["I'm in the Big Apple", 'us', 'US'],
    ['does it aply to hong kogn', 'hk', 'HK'],
    ['Phillipines team asking', 'rest-of-world', 'PH'],
    ["We're in the Phillipines, does this apply?", 'rest-of-world', 'PH'],
    ['colleagues in Luxembrug', 'eea', 'LU'],
    ['What about folks in Inida?', 'rest-of-world', 'IN'],
    ['Gemany employees: when did it start?', 'eea', 'DE'],
    ["I'm in TX, was my data used?", 'us', 'US'],
    ['Joburg team asking', 'rest-of-world', 'ZA'],
    ['La Belle Province is included now?', 'ca', 'CA'],
    ['anything to do for the team in Cali?', 'us', 'US'],
    ['Chi-town team wondering', 'us', 'US'],
    ['our European offices', 'eea', null],
    ['i colleghi europei sono coinvolti?', 'eea', null],
    ['Kollegen in Zuerich', 'ch', 'CH'],
    ['Grüße aus Koeln', 'eea', 'DE'],
    ['does it apply to the team in Sao Paolo?', 'rest-of-world', 'BR'],
    ['I work from Frankfrut', 'eea', 'DE'],
    ['een collega in Parijs', 'eea', 'FR'],
    ['does it hit us canucks too', 'ca', 'CA'],
    ["I'm a Kiwi, does it matter?", 'rest-of-world', 'NZ'],
    ['Aussie here, does it touch me', 'rest-of-world', 'AU'],
    ['KL office asking', 'rest-of-world', 'MY'],
    ['Sono a Genova', 'eea', 'IT'],
    ['¿y en Nueva York?', 'us', 'US'],
    ['we live in Nederlands', 'eea', 'NL'],
    ['Does it apply to our team in Felixstowe?', 'uk', 'GB'],
    ['Groeten uit Zeebrugge', 'eea', 'BE'],
    ['our Surrey office', 'uk', 'GB'],
  ])('%s → %s %s', (q, region, country) => {
    expect(find(q)).toEqual([region, country]);
  });

  it('answers EU territories with their own ISO code as the EU', () => {
    for (const [q, code] of [
      ['I work from Réunion', 'RE'],
      ['Guadeloupe', 'GP'],
      ['Martinique', 'MQ'],
      ['Cayenne, French Guiana', 'GF'],
      ['Mayotte', 'YT'],
      ['Saint-Martin', 'MF'],
      ['Åland', 'AX'],
    ] as const) {
      expect(find(q), q).toEqual(['eea', code]);
    }
  });

  it('answers the Crown Dependencies and Gibraltar as places the sources do not cover', () => {
    for (const [q, code] of [
      ['based in Jersey', 'JE'],
      ['Guernsey', 'GG'],
      ['Isle of Man staff', 'IM'],
      ['our Gibraltar desk', 'GI'],
    ] as const) {
      expect(find(q), q).toEqual(['not-covered', code]);
    }
  });

  it('finds every place in a question, each once, in the order named', () => {
    expect(findAll('people in Toronto and Hong Kong - both affected?')).toEqual([
      ['ca', 'CA'],
      ['hk', 'HK'],
    ]);
    expect(findAll('Wien, Austria')).toEqual([['eea', 'AT']]);
    expect(findAll('Does this apply in the States or just in the UK?')).toEqual([
      ['us', 'US'],
      ['uk', 'GB'],
    ]);
  });

  it('drops a region named beside one of its own countries', () => {
    expect(findAll('Working from Réunion — does the EU change cover me?')).toEqual([['eea', 'RE']]);
  });

  it('does not read a nationality that qualifies a regulator as the asker’s place', () => {
    expect(find('what did the Irish DPC say?')).toBeNull();
    expect(find('the Dutch regulator warned about it')).toBeNull();
    expect(find("Ireland's data protection commission")).toBeNull();
    expect(find("qu'a dit l'autorité irlandaise ?")).toBeNull();
    expect(find("I'm in Berlin, what did the Dutch regulator say?")).toEqual(['eea', 'DE']);
    expect(find('Heeft de Ierse toezichthouder het plan goedgekeurd?')).toBeNull();
    expect(find('what did the lead EU regulator say?')).toBeNull();
    expect(find("any word from hong kong's PCPD on this?")).toBeNull();
    expect(find('what did the European regulators say?')).toBeNull();
    expect(find('¿qué dicen los reguladores europeos?')).toBeNull();
  });

  it('reads a place after "in" or "from" as where someone is, even before a regulator', () => {
    expect(find("I'm in Hong Kong — did the PCPD say anything about this?")).toEqual(['hk', 'HK']);
  });

  it('reads a misspelt country only when the word is no common word', () => {
    expect(find('is it on in Germny')).toEqual(['eea', 'DE']);
    expect(find('Sales Navigator users')).toBeNull();
    expect(find('in the office today')).toBeNull();
    expect(find('Security team asking')).toBeNull();
    expect(find('Marco in legal wrote this')).toBeNull();
  });

  it('reads a misspelt big city only after a preposition, and no everyday word after one', () => {
    expect(find('Sao Paolo team asking')).toBeNull();
    expect(find('is this in general use?')).toBeNull();
    expect(find('asking for members of my team')).toBeNull();
    expect(find('does it apply to private messages?')).toBeNull();
    expect(find('si lo desactivo lo ya entrenado se queda en los modelos')).toBeNull();
  });

  it('reads a small town only where a place is expected, capitalised, and no word or possessive', () => {
    expect(find('the depot in felixstowe')).toBeNull();
    expect(find('Felixstowe is where I read it')).toBeNull();
    expect(find('a question from Felixstowe')).toBeNull();
    expect(find("look at Anna's post about it")).toBeNull();
    expect(find('I work in Sales')).toBeNull();
  });

  it('does not read company names or everyday words that are also place names as places', () => {
    expect(find('How do I opt out of Meta AI training?')).toBeNull();
    expect(find('Na reunião de ontem falamos disso')).toBeNull();
    expect(find('my promotion to Team Lead')).toBeNull();
    expect(find('tx for the help')).toBeNull();
  });
});
