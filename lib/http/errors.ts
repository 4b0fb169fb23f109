/**
 * Errors that carry an HTTP status. Domain code (lib/cohorts, lib/progress, ...) throws these;
 * lib/http/route.ts turns them into answers. Framework-free on purpose: no Next.js import here.
 */
import type { ZodError } from "zod";

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
