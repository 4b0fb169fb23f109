/**
 * Issue #16: the editor is usable the moment "Open the editor" is clicked, and Monaco takes over
 * without losing anything. In a fresh Chromium profile (cold cache), signed out:
 * - keys pressed right after the click land in the plain text area that stands in for Monaco;
 *   once Monaco is there it has every character, the selection (and which end the cursor is at),
 *   the focus and the same text position; further typing goes in at the cursor;
 * - a saved draft shows in the stand-in at once after a reload, and Tab indents there;
 * - if Monaco cannot be loaded, the stand-in stays the editor and its typing is saved.
 *
 * To make "before Monaco has loaded" certain rather than a race, the editor's code (every
 * script chunk requested after the page has loaded) is held back until the test has typed, as on
 * a slow connection; the first test also holds back the answer to "who is signed in?" (a cold or
 * busy server), which the card used to wait for before showing anything, dropping the keys typed
 * meanwhile. One test types without holding anything, as a learner would.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Locator, Page } from "playwright-core";
import { chromiumForFile } from "./support/chromium";
import { clickOpenTheEditor, editorText, monacoReady } from "./support/editor";

const LESSON = "/learn/transformer/self-attention";
const LABEL = /^Code editor for the exercise/;

const chromium = chromiumForFile();

const starter = (id: string) => readFileSync(path.join(process.cwd(), "exercises", id, "starter.ts"), "utf8");

/**
 * Holds back the page's later script chunks (the workspace and Monaco) until `release()`;
 * `session`: the session's answer too, from the first request on.
 */
async function holdEditorCode(page: Page, { session = false } = {}) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = false;
  await page.route("**/_next/static/**", async (route) => {
    if (holding) await released;
    await route.continue();
  });
  if (session) {
    await page.route("**/api/auth/session", async (route) => {
      await released;
      await route.continue();
    });
  }
  return {
    start: () => (holding = true),
    release,
  };
}

/** The stand-in text area's state, read from the page. */
function standInState(card: Locator) {
  return card.getByTestId("plain-code-view").locator("textarea").evaluate((t: HTMLTextAreaElement) => {
    const style = getComputedStyle(t);
    const rect = t.getBoundingClientRect();
    return {
      value: t.value,
      start: t.selectionStart,
      end: t.selectionEnd,
      direction: t.selectionDirection,
      focused: document.activeElement === t,
      // Where the first character of the first line is drawn.
      textLeft: rect.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft) - t.scrollLeft,
      textTop: rect.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop) - t.scrollTop,
      lineHeight: parseFloat(style.lineHeight),
    };
  });
}

/** Monaco's first line on screen: where its first character is drawn, and whether Monaco has the focus. */
function monacoState(card: Locator) {
  return card.locator(".monaco-editor").evaluate((editor: HTMLElement) => {
    const lines = [...editor.querySelectorAll<HTMLElement>(".view-lines .view-line")].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    const first = lines[0].querySelector("span > span") ?? lines[0];
    return {
      focused: editor.contains(document.activeElement),
      textLeft: first.getBoundingClientRect().left,
      textTop: lines[0].getBoundingClientRect().top,
      lineHeight: lines[1].getBoundingClientRect().top - lines[0].getBoundingClientRect().top,
    };
  });
}

const readDraft = (page: Page, id: string) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null")?.code ?? null, `academy:exercise:${id}:code`);

async function waitForDraft(page: Page, id: string, expected: string) {
  const deadline = Date.now() + 30_000;
  while ((await readDraft(page, id)) !== expected) {
    if (Date.now() > deadline) throw new Error(`The autosaved draft is not the expected code:\n${await readDraft(page, id)}`);
    await page.waitForTimeout(100);
  }
}

