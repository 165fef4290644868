import { describe, expect, it } from 'vitest';
import { type Example, mulberry32, SoftmaxRegression, softmax } from '../../src/engine/softmax-regression.js';

const OPTIONS = { classes: 3, features: 6, epochs: 30, learningRate: 0.5, l2: 1e-5, seed: 7 };

/** Class c is marked by features 2c and 2c+1; each example has one of them plus shared noise feature 5 or 4. */
function toyExamples(): Example[] {
  const random = mulberry32(1);
  return Array.from({ length: 90 }, (_, i) => {
    const y = i % 3;
    const marker = 2 * y + (random() < 0.5 ? 0 : 1);
    const noise = marker === 4 || marker === 5 ? 0 : 4 + Math.floor(random() * 2);
    return { x: { index: Int32Array.from([marker, noise]), value: Float32Array.from([1, 0.5]) }, y, weight: 1 };
  });
}

describe('softmax regression', () => {
  it('learns a separable problem', () => {
    const model = SoftmaxRegression.train(toyExamples(), OPTIONS);
    for (let c = 0; c < 3; c++) {
      const p = softmax(model.logits({ index: Int32Array.from([2 * c]), value: Float32Array.from([1]) }));
      expect(p.indexOf(Math.max(...p))).toBe(c);
    }
  });

  it('trains the same model every time from the same seed', () => {
    const a = SoftmaxRegression.train(toyExamples(), OPTIONS);
    const b = SoftmaxRegression.train(toyExamples(), OPTIONS);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    const c = SoftmaxRegression.train(toyExamples(), { ...OPTIONS, seed: 8 });
    expect(Array.from(c.weights)).not.toEqual(Array.from(a.weights));
  });

  it('gives an example weighted up more pull on its class', () => {
    const examples = toyExamples();
    const heavy = examples.map((e) => (e.y === 0 ? { ...e, weight: 5 } : e));
    const neutral = { index: Int32Array.from([4]), value: Float32Array.from([0.5]) };
    const p = softmax(SoftmaxRegression.train(examples, OPTIONS).logits(neutral));
    const q = softmax(SoftmaxRegression.train(heavy, OPTIONS).logits(neutral));
    expect(q[0]).toBeGreaterThan(p[0] as number);
  });
});

describe('softmax', () => {
  it('sums to one, keeps the order, and flattens with a higher temperature', () => {
    const z = Float64Array.from([2, 1, 0]);
    const p = softmax(z);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[0]).toBeGreaterThan(p[1] as number);
    expect(softmax(z, 3)[0]).toBeLessThan(p[0] as number);
  });

  it('stays finite for huge logits', () => {
    const p = softmax(Float64Array.from([1e6, 0]));
    expect(Array.from(p)).toEqual([1, 0]);
  });
});
