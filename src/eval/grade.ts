import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { answerQuestion, type EngineResult } from '../engine/engine.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

/** One graded question, in the format of ../shared/eval/questions.jsonl. */
export const gradedQuestionSchema = z.object({
  q: z.string(),
  topics: z.array(z.string()),
  region: z.string().nullable(),
  country: z.string().nullable(),
  oos: z.boolean(),
  expect_any: z.array(z.string()).default([]),
  source: z.string().optional(),
});
export type GradedQuestion = z.infer<typeof gradedQuestionSchema>;

export function readQuestions(path: string): GradedQuestion[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: GradedQuestion[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${path}: line ${i + 1} is not valid JSON`);
    }
    const parsed = gradedQuestionSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${path}: line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    out.push(parsed.data);
  });
  return out;
}

export interface Miss {
  question: GradedQuestion;
  result: EngineResult;
  what: ('topic' | 'region' | 'country' | 'out-of-scope')[];
}

export interface Report {
  total: number;
  /** Questions in scope whose topic was right, of those in scope. */
  topic: { right: number; of: number };
  /** Questions naming a place whose region (or country) was right. */
  region: { right: number; of: number };
  country: { right: number; of: number };
  /** Out-of-scope questions flagged, and in-scope questions wrongly flagged. */
  outOfScope: { flagged: number; of: number; falseAlarms: number };
  misses: Miss[];
}

/** Grades as ../shared/eval/README.md says: topic among `topics`, region and country equal where given, out of scope flagged. */
export function grade(kb: KnowledgeBase, questions: GradedQuestion[]): Report {
  const report: Report = {
    total: questions.length,
    topic: { right: 0, of: 0 },
    region: { right: 0, of: 0 },
    country: { right: 0, of: 0 },
    outOfScope: { flagged: 0, of: 0, falseAlarms: 0 },
    misses: [],
  };
  for (const question of questions) {
    const result = answerQuestion(kb, question.q);
    const what: Miss['what'] = [];
    if (question.oos) {
      report.outOfScope.of++;
      if (result.outOfScope && result.topic === null) report.outOfScope.flagged++;
      else what.push('out-of-scope');
    } else {
      if (result.outOfScope) report.outOfScope.falseAlarms++;
      report.topic.of++;
      if (result.topic !== null && question.topics.includes(result.topic)) report.topic.right++;
      else what.push('topic');
      if (question.region !== null) {
        report.region.of++;
        if (result.region === question.region) report.region.right++;
        else what.push('region');
      }
      if (question.country !== null) {
        report.country.of++;
        if (result.country === question.country) report.country.right++;
        else what.push('country');
      }
    }
    if (what.length) report.misses.push({ question, result, what });
  }
  return report;
}

export function percent(right: number, of: number): string {
  return of === 0 ? 'n/a' : `${((100 * right) / of).toFixed(1)}%`;
}
