/**
 * The body of PUT /api/me/locale. Kept out of lib/progress/schemas.ts: the browser imports that
 * module's limits, and a schema built from an imported value keeps zod in the lesson pages' bundle.
 */
import { z } from "zod";
import { LOCALES } from "./locales";

export const localeInputSchema = z.strictObject({
  locale: z.enum(LOCALES, { message: "locale must be one of en, zh" }),
});
