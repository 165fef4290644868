import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared graded questions (vendored in tests/eval): what bench:http asks both servers. */
export const benchQuestions: string[] = readFileSync(fileURLToPath(new URL('../tests/eval/questions.shared.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);
