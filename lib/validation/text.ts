/**
 * The one text schema every write uses for a string a person or a browser sends. PostgreSQL
 * cannot store a NUL character (U+0000) in text, and a lone UTF-16 surrogate (half of an emoji,
 * "\ud800") is not a character at all: jsonb refuses it and UTF-8 turns it into "?" silently.
 * Both become a 422 naming the field instead of a database error. No imports beyond zod: the
 * browser may use these schemas too.
 */
import { z } from "zod";

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with `value` as stored text, or undefined when nothing is. */
export function textProblem(value: string): "nul" | "surrogate" | undefined {
  if (value.includes("\u0000")) return "nul";
  if (LONE_SURROGATE.test(value)) return "surrogate";
  return undefined;
}

/** `text("the cohort name")`: a string without NUL characters or broken characters; chain .trim(), .max() as usual. */
export function text(what: string) {
  return z
    .string({ message: `${what} must be a string` })
    .refine((value) => !value.includes("\u0000"), `${what} contains a NUL character (\\u0000), which cannot be stored`)
    .refine((value) => textProblem(value) !== "surrogate", `${what} contains a broken character (a lone UTF-16 surrogate such as \\ud800)`);
}

export const SEARCH_MAX_CHARS = 200;

/**
 * A search box's text from a query string (?q=...), trimmed and cut to 200 characters (never
 * inside a surrogate pair). A NUL or a broken character throws a ZodError (a 422 from a route).
 */
export function searchText(value: string | null | undefined, what = "the search"): string {
  let query = (value ?? "").trim();
  if (query.length > SEARCH_MAX_CHARS) query = query.slice(0, /[\ud800-\udbff]/.test(query[SEARCH_MAX_CHARS - 1]) ? SEARCH_MAX_CHARS - 1 : SEARCH_MAX_CHARS);
  return text(what).parse(query);
}
