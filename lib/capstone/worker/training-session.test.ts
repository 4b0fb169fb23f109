/**
 * The training worker's logic in Node (CPU backend, an in-memory store in place of IndexedDB):
 * a short run lowers the loss and writes samples, a reload restores it exactly, and a learner
 * piece that breaks the run stops it with a message naming the piece.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import * as tf from "@tensorflow/tfjs";
import corpus from "@/content/capstone/corpus.json";
import { backendChoice } from "./backend";
import type { PageToWorker, RunView, WorkerToPage } from "./protocol";
import { memoryRunStore, type RunStore } from "./saved-run";
import { TrainingSession } from "./training-session";
import type { TrainingSettings } from "../settings";

const SMALL: TrainingSettings = { layers: 1, dModel: 16, heads: 2, context: 16, batch: 4, learningRate: 1e-2, steps: 50, seed: 5 };

function harness(store: RunStore = memoryRunStore()) {
  const messages: WorkerToPage[] = [];
  const session = new TrainingSession({
    text: corpus.text,
    store,
    post: (m) => messages.push(m),
    backends: backendChoice(["cpu"]),
    yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
  });
  const latest = (): RunView | null => {
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i];
      if (m.type === "run") return m.run;
    }
    return null;
  };
  const until = async (check: (run: RunView | null) => boolean) => {
    for (let i = 0; i < 2000 && !check(latest()); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    return latest();
  };
  const send = (m: PageToWorker) => session.handle(m);
  return { session, messages, latest, until, send, store };
}

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("a training run", () => {
  it("trains to the end: the loss falls, validation points and a sample appear, and a reload restores it", async () => {
    const store = memoryRunStore();
    const first = harness(store);
    await first.send({ type: "start", settings: SMALL, pieces: {} });
    const done = (await first.until((run) => run?.status === "done"))!;
    expect(done.status).toBe("done");
    expect(done.step).toBe(50);
    expect(done.curve.map((p) => p.step)).toEqual([25, 50]);
    // Below the loss of a uniform guess over the 84 characters.
    expect(done.curve[1].train).toBeLessThan(Math.log(84));
    expect(done.curve[1].validation).toBeLessThan(done.curve[0].validation + 0.5);
    expect(done.samples.at(-1)!.text.startsWith("The ")).toBe(true);
    expect(done.samples.at(-1)!.text.length).toBeGreaterThan(100);

    const second = harness(store);
    await second.session.restore();
    const restored = second.latest()!;
    expect(restored.runId).toBe(done.runId);
    expect(restored.step).toBe(50);
    expect(restored.curve).toEqual(done.curve);

    const reply = new Promise<WorkerToPage>((resolve) => {
      const wait = () => (second.messages.some((m) => m.type === "generated") ? resolve(second.messages.find((m) => m.type === "generated")!) : setTimeout(wait, 5));
      wait();
    });
    await second.send({ type: "generate", requestId: 1, prompt: "The model", length: 20, sampling: { temperature: 0, topK: 0, topP: 1 } });
    const generated = (await reply) as Extract<WorkerToPage, { type: "generated" }>;
    expect(generated.text).toMatch(/^The model.{20}$/s);
  });

  it("pauses and resumes where it stopped", async () => {
    const h = harness();
    await h.send({ type: "start", settings: { ...SMALL, steps: 200 }, pieces: {} });
    await h.until((run) => (run?.step ?? 0) >= 3);
    await h.send({ type: "pause" });
    const paused = (await h.until((run) => run?.status === "paused"))!;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.latest()!.step).toBe(paused.step);
    await h.send({ type: "resume" });
    const later = (await h.until((run) => (run?.step ?? 0) > paused.step + 2))!;
    expect(later.status).toBe("training");
    await h.send({ type: "reset" });
    expect(h.latest()).toBeNull();
  });

  it("stops with a message naming a learner piece that makes the loss NaN", async () => {
    const h = harness();
    const nanSoftmax = `import * as tf from "@tensorflow/tfjs";\nexport function softmax(x: tf.Tensor) { const e = tf.exp(x); return tf.div(e, tf.sub(tf.sum(e, -1, true), tf.sum(e, -1, true))); }`;
    await h.send({ type: "start", settings: SMALL, pieces: { softmax: nanSoftmax } });
    const stopped = (await h.until((run) => run?.status === "stopped"))!;
    expect(stopped.plan.softmax).toEqual({ kind: "yours" });
    expect(stopped.problem?.piece).toBe("softmax");
    expect(stopped.problem?.message).toMatch(/The loss became NaN at step 1\. Your softmax produced NaN or Infinity/);
  });

  it("refuses learner code that does not load, naming the piece", async () => {
    const h = harness();
    await h.send({ type: "start", settings: SMALL, pieces: { "layer-norm": "export function layerNorm( {" } });
    const failed = h.messages.find((m) => m.type === "failed") as Extract<WorkerToPage, { type: "failed" }>;
    expect(failed.message).toMatch(/^Your layer norm did not load: Syntax error/);
    expect(h.latest()).toBeNull();
  });
});
