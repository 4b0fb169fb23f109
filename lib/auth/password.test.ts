import { describe, expect, it } from "@jest/globals";
import bcrypt from "bcryptjs";
import { checkPassword, checkPasswordOrDummy, hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-policy";

describe("password hashing", () => {
  it("stores a salted argon2id hash, never the password", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toContain("correct horse");
    expect(a).not.toBe(b); // a fresh salt each time
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batteRy", hash)).toBe(false);
  });

  it("reads every character: a long multibyte password does not match one sharing its first 72 bytes", async () => {
    const mine = "密码".repeat(20); // 40 characters, 120 UTF-8 bytes
    const hash = await hashPassword(mine);
    expect(await verifyPassword(mine, hash)).toBe(true);
    expect(await verifyPassword(`${"密码".repeat(12)}something else entirely`, hash)).toBe(false);
  });

  it("still accepts an older bcrypt hash, asks for a rehash, and refuses past bcrypt's 72 bytes", async () => {
    const legacy = await bcrypt.hash("an older passphrase", 4);
    expect(await checkPassword("an older passphrase", legacy)).toEqual({ ok: true, needsRehash: true });
    expect(await checkPassword("an older passphrasf", legacy)).toEqual({ ok: false, needsRehash: false });
    const long = "密码".repeat(20);
    const truncated = await bcrypt.hash(long, 4);
    // bcrypt itself would say yes to another password with the same first 72 bytes; we say no.
    expect(await bcrypt.compare(`${"密码".repeat(12)}x`, truncated)).toBe(true);
    expect(await checkPassword(`${"密码".repeat(12)}x`, truncated)).toEqual({ ok: false, needsRehash: false });
  });

  it("rejects any password for an account without a hash (and still does the work)", async () => {
    expect(await checkPasswordOrDummy("anything", null)).toEqual({ ok: false, needsRehash: false });
    expect(await checkPasswordOrDummy("anything", undefined)).toEqual({ ok: false, needsRehash: false });
    expect(await checkPassword("anything", "not a hash")).toEqual({ ok: false, needsRehash: false });
  });
});

describe("password policy", () => {
  it.each([
    ["12345678", /at least 12 characters/],
    ["password", /at least 12 characters/],
    [" ".repeat(8), /at least 12 characters/],
    [" ".repeat(16), /too few characters/],
    ["aaaaaaaaaaaaaaaa", /too few characters/],
    ["123456789012", /sequence|digits/],
    ["qwertyuiopasdf", /sequence/],
    ["password2024!!", /most commonly used/],
    ["Password123456", /most commonly used/],
    ["!!iloveyou!!2026", /most commonly used/],
    ["correct horse battery staple", /most commonly used/],
    ["482913750264", /only digits/],
  ])("refuses %j with a message", (password, message) => {
    expect(passwordProblem(password)).toMatch(message);
  });

  it("refuses the account's own email or name, and accepts a passphrase", () => {
    expect(passwordProblem("nia.okafor2026", { email: "nia.okafor@example.org" })).toMatch(/email/);
    expect(passwordProblem("Grace Hopper 1906", { name: "Grace Hopper" })).toMatch(/name/);
    expect(passwordProblem("violet-harbour-lantern-42", { email: "nia@example.org", name: "Nia" })).toBeNull();
    expect(passwordProblem("learner-demo-1")).toBeNull();
  });
});
