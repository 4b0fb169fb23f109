/**
 * The capstone GPT's figures (issue 17), in Node with @tensorflow/tfjs (CPU and WASM backends):
 *   (a) correctness: the model built from the exercises' reference solutions vs from the built-ins,
 *       same weights: max |logit difference| and the loss curves of a short seeded run;
 *   (b) learning: default settings, validation loss vs the corpus's character-bigram baseline
 *       (nats/char), the time to beat it, and a sample with the share of its words that are words
 *       of the corpus;
 *   (c) speed: steps/s of the assembled model (built-ins) vs the same architecture in tf.layers,
 *       on each backend, in the same run.
 * The in-browser figures (backend, steps/s, main-thread long tasks) are bench/capstone-browser.ts.
 *
 *   npx tsx bench/capstone-training.ts [--only a,b,c] [--budget-seconds 180] [--set context=32,batch=8]
 */
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import { readFileSync } from "node:fs";
import path from "node:path";
import corpus from "../content/capstone/corpus.json";
import { assembleModel } from "../lib/capstone/assemble";
import { builtinLmLoss } from "../lib/capstone/builtins";
import { compilePieces } from "../lib/capstone/compile-pieces";
import { bigramBaseline, buildVocabulary, sampleWindows, seededRandom, splitCorpus } from "../lib/capstone/data";
import type { ModelConfig } from "../lib/capstone/params";
import type { PieceId } from "../lib/capstone/pieces";
import { DEFAULT_SETTINGS, EVAL_EVERY, type TrainingSettings } from "../lib/capstone/settings";
import { Trainer } from "../lib/capstone/trainer";
import { registerWasmExtras } from "../lib/capstone/wasm-kernels";
import { layersGpt } from "./capstone-layers-model";

const args = process.argv.slice(2);
const only = new Set((args[args.indexOf("--only") + 1] ?? "a,b,c").split(","));
const budgetSeconds = Number(args.includes("--budget-seconds") ? args[args.indexOf("--budget-seconds") + 1] : 180);
/** The settings (b) and (c) use: the page's defaults, with any --set overrides. */
const SETTINGS: TrainingSettings = {
  ...DEFAULT_SETTINGS,
  ...Object.fromEntries((args.includes("--set") ? args[args.indexOf("--set") + 1] : "").split(",").filter(Boolean).map((kv) => [kv.split("=")[0], Number(kv.split("=")[1])])),
};

const vocab = buildVocabulary(corpus.text);
const split = splitCorpus(vocab.encode(corpus.text));
const baseline = bigramBaseline(split, vocab.chars.length);
const configOf = (s: TrainingSettings): ModelConfig => ({ vocabSize: vocab.chars.length, layers: s.layers, dModel: s.dModel, heads: s.heads, context: s.context });
const reference = (ids: PieceId[]) => {
  const sources = Object.fromEntries(ids.map((id) => [id, readFileSync(path.join(__dirname, "..", "exercises", id, "solution.ts"), "utf8")]));
  const compiled = compilePieces(tf, sources);
  if ("problem" in compiled) throw new Error(compiled.problem.message);
  return compiled.pieces;
};
const line = (text: string) => console.log(text);

async function correctness() {
  line("(a) reference solutions vs built-ins, same weights (default architecture, CPU backend)");
  await tf.setBackend("cpu");
  const settings = { ...DEFAULT_SETTINGS, batch: 4 };
  const builtin = assembleModel({});
  const groups: PieceId[][] = [["gpt-logits", "lm-loss"], ["gpt-block"], ["multi-head-attention", "layer-norm"], ["scaled-dot-product-attention", "causal-mask"], ["softmax"]];
  for (const group of groups) {
    const model = assembleModel(reference(group));
    const a = new Trainer(builtin, settings, configOf(settings), split);
    const b = new Trainer(model, settings, configOf(settings), split);
    const batch = sampleWindows(split.validation, 4, settings.context, seededRandom(3));
    const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(builtin.forward(a.weights, batch), model.forward(b.weights, batch)))).dataSync()[0]);
    const steps = 10;
    let curveDiff = 0;
    const curve: string[] = [];
    for (let s = 0; s < steps; s++) {
      const [la, lb] = [a.trainStep(), b.trainStep()];
      curveDiff = Math.max(curveDiff, Math.abs(la - lb));
      if (s % 3 === 0 || s === steps - 1) curve.push(`${la.toFixed(4)}/${lb.toFixed(4)}`);
    }
    // After training each model separately, the weights have moved away from the tiny initial values.
    const trainedDiff = tf.tidy(() => tf.max(tf.abs(tf.sub(builtin.forward(a.weights, batch), model.forward(b.weights, batch)))).dataSync()[0]);
    const scale = tf.tidy(() => tf.max(tf.abs(builtin.forward(a.weights, batch))).dataSync()[0]);
    line(`  reference ${group.join(" + ")}: max |logit diff| ${diff.toExponential(2)} at initialisation, ${trainedDiff.toExponential(2)} after ${steps} steps each (max |logit| ${scale.toFixed(2)}); loss curves (built-in/reference) ${curve.join(" ")}, max |diff| ${curveDiff.toExponential(2)}`);
    a.dispose();
    b.dispose();
  }
}

