/** Shorter stems must match exactly: one edit in four letters turns "amet" into "afet". */
export const MIN_FUZZY_LENGTH = 5;

/**
 * A vocabulary that finds known stems for misspelt ones ("trainng" → "train", "privte" → "privat").
 * One-deletion neighbourhoods (as in SymSpell) find every stem within one edit or one swap of
 * two letters, with hash look-ups instead of comparing against the whole vocabulary.
 */
export class FuzzyVocabulary {
  private readonly known = new Set<string>();
  private readonly byDeletion = new Map<string, Set<string>>();
  private readonly cache = new Map<string, readonly string[]>();

  constructor(stems: Iterable<string>) {
    for (const s of stems) this.add(s);
  }

  /** Known stems equal to `stem`, else those one typo away; empty when none. Short stems must match exactly. */
  lookup(stem: string): readonly string[] {
    if (this.known.has(stem)) return [stem];
    const cached = this.cache.get(stem);
    if (cached) return cached;
    const found = stem.length < MIN_FUZZY_LENGTH ? [] : this.near(stem);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(stem, found);
    return found;
  }

  private add(stem: string): void {
    if (this.known.has(stem)) return;
    this.known.add(stem);
    if (stem.length < MIN_FUZZY_LENGTH) return;
    for (const variant of [stem, ...deletions(stem)]) {
      let set = this.byDeletion.get(variant);
      if (!set) {
        set = new Set();
        this.byDeletion.set(variant, set);
      }
      set.add(stem);
    }
  }

  private near(stem: string): string[] {
    const found = new Set<string>();
    for (const variant of [stem, ...deletions(stem)]) {
      for (const candidate of this.byDeletion.get(variant) ?? []) {
        if (candidate.length >= MIN_FUZZY_LENGTH && withinOneEdit(stem, candidate)) found.add(candidate);
      }
    }
    return [...found];
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** True when a and b differ by one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, swaps of neighbours),
 * stopping early once every path exceeds `limit` (then it returns limit + 1).
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row.push(d);
      smallest = Math.min(smallest, d);
    }
    if (smallest > limit) return limit + 1;
    [before, previous] = [previous, row];
  }
  return Math.min(previous[b.length] as number, limit + 1);
}
