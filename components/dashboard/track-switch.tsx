"use client";
import { useRouter } from "@/i18n/navigation";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { chooseTrack, type Track } from "@/components/progress/account-progress";
import { useProgressUser } from "@/components/progress/progress-store";
import { useTrack } from "@/components/progress/use-track";

/** Message keys (namespace "dashboard") of each track's name and hint. */
const OPTIONS: { value: Track; label: string; hint: string }[] = [
  { value: "CONCEPT", label: "trackConcept", hint: "trackConceptHint" },
  { value: "BUILDER", label: "trackBuilder", hint: "trackBuilderHint" },
];

/**
 * Concept or builder track. Signed in: saved on the account (PUT /api/me/track) and the page's
 * server-rendered counts are refreshed; anonymous: kept in this browser. Switching never
 * deletes anything: exercises done on the builder track still count when you switch back.
 */
export function TrackSwitch({ compact = false, initialTrack }: { compact?: boolean; initialTrack?: Track }) {
  const track = useTrack(initialTrack);
  const { userId, ready } = useProgressUser();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const name = useId();
  const t = useTranslations("dashboard");

  async function choose(next: Track) {
    if (next === track) return;
    setError(null);
    const ok = await chooseTrack(userId, next);
    if (!ok) setError(t("trackSaveFailed"));
    else if (userId) startTransition(() => router.refresh());
  }

  return (
    // Disabled until the session is known: a choice must go to the account when there is one.
    <fieldset className="min-w-0" data-testid="track-switch" aria-busy={pending} disabled={!ready}>
      <legend className="text-sm font-semibold">{t("trackLegend")}</legend>
      <div className={`mt-2 grid gap-2 ${compact ? "grid-cols-2" : "sm:grid-cols-2"}`}>
        {OPTIONS.map((option) => (
          <label
            key={option.value}
            className={`flex cursor-pointer gap-2 rounded-lg border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-500 ${
              track === option.value ? "border-indigo-500 bg-indigo-50 dark:border-indigo-400 dark:bg-indigo-950/40" : "border-slate-200 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900"
            }`}
          >
            <input type="radio" name={name} value={option.value} checked={track === option.value} onChange={() => void choose(option.value)} className="mt-0.5 accent-indigo-600" />
            <span>
              <span className="block font-medium">{t(option.label)}</span>
              {!compact && <span className="mt-0.5 block text-slate-600 dark:text-slate-400">{t(option.hint)}</span>}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
