// WRONG: a copy-paste slip: both layer norms use gamma1 and beta1, so gamma2 and beta2 are never used.
import * as tf from "@tensorflow/tfjs";
import { multiHeadAttention, feedForward, layerNorm } from "@academy/provided";

interface EncoderParams {
  wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D;
  w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D;
  gamma1: tf.Tensor1D; beta1: tf.Tensor1D; gamma2: tf.Tensor1D; beta2: tf.Tensor1D;
}

export function encoderBlock(x: tf.Tensor2D, p: EncoderParams, numHeads: number): tf.Tensor2D {
  return tf.tidy(() => {
    const h = layerNorm(tf.add(x, multiHeadAttention(x, p, numHeads)) as tf.Tensor2D, p.gamma1, p.beta1);
    return layerNorm(tf.add(h, feedForward(h, p)) as tf.Tensor2D, p.gamma1, p.beta1);
  });
}
