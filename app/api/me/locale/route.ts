import { getDb } from "@/lib/db/client";
import { requireUser } from "@/lib/auth/session";
import { privateJson, readJsonBody, route } from "@/lib/http/route";
import { setLocale } from "@/lib/progress/account";
import { localeInputSchema } from "@/lib/i18n/locale-input";

/**
 * Stores the signed-in user's interface language (`{ locale: "en" | "zh" }`), chosen with the
 * header's language switch; signing in on another device applies it. Any signed-in role may.
 */
export const PUT = route(async (request: Request) => {
  const user = await requireUser();
  const { locale } = localeInputSchema.parse(await readJsonBody(request, 1024));
  return privateJson({ locale: await setLocale(getDb(), user.id, locale) });
});
