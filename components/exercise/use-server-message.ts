"use client";
import { useCallback } from "react";
import { useLocale, useTranslations } from "next-intl";
import { apiMessageFor } from "@/lib/i18n/api-message";

/** A refused request: its HTTP status (0 when the server was not reached) and the API's own sentence, if any. */
export interface ServerFailure {
  status: number;
  message?: string;
}

/**
 * A refusal from the exercise API in the page's language (decision 041). The API words its
 * refusals in English; an English page shows that sentence as before, other pages the message
 * `exercise.serverErrors.<key>` for the status when there is one, else the caller's fallback.
 */
export function useServerMessage() {
  const t = useTranslations("exercise.serverErrors");
  const locale = useLocale();
  return useCallback(
    (failure: ServerFailure, keysByStatus: Readonly<Record<number, string>>, fallback: string): string => {
      const key = keysByStatus[failure.status];
      return apiMessageFor(locale, failure.message, key && t.has(key) ? t(key) : fallback);
    },
    [t, locale],
  );
}
