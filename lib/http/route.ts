/**
 * Everything an API route handler needs from HTTP, in one place:
 *
 * - `route(handler)`: wrap every handler; a thrown HttpError or ZodError becomes a JSON answer
 *   `{ error }` with its status (ZodError -> 422 with a readable message), anything else a 500.
 *   For a write (POST, PUT, PATCH, DELETE) it runs `checkWriteRequest` BEFORE the handler, so a
 *   forged cross-site write is refused before it reaches the session or the database
 *   (tests/http/write-guard.test.ts walks app/api and proves it for every write handler).
 * - `readJsonBody(request, maxBytes)`: THE way a write route reads its body. One call per
 *   handler, before anything else touches the request:
 *
 *       export const POST = route(async (request: Request) => {
 *         const user = await requireUser();
 *         const input = schema.parse(await readJsonBody(request, 1024));
 *         ...
 *
 *   It requires a JSON content-type, enforces the size limit and parses the JSON. A write
 *   without a body (DELETE, a bare POST) needs nothing more than `route()`.
 * - `privateJson`, `csvResponse`, `jsonDownload`: answers about people's data, never cached.
 * - `pathId(value, what)`: a path parameter that names a record; anything malformed is a 404.
 */
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { describeZodError, HttpError } from "./errors";
import { checkOrigin } from "./origin";

/** Private, per-user answers: never stored by a shared cache or the browser's HTTP cache. */
const PRIVATE = { "cache-control": "private, no-store" } as const;

export function errorResponse(error: unknown, request?: Request): NextResponse {
  if (error instanceof ClientAbortedError || (request?.signal.aborted && !(error instanceof HttpError))) {
    // Nobody is listening any more: not a server fault, so no 500 and no stack trace.
    console.warn(`[http] client aborted ${request ? `${request.method} ${new URL(request.url).pathname}` : "a request"}`);
    return NextResponse.json({ error: "The request was aborted." }, { status: 499, headers: PRIVATE });
  }
  if (error instanceof HttpError) {
    return NextResponse.json({ error: error.message, ...error.detail }, { status: error.status, headers: PRIVATE });
  }
  if (error instanceof ZodError) {
    return NextResponse.json({ error: describeZodError(error), issues: error.issues }, { status: 422, headers: PRIVATE });
  }
  console.error(error);
  return NextResponse.json(
    { error: "Something went wrong on our side. Your work is safe; please try again." },
    { status: 500, headers: PRIVATE },
  );
}

/** Wraps a route handler so thrown HttpErrors and ZodErrors become clear JSON answers. */
export function route<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    const request = args[0] instanceof Request ? args[0] : undefined;
    try {
      if (request && WRITE_METHODS.has(request.method)) checkWriteRequest(request);
      return await handler(...args);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The client went away while its body was being read (logged as an abort, answered 499). */
export class ClientAbortedError extends Error {
  constructor() {
    super("The client aborted the request.");
    this.name = "ClientAbortedError";
  }
}

const NOT_JSON = "Send the request body as JSON (content-type: application/json).";
const isJson = (type: string | null) => type !== null && /^application\/json\b/i.test(type);

/**
 * The checks every write request passes, with or without a body (route() runs them first):
 * 1. a declared body type must be JSON, which a plain HTML form on another site cannot send;
 * 2. a browser's Origin must be this site's (lib/http/origin.ts): the second CSRF layer, for
 *    pages on another port of the same host, which SameSite=Lax cookies do not stop.
 * A write with no body and no content-type passes the first.
 */
export function checkWriteRequest(request: Request): void {
  const type = request.headers.get("content-type");
  if (type !== null && !isJson(type)) throw new HttpError(415, NOT_JSON);
  checkOrigin(request);
}

/**
 * Reads a write's JSON body: `checkWriteRequest`, then no JSON content-type -> 415, too large ->
 * 413, not JSON -> 400, each with a message. Validating the shape is the caller's (zod -> 422).
 */
export async function readJsonBody(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  checkWriteRequest(request);
  if (!isJson(request.headers.get("content-type"))) throw new HttpError(415, NOT_JSON);
  const tooLarge = () => new HttpError(413, `The request is too large (limit ${Math.round(maxBytes / 1024)} KiB).`);
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge();
  let text: string;
  try {
    text = await request.text();
  } catch (error) {
    if (request.signal.aborted) throw new ClientAbortedError();
    throw error;
  }
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  if (nestingDepth(text) > MAX_JSON_DEPTH) throw new HttpError(400, `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
}

/** No write needs more than a handful of levels; deeper JSON only costs stack when re-serialised. */
export const MAX_JSON_DEPTH = 32;

/** The deepest [ / { nesting in JSON text (brackets inside strings do not count). */
function nestingDepth(json: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** A JSON answer about someone's data: `privateJson(body)`, `privateJson(body, 201)`. */
export function privateJson(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: PRIVATE });
}

function download(body: string, contentType: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      ...PRIVATE,
      "content-type": contentType,
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    },
  });
}

/** A CSV file download (UTF-8; the body already starts with its BOM). */
export const csvResponse = (filename: string, body: string) => download(body, "text/csv; charset=utf-8", filename);

/** A JSON file download (pretty-printed). */
export const jsonDownload = (filename: string, data: unknown) =>
  download(JSON.stringify(data, null, 2), "application/json; charset=utf-8", filename);

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Path parameters that name records; anything malformed is simply "not found". */
export function pathId(value: string, what = "record"): string {
  if (!ID.test(value)) throw new HttpError(404, `There is no such ${what}.`);
  return value;
}
