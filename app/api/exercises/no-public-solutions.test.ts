/**
 * Probe finding (issue #14): a working implementation of an exercise must never reach a learner
 * who has neither passed it nor asked for its solution. Every exercise endpoint is called as Next
 * calls it, signed out and as a fresh learner (only the session is replaced by a test double),
 * every function found in the answers is run against the spec of each exercise whose pieces later
 * exercises import, and none may pass. The extractor is checked on the reference solutions first,
 * so the test would catch a leak.
 */
import { describe, expect, it, jest } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { session, setUpRouteTest, type RouteTest } from "@/tests/support/route-test";
import { exercises, findExercise } from "@/exercises/registry";
import { gradeSource } from "@/lib/grading/run";
import { scanSource } from "@/lib/grading/source-scan";
import { PROVIDED_PIECES } from "@/lib/grading/provided/pieces";
import { countHints } from "@/lib/exercises/content";

// Who is asking: the one thing replaced. The app's own requireUser / requirePermission run on top.
jest.mock("next-auth", () => jest.requireActual<RouteTest>("@/tests/support/route-test").nextAuthDouble);
jest.mock("@/lib/db/client", () => jest.requireActual<RouteTest>("@/tests/support/route-test").dbClientDouble);
// The Markdown renderer is ESM-only and does not load under Jest: the hint's own text stands in for its rendering.
jest.mock("@/lib/exercises/hint-render", () => ({
  renderHint: async (id: string, n: number) => ({ type: "root", children: [{ type: "text", value: await jest.requireActual<typeof import("@/lib/exercises/content")>("@/lib/exercises/content").readHint(id, n) }] }),
}));

const { t, routes } = setUpRouteTest(
  async () => ({
    editorTypes: await import("./editor-types/route"),
    one: await import("./[id]/route"),
    draft: await import("./[id]/draft/route"),
    blocks: await import("./[id]/building-blocks/route"),
    hint: await import("./[id]/hint/route"),
  }),
  3,
);

/** Every `function name(...) { ... }` and `(...) => { ... }` in a text, braces balanced outside strings and comments. */
export function functionsIn(text: string): string[] {
  const { code } = scanSource(text);
  const found: string[] = [];
  const starts = /\bfunction\b\s*[\w$]*\s*(?:<[^>]*>)?\s*\(|\(([^()]|\([^()]*\))*\)\s*(?::[^=;{]+)?=>\s*\{/g;
  for (let match = starts.exec(code); match; match = starts.exec(code)) {
    const open = code.indexOf("{", match.index + match[0].length - 1);
    if (open < 0) continue;
    let depth = 0;
    for (let i = open; i < code.length; i++) {
      if (code[i] === "{") depth++;
      else if (code[i] === "}" && --depth === 0) {
        found.push(text.slice(match.index, i + 1).replace(/^function\s+[\w$]+/, "function"));
        break;
      }
    }
  }
  return found;
}

/** All strings in a JSON answer, joined (file contents, sources, hints). */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (value && typeof value === "object") for (const item of Object.values(value)) stringsOf(item, out);
  return out;
}

const specs = Object.entries(PROVIDED_PIECES).map(([piece, { exercise }]) => ({ piece, exercise }));

/**
 * The pieces' exercises a served text passes: the text as a whole module (a file served as it
 * is), and each function found in it on its own, as the exercise's export.
 */
async function passes(text: string): Promise<string[]> {
  const passed: string[] = [];
  for (const { piece, exercise } of specs) {
    if (!text.includes(piece) && !text.includes("=>") && !text.includes("function")) continue;
    const spec = await findExercise(exercise)!.loadSpec();
    const modules = [
      ...(text.includes(piece) && /\bexport\b/.test(text) ? [text] : []),
      ...functionsIn(text).map((fn) => `import * as tf from "@tensorflow/tfjs";\nexport const ${piece} = (${fn});\n`),
    ];
    for (const source of modules) {
      if ((await gradeSource({ spec, source, tf })).passed) {
        passed.push(exercise);
        break;
      }
    }
  }
  return passed;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** What every exercise endpoint answers the current session, as text. */
async function everythingServed(): Promise<{ answers: string[]; statuses: Record<string, number> }> {
  const answers: string[] = [];
  const statuses: Record<string, number> = {};
  const call = async (name: string, handler: Handler, method: string, id?: string, body?: unknown) => {
    const url = `http://localhost/api/exercises/${id ?? name}`;
    const init: RequestInit = body === undefined ? { method } : { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
    const response = await handler(new Request(url, init), { params: Promise.resolve((id ? { id } : {}) as Record<string, string>) });
    statuses[`${method} ${name}${id ? ` ${id}` : ""}`] = response.status;
    answers.push(...stringsOf(await response.json()));
  };
  const { editorTypes, one, draft, blocks, hint } = routes;
  await call("editor-types", editorTypes.GET as unknown as Handler, "GET");
  for (const { meta } of exercises) {
    await call("state", one.GET as unknown as Handler, "GET", meta.id);
    await call("draft", draft.GET as unknown as Handler, "GET", meta.id);
    await call("building-blocks", blocks.GET as unknown as Handler, "GET", meta.id);
    // Every hint, in order (as a learner asking for them one by one gets them).
    const count = await countHints(meta.id);
    for (let number = 1; number <= count; number++) await call(`hint ${number}`, hint.POST as unknown as Handler, "POST", meta.id, { number });
  }
  return { answers, statuses };
}

describe("no working solution is public", () => {
  it("the extractor finds each piece's reference solution, and that solution passes its spec (so a leak would be caught)", async () => {
    for (const { piece, exercise } of specs) {
      const solution = readFileSync(path.join(process.cwd(), "exercises", exercise, "solution.ts"), "utf8");
      expect({ piece, passing: (await passes(solution)).includes(exercise) }).toEqual({ piece, passing: true });
      // A solution pasted into a bigger text (a page, a payload) is still found, function by function.
      const inProse = `Some lesson text.\n${solution.replace(/^import .*$/m, "")}\nMore text.`;
      if (piece !== "attention") expect({ piece, inProse: (await passes(inProse)).includes(exercise) }).toEqual({ piece, inProse: true });
    }
  }, 120_000);

  it.each([
    ["signed out", () => null],
    [
      "a fresh learner",
      async () => {
        const user = await t.db.user.create({ data: { name: "Fresh", email: `fresh-${randomBytes(5).toString("hex")}@example.test` } });
        return { id: user.id, name: user.name, email: user.email, role: "LEARNER" as const };
      },
    ],
  ])("%s: nothing any exercise endpoint serves passes scaled-dot-product-attention, multi-head-attention, feed-forward or layer-norm", async (_who, who) => {
    session.user = await who();
    const { answers, statuses } = await everythingServed();
    expect(statuses["GET editor-types"]).toBe(200);
    if (session.user) expect(statuses["GET building-blocks encoder-block"]).toBe(200);
    else expect(statuses["GET building-blocks encoder-block"]).toBe(401);
    expect(statuses["POST hint 1 softmax"]).toBe(200);
    const passing: string[] = [];
    for (const text of new Set(answers)) for (const exercise of await passes(text)) passing.push(`${exercise}: ${text.slice(0, 80)}`);
    expect(passing).toEqual([]);
  }, 300_000);
});
