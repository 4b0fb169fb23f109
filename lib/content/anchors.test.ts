import { describe, expect, it } from "@jest/globals";
import { mapAnchors } from "./anchors";

describe("heading anchors across languages", () => {
  it("gives heading i of a translation the anchor of English heading i", () => {
    const zh = [
      { depth: 2 as const, text: "注意力", id: "注意力" },
      { depth: 3 as const, text: "为什么要除以根号 d", id: "为什么要除以根号-d" },
    ];
    expect(mapAnchors(zh, ["attention", "why-divide-by-d_k"])).toEqual([
      { depth: 2, text: "注意力", id: "attention" },
      { depth: 3, text: "为什么要除以根号 d", id: "why-divide-by-d_k" },
    ]);
  });

  it("keeps the translation's own anchors when the heading counts differ", () => {
    const zh = [{ depth: 2 as const, text: "一", id: "一" }];
    expect(mapAnchors(zh, ["one", "two"])).toEqual(zh);
  });
});
