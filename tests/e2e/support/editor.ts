/**
 * Driving the exercise card's Monaco editor from a test: open it, replace its code, read it back.
 */
import type { Locator, Page } from "playwright-core";
import { baseUrl } from "./server";
import type { newContext } from "./browser";

/** Monaco renders spaces as non-breaking spaces. */
export const normalise = (text: string) => text.replace(/\u00a0/g, " ");

export async function newPage(context: Awaited<ReturnType<typeof newContext>>): Promise<Page> {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseUrl()).origin });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.setDefaultNavigationTimeout(120_000);
  return page;
}

/** Scrolls to the exercise's card and clicks "Open the editor", without waiting for Monaco (the stand-in takes keys at once). */
export async function clickOpenTheEditor(card: Locator): Promise<Locator> {
  await card.scrollIntoViewIfNeeded();
  await card.getByRole("button", { name: "Open the editor" }).click();
  return card;
}

/** Waits until Monaco has taken over the card's editor. */
export const monacoReady = (card: Locator, timeout = 90_000) => card.locator('[data-editor-ready="true"]').waitFor({ timeout });

export async function openExercise(page: Page, id: string): Promise<Locator> {
  const card = await clickOpenTheEditor(page.locator(`[data-exercise="${id}"]`));
  await monacoReady(card);
  return card;
}

/** Replaces the editor's whole text by pasting it (typing would trigger auto-indent and auto-closing). */
export async function setCode(page: Page, card: Locator, code: string) {
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await card.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  // The paste lands asynchronously. Wait until the editor shows the new code: exactly its lines (as
  // a set) when it fits on screen; for longer code, which Monaco shows scrolled to the cursor at the
  // end, only lines of the new code and its last line.
  const lines = (text: string) => [...new Set(normalise(text).split("\n").map((l) => l.trim()).filter(Boolean))].sort();
  const wanted = lines(code);
  const lastLine = normalise(code).trim().split("\n").at(-1)!.trim();
  const shown = (visible: string[]) =>
    code.split("\n").length <= 15
      ? visible.join("\n") === wanted.join("\n")
      : visible.length > 0 && visible.every((l) => wanted.includes(l)) && visible.includes(lastLine);
  const deadline = Date.now() + 30_000;
  while (!shown(lines(await card.locator(".monaco-editor .view-lines").innerText()))) {
    if (Date.now() > deadline) throw new Error(`The pasted code did not appear in the editor:\n${code}`);
    await page.waitForTimeout(100);
  }
}

/**
 * The lines Monaco shows, top to bottom, blank ones included (innerText would merge a blank line
 * into its neighbours' line breaks). Only the lines on screen: Monaco draws no others.
 */
export async function editorText(card: Locator): Promise<string> {
  const shown = await card.locator(".monaco-editor .view-lines").evaluate((lines) =>
    [...lines.querySelectorAll<HTMLElement>(".view-line")]
      .map((line) => ({ top: line.getBoundingClientRect().top, text: line.textContent ?? "" }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text)
      .join("\n"),
  );
  return normalise(shown);
}

