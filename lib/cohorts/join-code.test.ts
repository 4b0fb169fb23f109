import { describe, expect, it } from "@jest/globals";
import {
  formatJoinCode,
  generateJoinCode,
  isWellFormedJoinCode,
  JOIN_CODE_ALPHABET,
  joinPath,
  normalizeJoinCode,
} from "./join-code";

describe("join codes", () => {
  it("are 8 characters from an alphabet without look-alikes", () => {
    for (const ch of "0O1IL") expect(JOIN_CODE_ALPHABET).not.toContain(ch);
    const codes = Array.from({ length: 500 }, () => generateJoinCode());
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z2-9]{8}$/);
      expect(isWellFormedJoinCode(code)).toBe(true);
    }
    // 500 draws from 8.5e11 codes: a repeat would mean the generator is broken.
    expect(new Set(codes).size).toBe(500);
  });

  it("use every position of the alphabet (the RNG is applied per character)", () => {
    let i = 0;
    const sequence = (max: number) => i++ % max;
    expect(generateJoinCode(sequence)).toBe(JOIN_CODE_ALPHABET.slice(0, 8));
  });

  it("accept what people type: case, spaces and dashes do not matter", () => {
    expect(normalizeJoinCode(" k7qx-m3pa ")).toBe("K7QXM3PA");
    expect(normalizeJoinCode("K7QX M3PA")).toBe("K7QXM3PA");
    expect(normalizeJoinCode("ｋ７ｑｘ－ｍ３ｐａ")).toBe("K7QXM3PA"); // full-width input from an IME
    expect(isWellFormedJoinCode(normalizeJoinCode("k7qx-m3pa"))).toBe(true);
  });

  it("reject codes of the wrong length or with characters outside the alphabet", () => {
    expect(isWellFormedJoinCode("K7QXM3P")).toBe(false);
    expect(isWellFormedJoinCode("K7QXM3PAA")).toBe(false);
    expect(isWellFormedJoinCode("K7QXM3P0")).toBe(false);
    expect(isWellFormedJoinCode("K7QXM3P!")).toBe(false);
  });

  it("are shown in two groups of four and linked as /join/<code>", () => {
    expect(formatJoinCode("K7QXM3PA")).toBe("K7QX-M3PA");
    expect(joinPath("K7QXM3PA")).toBe("/join/K7QX-M3PA");
    expect(formatJoinCode("short")).toBe("short");
  });
});
