/**
 * The assertions exercise specs use. A failed check throws an AssertionFailure whose
 * message a learner can act on (which entry, by how much, against what tolerance)
 * and whose expected / actual strings the result table shows. Every word comes from the grader's
 * message catalogue (lib/grading/messages) in the learner's locale; the words a spec passes in
 * (messages, `what` labels) go through the exercise's translations.
 */
import type * as TF from "@tensorflow/tfjs";
import type { AssertionDetails, Expect } from "./types";
import { describeValues, formatIndex, formatNumber, formatShape, formatValues, isTensor } from "./format";
import { english, type Translator } from "./messages";

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

/** A short description of what a value is, for "should return a tf.Tensor but returned ...". */
export function describeKind(value: unknown, t: Translator = english): string {
  if (value === undefined) return t.msg("kind.undefined");
  if (value === null) return t.msg("kind.null");
  if (Array.isArray(value)) return t.msg("kind.array");
  if (typeof value === "number") return t.msg("kind.number", { value: formatNumber(value) });
  if (typeof value === "object" && typeof (value as { then?: unknown }).then === "function") return t.msg("kind.promise");
  if (typeof value === "object") return t.msg("kind.object");
  return t.msg("kind.other", { type: typeof value });
}

interface Numeric {
  shape: number[];
  values: ArrayLike<number>;
}

/** Only English starts a sentence with a capital; a subject label is kept as the spec wrote it. */
const capitalise = (t: Translator, subject: string, text: string) =>
  subject || t.locale !== "en" ? text : text.charAt(0).toUpperCase() + text.slice(1);

