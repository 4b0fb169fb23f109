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
  // TODO: logits = hidden·w + b; probabilities = softmax(logits / temperature)
  return tf.zeros([w.shape[1]]);
}

/** The id of the most probable token (greedy decoding), as a plain number. */
export function greedyToken(probs: tf.Tensor1D): number {
  // TODO: the index of the largest probability
  return -1;
}
