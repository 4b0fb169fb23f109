// WRONG: reads the sequence from the last input to the first, so early states depend on later inputs.
import * as tf from "@tensorflow/tfjs";

interface RnnParams { wx: tf.Tensor2D; wh: tf.Tensor2D; b: tf.Tensor1D }

export function rnnForward(xs: tf.Tensor2D, p: RnnParams): tf.Tensor2D {
  const [steps, dIn] = xs.shape;
  return tf.tidy(() => {
    let h: tf.Tensor2D = tf.zeros([1, p.wh.shape[0]]);
    const states: tf.Tensor2D[] = [];
    for (let t = steps - 1; t >= 0; t--) {
      h = tf.tanh(tf.add<tf.Tensor2D>(tf.add(tf.matMul(tf.slice(xs, [t, 0], [1, dIn]), p.wx), tf.matMul(h, p.wh)), p.b));
      states.unshift(h);
    }
    return tf.concat(states, 0) as tf.Tensor2D;
  });
}
