import { describe, expect, it } from 'vitest';
import { editDistance, FuzzyVocabulary, withinOneEdit } from '../../src/engine/fuzzy-vocabulary.js';
import { fold, stem, tokenize, tokenizeWithOriginal } from '../../src/engine/text.js';

describe('text normalisation', () => {
  it('folds accents, case and ß', () => {
    expect(fold('Zürich Straße ÉTÉ')).toBe('zurich strasse ete');
  });

  it('splits words on punctuation and apostrophes, keeping digits', () => {
    expect(tokenize("l'IA, opt-out? 17yo")).toEqual(['l', 'ia', 'opt', 'out', '17yo']);
  });

  it('keeps the original spelling beside each token', () => {
    expect(tokenizeWithOriginal('US members')).toEqual([
      { token: 'us', original: 'US' },
      { token: 'members', original: 'members' },
    ]);
  });

  it('gives variants of a word one stem', () => {
    expect(stem('messages')).toBe(stem('message'));
    expect(stem('training')).toBe('train');
    expect(stem('trainieren')).not.toBe('trainieren');
    expect(stem('ai')).toBe('ai');
  });
});

describe('typo-tolerant vocabulary', () => {
  const vocabulary = new FuzzyVocabulary(['train', 'privat', 'message', 'ai']);

  it('finds a stem one deletion, insertion, substitution or swap away', () => {
    expect(vocabulary.lookup('trainn')).toEqual(['train']);
    expect(vocabulary.lookup('privt')).toEqual(['privat']);
    expect(vocabulary.lookup('mesage')).toEqual(['message']);
    expect(vocabulary.lookup('messgae')).toEqual(['message']);
  });

  it('matches short stems exactly only', () => {
    expect(vocabulary.lookup('ai')).toEqual(['ai']);
    expect(vocabulary.lookup('aj')).toEqual([]);
    expect(vocabulary.lookup('tran')).toEqual([]);
  });

  it('does not stretch to two edits', () => {
    expect(vocabulary.lookup('mssge')).toEqual([]);
  });

  it('knows what one edit is', () => {
    expect(withinOneEdit('abcd', 'abdc')).toBe(true);
    expect(withinOneEdit('abcd', 'abxd')).toBe(true);
    expect(withinOneEdit('abcd', 'abd')).toBe(true);
    expect(withinOneEdit('abcd', 'dcba')).toBe(false);
    expect(withinOneEdit('abcd', 'abcdef')).toBe(false);
  });

  it('counts edits up to a limit, swaps of neighbours as one', () => {
    expect(editDistance('philippines', 'phillipines', 2)).toBe(2);
    expect(editDistance('luxembourg', 'luxembrug', 2)).toBe(2);
    expect(editDistance('abcd', 'abdc', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('abc', 'abcdef', 2)).toBe(3);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });
});
