/**
 * Sign-in rate limiting: at most 5 failures a minute per account and per IP address.
 * Failures are stored in the database so the limit holds across app instances.
 */
import type { PrismaClient } from "../db/create-client";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 60_000;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export class RateLimitedError extends Error {
  constructor(public readonly retryAfterSeconds: number) {
    super(`Too many failed sign-in attempts. Please wait ${retryAfterSeconds} seconds and try again.`);
    this.name = "RateLimitedError";
  }
}

/** Throws RateLimitedError if any key has reached the limit within the window. */
export async function assertNotRateLimited(db: PrismaClient, keys: string[], now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const rows = await db.signInFailure.groupBy({
    by: ["key"],
    where: { key: { in: keys }, createdAt: { gt: since } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  const blocked = rows.filter((row) => row._count._all >= MAX_FAILURES);
  if (blocked.length === 0) return;
  // The oldest failure in the window expires first; that is when one more try is allowed.
  const oldest = Math.min(...blocked.map((row) => row._min.createdAt!.getTime()));
  throw new RateLimitedError(Math.max(1, Math.ceil((oldest + WINDOW_MS - now.getTime()) / 1000)));
}

export async function recordFailure(db: PrismaClient, keys: string[]): Promise<void> {
  await db.signInFailure.createMany({ data: keys.map((key) => ({ key })) });
  // Keep the table small: failures older than a window are useless.
  await db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 10 * WINDOW_MS) } } });
}

export async function clearFailures(db: PrismaClient, email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: accountKey(email) } });
}

/**
 * The client address for per-IP limits: the LAST X-Forwarded-For entry, i.e. the one added by the
 * nearest proxy (a load balancer appends the address it saw; without a proxy, Next.js sets the
 * header from the socket). Earlier entries are client-controlled and ignored. The per-account
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
