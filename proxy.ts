/**
 * Runs before pages and API routes.
 * - API routes: refuses requests that are not the site's own fetch() calls or navigations, e.g. a
 *   script or JSON-module load of /api/me from learner code (lib/http/fetch-destination.ts).
 * - Pages: locale routing (decision 026): /zh/... is Chinese; an unprefixed path is English unless
 *   the reader's cookie or (on a first visit) Accept-Language asks for Chinese, in which case it
 *   redirects to /zh/.... English paths are rewritten to /en/...: next.config.mjs sets
 *   skipProxyUrlNormalize so the rewrite's host is the one Next compares it with (see there).
 *   Next's assets and files with an extension never pass here.
 */
import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { apiDestinationAllowed, REFUSED_DESTINATION_MESSAGE } from "./lib/http/fetch-destination";

const localeRouting = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/")) {
    if (!apiDestinationAllowed(request.headers.get("sec-fetch-dest"))) {
      return NextResponse.json({ error: REFUSED_DESTINATION_MESSAGE }, { status: 403, headers: { "cache-control": "private, no-store" } });
    }
    return NextResponse.next();
  }
  return localeRouting(request);
}

export const config = {
  matcher: ["/api/:path*", "/((?!api|_next|.*\\..*).*)"],
};
