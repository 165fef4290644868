/**
 * npm run bench: what one answer costs (engine + card), how long the knowledge base takes to load
 * with its topic model from the cache, and how long training the model takes when the cache has no
 * model for this content. Prints figures; asserts nothing (timing belongs here, not in unit tests).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const start = performance.now();
const { loadKnowledgeBase } = await import('../src/engine/knowledge-base.js');
const importMs = performance.now() - start;
const firstLoad = performance.now();
const kbCold = loadKnowledgeBase();
const coldMs = performance.now() - firstLoad;

const { replyTo, cardFor } = await import('../src/replies/reply.js');
const { answerQuestion } = await import('../src/engine/engine.js');
const { DateTime } = await import('luxon');

const loads: number[] = [];
for (let i = 0; i < 15; i++) {
  const t = performance.now();
  loadKnowledgeBase();
  loads.push(performance.now() - t);
}
const trainings: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  loadKnowledgeBase(undefined, { modelCacheDir: null });
  trainings.push(performance.now() - t);
}

const files = ['../../shared/eval/questions.jsonl', '../tests/eval/questions.extra.jsonl', '../tests/eval/questions.holdout4.jsonl'];
const questions = files.flatMap((f) => {
  try {
    return readFileSync(fileURLToPath(new URL(f, import.meta.url)), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { q: string }).q);
  } catch {
    return [];
  }
});
if (questions.length === 0) questions.push('Does this apply to our Toronto office?', 'how do i turn off linkedin ai trainng??');

const today = DateTime.fromISO('2026-11-29');
// The engine and card builders, without the answer cache that replyTo() puts in front of them.
const answerUncached = (q: string) => cardFor(kbCold, answerQuestion(kbCold, q), today);
for (const q of questions) answerUncached(q); // warm-up: JIT and typo caches
const rounds = Math.max(1, Math.ceil(20_000 / questions.length));
const perAnswer: number[] = [];
const perCachedAnswer: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const q of questions) {
    const t = performance.now();
    answerUncached(q);
    perAnswer.push(performance.now() - t);
  }
}
for (const q of questions) replyTo(kbCold, q, today);
for (let r = 0; r < rounds; r++) {
  for (const q of questions) {
    const t = performance.now();
    replyTo(kbCold, q, today);
    perCachedAnswer.push(performance.now() - t);
  }
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ms = (x: number) => `${x.toFixed(3)} ms`;

console.log(`Node ${process.version}, ${questions.length} distinct questions, ${perAnswer.length} answers`);
console.log(
  `One answer incl. its card: mean ${ms(mean(perAnswer))}, p50 ${ms(pct(perAnswer, 50))}, p99 ${ms(pct(perAnswer, 99))}  (target < 0.5 ms)`,
);
console.log(`The same question again the same day (answer cache): mean ${ms(mean(perCachedAnswer))}`);
console.log(
  `Load + index the knowledge base, topic model from the cache: first ${coldMs.toFixed(1)} ms, then median ${ms(pct(loads, 50))} (target < 300 ms)`,
);
console.log(
  `Load + train the topic model (no cache: cross-validation, then the model): median ${ms(pct(trainings, 50))} of ${trainings.length}, done once per content`,
);
console.log(`Importing the code and its libraries before that (zod, yaml, place data; through tsx): ${importMs.toFixed(1)} ms`);
