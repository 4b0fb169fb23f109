"use client";
import { useLocale, useTranslations } from "next-intl";
import type { SendFailure } from "./send-json";

/** The namespaces whose `errors` object words the cohort API's failures. */
type ErrorNamespace = "instructor" | "admin" | "join";

const capitalised = (field: string) => field.charAt(0).toUpperCase() + field.slice(1);

/**
 * A failed API call in the page's language (decision 036). English pages show the server's own
 * sentence, exactly as before. Other languages look up, in order: the answer's `code`, the first
 * field a 422 names (`errors.fieldName`, ...), then a sentence for the status.
 */
export function useApiError(namespace: ErrorNamespace): (failure: SendFailure) => string {
  const t = useTranslations(`${namespace}.errors`);
  const locale = useLocale();
  return (failure) => {
    if (locale === "en") return failure.error;
    if (failure.status === 0) return t("network");
    if (failure.code && t.has(failure.code)) return t(failure.code, failure.values);
    const field = failure.fields?.map((f) => `field${capitalised(f)}`).find((key) => t.has(key));
    if (field) return t(field);
    if (failure.status === 401) return t("signIn");
    if (failure.status === 403) return t("forbidden");
    if (failure.status === 422) return t("invalid");
    return t("status", { status: failure.status });
  };
}
