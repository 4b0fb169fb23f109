import * as tf from "@tensorflow/tfjs";

export interface RnnParams {
  wx: tf.Tensor2D; // [dIn, dHidden]: input -> hidden
  wh: tf.Tensor2D; // [dHidden, dHidden]: previous hidden state -> hidden
  b: tf.Tensor1D; // [dHidden]
}

/**
 * Runs a simple (Elman) RNN over the sequence xs, starting from h_0 = 0.
 * xs: [T, dIn]. Returns [T, dHidden]: row t is the hidden state after reading xs[t].
 */
export function rnnForward(xs: tf.Tensor2D, p: RnnParams): tf.Tensor2D {
  const steps = xs.shape[0];
  const dHidden = p.wh.shape[0];
  return tf.tidy(() => {
    // The input projections do not depend on h, so all of them can be computed at
    // once: [T, dHidden]. Only the recurrence below has to run step by step.
    const projected = tf.add(tf.matMul(xs, p.wx), p.b);

    let h: tf.Tensor2D = tf.zeros([1, dHidden]); // h_0 = 0, kept as a [1, dHidden] row
    const states: tf.Tensor2D[] = [];
    for (let t = 0; t < steps; t++) {
      // Step t cannot start before step t - 1 has produced h: this loop is why an RNN
      // cannot be parallelised over time the way attention can.
      const inputPart = tf.slice(projected, [t, 0], [1, dHidden]);
      h = tf.tanh(tf.add<tf.Tensor2D>(inputPart, tf.matMul(h, p.wh)));
      states.push(h);
    }
    return steps === 0 ? tf.zeros([0, dHidden]) : (tf.concat(states, 0) as tf.Tensor2D);
  });
}
