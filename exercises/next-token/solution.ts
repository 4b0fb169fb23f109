import * as tf from "@tensorflow/tfjs";

/**
 * The model's final step: one score (logit) per vocabulary entry, turned into
 * probabilities. hidden: [dModel]; w: [dModel, vocab]; b: [vocab]. Returns [vocab].
 */
export function nextTokenProbs(
  hidden: tf.Tensor1D,
  w: tf.Tensor2D,
  b: tf.Tensor1D,
  temperature = 1,
): tf.Tensor1D {
  if (!(temperature > 0)) {
    throw new Error(`temperature must be greater than 0, got ${temperature} (use greedyToken for the T -> 0 limit)`);
  }
  return tf.tidy(() => {
    // The linear layer: a vector-matrix product gives one logit per vocabulary entry.
    const logits = tf.add(tf.dot(hidden, w), b);
    // Dividing by T < 1 stretches the gaps between logits (sharper), T > 1 shrinks them
    // (flatter). tf.softmax subtracts the maximum internally, so large logits are safe.
    return tf.softmax(tf.div(logits, temperature)) as tf.Tensor1D;
  });
}

/** The id of the most probable token (greedy decoding), as a plain number. */
export function greedyToken(probs: tf.Tensor1D): number {
  // argMax returns the first index on ties; dataSync copies it out of the tensor.
  const index = tf.argMax(probs);
  const id = index.dataSync()[0];
  index.dispose();
  return id;
}
