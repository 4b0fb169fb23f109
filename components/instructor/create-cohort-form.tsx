"use client";
import { useRouter } from "@/i18n/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { sendJson } from "./send-json";
import { useApiError } from "./use-api-error";
import { BUTTON, ERROR_BOX, FIELD } from "./ui";

/** The "New cohort" form; on success opens the new cohort's dashboard. */
export function CreateCohortForm({ today }: { today: string }) {
  const router = useRouter();
  const t = useTranslations("instructor.form");
  const apiError = useApiError("instructor");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const endsAt = String(form.get("endsAt") ?? "");
    const result = await sendJson<{ cohort: { id: string } }>("/api/cohorts", "POST", {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      startsAt: String(form.get("startsAt") ?? ""),
      endsAt: endsAt === "" ? null : endsAt,
    });
    if (!result.ok) {
      setError(apiError(result));
      setBusy(false);
      return;
    }
    router.push(`/instructor/cohorts/${result.data.cohort.id}`);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-labelledby="new-cohort-heading">
      <label className="block text-sm font-medium">
        {t("name")}
        <input name="name" required maxLength={120} className={FIELD} placeholder={t("namePlaceholder")} />
      </label>
      <label className="block text-sm font-medium">
        {t("description")} <span className="font-normal text-slate-500 dark:text-slate-400">{t("optional")}</span>
        <textarea name="description" maxLength={2000} rows={2} className={FIELD} />
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          {t("starts")}
          <input name="startsAt" type="date" required defaultValue={today} className={FIELD} />
        </label>
        <label className="block text-sm font-medium">
          {t("ends")} <span className="font-normal text-slate-500 dark:text-slate-400">{t("optional")}</span>
          <input name="endsAt" type="date" className={FIELD} />
        </label>
      </div>
      {error && <p role="alert" className={ERROR_BOX}>{error}</p>}
      <button type="submit" disabled={busy} className={BUTTON}>
        {busy ? t("creating") : t("create")}
      </button>
    </form>
  );
}
