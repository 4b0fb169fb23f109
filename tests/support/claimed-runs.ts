/**
 * A run as a browser posts it, claiming that every test passed: the shape every verification
 * test starts from (the server must not believe it).
 */
import { randomUUID } from "node:crypto";

export function claimedPass(code: string, testsTotal = 12) {
  return { clientRunId: randomUUID(), code, passed: true, testsPassed: testsTotal, testsTotal, results: [], durationMs: 4 };
}
