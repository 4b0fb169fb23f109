// Correct too: the same update written with chained tensor methods, one tidy per parameter.
import * as tf from "@tensorflow/tfjs";

export function sgdStep(params: tf.Variable[], lossFn: () => tf.Scalar, lr: number): number {
  const { value, grads } = tf.variableGrads(lossFn, params);
  const [loss] = Array.from(value.dataSync());
  value.dispose();
  params.forEach((p) => {
    const g = grads[p.name];
    tf.tidy(() => p.assign(p.sub(g.mul(tf.scalar(lr)))));
    g.dispose();
  });
  return loss;
}
