"use client";
/** Steps, speed, elapsed time and what is left, as figures and a progress bar, in the page's language. */
import { useFormatter, useTranslations } from "next-intl";
import type { RunView } from "@/lib/capstone/worker/protocol";
import { Stat } from "@/components/ui/stat";
import type { CapstoneTranslate } from "./problem-text";

/** 42 s, or 3 min 07 s. */
export function formatDuration(t: CapstoneTranslate, ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? t("seconds", { seconds: s }) : t("minutesSeconds", { minutes: Math.floor(s / 60), seconds: String(s % 60).padStart(2, "0") });
}

export function RunProgress({ run }: { run: RunView }) {
  const t = useTranslations("capstone");
  const format = useFormatter();
  const { step, settings, stepsPerSecond, tokensPerSecond, elapsedMs } = run;
  const left = stepsPerSecond && run.status !== "done" ? ((settings.steps - step) / stepsPerSecond) * 1000 : null;
  const latest = run.curve.at(-1);
  return (
    <section aria-label={t("progressLabel")} className="space-y-2">
      <div className="h-3 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuemin={0} aria-valuemax={settings.steps} aria-valuenow={step} aria-label={t("stepsBar")}>
        <div className="h-full bg-indigo-500" style={{ width: `${(100 * step) / settings.steps}%` }} />
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <Stat label={t("statStatus")} value={t(`status.${run.status}`)} mono testId="run-status" />
        <Stat label={t("statStep")} value={t("stepOf", { step, steps: settings.steps })} mono testId="run-step" />
        <Stat label={t("statLoss")} value={run.lastLoss === null ? "–" : run.lastLoss.toFixed(3)} mono testId="run-loss" />
        <Stat label={t("statValidation")} value={latest ? latest.validation.toFixed(3) : "–"} mono testId="run-validation" />
        <Stat label={t("statStepsPerSecond")} value={stepsPerSecond ? stepsPerSecond.toFixed(2) : "–"} mono testId="run-steps-per-second" />
        <Stat label={t("statTokensPerSecond")} value={tokensPerSecond ? format.number(Math.round(tokensPerSecond)) : "–"} mono testId="run-tokens-per-second" />
        <Stat label={t("statElapsed")} value={formatDuration(t, elapsedMs)} mono testId="run-elapsed" />
        <Stat label={t("statTimeLeft")} value={left === null ? "–" : formatDuration(t, left)} mono testId="run-eta" />
      </dl>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {t("backend")} <span data-testid="run-backend">{run.backend}</span>
        {Object.keys(run.backendTimings).length > 1
          ? ` ${t("backendTimings", {
              timings: Object.entries(run.backendTimings)
                .map(([name, ms]) => (Number.isFinite(ms) ? t("backendTiming", { name, ms: Math.round(ms) }) : t("backendFailed", { name })))
                .join(", "),
            })}`
          : ""}{" "}
        · {t("modelFacts", { parameters: format.number(run.parameters), baseline: run.bigramBaseline.toFixed(3) })}
      </p>
    </section>
  );
}
