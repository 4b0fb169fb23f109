/**
 * Who is on the other end of a request, for the per-address sign-in limits. A client can send any
 * X-Forwarded-For it likes; only the entries added by proxies we run can be believed. With
 * TRUSTED_PROXIES = n, the chain is the header's entries followed by the socket's address, and
 * the client is the entry n places from the end (0: the socket itself; 1: what the one proxy in
 * front saw). scripts/serve.ts rewrites the header to that one address before Next.js sees it,
 * so lib/auth/rate-limit.ts's clientIp() reads a value nobody outside can choose.
 * Framework-free (tested directly).
 */

/** "::ffff:203.0.113.7" (IPv4 on an IPv6 socket) -> "203.0.113.7". */
const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: number): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const forwarded = header.split(",").map((entry) => entry.trim()).filter(Boolean);
  const chain = [...forwarded, socketAddress ?? "unknown"].map(plain);
  // More trusted hops than entries: the request came through fewer proxies than configured; the
  // first entry is then the farthest one we have.
  return chain[Math.max(0, chain.length - 1 - trustedProxies)];
}

/** Headers only a proxy we trust may set; from a direct client they are forgeries. */
export const PROXY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"] as const;
