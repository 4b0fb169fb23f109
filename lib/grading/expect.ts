/**
 * The assertions exercise specs use. A failed check throws an AssertionFailure whose
 * message a learner can act on (which entry, by how much, against what tolerance)
 * and whose expected / actual strings the result table shows.
 */
import type * as TF from "@tensorflow/tfjs";
import type { AssertionDetails, Expect } from "./types";
import { describeValues, formatIndex, formatNumber, formatShape, formatValues, isTensor } from "./format";

export class AssertionFailure extends Error implements AssertionDetails {
  readonly expected?: string;
  readonly actual?: string;
  /** A brand, so the runner recognises failures even across duplicated module instances. */
  readonly isAssertionFailure = true;

  constructor(details: AssertionDetails) {
    super(details.message);
    this.name = "AssertionFailure";
    if (details.expected !== undefined) this.expected = details.expected;
    if (details.actual !== undefined) this.actual = details.actual;
  }
}

export function isAssertionFailure(error: unknown): error is AssertionFailure {
  return (
    error instanceof AssertionFailure ||
    (typeof error === "object" && error !== null && (error as { isAssertionFailure?: unknown }).isAssertionFailure === true)
  );
}

function fail(message: string, expected?: string, actual?: string): never {
  throw new AssertionFailure({ message, expected, actual });
}

/** "weights: " or "" */
function subject(what: string | undefined): string {
  return what ? `${what}: ` : "";
}

/** Capitalises the first letter when a message starts without a subject. */
function sentence(prefix: string, rest: string): string {
  return prefix ? prefix + rest : rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** "weights contains NaN ..." or "The result contains NaN ..." */
function aboutResult(what: string | undefined, rest: string): string {
  return `${what ?? "The result"} ${rest}`;
}

/** A short description of what a value is, for "should return a tf.Tensor but returned ...". */
export function describeKind(value: unknown): string {
  if (value === undefined) return "undefined (did you forget to return the result?)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a plain array (wrap it in tf.tensor(...) to return a tensor)";
  if (typeof value === "number") return `the number ${formatNumber(value)}`;
  if (typeof value === "object" && typeof (value as { then?: unknown }).then === "function") {
    return "a Promise (the function must not be async)";
  }
  if (typeof value === "object") return "an object that is not a tensor";
  return `a ${typeof value}`;
}

interface Numeric {
  shape: number[];
  values: ArrayLike<number>;
}

function inferShape(value: unknown[], what: string): number[] {
  const shape = [value.length];
  if (value.length === 0 || !Array.isArray(value[0])) {
    if (value.some((entry) => typeof entry !== "number")) fail(`${what} contains something that is not a number`);
    return shape;
  }
  const inner = inferShape(value[0] as unknown[], what);
  for (const entry of value) {
    if (!Array.isArray(entry)) fail(`${what} is a ragged array (rows of different shapes)`);
    const entryShape = inferShape(entry, what);
    if (formatShape(entryShape) !== formatShape(inner)) fail(`${what} is a ragged array (rows of different shapes)`);
  }
  return shape.concat(inner);
}

/** Reads a tensor, number or nested number array. Problems with the learner's value are assertion failures. */
function toNumeric(value: unknown, role: "actual" | "expected", what: string | undefined): Numeric {
  const name = role === "actual" ? (what ?? "the result") : "the expected value";
  if (typeof value === "number") return { shape: [], values: [value] };
  if (isTensor(value)) {
    if (value.isDisposed) fail(sentence(subject(what), "the tensor has already been disposed, so its values cannot be read"));
    if (value.dtype === "string" || value.dtype === "complex64") {
      fail(sentence(subject(what), `expected a numeric tensor but got dtype ${value.dtype}`));
    }
    return { shape: value.shape.slice(), values: value.dataSync() as ArrayLike<number> };
  }
  if (Array.isArray(value)) {
    const shape = inferShape(value, name);
    return { shape, values: (value as unknown[]).flat(Infinity) as number[] };
  }
  if (role === "expected") throw new Error(`expect.close: unsupported expected value ${String(value)}`);
  return fail(sentence(subject(what), `expected a tf.Tensor but got ${describeKind(value)}`));
}

function shapeMismatchMessage(prefix: string, expected: readonly number[], actual: readonly number[]): string {
  if (expected.length === 0) return sentence(prefix, `expected a scalar (shape []) but got shape ${formatShape(actual)}`);
  if (actual.length === 0) return sentence(prefix, `expected shape ${formatShape(expected)} but got a scalar (shape [])`);
  return sentence(prefix, `expected shape ${formatShape(expected)} but got ${formatShape(actual)}`);
}

/** Shows at most this many differing entries in a message. */
const MAX_LISTED = 3;

function close(
  actual: TF.Tensor | number | number[] | number[][],
  expected: TF.Tensor | number | number[] | number[][],
  opts: { atol?: number; rtol?: number; what?: string } = {},
): void {
  const atol = opts.atol ?? 1e-4;
  const rtol = opts.rtol ?? 1e-4;
  const prefix = subject(opts.what);
  const e = toNumeric(expected, "expected", opts.what);
  const a = toNumeric(actual, "actual", opts.what);
  const expectedText = describeValues(e.values, e.shape);

  if (formatShape(a.shape) !== formatShape(e.shape)) {
    fail(shapeMismatchMessage(prefix, e.shape, a.shape), `shape ${formatShape(e.shape)}`, `shape ${formatShape(a.shape)}`);
  }
  const actualText = describeValues(a.values, a.shape);

  const nanAt: number[] = [];
  const differs: number[] = [];
  let maxError = 0;
  for (let i = 0; i < e.values.length; i++) {
    const ev = Number(e.values[i]);
    const av = Number(a.values[i]);
    if (Number.isNaN(ev) && Number.isNaN(av)) continue;
    if (Number.isNaN(av)) {
      nanAt.push(i);
      continue;
    }
    if (av === ev) continue; // also covers matching infinities
    const error = Math.abs(av - ev);
    if (!(error <= atol + rtol * Math.abs(ev))) {
      differs.push(i);
      maxError = Math.max(maxError, error);
    }
  }

  if (nanAt.length > 0) {
    const first = nanAt[0];
    const where = a.shape.length === 0 ? "is NaN" : `contains NaN at ${formatIndex(first, a.shape)}`;
    const count = a.shape.length === 0 ? "" : ` (${nanAt.length} of ${a.values.length} entries are NaN)`;
    fail(
      aboutResult(opts.what, `${where}${count} where ${formatNumber(Number(e.values[first]))} was expected. ` +
        "NaN usually comes from Infinity / Infinity, Infinity - Infinity or 0 / 0, for example when exp() overflows."),
      expectedText,
      actualText,
    );
  }
  if (differs.length > 0) {
    const listed = differs
      .slice(0, MAX_LISTED)
      .map((i) => {
        const at = a.shape.length === 0 ? "" : `at ${formatIndex(i, a.shape)} `;
        return `${at}expected ${formatNumber(Number(e.values[i]))}, got ${formatNumber(Number(a.values[i]))}`;
      })
      .join("; ");
    const more = differs.length > MAX_LISTED ? "; ..." : "";
    const tolerance = rtol > 0 ? `${formatNumber(atol)} + ${formatNumber(rtol)} x |expected|` : formatNumber(atol);
    if (a.shape.length === 0) {
      fail(sentence(prefix, `${listed} (absolute error ${formatNumber(maxError)}, tolerance ${tolerance})`), expectedText, actualText);
    }
    const total = a.values.length;
    const scope = `${differs.length} of ${total} ${total === 1 ? "value differs" : differs.length === 1 ? "values differs" : "values differ"}`;
    fail(
      sentence(prefix, `${scope}: ${listed}${more} (max absolute error ${formatNumber(maxError)}, tolerance ${tolerance})`),
      expectedText,
      actualText,
    );
  }
}

function shape(actual: TF.Tensor, expectedShape: number[], what?: string): void {
  tensor(actual, what);
  if (formatShape(actual.shape) !== formatShape(expectedShape)) {
    fail(shapeMismatchMessage(subject(what), expectedShape, actual.shape), `shape ${formatShape(expectedShape)}`, `shape ${formatShape(actual.shape)}`);
  }
}

function finite(actual: TF.Tensor | number, what?: string): void {
  const { shape: s, values } = toNumeric(actual, "actual", what);
  let nan = 0;
  let inf = 0;
  let first = -1;
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]);
    if (Number.isFinite(v)) continue;
    if (Number.isNaN(v)) nan++;
    else inf++;
    if (first < 0) first = i;
  }
  if (first < 0) return;
  const kind = Number.isNaN(Number(values[first])) ? "NaN" : formatNumber(Number(values[first]));
  const where = s.length === 0 ? `is ${kind}` : `contains ${kind} at ${formatIndex(first, s)}`;
  const counts = s.length === 0 ? "" : ` (${[nan ? `${nan} NaN` : "", inf ? `${inf} infinite` : ""].filter(Boolean).join(", ")} of ${values.length} entries)`;
  const should = s.length === 0 ? "it should be a finite number" : "every entry should be a finite number";
  fail(aboutResult(what, `${where}${counts}; ${should}`), "finite values", describeValues(values, s));
}

