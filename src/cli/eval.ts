import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../engine/knowledge-base.js';
import { calibrationError, grade, percent, type Report, ratio, readQuestions } from '../eval/grade.js';
import { type CliIo, fail, isMainModule, runAsScript, runMain } from './common.js';

/** The shared graded questions, as copied into tests/eval from the project's shared eval/questions.jsonl. */
const DEFAULT_FILE = fileURLToPath(new URL('../../tests/eval/questions.shared.jsonl', import.meta.url));

/** `npm run eval`: returns the exit code. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runMain(io, () => main(argv, io));
}

function main(argv: string[], { stdout, env = process.env }: CliIo): void {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { quiet: { type: 'boolean', short: 'q' } } });
  const file = positionals[0] ?? DEFAULT_FILE;
  const questions = (() => {
    try {
      return readQuestions(file);
    } catch (error) {
      return fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? `No question file at ${file}.` : (error as Error).message);
    }
  })();
  const kb = loadKnowledgeBase(env.KNOWLEDGE_DIR || undefined);
  const r = grade(kb, questions);
  const out = [`${file}: ${r.questions} questions`, ...summary(r)];
  if (r.byKind.size > 1) {
    out.push('', 'By kind:              topic            place            out of scope     language');
    for (const [kind, k] of [...r.byKind].sort(([a], [b]) => a.localeCompare(b))) {
      const cell = (t: { right: number; of: number }) => (t.of ? ratio(t) : '-').padEnd(17);
      out.push(`  ${kind.padEnd(14)} ${String(k.questions).padStart(4)}  ${cell(k.topic)}${cell(k.place)}${cell(k.outOfScope)}${cell(k.language)}`);
    }
  }
  const buckets = r.calibration.filter((b) => b.answers > 0);
  if (buckets.length) {
    out.push('', `Calibration of answers (expected calibration error ${(100 * calibrationError(r)).toFixed(1)} points):`);
    for (const b of buckets) {
      out.push(`  confidence ${b.from.toFixed(1)}–${(b.from + 0.1).toFixed(1)}: ${String(b.answers).padStart(4)} answers, mean ${(b.confidence / b.answers).toFixed(2)}, right ${percent(b.right, b.answers)}`);
    }
  }
  if (r.misses.length && !values.quiet) {
    out.push('', `Misses (${r.misses.length}):`);
    for (const m of r.misses) {
      const got = m.result.outOfScope ? 'out of scope' : (m.result.topic ?? `did you mean ${m.result.suggestions.join(', ')}`);
      const expected = m.question.oos ? 'out of scope' : m.question.topics.join(' | ');
      const places = (p: { region: string | null; country: string | null }[]) => p.map((x) => `${x.region ?? '-'}/${x.country ?? '-'}`).join(' ');
      const expectedPlaces = m.question.countries?.join(' ') ?? places(m.question.region || m.question.country ? [m.question] : []);
      out.push(
        `  - ${m.what.join('+')}${m.question.kind ? ` [${m.question.kind}]` : ''}: "${m.question.q}"`,
        `      expected ${expected} ${expectedPlaces}`,
        `      got      ${got} ${places(m.result.places)} (confidence ${m.result.confidence})${m.what.includes('language') ? ` in ${m.language}` : ''}`,
      );
    }
  }
  stdout.write(`${out.join('\n')}\n`);
}

function summary(r: Report): string[] {
  return [
    `  topic            ${ratio(r.topic)}`,
    `  place            ${ratio(r.place)}`,
    `  out of scope     ${ratio(r.outOfScope)} flagged`,
    `  in-scope refused ${ratio(r.refused)}`,
    `  confident-wrong  ${ratio(r.confidentWrong)} of all questions`,
    `  did-you-mean     ${ratio(r.didYouMean)} of in-scope questions`,
    ...(r.language.of ? [`  language         ${ratio(r.language)} answered in the question's language`] : []),
  ];
}

if (isMainModule(import.meta.url)) runAsScript(run);
