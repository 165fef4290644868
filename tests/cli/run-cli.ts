import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliRun } from '../../src/cli/common.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a CLI's `run` in this process, with its output captured in strings. Its environment is only
 * KNOWLEDGE_DIR='' and `env` (never this process's), its standard input `stdin` or nothing.
 */
export async function runInProcess(run: CliRun, args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    env: { KNOWLEDGE_DIR: '', ...options.env },
  });
  return { code, stdout, stderr };
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `src/cli/SCRIPT` as its own process, as `npm run …` does: for the one end-to-end test per CLI. */
export function runAsProcess(script: string, args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, KNOWLEDGE_DIR: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
