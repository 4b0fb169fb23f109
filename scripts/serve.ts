/**
 * The production HTTP server (`npm start` runs it through scripts/with-db.ts): Next.js's own
 * request handler, behind a front that decides who the client is before Next sees the request.
 *
 *   tsx scripts/serve.ts [-p PORT] [-H HOST]        (defaults: $PORT or 3000, 0.0.0.0)
 *
 * `next start` keeps a client-sent X-Forwarded-For as it is (it fills the header from the socket
 * only when it is absent), so a client could pick its own address for the per-address sign-in
 * limits. Here the header is replaced by the one address lib/http/client-address.ts derives from
 * the socket and TRUSTED_PROXIES, and proxy-only headers are dropped when no proxy is trusted
 * (decision 022). The environment is validated as production before anything listens.
 */
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseEnv } from "../lib/env";
import { clientAddress, PROXY_HEADERS } from "../lib/http/client-address";

async function main() {
  const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = values.hostname ?? "0.0.0.0";
  (process.env as Record<string, string>).NODE_ENV = "production";
  const env = parseEnv(process.env); // a missing secret or public URL stops us here, not at the first request
  const trusted = env.TRUSTED_PROXIES;

  const { default: next } = await import("next");
  const app = next({ dev: false, dir: path.resolve(__dirname, ".."), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((request, response) => {
    request.headers["x-forwarded-for"] = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trusted);
    if (trusted === 0) for (const name of PROXY_HEADERS) delete request.headers[name];
    void handle(request, response);
  });
  server.listen(port, hostname, () => {
    console.log(`[serve] ready on http://${hostname}:${port} (trusting ${trusted} proxy hop${trusted === 1 ? "" : "s"} for client addresses)`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
