/** A sparse vector: feature indexes with their values. */
export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

export interface Example {
  x: SparseVector;
  /** The class, 0..classes-1. */
  y: number;
  /** How much the example counts (to balance classes of different sizes). */
  weight: number;
}

export interface TrainOptions {
  classes: number;
  features: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty on the weights, per update. */
  l2: number;
  seed: number;
}

/**
 * Multinomial logistic regression over sparse features, trained with AdaGrad.
 * No npm package does sparse multinomial training in a few hundred milliseconds, so it is written
 * here: a weight per (feature, class), a bias per class, softmax over the classes.
 */
export class SoftmaxRegression {
  constructor(
    readonly classes: number,
    /** Row-major: feature f's weight for class k is at f * classes + k. */
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {}

  logits(x: SparseVector): Float64Array {
    const z = Float64Array.from(this.bias);
    const k = this.classes;
    for (let i = 0; i < x.index.length; i++) {
      const row = (x.index[i] as number) * k;
      const v = x.value[i] as number;
      for (let c = 0; c < k; c++) z[c] = (z[c] as number) + v * (this.weights[row + c] as number);
    }
    return z;
  }

  static train(examples: readonly Example[], options: TrainOptions): SoftmaxRegression {
    const { classes: k, features, epochs, learningRate, l2 } = options;
    const weights = new Float32Array(features * k);
    const bias = new Float32Array(k);
    // AdaGrad's sum of squared gradients, kept per feature (not per weight): a k-th of the square roots.
    const featureSquares = new Float32Array(features);
    const biasSquares = new Float32Array(k);
    const model = new SoftmaxRegression(k, weights, bias);
    const random = mulberry32(options.seed);
    const order = examples.map((_, i) => i);
    const gradient = new Float64Array(k);
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (const i of order) {
        const example = examples[i] as Example;
        const p = softmax(model.logits(example.x));
        for (let c = 0; c < k; c++) gradient[c] = example.weight * ((p[c] as number) - (c === example.y ? 1 : 0));
        for (let c = 0; c < k; c++) {
          const g = gradient[c] as number;
          biasSquares[c] = (biasSquares[c] as number) + g * g;
          bias[c] = (bias[c] as number) - (learningRate * g) / Math.sqrt((biasSquares[c] as number) + 1e-8);
        }
        const { index, value } = example.x;
        for (let j = 0; j < index.length; j++) {
          const f = index[j] as number;
          const row = f * k;
          const v = value[j] as number;
          let squares = 0;
          for (let c = 0; c < k; c++) {
            const g = (gradient[c] as number) * v + l2 * (weights[row + c] as number);
            squares += g * g;
          }
          featureSquares[f] = (featureSquares[f] as number) + squares / k;
          const step = learningRate / Math.sqrt((featureSquares[f] as number) + 1e-8);
          for (let c = 0; c < k; c++) {
            const at = row + c;
            weights[at] = (weights[at] as number) - step * ((gradient[c] as number) * v + l2 * (weights[at] as number));
          }
        }
      }
    }
    return model;
  }
}

/** Softmax of logits divided by a temperature (above 1 softens, below 1 sharpens). */
export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  const out = new Float64Array(z.length);
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    const e = Math.exp(((z[c] as number) - max) / temperature);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < z.length; c++) out[c] = (out[c] as number) / sum;
  return out;
}

/** A small seeded generator, so training is the same on every machine and every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