/** Types `text` where the focus is, then Enter. */
async function typeLine(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

const lines = (text: string) => text.replace(/\n$/, "").split("\n");

describe("the editor stand-in and the hand-over to Monaco", () => {
  it("keeps every keystroke typed before Monaco loaded, the selection and its direction, the focus and the text's position", async () => {
    const { context, page } = await chromium.page();
    const hold = await holdEditorCode(page, { session: true });
    await page.goto(LESSON, { waitUntil: "load" });
    hold.start();
    const card = await clickOpenTheEditor(page.locator('[data-exercise="softmax"]'));

    // At once: a new first line, then select the end of the import line leftwards.
    await typeLine(page, 'const early = "abc";');
    await page.keyboard.press("End");
    for (let i = 0; i < 5; i++) await page.keyboard.press("Shift+ArrowLeft");

    const code = starter("softmax");
    const typed = `const early = "abc";\n${code}`;
    const importEnd = typed.indexOf("\n", typed.indexOf("import")); // the end of `import ... "@tensorflow/tfjs";`
    const before = await standInState(card);
    expect(await card.locator('[data-editor-ready="true"]').count()).toBe(0); // Monaco is still held back
    expect(await card.getByRole("textbox", { name: LABEL }).count()).toBe(1);
    expect(before).toMatchObject({ value: typed, start: importEnd - 5, end: importEnd, direction: "backward", focused: true });

    hold.release();
    await monacoReady(card, 120_000);
    expect(await card.getByTestId("plain-code-view").count()).toBe(0);
    expect(await card.getByRole("textbox", { name: LABEL }).count()).toBe(1); // Monaco's, with the same label
    const after = await monacoState(card);
    expect(after.focused).toBe(true);
    expect(Math.abs(after.textLeft - before.textLeft)).toBeLessThanOrEqual(1);
    expect(Math.abs(after.textTop - before.textTop)).toBeLessThanOrEqual(1);
    expect(after.lineHeight).toBe(before.lineHeight);
    expect(lines(await editorText(card))).toEqual(lines(typed));

    // The cursor is still at the left end: one more Shift+Left grows the selection to `tfjs";`,
    // which typing then replaces (had the direction been lost, it would shrink to `fjs"`).
    await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.type("XY");
    const expected = typed.slice(0, importEnd - 6) + "XY" + typed.slice(importEnd);
    await waitForDraft(page, "softmax", expected);
    expect(lines(await editorText(card))).toEqual(lines(expected));
    expect(context.foreignRequests).toEqual([]);
    await context.close();
  }, 300_000);

  it("typing right after the click, with nothing held back, ends up in Monaco in order", async () => {
    const { context, page } = await chromium.page();
    await page.goto(LESSON, { waitUntil: "load" });
    const card = await clickOpenTheEditor(page.locator('[data-exercise="scaled-dot-product-attention"]'));
    await typeLine(page, "// first words 0123456789");
    await monacoReady(card, 120_000);
    await typeLine(page, "// after the hand-over");
    const expected = `// first words 0123456789\n// after the hand-over\n${starter("scaled-dot-product-attention")}`;
    await waitForDraft(page, "scaled-dot-product-attention", expected);
    await context.close();
  }, 300_000);

  it("shows the saved draft in the stand-in at once after a reload; Tab indents there", async () => {
    const { context, page } = await chromium.page();
    const hold = await holdEditorCode(page);
    await page.goto(LESSON, { waitUntil: "load" });
    const card = await clickOpenTheEditor(page.locator('[data-exercise="softmax"]'));
    // A draft that starts with a blank line (which HTML drops from a <textarea>'s content) and has another.
    await page.keyboard.press("Enter");
    await typeLine(page, "// my draft");
    const draft = `\n// my draft\n${starter("softmax")}`;
    await waitForDraft(page, "softmax", draft);
    await card.getByTestId("save-status").filter({ hasText: "Saved in this browser" }).waitFor();

    await page.reload({ waitUntil: "load" });
    hold.start();
    await clickOpenTheEditor(card);
    expect(await standInState(card)).toMatchObject({ value: draft, start: 0, end: 0, focused: true });
    await page.keyboard.press("Tab");
    expect(await standInState(card)).toMatchObject({ value: `  ${draft}`, start: 2, end: 2, focused: true });

    hold.release();
    await monacoReady(card, 120_000);
    await waitForDraft(page, "softmax", `  ${draft}`);
    expect(lines(await editorText(card))).toEqual(lines(`  ${draft}`));
    await context.close();
  }, 300_000);

  it("if Monaco's code cannot be loaded, the stand-in stays the editor and what is typed there is saved", async () => {
    const { context, page } = await chromium.page();
    // Every script that carries Monaco's editor fails, as when the server goes away mid-load.
    await page.route("**/_next/static/chunks/**", async (route) => {
      const response = await route.fetch();
      if ((await response.text()).includes("toggleTabFocusMode")) return route.abort();
      return route.fulfill({ response });
    });
    await page.goto(LESSON, { waitUntil: "load" });
    const card = await clickOpenTheEditor(page.locator('[data-exercise="softmax"]'));
    await typeLine(page, "// typed in the plain editor");
    await card.getByText("The full editor could not be loaded").waitFor();
    await typeLine(page, "// still typing");
    const expected = `// typed in the plain editor\n// still typing\n${starter("softmax")}`;
    await waitForDraft(page, "softmax", expected);
    expect(await standInState(card)).toMatchObject({ value: expected, focused: true });
    expect(await card.locator(".monaco-editor").count()).toBe(0);
    await context.close();
  }, 300_000);
});
