import { describe, expect, it } from "@jest/globals";
import { formatAgo } from "./format";

describe("formatAgo", () => {
  const now = Date.UTC(2026, 2, 20, 12, 0, 0);
  it("says how long ago, then the date", () => {
    expect(formatAgo(now - 20_000, now)).toBe("just now");
    expect(formatAgo(now - 5 * 60_000, now)).toBe("5 min ago");
    expect(formatAgo(now - 3 * 3600_000, now)).toBe("3 h ago");
    expect(formatAgo(now - 30 * 3600_000, now)).toBe("yesterday");
    expect(formatAgo(now - 4 * 86400_000, now)).toBe("4 days ago");
    expect(formatAgo(Date.UTC(2026, 2, 1), now)).toBe("1 Mar 2026");
  });
});
