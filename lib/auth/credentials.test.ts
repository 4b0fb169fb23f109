/** Sign-in checks against a real database: passwords, the rate limit per account and per IP. */
import { beforeAll, describe, expect, it } from "@jest/globals";
import bcrypt from "bcryptjs";
import { setUpTestDatabase } from "../../tests/support/test-db";
import { signUp } from "../accounts/sign-up";
import { checkCredentials, InvalidCredentialsError } from "./credentials";
import { hashPassword } from "./password";
import { accountIpKey, accountKey, ipKey, assertNotRateLimited, clientIp, LIMITS, MAX_FAILURES, RateLimitedError, recordFailure } from "./rate-limit";

const t = setUpTestDatabase();

describe("sign-up", () => {
  it("creates a learner with a hashed password and a normalised email", async () => {
    const user = await signUp(t.db, { name: " Ana ", email: "Ana@Example.COM", password: "quiet-meadow-lantern" });
    expect(user).toMatchObject({ name: "Ana", email: "ana@example.com", role: "LEARNER" });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("explains what is wrong with bad input", async () => {
    await expect(signUp(t.db, { name: "", email: "nope", password: "short" })).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ message: "Enter your name." }),
        expect.objectContaining({ message: "Enter a valid email address." }),
        expect.objectContaining({ message: "Use at least 12 characters for your password (a few unrelated words make a good one)." }),
      ]),
    });
  });

  it("refuses a second account for the same email, even when two race", async () => {
    const input = { name: "Bo", email: "bo@example.com", password: "quiet-meadow-lantern" };
    const results = await Promise.allSettled([signUp(t.db, input), signUp(t.db, input), signUp(t.db, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    }
    expect(await t.db.user.count({ where: { email: "bo@example.com" } })).toBe(1);
  });
});

