import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../engine/knowledge-base.js';
import { isLanguage, LANGUAGES } from '../knowledge/languages.js';
import { detailsFor, replyTo } from '../replies/reply.js';
import { type CliIo, fail, isMainModule, parseNow, runAsScript, runMain } from './common.js';
import { renderForTerminal } from './terminal.js';

const USAGE = `Usage: npm run ask -- [--json] [--details] [--lang xx] [--now ISO-DATE] [QUESTION]

Answers a question about LinkedIn's use of member data for AI training from the knowledge base.
With no QUESTION, reads questions from standard input, one a line.
  --json         one line of JSON an answer: question, language, outOfScope, topic, confidence, region, country, places, suggestions,
                 text, blocks, details (the blocks of the Details modal, or null when the answer has none)
  --lang xx      answer in this language (${LANGUAGES.join(', ')}); by default the question's own, else English
  --details      print the Details modal under each answer
  --now DATE     answer as if today were DATE (for example 2026-11-29)
Set KNOWLEDGE_DIR to add your organisation's layer.`;

/** `npm run ask`: returns the exit code. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runMain(io, () => main(argv, io));
}

async function main(argv: string[], io: CliIo): Promise<void> {
  const { stdout, stderr, stdin = process.stdin, env = process.env } = io;
  const parsed = (() => {
    try {
      return parseArgs({
        args: argv,
        options: {
          json: { type: 'boolean', default: false },
          details: { type: 'boolean', default: false },
          lang: { type: 'string' },
          now: { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
        allowPositionals: true,
      });
    } catch (error) {
      return fail(`${(error as Error).message}\n\n${USAGE}`);
    }
  })();
  const { values, positionals } = parsed;
  if (values.help) {
    stdout.write(`${USAGE}\n`);
    return;
  }
  const now = parseNow(values.now);
  if (values.lang !== undefined && !isLanguage(values.lang)) fail(`--lang must be one of ${LANGUAGES.join(', ')}\n\n${USAGE}`);
  const forced = isLanguage(values.lang) ? values.lang : undefined;
  const kb = loadKnowledgeBase(env.KNOWLEDGE_DIR || undefined);
  const color = !values.json && stdout.isTTY === true;

  const answer = (question: string) => {
    const { result, message, language } = replyTo(kb, question, now, { language: forced });
    const details = values.json || values.details ? detailsFor(kb, { kind: 'question', question, language }, now) : null;
    if (values.json) {
      const line = {
        question,
        language,
        outOfScope: result.outOfScope,
        topic: result.topic,
        confidence: result.confidence,
        region: result.region,
        country: result.country,
        places: result.places,
        suggestions: result.suggestions,
        text: message.text,
        blocks: message.blocks,
        details: details?.blocks ?? null,
      };
      stdout.write(`${JSON.stringify(line)}\n`);
    } else {
      stdout.write(`${color ? '\x1b[36m' : ''}❓ ${question}${color ? '\x1b[0m' : ''}\n\n${renderForTerminal(message, color)}\n\n`);
      if (details) stdout.write(`── Details ──\n\n${renderForTerminal({ text: '', blocks: details.blocks }, color)}\n\n`);
    }
  };

  if (positionals.length) {
    answer(positionals.join(' '));
    return;
  }
  if (stdin.isTTY) stderr.write('Type a question and press Enter (Ctrl-D to finish).\n');
  for await (const line of createInterface({ input: stdin, crlfDelay: Infinity })) {
    if (line.trim()) answer(line);
  }
}

if (isMainModule(import.meta.url)) runAsScript(run);
