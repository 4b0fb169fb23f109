import type * as TF from "@tensorflow/tfjs";
import { defineSpec } from "../../lib/grading/spec";

type SimilarityModule = { cosineSimilarity: (a: TF.Tensor1D, b: TF.Tensor1D) => TF.Scalar };

export default defineSpec<SimilarityModule>({
  exercise: "word-similarity",
  exports: ["cosineSimilarity"],
  tests: [
    {
      name: "returns a scalar tensor (shape [])",
      run: ({ tf, mod, expect }) => {
        const out = mod.cosineSimilarity(tf.tensor1d([1, 2, 3]), tf.tensor1d([4, 5, 6]));
        expect.tensor(out);
        expect.shape(out, []);
      },
    },
    {
      name: "[1, 2, 3] and [4, 5, 6] have similarity 32 / sqrt(14 · 77) ≈ 0.9746",
      run: ({ tf, mod, expect }) => {
        const out = mod.cosineSimilarity(tf.tensor1d([1, 2, 3]), tf.tensor1d([4, 5, 6]));
        expect.tensor(out);
        expect.close(out, 0.9746318, { atol: 1e-5 });
      },
    },
    {
      name: "[1, 0, 1, 0] and [1, 1, 0, 0] (60 degrees apart) have similarity 0.5",
      run: ({ tf, mod, expect }) => {
        const out = mod.cosineSimilarity(tf.tensor1d([1, 0, 1, 0]), tf.tensor1d([1, 1, 0, 0]));
        expect.tensor(out);
        expect.close(out, 0.5, { atol: 1e-5 });
      },
    },
    {
      name: "a vector compared with itself gives 1",
      run: ({ tf, mod, expect }) => {
        const a = tf.tensor1d([0.3, -1.2, 2.5]);
        const out = mod.cosineSimilarity(a, a);
        expect.tensor(out);
        expect.close(out, 1, { atol: 1e-5 });
      },
    },
    {
      name: "perpendicular vectors give 0",
      run: ({ tf, mod, expect }) => {
        const out = mod.cosineSimilarity(tf.tensor1d([1, 2, 0]), tf.tensor1d([-2, 1, 5]));
        expect.tensor(out);
        expect.close(out, 0, { atol: 1e-6 });
      },
    },
    {
      name: "vectors pointing in opposite directions give -1",
      run: ({ tf, mod, expect }) => {
        const out = mod.cosineSimilarity(tf.tensor1d([2, -1, 0.5, 3]), tf.tensor1d([-5, 2.5, -1.25, -7.5]));
        expect.tensor(out);
        expect.close(out, -1, { atol: 1e-5 });
      },
    },
    {
      name: "scaling either vector by a positive number does not change the similarity",
      run: ({ tf, mod, expect }) => {
        const a = [2, -1, 0.5, 3];
        const b = [1, 1, -2, 0.5];
        const base = mod.cosineSimilarity(tf.tensor1d(a), tf.tensor1d(b));
        const scaled = mod.cosineSimilarity(tf.tensor1d(a.map((x) => 3 * x)), tf.tensor1d(b.map((x) => 0.5 * x)));
        expect.tensor(base);
        expect.tensor(scaled);
        expect.close(base, 0.1589439, { atol: 1e-5, what: "cos(a, b)" });
        expect.close(scaled, 0.1589439, { atol: 1e-5, what: "cos(3a, 0.5b)" });
      },
    },
    {
      name: "it is symmetric: cos(a, b) = cos(b, a)",
      run: ({ tf, mod, expect }) => {
        const a = tf.tensor1d([4, 0.5, -2]);
        const b = tf.tensor1d([0.1, 3, 1]);
        const ab = mod.cosineSimilarity(a, b);
        const ba = mod.cosineSimilarity(b, a);
        expect.tensor(ab);
        expect.tensor(ba);
        expect.close(ba, ab, { atol: 1e-6, what: "cos(b, a) compared with cos(a, b)" });
      },
    },
    {
      name: "toy word vectors: cat is closer to dog (0.992) than to car (0.123)",
      run: ({ tf, mod, expect }) => {
        const cat = tf.tensor1d([0.9, 0.8, 0.1, 0.0]);
        const dog = tf.tensor1d([0.85, 0.75, 0.2, 0.1]);
        const car = tf.tensor1d([0.1, 0.0, 0.9, 0.8]);
        const catDog = mod.cosineSimilarity(cat, dog);
        const catCar = mod.cosineSimilarity(cat, car);
        expect.tensor(catDog);
        expect.tensor(catCar);
        expect.close(catDog, 0.9920481, { atol: 1e-5, what: "cos(cat, dog)" });
        expect.close(catCar, 0.1232877, { atol: 1e-5, what: "cos(cat, car)" });
      },
    },
  ],
});
