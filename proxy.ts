import type { NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

const negotiateLocale = createMiddleware(routing);
const LOOPBACK = /^(127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * Locale routing (decision 026): /zh/... is Chinese; an unprefixed path is English unless the
 * reader's cookie or (on a first visit) Accept-Language asks for Chinese, in which case it
 * redirects to /zh/.... API routes, Next's assets and files with an extension never pass here.
 */
export default function proxy(request: NextRequest) {
  const response = negotiateLocale(request);
  // next-intl rewrites English paths to /en/... with an absolute URL built from the request's
  // URL. Started with `-H 127.0.0.1` (the e2e tests, the benches), Next hands the proxy a
  // localhost URL but compares rewrites with 127.0.0.1: the rewrite then looks external, Next
  // proxies it to itself and /en/... redirects back, a loop. Spell the host the way the client did.
  const rewrite = response.headers.get("x-middleware-rewrite");
  const host = request.headers.get("host");
  if (rewrite && host && LOOPBACK.test(host)) {
    const target = new URL(rewrite);
    if (target.hostname === "localhost") {
      target.host = host;
      response.headers.set("x-middleware-rewrite", target.toString());
    }
  }
  return response;
}

export const config = {
  matcher: "/((?!api|_next|.*\\..*).*)",
};
