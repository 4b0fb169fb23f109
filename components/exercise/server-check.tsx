"use client";
/**
 * Under the browser's test results: what the server's own check of the same run says
 * (decision 017). The browser's result is instant; this line follows when the server has
 * re-graded the stored code, "Checked on the server" when it agrees and a plain warning when
 * it does not, since only the server's verdict counts for progress and instructors.
 */
import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { RunStatusView } from "@/lib/verification/run-status";

const POLL_MS = [500, 1000, 1000, 2000, 2000, 3000, 5000];
const GIVE_UP_MS = 5 * 60_000;

export interface ServerCheckProps {
  exerciseId: string;
  clientRunId: string;
  onVerified?(status: RunStatusView): void;
}

function useRunStatus(exerciseId: string, clientRunId: string, onVerified?: (s: RunStatusView) => void) {
  // The server words its own results (test names, failure messages) in the page's language.
  const locale = useLocale();
  const [status, setStatus] = useState<RunStatusView | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = Date.now();
    const poll = async (n: number) => {
      try {
        const response = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/runs/${encodeURIComponent(clientRunId)}${locale === "en" ? "" : `?locale=${encodeURIComponent(locale)}`}`, { cache: "no-store" });
        if (response.ok) {
          const next = (await response.json()) as RunStatusView;
          if (stopped) return;
          setStatus(next);
          if (next.status !== "pending") {
            onVerified?.(next);
            return;
          }
        }
      } catch {
        // Offline for a moment: ask again.
      }
      if (!stopped && Date.now() - started < GIVE_UP_MS) timer = setTimeout(() => void poll(n + 1), POLL_MS[Math.min(n, POLL_MS.length - 1)]);
    };
    timer = setTimeout(() => void poll(0), POLL_MS[0]);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // onVerified is a callback prop; the poll restarts only for another run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [exerciseId, clientRunId, locale]);
  return status;
}

export function ServerCheck({ exerciseId, clientRunId, onVerified }: ServerCheckProps) {
  const status = useRunStatus(exerciseId, clientRunId, onVerified);
  const t = useTranslations("exercise.serverCheck");
  const locale = useLocale();
  const base = "mt-2 rounded-md px-3 py-2 text-sm";
  if (!status || status.status === "pending") {
    return (
      <p className={`${base} text-slate-600 dark:text-slate-300`} role="status" data-testid="server-check" data-status="pending">
        {t("pending")}
      </p>
    );
  }
  const counts = { passed: status.testsPassed, total: status.testsTotal };
  if (status.status === "verified_pass") {
    return (
      <p className={`${base} bg-emerald-50 text-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-300`} role="status" data-testid="server-check" data-status="verified_pass">
        {t("passed", counts)}
      </p>
    );
  }
  if (status.status === "error") {
    return (
      <p className={`${base} bg-amber-50 text-amber-900 dark:bg-amber-950/40 dark:text-amber-200`} role="status" data-testid="server-check" data-status="error">
        {/* The reason is the server's English sentence (recorded data): only the English page quotes it. */}
        {status.message && locale === "en" ? t("errorBecause", { reason: status.message }) : t("error")}
      </p>
    );
  }
  const firstFailure = status.results.find((r) => r.status !== "pass");
  return (
    <div className={`${base} bg-rose-50 text-rose-900 dark:bg-rose-950/40 dark:text-rose-200`} role="status" data-testid="server-check" data-status="verified_fail">
      {status.disagrees ? (
        <p>
          {t.rich("disagrees", { ...counts, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      ) : (
        <p>{t("failed", counts)}</p>
      )}
      {firstFailure && (
        <p className="mt-1">
          {firstFailure.message ? t("firstFailureBecause", { name: firstFailure.name, reason: firstFailure.message }) : t("firstFailure", { name: firstFailure.name })}
        </p>
      )}
    </div>
  );
}
