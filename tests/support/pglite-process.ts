/**
 * Runs a throwaway PGlite server in its own process and prints its URL as one JSON line: in
 * memory, or on the data folder PGLITE_DATA_DIR names (the benches, to measure it as the app runs it).
 * Used by tests/support/test-db.ts: PGlite loads its WebAssembly with dynamic import(), which
 * Jest's module sandbox does not allow, and a separate process mirrors how the app runs anyway.
 */
import { startEmbeddedDatabase } from "../../lib/db/embedded-server";

startEmbeddedDatabase({ dataDir: process.env.PGLITE_DATA_DIR ?? "memory://", maxConnections: Number(process.env.PGLITE_MAX_CONNECTIONS ?? 40) }).then(
  (db) => {
    process.stdout.write(`${JSON.stringify({ url: db.url })}\n`);
    const stop = () => void db.stop().finally(() => process.exit(0));
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
    // Exit with the parent (a crashed test run must not leave servers behind).
    process.stdin.on("end", stop);
    process.stdin.resume();
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
