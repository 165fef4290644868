import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Dependencies run one way: knowledge → engine → answers → blocks → replies → handlers and reminders → app.
// Each part lists what it may import; an import outside its list fails here, naming the file.
const SRC = fileURLToPath(new URL('../src', import.meta.url));

const MAY_IMPORT: Record<string, string[]> = {
  format: [],
  knowledge: ['format'],
  engine: ['knowledge', 'format'],
  answers: ['engine', 'knowledge', 'format'],
  blocks: ['answers', 'knowledge', 'format'],
  replies: ['blocks', 'answers', 'engine', 'knowledge', 'format'],
  store: ['logger', 'metrics'],
  slack: ['logger', 'metrics'],
  reminders: ['replies', 'blocks', 'answers', 'engine', 'knowledge', 'format', 'store', 'slack', 'logger', 'metrics'],
  handlers: ['reminders', 'replies', 'blocks', 'answers', 'engine', 'knowledge', 'format', 'store', 'slack', 'logger', 'metrics'],
  eval: ['replies', 'engine', 'knowledge', 'format'],
  config: [],
  logger: [],
  metrics: [],
  http: [],
  app: ['handlers', 'reminders', 'replies', 'blocks', 'answers', 'engine', 'knowledge', 'format', 'store', 'slack', 'config', 'logger', 'metrics', 'http'],
  cli: ['eval', 'reminders', 'replies', 'blocks', 'answers', 'engine', 'knowledge', 'format', 'store', 'slack', 'config', 'logger'],
};

/** The part a file belongs to: its folder under src, or for the loose files, config, logger, metrics or app. */
function partOf(file: string): string {
  const [first, second] = relative(SRC, file).split('/');
  if (second !== undefined) return first as string;
  if (first === 'config.ts') return 'config';
  if (first === 'logger.ts') return 'logger';
  if (first === 'metrics.ts') return 'metrics';
  return 'app'; // app.ts, main.ts, server.ts
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import and re-export of a file, as the file it points at. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1] as string);
  return specifiers.map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')));
}

describe('the direction of dependencies', () => {
  const files = sourceFiles(SRC);

  it('knows the part of every file under src', () => {
    const unknown = files.map(partOf).filter((part) => !(part in MAY_IMPORT));
    expect(unknown).toEqual([]);
  });

  it('has no import that runs the wrong way', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = partOf(file);
      for (const target of importsOf(file)) {
        const to = partOf(target);
        if (to !== from && !MAY_IMPORT[from]?.includes(to)) wrong.push(`${relative(SRC, file)} → ${relative(SRC, target)} (${from} may not import ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('catches an import the wrong way', () => {
    // The check itself, on a made-up edge: blocks reading the store.
    expect(MAY_IMPORT.blocks).not.toContain(partOf(join(SRC, 'store/store.ts')));
    expect(partOf(join(SRC, 'knowledge/load.ts'))).toBe('knowledge');
    expect(MAY_IMPORT.knowledge).not.toContain('engine');
  });
});
