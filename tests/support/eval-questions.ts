import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type GradedQuestion, readQuestions } from '../../src/eval/grade.js';

/** Every question of every question file in tests/eval/ (thousands of ways people ask, in seven languages). */
export function allEvalQuestions(): GradedQuestion[] {
  const dir = fileURLToPath(new URL('../eval/', import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readQuestions(`${dir}${f}`));
}
