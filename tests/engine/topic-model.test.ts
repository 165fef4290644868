import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FeatureInput } from '../../src/engine/features.js';
import { tokenize } from '../../src/engine/text.js';
import { type LabelledText, OUT_OF_SCOPE, TopicModel } from '../../src/engine/topic-model.js';

const noSignals = { keywords: new Map(), strong: new Map(), domainHits: 0, mentionsSubject: false, mentionsOtherCompany: false, offTopic: false, matched: [] };
const prepare = (text: string): FeatureInput => ({ tokens: tokenize(text), signals: noSignals });

/** A small world: two topics and "out of scope", twenty phrasings each. */
function texts(): LabelledText[] {
  const out: LabelledText[] = [];
  const subjects = ['my', 'our', 'the', 'his', 'her', 'their', 'a', 'this', 'that', 'every'];
  for (const s of subjects) {
    out.push({ text: `how do I turn off ${s} setting`, label: 'opt-out' }, { text: `switch off ${s} toggle please`, label: 'opt-out' });
    out.push({ text: `are ${s} messages used for training`, label: 'data' }, { text: `is ${s} profile data used`, label: 'data' });
    out.push({ text: `book ${s} meeting room`, label: OUT_OF_SCOPE }, { text: `where is ${s} lunch menu`, label: OUT_OF_SCOPE });
  }
  return out;
}

describe('the topic model', () => {
  const model = TopicModel.train(texts(), prepare);

  it('predicts the topic of questions it was not trained on, with probabilities that sum to one', () => {
    const p = model.predict(prepare('how can I switch off the setting'));
    expect(p.topics[0]?.id).toBe('opt-out');
    expect(p.topics.reduce((a, t) => a + t.p, 0)).toBeCloseTo(1, 6);
    expect(model.predict(prepare('which messages are used for training')).topics[0]?.id).toBe('data');
  });

  it('puts what it learned as out of scope there', () => {
    expect(model.predict(prepare('book the meeting room for me')).outOfScope).toBeGreaterThan(0.5);
    expect(model.predict(prepare('turn off the toggle')).outOfScope).toBeLessThan(0.5);
  });

  it('reads a word it never saw as the known word one typo away', () => {
    // Letter groups alone leave "messgaes" (a swap) looking like nothing it knows, so out of scope.
    const typo = model.predict(prepare('messgaes'));
    expect(typo.topics[0]?.id).toBe('data');
    expect(typo.outOfScope).toBeLessThan(0.1);
  });

  it('finds evidence of "out of scope" only in words that lean that way', () => {
    // "where" and "my" are function words; "lunch" is only ever out of scope; "setting" only in scope.
    expect(model.hasOutOfScopeEvidence(prepare('where is the lunch'))).toBe(true);
    expect(model.hasOutOfScopeEvidence(prepare('where is my setting'))).toBe(false);
    expect(model.hasOutOfScopeEvidence(prepare('where is my seting'))).toBe(false);
    // A word no phrasing uses, and a message with no words at all, are evidence too.
    expect(model.hasOutOfScopeEvidence(prepare('where is my zeppelin'))).toBe(true);
    expect(model.hasOutOfScopeEvidence(prepare('???'))).toBe(true);
  });

  it('calibrates by cross-validation: thresholds and a temperature within range', () => {
    const c = model.calibration;
    expect(c.temperature).toBeGreaterThan(0);
    expect(c.answerAt).toBeGreaterThan(0);
    expect(c.answerAt).toBeLessThan(1);
    expect(c.outOfScopeAt).toBeGreaterThan(0);
    expect(c.heldOutTopicAccuracy).toBeGreaterThan(0.8);
  });

  it('predicts the same after a round trip through its file format', () => {
    const copy = TopicModel.deserialize(model.serialize());
    const q = prepare('is my data used for the training');
    expect(copy.predict(q)).toEqual(model.predict(q));
    expect(copy.calibration).toEqual(model.calibration);
    expect(copy.hasOutOfScopeEvidence(prepare('where is the lunch'))).toBe(true);
    expect(copy.hasOutOfScopeEvidence(prepare('where is my setting'))).toBe(false);
  });

  it('refuses a file from another version or cut short', () => {
    const bytes = model.serialize();
    expect(() => TopicModel.deserialize(bytes.subarray(0, bytes.length - 8))).toThrow();
  });
});

describe('the model cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topic-model-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trains once and reads the same model back for the same content', () => {
    let prepared = 0;
    const counting = (t: string) => {
      prepared++;
      return prepare(t);
    };
    const first = TopicModel.cached(texts(), counting, 'features v1', dir);
    const afterTraining = prepared;
    expect(afterTraining).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    const second = TopicModel.cached(texts(), counting, 'features v1', dir);
    expect(prepared).toBe(afterTraining);
    expect(second.calibration).toEqual(first.calibration);
  });

  it('trains again when the content or the feature data change', () => {
    TopicModel.cached([...texts(), { text: 'where do I object', label: 'opt-out' }], prepare, 'features v1', dir);
    TopicModel.cached(texts(), prepare, 'features v2', dir);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(3);
  });

  it('trains instead when a cached file is damaged, and replaces it', () => {
    const own = join(dir, 'damaged');
    TopicModel.cached(texts(), prepare, 'features v1', own);
    const [file] = readdirSync(own);
    writeFileSync(join(own, file as string), 'not a model');
    const model = TopicModel.cached(texts(), prepare, 'features v1', own);
    expect(model.predict(prepare('turn off the setting')).topics[0]?.id).toBe('opt-out');
    expect(() => TopicModel.deserialize(readFileSync(join(own, file as string)))).not.toThrow();
  });

  it('works without a cache directory', () => {
    const model = TopicModel.cached(texts(), prepare, 'x', null);
    expect(model.predict(prepare('turn off the setting')).topics[0]?.id).toBe('opt-out');
  });
});
