import * as tf from "@tensorflow/tfjs";

/**
 * One step of plain gradient descent.
 * params: the tf.Variables to train; lossFn: computes the loss from them (a scalar); lr: the learning rate.
 * Updates every Variable in place, p <- p - lr * dLoss/dp, and returns the loss before the step.
 */
export function sgdStep(params: tf.Variable[], lossFn: () => tf.Scalar, lr: number): number {
  // variableGrads runs lossFn once, records every op, and walks the record backwards
  // (backpropagation) to get dLoss/dp for exactly the Variables in `params`.
  const { value, grads } = tf.variableGrads(lossFn, params);
  const lossBefore = value.dataSync()[0];
  tf.tidy(() => {
    for (const p of params) {
      // assign() overwrites the Variable's value: every model that holds this
      // Variable sees the update. A new tf.variable() would leave them untouched.
      p.assign(tf.sub(p, tf.mul(grads[p.name], lr)));
    }
  });
  value.dispose();
  tf.dispose(grads);
  return lossBefore;
}
