/**
 * A kernel the TensorFlow.js WASM backend lacks but training needs: UnsortedSegmentSum, the
 * gradient of tf.gather (a learner's embedding lookup uses gather). Computed in JavaScript on the
 * backend's own memory; the sizes (embedding gradients) are small.
 */
import * as tf from "@tensorflow/tfjs";

interface WasmBackendLike {
  readSync(dataId: unknown): ArrayLike<number>;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array;
}

export function registerWasmExtras(): void {
  if (tf.getKernel("UnsortedSegmentSum", "wasm")) return;
  tf.registerKernel({
    kernelName: "UnsortedSegmentSum",
    backendName: "wasm",
    kernelFunc: ({ inputs, attrs, backend }) => {
      const wasm = backend as unknown as WasmBackendLike;
      const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
      const numSegments = (attrs as { numSegments: number }).numSegments;
      const values = wasm.readSync(x.dataId);
      const ids = wasm.readSync(segmentIds.dataId);
      const rest = x.shape.slice(segmentIds.shape.length);
      const inner = rest.reduce((a, b) => a * b, 1);
      const out = wasm.makeOutput([numSegments, ...rest], x.dtype);
      const target = wasm.typedArrayFromHeap(out);
      target.fill(0);
      for (let i = 0; i < ids.length; i++) {
        const segment = ids[i];
        if (segment < 0 || segment >= numSegments) continue;
        for (let j = 0; j < inner; j++) target[segment * inner + j] += values[i * inner + j];
      }
      return out;
    },
  });
}
