/** Text normalisation shared by place matching and topic matching. */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

// Letters that are not a base letter plus an accent, so NFKD leaves them alone ("Wrocław", "Tromsø").
const LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ı: 'i', ß: 'ss' };
const SPECIAL_LETTERS = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/** Lower case, no accents, ß → ss, ł → l, so "Zürich" and "zurich", "Wrocław" and "Wroclaw" compare equal. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(SPECIAL_LETTERS, (c) => LETTERS[c] ?? c);
}

/** Word tokens of folded text. Apostrophes split ("l'ia" → "l", "ia"); digits are kept. */
export function tokenize(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Tokens with their original spelling, for checks that care about case (such as "US" against "us"). */
export function tokenizeWithOriginal(text: string): { token: string; original: string }[] {
  const out: { token: string; original: string }[] = [];
  for (const match of text.normalize('NFC').matchAll(/[\p{L}\p{N}]+/gu)) {
    for (const token of tokenize(match[0])) out.push({ token, original: match[0] });
  }
  return out;
}

// Longest first. Shared across languages on purpose: the stem only has to be the same
// for variants of one word ("messages", "message", "messaggi"), not be linguistically right.
const SUFFIXES = [
  'ations',
  'ation',
  'ments',
  'ment',
  'ungen',
  'ung',
  'ings',
  'ing',
  'ies',
  'ied',
  'ees',
  'ed',
  'es',
  'en',
  'er',
  'os',
  'as',
  'is',
  'i',
  's',
  'e',
  'a',
  'o',
  'y',
];

/** A crude multilingual stem: strips one common ending while at least four letters remain. */
export function stem(token: string): string {
  for (const suffix of SUFFIXES) {
    if (token.length - suffix.length >= 4 && token.endsWith(suffix)) return token.slice(0, -suffix.length);
  }
  return token;
}