/** The assertions, speaking through one translator (one per graded run). */
export function createExpect(t: Translator): Expect {
  /** "weights: " or "" (the label translated by the exercise's text). */
  const subjectOf = (what: string | undefined) => (what ? t.msg("subject", { what: t.specText(what) }) : "");
  const sentence = (subject: string, text: string) => capitalise(t, subject, text);
  const resultName = (what: string | undefined) => (what ? t.specText(what) : t.msg("the-result-start"));
  const shapeText = (shape: readonly number[]) => t.msg("shape", { shape: formatShape(shape) });

  function inferShape(value: unknown[], what: string): number[] {
    const shape = [value.length];
    if (value.length === 0 || !Array.isArray(value[0])) {
      if (value.some((entry) => typeof entry !== "number")) fail(t.msg("value.not-number", { what }));
      return shape;
    }
    const inner = inferShape(value[0] as unknown[], what);
    for (const entry of value) {
      const ragged = () => fail(t.msg("value.ragged", { what }));
      if (!Array.isArray(entry)) ragged();
      const entryShape = inferShape(entry as unknown[], what);
      if (formatShape(entryShape) !== formatShape(inner)) ragged();
    }
    return shape.concat(inner);
  }

  /** Reads a tensor, number or nested number array. Problems with the learner's value are assertion failures. */
  function toNumeric(value: unknown, role: "actual" | "expected", what: string | undefined): Numeric {
    const subject = subjectOf(what);
    if (typeof value === "number") return { shape: [], values: [value] };
    if (isTensor(value)) {
      if (value.isDisposed) fail(sentence(subject, t.msg("value.disposed", { subject })));
      if (value.dtype === "string" || value.dtype === "complex64") fail(sentence(subject, t.msg("value.dtype", { subject, dtype: value.dtype })));
      return { shape: value.shape.slice(), values: value.dataSync() as ArrayLike<number> };
    }
    if (Array.isArray(value)) {
      const name = role === "actual" ? (what ? t.specText(what) : t.msg("the-result")) : t.msg("the-expected-value");
      const shape = inferShape(value, name);
      return { shape, values: (value as unknown[]).flat(Infinity) as number[] };
    }
    if (role === "expected") throw new Error(`expect.close: unsupported expected value ${String(value)}`);
    return fail(sentence(subject, t.msg("value.not-tensor", { subject, kind: describeKind(value, t) })));
  }

  function shapeMismatch(subject: string, expected: readonly number[], actual: readonly number[]): never {
    const params = { subject, expected: formatShape(expected), actual: formatShape(actual) };
    const key = expected.length === 0 ? "shape.want-scalar" : actual.length === 0 ? "shape.got-scalar" : "shape.mismatch";
    return fail(sentence(subject, t.msg(key, params)), shapeText(expected), shapeText(actual));
  }

  function close(
    actual: TF.Tensor | number | number[] | number[][],
    expected: TF.Tensor | number | number[] | number[][],
    opts: { atol?: number; rtol?: number; what?: string } = {},
  ): void {
    const atol = opts.atol ?? 1e-4;
    const rtol = opts.rtol ?? 1e-4;
    const subject = subjectOf(opts.what);
    const e = toNumeric(expected, "expected", opts.what);
    const a = toNumeric(actual, "actual", opts.what);
    const expectedText = describeValues(e.values, e.shape);

    if (formatShape(a.shape) !== formatShape(e.shape)) shapeMismatch(subject, e.shape, a.shape);
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
      const params = {
        what: resultName(opts.what),
        expected: formatNumber(Number(e.values[first])),
        index: formatIndex(first, a.shape),
        count: nanAt.length,
        total: a.values.length,
        hint: t.msg("close.nan-hint"),
      };
      fail(t.msg(a.shape.length === 0 ? "close.nan-scalar" : "close.nan-at", params), expectedText, actualText);
    }
    if (differs.length > 0) {
      const listed = differs
        .slice(0, MAX_LISTED)
        .map((i) => {
          const values = { expected: formatNumber(Number(e.values[i])), actual: formatNumber(Number(a.values[i])) };
          return a.shape.length === 0 ? t.msg("close.entry", values) : t.msg("close.entry-at", { ...values, index: formatIndex(i, a.shape) });
        })
        .join(t.msg("list-separator"));
      const tolerance = rtol > 0 ? t.msg("close.tolerance", { atol: formatNumber(atol), rtol: formatNumber(rtol) }) : formatNumber(atol);
      const params = { subject, listed, error: formatNumber(maxError), tolerance };
      if (a.shape.length === 0) fail(sentence(subject, t.msg("close.scalar", params)), expectedText, actualText);
      const total = a.values.length;
      const key = total === 1 ? "close.one-of-one" : differs.length === 1 ? "close.one-of-many" : "close.many";
      const more = differs.length > MAX_LISTED ? t.msg("close.more") : "";
      fail(sentence(subject, t.msg(key, { ...params, more, count: differs.length, total })), expectedText, actualText);
    }
  }

  function shape(actual: TF.Tensor, expectedShape: number[], what?: string): void {
    tensor(actual, what);
    if (formatShape(actual.shape) !== formatShape(expectedShape)) shapeMismatch(subjectOf(what), expectedShape, actual.shape);
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
    const value = Number.isNaN(Number(values[first])) ? "NaN" : formatNumber(Number(values[first]));
    const counts = [nan ? t.msg("finite.nan-count", { count: nan }) : "", inf ? t.msg("finite.inf-count", { count: inf }) : ""]
      .filter(Boolean)
      .join(t.msg("finite.count-separator"));
    const params = { what: resultName(what), value, index: formatIndex(first, s), counts, total: values.length };
    fail(t.msg(s.length === 0 ? "finite.scalar" : "finite.at", params), t.msg("finite.expected"), describeValues(values, s));
  }

  function that(condition: boolean, message: string, details?: { expected?: string; actual?: string }): void {
    if (condition) return;
    const note = (text: string | undefined) => (text === undefined ? undefined : t.specText(text));
    fail(t.specText(message), note(details?.expected), note(details?.actual));
  }

  function throws(fn: () => unknown, pattern: RegExp | undefined, message: string): void {
    let returned: unknown;
    const said = t.specText(message);
    const wanted = pattern ? t.msg("throws.expected-matching", { pattern: String(pattern) }) : t.msg("throws.expected-any");
    try {
      returned = fn();
    } catch (error) {
      if (isAssertionFailure(error)) throw error;
      const text = error instanceof Error ? error.message : String(error);
      if (pattern && !pattern.test(text)) fail(t.msg("throws.unclear", { message: said, text }), wanted, t.msg("throws.quoted", { text }));
      return;
    }
    const shown = isTensor(returned) && !returned.isDisposed ? formatValues(returned.dataSync() as ArrayLike<number>, returned.shape) : describeKind(returned, t);
    fail(t.msg("throws.none", { message: said }), wanted, t.msg("throws.returned", { value: shown }));
  }

  function tensor(value: unknown, what?: string): asserts value is TF.Tensor {
    if (!isTensor(value)) {
      const kind = describeKind(value, t);
      fail(what ? t.msg("tensor.not-tensor", { what: t.specText(what), kind }) : t.msg("tensor.not-returned", { kind }));
    }
    if (value.isDisposed) fail(t.msg("tensor.disposed", { what: what ? t.specText(what) : t.msg("the-returned-tensor") }));
  }

  return { close, shape, finite, that, throws, tensor };
}

/** Shows at most this many differing entries in a message. */
const MAX_LISTED = 3;

/** The English assertions (stateless, so one instance can be shared). */
export const expect: Expect = createExpect(english);
