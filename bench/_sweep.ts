import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";
import corpus from "../content/capstone/corpus.json";
import { assembleModel } from "../lib/capstone/assemble";
import { bigramBaseline, buildVocabulary, splitCorpus } from "../lib/capstone/data";
import { DEFAULT_SETTINGS } from "../lib/capstone/settings";
import { Trainer } from "../lib/capstone/trainer";
async function main() {
  await tf.setBackend("wasm");
  const [batch, lr, ctx, d, layers] = process.argv.slice(2).map(Number);
  const vocab = buildVocabulary(corpus.text);
  const split = splitCorpus(vocab.encode(corpus.text));
  const s = { ...DEFAULT_SETTINGS, batch, learningRate: lr, context: ctx, dModel: d, layers };
  const t = new Trainer(assembleModel({}), s, { vocabSize: 84, layers, dModel: d, heads: 4, context: ctx }, split);
  const t0 = performance.now();
  const out: string[] = [];
  while (performance.now() - t0 < 150_000) {
    t.trainStep();
    if (t.step % 50 === 0) out.push(`${t.step}:${t.validationLoss().toFixed(3)}@${((performance.now() - t0) / 1000).toFixed(0)}`);
  }
  console.log(process.argv.slice(2).join(","), "bigram", bigramBaseline(split, 84).toFixed(3), out.join(" "));
}
main();
