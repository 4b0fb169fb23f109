"use client";
import { useRouter } from "@/i18n/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { sendJson } from "./send-json";
import { useApiError } from "./use-api-error";
import { BUTTON_DANGER, ERROR_BOX } from "./ui";

/** Removes the learner from the cohort after a confirmation, then returns to the overview. */
export function RemoveLearnerButton({ cohortId, learnerId, name }: { cohortId: string; learnerId: string; name: string }) {
  const router = useRouter();
  const t = useTranslations("instructor.learner");
  const apiError = useApiError("instructor");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <button
        type="button"
        disabled={busy}
        className={BUTTON_DANGER}
        onClick={async () => {
          if (!window.confirm(t("removeConfirm", { name }))) return;
          setBusy(true);
          const result = await sendJson(`/api/cohorts/${cohortId}/members/${learnerId}`, "DELETE");
          setBusy(false);
          if (!result.ok) return setError(apiError(result));
          router.push(`/instructor/cohorts/${cohortId}`);
          router.refresh();
        }}
      >
        {t("remove")}
      </button>
      {error && <p role="alert" className={`mt-2 ${ERROR_BOX}`}>{error}</p>}
    </div>
  );
}
