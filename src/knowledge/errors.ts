import type { z } from 'zod';

/** A knowledge-base file that cannot be used, with every problem in it, each naming file and path. */
export class KnowledgeBaseError extends Error {
  constructor(readonly problems: string[]) {
    super(`The knowledge base has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'KnowledgeBaseError';
  }
}

/** `regions[3].countries[1]` from zod's ['regions', 3, 'countries', 1]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(top level)';
}

export function describeIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${issue.message}`);
}
