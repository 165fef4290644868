import { type FeatureInput, PLACE_TOKEN } from './features.js';
import type { KeywordSignals } from './keyword-signals.js';
import type { Gazetteer, PlaceMatch } from './places.js';
import { tokenizeWithOriginal } from './text.js';

export interface ReadQuestion {
  places: PlaceMatch[];
  /** What the topic model reads: the words with each place name replaced by one marker, and the keyword hints. */
  input: FeatureInput;
}

/** Reads a question the same way for training and for answering: places first, then the words around them. */
export function readQuestion(gazetteer: Gazetteer, signals: KeywordSignals, rawText: string): ReadQuestion {
  const text = withoutAddressing(rawText);
  const tokens = tokenizeWithOriginal(text).map((t) => t.token);
  const { places, spans } = gazetteer.findAll(text);
  const words: string[] = [];
  const modelTokens: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const span = spans.find((s) => s.start === i);
    if (span) {
      modelTokens.push(PLACE_TOKEN);
      i = span.end - 1;
      continue;
    }
    words.push(tokens[i] as string);
    modelTokens.push(tokens[i] as string);
  }
  return { places, input: { tokens: modelTokens, signals: signals.find(words) } };
}

/**
 * "@channel", "@here", "@dana", "<!everyone>": who a message is addressed to says nothing about what
 * it asks, and left in, the injection examples teach the model that a mention means out of scope.
 */
export function withoutAddressing(text: string): string {
  return text.replace(/<[@!][^<>]*>|(?<![\p{L}\p{N}])@[\p{L}\p{N}._-]+/gu, ' ');
}
