/**
 * Picking the training backend: every backend that initialised in this browser (WebGPU, WebGL,
 * WASM; the CPU backend only when none did, as its pure JavaScript is far slower) is timed on
 * a few steps of the actual model, and the fastest wins.
 */
import * as tf from "@tensorflow/tfjs";

export interface BackendChoice {
  /** Switches to a backend (a saved run's); falls back to picking when it is gone. */
  use(name: string): Promise<string>;
  /** Times `measure` (ms per step) on each candidate and keeps the fastest. */
  pick(measure: () => Promise<number>): Promise<string>;
  /** What was measured last time, for the page. */
  readonly measured: Record<string, number>;
}

export const BACKEND_PREFERENCE = ["webgpu", "webgl", "wasm", "cpu"] as const;

/** Initialises each backend once (before learner code runs: WASM fetches its files) and returns those that work. */
export async function initialiseBackends(names: readonly string[] = BACKEND_PREFERENCE): Promise<string[]> {
  const working: string[] = [];
  for (const name of names) {
    if (!tf.findBackendFactory(name)) continue;
    try {
      if (await tf.setBackend(name)) working.push(name);
    } catch {
      // Not available in this browser (no GPU, no OffscreenCanvas WebGL, ...).
    }
  }
  return working;
}

export function backendChoice(available: readonly string[]): BackendChoice {
  const candidates = available.filter((n) => n !== "cpu").length > 0 ? available.filter((n) => n !== "cpu") : [...available];
  const measured: Record<string, number> = {};
  const choice: BackendChoice = {
    measured,
    async use(name) {
      if (available.includes(name) && (await tf.setBackend(name))) return name;
      return choice.pick(async () => 0);
    },
    async pick(measure) {
      let best: { name: string; ms: number } | null = null;
      for (const name of candidates) {
        if (candidates.length > 1) {
          if (!(await tf.setBackend(name))) continue;
          const ms = await measure().catch(() => Infinity);
          measured[name] = ms;
          if (!best || ms < best.ms) best = { name, ms };
        } else best = { name, ms: 0 };
      }
      const name = best?.name ?? "cpu";
      await tf.setBackend(name);
      return name;
    },
  };
  return choice;
}
