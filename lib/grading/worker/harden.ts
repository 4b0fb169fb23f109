/**
 * Freezes the JavaScript intrinsics of the grader worker before any learner code runs, so learner
 * code cannot rewrite what the harness relies on: the probe's `Array.prototype.push` patch turned
 * failures into "12 / 12 tests passed". Everything reachable from the standard globals (Object,
 * Array, Promise, Error, Math, JSON, the iterator and typed-array prototypes, ...) and tfjs's
 * Tensor prototypes is frozen. Host objects (self, console, performance) are not touched: the
 * harness captured what it needs from them already.
 *
 * Freezing a prototype makes `obj.toString = f` throw in strict code when obj inherits toString
 * (the "override mistake"); the usual suspects (constructor, name, message, toString, ...) become
 * accessors whose setter gives the object its own property, as SES's lockdown does.
 * Worker-only: freezing Node's intrinsics would break Jest.
 */
import { deepFreeze } from "../deep-freeze";
import { installForbiddenOpGuards } from "../forbidden-ops";
import type { Tf } from "../types";

const GLOBAL_INTRINSICS = [
  "Object", "Function", "Array", "Number", "Boolean", "String", "Symbol", "BigInt", "Math", "JSON", "Reflect", "Proxy",
  "Promise", "Date", "RegExp", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry",
  "Error", "AggregateError", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError",
  "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
  "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
  "Iterator", "Intl", "parseInt", "parseFloat", "isNaN", "isFinite", "encodeURIComponent", "decodeURIComponent",
  "encodeURI", "decodeURI", "structuredClone", "queueMicrotask",
];

/** Properties code commonly assigns on its own objects although a prototype has them. */
const OVERRIDABLE: Record<string, readonly (string | symbol)[]> = {
  Object: ["constructor", "toString", "valueOf", "toLocaleString", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable"],
  Array: ["constructor", "toString", "push", "concat", "join", "slice"],
  Function: ["constructor", "toString", "bind", "call", "apply"],
  Promise: ["constructor", "then"],
  Error: ["constructor", "name", "message", "toString", "stack"],
  TypeError: ["constructor", "name", "message"],
  RangeError: ["constructor", "name", "message"],
  SyntaxError: ["constructor", "name", "message"],
  ReferenceError: ["constructor", "name", "message"],
};

function tameOverride(proto: object, key: string | symbol): void {
  const descriptor = Object.getOwnPropertyDescriptor(proto, key);
  if (!descriptor || !("value" in descriptor) || !descriptor.configurable) return;
  const value = descriptor.value as unknown;
  Object.defineProperty(proto, key, {
    configurable: false,
    enumerable: descriptor.enumerable,
    get() {
      return value;
    },
    set(this: object, next: unknown) {
      if (this === proto) throw new TypeError(`Cannot change ${String(key)}: the grader's built-ins are frozen.`);
      Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
    },
  });
}

/** Intrinsics no global names: iterator, generator and async-function prototypes. */
function hiddenIntrinsics(): unknown[] {
  return [
    Object.getPrototypeOf([][Symbol.iterator]()),
    Object.getPrototypeOf(new Map().entries()),
    Object.getPrototypeOf(new Set().values()),
    Object.getPrototypeOf(""[Symbol.iterator]()),
    Object.getPrototypeOf(/a/g[Symbol.matchAll]("a")),
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(async function* () {}),
    Object.getPrototypeOf(Int8Array),
  ];
}

/**
 * Locks the worker's intrinsics and tfjs's Tensor prototypes. Call once, after tfjs is ready and
 * before the first learner code runs. Returns how many objects were frozen.
 */
export function hardenIntrinsics(scope: Record<string, unknown>, tf: Tf): number {
  // Deep tfjs stacks need more frames to reach the learner's line; settable no more after this.
  (Error as { stackTraceLimit?: number }).stackTraceLimit = 60;
  installForbiddenOpGuards(tf);
  for (const [name, keys] of Object.entries(OVERRIDABLE)) {
    const ctor = scope[name] as { prototype?: object } | undefined;
    if (ctor?.prototype) for (const key of keys) tameOverride(ctor.prototype, key);
  }
  const seen = new Set<unknown>();
  for (const name of GLOBAL_INTRINSICS) if (name in scope) deepFreeze(scope[name], seen);
  for (const intrinsic of hiddenIntrinsics()) deepFreeze(intrinsic, seen);
  deepFreeze(tf.Tensor, seen);
  deepFreeze(tf.Variable, seen);
  return seen.size;
}
