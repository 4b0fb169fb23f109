import { describe, expect, it } from "@jest/globals";
import { hashPassword, verifyPassword, verifyPasswordOrDummy } from "./password";

describe("password hashing", () => {
  it("stores a salted bcrypt hash, never the password", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^\$2[aby]\$10\$/);
    expect(a).not.toContain("correct horse");
    expect(a).not.toBe(b); // a fresh salt each time
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batteRy", hash)).toBe(false);
  });

  it("rejects any password for an account without a hash (and still does the work)", async () => {
    expect(await verifyPasswordOrDummy("anything", null)).toBe(false);
    expect(await verifyPasswordOrDummy("anything", undefined)).toBe(false);
  });
});
