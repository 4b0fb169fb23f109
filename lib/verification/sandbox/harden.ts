/**
 * Freezes the JavaScript built-ins of the realm it runs in, so learner code evaluated later in
 * the same realm cannot patch what the grading harness relies on (Array.prototype.push,
 * JSON.stringify, Promise.prototype.then, Object.prototype getters...). Runs inside the sandbox
 * only, after the harness and TensorFlow.js are loaded and before any learner code.
 *
 * Freezing a prototype makes a plain assignment such as `error.name = "X"` fail on every object
 * that inherits from it (the "override mistake"), so for the few properties code commonly
 * assigns, the frozen data property becomes an accessor whose setter defines the property on
 * the object being assigned to, as SES does.
 */
import { deepFreeze } from "../../grading/deep-freeze";
const OVERRIDABLE: Record<string, readonly string[]> = {
  "Object.prototype": ["constructor", "toString", "valueOf", "toLocaleString", "hasOwnProperty"],
  "Error.prototype": ["name", "message", "toString", "constructor"],
  "Function.prototype": ["toString", "constructor", "name", "length"],
  "Array.prototype": ["toString", "constructor", "push", "join"],
  "Promise.prototype": ["then", "constructor"],
};

function tameOverride(proto: object, name: string): void {
  const desc = Object.getOwnPropertyDescriptor(proto, name);
  if (!desc || !("value" in desc) || !desc.configurable) return;
  const value: unknown = desc.value;
  Object.defineProperty(proto, name, {
    get() {
      return value;
    },
    set(this: object, next: unknown) {
      if (this === proto) throw new TypeError(`Cannot assign to read only property '${name}' of a built-in`);
      Object.defineProperty(this, name, { value: next, writable: true, enumerable: true, configurable: true });
    },
    enumerable: desc.enumerable,
    configurable: false,
  });
}


/** Every standard global of an ECMAScript realm whose value is an object or function. */
const INTRINSIC_GLOBALS = [
  "Object", "Function", "Array", "Number", "Boolean", "String", "Symbol", "BigInt", "Math", "JSON", "Reflect",
  "Date", "RegExp", "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError",
  "AggregateError", "Promise", "Proxy", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry",
  "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Int8Array", "Uint8Array", "Uint8ClampedArray",
  "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array",
  "BigUint64Array", "parseInt", "parseFloat", "isNaN", "isFinite", "encodeURI", "encodeURIComponent",
  "decodeURI", "decodeURIComponent", "escape", "unescape", "eval", "Intl",
];

/**
 * Freezes the built-ins (deeply) and the method tables in `prototypes` (shallowly: a class's
 * static fields, reached through `constructor`, may be live state such as id counters), then
 * makes every existing global binding read-only. Returns the number of objects frozen.
 */
export function hardenRealm(prototypes: readonly object[] = []): number {
  const global = globalThis as unknown as Record<string, unknown>;
  for (const [path, names] of Object.entries(OVERRIDABLE)) {
    const [ctor] = path.split(".");
    const proto = (global[ctor] as { prototype?: object } | undefined)?.prototype;
    if (proto) for (const name of names) tameOverride(proto, name);
  }
  const seen = new Set<unknown>();
  // The prototypes of values that have no global constructor (generators, async functions, iterators).
  const hidden = [
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(async function* () {}),
    Object.getPrototypeOf([][Symbol.iterator]()),
    Object.getPrototypeOf(new Map().entries()),
    Object.getPrototypeOf(new Set().values()),
    Object.getPrototypeOf(""[Symbol.iterator]()),
    Object.getPrototypeOf(Int8Array),
  ];
  for (const name of INTRINSIC_GLOBALS) if (name in global) deepFreeze(global[name], seen);
  for (const value of hidden) deepFreeze(value, seen);
  for (const proto of prototypes) {
    for (const key of Reflect.ownKeys(proto)) {
      const desc = Object.getOwnPropertyDescriptor(proto, key);
      if (key !== "constructor" && desc && typeof desc.value === "function") Object.freeze(desc.value);
    }
    Object.freeze(proto);
    seen.add(proto);
  }
  for (const key of Reflect.ownKeys(globalThis)) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, key);
    if (desc?.configurable) Object.defineProperty(globalThis, key, { ...desc, configurable: false, ...("value" in desc ? { writable: false } : {}) });
  }
  return seen.size;
}
