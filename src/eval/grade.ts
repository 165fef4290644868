import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { EngineResult } from '../engine/engine.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { detectLanguage } from '../engine/language.js';
import { type Reply, replyTo } from '../replies/reply.js';

/** One graded question, in the format of ../shared/eval/questions.jsonl (plus the optional fields in tests/eval/README.md). */
export const gradedQuestionSchema = z.object({
  q: z.string(),
  topics: z.array(z.string()),
  region: z.string().nullable(),
  country: z.string().nullable(),
  oos: z.boolean(),
  /** Every country the question names, when it names more than one. */
  countries: z.array(z.string()).optional(),
  /** What sort of question it is (plain, slang, typos…): the report is broken down by it. */
  kind: z.string().optional(),
  lang: z.string().optional(),
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

export type MissKind = 'topic' | 'place' | 'out-of-scope' | 'refused' | 'language';

export interface Miss {
  question: GradedQuestion;
  result: EngineResult;
  what: MissKind[];
  /** The card's language. */
  language: string;
}

export interface Tally {
  right: number;
  of: number;
}

export interface KindReport {
  questions: number;
  /** In-scope questions whose topic was right. */
  topic: Tally;
  /** Questions naming a place whose every place (region and country) was right. */
  place: Tally;
  /** Questions with a `lang` whose card says it is in that language and reads as that language. */
  language: Tally;
  /** Out-of-scope questions flagged as such. */
  outOfScope: Tally;
}

/** How often something (usually bad) happened, of how many chances. */
export interface Rate {
  count: number;
  of: number;
}

export interface Report extends KindReport {
  /** In-scope questions answered with the out-of-scope card, of all in-scope questions. */
  refused: Rate;
  /** Answers that were wrong (a wrong topic, or any topic for an out-of-scope question), of all questions. */
  confidentWrong: Rate;
  /** In-scope questions that got a "did you mean" card instead of an answer. */
  didYouMean: Rate;
  byKind: Map<string, KindReport>;
  /** Answers given to in-scope questions, by confidence (a tenth wide): how many, how many right. */
  calibration: { from: number; answers: number; right: number; confidence: number }[];
  misses: Miss[];
}

const tally = (): Tally => ({ right: 0, of: 0 });
const rate = (): Rate => ({ count: 0, of: 0 });
const kindReport = (): KindReport => ({ questions: 0, topic: tally(), place: tally(), outOfScope: tally(), language: tally() });

function count(t: Tally, ok: boolean): void {
  t.of++;
  if (ok) t.right++;
}

function happened(r: Rate, yes: boolean): void {
  r.of++;
  if (yes) r.count++;
}

/** The places a result names, whether the engine reports one or several. */
function resultPlaces(result: EngineResult): { region: string | null; country: string | null }[] {
  return result.places.length ? result.places : result.region ? [{ region: result.region, country: result.country }] : [];
}

/** Every expected place is named, and the first one (region and country, where given) leads. */
function placeRight(question: GradedQuestion, result: EngineResult): boolean {
  const places = resultPlaces(result);
  const expectedCountries = question.countries ?? (question.country ? [question.country] : []);
  if (expectedCountries.some((c) => !places.some((p) => p.country === c))) return false;
  const first = places[0];
  if (question.region !== null && first?.region !== question.region) return false;
  if (question.country !== null && first?.country !== question.country) return false;
  return true;
}

/** Grades as ../shared/eval/README.md says: topic among `topics`, places equal where given, out of scope flagged. */
export function grade(kb: KnowledgeBase, questions: GradedQuestion[]): Report {
  const report: Report = {
    ...kindReport(),
    refused: rate(),
    confidentWrong: rate(),
    didYouMean: rate(),
    byKind: new Map(),
    calibration: Array.from({ length: 10 }, (_, i) => ({ from: i / 10, answers: 0, right: 0, confidence: 0 })),
    misses: [],
  };
  for (const question of questions) {
    // The app's own path: Slack markup ("<!everyone>", "<@U123>") is read as Slack delivers it.
    const reply = replyTo(kb, question.q);
    const { result } = reply;
    const kind = question.kind ?? (question.oos ? 'oos' : 'unlabelled');
    const byKind = report.byKind.get(kind) ?? kindReport();
    report.byKind.set(kind, byKind);
    const what: MissKind[] = [];
    for (const r of [report, byKind]) r.questions++;
    const answered = result.kind === 'answer';
    if (question.oos) {
      const flagged = result.outOfScope && result.topic === null;
      for (const r of [report, byKind]) count(r.outOfScope, flagged);
      happened(report.confidentWrong, answered);
      if (!flagged) what.push('out-of-scope');
    } else {
      const topicRight = result.topic !== null && question.topics.includes(result.topic);
      for (const r of [report, byKind]) count(r.topic, topicRight);
      happened(report.refused, result.outOfScope);
      happened(report.didYouMean, result.kind === 'did-you-mean');
      happened(report.confidentWrong, answered && !topicRight);
      if (answered) {
        const bucket = report.calibration[Math.min(9, Math.floor(result.confidence * 10))];
        if (bucket) {
          bucket.answers++;
          bucket.confidence += result.confidence;
          if (topicRight) bucket.right++;
        }
      }
      if (result.outOfScope) what.push('refused');
      else if (!topicRight) what.push('topic');
      if (question.region !== null || question.country !== null || question.countries?.length) {
        const ok = placeRight(question, result);
        for (const r of [report, byKind]) count(r.place, ok);
        if (!ok) what.push('place');
      }
    }
    if (question.lang) {
      const ok = answeredIn(reply, question.lang);
      for (const r of [report, byKind]) count(r.language, ok);
      if (!ok) what.push('language');
    }
    if (what.length) report.misses.push({ question, result, what, language: reply.language });
  }
  return report;
}

/** The card is labelled with the language, and its words read as that language. */
function answeredIn(reply: Reply, lang: string): boolean {
  return reply.language === lang && detectLanguage(readableText(reply.message)) === lang;
}

/** What a person reads on a card: its sections and context lines, without Slack markup. */
function readableText(message: Reply['message']): string {
  const parts: string[] = [];
  for (const block of message.blocks) {
    if (block.type === 'section') parts.push(block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text));
    if (block.type === 'context') for (const e of block.elements) if ('text' in e) parts.push(e.text);
  }
  return parts
    .join('\n')
    .replace(/<[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[*_~`]/g, '');
}

/** Expected calibration error: how far, on average over answers, confidence is from the share right. */
export function calibrationError(report: Report): number {
  const answers = report.calibration.reduce((n, b) => n + b.answers, 0);
  if (!answers) return 0;
  return report.calibration.reduce((sum, b) => sum + Math.abs(b.confidence - b.right), 0) / answers;
}

export function percent(right: number, of: number): string {
  return of === 0 ? 'n/a' : `${((100 * right) / of).toFixed(1)}%`;
}

/** "12/13  92.3%" */
export function ratio(t: Tally | Rate): string {
  const n = 'right' in t ? t.right : t.count;
  return `${n}/${t.of}  ${percent(n, t.of)}`;
}
