import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run as ask } from '../../src/cli/ask.js';
import { run as evaluate } from '../../src/cli/eval.js';
import { run as kbCheck } from '../../src/cli/kb-check.js';
import { readQuestions } from '../../src/eval/grade.js';
import { runAsProcess, runInProcess } from './run-cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sharedQuestions = readQuestions(join(root, 'tests/eval/questions.shared.jsonl')).length;
const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run ask', () => {
  it('prints one line of JSON of exactly the documented shape', async () => {
    const r = await runInProcess(ask, ['--json', '--now', '2026-11-29', 'Does this apply to our Toronto office?']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] ?? '');
    expect(Object.keys(answer)).toEqual([
      'question',
      'language',
      'outOfScope',
      'topic',
      'confidence',
      'region',
      'country',
      'places',
      'suggestions',
      'text',
      'blocks',
      'details',
    ]);
    expect(answer).toMatchObject({
      question: 'Does this apply to our Toronto office?',
      language: 'en',
      outOfScope: false,
      topic: 'regions',
      region: 'ca',
      country: 'CA',
    });
    // The Details modal's blocks: the full answer for Toronto, with its sources.
    expect(JSON.stringify(answer.details)).toContain('Sources');
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.blocks.length).toBeGreaterThan(2);
  });

  it('answers each line of standard input, skipping blank ones', async () => {
    const r = await runInProcess(ask, ['--json'], { stdin: 'how do I opt out?\n\nDoes Instagram train on my photos?\n' });
    const answers = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => [a.topic, a.outOfScope])).toEqual([
      ['opt-out-how', false],
      [null, true],
    ]);
  });

  it('says how long ago the change was, relative to --now', async () => {
    // The relative dates are in the full answer (Details).
    const later = JSON.stringify(JSON.parse((await runInProcess(ask, ['--json', '--now', '2026-11-29', 'When did it start?'])).stdout).details);
    const before = JSON.stringify(JSON.parse((await runInProcess(ask, ['--json', '--now', '2025-10-01', 'When did it start?'])).stdout).details);
    expect(later).toContain('3 November 2025 (about a year ago)');
    expect(before).toContain('3 November 2025 (in 5 weeks)');
  });

  it('prints a readable card in a terminal', async () => {
    const r = await runInProcess(ask, ['--now', '2026-11-29', 'Are my DMs used?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Are my DMs used?');
    expect(r.stdout).toMatch(/private messages/i);
    expect(r.stdout).not.toContain('&lt;');
  });

  it('refuses a bad --now with a clear message and no stack trace', async () => {
    const r = await runInProcess(ask, ['--now', 'yesterday', 'hi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--now "yesterday" is not an ISO 8601 date');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the broken file of an organisation layer, without a stack trace', async () => {
    writeFileSync(join(dir, 'organisation.yml'), 'organisation: Acme\n');
    const r = await runInProcess(ask, ['hello'], { env: { KNOWLEDGE_DIR: dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('organisation.yml: note:');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('as a script, exits 0 and writes the answer to the real standard output', () => {
    const r = runAsProcess('ask.ts', ['--json', '--now', '2026-11-29', 'Are my DMs used?']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ question: 'Are my DMs used?', outOfScope: false });
  });
});

describe('npm run kb:check', () => {
  it('lists what the knowledge base holds', async () => {
    const r = await runInProcess(kbCheck, []);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Knowledge base OK');
    expect(r.stdout).toContain('opt-out-how');
    expect(r.stdout).toContain('rest-of-world');
  });

  it('as a script, exits 0 and writes the summary to the real standard output', () => {
    const r = runAsProcess('kb-check.ts', []);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Knowledge base OK\./);
  });
});

describe('npm run eval', () => {
  it('grades a question file and lists the misses', async () => {
    const file = join(dir, 'q.jsonl');
    writeFileSync(
      file,
      [
        { q: 'How do I opt out?', topics: ['opt-out-how'], region: null, country: null, oos: false, expect_any: [] },
        { q: 'Does it apply in Lyon?', topics: ['timeline'], region: 'eea', country: 'FR', oos: false, expect_any: [] },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n'),
    );
    const r = await runInProcess(evaluate, [file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('topic            1/2  50.0%');
    expect(r.stdout).toContain('place            1/1  100.0%');
    expect(r.stdout).toContain('in-scope refused 0/2  0.0%');
    expect(r.stdout).toContain('Does it apply in Lyon?');
  });

  it('grades the copy of the shared questions kept in tests/eval when given no file', async () => {
    const r = await runInProcess(evaluate, ['--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`${join(root, 'tests/eval/questions.shared.jsonl')}: ${sharedQuestions} questions`);
  });

  it('as a script, exits 0 and writes the report to the real standard output', () => {
    const file = join(dir, 'one.jsonl');
    writeFileSync(file, JSON.stringify({ q: 'How do I opt out?', topics: ['opt-out-how'], region: null, country: null, oos: false, expect_any: [] }));
    const r = runAsProcess('eval.ts', [file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${file}: 1 questions`);
    expect(r.stdout).toContain('topic            1/1  100.0%');
  });
});
