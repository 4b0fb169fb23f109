// WRONG: pre-norm (the modern GPT arrangement) instead of the post-norm the exercise asks for: x + MHA(LN(x)), then h + FFN(LN(h)).
import * as tf from "@tensorflow/tfjs";
import { multiHeadAttention, feedForward, layerNorm } from "@academy/provided";

interface EncoderParams {
  wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D;
  w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D;
  gamma1: tf.Tensor1D; beta1: tf.Tensor1D; gamma2: tf.Tensor1D; beta2: tf.Tensor1D;
}

export function encoderBlock(x: tf.Tensor2D, p: EncoderParams, numHeads: number): tf.Tensor2D {
  return tf.tidy(() => {
    const h = tf.add(x, multiHeadAttention(layerNorm(x, p.gamma1, p.beta1), p, numHeads)) as tf.Tensor2D;
    return tf.add(h, feedForward(layerNorm(h, p.gamma2, p.beta2), p)) as tf.Tensor2D;
  });
}
