/**
 * Sends a finished run's summary for a signed-in learner (POST /api/capstone/runs), once per run:
 * the server ignores a repeated runId, and this browser remembers which runs it has sent.
 */
import { piecesInUse } from "@/lib/capstone/plan";
import type { RunView } from "@/lib/capstone/worker/protocol";
import type { CapstoneRunInput } from "@/lib/capstone/run-input";
import { markRunReported, wasRunReported } from "@/lib/learner-state/capstone";
import { browserStorage } from "@/lib/learner-state/storage";


export function summaryOf(run: RunView): CapstoneRunInput {
  const last = run.curve.at(-1);
  return {
    runId: run.runId,
    pieces: piecesInUse(run.plan),
    finalTrainLoss: last?.train ?? run.lastLoss ?? 0,
    finalValidationLoss: last?.validation ?? 0,
    steps: run.step,
    backend: run.backend as CapstoneRunInput["backend"],
    settings: run.settings,
  };
}

export async function reportRunOnce(run: RunView): Promise<void> {
  if (wasRunReported(browserStorage(), run.runId)) return;
  const response = await fetch("/api/capstone/runs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify(summaryOf(run)),
  }).catch(() => null);
  if (response && response.ok) markRunReported(browserStorage(), run.runId);
}
