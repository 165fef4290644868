import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFeatures, type FeatureInput, PLACE_TOKEN } from './features.js';
import { ANY_FUNCTION_WORD } from './function-words.js';
import { FuzzyVocabulary } from './fuzzy-vocabulary.js';
import { type Example, mulberry32, SoftmaxRegression, type SparseVector, softmax } from './softmax-regression.js';
import { languageStems } from './stemmers.js';

/** The class of everything the app does not answer. */
export const OUT_OF_SCOPE = 'out-of-scope';

/** Word features are named `w:` and the stem (see features.ts). */
const WORD = 'w:';

/** Bump when the file format changes. */
const MODEL_VERSION = 2;

/** Packages whose data shapes the features (stems, place names): a new version retrains. */
const MODEL_PACKAGES = ['@nlpjs/lang-en-min', 'city-timezones', 'world-countries', 'i18n-iso-countries', 'stopwords-iso'];

/** The code that turns text into features and features into a model: a change to any retrains. */
const MODEL_CODE = ['features', 'function-words', 'keyword-signals', 'phrase-index', 'fuzzy-vocabulary', 'places', 'reader', 'softmax-regression', 'stemmers', 'text', 'topic-model'];

function codeFingerprint(): string {
  const here = fileURLToPath(import.meta.url);
  const hash = createHash('sha256');
  for (const name of MODEL_CODE) {
    try {
      hash.update(readFileSync(join(dirname(here), `${name}${extname(here)}`)));
    } catch {
      hash.update(`${name}: unreadable`);
    }
  }
  const require = createRequire(import.meta.url);
  for (const name of MODEL_PACKAGES) hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
  return hash.digest('hex');
}

export const TRAINING = {
  epochs: 12,
  learningRate: 0.35,
  l2: 1e-5,
  seed: 20251103,
  folds: 5,
  minExamplesPerFeature: 2,
  /** How much more the out-of-scope class weighs in all than one topic. */
  outOfScopeWeight: 3,
  /**
   * Of the in-scope examples held out in cross-validation, at most this share may be refused. The
   * phrasings include deliberately borderline ones, so this overstates real refusals: at 3% here,
   * none of 717 in-scope graded questions was refused (tests/eval, December 2026).
   */
  maxRefused: 0.03,
  /** Of the answers given to held-out examples, at most this share may be wrong. */
  maxWrongAnswers: 0.06,
  /**
   * A word is evidence of "out of scope" when it is at least this many times as common (by share of
   * examples) among the out-of-scope examples as among the topics' phrasings: "Meta", "holiday", "VPN",
   * not "object" or "how". 1.5 refused fewest on the graded sets for the share of out of scope it kept.
   */
  evidenceRatio: 1.5,
} as const;

export interface LabelledText {
  text: string;
  label: string;
}

/** Chosen from cross-validation on the training examples, so the numbers mean what they say. */
export interface Calibration {
  /** Divides the logits so that probabilities match how often held-out examples were right. */
  temperature: number;
  /** Answer when the best topic has at least this probability (given the question is in scope). */
  answerAt: number;
  /** Out of scope when that class has at least this probability. */
  outOfScopeAt: number;
  /** Cross-validated: share of in-scope examples whose best topic was right. */
  heldOutTopicAccuracy: number;
  /** Cross-validated: share of out-of-scope examples flagged. */
  heldOutOutOfScopeFlagged: number;
}

export interface TopicPrediction {
  /** In-scope topics with the probability of each, given the question is in scope; best first. */
  topics: { id: string; p: number }[];
  /** The probability that the question is out of scope. */
  outOfScope: number;
}

/**
 * The trained topic classifier: multinomial logistic regression from question features to one of
 * the knowledge base's topics or "out of scope", with calibrated probabilities.
 */
export class TopicModel {
  private constructor(
    readonly classes: readonly string[],
    private readonly featureIndex: ReadonlyMap<string, number>,
    private readonly regression: SoftmaxRegression,
    readonly calibration: Calibration,
    private readonly evidence: OutOfScopeEvidence,
  ) {}

  /** In scope by default: whether the question has a word that points away from the topics (see `OutOfScopeEvidence`). */
  hasOutOfScopeEvidence(input: FeatureInput): boolean {
    return this.evidence.has(input);
  }

