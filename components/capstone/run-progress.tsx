"use client";
/** Steps, speed, elapsed time and what is left, as figures and a progress bar. */
import type { RunView } from "@/lib/capstone/worker/protocol";

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

const STATUS_TEXT: Record<RunView["status"], string> = {
  measuring: "choosing the fastest backend…",
  training: "training",
  paused: "paused",
  done: "finished",
  stopped: "stopped",
};

export function RunProgress({ run }: { run: RunView }) {
  const { step, settings, stepsPerSecond, tokensPerSecond, elapsedMs } = run;
  const left = stepsPerSecond && run.status !== "done" ? ((settings.steps - step) / stepsPerSecond) * 1000 : null;
  const latest = run.curve.at(-1);
  return (
    <section aria-label="Progress" className="space-y-2">
      <div className="h-3 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800" role="progressbar" aria-valuemin={0} aria-valuemax={settings.steps} aria-valuenow={step} aria-label="Training steps">
        <div className="h-full bg-indigo-500" style={{ width: `${(100 * step) / settings.steps}%` }} />
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <Stat label="Status" value={STATUS_TEXT[run.status]} testId="run-status" />
        <Stat label="Step" value={`${step} / ${settings.steps}`} testId="run-step" />
        <Stat label="Loss (last step)" value={run.lastLoss === null ? "–" : run.lastLoss.toFixed(3)} testId="run-loss" />
        <Stat label="Validation loss" value={latest ? latest.validation.toFixed(3) : "–"} testId="run-validation" />
        <Stat label="Steps/s" value={stepsPerSecond ? stepsPerSecond.toFixed(2) : "–"} testId="run-steps-per-second" />
        <Stat label="Tokens/s" value={tokensPerSecond ? Math.round(tokensPerSecond).toLocaleString("en") : "–"} testId="run-tokens-per-second" />
        <Stat label="Elapsed" value={formatDuration(elapsedMs)} testId="run-elapsed" />
        <Stat label="Time left" value={left === null ? "–" : formatDuration(left)} testId="run-eta" />
      </dl>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Backend: <span data-testid="run-backend">{run.backend}</span>
        {Object.keys(run.backendTimings).length > 1
          ? ` (fastest of ${Object.entries(run.backendTimings).map(([name, ms]) => `${name} ${Number.isFinite(ms) ? `${Math.round(ms)} ms/step` : "failed"}`).join(", ")})`
          : ""}{" "}
        · {run.parameters.toLocaleString("en")} parameters · bigram baseline{" "}
        {run.bigramBaseline.toFixed(3)} nats/char
      </p>
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="font-mono" data-testid={testId}>{value}</dd>
    </div>
  );
}
