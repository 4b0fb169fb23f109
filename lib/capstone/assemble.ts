/**
 * Builds the capstone GPT's forward pass and loss from the learner's passing pieces where they
 * have them (see plan.ts for which piece contains which) and built-ins elsewhere. Every call into
 * learner code goes through `callPiece`, which names the piece when it throws, returns the wrong
 * shape, or (when `checkFinite` is on) produces NaN or Infinity.
 */
import * as tf from "@tensorflow/tfjs";
import { describeError } from "@/lib/grading/compile";
import {
  batchedAttention,
  builtinCausalMask,
  builtinFeedForward,
  builtinLayerNorm,
  builtinLmLoss,
  builtinSoftmax,
  mergeHeads,
  rowsMatMul,
  splitHeads,
} from "./builtins";
import type { BlockParams, GptWeights, LayerNormParams } from "./params";
import { PIECES, PieceError, type PieceId } from "./pieces";
import { planPieces, type PiecePlan } from "./plan";

// Learner functions arrive untyped from compiled code; the wrappers check what comes back.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LearnerFunction = (...args: any[]) => unknown;
export type LearnerPieces = Partial<Record<PieceId, LearnerFunction>>;

export interface AssemblyOptions {
  /** Check every learner output for NaN/Infinity (reads values back: for diagnosis, not every step). */
  checkFinite?: boolean;
  /** When given, milliseconds spent in each learner piece are added here. */
  timings?: Partial<Record<PieceId, number>>;
}

export interface AssembledModel {
  plan: PiecePlan;
  /** ids [batch][seq] -> logits [batch, seq, vocab] */
  forward(weights: GptWeights, ids: number[][]): tf.Tensor3D;
  /** The shifted next-token loss of a batch of windows. */
  loss(weights: GptWeights, ids: number[][]): tf.Scalar;
}

const shapeText = (shape: readonly number[]) => `[${shape.join(", ")}]`;

