/**
 * The Origin check on writes: the second layer against cross-site request forgery, after the
 * JSON content-type rule. SameSite=Lax cookies go along with a request from another PORT of the
 * same host (same site, different origin), so the cookie alone proves nothing about who built
 * the request. Browsers send `Origin` on every POST/PUT/PATCH/DELETE; when it is present it must
 * be this site's own origin (the one the request was addressed to) or the configured public
 * URL (NEXTAUTH_URL, which is what the browser sees behind a proxy). A request with no Origin
 * comes from a program, not from a page; it passes unless the browser's Sec-Fetch-Site says
 * another site or origin built it.
 */
import { getEnv } from "../env";
import { HttpError } from "./errors";

const FOREIGN = "This request came from another site, so it was refused. Use the page on this site.";

function originOf(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  return new URL(url).origin;
}

/** The origins a write may come from: the request's own (by URL and by Host) and the public URL. */
export function allowedOrigins(request: Request, publicUrl: string | undefined): Set<string> {
  const allowed = new Set<string>([new URL(request.url).origin]);
  const host = request.headers.get("host");
  if (host) {
    const scheme = new URL(request.url).protocol;
    allowed.add(`${scheme}//${host.toLowerCase()}`);
  }
  const configured = originOf(publicUrl);
  if (configured) allowed.add(configured);
  return allowed;
}

export function isAllowedOrigin(request: Request, publicUrl: string | undefined): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    return site === null || site === "same-origin" || site === "none";
  }
  // "null": a sandboxed frame, a file: page or a cross-origin redirect; never this site's page.
  if (origin === "null") return false;
  return allowedOrigins(request, publicUrl).has(origin.toLowerCase());
}

/** Throws 403 when a browser says another origin built this write. */
export function checkOrigin(request: Request, publicUrl = getEnv().NEXTAUTH_URL): void {
  if (!isAllowedOrigin(request, publicUrl)) throw new HttpError(403, FOREIGN);
}
