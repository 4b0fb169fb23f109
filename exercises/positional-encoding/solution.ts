import * as tf from "@tensorflow/tfjs";

/**
 * The sinusoidal positional encoding: a [seqLen, dModel] tensor whose row p encodes position p.
 * PE[p, 2i] = sin(p / 10000^(2i / dModel)), PE[p, 2i + 1] = cos(p / 10000^(2i / dModel)).
 */
export function positionalEncoding(seqLen: number, dModel: number): tf.Tensor2D {
  return tf.tidy(() => {
    const positions = tf.reshape(tf.range(0, seqLen), [seqLen, 1]); // [seqLen, 1]
    const columns = tf.range(0, dModel); // [dModel]: 0, 1, 2, ...
    // Columns 2i and 2i + 1 share one frequency, so both use the even index 2i in the exponent.
    const pairStart = tf.mul(tf.floorDiv(columns, 2), 2);
    const frequencies = tf.pow(10000, tf.neg(tf.div(pairStart, dModel))); // 1 / 10000^(2i / d)
    // Broadcasting [seqLen, 1] x [dModel] gives every angle p / 10000^(2i / d) at once.
    const angles = tf.mul(positions, frequencies);
    const isEvenColumn = tf.equal(tf.mod(columns, 2), 0);
    // Sine in even columns, cosine in odd ones (the condition broadcasts over the rows).
    return tf.where(isEvenColumn, tf.sin(angles), tf.cos(angles)) as tf.Tensor2D;
  });
}
