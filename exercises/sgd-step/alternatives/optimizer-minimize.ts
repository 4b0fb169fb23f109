// Correct too: TensorFlow.js's own SGD optimiser does the same update; minimize(f, true, varList) returns the loss before the step.
import * as tf from "@tensorflow/tfjs";

export function sgdStep(params: tf.Variable[], lossFn: () => tf.Scalar, lr: number): number {
  const optimizer = tf.train.sgd(lr);
  const cost = optimizer.minimize(lossFn, true, params);
  optimizer.dispose();
  const loss = cost === null ? NaN : cost.dataSync()[0];
  cost?.dispose();
  return loss;
}