describe("sign-in", () => {
  beforeAll(async () => {
    await signUp(t.db, { name: "Cy", email: "cy@example.com", password: "amber-river-compass" });
  });

  it("returns the user for the right password, with role", async () => {
    const user = await checkCredentials(t.db, { email: "CY@example.com", password: "amber-river-compass" }, "10.0.0.1");
    expect(user).toMatchObject({ email: "cy@example.com", name: "Cy", role: "LEARNER" });
  });

  it("gives the same message for a wrong password and an unknown email", async () => {
    await expect(checkCredentials(t.db, { email: "cy@example.com", password: "wrong" }, "10.0.0.2")).rejects.toThrow(InvalidCredentialsError);
    await expect(checkCredentials(t.db, { email: "nobody@example.com", password: "wrong" }, "10.0.0.2")).rejects.toThrow(
      "That email and password do not match an account.",
    );
  });

  it("stops a client guessing one account after 5 failures a minute, even with the right password", async () => {
    await signUp(t.db, { name: "Di", email: "di@example.com", password: "amber-river-compass" });
    for (let i = 0; i < MAX_FAILURES; i++) {
      await expect(checkCredentials(t.db, { email: "di@example.com", password: "wrong" }, "10.1.0.1")).rejects.toThrow(InvalidCredentialsError);
    }
    await expect(checkCredentials(t.db, { email: "di@example.com", password: "amber-river-compass" }, "10.1.0.1")).rejects.toThrow(
      /Too many failed sign-in attempts. Please wait \d+ seconds/,
    );
  });

  it("does not let a third party lock the owner out: wrong passwords from other addresses leave the owner's sign-in open", async () => {
    await signUp(t.db, { name: "Fa", email: "fa@example.com", password: "amber-river-compass" });
    for (let i = 0; i < MAX_FAILURES + 3; i++) {
      await expect(checkCredentials(t.db, { email: "fa@example.com", password: "wrong" }, `10.4.0.${i}`)).rejects.toThrow(InvalidCredentialsError);
    }
    await expect(checkCredentials(t.db, { email: "fa@example.com", password: "amber-river-compass" }, "10.9.9.9")).resolves.toMatchObject({ email: "fa@example.com" });
  });

  it("slows an account attacked from many addresses: 30 failures in 15 minutes block it everywhere", async () => {
    await signUp(t.db, { name: "Ga", email: "ga@example.com", password: "amber-river-compass" });
    await recordFailure(t.db, Array(LIMITS.account.max).fill(accountKey("ga@example.com")));
    await expect(checkCredentials(t.db, { email: "ga@example.com", password: "amber-river-compass" }, "10.5.5.5")).rejects.toThrow(RateLimitedError);
  });

  it("blocks an address after 20 failures a minute across accounts, and no other address", async () => {
    await signUp(t.db, { name: "Ed", email: "ed@example.com", password: "amber-river-compass" });
    for (let i = 0; i < LIMITS.ip.max; i++) {
      await expect(checkCredentials(t.db, { email: `guess${i}@example.com`, password: "x" }, "10.2.2.2")).rejects.toThrow(InvalidCredentialsError);
    }
    await expect(checkCredentials(t.db, { email: "ed@example.com", password: "amber-river-compass" }, "10.2.2.2")).rejects.toThrow(RateLimitedError);
    await expect(checkCredentials(t.db, { email: "ed@example.com", password: "amber-river-compass" }, "10.3.3.3")).resolves.toMatchObject({ email: "ed@example.com" });
  });

  it("checks and records atomically: of 20 concurrent wrong passwords only 5 are evaluated", async () => {
    await signUp(t.db, { name: "Ha", email: "ha@example.com", password: "amber-river-compass" });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => checkCredentials(t.db, { email: "ha@example.com", password: "wrong" }, "10.6.6.6")),
    );
    const reasons = results.map((r) => (r.status === "rejected" ? (r.reason as Error).name : "fulfilled"));
    expect(reasons.filter((n) => n === "InvalidCredentialsError")).toHaveLength(MAX_FAILURES);
    expect(reasons.filter((n) => n === "RateLimitedError")).toHaveLength(20 - MAX_FAILURES);
  }, 60_000);

  it("a classroom behind one address signs in at once: 30 concurrent right passwords all succeed", async () => {
    const emails = Array.from({ length: 30 }, (_, i) => `class${i}@example.com`);
    await t.db.user.createMany({ data: emails.map((email) => ({ email, name: "Class", passwordHash: null })) });
    const hash = await hashPassword("amber-river-compass");
    await t.db.user.updateMany({ where: { email: { in: emails } }, data: { passwordHash: hash } });
    const results = await Promise.allSettled(emails.map((email) => checkCredentials(t.db, { email, password: "amber-river-compass" }, "10.12.0.1")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(30);
    // Nothing was left behind as a failure on the shared address.
    expect(await t.db.signInFailure.count({ where: { key: ipKey("10.12.0.1") } })).toBe(0);
  }, 60_000);

  it("a right password withdraws its own record and forgets this client's failures", async () => {
    await signUp(t.db, { name: "Ia", email: "ia@example.com", password: "amber-river-compass" });
    await expect(checkCredentials(t.db, { email: "ia@example.com", password: "wrong" }, "10.7.7.7")).rejects.toThrow(InvalidCredentialsError);
    await checkCredentials(t.db, { email: "ia@example.com", password: "amber-river-compass" }, "10.7.7.7");
    expect(await t.db.signInFailure.count({ where: { key: accountIpKey("ia@example.com", "10.7.7.7") } })).toBe(0);
    // The account's own count keeps the one real failure: it feeds the slower backoff.
    expect(await t.db.signInFailure.count({ where: { key: accountKey("ia@example.com") } })).toBe(1);
  });

  it("lets the client in again once the minute has passed", async () => {
    const keys = [{ key: accountIpKey("ja@example.com", "10.8.8.8"), limit: LIMITS.accountIp }];
    await recordFailure(t.db, Array(MAX_FAILURES).fill(keys[0].key));
    const now = new Date();
    await expect(assertNotRateLimited(t.db, keys, now)).rejects.toThrow(RateLimitedError);
    await expect(assertNotRateLimited(t.db, keys, new Date(now.getTime() + 61_000))).resolves.toBeUndefined();
  });
});

describe("older password hashes", () => {
  it("a bcrypt account signs in with its password and is rehashed with argon2id; the old hash is gone", async () => {
    const legacy = await bcrypt.hash("an older passphrase 7", 4);
    await t.db.user.create({ data: { name: "Ol", email: "ol@example.com", passwordHash: legacy } });
    await expect(checkCredentials(t.db, { email: "ol@example.com", password: "an older passphrase 7" }, "10.11.0.1")).resolves.toMatchObject({ email: "ol@example.com" });
    const stored = await t.db.user.findUniqueOrThrow({ where: { email: "ol@example.com" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(checkCredentials(t.db, { email: "ol@example.com", password: "an older passphrase 7" }, "10.11.0.1")).resolves.toMatchObject({ email: "ol@example.com" });
    await expect(checkCredentials(t.db, { email: "ol@example.com", password: "an older passphrase 8" }, "10.11.0.1")).rejects.toThrow(InvalidCredentialsError);
  });
});

describe("password policy at sign-up", () => {
  it.each(["12345678", "password", "        ", "password123456"])("refuses %j with a 422 that says why", async (password) => {
    await expect(signUp(t.db, { name: "Weak", email: `weak-${password.length}@example.com`, password })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["password"], message: expect.stringMatching(/at least 12 characters|commonly used|too few characters/) })],
    });
  });
});

describe("client address", () => {
  it("uses the entry the nearest proxy added to X-Forwarded-For (the last), then X-Real-IP", () => {
    expect(clientIp({ "x-forwarded-for": "198.51.100.1, 203.0.113.7" })).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-real-ip": "203.0.113.8" }))).toBe("203.0.113.8");
    expect(clientIp({})).toBe("local");
  });
});
