// Wrong: adds the gradient instead of subtracting it (gradient ascent), so every step makes the loss larger.
import * as tf from "@tensorflow/tfjs";

export function sgdStep(params: tf.Variable[], lossFn: () => tf.Scalar, lr: number): number {
  const { value, grads } = tf.variableGrads(lossFn, params);
  const loss = value.dataSync()[0];
  tf.tidy(() => params.forEach((p) => p.assign(tf.add(p, tf.mul(grads[p.name], lr)))));
  value.dispose();
  tf.dispose(grads);
  return loss;
}
