import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { grade, percent, readQuestions } from '../eval/grade.js';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { fail, runCli } from './common.js';

const DEFAULT_FILE = fileURLToPath(new URL('../../../shared/eval/questions.jsonl', import.meta.url));

runCli(() => {
  const { positionals } = parseArgs({ allowPositionals: true });
  const file = positionals[0] ?? DEFAULT_FILE;
  let questions;
  try {
    questions = readQuestions(file);
  } catch (error) {
    fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? `No question file at ${file}.` : (error as Error).message);
  }
  const kb = loadKnowledgeBase(process.env.KNOWLEDGE_DIR || undefined);
  const r = grade(kb, questions);
  const out = [
    `${file}: ${r.total} questions`,
    `  topic        ${r.topic.right}/${r.topic.of}  ${percent(r.topic.right, r.topic.of)}`,
    `  region       ${r.region.right}/${r.region.of}  ${percent(r.region.right, r.region.of)}`,
    `  country      ${r.country.right}/${r.country.of}  ${percent(r.country.right, r.country.of)}`,
    `  out of scope ${r.outOfScope.flagged}/${r.outOfScope.of} flagged  ${percent(r.outOfScope.flagged, r.outOfScope.of)}; ${r.outOfScope.falseAlarms} in-scope questions wrongly flagged`,
  ];
  if (r.misses.length) {
    out.push('', `Misses (${r.misses.length}):`);
    for (const m of r.misses) {
      const got = m.result.outOfScope ? 'out of scope' : (m.result.topic ?? `did you mean ${m.result.suggestions.join(', ')}`);
      const expected = m.question.oos ? 'out of scope' : m.question.topics.join(' | ');
      out.push(
        `  - ${m.what.join('+')}: "${m.question.q}"`,
        `      expected ${expected} ${m.question.region ?? ''} ${m.question.country ?? ''}`,
        `      got      ${got} ${m.result.region ?? ''} ${m.result.country ?? ''} (confidence ${m.result.confidence})`,
      );
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
});
