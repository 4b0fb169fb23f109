/**
 * A hint as the hint endpoint sends it (a hast tree: Markdown and KaTeX already rendered on the
 * server) turned into React elements. No HTML string is built or injected.
 */
import type { ReactElement } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import type { Root } from "hast";

export function hintElement(tree: unknown): ReactElement | null {
  if (!tree || typeof tree !== "object" || (tree as { type?: unknown }).type !== "root") return null;
  return toJsxRuntime(tree as Root, { Fragment, jsx, jsxs, passKeys: true });
}

export interface HintResponse {
  number: number;
  total: number;
  content: unknown;
}

/** A refused hint request: the status and the server's (English) sentence. */
export class HintRefused extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Asks the server for hint `number` (1-based); throws HintRefused (with the server's message) when refused. */
export async function fetchHint(exerciseId: string, number: number, locale = "en"): Promise<HintResponse> {
  const query = locale === "en" ? "" : `?locale=${encodeURIComponent(locale)}`;
  const response = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/hint${query}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ number }),
  });
  const body = (await response.json().catch(() => ({}))) as HintResponse & { error?: string };
  if (!response.ok) throw new HintRefused(response.status, body.error ?? `The hint could not be loaded (HTTP ${response.status}).`);
  return body;
}
