/** The content language an API request asks for: `?locale=zh`; absent means English. */
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "../i18n/locales";
import { HttpError } from "./errors";

export function requestedLocale(request: Request): Locale {
  const value = new URL(request.url).searchParams.get("locale");
  if (value === null) return DEFAULT_LOCALE;
  if (!isLocale(value)) throw new HttpError(422, `locale must be one of ${LOCALES.join(", ")}.`);
  return value;
}
