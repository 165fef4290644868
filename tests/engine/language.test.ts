import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/engine/language.js';
import { languageOfLocale } from '../../src/knowledge/languages.js';
import { allEvalQuestions } from '../support/eval-questions.js';

const labelled = allEvalQuestions().filter((q): q is typeof q & { lang: string } => typeof (q as { lang?: unknown }).lang === 'string');

describe('detectLanguage', () => {
  it.each([
    ['Wie kann ich widersprechen? Ich sitze in Wien.', 'de'],
    ["Est-ce que ça s'applique à nos collègues de Genève ?", 'fr'],
    ['¿Se usan mis mensajes privados para entrenar la IA?', 'es'],
    ['Come posso disattivare questa impostazione?', 'it'],
    ['Geldt dit ook voor onze collega’s in Amsterdam?', 'nl'],
    ['Isso vale para quem mora no Porto?', 'pt'],
    ['Does this apply to our Toronto office?', 'en'],
    ["Désactiver l'entraînement IA ?", 'fr'],
    ["Qu'en pense l'APD ?", 'fr'],
    ['base légale ?', 'fr'],
  ])('reads "%s" as %s', (question, language) => {
    expect(detectLanguage(question)).toBe(language);
  });

  it.each(['Microsoft ads sharing', 'microsoft ads sharing', 'dms?', 'recruiters??', 'TS-DPRO?', 'asdfgh jkl', 'Guadeloupe?'])(
    'never reads "%s" as another language than English: too short or mixed, it is left to the person\'s language',
    (q) => {
      expect([null, 'en']).toContain(detectLanguage(q));
    },
  );

  it('reads the language of nearly every labelled question in our eval files (English when unsure)', () => {
    expect(labelled.length).toBeGreaterThan(1000);
    const wrong = labelled.filter((q) => (detectLanguage(q.q) ?? 'en') !== q.lang).map((q) => `${q.lang}: ${q.q}`);
    expect(wrong.length / labelled.length, wrong.join('\n')).toBeLessThan(0.01);
    const nonEnglish = labelled.filter((q) => q.lang !== 'en');
    // A few are too short to tell ("Frist?"), or Spanish, Italian or Portuguese alike ("San Marino incluso?"): they take the person's Slack language.
    const missed = nonEnglish.filter((q) => detectLanguage(q.q) !== q.lang).map((q) => q.q);
    expect(missed.length / nonEnglish.length, missed.join('\n')).toBeLessThan(0.01);
  });
});

describe('languageOfLocale', () => {
  it.each([
    ['de-DE', 'de'],
    ['pt_BR', 'pt'],
    ['fr', 'fr'],
    ['en-GB', 'en'],
    ['ja-JP', null],
    [null, null],
  ])('%s → %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });
});
