// Wrong: calls variableGrads without the list of params, so it also changes every other trainable Variable the loss happens to read.
import * as tf from "@tensorflow/tfjs";

export function sgdStep(params: tf.Variable[], lossFn: () => tf.Scalar, lr: number): number {
  const { value, grads } = tf.variableGrads(lossFn);
  const loss = value.dataSync()[0];
  tf.tidy(() => {
    for (const name of Object.keys(grads)) {
      const p = tf.engine().registeredVariables[name];
      p.assign(tf.sub(p, tf.mul(grads[name], lr)));
    }
  });
  value.dispose();
  tf.dispose(grads);
  return loss;
}
