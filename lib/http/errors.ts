/**
 * Errors that carry an HTTP status. Domain code (lib/cohorts, lib/progress, ...) throws these;
 * lib/http/route.ts turns them into answers. Framework-free on purpose: no Next.js import here.
 */
import type { ZodError } from "zod";

/**
 * `code` (with `values`) names the message for pages in other languages: the answer carries
 * `{ error, code, values }`, `error` stays the English sentence (decision 036).
 */
export interface ErrorCode {
  code: string;
  values?: Record<string, string | number>;
}

export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly detail?: ErrorCode,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const unauthorized = (message = "Please sign in to do this.") => new HttpError(401, message, { code: "signIn" });
export const forbidden = (message = "You do not have permission to do this.") => new HttpError(403, message, { code: "forbidden" });
export const notFound = (message = "Not found.", detail?: ErrorCode) => new HttpError(404, message, detail);

/** Turns a ZodError into one sentence a person can act on. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
