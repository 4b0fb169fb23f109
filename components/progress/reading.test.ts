import { describe, expect, it } from "@jest/globals";
import { currentSection, IDLE_AFTER_MS, ReadingClock, throttleLatest } from "./reading";

describe("currentSection", () => {
  const headings = [
    { id: "intro", top: -900 },
    { id: "scores", top: -200 },
    { id: "scaling", top: 250 },
    { id: "masks", top: 700 },
  ];

  it("is the last heading above the reading line (30% down the viewport)", () => {
    expect(currentSection(headings, 900, false)).toBe("scaling"); // 250 <= 270
    expect(currentSection(headings, 800, false)).toBe("scores"); // 250 > 240
  });

  it("is null above the first heading, and the last heading on screen at the very bottom", () => {
    expect(currentSection([{ id: "intro", top: 400 }], 900, false)).toBeNull();
    expect(currentSection(headings, 900, true)).toBe("masks");
  });
});

describe("ReadingClock", () => {
  it("counts visible seconds only", () => {
    const clock = new ReadingClock(0);
    clock.tick(1000, true);
    clock.tick(2000, true);
    clock.tick(60_000, false); // hidden for 58 s
    clock.tick(61_000, true);
    expect(clock.seconds).toBe(3);
  });

  it("stops counting when the reader goes idle, and starts again on input", () => {
    const clock = new ReadingClock(0);
    clock.tick(IDLE_AFTER_MS + 60_000, true); // one long stretch with no input
    expect(clock.seconds).toBe(IDLE_AFTER_MS / 1000);
    clock.interaction(IDLE_AFTER_MS + 60_000);
    clock.tick(IDLE_AFTER_MS + 70_000, true);
    expect(clock.seconds).toBe(IDLE_AFTER_MS / 1000 + 10);
  });

  it("hands out each second once for reports", () => {
    const clock = new ReadingClock(0);
    clock.tick(30_500, true);
    expect(clock.takeNew()).toBe(30);
    expect(clock.takeNew()).toBe(0);
    clock.tick(45_000, true);
    expect(clock.takeNew()).toBe(15);
    expect(clock.seconds).toBe(45);
  });
});

describe("throttleLatest", () => {
  function fakeClock() {
    let now = 0;
    const timers: { at: number; cb: () => void; id: number }[] = [];
    let nextId = 1;
    return {
      now: () => now,
      setTimeout: (cb: () => void, ms: number) => {
        const id = nextId++;
        timers.push({ at: now + ms, cb, id });
        return id;
      },
      clearTimeout: (id: unknown) => {
        const i = timers.findIndex((t) => t.id === id);
        if (i >= 0) timers.splice(i, 1);
      },
      advance(ms: number) {
        now += ms;
        for (const t of timers.filter((t) => t.at <= now)) {
          timers.splice(timers.indexOf(t), 1);
          t.cb();
        }
      },
    };
  }

  it("runs at once, then at most once per interval with the latest value; flush runs what waits", () => {
    const clock = fakeClock();
    const seen: string[] = [];
    const t = throttleLatest<string>((v) => seen.push(v), 2000, clock);
    t.call("a");
    t.call("b");
    t.call("c");
    expect(seen).toEqual(["a"]);
    clock.advance(1999);
    expect(seen).toEqual(["a"]);
    clock.advance(1);
    expect(seen).toEqual(["a", "c"]);
    t.call("d");
    t.flush();
    expect(seen).toEqual(["a", "c", "d"]);
    t.flush();
    clock.advance(5000);
    expect(seen).toEqual(["a", "c", "d"]);
  });
});
