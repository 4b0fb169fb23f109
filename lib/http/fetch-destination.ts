/**
 * The site's APIs answer its own pages' fetch() calls and navigations (downloads), nothing else.
 * A script or JSON-module import of an API address, e.g. learner code in the grader worker running
 * `import("/api/me", { with: { type: "json" } })` through eval, is a request the browser marks with
 * `Sec-Fetch-Dest: json` (or script, worker, ...), and it would carry the learner's cookies. The
 * grader worker's own policy (`connect-src 'none'`, next.config.mjs) stops it in the browser; this
 * is the server's line for when that policy is absent (development keeps `connect-src 'self'` for
 * the bundler, an older browser, a policy lost in a proxy): proxy.ts refuses such requests before
 * any route runs.
 */
const ALLOWED = new Set(["empty", "document"]);

/** Whether a request with this Sec-Fetch-Dest header may reach an API route (absent: not a browser, allowed). */
export function apiDestinationAllowed(destination: string | null): boolean {
  return destination === null || destination === "" || ALLOWED.has(destination.toLowerCase());
}

export const REFUSED_DESTINATION_MESSAGE = "This address answers the site's own pages only; it cannot be loaded as a script or module.";