/** Words of at least 3 letters in `text`, and the share of them that occur in the corpus. */
function realWordShare(text: string): { words: number; share: number } {
  const known = new Set(corpus.text.toLowerCase().match(/[a-z]{3,}/g) ?? []);
  const words = (text.toLowerCase().match(/[a-z]{3,}/g) ?? []).slice(1);
  return { words: words.length, share: words.length ? words.filter((w) => known.has(w)).length / words.length : 0 };
}

async function learning() {
  await tf.setBackend("wasm");
  const s = SETTINGS;
  line(`(b) settings (${s.layers} layers, width ${s.dModel}, ${s.heads} heads, context ${s.context}, batch ${s.batch}, lr ${s.learningRate}), WASM backend, ${budgetSeconds} s budget`);
  line(`  corpus: ${corpus.text.length} characters, vocabulary ${vocab.chars.length}; character-bigram baseline on validation: ${baseline.toFixed(3)} nats/char`);
  const trainer = new Trainer(assembleModel({}), s, configOf(s), split);
  const started = performance.now();
  let beatAt: { step: number; seconds: number; loss: number } | null = null;
  let last = { step: 0, loss: NaN };
  while ((performance.now() - started) / 1000 < budgetSeconds && trainer.step < s.steps) {
    trainer.trainStep();
    if (trainer.step % EVAL_EVERY === 0) {
      const loss = trainer.validationLoss();
      last = { step: trainer.step, loss };
      const seconds = (performance.now() - started) / 1000;
      if (trainer.step % 100 === 0) line(`  step ${trainer.step}: validation ${loss.toFixed(3)} at ${seconds.toFixed(0)} s`);
      if (!beatAt && loss < baseline) beatAt = { step: trainer.step, seconds, loss };
    }
  }
  const seconds = (performance.now() - started) / 1000;
  line(`  after ${trainer.step} steps in ${seconds.toFixed(0)} s (${(trainer.step / seconds).toFixed(2)} steps/s): validation ${last.loss.toFixed(3)} nats/char at step ${last.step}`);
  line(beatAt ? `  beat the bigram baseline at step ${beatAt.step}, ${beatAt.seconds.toFixed(0)} s (validation ${beatAt.loss.toFixed(3)})` : "  did NOT beat the bigram baseline within the budget");
  const sample = vocab.decode(trainer.generate(vocab.encode("The "), 300, { temperature: 0.8, topK: 0, topP: 1 }, seededRandom(11)));
  const words = realWordShare(sample);
  line(`  sample (temperature 0.8): ${JSON.stringify(sample)}`);
  line(`  ${words.words} words of 3+ letters in the sample, ${(100 * words.share).toFixed(0)}% of them words of the corpus`);
  trainer.dispose();
}

function timeSteps(step: () => void, warm = 2, measured = 5): number {
  for (let i = 0; i < warm; i++) step();
  const started = performance.now();
  for (let i = 0; i < measured; i++) step();
  return measured / ((performance.now() - started) / 1000);
}

async function speed() {
  const s = SETTINGS;
  line(`(c) steps/s, assembled (built-in pieces) vs tf.layers, settings ${JSON.stringify(s)}, same backend, same run`);
  for (const backend of ["wasm", "cpu"]) {
    await tf.setBackend(backend);
    const measured = backend === "cpu" ? 2 : 8;
    const trainer = new Trainer(assembleModel({}), s, configOf(s), split);
    const model = layersGpt(configOf(s));
    const optimizer = tf.train.adam(s.learningRate);
    const random = seededRandom(9);
    const layersStep = () => {
      const batch = sampleWindows(split.train, s.batch, s.context, random);
      const loss = optimizer.minimize(() => tf.tidy(() => {
        const ids = tf.tensor2d(batch, undefined, "int32");
        return builtinLmLoss(model.apply(ids) as tf.Tensor3D, ids);
      }), true, model.trainableWeights.map((w) => (w as unknown as { read(): tf.Variable }).read())) as tf.Scalar;
      loss.dataSync();
      loss.dispose();
    };
    // Alternate so that load from other processes falls on both alike.
    let assembled = 0;
    let layers = 0;
    for (let round = 0; round < 2; round++) {
      assembled += timeSteps(() => trainer.trainStep(), round === 0 ? 2 : 0, measured) / 2;
      layers += timeSteps(layersStep, round === 0 ? 2 : 0, measured) / 2;
    }
    line(`  ${backend}: assembled ${assembled.toFixed(2)} steps/s, tf.layers ${layers.toFixed(2)} steps/s, ratio ${(assembled / layers).toFixed(2)} (load average ${(await import("node:os")).loadavg()[0].toFixed(1)})`);
    trainer.dispose();
    model.dispose();
    optimizer.dispose();
  }
}

async function main() {
  registerWasmExtras();
  await tf.ready();
  if (only.has("a")) await correctness();
  if (only.has("b")) await learning();
  if (only.has("c")) await speed();
}

void main();
