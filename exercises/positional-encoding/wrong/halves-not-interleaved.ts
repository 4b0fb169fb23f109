// Wrong: puts all the sines in the first half of the columns and all the cosines in the second half instead of interleaving them.
import * as tf from "@tensorflow/tfjs";

export function positionalEncoding(seqLen: number, dModel: number): tf.Tensor2D {
  return tf.tidy(() => {
    const half = Math.ceil(dModel / 2);
    const positions = tf.reshape(tf.range(0, seqLen), [seqLen, 1]);
    const frequencies = tf.pow(10000, tf.neg(tf.div(tf.mul(tf.range(0, half), 2), dModel)));
    const angles = tf.mul(positions, frequencies);
    const cosines = tf.slice(tf.cos(angles), [0, 0], [seqLen, dModel - half]);
    return tf.concat([tf.sin(angles), cosines], 1) as tf.Tensor2D;
  });
}
