/** Small helpers shared by the progress and account API routes. */
import { NextResponse } from "next/server";
import { HttpError } from "../http/errors";

/** Private, per-user answers: never stored by a shared cache or the browser's HTTP cache. */
export const PRIVATE = { "cache-control": "private, no-store" } as const;

export function privateJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  return NextResponse.json(body, { status: init.status ?? 200, headers: { ...PRIVATE, ...init.headers } });
}

/**
 * Writes must be sent as JSON (`content-type: application/json`). Besides clear errors, this
 * keeps plain HTML forms on other sites from reaching the write routes.
 */
export function requireJsonContent(request: Request): void {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, "Send the request body as JSON (content-type: application/json).");
  }
}
