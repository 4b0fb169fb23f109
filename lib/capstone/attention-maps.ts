/**
 * The attention weights of every head of a trained model on one text, computed with the
 * built-in pieces on the trained weights (so the heat map shows what the weights learned, even
 * when the learner's own attention code returns only the mixed values).
 */
import * as tf from "@tensorflow/tfjs";
import { batchedAttention, builtinCausalMask, builtinFeedForward, builtinLayerNorm, builtinSoftmax, mergeHeads, rowsMatMul, splitHeads } from "./builtins";
import type { GptWeights } from "./params";

/** [layer][head][query][key] for the ids (at most the context window). */
export function attentionMaps(w: GptWeights, ids: number[]): number[][][][] {
  const [vocab, d] = w.wte.shape;
  const t = ids.length;
  const layers: tf.Tensor4D[] = [];
  tf.tidy(() => {
    const oneHot = tf.oneHot(tf.tensor1d(ids, "int32"), vocab).toFloat() as tf.Tensor2D;
    let x = tf.add(tf.reshape(tf.matMul(oneHot, w.wte), [1, t, d]), tf.slice(w.wpe, [0, 0], [t, d])) as tf.Tensor3D;
    const mask = builtinCausalMask(t);
    for (const p of w.blocks) {
      const normed = builtinLayerNorm(x, p.ln1.gamma, p.ln1.beta);
      const heads = (m: tf.Tensor2D) => splitHeads(rowsMatMul(normed, m), w.numHeads);
      const { output, weights } = batchedAttention(heads(p.attn.wq), heads(p.attn.wk), heads(p.attn.wv), mask, builtinSoftmax);
      layers.push(tf.keep(weights));
      const h = tf.add(x, rowsMatMul(mergeHeads(output), p.attn.wo)) as tf.Tensor3D;
      const ffn = builtinFeedForward(tf.reshape(builtinLayerNorm(h, p.ln2.gamma, p.ln2.beta), [t, d]) as tf.Tensor2D, p.ffn);
      x = tf.add(h, tf.reshape(ffn, [1, t, d])) as tf.Tensor3D;
    }
  });
  const maps = layers.map((weights) => (weights.arraySync() as number[][][][])[0]);
  layers.forEach((weights) => weights.dispose());
  return maps;
}
