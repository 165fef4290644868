import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeBaseError } from '../../src/knowledge/errors.js';
import { BUILT_IN_DIR, loadKnowledgeData } from '../../src/knowledge/load.js';
import { REGION_IDS } from '../../src/knowledge/schema.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-test-'));
  dirs.push(dir);
  return dir;
}

/** A copy of the built-in knowledge base with one file changed. */
function builtInWith(file: string, edit: (text: string) => string): string {
  const dir = tempDir();
  cpSync(BUILT_IN_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    return (error as KnowledgeBaseError).problems;
  }
  throw new Error('expected the knowledge base to be refused');
}

describe('the built-in knowledge base', () => {
  const data = loadKnowledgeData();

  it('has every required topic and region', () => {
    expect(data.topics.map((t) => t.id)).toEqual(expect.arrayContaining([...data.surfaces.builtInTopics]));
    expect(data.regions.map((r) => r.id)).toEqual([...REGION_IDS]);
  });

  it('puts the 27 EU states, their territories with codes of their own, and Iceland, Liechtenstein and Norway in the EEA', () => {
    const eea = data.regions.find((r) => r.id === 'eea');
    expect(eea?.countries).toHaveLength(37);
    expect(eea?.countries).toEqual(expect.arrayContaining(['RE', 'GP', 'MQ', 'GF', 'YT', 'MF', 'AX']));
    expect(eea?.countries).toEqual(expect.arrayContaining(['DE', 'FR', 'IE', 'GR', 'IS', 'LI', 'NO']));
    expect(eea?.countries).not.toContain('GB');
    expect(eea?.countries).not.toContain('CH');
  });

  it('gives the classifier at least 60 phrasings per topic and several hundred out-of-scope examples', () => {
    for (const topic of data.topics) expect(topic.phrasings.length, topic.id).toBeGreaterThanOrEqual(60);
    expect(Object.values(data.outOfScope).flat().length).toBeGreaterThanOrEqual(500);
  });

  it('links every topic to a source over https, names who reported any source without an address, and says when each was checked', () => {
    for (const t of data.topics) {
      expect(t.sources.some((s) => s.url)).toBe(true);
      for (const s of t.sources) {
        if (s.url) expect(s.url).toMatch(/^https:\/\//);
        else expect(s.title).toMatch(/reported by|report/);
      }
      expect(t.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('a broken knowledge-base file', () => {
  it('names the file, the path inside it and the bad country code', () => {
    const dir = builtInWith('regions.yml', (t) => t.replace(/(countries: \[[^\]]*)\bDE\b/, '$1XX'));
    const problems = problemsOf(() => loadKnowledgeData({ builtInDir: dir }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe('regions.yml: regions[0].countries[10]: "XX" is not an ISO 3166-1 alpha-2 code');
  });

  it('names the topic file and field for a schema error', () => {
    const dir = builtInWith('topics/minors.yml', (t) => t.replace(/^lastChecked: .*$/m, 'lastChecked: 2026-13-45'));
    const problems = problemsOf(() => loadKnowledgeData({ builtInDir: dir }));
    expect(problems.some((p) => p.startsWith('topics/minors.yml: lastChecked:'))).toBe(true);
  });

  it('reports the line of a YAML syntax error', () => {
    const dir = builtInWith('scope.yml', (t) => `${t}\n  bad: [unclosed\n`);
    const problems = problemsOf(() => loadKnowledgeData({ builtInDir: dir }));
    expect(problems[0]).toMatch(/^scope\.yml: line \d+, column \d+: /);
  });

  it('reports a related topic that does not exist', () => {
    const dir = builtInWith('topics/opt-out-how.yml', (t) => t.replace(/^related: \[/m, 'related: [no-such-topic, '));
    const problems = problemsOf(() => loadKnowledgeData({ builtInDir: dir }));
    expect(problems).toContain('topics/opt-out-how.yml: related[0]: "no-such-topic" is not a topic id');
  });

  it('reports a missing required topic', () => {
    const dir = tempDir();
    cpSync(BUILT_IN_DIR, dir, { recursive: true });
    rmSync(join(dir, 'topics/minors.yml'));
    expect(problemsOf(() => loadKnowledgeData({ builtInDir: dir }))).toContain('topics/minors.yml: topic "minors" is missing');
  });

  it('collects every problem at once', () => {
    const dir = builtInWith('regions.yml', (t) => t.replace(/(countries: \[[^\]]*)\bDE\b/, '$1XX').replace(/(countries: \[[^\]]*)\bFR\b/, '$1YY'));
    expect(problemsOf(() => loadKnowledgeData({ builtInDir: dir }))).toHaveLength(2);
  });
});

describe('an organisation layer', () => {
  function orgLayer(files: Record<string, string>): string {
    const dir = tempDir();
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }

  it('takes the organisation\'s help channel, and names a malformed one', () => {
    const good = orgLayer({ 'organisation.yml': 'organisation: Acme\nnote: "Ask us."\nhelpChannel: "#privacy"\n' });
    expect(loadKnowledgeData({ orgDir: good }).organisation?.helpChannel).toBe('#privacy');
    const bad = orgLayer({ 'organisation.yml': 'organisation: Acme\nnote: "Ask us."\nhelpChannel: "Privacy Team"\n' });
    expect(problemsOf(() => loadKnowledgeData({ orgDir: bad })).join('\n')).toMatch(/organisation\.yml: helpChannel: must be a channel id/);
  });

  it('adds the organisation note and overrides a topic field', () => {
    const dir = orgLayer({
      'organisation.yml': 'organisation: Acme\nnote: "Acme\'s privacy team recommends opting out. Questions: #privacy"\n',
      'topics/opt-out-how.yml': 'id: opt-out-how\ntitle: How to opt out (Acme)\n',
    });
    const data = loadKnowledgeData({ orgDir: dir });
    expect(data.organisation).toEqual({ organisation: 'Acme', note: "Acme's privacy team recommends opting out. Questions: #privacy" });
    const topic = data.topics.find((t) => t.id === 'opt-out-how');
    expect(topic?.title).toBe('How to opt out (Acme)');
    expect(topic?.phrasings.length).toBeGreaterThan(3); // the rest comes from the built-in topic
    expect(data.orgTopicIds).toEqual(['opt-out-how']);
  });

  it('adds a new topic only when it is complete', () => {
    const dir = orgLayer({ 'topics/expenses.yml': 'id: acme-vpn\ntitle: VPN\n' });
    const problems = problemsOf(() => loadKnowledgeData({ orgDir: dir }));
    expect(problems.some((p) => p.startsWith('topics/expenses.yml: summary:'))).toBe(true);
  });

  it("adds its phrasings to a built-in topic's, and its out-of-scope examples to the built-in ones", () => {
    const builtIn = loadKnowledgeData();
    const dir = orgLayer({
      'topics/opt-out-how.yml': 'id: opt-out-how\nphrasings: [where is the acme opt-out guide, acme toggle?, opt-out at acme]\n',
      'out-of-scope.yml': 'examples:\n  acme-it: [reset my acme badge, book the acme shuttle]\n  chit-chat: [howdy partner]\n',
    });
    const data = loadKnowledgeData({ orgDir: dir });
    const phrasings = (d: typeof data) => d.topics.find((t) => t.id === 'opt-out-how')?.phrasings ?? [];
    expect(phrasings(data)).toEqual([...phrasings(builtIn), 'where is the acme opt-out guide', 'acme toggle?', 'opt-out at acme']);
    expect(data.outOfScope['acme-it']).toEqual(['reset my acme badge', 'book the acme shuttle']);
    expect(data.outOfScope['chit-chat']).toEqual([...(builtIn.outOfScope['chit-chat'] ?? []), 'howdy partner']);
  });

  it('reports an out-of-scope file that is not a list of examples per kind', () => {
    const dir = orgLayer({ 'out-of-scope.yml': 'examples:\n  Bad Kind: [x]\n  chit-chat: hello\n' });
    const problems = problemsOf(() => loadKnowledgeData({ orgDir: dir }));
    expect(problems.some((p) => p.startsWith('out-of-scope.yml: examples.Bad Kind'))).toBe(true);
    expect(problems.some((p) => p.startsWith('out-of-scope.yml: examples.chit-chat'))).toBe(true);
  });

  it('refuses a directory that does not exist, saying which', () => {
    expect(problemsOf(() => loadKnowledgeData({ orgDir: '/nonexistent/kb' }))).toEqual(['/nonexistent/kb: no such directory, or it cannot be read']);
  });
});
