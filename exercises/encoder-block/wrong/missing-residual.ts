// WRONG: forgets the residual connection around attention: h = LN(MHA(x)) instead of LN(x + MHA(x)).
import * as tf from "@tensorflow/tfjs";
import { multiHeadAttention, feedForward, layerNorm } from "@academy/provided";

interface EncoderParams {
  wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D;
  w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D;
  gamma1: tf.Tensor1D; beta1: tf.Tensor1D; gamma2: tf.Tensor1D; beta2: tf.Tensor1D;
}

export function encoderBlock(x: tf.Tensor2D, p: EncoderParams, numHeads: number): tf.Tensor2D {
  return tf.tidy(() => {
    const h = layerNorm(multiHeadAttention(x, p, numHeads), p.gamma1, p.beta1);
    return layerNorm(tf.add(h, feedForward(h, p)) as tf.Tensor2D, p.gamma2, p.beta2);
  });
}