  predict(input: FeatureInput): TopicPrediction {
    const p = softmax(this.regression.logits(this.vectorize(extractFeatures(input))), this.calibration.temperature);
    return this.readProbabilities(p);
  }

  private readProbabilities(p: Float64Array): TopicPrediction {
    const oosIndex = this.classes.indexOf(OUT_OF_SCOPE);
    const outOfScope = oosIndex >= 0 ? (p[oosIndex] as number) : 0;
    const inScope = 1 - outOfScope || 1e-12;
    const topics = this.classes
      .map((id, i) => ({ id, p: (p[i] as number) / inScope }))
      .filter((t) => t.id !== OUT_OF_SCOPE)
      .sort((a, b) => b.p - a.p);
    return { topics, outOfScope };
  }

  /**
   * A word the model never saw counts as the known words one typo away ("salry" as "salary",
   * "modle" as "model"): letter groups alone give a misspelt key word too little weight.
   */
  private vectorize(features: Map<string, number>): SparseVector {
    const index: number[] = [];
    const value: number[] = [];
    for (const [name, v] of features) {
      const i = this.featureIndex.get(name);
      if (i !== undefined) {
        index.push(i);
        value.push(v);
      } else if (name.startsWith(WORD)) {
        const near = this.knownWords().lookup(name.slice(WORD.length));
        for (const word of near) {
          if (features.has(WORD + word)) continue;
          index.push(this.featureIndex.get(WORD + word) as number);
          value.push(v / near.length);
        }
      }
    }
    return { index: Int32Array.from(index), value: Float32Array.from(value) };
  }

  private wordVocabulary: FuzzyVocabulary | null = null;

  /** Built at the first question, so loading the model stays fast. */
  private knownWords(): FuzzyVocabulary {
    this.wordVocabulary ??= new FuzzyVocabulary([...this.featureIndex.keys()].filter((f) => f.startsWith(WORD)).map((f) => f.slice(WORD.length)));
    return this.wordVocabulary;
  }

  /** Trains on the labelled texts, calibrating by cross-validation. */
  static train(texts: readonly LabelledText[], prepare: (text: string) => FeatureInput): TopicModel {
    const classes = [...new Set(texts.map((t) => t.label))].sort();
    const extracted = texts.map((t) => ({ features: extractFeatures(prepare(t.text)), y: classes.indexOf(t.label) }));
    // A feature seen in one example only says nothing about unseen questions, and makes training slower.
    const seen = new Map<string, number>();
    for (const { features } of extracted) for (const name of features.keys()) seen.set(name, (seen.get(name) ?? 0) + 1);
    const featureIndex = new Map<string, number>();
    for (const [name, n] of seen) if (n >= TRAINING.minExamplesPerFeature) featureIndex.set(name, featureIndex.size);
    const prepared = extracted.map((e) => ({ ...e, features: new Map([...e.features].filter(([name]) => featureIndex.has(name))) }));
    const classSize = classes.map((_, c) => prepared.filter((p) => p.y === c).length);
    // Every topic weighs the same in all, however many examples it has; "out of scope" weighs more,
    // because it stands for everything else people send.
    const oos = classes.indexOf(OUT_OF_SCOPE);
    const examples: Example[] = prepared.map((p) => {
      const index = Int32Array.from([...p.features.keys()].map((n) => featureIndex.get(n) as number));
      const classWeight = p.y === oos ? TRAINING.outOfScopeWeight : 1;
      return { x: { index, value: Float32Array.from(p.features.values()) }, y: p.y, weight: (classWeight * texts.length) / (classes.length * (classSize[p.y] as number)) };
    });
    const options = { ...TRAINING, classes: classes.length, features: featureIndex.size };
    const evidence = OutOfScopeEvidence.learn(extracted, oos);
    const calibration = calibrate(examples, classes, options);
    return new TopicModel(classes, featureIndex, SoftmaxRegression.train(examples, options), calibration, evidence);
  }

