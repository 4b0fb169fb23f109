import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

/**
 * Locale routing (decision 026): /zh/... is Chinese; an unprefixed path is English unless the
 * reader's cookie or (on a first visit) Accept-Language asks for Chinese, in which case it
 * redirects to /zh/.... API routes, Next's assets and files with an extension never pass here.
 * English paths are rewritten to /en/...: next.config.mjs sets skipProxyUrlNormalize so the
 * rewrite's host is the one Next compares it with (see there).
 */
export default createMiddleware(routing);

export const config = {
  matcher: "/((?!api|_next|.*\\..*).*)",
};
