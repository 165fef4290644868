import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../engine/knowledge-base.js';
import { checkParity } from '../knowledge/parity.js';
import { type CliIo, fail, isMainModule, runAsScript, runMain } from './common.js';

/** Validates the knowledge base (and an organisation layer: `npm run kb:check -- DIR`) and says what it holds. */
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/** `npm run kb:check`: returns the exit code. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runMain(io, () => main(argv, io));
}

function main(argv: string[], { stdout, env = process.env }: CliIo): void {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  const orgDir = positionals[0] ?? (env.KNOWLEDGE_DIR || undefined);
  const kb = loadKnowledgeBase(orgDir);
  const lines = [`Knowledge base OK${orgDir ? ` (with the organisation layer in ${orgDir})` : ''}.`, '', `Topics (${kb.topics.size}):`];
  for (const t of kb.topics.values()) {
    const org = kb.data.orgTopicIds.includes(t.id) ? ' [organisation]' : '';
    lines.push(
      `  ${t.id.padEnd(20)} ${t.title}${org} — ${t.phrasings.length} phrasings, ${t.sources.length} sources, checked ${t.lastChecked}${t.unconfirmed.length ? `, ${t.unconfirmed.length} unconfirmed` : ''}`,
    );
  }
  lines.push('', `Regions (${kb.regions.size}):`);
  for (const r of kb.regions.values()) {
    const countries = r.countries === 'all-others' ? 'all other countries' : `${r.countries.length} countries`;
    lines.push(`  ${r.id.padEnd(14)} ${r.name}: ${countries}, AI training ${r.trainingUsed === null ? 'not covered by the sources' : r.trainingUsed ? `since ${r.trainingSince}` : 'not used'}`);
  }
  lines.push('', `Place names known: ${kb.gazetteer.size}`);
  const c = kb.model.calibration;
  lines.push(
    `Topic model: ${kb.model.classes.length} classes; cross-validated topic accuracy ${percent(c.heldOutTopicAccuracy)}, out of scope flagged ${percent(c.heldOutOutOfScopeFlagged)};`,
    `  answers at p ≥ ${c.answerAt}, out of scope at p ≥ ${c.outOfScopeAt}, temperature ${c.temperature}`,
  );
  lines.push(kb.organisation ? `Organisation note (${kb.organisation.organisation}): ${kb.organisation.note}` : 'No organisation note.');
  lines.push('', 'Languages (each checked against English: links, date placeholders, numbers, list lengths, placeholders):');
  let drifted = 0;
  for (const r of checkParity(kb.data)) {
    drifted += r.problems.length;
    lines.push(`  ${r.language}: ${r.problems.length ? `${r.problems.length} problems` : 'matches English'}${r.missing.length ? `; ${r.missing.length} texts not translated (shown in English)` : '; complete'}`);
    for (const p of r.problems) lines.push(`    ✗ ${p}`);
    for (const m of r.missing.slice(0, 20)) lines.push(`    missing: ${m}`);
    if (r.missing.length > 20) lines.push(`    … and ${r.missing.length - 20} more`);
  }
  stdout.write(`${lines.join('\n')}\n`);
  // A translation that says something English does not is an error: facts must not drift.
  if (drifted) fail(`${drifted} translated texts differ from English in links, dates, numbers or lists.`, 1);
}

if (isMainModule(import.meta.url)) runAsScript(run);
