/**
 * What the worker does while the learner is still reading the brief (a "prepare" message), so the
 * first "Run tests" does not pay for a cold JavaScript engine: sucrase, the source scans, the
 * harness and tfjs's CPU kernels all run much slower the first time (about 150 ms of compile and
 * 180 ms of tests on the first run, against 2 and 13 ms warm, bench/grader-breakdown.ts).
 *
 * Only the course's own code runs here, never the learner's: the spec is graded once against a
 * module of ours whose functions throw at once (so every test ends at its first call, however the
 * spec is written), and a few tensor operations common to the exercises run on tiny inputs.
 */
import { gradeSource } from "../run";
import type { ExerciseText, GradingLocale } from "../messages";
import type { ExerciseSpec, Tf } from "../types";

/** A TypeScript module exporting each name as a function that throws (typed, so sucrase strips types as it does for learners). */
export function warmUpSource(exports: readonly string[]): string {
  const functions = exports.map((name) => `export function ${name}(...args: unknown[]): never {\n  throw new Error("warm-up " + args.length);\n}`);
  return `import * as tf from "@tensorflow/tfjs";\n// The grader warming up.\nconst unused: tf.Tensor | null = null;\nvoid unused;\n${functions.join("\n")}\n`;
}

/** Operations most exercises use, once each on tiny tensors, inside a tidy. */
export function warmUpKernels(tf: Tf): void {
  tf.tidy(() => {
    const a = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
    const b = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
    const max = a.max(-1, true);
    const exp = tf.exp(tf.sub(a, max));
    tf.div(exp, tf.sum(exp, -1, true)).dataSync();
    tf.softmax(a).dataSync();
    tf.matMul(a, b).dataSync();
    tf.matMul(a, a, false, true).dataSync();
    tf.where(tf.greater(a, 2), a, tf.fill(a.shape, -1e9)).arraySync();
    tf.mean(tf.square(tf.sub(a, tf.mean(a, -1, true))), -1).arraySync();
    tf.log(tf.add(tf.abs(a), 1)).mul(tf.scalar(0.5)).sqrt().transpose().reshape([6]).arraySync();
    tf.concat([a, a]).slice([0, 0], [2, 2]).gather([0]).arraySync();
    tf.oneHot(tf.tensor1d([0, 2], "int32"), 3).argMax(-1).arraySync();
  });
}

/** Grades the spec once against warmUpSource, then warms the kernels. Nothing it does outlives it. */
export async function warmUp(opts: { tf: Tf; spec: ExerciseSpec; locale: GradingLocale; text?: ExerciseText; providedNames?: readonly string[] }): Promise<void> {
  const { tf, spec, locale, text, providedNames } = opts;
  await gradeSource({ spec, tf, locale, text, source: warmUpSource(spec.exports), provided: providedNames ? { names: providedNames, sources: {} } : undefined });
  warmUpKernels(tf);
}
