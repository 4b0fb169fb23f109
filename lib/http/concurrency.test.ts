import { describe, expect, it } from "@jest/globals";
import { concurrencyLimit } from "./concurrency";

describe("concurrencyLimit", () => {
  it("runs at most max tasks at once, all of them, in arrival order, and survives a failing task", async () => {
    const limit = concurrencyLimit(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) => () => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      return new Promise<number>((resolve, reject) =>
        setTimeout(() => {
          running--;
          if (i === 3) reject(new Error("task 3 failed"));
          else resolve(i);
        }, 5),
      );
    };
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => limit(task(i))));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : "failed"))).toEqual([0, 1, 2, "failed", 4, 5, 6, 7]);
    // The slots were all given back: two new tasks start at once.
    running = 0;
    most = 0;
    await Promise.all([limit(task(10)), limit(task(11))]);
    expect(most).toBe(2);
  });
});
