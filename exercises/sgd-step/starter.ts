import * as tf from "@tensorflow/tfjs";

/**
 * One step of plain gradient descent.
 * params: the tf.Variables to train; lossFn: computes the loss from them (a scalar); lr: the learning rate.
 * Updates every Variable in place, p <- p - lr * dLoss/dp, and returns the loss before the step.
 */
export function sgdStep(params: tf.Variable[], lossFn: () => tf.Scalar, lr: number): number {
  // TODO: tf.variableGrads(lossFn, params) gives { value, grads }; update each Variable with assign.
  throw new Error("Not implemented yet");
}