export function assembleModel(learner: LearnerPieces, options: AssemblyOptions = {}): AssembledModel {
  const plan = planPieces(new Set(Object.keys(learner).filter((id) => typeof learner[id as PieceId] === "function") as PieceId[]));
  const mine = (id: PieceId) => (plan[id].kind === "yours" ? learner[id] : undefined);

  function callPiece<T extends tf.Tensor>(id: PieceId, run: (fn: LearnerFunction) => unknown, expected: readonly number[], pick?: (out: unknown) => unknown): T {
    const fn = learner[id] as LearnerFunction;
    const label = PIECES[id].label;
    const started = options.timings ? performance.now() : 0;
    let out: unknown;
    try {
      out = run(fn);
      if (pick) out = pick(out);
    } catch (error) {
      if (error instanceof PieceError) throw error;
      throw new PieceError(id, `Your ${label} threw an error inside the model: ${describeError(error)}`, { code: "threw", error: describeError(error) });
    }
    if (options.timings) options.timings[id] = (options.timings[id] ?? 0) + performance.now() - started;
    if (!(out instanceof tf.Tensor)) {
      const what = out === null ? "null" : typeof out;
      throw new PieceError(id, `Your ${label} returned ${what}, not a tensor.`, { code: "notTensor", what });
    }
    const shape: number[] = out.shape;
    if (shape.length !== expected.length || shape.some((n, i) => n !== expected[i])) {
      throw new PieceError(id, `Your ${label} returned a tensor of shape ${shapeText(shape)}; the model needs ${shapeText(expected)} here.`, {
        code: "wrongShape",
        shape: shapeText(shape),
        expected: shapeText(expected),
      });
    }
    if (options.checkFinite && !tf.tidy(() => tf.all(tf.isFinite(out as tf.Tensor)).dataSync()[0])) {
      throw new PieceError(id, `Your ${label} produced NaN or Infinity on the model's numbers (a division by zero, or exp() of a large value?).`, { code: "nonFinite" });
    }
    return out as T;
  }

  const perRow = <T extends tf.Tensor>(x: tf.Tensor, each: (row: tf.Tensor2D) => T): tf.Tensor => tf.stack(tf.unstack(x).map((row) => each(row as tf.Tensor2D)));

  function layerNorm(x: tf.Tensor3D, p: LayerNormParams): tf.Tensor3D {
    if (!mine("layer-norm")) return builtinLayerNorm(x, p.gamma, p.beta);
    const [b, t, d] = x.shape;
    const rows = tf.reshape(x, [b * t, d]);
    return tf.reshape(callPiece("layer-norm", (fn) => fn(rows, p.gamma, p.beta), [b * t, d]), [b, t, d]);
  }

  function feedForward(x: tf.Tensor3D, p: BlockParams["ffn"]): tf.Tensor3D {
    const [b, t, d] = x.shape;
    const rows = tf.reshape(x, [b * t, d]) as tf.Tensor2D;
    const out = mine("feed-forward") ? callPiece("feed-forward", (fn) => fn(rows, p), [b * t, d]) : builtinFeedForward(rows, p);
    return tf.reshape(out, [b, t, d]);
  }

  function causalMask(t: number): tf.Tensor2D {
    return mine("causal-mask") ? callPiece<tf.Tensor2D>("causal-mask", (fn) => fn(t), [t, t]) : builtinCausalMask(t);
  }

  const softmax = (x: tf.Tensor): tf.Tensor => (mine("softmax") ? callPiece("softmax", (fn) => fn(x), x.shape) : builtinSoftmax(x));

  function selfAttention(x: tf.Tensor3D, p: BlockParams["attn"], heads: number): tf.Tensor3D {
    const [, t, d] = x.shape;
    const mask = causalMask(t);
    if (mine("multi-head-attention")) {
      return perRow(x, (row) => callPiece("multi-head-attention", (fn) => fn(row, p, heads, mask), [t, d])) as tf.Tensor3D;
    }
    const q = splitHeads(rowsMatMul(x, p.wq), heads);
    const k = splitHeads(rowsMatMul(x, p.wk), heads);
    const v = splitHeads(rowsMatMul(x, p.wv), heads);
    let mixed: tf.Tensor4D;
    if (mine("scaled-dot-product-attention")) {
      const [ks, vs] = [tf.unstack(k), tf.unstack(v)];
      mixed = tf.stack(
        tf.unstack(q).map((qb, b) => {
          const [kh, vh] = [tf.unstack(ks[b]), tf.unstack(vs[b])];
          return tf.stack(
            tf.unstack(qb).map((qh, h) =>
              callPiece("scaled-dot-product-attention", (fn) => fn(qh, kh[h], vh[h], mask), [t, d / heads], (out) => (out as { output?: unknown })?.output),
            ),
          );
        }),
      ) as tf.Tensor4D;
    } else {
      mixed = batchedAttention(q, k, v, mask, softmax).output;
    }
    return rowsMatMul(mergeHeads(mixed), p.wo);
  }

  function block(x: tf.Tensor3D, p: BlockParams, heads: number): tf.Tensor3D {
    const [, t, d] = x.shape;
    if (mine("gpt-block")) return perRow(x, (row) => callPiece("gpt-block", (fn) => fn(row, p, heads), [t, d])) as tf.Tensor3D;
    const h = tf.add(x, selfAttention(layerNorm(x, p.ln1), p.attn, heads)) as tf.Tensor3D;
    return tf.add(h, feedForward(layerNorm(h, p.ln2), p.ffn)) as tf.Tensor3D;
  }

  function forward(w: GptWeights, ids: number[][]): tf.Tensor3D {
    return tf.tidy(() => {
      const [b, t] = [ids.length, ids[0].length];
      const [vocab, d] = w.wte.shape;
      if (mine("gpt-logits")) {
        return tf.stack(ids.map((seq) => callPiece("gpt-logits", (fn) => fn(seq, w), [t, vocab]))) as tf.Tensor3D;
      }
      // One-hot times the table rather than tf.gather: gather's gradient needs a kernel the WASM backend lacks.
      const oneHot = tf.oneHot(tf.tensor1d(ids.flat(), "int32"), vocab).toFloat() as tf.Tensor2D;
      const tokens = tf.reshape(tf.matMul(oneHot, w.wte), [b, t, d]);
      let x = tf.add(tokens, tf.slice(w.wpe, [0, 0], [t, d])) as tf.Tensor3D;
      for (const p of w.blocks) x = block(x, p, w.numHeads);
      const h = tf.reshape(layerNorm(x, w.lnF), [b * t, d]) as tf.Tensor2D;
      return tf.reshape(tf.matMul(h, w.wte, false, true), [b, t, vocab]) as tf.Tensor3D;
    });
  }

  function loss(w: GptWeights, ids: number[][]): tf.Scalar {
    return tf.tidy(() => {
      const logits = forward(w, ids);
      if (!mine("lm-loss")) return builtinLmLoss(logits, tf.tensor2d(ids, undefined, "int32"));
      const each = tf.unstack(logits).map((rows, i) => callPiece<tf.Scalar>("lm-loss", (fn) => fn(rows, ids[i]), []));
      return tf.mean(tf.stack(each)) as tf.Scalar;
    });
  }

  return { plan, forward, loss };
}