  /** Loads the model trained on exactly these texts from `cacheDir`, or trains it and stores it there. */
  static cached(texts: readonly LabelledText[], prepare: (text: string) => FeatureInput, contentKey: string, cacheDir: string | null): TopicModel {
    const hash = createHash('sha256')
      .update(`${MODEL_VERSION}\n${codeFingerprint()}\n${JSON.stringify(TRAINING)}\n${contentKey}\n`)
      .update(JSON.stringify(texts))
      .digest('hex');
    const file = cacheDir ? join(cacheDir, `topic-model-${hash.slice(0, 32)}.bin`) : null;
    if (file) {
      try {
        return TopicModel.deserialize(readFileSync(file));
      } catch {
        // Not cached yet, or unreadable: train.
      }
    }
    const model = TopicModel.train(texts, prepare);
    if (file && cacheDir) {
      try {
        mkdirSync(cacheDir, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, model.serialize());
        renameSync(temporary, file); // atomic, so a replica starting at the same moment never reads half a file
      } catch {
        // A read-only disk only costs the training time at the next start.
      }
    }
    return model;
  }

  serialize(): Buffer {
    const header = Buffer.from(
      JSON.stringify({
        version: MODEL_VERSION,
        classes: this.classes,
        features: [...this.featureIndex.keys()],
        calibration: this.calibration,
        ...this.evidence.toJSON(),
      }),
    );
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    const { weights, bias } = this.regression;
    return Buffer.concat([length, header, Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength), Buffer.from(bias.buffer, bias.byteOffset, bias.byteLength)]);
  }

  static deserialize(buffer: Buffer): TopicModel {
    const length = buffer.readUInt32LE(0);
    const header = JSON.parse(buffer.subarray(4, 4 + length).toString('utf8')) as {
      version: number;
      classes: string[];
      features: string[];
      calibration: Calibration;
      inScopeWords: string[];
      outOfScopeWords: string[];
    };
    if (header.version !== MODEL_VERSION) throw new Error('model from another version');
    const k = header.classes.length;
    const body = buffer.subarray(4 + length);
    // Copy into aligned memory: a Float32Array cannot start at an odd byte offset.
    const floats = new Float32Array(new Uint8Array(body).buffer);
    if (floats.length !== header.features.length * k + k) throw new Error('model file is truncated');
    const regression = new SoftmaxRegression(k, floats.subarray(0, header.features.length * k), floats.subarray(header.features.length * k));
    const evidence = new OutOfScopeEvidence(header.inScopeWords, header.outOfScopeWords);
    return new TopicModel(header.classes, new Map(header.features.map((f, i) => [f, i])), regression, header.calibration, evidence);
  }
}

/**
 * In scope by default: a question is refused only when some word in it points away from the topics: a
 * word `evidenceRatio` times as common in the out-of-scope examples as in the topics' phrasings
 * ("Instagram", "payroll", "joke"), or one the phrasings never use, even with a typo ("asdfgh"), or nothing but function words
 * and symbols ("???"). "How do I object?" has none, whatever the model learnt from "How do I object to
 * Meta's AI training?".
 */
export class OutOfScopeEvidence {
  private readonly inScope: ReadonlySet<string>;
  private readonly outOfScope: ReadonlySet<string>;
  private inScopeFuzzy: FuzzyVocabulary | null = null;

  constructor(inScopeStems: Iterable<string>, outOfScopeStems: Iterable<string>) {
    this.inScope = new Set(inScopeStems);
    this.outOfScope = new Set(outOfScopeStems);
  }

