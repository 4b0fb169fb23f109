// Wrong: steps by the whole gradient, ignoring the learning rate (as if lr were always 1).
import * as tf from "@tensorflow/tfjs";

export function sgdStep(params: tf.Variable[], lossFn: () => tf.Scalar, lr: number): number {
  const { value, grads } = tf.variableGrads(lossFn, params);
  const loss = value.dataSync()[0];
  tf.tidy(() => params.forEach((p) => p.assign(tf.sub(p, grads[p.name]))));
  value.dispose();
  tf.dispose(grads);
  return loss;
}
