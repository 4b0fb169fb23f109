/**
 * The page side of the grader: the time limit starts when learner code starts, a stopped run
 * terminates its worker and the next run gets a fresh one, and stale or forged answers are ignored.
 * A fake worker and fake timers stand in for the browser.
 */
import { describe, expect, it } from "@jest/globals";
import type { GradeReport } from "../types";
import { GraderClient, formatSeconds, timeLimitMessage, type RunOutcome, type WorkerLike } from "./grader-client";
import type { PageToWorker, WorkerToPage } from "./protocol";
import { RESULT_MARK, type RunTimingsDetail, type WorkerRunTimings } from "./run-timings";

class FakeWorker implements WorkerLike {
  onmessage: WorkerLike["onmessage"] = null;
  onerror: WorkerLike["onerror"] = null;
  onmessageerror: WorkerLike["onmessageerror"] = null;
  received: PageToWorker[] = [];
  terminated = false;
  postMessage(message: PageToWorker) {
    this.received.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  send(message: WorkerToPage) {
    this.onmessage?.({ data: message } as MessageEvent<WorkerToPage>);
  }
  get lastRunId() {
    const last = this.received[this.received.length - 1];
    return last.type === "run" ? last.runId : undefined;
  }
}

/** Timers advanced by hand. */
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimer: (fn: () => void, ms: number) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now && timers.has(id)) {
          timers.delete(id);
          timer.fn();
        }
      }
    },
    pending: () => timers.size,
  };
}

const report = (passed: boolean): GradeReport => ({
  exercise: "softmax",
  passed,
  tests: [{ name: "a test", status: passed ? "pass" : "fail", message: passed ? undefined : "wrong" }],
  durationMs: 3,
});

function setup(timeLimitMs = 5000) {
  const clock = fakeClock();
  const workers: FakeWorker[] = [];
  let ids = 0;
  const client = new GraderClient({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    timeLimitMs,
    startLimitMs: 120_000,
    newRunId: () => `run-${++ids}`,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  });
  return { client, clock, workers };
}

function track(promise: Promise<RunOutcome>) {
  const state: { outcome?: RunOutcome } = {};
  void promise.then((o) => (state.outcome = o));
  return state;
}

const flush = () => new Promise((r) => setImmediate(r));

