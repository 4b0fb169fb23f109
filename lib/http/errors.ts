/** Errors that map to an HTTP answer, and the wrapper every API route uses to produce it. */
import { NextResponse } from "next/server";
import { ZodError } from "zod";

export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const unauthorized = (message = "Please sign in to do this.") => new HttpError(401, message);
export const forbidden = (message = "You do not have permission to do this.") => new HttpError(403, message);
export const notFound = (message = "Not found.") => new HttpError(404, message);

/** Turns a ZodError into one sentence a person can act on. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof HttpError) {
    return NextResponse.json({ error: error.message }, { status: error.status });
  }
  if (error instanceof ZodError) {
    return NextResponse.json({ error: describeZodError(error), issues: error.issues }, { status: 422 });
  }
  console.error(error);
  return NextResponse.json({ error: "Something went wrong on our side. Your work is safe; please try again." }, { status: 500 });
}

/** Wraps a route handler so thrown HttpErrors and ZodErrors become clear JSON answers. */
export function route<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * Reads a JSON body with a size limit: too large -> 413, not JSON -> 400, both with a message.
 * Validation of the shape is the caller's (zod -> 422).
 */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new HttpError(413, `The request is too large (limit ${Math.round(maxBytes / 1024)} KiB).`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new HttpError(413, `The request is too large (limit ${Math.round(maxBytes / 1024)} KiB).`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
}
