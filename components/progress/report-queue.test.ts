import { describe, expect, it } from "@jest/globals";
import { fold, ReportQueue, type QueuedReport } from "./report-queue";

/** A send function whose requests the test finishes by hand. */
function controlledSend() {
  const calls: { report: QueuedReport; keepalive: boolean; done: () => void }[] = [];
  const send = (report: QueuedReport, { keepalive }: { keepalive: boolean }) =>
    new Promise<void>((resolve) => {
      calls.push({ report, keepalive, done: resolve });
    });
  return { calls, send };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("fold", () => {
  it("keeps the latest section, any completion and the largest time of one visit", () => {
    expect(fold({ section: "a", time: { visitId: "v1", seconds: 30 } }, { section: "b", complete: true, time: { visitId: "v1", seconds: 20 } })).toEqual({
      section: "b",
      complete: true,
      time: { visitId: "v1", seconds: 30 },
    });
    expect(fold({ complete: true, section: "a" }, {})).toEqual({ complete: true, section: "a" });
  });

  it("does not fold the times of two different visits", () => {
    expect(fold({ time: { visitId: "v1", seconds: 30 } }, { time: { visitId: "v2", seconds: 5 } })).toBeNull();
  });
});

describe("ReportQueue", () => {
  it("sends one report at a time, in order, folding what piles up behind a slow request", async () => {
    const { calls, send } = controlledSend();
    const queue = new ReportQueue(send);
    void queue.push({});
    void queue.push({ section: "one" });
    void queue.push({ section: "two" });
    void queue.push({ section: "three", time: { visitId: "v1", seconds: 30 } });
    await tick();
    expect(calls.map((c) => c.report)).toEqual([{}]);
    calls[0].done();
    await tick();
    // The three waiting reports left as one, with the newest section.
    expect(calls.map((c) => c.report)).toEqual([{}, { section: "three", time: { visitId: "v1", seconds: 30 } }]);
    expect(queue.idle).toBe(false);
    calls[1].done();
    await tick();
    expect(queue.idle).toBe(true);
    // Idle again: the next report goes at once.
    void queue.push({ complete: true });
    await tick();
    expect(calls).toHaveLength(3);
  });

  it("sends everything at once when the page is closing", async () => {
    const { calls, send } = controlledSend();
    const queue = new ReportQueue(send);
    void queue.push({ section: "one" });
    void queue.push({ time: { visitId: "v1", seconds: 10 } });
    void queue.push({ time: { visitId: "v2", seconds: 3 } }, { keepalive: true });
    await tick();
    expect(calls.map((c) => [c.report, c.keepalive])).toEqual([
      [{ section: "one" }, false],
      [{ time: { visitId: "v1", seconds: 10 } }, true],
      [{ time: { visitId: "v2", seconds: 3 } }, true],
    ]);
  });

  it("carries on after a failed send", async () => {
    const sent: QueuedReport[] = [];
    let fail = true;
    const queue = new ReportQueue(async (report) => {
      sent.push(report);
      if (fail) {
        fail = false;
        throw new Error("offline");
      }
    });
    await expect(queue.push({ section: "a" })).rejects.toThrow("offline");
    await queue.push({ section: "b" });
    expect(sent).toEqual([{ section: "a" }, { section: "b" }]);
    expect(queue.idle).toBe(true);
  });
});
