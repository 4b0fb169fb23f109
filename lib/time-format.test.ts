import { describe, expect, it } from "@jest/globals";
import { formatAgo, formatDay, formatLongDay } from "./time-format";

const at = Date.UTC(2026, 2, 12, 9, 30);

describe("dates for the page's language", () => {
  it("writes calendar days the English and the Chinese way", () => {
    expect(formatDay(at)).toBe("12 Mar 2026");
    expect(formatDay(at, "zh")).toBe("2026年3月12日");
    expect(formatLongDay(at, "en")).toBe("12 March 2026");
    expect(formatLongDay(at, "zh")).toBe("2026年3月12日");
  });

  it("says how long ago in either language", () => {
    const minute = 60_000;
    expect(formatAgo(at, at + 5 * minute)).toBe("5 min ago");
    expect(formatAgo(at, at + 5 * minute, 30, "zh")).toBe("5分钟前");
    expect(formatAgo(at, at + 24 * 60 * minute, 30, "zh")).toBe("昨天");
    expect(formatAgo(at, at + 10 * 1000, 30, "zh")).toBe("刚刚");
    expect(formatAgo(null, at, 30, "zh")).toBe("从未");
    expect(formatAgo(at, at + 40 * 24 * 60 * minute, 30, "zh")).toBe("2026年3月12日");
  });
});
