/**
 * The capstone GPT's architecture written directly with tf.layers, for the speed comparison in
 * bench/capstone-training.ts: embedding, learned positions, pre-norm blocks (layerNormalization,
 * a causal self-attention layer, dense + gelu_new), a final layerNormalization and a head tied to
 * the embedding. tf.layers has no attention or tied-head layer, so those two are small custom layers.
 */
import * as tf from "@tensorflow/tfjs";
import type { ModelConfig } from "../lib/capstone/params";

const init = (stddev: number) => tf.initializers.randomNormal({ mean: 0, stddev, seed: 1 });

class PositionEmbedding extends tf.layers.Layer {
  static className = "CapstonePositionEmbedding";
  private wpe!: tf.LayerVariable;
  constructor(private readonly context: number, private readonly dModel: number) {
    super({});
  }
  build(): void {
    this.wpe = this.addWeight("wpe", [this.context, this.dModel], "float32", init(0.01));
  }
  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    return tf.add(x, tf.slice(this.wpe.read(), [0, 0], [x.shape[1]!, this.dModel]));
  }
}

class CausalSelfAttention extends tf.layers.Layer {
  static className = "CapstoneCausalSelfAttention";
  private w: tf.LayerVariable[] = [];
  constructor(private readonly dModel: number, private readonly heads: number) {
    super({});
  }
  build(): void {
    this.w = ["wq", "wk", "wv", "wo"].map((name) => this.addWeight(name, [this.dModel, this.dModel], "float32", init(0.02)));
  }
  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [b, t, d] = x.shape;
      const dh = d / this.heads;
      const rows = tf.reshape(x, [b * t, d]);
      const split = (w: tf.LayerVariable) => tf.transpose(tf.reshape(tf.matMul(rows, w.read() as tf.Tensor2D), [b, t, this.heads, dh]), [0, 2, 1, 3]);
      const [q, k, v] = [split(this.w[0]), split(this.w[1]), split(this.w[2])];
      const blocked = tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([t, t]), -1, 0)), -1e9);
      const weights = tf.softmax(tf.add(tf.div(tf.matMul(q, k, false, true), Math.sqrt(dh)), blocked));
      const mixed = tf.reshape(tf.transpose(tf.matMul(weights, v), [0, 2, 1, 3]), [b * t, d]);
      return tf.reshape(tf.matMul(mixed, this.w[3].read() as tf.Tensor2D), [b, t, d]);
    });
  }
}

class TiedHead extends tf.layers.Layer {
  static className = "CapstoneTiedHead";
  constructor(private readonly embedding: tf.layers.Layer) {
    super({});
  }
  computeOutputShape(inputShape: tf.Shape): tf.Shape {
    return [inputShape[0], inputShape[1], (this.embedding.getWeights()[0].shape[0] as number)];
  }
  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
    const [b, t, d] = x.shape;
    const wte = (this.embedding.trainableWeights[0] as unknown as { read(): tf.Tensor2D }).read();
    return tf.reshape(tf.matMul(tf.reshape(x, [b * t, d]), wte, false, true), [b, t, wte.shape[0]]);
  }
}

export function layersGpt(config: ModelConfig): tf.LayersModel {
  const { vocabSize, dModel: d, heads, layers, context } = config;
  const ids = tf.input({ shape: [context], dtype: "int32" });
  const embedding = tf.layers.embedding({ inputDim: vocabSize, outputDim: d, embeddingsInitializer: init(0.02) });
  let x = new PositionEmbedding(context, d).apply(embedding.apply(ids)) as tf.SymbolicTensor;
  for (let l = 0; l < layers; l++) {
    const attended = new CausalSelfAttention(d, heads).apply(tf.layers.layerNormalization({ epsilon: 1e-5 }).apply(x)) as tf.SymbolicTensor;
    x = tf.layers.add().apply([x, attended]) as tf.SymbolicTensor;
    const normed = tf.layers.layerNormalization({ epsilon: 1e-5 }).apply(x);
    const hidden = tf.layers.dense({ units: 4 * d, activation: "gelu_new", kernelInitializer: init(0.02) }).apply(normed);
    x = tf.layers.add().apply([x, tf.layers.dense({ units: d, kernelInitializer: init(0.02) }).apply(hidden) as tf.SymbolicTensor]) as tf.SymbolicTensor;
  }
  const logits = new TiedHead(embedding).apply(tf.layers.layerNormalization({ epsilon: 1e-5 }).apply(x)) as tf.SymbolicTensor;
  return tf.model({ inputs: ids, outputs: logits });
}
