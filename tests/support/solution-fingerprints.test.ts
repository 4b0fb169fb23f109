/**
 * The fingerprints the build scan uses must be able to catch a leak: every exercise has some,
 * none of them occurs in what the page may ship, and a solution embedded in a page, a JSON
 * payload or a bundle is found. That no module imports a solution is a lint rule
 * (eslint.config.mjs, boundaries). (The scan of the real build is in tests/e2e/exercise.e2e.ts,
 * which runs after `next build`.)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { transform } from "sucrase";
import { allSolutionFingerprints, findLeaks } from "./solution-fingerprints";

const root = process.cwd();
const prints = allSolutionFingerprints(root);
const read = (...parts: string[]) => readFileSync(path.join(root, ...parts), "utf8");

describe("solution fingerprints", () => {
  it("exist for every exercise, several each", () => {
    expect(prints.length).toBeGreaterThanOrEqual(17);
    for (const { exercise, fingerprints } of prints) expect({ exercise, count: fingerprints.length >= 2 }).toEqual({ exercise, count: true });
  });

  it("occur in nothing the page is allowed to ship (starter, brief, hints, spec, provided pieces)", () => {
    for (const { exercise } of prints) {
      const shipped = ["starter.ts", "brief.md", "hints.md", "spec.ts"].map((f) => read("exercises", exercise, f)).join("\n");
      expect(findLeaks(shipped + read("lib", "grading", "provided", "declarations.d.ts"), prints.filter((p) => p.exercise === exercise))).toEqual([]);
    }
  });

  it("find a solution embedded in HTML, in an RSC/JSON payload and in unminified JavaScript", () => {
    for (const { exercise } of prints) {
      const solution = read("exercises", exercise, "solution.ts");
      const mine = prints.filter((p) => p.exercise === exercise);
      const html = `<pre>${solution.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;")}</pre>`;
      const payload = `self.__next_f.push([1,${JSON.stringify(JSON.stringify({ code: solution }))}])`;
      const bundle = transform(solution, { transforms: ["typescript", "imports"] }).code;
      expect({ exercise, html: findLeaks(html, mine).length > 0 }).toEqual({ exercise, html: true });
      expect({ exercise, payload: findLeaks(payload, mine).length > 0 }).toEqual({ exercise, payload: true });
      expect({ exercise, bundle: findLeaks(bundle, mine).length > 0 }).toEqual({ exercise, bundle: true });
    }
  });

});
