/** A hint rendered for the page (Markdown + KaTeX to a hast tree), for the hint endpoint. Server-only. */
import { readHint } from "./content";
import { renderMarkdownTree } from "./markdown";

export async function renderHint(id: string, number: number): Promise<unknown> {
  return renderMarkdownTree(await readHint(id, number));
}
