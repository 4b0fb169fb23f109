import * as tf from "@tensorflow/tfjs";

export interface AttentionWeights {
  wq: tf.Tensor2D;
  wk: tf.Tensor2D;
  wv: tf.Tensor2D;
  wo: tf.Tensor2D;
}

/**
 * Multi-head self-attention.
 * x: [seq, dModel]; wq, wk, wv, wo: [dModel, dModel]; mask (optional): [seq, seq],
 * 1 = may attend, 0 = blocked. Returns [seq, dModel].
 */
export function multiHeadAttention(
  x: tf.Tensor2D,
  w: AttentionWeights,
  numHeads: number,
  mask?: tf.Tensor2D,
): tf.Tensor2D {
  const seq = x.shape[0];
  const dModel = w.wq.shape[1];
  if (!Number.isInteger(numHeads) || numHeads < 1 || dModel % numHeads !== 0) {
    throw new Error(
      `dModel ${dModel} is not divisible by numHeads ${numHeads}: each head must get the same number of features`,
    );
  }
  const dHead = dModel / numHeads;

  return tf.tidy(() => {
    // [seq, dModel] -> [numHeads, seq, dHead]. The reshape alone would cut each row
    // into numHeads blocks of dHead features ([seq, numHeads, dHead]); the transpose
    // then brings the head axis to the front. Reshaping straight to
    // [numHeads, seq, dHead] would mix positions and features.
    const splitHeads = (t: tf.Tensor2D) =>
      tf.transpose(tf.reshape(t, [seq, numHeads, dHead]), [1, 0, 2]) as tf.Tensor3D;
    const q = splitHeads(tf.matMul(x, w.wq));
    const k = splitHeads(tf.matMul(x, w.wk));
    const v = splitHeads(tf.matMul(x, w.wv));

    // Each head compares queries and keys of size dHead, so it is scaled by sqrt(dHead).
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dHead)); // [numHeads, seq, seq]
    if (mask) {
      // Broadcast over the head axis; a large negative score becomes weight 0.
      scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
    }
    const heads = tf.matMul(tf.softmax(scores), v); // [numHeads, seq, dHead]

    // Undo the split: [numHeads, seq, dHead] -> [seq, numHeads, dHead] -> [seq, dModel],
    // which places head 0's features first, then head 1's, and so on (concatenation).
    const concatenated = tf.reshape(tf.transpose(heads, [1, 0, 2]), [seq, dModel]) as tf.Tensor2D;
    return tf.matMul(concatenated, w.wo);
  });
}
