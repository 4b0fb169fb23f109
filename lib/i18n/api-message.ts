/**
 * What a page says when an API call fails (decision 041). The API's messages are English (its
 * contract: docs/api.md, scripts, the English pages that show them as they are). An English page
 * keeps showing the server's own sentence; a page in another language shows its own sentence for
 * what went wrong (chosen by status or field), never the English.
 */
import { DEFAULT_LOCALE } from "./locales";

export function apiMessageFor(locale: string, serverMessage: string | null | undefined, localized: string): string {
  return locale === DEFAULT_LOCALE && serverMessage ? serverMessage : localized;
}

/** The `error` of an API's JSON error body, or null. */
export async function apiErrorOf(response: Response): Promise<string | null> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  return body && typeof body.error === "string" ? body.error : null;
}
