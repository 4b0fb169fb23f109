/**
 * Every graded exercise: its metadata and a lazy loader for its spec (the tests).
 *
 * Static imports only, so bundlers see every file (the browser grader code-splits the
 * specs through the dynamic imports). This list ships to the browser: it must never
 * import an exercise's solution.ts, its wrong/ variants or its hints.
 * exercises/exercises.test.ts checks that every exercise folder is listed here exactly once.
 */
import type { ExerciseText } from "../lib/grading/messages";
import type { ExerciseEntry, ExerciseMeta, ExerciseSpec } from "../lib/grading/types";
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

export type { ExerciseEntry };

type JsonMeta = Omit<ExerciseMeta, "difficulty"> & { difficulty: string };
type SpecModule = { default: ExerciseSpec<never> };
type TextModule = { default: ExerciseText };

/**
 * Pairs a meta.json with its spec loader. JSON imports type `difficulty` as a plain string;
 * the folder tests validate every meta.json against the schema, so the narrowing is safe.
 */
function entry(meta: JsonMeta, load: () => Promise<SpecModule>, loadZh: () => Promise<TextModule>): ExerciseEntry {
  return {
    meta: meta as ExerciseMeta,
    loadSpec: async () => (await load()).default as unknown as ExerciseSpec,
    // One dynamic import per locale, so a page only downloads the language it grades in.
    loadText: async (locale) => (locale === "zh" ? (await loadZh()).default : undefined),
  };
}

export const exercises: readonly ExerciseEntry[] = [
  entry(wordSimilarityMeta, () => import("./word-similarity/spec"), () => import("./word-similarity/zh/tests.json")),
  entry(positionalEncodingMeta, () => import("./positional-encoding/spec"), () => import("./positional-encoding/zh/tests.json")),
  entry(softmaxMeta, () => import("./softmax/spec"), () => import("./softmax/zh/tests.json")),
  entry(causalMaskMeta, () => import("./causal-mask/spec"), () => import("./causal-mask/zh/tests.json")),
  entry(scaledDotProductAttentionMeta, () => import("./scaled-dot-product-attention/spec"), () => import("./scaled-dot-product-attention/zh/tests.json")),
  entry(crossEntropyMeta, () => import("./cross-entropy/spec"), () => import("./cross-entropy/zh/tests.json")),
  entry(embeddingLookupMeta, () => import("./embedding-lookup/spec"), () => import("./embedding-lookup/zh/tests.json")),
  entry(multiHeadAttentionMeta, () => import("./multi-head-attention/spec"), () => import("./multi-head-attention/zh/tests.json")),
  entry(feedForwardMeta, () => import("./feed-forward/spec"), () => import("./feed-forward/zh/tests.json")),
  entry(layerNormMeta, () => import("./layer-norm/spec"), () => import("./layer-norm/zh/tests.json")),
  entry(encoderBlockMeta, () => import("./encoder-block/spec"), () => import("./encoder-block/zh/tests.json")),
  entry(crossAttentionMeta, () => import("./cross-attention/spec"), () => import("./cross-attention/zh/tests.json")),
  entry(nextTokenMeta, () => import("./next-token/spec"), () => import("./next-token/zh/tests.json")),
  entry(rnnForwardMeta, () => import("./rnn-forward/spec"), () => import("./rnn-forward/zh/tests.json")),
  entry(sftLossMeta, () => import("./sft-loss/spec"), () => import("./sft-loss/zh/tests.json")),
  entry(rewardModelLossMeta, () => import("./reward-model-loss/spec"), () => import("./reward-model-loss/zh/tests.json")),
  entry(rlhfRewardMeta, () => import("./rlhf-reward/spec"), () => import("./rlhf-reward/zh/tests.json")),
  entry(sgdStepMeta, () => import("./sgd-step/spec"), () => import("./sgd-step/zh/tests.json")),
  entry(samplingMeta, () => import("./sampling/spec"), () => import("./sampling/zh/tests.json")),
  entry(bpeTokenizerMeta, () => import("./bpe-tokenizer/spec"), () => import("./bpe-tokenizer/zh/tests.json")),
  entry(gptBlockMeta, () => import("./gpt-block/spec"), () => import("./gpt-block/zh/tests.json")),
  entry(gptLogitsMeta, () => import("./gpt-logits/spec"), () => import("./gpt-logits/zh/tests.json")),
  entry(lmLossMeta, () => import("./lm-loss/spec"), () => import("./lm-loss/zh/tests.json")),
  entry(generateMeta, () => import("./generate/spec"), () => import("./generate/zh/tests.json")),
  // More exercises are appended here, one entry(...) line each, in the same form (spec, then zh/tests.json).
];

export function findExercise(id: string): ExerciseEntry | undefined {
  return exercises.find((e) => e.meta.id === id);
}