function that(condition: boolean, message: string, details?: { expected?: string; actual?: string }): void {
  if (!condition) fail(message, details?.expected, details?.actual);
}

function throws(fn: () => unknown, pattern: RegExp | undefined, message: string): void {
  let returned: unknown;
  try {
    returned = fn();
  } catch (error) {
    if (isAssertionFailure(error)) throw error;
    const text = error instanceof Error ? error.message : String(error);
    if (pattern && !pattern.test(text)) {
      fail(`${message}: the error was thrown, but its message "${text}" does not say what went wrong clearly enough`, `an error matching ${String(pattern)}`, `"${text}"`);
    }
    return;
  }
  const shown = isTensor(returned) && !returned.isDisposed ? formatValues(returned.dataSync() as ArrayLike<number>, returned.shape) : describeKind(returned);
  fail(`${message}: no error was thrown`, pattern ? `an error matching ${String(pattern)}` : "an error", `returned ${shown}`);
}

function tensor(value: unknown, what?: string): asserts value is TF.Tensor {
  if (!isTensor(value)) {
    fail(what ? `${what} should be a tf.Tensor but is ${describeKind(value)}` : `Your function should return a tf.Tensor but returned ${describeKind(value)}`);
  }
  if (value.isDisposed) {
    fail(`${what ?? "The returned tensor"} has already been disposed (do not dispose a tensor you return)`);
  }
}

/** The Expect object handed to every spec test. Stateless, so one instance can be shared. */
export const expect: Expect = { close, shape, finite, that, throws, tensor };
