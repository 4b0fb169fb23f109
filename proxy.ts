import type { NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

const negotiateLocale = createMiddleware(routing);

/**
 * Locale routing (decision 026): /zh/... is Chinese; an unprefixed path is English unless the
 * reader's cookie or (on a first visit) Accept-Language asks for Chinese, in which case it
 * redirects to /zh/.... API routes, Next's assets and files with an extension never pass here.
 */
export default function proxy(request: NextRequest) {
  const response = negotiateLocale(request);
  // next-intl rewrites to an absolute URL built from the request's URL, whose host Next may
  // spell differently from the one it listens on (localhost vs 127.0.0.1); Next then treats the
  // rewrite as external and proxies it to itself, where /en/... redirects back: a loop. A path
  // keeps the rewrite internal.
  const rewrite = response.headers.get("x-middleware-rewrite");
  if (rewrite) {
    const target = new URL(rewrite, request.url);
    if (target.origin === request.nextUrl.origin) response.headers.set("x-middleware-rewrite", target.pathname + target.search);
  }
  return response;
}

export const config = {
  matcher: "/((?!api|_next|.*\\..*).*)",
};
