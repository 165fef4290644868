import { loadKnowledgeBase } from '../../src/engine/knowledge-base.js';

/**
 * Vitest global setup: load the built-in knowledge base once before any test file runs, so that on a
 * fresh clone the topic model is trained (and cached) once, instead of in every worker at once and
 * inside some test's hook timeout.
 */
export default function setup(): void {
  loadKnowledgeBase();
}
