// WRONG: multiplies by wh transposed (wh·hᵀ, the column-vector convention) while the inputs use the row convention x·wx.
import * as tf from "@tensorflow/tfjs";

interface RnnParams { wx: tf.Tensor2D; wh: tf.Tensor2D; b: tf.Tensor1D }

export function rnnForward(xs: tf.Tensor2D, p: RnnParams): tf.Tensor2D {
  const [steps, dIn] = xs.shape;
  return tf.tidy(() => {
    let h: tf.Tensor2D = tf.zeros([1, p.wh.shape[0]]);
    const states: tf.Tensor2D[] = [];
    for (let t = 0; t < steps; t++) {
      const recurrent = tf.transpose(tf.matMul(p.wh, h, false, true)); // (wh·hᵀ)ᵀ = h·whᵀ
      h = tf.tanh(tf.add<tf.Tensor2D>(tf.add(tf.matMul(tf.slice(xs, [t, 0], [1, dIn]), p.wx), recurrent), p.b));
      states.push(h);
    }
    return tf.concat(states, 0) as tf.Tensor2D;
  });
}
