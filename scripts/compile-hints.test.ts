/**
 * The post-build step that marks Monaco's chunks with V8's compile hint, run as `npm run build`
 * runs it: a child process on a .next directory.
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

beforeEach(() => {
  nextDir = mkdtempSync(join(tmpdir(), "compile-hints-"));
  mkdirSync(join(nextDir, "static", "chunks"), { recursive: true });
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
    expect(readFileSync(chunk("editor.js"), "utf8").startsWith(HINT)).toBe(true);
    expect(readFileSync(chunk("tfjs.js"), "utf8").startsWith("push(")).toBe(true);
    expect(readFileSync(chunk("loader.js"), "utf8").startsWith("push(")).toBe(true);
    expect(readFileSync(chunk("editor.css"), "utf8").startsWith(".monaco-editor")).toBe(true);

    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("0 marked now");
    expect(readFileSync(chunk("editor.js"), "utf8").split(HINT)).toHaveLength(2);
  });

  it("fails loudly when the build holds no Monaco chunk", () => {
    writeFileSync(chunk("app.js"), "push([1,e=>{}]);".repeat(10_000));
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("no Monaco chunk found");
  });
});
