/**
 * Sign-in rate limiting, stored in the database so it holds across app instances. Three limits:
 * - one client guessing one account (account and address together): 5 failures a minute;
 * - one address trying many accounts: 20 failures a minute;
 * - one account attacked from many addresses: 30 failures in 15 minutes, a slower backoff that a
 *   third party cannot trigger with a handful of wrong passwords (which would lock the owner out).
 * Check-and-record is atomic for the two account keys: each attempt is recorded as a failure
 * *before* its password is checked, under a per-key lock, so twenty concurrent wrong passwords get
 * five evaluations, not twenty; a right password then withdraws its own record.
 * The address key is checked at the start but recorded only once a password has turned out
 * wrong: reserving it too made every sign-in from one address (a classroom behind one NAT, fifty
 * learners at 9:00) queue on one lock and hold a pool connection meanwhile (3.1 s stalls for
 * everyone, bench/sign-in-load.ts), and counted right passwords still being checked as failures
 * (30 of 50 concurrent correct sign-ins refused). The cost: a burst of concurrent wrong guesses
 * from one address across many accounts can pass that limit by the burst's size, once.
 */
import type { PrismaClient } from "../db/create-client";

export interface Limit {
  max: number;
  windowMs: number;
}

export const LIMITS = {
  accountIp: { max: 5, windowMs: 60_000 },
  ip: { max: 20, windowMs: 60_000 },
  account: { max: 30, windowMs: 15 * 60_000 },
} as const satisfies Record<string, Limit>;

/** The per-account-and-address limit: what a learner mistyping their own password meets. */
export const MAX_FAILURES = LIMITS.accountIp.max;

const normalise = (email: string) => email.trim().toLowerCase();
export const accountKey = (email: string) => `account:${normalise(email)}`;
export const ipKey = (ip: string) => `ip:${ip}`;
export const accountIpKey = (email: string, ip: string) => `account-ip:${normalise(email)}|${ip}`;

export interface AttemptKey {
  key: string;
  limit: Limit;
  /** Recorded before the password is checked (atomic), or only after it failed. */
  reserve: boolean;
}

/** The keys of one sign-in attempt, each with its limit. */
export function attemptKeys(email: string, ip: string): AttemptKey[] {
  return [
    { key: accountIpKey(email, ip), limit: LIMITS.accountIp, reserve: true },
    { key: ipKey(ip), limit: LIMITS.ip, reserve: false },
    { key: accountKey(email), limit: LIMITS.account, reserve: true },
  ];
}

export class RateLimitedError extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    super(`Too many failed sign-in attempts. Please wait ${retryAfterSeconds} seconds and try again.`);
    this.name = "RateLimitedError";
  }
}

type Db = Pick<PrismaClient, "signInFailure">;

/** Throws RateLimitedError if any key has reached its limit within its window. */
export async function assertNotRateLimited(db: Db, keys: Array<{ key: string; limit: Limit }>, now = new Date()): Promise<void> {
  let retryAfterMs = 0;
  for (const { key, limit } of keys) {
    const since = new Date(now.getTime() - limit.windowMs);
    const recent = await db.signInFailure.findMany({ where: { key, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, take: limit.max, select: { createdAt: true } });
    // The oldest failure in the window expires first; that is when one more try is allowed.
    if (recent.length >= limit.max) retryAfterMs = Math.max(retryAfterMs, recent[0].createdAt.getTime() + limit.windowMs - now.getTime());
  }
  if (retryAfterMs > 0) throw new RateLimitedError(Math.max(1, Math.ceil(retryAfterMs / 1000)));
}

/**
 * Atomically: check every key's limit, then record this attempt as a failure on every key that
 * reserves. Returns the ids of the records, to withdraw if the password turns out right.
 */
export async function reserveAttempt(db: PrismaClient, keys: AttemptKey[]): Promise<bigint[]> {
  const reserved = keys.filter((k) => k.reserve);
  return db.$transaction(
    async (tx) => {
      // One lock per reserved key, always taken in the same order (no deadlock between two attempts).
      for (const key of reserved.map((k) => k.key).sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
      await assertNotRateLimited(tx, keys);
      const ids: bigint[] = [];
      for (const { key } of reserved) ids.push((await tx.signInFailure.create({ data: { key }, select: { id: true } })).id);
      return ids;
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
}

/** A wrong password: record it on the keys that were only checked, not reserved. */
export async function recordFailedAttempt(db: PrismaClient, keys: AttemptKey[]): Promise<void> {
  const late = keys.filter((k) => !k.reserve).map((k) => k.key);
  if (late.length) await recordFailure(db, late);
}

/** A right password: withdraw this attempt's records and forget this client's failures on the account. */
export async function withdrawAttempt(db: PrismaClient, ids: bigint[], email: string, ip: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { OR: [{ id: { in: ids } }, { key: accountIpKey(email, ip) }] } });
}

/** Keeps the table small: failures older than the longest window are useless. */
export async function pruneFailures(db: PrismaClient, now = Date.now()): Promise<void> {
  await db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now - LIMITS.account.windowMs) } } });
}

/** Test and seeding helper: record failures on keys directly. */
export async function recordFailure(db: PrismaClient, keys: string[]): Promise<void> {
  await db.signInFailure.createMany({ data: keys.map((key) => ({ key })) });
}

/**
 * The client address for per-IP limits: the LAST X-Forwarded-For entry. In production
 * scripts/serve.ts has replaced the header with the one address derived from the socket and
 * TRUSTED_PROXIES (lib/http/client-address.ts), so no client can choose it. The per-account
 * limit does not depend on this.
 */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers): string {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || get("x-real-ip") || "local";
}
