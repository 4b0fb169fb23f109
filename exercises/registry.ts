/**
 * Every graded exercise: its metadata and a lazy loader for its spec (the tests).
 *
 * Static imports only, so bundlers see every file (the browser grader code-splits the
 * specs through the dynamic imports). This list ships to the browser: it must never
 * import an exercise's solution.ts, its wrong/ variants or its hints.
 * exercises/exercises.test.ts checks that every exercise folder is listed here exactly once.
 */
import type { ExerciseMeta, ExerciseSpec } from "../lib/grading/types";
import wordSimilarityMeta from "./word-similarity/meta.json";
import positionalEncodingMeta from "./positional-encoding/meta.json";
import softmaxMeta from "./softmax/meta.json";
import causalMaskMeta from "./causal-mask/meta.json";
import scaledDotProductAttentionMeta from "./scaled-dot-product-attention/meta.json";
import crossEntropyMeta from "./cross-entropy/meta.json";
import embeddingLookupMeta from "./embedding-lookup/meta.json";
import multiHeadAttentionMeta from "./multi-head-attention/meta.json";
import feedForwardMeta from "./feed-forward/meta.json";
import layerNormMeta from "./layer-norm/meta.json";
import encoderBlockMeta from "./encoder-block/meta.json";
import crossAttentionMeta from "./cross-attention/meta.json";
import nextTokenMeta from "./next-token/meta.json";
import rnnForwardMeta from "./rnn-forward/meta.json";
import sftLossMeta from "./sft-loss/meta.json";
import rewardModelLossMeta from "./reward-model-loss/meta.json";
import rlhfRewardMeta from "./rlhf-reward/meta.json";
import sgdStepMeta from "./sgd-step/meta.json";
import samplingMeta from "./sampling/meta.json";
import bpeTokenizerMeta from "./bpe-tokenizer/meta.json";
import gptBlockMeta from "./gpt-block/meta.json";
import gptLogitsMeta from "./gpt-logits/meta.json";
import lmLossMeta from "./lm-loss/meta.json";
import generateMeta from "./generate/meta.json";
// More meta.json imports go here, one per exercise, in the same form.

export interface ExerciseEntry {
  meta: ExerciseMeta;
  /** Loads the exercise's spec on demand. */
  loadSpec: () => Promise<ExerciseSpec>;
}

type JsonMeta = Omit<ExerciseMeta, "difficulty"> & { difficulty: string };
type SpecModule = { default: ExerciseSpec<never> };

/**
 * Pairs a meta.json with its spec loader. JSON imports type `difficulty` as a plain string;
 * the folder tests validate every meta.json against the schema, so the narrowing is safe.
 */
function entry(meta: JsonMeta, load: () => Promise<SpecModule>): ExerciseEntry {
  return { meta: meta as ExerciseMeta, loadSpec: async () => (await load()).default as unknown as ExerciseSpec };
}

export const exercises: readonly ExerciseEntry[] = [
  entry(wordSimilarityMeta, () => import("./word-similarity/spec")),
  entry(positionalEncodingMeta, () => import("./positional-encoding/spec")),
  entry(softmaxMeta, () => import("./softmax/spec")),
  entry(causalMaskMeta, () => import("./causal-mask/spec")),
  entry(scaledDotProductAttentionMeta, () => import("./scaled-dot-product-attention/spec")),
  entry(crossEntropyMeta, () => import("./cross-entropy/spec")),
  entry(embeddingLookupMeta, () => import("./embedding-lookup/spec")),
  entry(multiHeadAttentionMeta, () => import("./multi-head-attention/spec")),
  entry(feedForwardMeta, () => import("./feed-forward/spec")),
  entry(layerNormMeta, () => import("./layer-norm/spec")),
  entry(encoderBlockMeta, () => import("./encoder-block/spec")),
  entry(crossAttentionMeta, () => import("./cross-attention/spec")),
  entry(nextTokenMeta, () => import("./next-token/spec")),
  entry(rnnForwardMeta, () => import("./rnn-forward/spec")),
  entry(sftLossMeta, () => import("./sft-loss/spec")),
  entry(rewardModelLossMeta, () => import("./reward-model-loss/spec")),
  entry(rlhfRewardMeta, () => import("./rlhf-reward/spec")),
  entry(sgdStepMeta, () => import("./sgd-step/spec")),
  entry(samplingMeta, () => import("./sampling/spec")),
  entry(bpeTokenizerMeta, () => import("./bpe-tokenizer/spec")),
  entry(gptBlockMeta, () => import("./gpt-block/spec")),
  entry(gptLogitsMeta, () => import("./gpt-logits/spec")),
  entry(lmLossMeta, () => import("./lm-loss/spec")),
  entry(generateMeta, () => import("./generate/spec")),
  // More exercises are appended here, one entry(...) line each, in the same form.
];

export function findExercise(id: string): ExerciseEntry | undefined {
  return exercises.find((e) => e.meta.id === id);
}
