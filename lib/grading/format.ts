/**
 * Compact, learner-facing text for numbers, shapes and tensors. Used by the
 * expect helpers (expected / actual columns) and by the console capture.
 * Framework-free: tensors are recognised by shape, not by importing tfjs.
 */
import type * as TF from "@tensorflow/tfjs";

/** Most entries shown along the last axis, and most rows / slices along any other axis. */
const MAX_COLS = 6;
const MAX_ROWS = 4;

/** Four significant digits; exponent form for very small or very large magnitudes. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0) return "0";
  const magnitude = Math.abs(x);
  if (Number.isInteger(x) && magnitude < 1e6) return String(x);
  if (magnitude >= 1e-4 && magnitude < 1e6) return String(Number(x.toPrecision(4)));
  // 1.500e-7 -> 1.5e-7, 1.000e+9 -> 1e9
  return x
    .toExponential(3)
    .replace(/\.?0+e/, "e")
    .replace("e+", "e");
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

/** A flat index into a row-major array of this shape, as "[i, j, ...]". */
export function formatIndex(flatIndex: number, shape: readonly number[]): string {
  const index: number[] = new Array(shape.length).fill(0);
  let rest = flatIndex;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const size = shape[axis];
    index[axis] = size === 0 ? 0 : rest % size;
    rest = size === 0 ? 0 : Math.floor(rest / size);
  }
  return formatShape(index);
}

/** Which positions to show along an axis of this size (-1 marks an elided run). */
function visiblePositions(size: number, max: number, keepAtEnd: number): number[] {
  if (size <= max) return Array.from({ length: size }, (_, i) => i);
  const head = max - keepAtEnd - 1;
  const positions = Array.from({ length: head }, (_, i) => i);
  positions.push(-1);
  for (let i = size - keepAtEnd; i < size; i++) positions.push(i);
  return positions;
}

/** Whether printing this shape elides some entries. */
export function isTruncated(shape: readonly number[]): boolean {
  return shape.some((size, axis) => size > (axis === shape.length - 1 ? MAX_COLS : MAX_ROWS));
}

/**
 * Row-major values of the given shape as nested brackets, at most 4 rows x 6 columns
 * per level, e.g. "[[0.09003, 0.2447, 0.6652],\n [0.3333, 0.3333, 0.3333]]".
 */
export function formatValues(values: ArrayLike<number>, shape: readonly number[]): string {
  if (shape.length === 0) return formatNumber(Number(values[0]));
  const strides: number[] = new Array(shape.length).fill(1);
  for (let axis = shape.length - 2; axis >= 0; axis--) strides[axis] = strides[axis + 1] * shape[axis + 1];

  const render = (axis: number, offset: number): string => {
    const size = shape[axis];
    const last = axis === shape.length - 1;
    const positions = last ? visiblePositions(size, MAX_COLS, 2) : visiblePositions(size, MAX_ROWS, 1);
    const parts = positions.map((i) => (i < 0 ? "..." : last ? formatNumber(Number(values[offset + i])) : render(axis + 1, offset + i * strides[axis])));
    if (last) return `[${parts.join(", ")}]`;
    const newlines = "\n".repeat(shape.length - axis - 1);
    const indent = " ".repeat(axis + 1);
    return `[${parts.join(`,${newlines}${indent}`)}]`;
  };
  return render(0, 0);
}

/**
 * Values plus, when it is not obvious from the values, the shape:
 * "0.5", "[1, 2, 3]", "shape [2, 3]\n[[...], [...]]".
 */
export function describeValues(values: ArrayLike<number>, shape: readonly number[]): string {
  const text = formatValues(values, shape);
  return shape.length >= 2 || isTruncated(shape) ? `shape ${formatShape(shape)}\n${text}` : text;
}

/** Duck-typed check so this module needs no tfjs runtime. */
export function isTensor(value: unknown): value is TF.Tensor {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<TF.Tensor>;
  return Array.isArray(candidate.shape) && typeof candidate.dtype === "string" && typeof candidate.dataSync === "function";
}

/** "Tensor float32 [2, 3]" plus its values, or a note when it cannot be read. */
export function formatTensor(t: TF.Tensor): string {
  const header = `Tensor ${t.dtype} ${formatShape(t.shape)}`;
  if (t.isDisposed) return `${header} (disposed)`;
  if (t.dtype === "string" || t.dtype === "complex64") return header;
  const values = t.dataSync() as ArrayLike<number>;
  return `${header}\n${formatValues(values, t.shape)}`;
}

/** One console argument as text, the way a browser console would roughly show it. */
export function formatLogValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (isTensor(value)) return formatTensor(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === undefined) return "undefined";
  if (typeof value === "function") return `[function ${value.name || "anonymous"}]`;
  if (typeof value === "symbol") return value.toString();
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  const seen = new WeakSet<object>();
  try {
    const json = JSON.stringify(value, (_key, inner: unknown) => {
      if (isTensor(inner)) return `<${formatTensor(inner).replace(/\n/g, " ")}>`;
      if (typeof inner === "number" && !Number.isFinite(inner)) return String(inner);
      if (typeof inner === "bigint") return String(inner);
      if (ArrayBuffer.isView(inner) && !(inner instanceof DataView)) return Array.from(inner as unknown as ArrayLike<number>);
      if (typeof inner === "object" && inner !== null) {
        if (seen.has(inner)) return "[circular]";
        seen.add(inner);
      }
      return inner;
    });
    return json ?? String(value);
  } catch {
    return String(value);
  }
}
