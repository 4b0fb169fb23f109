/**
 * One training run of the capstone GPT: Adam steps on random windows of the corpus, a fixed set
 * of validation windows, and generation. Framework-free (no DOM, no worker): the browser worker
 * and the Node benchmark and tests drive the same code.
 */
import * as tf from "@tensorflow/tfjs";
import type { AssembledModel } from "./assemble";
import { sampleWindows, seededRandom, type CorpusSplit } from "./data";
import { disposeWeights, initWeights, weightList, type GptWeights, type ModelConfig } from "./params";
import { pickToken, type SamplingOptions } from "./sampling";
import type { TrainingSettings } from "./settings";

/** Validation windows: fixed for the run so the curve compares like with like. */
const VALIDATION_BATCHES = 4;

export class Trainer {
  readonly weights: GptWeights;
  readonly optimizer: tf.AdamOptimizer;
  step = 0;
  private readonly random: () => number;
  private readonly validation: number[][][];

  constructor(
    readonly model: AssembledModel,
    readonly settings: TrainingSettings,
    readonly config: ModelConfig,
    readonly split: CorpusSplit,
  ) {
    this.weights = initWeights(config, settings.seed);
    this.optimizer = tf.train.adam(settings.learningRate);
    this.random = seededRandom(settings.seed);
    const validationRandom = seededRandom(settings.seed + 7919);
    this.validation = Array.from({ length: VALIDATION_BATCHES }, () => sampleWindows(split.validation, settings.batch, settings.context, validationRandom));
  }

  /** Skips the random draws of steps already taken, so a resumed run sees the batches it would have. */
  fastForward(steps: number): void {
    for (let s = 0; s < steps; s++) sampleWindows(this.split.train, this.settings.batch, this.settings.context, this.random);
    this.step = steps;
  }

  /** One Adam step; returns the training loss of the batch (before the step). */
  trainStep(): number {
    const batch = sampleWindows(this.split.train, this.settings.batch, this.settings.context, this.random);
    const loss = this.optimizer.minimize(() => this.model.loss(this.weights, batch), true, weightList(this.weights)) as tf.Scalar;
    const value = loss.dataSync()[0];
    loss.dispose();
    this.step++;
    return value;
  }

  /** A fixed batch of validation windows (for diagnosing a bad step). */
  validationBatch(): number[][] {
    return this.validation[0];
  }

  /** Mean loss over the fixed validation windows, nats per character. */
  validationLoss(): number {
    let total = 0;
    for (const batch of this.validation) {
      const loss = this.model.loss(this.weights, batch);
      total += loss.dataSync()[0];
      loss.dispose();
    }
    return total / this.validation.length;
  }

  /** Continues `prompt` by `length` tokens, feeding each back in, cropped to the context window. */
  generate(prompt: number[], length: number, sampling: SamplingOptions, random: () => number): number[] {
    const ids = prompt.length > 0 ? [...prompt] : [0];
    for (let i = 0; i < length; i++) {
      const window = ids.slice(-this.settings.context);
      const row = tf.tidy(() => {
        const logits = this.model.forward(this.weights, [window]);
        return tf.slice(logits, [0, window.length - 1, 0], [1, 1, this.config.vocabSize]).dataSync();
      });
      ids.push(pickToken(row, sampling, random()));
    }
    return ids;
  }

  dispose(): void {
    disposeWeights(this.weights);
    this.optimizer.dispose();
  }
}
