/**
 * The training page's hyper-parameters and their limits: small enough that a laptop's browser
 * trains a model in minutes and never runs out of memory.
 */
import { z } from "zod";

// In the browser, zod's first parse probes `Function("")` to see whether it may compile its
// checks; the page's policy has no 'unsafe-eval', so the probe is a CSP violation in the console
// (Lighthouse counts it). Tell zod up front. The server keeps the compiled checks.
if (typeof document !== "undefined") z.config({ jitless: true });

export const LIMITS = {
  layers: { min: 1, max: 4 },
  dModel: { min: 16, max: 128 },
  heads: { min: 1, max: 8 },
  context: { min: 16, max: 128 },
  batch: { min: 2, max: 32 },
  learningRate: { min: 1e-4, max: 1e-2 },
  steps: { min: 10, max: 5000 },
} as const;

const int = (range: { min: number; max: number }, what: string) =>
  z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(range.min, `${what} must be at least ${range.min}`).max(range.max, `${what} must be at most ${range.max}`);

export const trainingSettingsSchema = z
  .object({
    layers: int(LIMITS.layers, "Layers"),
    dModel: int(LIMITS.dModel, "Width"),
    heads: int(LIMITS.heads, "Heads"),
    context: int(LIMITS.context, "Context"),
    batch: int(LIMITS.batch, "Batch size"),
    learningRate: z.number().min(LIMITS.learningRate.min, `Learning rate must be at least ${LIMITS.learningRate.min}`).max(LIMITS.learningRate.max, `Learning rate must be at most ${LIMITS.learningRate.max}`),
    steps: int(LIMITS.steps, "Steps"),
    seed: z.number().int().min(0).max(2 ** 31),
  })
  .refine((s) => s.dModel % s.heads === 0, { message: "Width must be divisible by the number of heads", path: ["heads"] });

export type TrainingSettings = z.infer<typeof trainingSettingsSchema>;

/** Measured on a 2-core machine: beats the bigram baseline in well under 3 minutes (bench/capstone-training.ts). */
export const DEFAULT_SETTINGS: TrainingSettings = {
  layers: 2,
  dModel: 64,
  heads: 4,
  context: 32,
  batch: 16,
  learningRate: 2e-3,
  steps: 1500,
  seed: 1,
};

/** How often the worker measures validation loss, writes a sample and saves (in steps). */
export const EVAL_EVERY = 25;
export const SAMPLE_EVERY = 100;
export const SAVE_EVERY = 25;
