/**
 * The post-build step that marks Monaco's chunks and the framework's first-load chunks with V8's
 * compile hint, run as `npm run build` runs it: a child process on a .next directory.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const script = resolve(__dirname, "compile-hints.mjs");
const HINT = "//# allFunctionsCalledOnLoad\n";
let nextDir: string;

const chunk = (name: string) => join(nextDir, "static", "chunks", name);
const run = () => spawnSync(process.execPath, [script, nextDir], { encoding: "utf8" });
const manifest = (rootMainFiles: string[]) => writeFileSync(join(nextDir, "build-manifest.json"), JSON.stringify({ polyfillFiles: ["static/chunks/polyfills.js"], rootMainFiles }));
const startsWithHint = (name: string) => readFileSync(chunk(name), "utf8").startsWith(HINT);

beforeEach(() => {
  nextDir = mkdtempSync(join(tmpdir(), "compile-hints-"));
  mkdirSync(join(nextDir, "static", "chunks"), { recursive: true });
  writeFileSync(chunk("react-dom.js"), "push([9,e=>{e.hydrateRoot()}]);");
  manifest(["static/chunks/react-dom.js"]);
});

afterEach(() => rmSync(nextDir, { recursive: true, force: true }));

describe("scripts/compile-hints.mjs", () => {
  it("marks the large Monaco chunks, and only them, once", () => {
    const filler = "x".repeat(120_000);
    writeFileSync(chunk("editor.js"), `push([1,e=>{e.classList.add("monaco-editor")}]);${filler}`);
    writeFileSync(chunk("tfjs.js"), `push([2,e=>{e.registerKernel("MatMul")}]);${filler}`);
    writeFileSync(chunk("loader.js"), `push([3,e=>{e.className="monaco-editor"}]);`);
    writeFileSync(chunk("editor.css"), `.monaco-editor{color:red}${filler}`);

    const first = run();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("1 Monaco chunks");
    expect(first.stdout).toContain("1 framework chunks");
    expect(first.stdout).toContain("2 marked now");
    expect(readFileSync(chunk("editor.js"), "utf8").startsWith(HINT)).toBe(true);
    expect(readFileSync(chunk("tfjs.js"), "utf8").startsWith("push(")).toBe(true);
    expect(readFileSync(chunk("loader.js"), "utf8").startsWith("push(")).toBe(true);
    expect(readFileSync(chunk("editor.css"), "utf8").startsWith(".monaco-editor")).toBe(true);

    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("0 marked now");
    expect(readFileSync(chunk("editor.js"), "utf8").split(HINT)).toHaveLength(2);
    expect(readFileSync(chunk("react-dom.js"), "utf8").split(HINT)).toHaveLength(2);
  });

  it("marks the framework chunks every page loads first (the manifest's root main files), not the polyfills or the rest", () => {
    const filler = "x".repeat(120_000);
    writeFileSync(chunk("editor.js"), `push([1,e=>{e.classList.add("monaco-editor")}]);${filler}`);
    writeFileSync(chunk("router.js"), "push([8,e=>{e.navigate()}]);");
    writeFileSync(chunk("polyfills.js"), "!function(){}();");
    writeFileSync(chunk("lesson-page.js"), "push([7,e=>{}]);");
    manifest(["static/chunks/router.js", "static/chunks/react-dom.js"]);

    expect(run().status).toBe(0);
    expect(startsWithHint("router.js")).toBe(true);
    expect(startsWithHint("react-dom.js")).toBe(true);
    expect(startsWithHint("polyfills.js")).toBe(false);
    expect(startsWithHint("lesson-page.js")).toBe(false);
  });

  it("fails loudly when the build manifest names no framework chunk", () => {
    writeFileSync(chunk("editor.js"), `push([1,e=>{e.classList.add("monaco-editor")}]);${"x".repeat(120_000)}`);
    manifest([]);
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no root main file");
    expect(startsWithHint("editor.js")).toBe(false);
  });

  it("fails loudly when the build holds no Monaco chunk", () => {
    writeFileSync(chunk("app.js"), "push([1,e=>{}]);".repeat(10_000));
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no Monaco chunk found");
  });
});
