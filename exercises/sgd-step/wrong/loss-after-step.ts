// Wrong: returns the loss measured after the update, not the loss of the parameters the gradients were taken at.
import * as tf from "@tensorflow/tfjs";

export function sgdStep(params: tf.Variable[], lossFn: () => tf.Scalar, lr: number): number {
  const { value, grads } = tf.variableGrads(lossFn, params);
  value.dispose();
  tf.tidy(() => params.forEach((p) => p.assign(tf.sub(p, tf.mul(grads[p.name], lr)))));
  tf.dispose(grads);
  return tf.tidy(() => lossFn().dataSync()[0]);
}
