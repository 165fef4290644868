import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/engine/knowledge-base.js';
import { type GradedQuestion, grade } from '../../src/eval/grade.js';

const kb = loadKnowledgeBase();
const q = (fields: Partial<GradedQuestion> & { q: string }): GradedQuestion => ({
  topics: [],
  region: null,
  country: null,
  oos: false,
  expect_any: [],
  ...fields,
});

describe('grading', () => {
  const report = grade(kb, [
    q({ q: 'How do I opt out of LinkedIn AI training?', topics: ['opt-out-how'], kind: 'plain' }),
    q({ q: 'How do I opt out of LinkedIn AI training?', topics: ['minors'], kind: 'plain' }),
    q({ q: 'people in Toronto and Hong Kong - both affected?', topics: ['regions'], region: 'ca', country: 'CA', countries: ['CA', 'HK'], kind: 'places' }),
    q({ q: 'people in Toronto and Hong Kong - both affected?', topics: ['regions'], region: 'ca', country: 'CA', countries: ['CA', 'HK', 'GB'], kind: 'places' }),
    q({ q: 'Can you book me a meeting room for Tuesday?', oos: true, kind: 'oos' }),
    q({ q: 'How do I opt out of LinkedIn AI training?', oos: true, kind: 'oos' }),
  ]);

  it('counts topics, places and out of scope, and the bad outcomes as rates', () => {
    expect(report.topic).toEqual({ right: 3, of: 4 });
    expect(report.place).toEqual({ right: 1, of: 2 });
    expect(report.outOfScope).toEqual({ right: 1, of: 2 });
    expect(report.refused).toEqual({ count: 0, of: 4 });
    // The wrong topic, and the out-of-scope question answered: two confident wrong answers of six.
    expect(report.confidentWrong).toEqual({ count: 2, of: 6 });
  });

  it('needs every place of a question with several', () => {
    const miss = report.misses.find((m) => m.question.countries?.length === 3);
    expect(miss?.what).toEqual(['place']);
  });

  it('breaks the figures down by kind', () => {
    expect(report.byKind.get('plain')?.topic).toEqual({ right: 1, of: 2 });
    expect(report.byKind.get('places')?.place).toEqual({ right: 1, of: 2 });
    expect(report.byKind.get('oos')?.outOfScope).toEqual({ right: 1, of: 2 });
  });

  it("counts answers in the question's language: the card's label and its words", () => {
    const languages = grade(kb, [
      q({ q: 'Comment désactiver le paramètre IA de LinkedIn ?', topics: ['opt-out-how'], lang: 'fr' }),
      q({ q: 'How do I switch the LinkedIn AI setting off?', topics: ['opt-out-how'], lang: 'en' }),
      // Written in English but labelled German: the English card is a language miss.
      q({ q: 'How do I switch the LinkedIn AI setting off?', topics: ['opt-out-how'], lang: 'de' }),
      q({ q: 'Does this apply to Toronto?', topics: ['regions'], region: 'ca', country: 'CA' }),
    ]);
    expect(languages.language).toEqual({ right: 2, of: 3 });
    expect(languages.misses.map((m) => m.what)).toEqual([['language']]);
    expect(languages.misses[0]?.language).toBe('en');
  });
});