describe("GraderClient", () => {
  it("sends the run and resolves with the worker's report", async () => {
    const { client, workers } = setup();
    const promise = client.run("softmax", "export function softmax() {}");
    const worker = workers[0];
    expect(worker.received).toEqual([{ type: "run", runId: "run-1", exerciseId: "softmax", source: "export function softmax() {}" }]);
    worker.send({ type: "started", runId: "run-1", testsTotal: 12 });
    worker.send({ type: "result", runId: "run-1", report: report(true), testsTotal: 12 });
    expect(await promise).toEqual({ kind: "report", report: report(true), testsTotal: 12 });
    expect(client.busy).toBe(false);
  });

  it("loading time does not count: the limit starts when the worker says learner code starts", async () => {
    const { client, clock, workers } = setup(5000);
    let started = 0;
    const state = track(client.run("softmax", "src", () => started++));
    clock.advance(100_000); // tfjs and the spec loading slowly
    await flush();
    expect(state.outcome).toBeUndefined();
    expect(started).toBe(0);
    workers[0].send({ type: "started", runId: "run-1", testsTotal: 12 });
    expect(started).toBe(1);
    clock.advance(4999);
    await flush();
    expect(state.outcome).toBeUndefined();
    clock.advance(1);
    await flush();
    expect(state.outcome).toEqual({ kind: "timeout", limitMs: 5000, message: "Stopped after 5 s: is there a loop that never ends?", testsTotal: 12 });
    expect(workers[0].terminated).toBe(true);
  });

  it("after a stopped run, the next run starts a fresh worker", async () => {
    const { client, clock, workers } = setup(5000);
    const first = client.run("softmax", "while (true) {}");
    workers[0].send({ type: "started", runId: "run-1", testsTotal: 12 });
    clock.advance(5000);
    expect((await first).kind).toBe("timeout");

    const second = client.run("softmax", "fixed");
    expect(workers).toHaveLength(2);
    expect(client.workersCreated).toBe(2);
    // A late message from the stopped worker is ignored.
    workers[0].send({ type: "result", runId: "run-1", report: report(true), testsTotal: 1 });
    workers[1].send({ type: "started", runId: "run-2", testsTotal: 12 });
    workers[1].send({ type: "result", runId: "run-2", report: report(false), testsTotal: 1 });
    expect(await second).toMatchObject({ kind: "report", report: { passed: false } });
    expect(clock.pending()).toBe(0);
  });

  it("reuses a healthy worker between runs", async () => {
    const { client, workers } = setup();
    for (let i = 1; i <= 3; i++) {
      const promise = client.run("softmax", `v${i}`);
      workers[0].send({ type: "started", runId: `run-${i}`, testsTotal: 1 });
      workers[0].send({ type: "result", runId: `run-${i}`, report: report(true), testsTotal: 1 });
      await promise;
    }
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
  });

  it("ignores answers for another run id (a forged or stale message cannot settle a run)", async () => {
    const { client, workers } = setup();
    const state = track(client.run("softmax", "src"));
    workers[0].send({ type: "result", runId: "someone-else", report: report(true), testsTotal: 1 });
    await flush();
    expect(state.outcome).toBeUndefined();
    workers[0].send({ type: "result", runId: "run-1", report: report(false), testsTotal: 1 });
    await flush();
    expect(state.outcome).toMatchObject({ kind: "report", report: { passed: false } });
  });

  it("a grader that fails to start or crashes is reported as such, and replaced next time", async () => {
    const { client, clock, workers } = setup();
    const failed = client.run("softmax", "src");
    workers[0].send({ type: "failed", runId: "run-1", message: "The grader could not start: no spec" });
    expect(await failed).toEqual({ kind: "crashed", message: "The grader could not start: no spec" });

    const crashed = client.run("softmax", "src");
    workers[1].onerror?.({ message: "Uncaught SyntaxError", preventDefault() {} } as ErrorEvent);
    expect(await crashed).toEqual({ kind: "crashed", message: "The grader stopped unexpectedly: Uncaught SyntaxError." });

    const stuck = client.run("softmax", "src");
    clock.advance(120_000);
    expect(await stuck).toMatchObject({ kind: "crashed", message: expect.stringContaining("did not start within 120 s") });
    expect(workers.map((w) => w.terminated)).toEqual([true, true, true]);
  });

  it("leaves the page's and the worker's timings of a run as a User Timing mark", async () => {
    const { client, workers } = setup();
    performance.clearMarks(RESULT_MARK);
    const promise = client.run("softmax", "src");
    const worker: WorkerRunTimings = { receivedAt: 1, queuedMs: 0, loadMs: 2, hardenMs: 4, compileMs: 5, testsMs: 6, harnessMs: 7, postedAt: 8 };
    workers[0].send({ type: "started", runId: "run-1", testsTotal: 1 });
    workers[0].send({ type: "result", runId: "run-1", report: report(true), testsTotal: 1, timings: worker });
    await promise;
    const marks = performance.getEntriesByName(RESULT_MARK) as PerformanceMark[];
    expect(marks).toHaveLength(1);
    const detail = marks[0].detail as RunTimingsDetail;
    expect(detail).toMatchObject({ exerciseId: "softmax", worker, page: { timeOrigin: performance.timeOrigin } });
    const { calledAt, postedAt, startedAt, resultAt } = detail.page;
    expect(calledAt).toBeLessThanOrEqual(postedAt);
    expect(postedAt).toBeLessThanOrEqual(startedAt!);
    expect(startedAt).toBeLessThanOrEqual(resultAt);
  });

  it("prepare starts the worker before the first run, which then goes to the same worker", async () => {
    const { client, workers } = setup();
    client.prepare("softmax", "zh");
    expect(workers).toHaveLength(1);
    expect(workers[0].received).toEqual([{ type: "prepare", exerciseId: "softmax", locale: "zh" }]);
    const promise = client.run("softmax", "src");
    expect(workers).toHaveLength(1);
    workers[0].send({ type: "started", runId: "run-1", testsTotal: 1 });
    workers[0].send({ type: "result", runId: "run-1", report: report(true), testsTotal: 1 });
    expect(await promise).toMatchObject({ kind: "report" });
    expect(client.workersCreated).toBe(1);
  });

  it("refuses a second run while one is in progress", async () => {
    const { client } = setup();
    void client.run("softmax", "a");
    await expect(client.run("softmax", "b")).rejects.toThrow("already in progress");
  });

  it("formats limits in seconds", () => {
    expect(formatSeconds(5000)).toBe("5 s");
    expect(formatSeconds(2500)).toBe("2.5 s");
    expect(timeLimitMessage(10_000)).toBe("Stopped after 10 s: is there a loop that never ends?");
  });
});
