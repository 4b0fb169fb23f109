"use client";
import { useRouter } from "@/i18n/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatDay } from "./format";
import { sendJson } from "./send-json";
import { useApiError } from "./use-api-error";
import { BUTTON_QUIET, ERROR_BOX } from "./ui";

export interface MyCohortItem {
  id: string;
  name: string;
  joinedAt: string;
  instructors: string[];
}

/** The cohorts a learner belongs to (names and instructors only), each with "Leave". */
export function MyCohorts({ cohorts }: { cohorts: MyCohortItem[] }) {
  const router = useRouter();
  const t = useTranslations("join.mine");
  const locale = useLocale();
  const apiError = useApiError("join");
  const [error, setError] = useState<string | null>(null);
  if (cohorts.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-300">{t("none")}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="my-cohorts">
        {cohorts.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <span>
              <span className="font-medium">{c.name}</span>
              <span className="block text-sm text-slate-600 dark:text-slate-300">
                {t("detail", { instructors: c.instructors.join(", "), day: formatDay(c.joinedAt, locale) })}
              </span>
            </span>
            <button
              type="button"
              className={BUTTON_QUIET}
              onClick={async () => {
                if (!window.confirm(t("leaveConfirm", { name: c.name }))) return;
                const result = await sendJson(`/api/cohorts/${c.id}/membership`, "DELETE");
                if (!result.ok) return setError(apiError(result));
                router.refresh();
              }}
            >
              {t("leave")}
            </button>
          </li>
        ))}
      </ul>
      {error && <p role="alert" className={ERROR_BOX}>{error}</p>}
    </>
  );
}
