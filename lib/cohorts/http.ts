/** Small pieces the cohort and admin API routes share. */
import { NextResponse } from "next/server";
import { HttpError } from "../http/errors";
import { idSchema } from "./schemas";

/** Answers about people's progress: never kept by a shared cache or the browser's HTTP cache. */
const PRIVATE = { "cache-control": "private, no-store" } as const;

export function privateJson(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: PRIVATE });
}

/**
 * Writes must be JSON (`content-type: application/json`): besides clear errors, a plain HTML form
 * on another site cannot send that, so it cannot make a signed-in instructor change a cohort.
 */
export function requireJsonContent(request: Request): void {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, "Send the request body as JSON (content-type: application/json).");
  }
}

/** A CSV file download (UTF-8; the body already starts with its BOM). */
export function csvResponse(filename: string, body: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      ...PRIVATE,
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    },
  });
}

/** Path parameters that name records; anything malformed is simply "not found". */
export function pathId(value: string, what = "record"): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw new HttpError(404, `There is no such ${what}.`);
  return parsed.data;
}