  /** From the training examples' word features (`w:` stems), by share of examples on each side. */
  static learn(examples: readonly { features: ReadonlyMap<string, number>; y: number }[], oos: number): OutOfScopeEvidence {
    const inCount = new Map<string, number>();
    const outCount = new Map<string, number>();
    let inExamples = 0;
    let outExamples = 0;
    for (const { features, y } of examples) {
      const counts = y === oos ? outCount : inCount;
      if (y === oos) outExamples++;
      else inExamples++;
      for (const name of features.keys()) if (name.startsWith(WORD)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const outOfScope: string[] = [];
    for (const [name, n] of outCount) {
      // Seen twice at least, so that one odd example does not make a word evidence; +1 smooths.
      const inShare = ((inCount.get(name) ?? 0) + 1) / (inExamples || 1);
      if (n >= 2 && n / (outExamples || 1) >= TRAINING.evidenceRatio * inShare) outOfScope.push(name.slice(WORD.length));
    }
    return new OutOfScopeEvidence(
      [...inCount.keys()].map((name) => name.slice(WORD.length)),
      outOfScope,
    );
  }

  has(input: FeatureInput): boolean {
    const content = input.tokens.filter((t) => t !== PLACE_TOKEN && !ANY_FUNCTION_WORD.has(t));
    if (content.length === 0) return !input.tokens.includes(PLACE_TOKEN);
    for (const token of content) {
      const stems = languageStems(token);
      if (stems.some((s) => this.outOfScope.has(s))) return true;
      if (!stems.some((s) => this.inScope.has(s) || this.fuzzy().lookup(s).length > 0)) return true;
    }
    return false;
  }

  toJSON(): { inScopeWords: string[]; outOfScopeWords: string[] } {
    return { inScopeWords: [...this.inScope], outOfScopeWords: [...this.outOfScope] };
  }

  /** Built at the first question, so loading the model stays fast. */
  private fuzzy(): FuzzyVocabulary {
    this.inScopeFuzzy ??= new FuzzyVocabulary(this.inScope);
    return this.inScopeFuzzy;
  }
}

/**
 * Cross-validation: each fold is predicted by a model trained on the others. The temperature that
 * makes those held-out probabilities honest is fitted, then the two thresholds are read off them:
 * the lowest out-of-scope probability that refuses at most `maxRefused` of in-scope examples, and the
 * lowest topic probability at which at most `maxWrongAnswers` of the answers given are wrong.
 */
function calibrate(examples: Example[], classes: readonly string[], options: typeof TRAINING & { classes: number; features: number }): Calibration {
  const oos = classes.indexOf(OUT_OF_SCOPE);
  const random = mulberry32(options.seed + 1);
  const fold = new Int32Array(examples.length);
  for (let c = 0; c < classes.length; c++) {
    const members = examples.map((e, i) => (e.y === c ? i : -1)).filter((i) => i >= 0);
    members.sort(() => random() - 0.5);
    members.forEach((i, n) => {
      fold[i] = n % options.folds;
    });
  }
  const logits: Float64Array[] = new Array<Float64Array>(examples.length);
  for (let f = 0; f < options.folds; f++) {
    const model = SoftmaxRegression.train(
      examples.filter((_, i) => fold[i] !== f),
      options,
    );
    examples.forEach((e, i) => {
      if (fold[i] === f) logits[i] = model.logits(e.x);
    });
  }

  let temperature = 1;
  let bestLoss = Infinity;
  for (let t = 0.2; t <= 4; t += 0.05) {
    let loss = 0;
    examples.forEach((e, i) => {
      loss -= Math.log((softmax(logits[i] as Float64Array, t)[e.y] as number) + 1e-12);
    });
    if (loss < bestLoss) [bestLoss, temperature] = [loss, t];
  }

  const held = examples.map((e, i) => {
    const p = softmax(logits[i] as Float64Array, temperature);
    const pOos = oos >= 0 ? (p[oos] as number) : 0;
    let best = -1;
    for (let c = 0; c < p.length; c++) if (c !== oos && (best < 0 || (p[c] as number) > (p[best] as number))) best = c;
    return { y: e.y, pOos, top: best, pTop: (p[best] as number) / (1 - pOos || 1e-12) };
  });
  const inScope = held.filter((h) => h.y !== oos);
  const outOfScope = held.filter((h) => h.y === oos);
  const grid = Array.from({ length: 97 }, (_, i) => (2 + i) / 100);

  const outOfScopeAt = grid.find((t) => inScope.filter((h) => h.pOos >= t).length <= options.maxRefused * inScope.length) ?? 0.99;
  const kept = inScope.filter((h) => h.pOos < outOfScopeAt);
  const answerAt =
    grid.find((t) => {
      const answered = kept.filter((h) => h.pTop >= t);
      return answered.filter((h) => h.top !== h.y).length <= options.maxWrongAnswers * answered.length;
    }) ?? 0.99;
  return {
    temperature: round(temperature),
    answerAt,
    outOfScopeAt,
    heldOutTopicAccuracy: round(inScope.filter((h) => h.top === h.y).length / (inScope.length || 1)),
    heldOutOutOfScopeFlagged: round(outOfScope.filter((h) => h.pOos >= outOfScopeAt).length / (outOfScope.length || 1)),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
