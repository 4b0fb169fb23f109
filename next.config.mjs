// Content-Security-Policy: the site talks to itself only (classrooms may have no internet).
// Pages get no 'unsafe-eval'. JavaScript files get a policy that allows eval: a policy sent with
// a script only applies when that script is a Web Worker, and the grader worker must evaluate the
// learner's transpiled code with `new Function` (docs/decisions/005-grader-worker.md).
import createNextIntlPlugin from "next-intl/plugin";

const isDev = process.env.NODE_ENV !== "production";

const pagePolicy = [
  "default-src 'self'",
  // Next.js inlines its bootstrap scripts; React's dev tooling needs eval in development only.
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'" + (isDev ? " ws://localhost:* ws://127.0.0.1:*" : ""),
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

// The grader worker runs learner code: it may load its own scripts and evaluate the learner's, and
// reach nothing else. connect-src 'none' stops fetch, XHR, WebSocket(Stream), EventSource and JSON
// module imports such as import("/api/me", { with: { type: "json" } }), which would carry the
// learner's cookies (lib/grading/worker/lockdown.ts removes the globals as a second line). In
// development the bundler's update channel needs the dev server.
const workerPolicy = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-eval'",
  `connect-src ${isDev ? "'self'" : "'none'"}`,
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Bundled at request/build time on the server only; shipped as node_modules.
  serverExternalPackages: ["mdx-bundler", "esbuild", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pg-boss"],
  pageExtensions: ["ts", "tsx"],
  // The locale proxy (proxy.ts) rewrites English paths to /en/... with an absolute URL built from
  // the URL it is given. Normalised, that URL says "localhost" even when the server listens on
  // 127.0.0.1 (next start -H, as the e2e tests do), Next then takes the rewrite for an external
  // one and proxies it to itself, where /en/... redirects back: a loop. Unnormalised, it is the
  // URL the rewrite is compared with.
  skipProxyUrlNormalize: true,
  // The dev server serves its hot-reload socket only to the origins it knows: without this, a page
  // opened at http://127.0.0.1:<port> (not localhost) cannot connect, and reloads itself again and again.
  allowedDevOrigins: ["127.0.0.1"],
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
    ];
    return [
      { source: "/((?!_next/static).*)", headers: [...common, { key: "Content-Security-Policy", value: pagePolicy }] },
      // nosniff here too: a chunk is only ever run as the type it is served with.
      { source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }, { key: "Content-Security-Policy", value: workerPolicy }] },
    ];
  },
};

// next-intl reads its per-request configuration (locale, messages) from i18n/request.ts.
export default createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  // Messages compiled at build time: the browser gets format-only code, not the ICU parser.
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
})(nextConfig);
