/**
 * Forbidden tf functions, enforced while learner code runs, not only by the source scan: the scan
 * cannot see `x["soft" + "max"]()`. Every method of tf.Tensor.prototype is wrapped once by a guard
 * that throws the "not allowed" message when the current run forbids that name; outside a run
 * (or for names the exercise allows) the guard calls the original. The tf namespace handed to
 * learner code gets throwing stubs for the same names (lib/grading/compile.ts restrictedTf).
 * Installed before the worker freezes its intrinsics (worker/harden.ts), so the guards stay.
 */
import type { Tf } from "./types";

type Guarded = { forbid: ReadonlySet<string>; message: (name: string) => string };

const state: { current: Guarded | null } = { current: null };
const installed = new WeakSet<object>();

/** Wraps every method of tf.Tensor.prototype (once per prototype). */
export function installForbiddenOpGuards(tf: Tf): void {
  const proto = tf.Tensor.prototype as unknown as Record<string, unknown>;
  if (installed.has(proto) || Object.isFrozen(proto)) return;
  installed.add(proto);
  for (const name of Object.getOwnPropertyNames(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (name === "constructor" || !descriptor || typeof descriptor.value !== "function" || !descriptor.writable) continue;
    const original = descriptor.value as (...args: unknown[]) => unknown;
    const guard = {
      // A method definition keeps `this` and has no `prototype`, like the original.
      [name](this: unknown, ...args: unknown[]): unknown {
        const run = state.current;
        if (run && run.forbid.has(name)) throw new Error(run.message(name));
        return original.apply(this, args);
      },
    }[name];
    Object.defineProperty(proto, name, { ...descriptor, value: guard });
  }
}

/** Runs `fn` with `forbid` in force for chained calls (x.softmax()), then lifts it. */
export async function withForbiddenOps<T>(tf: Tf, forbid: readonly string[] | undefined, message: (name: string) => string, fn: () => Promise<T>): Promise<T> {
  if (!forbid || forbid.length === 0) return fn();
  installForbiddenOpGuards(tf);
  const previous = state.current;
  state.current = { forbid: new Set(forbid), message };
  try {
    return await fn();
  } finally {
    state.current = previous;
  }
}
