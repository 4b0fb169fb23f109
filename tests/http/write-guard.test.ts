/**
 * Walks every route file under app/api, imports it as Next does, and calls every write handler
 * (POST, PUT, PATCH, DELETE) the way a forged cross-site request would arrive: as a signed-in
 * admin (so a missing guard would go on to do the work), with a text/plain body, and then with
 * a JSON body from another port of the same host. Each must be refused (415, then 403) with a
 * message, before the handler reaches the database: the database here is a double that fails the
 * test on any use. A new write route that skips the guard fails this test.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, jest } from "@jest/globals";

const dbUses: string[] = [];
// A database that records (and refuses) every use: any touch before the guard shows up here.
const untouchableDb = new Proxy({}, { get: (_target, property) => { dbUses.push(String(property)); throw new Error(`database used: ${String(property)}`); } });

jest.mock("@/lib/db/client", () => ({ getDb: () => untouchableDb }));
jest.mock("next-auth", () => ({
  getServerSession: async () => ({ user: { id: "admin-1", name: "Ada", email: "ada@example.test", role: "ADMIN" } }),
}));


const API = path.join(__dirname, "..", "..", "app", "api");
const WRITES = ["POST", "PUT", "PATCH", "DELETE"] as const;

/** Route files whose writes are guarded another way, each with the reason. */
const GUARDED_ELSEWHERE: Record<string, string> = {
  "auth/[...nextauth]/route.ts": "next-auth's own endpoints: form posts checked by its double-submit CSRF token",
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(API, full)] : [];
  });
}

/** Dynamic segments filled with plausible ids: "[id]" -> "id-1", "[...nextauth]" -> ["x"]. */
function paramsFor(file: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of file.matchAll(/\[(?!\.\.\.)([^\]]+)\]/g)) params[match[1]] = "sample-id";
  if (file.includes("exercises/[id]")) params.id = "softmax";
  if (file.includes("quizzes/[quizId]")) params.quizId = "what-is-an-llm-quiz";
  if (file.includes("lessons/[slug]")) params.slug = "what-is-an-llm";
  return params;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const files = routeFiles(API).sort();
const writeHandlers: Array<{ file: string; method: string }> = [];

describe("the write guard on every route under app/api", () => {
  it("finds the route files, and every exemption names a file that exists", () => {
    expect(files.length).toBeGreaterThan(25);
    for (const exempt of Object.keys(GUARDED_ELSEWHERE)) expect(files).toContain(exempt);
  });

  it.each(files.filter((file) => !(file in GUARDED_ELSEWHERE)))("%s: every write refuses text/plain and a foreign Origin before the database", async (file) => {
    const mod = (await import(path.join(API, file))) as Record<string, unknown>;
    const context = () => ({ params: Promise.resolve(paramsFor(file)) });
    const url = `http://127.0.0.1:3000/api/${path.dirname(file)}`;
    for (const method of WRITES) {
      const handler = mod[method] as Handler | undefined;
      if (!handler) continue;
      writeHandlers.push({ file, method });
      dbUses.length = 0;

      const form = await handler(new Request(url, { method, headers: { "content-type": "text/plain" }, body: '{"revealed":1}' }), context());
      expect({ method, status: form.status }).toEqual({ method, status: 415 });
      expect(((await form.json()) as { error: string }).error).toMatch(/JSON/);

      const foreign = await handler(
        new Request(url, { method, headers: { "content-type": "application/json", origin: "http://127.0.0.1:3001" }, body: "{}" }),
        context(),
      );
      expect({ method, status: foreign.status }).toEqual({ method, status: 403 });
      expect(((await foreign.json()) as { error: string }).error).toMatch(/another site/);
      expect({ method, dbUses }).toEqual({ method, dbUses: [] });
    }
  });

  it("covered the write handlers the app has (sign-up, progress, exercises, quizzes, cohorts, admin)", () => {
    const covered = new Set(writeHandlers.map((w) => `${w.method} ${w.file}`));
    for (const expected of [
      "POST account/route.ts",
      "PUT exercises/[id]/draft/route.ts",
      "POST exercises/[id]/solution/route.ts",
      "POST quizzes/[quizId]/attempts/route.ts",
      "DELETE cohorts/[id]/members/[userId]/route.ts",
      "PATCH admin/users/[id]/route.ts",
      "POST progress/merge/route.ts",
      "DELETE me/route.ts",
    ]) expect(covered).toContain(expected);
  });
});
