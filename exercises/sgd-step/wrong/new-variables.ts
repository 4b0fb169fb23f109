// Wrong: puts new Variables into the array instead of updating the given ones in place; whoever holds the old Variables (the model) never sees the step.
import * as tf from "@tensorflow/tfjs";

export function sgdStep(params: tf.Variable[], lossFn: () => tf.Scalar, lr: number): number {
  const { value, grads } = tf.variableGrads(lossFn, params);
  const loss = value.dataSync()[0];
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    params[i] = tf.variable(tf.tidy(() => tf.sub(p, tf.mul(grads[p.name], lr))));
  }
  value.dispose();
  tf.dispose(grads);
  return loss;
}
