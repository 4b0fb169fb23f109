import * as tf from "@tensorflow/tfjs";

/**
 * Softmax over the last axis of `logits`, after dividing them by `temperature`.
 * The result has the same shape as `logits`; every last-axis slice sums to 1.
 */
export function softmax(logits: tf.Tensor, temperature = 1): tf.Tensor {
  // TODO: divide by the temperature, make exp() safe, exponentiate, normalise each row.
  throw new Error("Not implemented yet");
}
